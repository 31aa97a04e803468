"""Exporting the store's tables as Parquet files, one per table, for DuckDB, pandas and Spark."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from decimal import Decimal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.store.schema import TABLES, Column, Table

_BATCH_ROWS = 50_000
# An amount is two columns: `low` as a float, which pandas and DuckDB compute with (`df.high * 1.5`; a decimal
# column came back to pandas as Python Decimal objects), and `low_exact` as a decimal, base units with up to
# six decimals, exact for sums of money.
_AMOUNT = pa.decimal128(38, 6)
EXACT_SUFFIX = "_exact"
_ARROW_TYPES: dict[str, pa.DataType] = {
    "text": pa.string(), "integer": pa.int64(), "real": pa.float64(), "amount": pa.float64(), "date": pa.date32(),
    "timestamp": pa.timestamp("s"), "boolean": pa.bool_(), "json": pa.list_(pa.string()),
    "spans": pa.list_(pa.list_(pa.int64(), 2)),
}


def arrow_schema(table: Table) -> pa.Schema:
    fields = []
    for column in table.columns:
        fields.append(pa.field(column.name, _ARROW_TYPES[column.type], nullable=not column.required))
        if column.type == "amount":
            fields.append(pa.field(column.name + EXACT_SUFFIX, _AMOUNT, nullable=not column.required))
    return pa.schema(fields)


def export_parquet(connection: sqlite3.Connection, directory: Path) -> dict[str, int]:
    """Write DIRECTORY/<table>.parquet for every table; returns the row count of each."""
    directory.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in TABLES:
        schema = arrow_schema(table)
        # (index of the stored column, conversion) for each Parquet column, in the schema's order
        converters = [(index, convert) for index, column in enumerate(table.columns)
                      for convert in ((_float, _exact) if column.type == "amount" else (_converter(column),))]
        cursor = connection.execute(f"SELECT {', '.join(table.column_names)} FROM {table.name} "
                                    f"ORDER BY {', '.join(table.key)}")
        counts[table.name] = 0
        with pq.ParquetWriter(directory / f"{table.name}.parquet", schema) as writer:
            while rows := cursor.fetchmany(_BATCH_ROWS):
                columns = [pa.array([convert(row[index]) for row in rows], type=schema.field(i).type)
                           for i, (index, convert) in enumerate(converters)]
                writer.write_table(pa.Table.from_arrays(columns, schema=schema))
                counts[table.name] += len(rows)
    return counts


def _float(value: int | float | None) -> float | None:
    return None if value is None else float(value)


def _exact(value: int | float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _converter(column: Column) -> Callable[[Any], Any]:
    if column.type in ("json", "spans"):
        return lambda value: None if value is None else orjson.loads(value)
    if column.type == "boolean":
        return lambda value: None if value is None else bool(value)
    if column.type in ("date", "timestamp"):
        return _iso
    return _same


def _iso(value: str | None) -> date | datetime | None:
    """Dates and timestamps are ISO text in SQLite. A publication time is exported by the page's clock, as
    PostgreSQL's `timestamp` keeps it (the UTC offset a record gives stays in SQLite's text)."""
    if value is None:
        return None
    return datetime.fromisoformat(value).replace(tzinfo=None) if "T" in value else date.fromisoformat(value)


def _same(value: Any) -> Any:
    return value
