"""The facts store: records v1 in, normalised tables out (SQLite, PostgreSQL, Parquet).

    validate.py   which lines are valid records           schema.py    the tables, for both databases
    rows.py       record <-> table rows                   load.py      batches into a sink, idempotently
    sqlite.py     the embedded store (FTS5)               postgres.py  the PostgreSQL sink
    query.py      researchers' questions, read-only SQL   parquet.py   one Parquet file per table
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from pipeline.lifeline import exit_with_parent
from pipeline.store.load import (DEFAULT_BATCH_SIZE, LoadReport, PreparedLine, Sink, load_records, prepare,
                                 without_cycle_collection)
from pipeline.store.validate import InvalidLine, RecordValidator, read_record_lines

# With this much input or more (and a second core), lines are decoded, checked and turned into rows
# in a second process while this one writes: starting it costs about 0.2 s, decoding is 40 % of a load.
PARALLEL_BYTES = 16 << 20
_CHUNK_LINES = 250
_CHUNKS_AHEAD = 8  # bounds what waits in memory: about 2,000 records

__all__ = ["LoadReport", "load_files", "load_into_sqlite"]


def load_files(paths: Sequence[str], sink: Sink, *, batch_size: int = DEFAULT_BATCH_SIZE,
               on_invalid: Callable[[InvalidLine], None] | None = None, parallel: bool | None = None) -> LoadReport:
    """Load record files (`-` is standard input) into `sink`; invalid lines are passed to `on_invalid`,
    in file and line order. `parallel` (default: for PARALLEL_BYTES of files or more on a machine with
    two cores) prepares the rows in a second process."""
    if parallel is None:
        parallel = (os.cpu_count() or 1) > 1 and _input_bytes(paths) >= PARALLEL_BYTES
    lines = _prepared_in_worker(paths) if parallel else _prepared_here(paths)
    return load_records(lines, sink, batch_size=batch_size, on_invalid=on_invalid)


def load_into_sqlite(paths: Sequence[str], db: str | Path, *,
                     on_invalid: Callable[[InvalidLine], None] | None = None,
                     on_wait: Callable[[], None] | None = None) -> LoadReport:
    """`extract --db` and `load --db`: record files into the SQLite store at `db` (created if missing).
    Loads into one store take turns; `on_wait` is called when this one has to wait for another."""
    from pipeline.store.sqlite import SqliteSink, connect, exclusive_load

    with exclusive_load(db, on_wait=on_wait):
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


def _input_bytes(paths: Sequence[str]) -> int:
    """Size of the files among `paths` (standard input counts as nothing: its size is unknown)."""
    return sum(os.path.getsize(path) for path in paths if path != "-" and os.path.isfile(path))


def _prepared_here(paths: Sequence[str]) -> Iterator[PreparedLine]:
    validator = RecordValidator()
    for path in paths:
        with _open(path) as stream:
            yield from prepare(read_record_lines(stream, validator, source=path))


def _prepared_in_worker(paths: Sequence[str]) -> Iterator[PreparedLine]:
    """What `_prepared_here` yields, computed in a second process a few chunks of lines ahead."""
    pending: deque[Future[list[bytes]]] = deque()
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=exit_with_parent) as pool:
        for path, first, chunk in _chunks(paths):
            pending.append(pool.submit(_prepare_chunk, path, first, chunk))
            if len(pending) >= _CHUNKS_AHEAD:
                yield from map(pickle.loads, pending.popleft().result())
        while pending:
            yield from map(pickle.loads, pending.popleft().result())


def _chunks(paths: Sequence[str]) -> Iterator[tuple[str, int, list[bytes]]]:
    """(path, number of the first line, lines) in runs of _CHUNK_LINES lines."""
    for path in paths:
        with _open(path) as stream:
            chunk: list[bytes] = []
            for number, line in enumerate(stream, start=1):
                chunk.append(line)
                if len(chunk) == _CHUNK_LINES:
                    yield path, number - len(chunk) + 1, chunk
                    chunk = []
            if chunk:
                yield path, number - len(chunk) + 1, chunk


@lru_cache(maxsize=1)
def _worker_validator() -> RecordValidator:
    """One compiled schema per worker process, built on its first chunk."""
    return RecordValidator()


def _prepare_chunk(path: str, first: int, lines: list[bytes]) -> list[bytes]:
    """The chunk's prepared lines, each pickled on its own: pickling a whole chunk at once tracks
    every row and string of it in one memo and took three times as long."""
    with without_cycle_collection():
        return [pickle.dumps(line, protocol=pickle.HIGHEST_PROTOCOL)
                for line in prepare(read_record_lines(lines, _worker_validator(), source=path, first=first))]
