"""The PostgreSQL sink: the store's schema in a PostgreSQL database, filled by idempotent upserts.

Each batch is one transaction (`INSERT ... ON CONFLICT`, sent with psycopg's
pipelined `executemany`); a failed batch leaves the database as it was before it.
Needs the `postgres` extra (psycopg 3).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from itertools import chain

import psycopg

from pipeline.errors import PipelineError
from pipeline.store.rows import Rows
from pipeline.store.schema import (ENTITY_TABLES, TABLES, create_statements, delete_statements, distinct_entities,
                                   entity_upsert_statement, prune_statements, upsert_statement)


class StoreConnectionError(PipelineError):
    """The PostgreSQL server cannot be reached or refuses the connection."""


class PostgresSink:
    """`pipeline.store.load.Sink` over an open psycopg connection (in autocommit mode: each
    batch opens its own transaction)."""

    def __init__(self, connection: psycopg.Connection) -> None:
        self.connection = connection
        with connection.transaction():
            for statement in create_statements("postgres"):
                connection.execute(statement)

    @classmethod
    @contextmanager
    def connect(cls, url: str) -> Iterator[PostgresSink]:
        try:
            connection = psycopg.connect(url, autocommit=True)
        except psycopg.OperationalError as exc:
            raise StoreConnectionError(f"cannot connect to PostgreSQL: {str(exc).strip()}") from exc
        with connection:
            yield cls(connection)

    def stored_digests(self, ids: list[str]) -> dict[str, str]:
        rows = self.connection.execute("SELECT id, record_hash FROM articles WHERE id = ANY(%s)", [ids])
        return dict(rows.fetchall())

    def write_batch(self, replaced: list[str], rows: list[Rows]) -> None:
        with self.connection.transaction(), self.connection.cursor() as cursor:
            if replaced:
                for statement in delete_statements("%s", len(replaced)):
                    cursor.execute(statement, replaced)
            for table in TABLES:
                statement = (entity_upsert_statement(table, "%s") if table.name in ENTITY_TABLES
                             else upsert_statement(table, "%s"))
                values = list(chain.from_iterable(r[table.name] for r in rows))
                if table.name in ENTITY_TABLES:
                    values = distinct_entities(values)
                if values:
                    cursor.executemany(statement, values)

    def finish(self, *, pruned: bool) -> None:
        if pruned:
            with self.connection.transaction():
                for statement in prune_statements():
                    self.connection.execute(statement)
