"""The embedded SQLite facts store: creating it, loading into it, reading records back.

Full-text search uses FTS5 tables over `articles` and `claims`; they name their
content table (`content="articles"`), which is how Datasette finds them and offers
a search box. Deletes and updates reach them through triggers; new rows are indexed
by the sink with one INSERT ... SELECT per batch, because a trigger run per row made
loading about four times slower. A load into an empty store builds them once, at the
end, from the whole table (in a third of the time).
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import Any

from pipeline.errors import PipelineError
from pipeline.store.query import register_functions
from pipeline.store.rows import Rows, record_from_rows
from pipeline.store.schema import (ADDED_COLUMNS, ENTITY_TABLES, TABLES, add_column_statement, create_statements,
                                   delete_statements, distinct_entities, entity_upsert_statement, index_statements,
                                   insert_statement, prune_statements)

# FTS table -> (content table, indexed columns, the content table's column holding the article id)
_FTS = {"articles_fts": ("articles", ("title", "text"), "id"), "claims_fts": ("claims", ("text",), "article_id")}
# While loading: a page cache big enough for the indexes being filled, temporary data in memory,
# and no fsync at commits (a tenth of the load time). The rollback journal is still written, so a
# crash of the loading process leaves the store as it was before the unfinished batch; only an
# operating-system crash or power cut during a load can damage the file. The store is derived
# data: loading is idempotent, so re-running the load (into a fresh file, if damaged) restores it.
_LOAD_PRAGMAS = ("PRAGMA synchronous = OFF", "PRAGMA cache_size = -262144", "PRAGMA temp_store = MEMORY")
# A new store's page size: with 16 KiB pages a load writes about 5 % faster than with the default 4 KiB.
_PAGE_SIZE = "PRAGMA page_size = 16384"


class StoreError(PipelineError):
    """The file cannot be used as a facts store: not an SQLite database, or another program's."""


class StoreLayoutError(StoreError):
    """The file is a store in an earlier layout, which the loader cannot add to."""


@contextmanager
def exclusive_load(path: str | Path, *, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Held for a whole load: one load at a time into a store, the next waits (after calling `on_wait`).

    SQLite locks per transaction, so two loads interleaved their batches and one of them failed with
    "database is locked". This is an advisory `flock` on the store file, which SQLite's own POSIX locks
    do not see; it is released after the load's connection is closed (closing a file descriptor of the
    store while a connection is open would drop that connection's locks).
    """
    try:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise StoreError(f"cannot open {path}: {exc.strerror or exc}") from exc
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) a facts store for writing; `StoreError` if the file is not one."""
    try:
        connection = sqlite3.connect(path, isolation_level=None)
        tables = table_names(connection)
        columns = {row[1] for row in connection.execute("PRAGMA table_info(articles)")}
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is not an SQLite database ({exc})") from exc
    if "mentions" in tables:
        connection.close()
        raise StoreLayoutError(f"{path} has a mentions table: it was made by an earlier version of the store, "
                               "which kept one row per mention; delete it and load the records again")
    if tables and not ("articles_fts" in tables and "record_hash" in columns):
        connection.close()
        listed = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise StoreError(f"{path} is another program's database (tables {listed}); the store adds its tables "
                         "only to an empty file or one of its own: load into a new file")
    for pragma in (_PAGE_SIZE, *_LOAD_PRAGMAS):
        connection.execute(pragma)
    connection.execute("BEGIN")
    _add_columns(connection)
    for statement in chain(create_statements("sqlite"), _fts_statements()):
        connection.execute(statement)
    # A load into an empty store that stopped before its end left its rows out of the full-text index.
    for fts, (table, _, _) in _FTS.items():
        if _row_count(connection, f"{fts}_docsize") != _row_count(connection, table):
            connection.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
    connection.execute("COMMIT")
    return connection


def connect_read_only(path: str | Path) -> sqlite3.Connection:
    """Open an existing store so that nothing can write to it: read-only file, `query_only`, and an
    authorizer that refuses every action but reading (so ATTACH or a temp table is refused too)."""
    connection = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    connection.execute("PRAGMA query_only = ON")
    register_functions(connection)
    connection.set_authorizer(_read_only_authorizer)
    connection.row_factory = sqlite3.Row
    return connection


class SqliteSink:
    """`pipeline.store.load.Sink` over an open connection."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self._statements = [(table.name, entity_upsert_statement(table, "?") if table.name in ENTITY_TABLES
                             else insert_statement(table, "?")) for table in TABLES]
        # Into an empty store, the secondary and full-text indexes are built once after the load (from
        # sorted data) instead of row by row: about a quarter of the load time. Should the load stop
        # half-way, the next `connect` builds them.
        self._deferred_indexes = connection.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None
        if self._deferred_indexes:
            for name, _ in index_statements():
                connection.execute(f"DROP INDEX IF EXISTS {name}")

    def stored_digests(self, ids: list[str]) -> dict[str, str]:
        marks = ", ".join("?" * len(ids))
        return dict(self.connection.execute(f"SELECT id, record_hash FROM articles WHERE id IN ({marks})", ids))

    def write_batch(self, replaced: list[str], rows: list[Rows]) -> None:
        connection = self.connection
        # In id order, rows of neighbouring articles land on the same index pages.
        rows = sorted(rows, key=lambda article: article["articles"][0][0])
        ids = [article["articles"][0][0] for article in rows]
        connection.execute("BEGIN")
        try:
            if replaced:
                for statement in delete_statements("?", len(replaced)):
                    connection.execute(statement, replaced)
            for name, statement in self._statements:
                values = chain.from_iterable(article[name] for article in rows)
                connection.executemany(statement, distinct_entities(values) if name in ENTITY_TABLES else values)
            marks = ", ".join("?" * len(ids))
            for fts, (table, columns, article_column) in _FTS.items() if not self._deferred_indexes else ():
                names = ", ".join(columns)
                connection.execute(f"INSERT INTO {fts} (rowid, {names}) SELECT rowid, {names} FROM {table} "
                                   f"WHERE {article_column} IN ({marks})", ids)
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    def finish(self, *, pruned: bool) -> None:
        if self._deferred_indexes:
            self.connection.execute("BEGIN")
            for _, statement in index_statements():
                self.connection.execute(statement)
            for fts in _FTS:
                self.connection.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
            self.connection.execute("COMMIT")
        if pruned:
            self.connection.execute("BEGIN")
            for statement in prune_statements():
                self.connection.execute(statement)
            self.connection.execute("COMMIT")
        self.connection.execute("PRAGMA optimize")


def read_records(connection: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every stored article as a record v1, in id order."""
    connection.row_factory = sqlite3.Row
    entities = {name: {row["id"]: row for row in connection.execute(f"SELECT * FROM {name}")}
                for name in ENTITY_TABLES}
    children: dict[str, dict[str, list[sqlite3.Row]]] = {}
    for table in TABLES:
        if table.per_article:
            grouped = children[table.name] = {}
            for row in connection.execute(f"SELECT * FROM {table.name} ORDER BY {', '.join(table.key)}"):
                grouped.setdefault(row["article_id"], []).append(row)
    for article in connection.execute("SELECT * FROM articles ORDER BY id"):
        rows = {name: grouped.get(article["id"], []) for name, grouped in children.items()}
        yield record_from_rows(article, rows, entities)


def _add_columns(connection: sqlite3.Connection) -> None:
    """Columns added to the layout since a store was made (`ADDED_COLUMNS`) are added to it, empty."""
    for table, column in ADDED_COLUMNS:
        present = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
        if present and column not in present:
            connection.execute(add_column_statement("sqlite", table, column))


def _row_count(connection: sqlite3.Connection, table: str) -> int:
    return connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def table_names(connection: sqlite3.Connection) -> set[str]:
    return {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _fts_statements() -> list[str]:
    statements = []
    for fts, (table, columns, _) in _FTS.items():
        names = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        delete = f"INSERT INTO {fts} ({fts}, rowid, {names}) VALUES ('delete', old.rowid, {old});"
        insert = f"INSERT INTO {fts} (rowid, {names}) VALUES (new.rowid, {new});"
        statements += [
            f'CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({names}, content="{table}", content_rowid="rowid")',
            # Stores made before the sink indexed new rows itself had an insert trigger: it would index them twice.
            f"DROP TRIGGER IF EXISTS {table}_ai",
            f"CREATE TRIGGER IF NOT EXISTS {table}_ad AFTER DELETE ON {table} BEGIN {delete} END",
            f"CREATE TRIGGER IF NOT EXISTS {table}_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
        ]
    return statements


_READ_ACTIONS = frozenset({sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION,
                           sqlite3.SQLITE_RECURSIVE})
_READ_PRAGMAS = frozenset({"data_version", "table_info", "table_xinfo", "index_list", "index_info",
                           "foreign_key_list"})


def _read_only_authorizer(action: int, first: str | None, second: str | None, *_: Any) -> int:
    if action in _READ_ACTIONS:
        return sqlite3.SQLITE_OK
    # FTS5 asks for these while it sets its tables up; neither can change the file.
    if action == sqlite3.SQLITE_UPDATE and first == "sqlite_master":
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA and first in _READ_PRAGMAS:  # `second` is the argument: table_info(x)
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY
