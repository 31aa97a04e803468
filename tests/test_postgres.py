"""The PostgreSQL sink, against a real server: BELTA_TEST_POSTGRES is a URL of a role that may create
databases (`.ci/run` starts PostgreSQL on loopback and sets it). Each test gets its own database."""

from __future__ import annotations

import copy
import os
import uuid
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from pipeline.cli import main

psycopg = pytest.importorskip("psycopg")
SERVER = os.environ.get("BELTA_TEST_POSTGRES")
pytestmark = pytest.mark.skipif(not SERVER, reason="BELTA_TEST_POSTGRES is not set (.ci/run sets it)")


@pytest.fixture
def database():
    """A fresh database on the test server, dropped afterwards; yields its URL."""
    from psycopg.conninfo import make_conninfo

    name = f"belta_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(SERVER, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_conninfo(SERVER, dbname=name)
    finally:
        with psycopg.connect(SERVER, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def load(tmp_path: Path, url: str, records: list, name: str = "r.jsonl"):
    path = tmp_path / name
    path.write_bytes(b"".join(r if isinstance(r, bytes) else orjson.dumps(r) + b"\n" for r in records))
    return CliRunner().invoke(main, ["load", str(path), "--postgres", url, "--batch-size", "7"])


def snapshot(url: str) -> dict[str, list[tuple]]:
    from pipeline.store.schema import TABLES

    with psycopg.connect(url) as connection:
        return {t.name: connection.execute(f"SELECT * FROM {t.name} ORDER BY {', '.join(t.key)}").fetchall()
                for t in TABLES}


def test_load_creates_the_schema_and_upserts_idempotently(tmp_path, database, synthetic_record):
    records = [synthetic_record(n) for n in range(20)]
    first = load(tmp_path, database, records)
    assert first.exit_code == 0, first.output
    assert "20 articles added" in first.output
    before = snapshot(database)
    assert len(before["articles"]) == 20 and len(before["people"]) == 3
    second = load(tmp_path, database, records)
    assert "0 articles added, 0 replaced, 20 unchanged" in second.output
    assert snapshot(database) == before


def test_replaced_article_and_round_trip(tmp_path, database, synthetic_record):
    from pipeline.store.rows import record_from_rows
    from pipeline.store.schema import ENTITY_TABLES, TABLES

    records = [synthetic_record(n) for n in range(3)]
    load(tmp_path, database, records)
    changed = copy.deepcopy(records[1])
    changed["money"], changed["claims"][0]["money"] = [], []
    result = load(tmp_path, database, [changed], name="b.jsonl")
    assert "0 articles added, 1 replaced" in result.output
    with psycopg.connect(database, row_factory=psycopg.rows.dict_row) as connection:
        entities = {t: {row["id"]: row for row in connection.execute(f"SELECT * FROM {t}")} for t in ENTITY_TABLES}
        stored = []
        for article in connection.execute("SELECT * FROM articles ORDER BY id").fetchall():
            children = {t.name: connection.execute(f"SELECT * FROM {t.name} WHERE article_id = %s ORDER BY "
                                                   f"{', '.join(t.key)}", [article["id"]]).fetchall()
                        for t in TABLES if t.per_article}
            stored.append(record_from_rows(article, children, entities))
    assert stored == [records[0], changed, records[2]]


def test_invalid_lines_are_reported_and_the_rest_load(tmp_path, database, synthetic_record):
    result = load(tmp_path, database, [synthetic_record(0), b"{nope\n", synthetic_record(1)])
    assert result.exit_code == 1
    assert ":2: not JSON" in result.output
    assert len(snapshot(database)["articles"]) == 2


def test_unreachable_server_is_a_clear_runtime_error(tmp_path, synthetic_record):
    result = load(tmp_path, "postgresql://nobody:wrong@127.0.0.1:1/none?connect_timeout=2", [synthetic_record(0)])
    assert result.exit_code == 2
    assert "cannot connect to PostgreSQL" in result.output


def test_mentions_view_gives_every_mention_with_its_text(tmp_path, database, synthetic_record):
    records = [synthetic_record(n) for n in range(5)]
    load(tmp_path, database, records)
    expected = sorted((r["id"], m["start"], m["end"], m["text"]) for r in records
                      for field in ("people", "regions", "enterprises", "organizations")
                      for entity in r[field] for m in entity["mentions"])
    with psycopg.connect(database) as connection:
        rows = connection.execute('SELECT article_id, start, "end", text FROM mentions').fetchall()
    assert expected and sorted(rows) == expected


def test_region_within_holds_each_place_in_its_parent_and_country(tmp_path, database, synthetic_record):
    load(tmp_path, database, [synthetic_record(n) for n in range(3)])
    with psycopg.connect(database) as connection:
        within = set(connection.execute("SELECT region_id, within_id FROM region_within").fetchall())
    assert {("BY/city/zhlobin", "BY-HO"), ("BY/city/zhlobin", "BY"), ("BY", "BY"), ("RU-KIR", "RU")} <= within


def test_a_database_without_the_parent_columns_gets_them(tmp_path, database, synthetic_record):
    with psycopg.connect(database, autocommit=True) as connection:
        connection.execute("CREATE TABLE regions (id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, "
                           "country TEXT, code TEXT, PRIMARY KEY (id))")
    result = load(tmp_path, database, [synthetic_record(2)])
    assert result.exit_code == 0, result.output
    with psycopg.connect(database) as connection:
        assert connection.execute("SELECT parent_code, parent_name FROM regions").fetchall() == [
            ("BY-HO", "Gomel Oblast")]


def test_claims_wide_view_gives_each_claim_with_subjects_amounts_and_article(tmp_path, database, synthetic_record):
    records = [synthetic_record(n) for n in range(5)]
    load(tmp_path, database, records)
    expected = sorted((r["id"], c["metric"], "; ".join(c["subjects"]), "; ".join(m["text"] for m in c["money"]),
                       c["money"][0]["currency"], r["title"]) for r in records for c in r["claims"])
    with psycopg.connect(database) as connection:
        rows = connection.execute("SELECT article_id, metric, subjects, amounts, currency, title "
                                  "FROM claims_wide").fetchall()
    assert expected and sorted(rows) == expected
