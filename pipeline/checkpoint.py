"""JSON Lines output, resumable: a run killed at any point continues where it stopped.

While a run is going, its lines go to `OUT.part` and a small checkpoint,
`OUT.ckpt`, records how many input articles have their lines durably written
and how long `OUT.part` was at that moment. The checkpoint is only replaced
(temp file, fsync, `os.replace`) after the output has been fsynced, so it never
claims more than the disk holds. On resume the part file is cut back to the
checkpointed length, which drops a half-written tail, and that many input
articles are skipped. When the run completes, `OUT.part` is renamed to `OUT`
and the checkpoint removed: readers of `OUT` never see a partial file.

The checkpoint also holds the inputs' manifest (`readers.input_manifest`): a
resume over inputs that changed since (files added, removed or rewritten)
would skip the wrong articles, so it is refused. A failure to write (a full
disk, a read-only folder) is an `OutputError` naming the file.
"""

from __future__ import annotations

import logging
import os
import time
from collections import Counter
from contextlib import suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from pipeline.errors import PipelineError

log = logging.getLogger(__name__)

CHECKPOINT_VERSION = 2  # 2: the inputs' manifest
DEFAULT_INTERVAL = 1.0  # seconds between checkpoints: bounds fsync cost and the work a kill loses


@dataclass(frozen=True, slots=True, kw_only=True)
class Progress:
    """What a run has written so far; the checkpoint's content."""

    inputs: list[str]
    manifest: dict[str, Any] = field(default_factory=dict)  # `readers.input_manifest` of the inputs
    articles: int = 0
    records: int = 0
    errors: Counter[str] = field(default_factory=Counter)  # error records by kind
    size: int = 0  # bytes of output holding exactly `articles` lines

    def to_json(self) -> bytes:
        return orjson.dumps({"version": CHECKPOINT_VERSION, "inputs": self.inputs, "manifest": self.manifest,
                             "articles": self.articles,
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
        """Raises `PipelineError` for anything but a checkpoint this version wrote."""
        try:
            obj = orjson.loads(data)
            version = obj.get("version")
        except (orjson.JSONDecodeError, AttributeError) as exc:
            raise PipelineError(f"the checkpoint is corrupt ({exc})") from exc
        if version != CHECKPOINT_VERSION:
            raise PipelineError(f"unknown checkpoint version {version!r}")
        try:
            progress = cls(inputs=obj["inputs"], manifest=obj["manifest"], articles=obj["articles"],
                           records=obj["records"], errors=Counter(obj["errors"]), size=obj["size"])
        except (KeyError, TypeError, ValueError) as exc:
            raise PipelineError(f"the checkpoint is corrupt (bad or missing {exc})") from exc
        if not all(isinstance(n, int) and n >= 0 for n in (progress.articles, progress.records, progress.size)):
            raise PipelineError("the checkpoint is corrupt (counts that are not counts)")
        return progress


class OutputError(PipelineError):
    """The output, its part file or its checkpoint cannot be written."""

    def __init__(self, path: Path, exc: OSError) -> None:
        super().__init__(f"cannot write {path}: {exc.strerror or exc}")


def is_complete(output: Path) -> bool:
    """The run writing `output` finished: the output is published and nothing is left to resume."""
    return output.exists() and not part_path(output).exists() and not checkpoint_path(output).exists()


def checkpoint_path(output: Path) -> Path:
    return output.with_name(output.name + ".ckpt")


def part_path(output: Path) -> Path:
    return output.with_name(output.name + ".part")


def checkpoint_temporary_path(output: Path) -> Path:
    """The longest name a run writes: the new checkpoint, before it replaces the old one."""
    return output.with_name(output.name + ".ckpt.tmp")


class ResumableWriter:
    """Appends batches of record lines to `output` and checkpoints them; see the module docstring.

    `done` tells the caller how many input articles to skip.
    """

    def __init__(self, output: Path, *, inputs: list[str], manifest: dict[str, Any] | None = None,
                 resume: bool = False, interval: float = DEFAULT_INTERVAL) -> None:
        self.output = output
        self.interval = interval
        self._checkpoint = checkpoint_path(output)
        self._part = part_path(output)
        manifest = manifest or {}
        resumed = self._resumed(inputs, manifest) if resume else None
        self.progress = resumed or Progress(inputs=inputs, manifest=manifest)
        try:
            if resumed is None:
                self._file = open(self._part, "wb")
            else:
                self._file = open(self._part, "r+b")
                self._file.truncate(self.progress.size)  # drops what was written after the last checkpoint
                self._file.seek(self.progress.size)
        except OSError as exc:
            raise OutputError(self._part, exc) from exc
        self._last_saved = time.monotonic()

    @property
    def done(self) -> int:
        return self.progress.articles

    def _resumed(self, inputs: list[str], manifest: dict[str, Any]) -> Progress | None:
        if not self._checkpoint.exists() or not self._part.exists():
            log.info("no checkpoint beside %s: starting from the first article", self.output)
            return None
        try:
            progress = Progress.from_json(self._checkpoint.read_bytes())
        except PipelineError as exc:
            raise PipelineError(f"{self._checkpoint}: {exc}; run without --resume to start over") from exc
        if progress.inputs != inputs:
            raise PipelineError(f"{self._checkpoint} belongs to a run over {progress.inputs}, not {inputs}; "
                                "run without --resume to start over")
        if progress.manifest != manifest:
            then, now = progress.manifest, manifest
            raise PipelineError(f"the inputs changed since the stopped run ({then.get('files')} files of "
                                f"{then.get('bytes')} bytes then, {now.get('files')} files of {now.get('bytes')} "
                                "bytes now, or files rewritten): resuming would skip the wrong articles; "
                                "run without --resume to start over")
        if self._part.stat().st_size < progress.size:
            raise PipelineError(f"{self._part} is shorter than its checkpoint says; run without --resume")
        return progress

    def write_batch(self, lines: list[bytes]) -> None:
        """Write one batch's lines (one per input article) in a single write."""
        try:
            self._file.write(b"".join(lines))
            self._file.flush()
        except OSError as exc:
            raise OutputError(self._part, exc) from exc
        self.progress = self.progress.add(lines)
        if time.monotonic() - self._last_saved >= self.interval:
            self.save()

    def save(self) -> None:
        """Make the written lines durable, then record them in the checkpoint atomically."""
        try:
            os.fsync(self._file.fileno())
        except OSError as exc:
            raise OutputError(self._part, exc) from exc
        temporary = checkpoint_temporary_path(self.output)
        try:
            with open(temporary, "wb") as file:
                file.write(self.progress.to_json())
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self._checkpoint)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            raise OutputError(temporary, exc) from exc
        self._last_saved = time.monotonic()

    def finish(self) -> None:
        """The run is complete: publish the output and drop the checkpoint."""
        try:
            os.fsync(self._file.fileno())
            self._file.close()
            # Checkpoint first: a kill between the two leaves a part file that --resume starts over,
            # never a published output with a stale checkpoint beside it.
            self._checkpoint.unlink(missing_ok=True)
            os.replace(self._part, self.output)
        except OSError as exc:
            raise OutputError(self.output, exc) from exc

    def close(self) -> None:
        """Stop without publishing (an error ended the run): leave part file and checkpoint for --resume.

        Never raises: it runs while another error ends the run, which must be the one reported.
        """
        if self._file.closed:
            return
        try:
            self.save()
        except OutputError as exc:
            log.warning("%s; --resume will go on from the previous checkpoint", exc)
        with suppress(OSError):  # closing flushes what a full disk refused a moment ago
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
