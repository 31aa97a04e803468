"""Loading classified record lines into a sink (SQLite or PostgreSQL), batch by batch.

A batch is written in one transaction. An article already stored from the same
line is skipped; one stored from a different line (re-extracted) has its old
rows deleted and the new ones written, so loading is idempotent and the store
holds the latest extraction of every article.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

from pipeline.store.rows import Rows, record_rows
from pipeline.store.validate import ErrorRecord, InvalidLine, RecordLine, ValidRecord

DEFAULT_BATCH_SIZE = 1000


class Sink(Protocol):
    def stored_digests(self, ids: list[str]) -> dict[str, str]:
        """`record_hash` of those of `ids` already stored."""

    def write_batch(self, replaced: list[str], rows: list[Rows]) -> None:
        """In one transaction: delete the rows of the `replaced` articles, then write `rows`."""

    def finish(self, *, pruned: bool) -> None:
        """After the last batch; `pruned` says some articles were replaced (canonical entities may be stale)."""


@dataclass(frozen=True, slots=True)
class PreparedRecord:
    """A valid record turned into its table rows, ready for a sink (and small enough to pickle)."""
    number: int
    id: str
    digest: str
    rows: Rows


PreparedLine = PreparedRecord | ErrorRecord | InvalidLine


@dataclass(slots=True)
class LoadReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    error_records: int = 0
    invalid: int = 0

    def summary(self) -> str:
        return (f"{self.added} articles added, {self.replaced} replaced, {self.unchanged} unchanged; "
                f"{self.error_records} error records and {self.invalid} invalid lines skipped")


def prepare(lines: Iterable[RecordLine]) -> Iterator[PreparedLine]:
    """The rows of every valid record; error records and invalid lines pass through, in order."""
    for line in lines:
        if isinstance(line, ValidRecord):
            yield PreparedRecord(line.number, line.record["id"], line.digest, record_rows(line.record, line.digest))
        else:
            yield line


def load_records(lines: Iterable[PreparedLine], sink: Sink, *, batch_size: int = DEFAULT_BATCH_SIZE,
                 on_invalid: Callable[[InvalidLine], None] | None = None) -> LoadReport:
    report = LoadReport()
    batch: dict[str, PreparedRecord] = {}
    with without_cycle_collection():
        for line in lines:
            if isinstance(line, PreparedRecord):
                batch[line.id] = line  # the same article twice in a batch: the later line wins
                if len(batch) >= batch_size:
                    _write(batch, sink, report)
                    batch = {}
            elif isinstance(line, ErrorRecord):
                report.error_records += 1
            else:
                report.invalid += 1
                if on_invalid is not None:
                    on_invalid(line)
        if batch:
            _write(batch, sink, report)
    sink.finish(pruned=report.replaced > 0)
    return report


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """A batch keeps about 100,000 small objects alive, and the cycle collector walked them all again and
    again while the next lines were decoded (most of the decoding time). Decoded records and rows hold
    no reference cycles, so reference counting frees them without it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _write(batch: dict[str, PreparedRecord], sink: Sink, report: LoadReport) -> None:
    stored = sink.stored_digests(list(batch))
    changed = [line for key, line in batch.items() if stored.get(key) != line.digest]
    replaced = [line.id for line in changed if line.id in stored]
    report.unchanged += len(batch) - len(changed)
    report.replaced += len(replaced)
    report.added += len(changed) - len(replaced)
    if changed:
        sink.write_batch(replaced, [line.rows for line in changed])
