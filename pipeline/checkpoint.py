"""JSON Lines output, resumable: a run killed at any point continues where it stopped.

While a run is going, its lines go to `OUT.part` and a small checkpoint,
`OUT.ckpt`, records how many input articles have their lines durably written
and how long `OUT.part` was at that moment. The checkpoint is only replaced
(temp file, fsync, `os.replace`) after the output has been fsynced, so it never
claims more than the disk holds. On resume the part file is cut back to the
checkpointed length, which drops a half-written tail, and that many input
articles are skipped. When the run completes, `OUT.part` is renamed to `OUT`
and the checkpoint removed: readers of `OUT` never see a partial file.
"""

from __future__ import annotations

import logging
import os
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

import orjson

from pipeline.errors import PipelineError

log = logging.getLogger(__name__)

CHECKPOINT_VERSION = 1
DEFAULT_INTERVAL = 1.0  # seconds between checkpoints: bounds fsync cost and the work a kill loses


@dataclass(frozen=True, slots=True, kw_only=True)
class Progress:
    """What a run has written so far; the checkpoint's content."""

    inputs: list[str]
    articles: int = 0
    records: int = 0
    errors: Counter[str] = field(default_factory=Counter)  # error records by kind
    size: int = 0  # bytes of output holding exactly `articles` lines

    def to_json(self) -> bytes:
        return orjson.dumps({"version": CHECKPOINT_VERSION, "inputs": self.inputs, "articles": self.articles,
                             "records": self.records, "errors": dict(sorted(self.errors.items())),
                             "size": self.size})

    def add(self, lines: list[bytes]) -> Progress:
        """The progress after `lines` (one per input article) are written."""
        errors = Counter(self.errors)
        for line in lines:
            if b'"error":{' in line:  # cheap pre-filter; only error records are decoded
                errors[orjson.loads(line)["error"]["kind"]] += 1
        failed = sum(errors.values()) - sum(self.errors.values())
        return replace(self, articles=self.articles + len(lines), records=self.records + len(lines) - failed,
                       errors=errors, size=self.size + sum(len(line) for line in lines))

    @classmethod
    def from_json(cls, data: bytes) -> Progress:
        obj = orjson.loads(data)
        if obj.get("version") != CHECKPOINT_VERSION:
            raise PipelineError(f"unknown checkpoint version {obj.get('version')!r}")
        return cls(inputs=obj["inputs"], articles=obj["articles"], records=obj["records"],
                   errors=Counter(obj["errors"]), size=obj["size"])


def is_complete(output: Path) -> bool:
    """The run writing `output` finished: the output is published and nothing is left to resume."""
    return output.exists() and not part_path(output).exists() and not checkpoint_path(output).exists()


def checkpoint_path(output: Path) -> Path:
    return output.with_name(output.name + ".ckpt")


def part_path(output: Path) -> Path:
    return output.with_name(output.name + ".part")


class ResumableWriter:
    """Appends batches of record lines to `output` and checkpoints them; see the module docstring.

    `done` tells the caller how many input articles to skip.
    """

    def __init__(self, output: Path, *, inputs: list[str], resume: bool = False,
                 interval: float = DEFAULT_INTERVAL) -> None:
        self.output = output
        self.interval = interval
        self._checkpoint = checkpoint_path(output)
        self._part = part_path(output)
        resumed = self._resumed(inputs) if resume else None
        self.progress = resumed or Progress(inputs=inputs)
        if resumed is None:
            self._file = open(self._part, "wb")
        else:
            self._file = open(self._part, "r+b")
            self._file.truncate(self.progress.size)  # drops what was written after the last checkpoint
            self._file.seek(self.progress.size)
        self._last_saved = time.monotonic()

    @property
    def done(self) -> int:
        return self.progress.articles

    def _resumed(self, inputs: list[str]) -> Progress | None:
        if not self._checkpoint.exists() or not self._part.exists():
            log.info("no checkpoint beside %s: starting from the first article", self.output)
            return None
        progress = Progress.from_json(self._checkpoint.read_bytes())
        if progress.inputs != inputs:
            raise PipelineError(f"{self._checkpoint} belongs to a run over {progress.inputs}, not {inputs}; "
                                "run without --resume to start over")
        if self._part.stat().st_size < progress.size:
            raise PipelineError(f"{self._part} is shorter than its checkpoint says; run without --resume")
        return progress

    def write_batch(self, lines: list[bytes]) -> None:
        """Write one batch's lines (one per input article) in a single write."""
        self._file.write(b"".join(lines))
        self._file.flush()
        self.progress = self.progress.add(lines)
        if time.monotonic() - self._last_saved >= self.interval:
            self.save()

    def save(self) -> None:
        """Make the written lines durable, then record them in the checkpoint atomically."""
        os.fsync(self._file.fileno())
        temporary = self._checkpoint.with_name(self._checkpoint.name + ".tmp")
        with open(temporary, "wb") as file:
            file.write(self.progress.to_json())
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, self._checkpoint)
        self._last_saved = time.monotonic()

    def finish(self) -> None:
        """The run is complete: publish the output and drop the checkpoint."""
        os.fsync(self._file.fileno())
        self._file.close()
        # Checkpoint first: a kill between the two leaves a part file that --resume starts over,
        # never a published output with a stale checkpoint beside it.
        self._checkpoint.unlink(missing_ok=True)
        os.replace(self._part, self.output)

    def close(self) -> None:
        """Stop without publishing (an error ended the run): leave part file and checkpoint for --resume."""
        if not self._file.closed:
            self.save()
            self._file.close()


class StreamWriter:
    """Standard output: the same interface as `ResumableWriter`, nothing to resume."""

    done = 0

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.progress = Progress(inputs=[])

    def write_batch(self, lines: list[bytes]) -> None:
        self.stream.write(b"".join(lines))
        self.stream.flush()  # a reader down the pipe gets whole batches as they come
        self.progress = self.progress.add(lines)

    def finish(self) -> None:
        pass

    def close(self) -> None:
        pass
