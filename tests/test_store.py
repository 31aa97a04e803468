"""The SQLite facts store: validation, idempotent loading, canonical entities, round trip, export, CLI."""

from __future__ import annotations

import copy
import json
import re
import sqlite3
from functools import reduce
from operator import getitem
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.cli import main
from pipeline.store import load_files, load_into_sqlite
from pipeline.store.rows import entity_id, fold_name, record_rows
from pipeline.store.schema import TABLES, TABLES_BY_NAME, distinct_entities, entity_upsert_statement, index_statements
from pipeline.store.sqlite import SqliteSink, StoreLayoutError, connect, connect_read_only, read_records
from pipeline.store.validate import ErrorRecord, InvalidLine, RecordValidator, ValidRecord, read_record_lines

ERROR_RECORD = {"schema": "belta-record/1", "source": {"path": "x.txt", "line": None, "url": None},
                "error": {"kind": "empty", "message": "the page is empty"}}


def write_jsonl(path: Path, items: list) -> Path:
    path.write_bytes(b"".join(item if isinstance(item, bytes) else orjson.dumps(item) + b"\n" for item in items))
    return path


def table_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as connection:
        return {t.name: connection.execute(f"SELECT COUNT(*) FROM {t.name}").fetchone()[0] for t in TABLES}


def dump(db: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as connection:
        return {t.name: connection.execute(f"SELECT * FROM {t.name} ORDER BY {', '.join(t.key)}").fetchall()
                for t in TABLES}


@pytest.fixture(scope="module")
def validator():
    return RecordValidator()


def test_validator_accepts_synthetic_records_the_reference_schema_accepts(synthetic_record, record_validator,
                                                                          validator):
    for n in range(6):
        record = record_validator(synthetic_record(n))
        assert validator.problem(record) is None


@pytest.mark.parametrize(("change", "message"), [
    (lambda r: r.pop("claims"), r"^data: \"claims\" is a required property"),
    (lambda r: r["money"][0].update(currency="usd"), r"^data\.money\[0\]\.currency: \"usd\""),
    (lambda r: r["regions"][0].update(kind="planet"), r"^data\.regions\[0\]\.kind: \"planet\" is not one of"),
    (lambda r: r["dates"][0].update(start=0), r"data\.dates\[0\] offsets 0:\d+ do not point at its text"),
    (lambda r: r["people"][0]["mentions"][0].update(end=3), r"data\.people\[0\]\.mentions\[0\] offsets"),
    (lambda r: r["dates"][0].update(start=float(r["dates"][0]["start"])),
     r"data\.dates\[0\] offsets [\d.]+:\d+ do not point at its text"),
    (lambda r: r.update(schema="belta-record/2"), r"^data\.schema: \"belta-record/1\" was expected"),
    (lambda r: r["money"][0].update(low=r["money"][0]["high"] + 1), r"^data\.money\[0\]: low \d+ is more than high"),
    (lambda r: r["claims"][0]["money"][0].update(high=0), r"^data\.claims\[0\]\.money\[0\]: low \d+ is more"),
    (lambda r: r["dates"][0].update({"from": "2031-01-01"}), r"^data\.dates\[0\]: from 2031-01-01 is after to"),
    (lambda r: r["claims"][0].update({"to": "1999-12-31"}), r"^data\.claims\[0\]: from \S+ is after to 1999"),
])
def test_validator_names_what_is_wrong(synthetic_record, validator, change, message):
    record = synthetic_record(0)
    change(record)
    problem = validator.problem(record)
    assert problem is not None
    assert re.search(message, problem), problem


# Values a mutated record gets in place of one of its own.
_REPLACEMENTS = [None, "", "x", "USD", "usd", "BY", "RU-KIR", "2024-01-01", "2024-1-01", "2024-01-01T10:00:00",
                 "fact", "city", "government", "belta-record/1", "en", -1, 0, 1, 7, 2.5, True, False, [], ["x"], [1],
                 {}, {"text": "x"}]


def _paths(value, path=()):
    yield path
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        yield from _paths(item, (*path, key))


@pytest.fixture(scope="module")
def reference_schema():
    import jsonschema

    schema = json.loads((Path(__file__).resolve().parent.parent / "pipeline/schemas/belta-record-1.json").read_text())
    return jsonschema.Draft202012Validator(schema)


@settings(max_examples=500, deadline=None)
@given(n=st.integers(min_value=0, max_value=60), data=st.data())
def test_validator_agrees_with_the_reference_schema(synthetic_record, validator, reference_schema, n, data):
    record = synthetic_record(n)
    for _ in range(data.draw(st.integers(min_value=0, max_value=3))):
        path = data.draw(st.sampled_from(list(_paths(record))[1:]))
        parent = reduce(getitem, path[:-1], record)
        if isinstance(parent, dict) and data.draw(st.booleans()):
            del parent[path[-1]]
        else:
            parent[path[-1]] = copy.deepcopy(data.draw(st.sampled_from(_REPLACEMENTS)))
    schema_valid = reference_schema.is_valid(record)
    rules_valid = schema_valid and all(
        record["text"][item["start"]:item["end"]] == item["text"]
        for item in [*(i for f in ("money", "percentages", "dates", "claims") for i in record[f]),
                     *(m for f in ("people", "regions", "enterprises", "organizations") for e in record[f]
                       for m in e["mentions"])]) and all(
        m["low"] <= m["high"] for m in [*record["money"], *(m for c in record["claims"] for m in c["money"])]) and all(
        p["from"] <= p["to"] for p in [*record["dates"], *record["claims"]])
    assert (validator.problem(record) is None) == rules_valid


def test_validator_accepts_the_pipelines_own_records(record_of, validator):
    record = record_of("MINSK, 14 March (BelTA) – Belarus and Kirov Oblast plan to double trade to $200 million "
                       "in 2026, Aleksandr Lukashenko said. Exports grew by 12% in 2024.")
    assert record["claims"] and record["money"]
    assert validator.problem(record) is None


def test_read_record_lines_classifies_each_line_with_its_number(synthetic_record, validator):
    lines = [orjson.dumps(synthetic_record(0)), b"", orjson.dumps(ERROR_RECORD), b"{not json", b"[1, 2]"]
    classified = list(read_record_lines(lines, validator, source="in.jsonl"))
    assert [type(c) for c in classified] == [ValidRecord, ErrorRecord, InvalidLine, InvalidLine]
    assert [c.number for c in classified] == [1, 3, 4, 5]
    assert str(classified[2]).startswith("in.jsonl:4: not JSON")
    assert classified[3].problem == "not a JSON object"


def test_load_skips_invalid_lines_and_error_records_and_loads_the_rest(tmp_path, synthetic_record):
    bad = synthetic_record(2)
    bad["percentages"][0]["value"] = "35"
    records = write_jsonl(tmp_path / "r.jsonl", [synthetic_record(0), ERROR_RECORD, b"{oops\n", bad,
                                                synthetic_record(1)])
    invalid: list[InvalidLine] = []
    report = load_into_sqlite([str(records)], tmp_path / "f.sqlite", on_invalid=invalid.append)
    assert (report.added, report.error_records, report.invalid) == (2, 1, 2)
    assert [line.number for line in invalid] == [3, 4]
    assert table_counts(tmp_path / "f.sqlite")["articles"] == 2


def test_loading_the_same_records_twice_changes_nothing(tmp_path, synthetic_record):
    records = write_jsonl(tmp_path / "r.jsonl", [synthetic_record(n) for n in range(30)])
    db = tmp_path / "f.sqlite"
    load_into_sqlite([str(records)], db)
    before = dump(db)
    report = load_into_sqlite([str(records)], db)
    assert (report.added, report.replaced, report.unchanged) == (0, 0, 30)
    assert dump(db) == before


def test_a_re_extracted_article_replaces_its_old_rows(tmp_path, synthetic_record):
    db = tmp_path / "f.sqlite"
    original = synthetic_record(4)
    load_into_sqlite([str(write_jsonl(tmp_path / "a.jsonl", [original, synthetic_record(5)]))], db)
    changed = copy.deepcopy(original)
    changed["money"] = []
    changed["claims"][0]["money"] = []
    changed["people"] = changed["people"][:1]
    report = load_into_sqlite([str(write_jsonl(tmp_path / "b.jsonl", [changed]))], db)
    assert (report.added, report.replaced) == (0, 1)
    with sqlite3.connect(db) as connection:
        money = connection.execute("SELECT COUNT(*) FROM money WHERE article_id = ?", [original["id"]]).fetchone()
        people = connection.execute("SELECT COUNT(*) FROM article_people WHERE article_id = ?",
                                    [original["id"]]).fetchone()
    assert (money[0], people[0]) == (0, 1)
    assert {r["id"]: r for r in read_records(connect(db))}[original["id"]] == changed


def test_people_are_shared_across_articles_by_key(tmp_path, synthetic_record):
    first, second = synthetic_record(0), synthetic_record(3)
    second["people"][0]["name"] = "A. Lukashenko"  # same key, shorter name: the fuller name stays canonical
    db = tmp_path / "f.sqlite"
    load_into_sqlite([str(write_jsonl(tmp_path / "r.jsonl", [second, first]))], db)
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT p.name, COUNT(*) FROM people p JOIN article_people ap "
                                  "ON ap.person_id = p.id WHERE p.id = 'aleksandr lukashenko' GROUP BY p.id").fetchall()
    assert rows == [("Aleksandr Lukashenko", 2)]


@pytest.mark.parametrize(("field", "entity", "expected"), [
    ("people", {"name": "Aleksandr Lukashenko", "key": "aleksandr lukashenko"}, "aleksandr lukashenko"),
    ("people", {"name": "Natalya  Kochanova"}, "natalya kochanova"),
    ("regions", {"name": "Kirov Oblast", "kind": "region", "country": "RU", "code": "RU-KIR"}, "RU-KIR"),
    ("regions", {"name": "Belarus", "kind": "country", "country": "BY", "code": None}, "BY"),
    ("regions", {"name": "Zhlobin", "kind": "city", "country": "BY", "code": None}, "BY/city/zhlobin"),
    ("enterprises", {"name": "BELAZ"}, "belaz"),
    ("organizations", {"name": "Council  of Ministers"}, "council of ministers"),
])
def test_entity_ids(field, entity, expected):
    assert entity_id(field, entity) == expected


@pytest.mark.parametrize(("name", "folded"), [("Növopolotsk", "novopolotsk"), ("Russia’s", "russia's"),
                                              ("  Minsk\u00a0Oblast ", "minsk oblast")])
def test_fold_name(name, folded):
    assert fold_name(name) == folded


def test_claims_link_to_their_entities_and_amounts(tmp_path, synthetic_record):
    record = synthetic_record(0)
    db = tmp_path / "f.sqlite"
    load_into_sqlite([str(write_jsonl(tmp_path / "r.jsonl", [record]))], db)
    with sqlite3.connect(db) as connection:
        entities = connection.execute("SELECT entity, entity_type, entity_id FROM claim_entities").fetchall()
        money = connection.execute("SELECT money_position FROM claim_money").fetchall()
    assert entities == [("Kirov Oblast", "region", "RU-KIR"), ("Minsk Elevator Plant", "enterprise",
                                                               "minsk elevator plant")]
    assert money == [(0,)]


def test_round_trip_gives_back_the_same_records(tmp_path, synthetic_record):
    records = [synthetic_record(n) for n in range(12)]
    records[3]["dateline"] = None
    records[4]["published"] = None
    records[5]["source"]["member"] = "a/b.txt"
    records[6]["money"][0]["low"] = 1.25
    db = tmp_path / "f.sqlite"
    load_into_sqlite([str(write_jsonl(tmp_path / "r.jsonl", records))], db)
    assert list(read_records(connect(db))) == sorted(records, key=lambda r: r["id"])


@settings(max_examples=25, deadline=None)
@given(n=st.integers(min_value=0, max_value=10_000), drop=st.sets(st.sampled_from(
    ["people", "regions", "enterprises", "organizations", "money", "percentages", "dates", "claims"])))
def test_round_trip_property(tmp_path_factory, synthetic_record, n, drop):
    record = synthetic_record(n)
    for field in drop:
        record[field] = []
    db = tmp_path_factory.mktemp("rt") / "f.sqlite"
    path = write_jsonl(db.parent / "r.jsonl", [record])
    load_into_sqlite([str(path)], db)
    assert list(read_records(connect(db))) == [record]


def test_loading_in_a_second_process_gives_the_same_store_and_reports(tmp_path, synthetic_record):
    bad = synthetic_record(1)
    bad["money"][0]["start"] += 1
    # more lines than one chunk the worker is sent, with invalid lines on both sides of the boundary
    items = [synthetic_record(n) for n in range(300)]
    items[9:9] = [b"{oops\n"]
    items[260:260] = [bad, ERROR_RECORD]
    records = write_jsonl(tmp_path / "r.jsonl", items)
    dumps, reports = [], []
    for parallel in (False, True):
        db = tmp_path / f"{parallel}.sqlite"
        invalid: list[InvalidLine] = []
        connection = connect(db)
        report = load_files([str(records)], SqliteSink(connection), on_invalid=invalid.append, parallel=parallel)
        connection.close()
        dumps.append(dump(db))
        reports.append((report, [str(line) for line in invalid]))
    assert dumps[0] == dumps[1] and reports[0] == reports[1]
    assert [line.split(":")[1] for line in reports[0][1]] == ["10", "261"]
    assert (reports[0][0].added, reports[0][0].error_records) == (300, 1)


@settings(max_examples=50, deadline=None)
@given(rows=st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.text("Aaé ", min_size=1, max_size=4),
                               st.sampled_from(["government", "other"])), max_size=12))
def test_distinct_entities_leave_the_table_the_upserts_would(rows):
    table = TABLES_BY_NAME["organizations"]
    results = []
    for values in (rows, distinct_entities(rows)):
        with sqlite3.connect(":memory:") as connection:
            connection.execute("CREATE TABLE organizations (id TEXT PRIMARY KEY, name TEXT, kind TEXT)")
            connection.executemany(entity_upsert_statement(table, "?"), values)
            results.append(connection.execute("SELECT * FROM organizations ORDER BY id").fetchall())
    assert results[0] == results[1]
    assert len(distinct_entities(rows)) == len({row[0] for row in rows})


def _index_names(db: Path) -> set[str]:
    with sqlite3.connect(db) as connection:
        return {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                                                       "AND name NOT LIKE 'sqlite_autoindex%'")}


def test_secondary_indexes_are_built_after_loading_an_empty_store_or_on_the_next_connect(tmp_path, synthetic_record):
    expected = {name for name, _ in index_statements()}
    db = tmp_path / "f.sqlite"
    load_into_sqlite([str(write_jsonl(tmp_path / "r.jsonl", [synthetic_record(0)]))], db)
    assert _index_names(db) == expected
    interrupted = tmp_path / "g.sqlite"
    SqliteSink(connect(interrupted)).connection.close()  # a load into an empty store that never finished
    assert _index_names(interrupted) == set()
    connect(interrupted).close()
    assert _index_names(interrupted) == expected


def test_a_store_in_the_earlier_layout_is_refused_with_advice(tmp_path):
    db = tmp_path / "old.sqlite"
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE mentions (article_id TEXT)")
    with pytest.raises(StoreLayoutError, match="earlier version of the store.*load the records again"):
        connect(db)


def test_full_text_search_finds_article_text_and_claims(tmp_path, synthetic_record):
    db = tmp_path / "f.sqlite"
    load_into_sqlite([str(write_jsonl(tmp_path / "r.jsonl", [synthetic_record(n) for n in range(3)]))], db)
    with sqlite3.connect(db) as connection:
        articles = connection.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'elevators'")
        claims = connection.execute("SELECT COUNT(*) FROM claims_fts WHERE claims_fts MATCH 'reached'")
        assert (articles.fetchone()[0], claims.fetchone()[0]) == (3, 3)


def test_full_text_index_is_built_after_loading_an_empty_store_or_on_the_next_connect(tmp_path, synthetic_record):
    def hits(db: Path) -> tuple[int, int]:
        with sqlite3.connect(db) as connection:
            return tuple(connection.execute(f"SELECT COUNT(*) FROM {fts} WHERE {fts} MATCH ?", [word]).fetchone()[0]
                         for fts, word in (("articles_fts", "elevators"), ("claims_fts", "reached")))

    db = tmp_path / "f.sqlite"
    interrupted = SqliteSink(connect(db))  # an empty store: indexing waits for the end of the load
    interrupted.write_batch([], [record_rows(synthetic_record(0), "digest")])
    interrupted.connection.close()  # ... which never came
    assert hits(db) == (0, 0)
    connect(db).close()
    assert hits(db) == (1, 1)
    # into a store that has articles, each batch is indexed as it is written
    load_into_sqlite([str(write_jsonl(tmp_path / "r.jsonl", [synthetic_record(1)]))], db)
    assert hits(db) == (2, 2)


def test_full_text_search_follows_a_replaced_article(tmp_path, synthetic_record):
    db = tmp_path / "f.sqlite"
    original = synthetic_record(0)
    load_into_sqlite([str(write_jsonl(tmp_path / "a.jsonl", [original, synthetic_record(1)]))], db)
    changed = copy.deepcopy(original)
    # same lengths, so every offset still holds
    changed["text"] = changed["text"].replace("elevators", "escalator").replace("reached", "touched")
    changed["claims"][0]["text"] = changed["claims"][0]["text"].replace("reached", "touched")
    changed["title"] = "Escalator exports"
    assert load_into_sqlite([str(write_jsonl(tmp_path / "b.jsonl", [changed]))], db).replaced == 1
    with sqlite3.connect(db) as connection:
        def hits(fts: str, word: str) -> int:
            return connection.execute(f"SELECT COUNT(*) FROM {fts} WHERE {fts} MATCH ?", [word]).fetchone()[0]

        assert (hits("articles_fts", "elevators"), hits("articles_fts", "escalator")) == (1, 1)
        assert (hits("claims_fts", "reached"), hits("claims_fts", "touched")) == (1, 1)
        assert connection.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')").rowcount


def test_export_parquet_writes_every_table_readably(tmp_path, synthetic_record):
    import pyarrow.parquet as pq

    db = tmp_path / "f.sqlite"
    load_into_sqlite([str(write_jsonl(tmp_path / "r.jsonl", [synthetic_record(n) for n in range(4)]))], db)
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "parquet", "-o", str(tmp_path / "pq")])
    assert result.exit_code == 0, result.output
    counts = table_counts(db)
    for table in TABLES:
        assert pq.read_table(tmp_path / "pq" / f"{table.name}.parquet").num_rows == counts[table.name]
    money = pq.read_table(tmp_path / "pq" / "money.parquet").to_pylist()
    expected = sorted((synthetic_record(n) for n in range(4)), key=lambda r: r["id"])
    assert [int(row["high"]) for row in money] == [r["money"][0]["high"] for r in expected]
    people = pq.read_table(tmp_path / "pq" / "article_people.parquet").to_pylist()
    assert ["President of Belarus"] in [row["titles"] for row in people]
    assert sorted(row["mentions"] for row in people) == sorted(
        [[m["start"], m["end"]] for m in p["mentions"]] for r in expected for p in r["people"])


def test_cli_load_reports_invalid_lines_and_exits_1(tmp_path, synthetic_record):
    records = write_jsonl(tmp_path / "r.jsonl", [synthetic_record(0), b"{oops\n", ERROR_RECORD])
    result = CliRunner().invoke(main, ["load", str(records), "--db", str(tmp_path / "f.sqlite")])
    assert result.exit_code == 1
    assert f"{records}:2: not JSON" in result.output
    assert "1 articles added" in result.output and "1 error records" in result.output


def test_cli_load_into_a_store_of_an_earlier_layout_says_so_in_one_line(tmp_path, synthetic_record):
    old = tmp_path / "old.sqlite"
    with sqlite3.connect(old) as connection:
        connection.execute("CREATE TABLE mentions (article_id TEXT)")
    records = write_jsonl(tmp_path / "r.jsonl", [synthetic_record(0)])
    result = CliRunner().invoke(main, ["load", str(records), "--db", str(old)])
    assert result.exit_code == 2
    assert "earlier version of the store" in result.output and "Traceback" not in result.output


def test_cli_load_of_valid_records_with_error_records_exits_0(tmp_path, synthetic_record):
    records = write_jsonl(tmp_path / "r.jsonl", [synthetic_record(0), ERROR_RECORD])
    result = CliRunner().invoke(main, ["load", str(records), "--db", str(tmp_path / "f.sqlite")])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("args", "message"), [
    (["load", "r.jsonl"], "--db FACTS.sqlite and/or --postgres URL"),
    (["load", "missing.jsonl", "--db", "f.sqlite"], "is not a file"),
    (["export", "--db", "missing.sqlite", "-o", "out"], "does not exist"),
])
def test_cli_usage_errors_exit_2(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.jsonl").write_text("")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert message in result.output


def test_datasette_metadata_names_real_tables_and_columns(tmp_path):
    from pipeline.browse.metadata import QUERIES, TABLES as tables
    from pipeline.store.query import register_functions

    metadata = {"databases": {"facts": {"queries": QUERIES}}}
    connection = connect(tmp_path / "any-name.sqlite")
    register_functions(connection)
    assert {"money", "claim_entities"} <= set(tables)
    for name, options in tables.items():
        columns = {row[1] for row in connection.execute(f"PRAGMA table_info({name})")}
        assert columns, name
        for column in (*options.get("facets", []), options.get("label_column"), options.get("sort"),
                       options.get("sort_desc")):
            assert column is None or column in columns, (name, column)
    assert "currency" in tables["money"]["facets"] and "entity" in tables["claim_entities"]["facets"]
    for query in metadata["databases"]["facts"]["queries"].values():
        connection.execute(f"EXPLAIN {query['sql']}", {"entity": "x", "from": "", "to": "", "metric": "",
                                                        "currency": ""})


def test_extract_db_loads_the_written_records(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Trade grows\n\nMINSK, 14 March (BelTA) – Belarus and Kirov Oblast plan to double trade "
                    "to $200 million in 2026, Aleksandr Lukashenko said.\n", encoding="utf-8")
    out, db = tmp_path / "r.jsonl", tmp_path / "f.sqlite"
    result = CliRunner().invoke(main, ["extract", str(page), "-o", str(out), "--workers", "1", "--db", str(db)])
    assert result.exit_code == 0, result.output
    stored = list(read_records(connect(db)))
    assert stored == [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_extract_db_needs_an_output_file(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("x\n\ny\n")
    result = CliRunner().invoke(main, ["extract", str(page), "--db", str(tmp_path / "f.sqlite")])
    assert result.exit_code == 2
    assert "needs the records in a file" in result.output


def test_mentions_view_gives_every_mention_with_its_text(tmp_path, synthetic_record):
    records = [synthetic_record(n) for n in range(5)]
    path = write_jsonl(tmp_path / "r.jsonl", records)
    load_into_sqlite([str(path)], tmp_path / "f.sqlite")
    expected = sorted((r["id"], m["start"], m["end"], m["text"]) for r in records
                      for field in ("people", "regions", "enterprises", "organizations")
                      for entity in r[field] for m in entity["mentions"])
    with connect_read_only(tmp_path / "f.sqlite") as connection:
        rows = [tuple(row) for row in connection.execute('SELECT article_id, start, "end", text FROM mentions')]
    assert expected and sorted(rows) == expected


def test_cli_load_into_a_file_that_is_not_a_database_says_so_in_one_line(tmp_path, synthetic_record):
    records = write_jsonl(tmp_path / "r.jsonl", [synthetic_record(0)])
    result = CliRunner().invoke(main, ["load", str(records), "--db", str(records)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert "is not an SQLite database (file is not a database)" in line


def test_cli_load_adds_no_table_to_another_programs_database(tmp_path, synthetic_record):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, body TEXT)")
    before = other.read_bytes()
    records = write_jsonl(tmp_path / "r.jsonl", [synthetic_record(0)])
    result = CliRunner().invoke(main, ["load", str(records), "--db", str(other)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert "is another program's database (tables articles)" in line
    assert other.read_bytes() == before


def test_a_store_without_the_parent_columns_gets_them(tmp_path, synthetic_record):
    db = tmp_path / "facts.sqlite"
    connect(db).close()
    with sqlite3.connect(db) as old:  # the layout before regions had parents (and the view that reads them)
        old.execute("DROP VIEW region_within")
        old.execute("ALTER TABLE regions DROP COLUMN parent_name")
        old.execute("ALTER TABLE regions DROP COLUMN parent_code")
    path = tmp_path / "r.jsonl"
    path.write_bytes(orjson.dumps(synthetic_record(2)) + b"\n")
    load_into_sqlite([str(path)], db)
    (record,) = read_records(connect(db))
    assert record["regions"][0]["parent"] == {"name": "Gomel Oblast", "code": "BY-HO"}


def test_a_store_without_the_producer_column_gets_it_and_a_newer_extraction_shows(tmp_path, synthetic_record):
    db = tmp_path / "facts.sqlite"
    connect(db).close()
    with sqlite3.connect(db) as old:  # the layout before records said what made them (record format 1.1)
        old.execute("ALTER TABLE articles DROP COLUMN producer")
    record = synthetic_record(1)
    older = {key: value for key, value in record.items() if key != "producer"}  # a record of format 1.0
    path = write_jsonl(tmp_path / "r.jsonl", [older])
    load_into_sqlite([str(path)], db)
    newer = {**record, "producer": {**record["producer"], "pipeline": "0.2.0"}}
    write_jsonl(path, [newer])
    load_into_sqlite([str(path)], db)  # the same article extracted again by a newer version replaces the old
    with sqlite3.connect(db) as connection:
        (producer,) = connection.execute("SELECT producer FROM articles").fetchone()
    assert orjson.loads(producer)["pipeline"] == "0.2.0"
    (stored,) = read_records(connect(db))
    assert stored == newer
