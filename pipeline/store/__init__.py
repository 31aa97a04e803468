"""The facts store: records v1 in, normalised tables out (SQLite, PostgreSQL, Parquet).

    validate.py   which lines are valid records           schema.py    the tables, for both databases
    rows.py       record <-> table rows                   load.py      batches into a sink, idempotently
    sqlite.py     the embedded store (FTS5)               postgres.py  the PostgreSQL sink
    query.py      researchers' questions, read-only SQL   parquet.py   one Parquet file per table
    benchmark.py  load rate and query latency (`make bench`)
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from pipeline.store.load import DEFAULT_BATCH_SIZE, LoadReport, Sink, load_records
from pipeline.store.validate import InvalidLine, RecordValidator, read_record_lines

__all__ = ["LoadReport", "load_files", "load_into_sqlite"]


def load_files(paths: Sequence[str], sink: Sink, *, batch_size: int = DEFAULT_BATCH_SIZE,
               on_invalid: Callable[[InvalidLine], None] | None = None) -> LoadReport:
    """Load record files (`-` is standard input) into `sink`; invalid lines are passed to `on_invalid`."""
    validator = RecordValidator()

    def lines() -> Iterator:
        for path in paths:
            with _open(path) as stream:
                yield from read_record_lines(stream, validator, source=path)

    return load_records(lines(), sink, batch_size=batch_size, on_invalid=on_invalid)


def load_into_sqlite(paths: Sequence[str], db: str | Path, *,
                     on_invalid: Callable[[InvalidLine], None] | None = None) -> LoadReport:
    """`extract --db` and `load --db`: record files into the SQLite store at `db` (created if missing)."""
    from pipeline.store.sqlite import SqliteSink, connect

    connection = connect(db)
    try:
        return load_files(paths, SqliteSink(connection), on_invalid=on_invalid)
    finally:
        connection.close()


@contextmanager
def _open(path: str) -> Iterator[BinaryIO]:
    if path == "-":
        yield sys.stdin.buffer
    else:
        with open(path, "rb") as stream:
            yield stream
