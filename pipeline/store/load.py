"""Loading classified record lines into a sink (SQLite or PostgreSQL), batch by batch.

A batch is written in one transaction. An article already stored from the same
line is skipped; one stored from a different line (re-extracted) has its old
rows deleted and the new ones written, so loading is idempotent and the store
holds the latest extraction of every article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
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


def load_records(lines: Iterable[RecordLine], sink: Sink, *, batch_size: int = DEFAULT_BATCH_SIZE,
                 on_invalid: Callable[[InvalidLine], None] | None = None) -> LoadReport:
    report = LoadReport()
    batch: dict[str, ValidRecord] = {}
    for line in lines:
        if isinstance(line, ValidRecord):
            batch[line.record["id"]] = line  # the same article twice in a batch: the later line wins
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


def _write(batch: dict[str, ValidRecord], sink: Sink, report: LoadReport) -> None:
    stored = sink.stored_digests(list(batch))
    changed = [line for key, line in batch.items() if stored.get(key) != line.digest]
    replaced = [line.record["id"] for line in changed if line.record["id"] in stored]
    report.unchanged += len(batch) - len(changed)
    report.replaced += len(replaced)
    report.added += len(changed) - len(replaced)
    if changed:
        sink.write_batch(replaced, [record_rows(line.record, line.digest) for line in changed])
