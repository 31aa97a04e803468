"""`query`: researchers' questions over the SQLite store, output formats, read-only SQL."""

from __future__ import annotations

import copy
import csv
import io
import json
import sqlite3
import time
from itertools import islice

import orjson
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.readers import read_inputs
from pipeline.store import load_into_sqlite
from pipeline.store.query import QueryError, claims_filters, run_query, run_sql, search_filters
from pipeline.store.rows import entity_id
from pipeline.store.sqlite import connect_read_only

from .conftest import SAMPLES


@pytest.fixture(scope="module")
def records(synthetic_record):
    return [synthetic_record(n) for n in range(60)]


@pytest.fixture(scope="module")
def db(tmp_path_factory, records):
    directory = tmp_path_factory.mktemp("query")
    path = directory / "r.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    load_into_sqlite([str(path)], directory / "facts.sqlite")
    return directory / "facts.sqlite"


def cli(db, *args: str):
    subject, *rest = args
    return CliRunner().invoke(main, ["query", subject, "--db", str(db), *rest])


def test_claims_about_an_entity_within_a_period(db, records):
    result = cli(db, "claims", "--entity", "kirov oblast", "--from", "2023-01-01", "--to", "2023-12-31", "--json")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    expected = sorted(r["id"] for r in records
                      if "Kirov Oblast" in r["claims"][0]["entities"] and r["claims"][0]["from"].startswith("2023"))
    assert expected and sorted(row["article_id"] for row in rows) == expected


def test_claims_by_entity_key_and_by_speaker(db, records):
    with connect_read_only(db) as connection:
        by_key = run_query(connection, "claims", claims_filters(entity="RU-KIR"))
        by_speaker = run_query(connection, "claims", claims_filters(speaker="aleksandr lukashenko"))
    assert len(by_key.rows) == sum("Kirov Oblast" in r["claims"][0]["entities"] for r in records)
    assert len(by_speaker.rows) == sum(r["claims"][0]["speaker"] == "Aleksandr Lukashenko" for r in records)


@pytest.mark.parametrize(("entity", "inside"), [
    ("Gomel Oblast", {"Zhlobin"}),  # named by no article: Zhlobin's parent
    ("BY-HO", {"Zhlobin"}),
    ("Belarus", {"Belarus", "Zhlobin"}),  # a country holds every place whose country it is
    ("Kirov Oblast", {"Kirov Oblast"}),
    ("Zhlobin", {"Zhlobin"}),
])
def test_claims_about_a_region_include_the_places_inside_it(db, records, entity, inside):
    with connect_read_only(db) as connection:
        rows = run_query(connection, "claims", claims_filters(entity=entity), columns=("article_id",)).rows
    expected = sorted(r["id"] for r in records if inside & set(r["claims"][0]["entities"]))
    assert expected and sorted(article for (article,) in rows) == expected


def test_regions_list_their_parent(db):
    result = cli(db, "regions", "--columns", "name,parent_code,parent_name", "--json")
    rows = {row["name"]: row for row in map(json.loads, result.output.splitlines())}
    assert (rows["Zhlobin"]["parent_code"], rows["Zhlobin"]["parent_name"]) == ("BY-HO", "Gomel Oblast")
    assert rows["Kirov Oblast"]["parent_code"] is None


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory, processor):
    """A store of the samples about Minsk Oblast, its towns and districts, as the pipeline extracts them."""
    directory = tmp_path_factory.mktemp("samples")
    names = ("06_minsk-oblast-investment.txt", "20_minsk-oblast-housing-programme.html",
             "33_borisov-pharmaceutical-exports.jsonl", "18_belarus-uzbekistan-trade-talks.txt")
    lines = [line for name in names for line in processor.process_batch(list(read_inputs([str(SAMPLES / "articles" /
                                                                                               name)])))]
    (directory / "records.jsonl").write_bytes(b"".join(lines))
    load_into_sqlite([str(directory / "records.jsonl")], directory / "facts.sqlite")
    return directory / "facts.sqlite", [json.loads(line) for line in lines]


def test_samples_store_answers_for_minsk_oblast_with_its_towns_and_districts(samples_db):
    db, records = samples_db
    result = cli(db, "claims", "--entity", "Minsk Oblast", "--columns", "article_id,text", "--json")
    assert result.exit_code == 0, result.output
    found = {(row["article_id"], row["text"]) for row in map(json.loads, result.output.splitlines())}
    inside = {region["name"] for record in records for region in record["regions"]
              if region["name"] == "Minsk Oblast" or (region["parent"] or {}).get("code") == "BY-MI"}
    # a claim is about the oblast when it names one of these places or its figure is about one (its subjects)
    expected = {(record["id"], claim["text"]) for record in records for claim in record["claims"]
                if inside & {*claim["entities"], *claim["subjects"]}}
    about_towns = {(record["id"], claim["text"]) for record in records for claim in record["claims"]
                   if {"Zhodino", "Smolevichi District", "Minsk District", "Fanipol"} & set(claim["entities"])}
    assert about_towns and about_towns <= found
    assert found == expected


def test_people_top_counts_articles(db, records):
    result = cli(db, "people", "--top", "2", "--json")
    rows = [json.loads(line) for line in result.output.splitlines()]
    counts = {}
    for record in records:
        for person in record["people"]:
            counts[person["key"]] = counts.get(person["key"], 0) + 1
    assert [row["articles"] for row in rows] == sorted(counts.values(), reverse=True)[:2]


def test_entity_mentions_count_every_mention_in_every_article(tmp_path, records):
    twice = copy.deepcopy(records[:6])
    for record in twice[::2]:
        record["regions"][0]["mentions"] *= 2
    path = tmp_path / "r.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in twice))
    load_into_sqlite([str(path)], tmp_path / "facts.sqlite")
    with connect_read_only(tmp_path / "facts.sqlite") as connection:
        rows = run_query(connection, "regions", columns=("id", "articles", "mentions")).rows
    counts: dict[str, int] = {}
    for record in twice:
        for region in record["regions"]:
            key = entity_id("regions", region)
            counts[key] = counts.get(key, 0) + len(region["mentions"])
    assert {key: mentions for key, _, mentions in rows} == counts
    assert any(mentions > articles for _, articles, mentions in rows)  # mentions, not rows, are counted


def test_money_by_currency_and_minimum_as_csv(db, records):
    result = cli(db, "money", "--currency", "USD", "--min", "5e7", "--csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    expected = [r for r in records if r["money"][0]["currency"] == "USD" and r["money"][0]["high"] >= 5e7]
    assert expected and len(rows) == len(expected)
    assert all(row["currency"] == "USD" and float(row["high"]) >= 5e7 for row in rows)
    assert [float(row["high"]) for row in rows] == sorted((float(row["high"]) for row in rows), reverse=True)


def test_money_approximate_answers_true_or_false(db, records):
    result = cli(db, "money", "--json", "--columns", "article_id,approximate")
    rows = [json.loads(line) for line in result.output.splitlines()]
    stored = {r["id"]: r["money"][0]["approximate"] for r in records}
    assert rows and all(row["approximate"] is stored[row["article_id"]] for row in rows)


def test_search_finds_words_in_articles_and_claims(db):
    result = cli(db, "search", "elevators praised", "--json", "--columns", "match,article_id,snippet")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 60 and {row["match"] for row in rows} == {"article"}
    assert "[elevators]" in rows[0]["snippet"]
    claims = [json.loads(line) for line in cli(db, "search", "reached", "--json").output.splitlines()]
    assert {row["match"] for row in claims} == {"article", "claim"}


@pytest.mark.parametrize("words", ['"unbalanced', "NEAR(", "a - b"])
def test_search_words_are_never_fts_syntax(db, words):
    result = cli(db, "search", words)
    assert result.exit_code == 0, result.output


def test_search_raw_syntax_errors_are_usage_errors(db):
    result = cli(db, "search", '"unbalanced', "--raw")
    assert result.exit_code == 2
    assert "bad search expression" in result.output


def test_table_output_is_aligned_with_a_row_count(db):
    result = cli(db, "people", "--columns", "id,name")
    lines = result.output.splitlines()
    assert lines[0].split() == ["id", "name"] and set(lines[1].replace(" ", "")) == {"-"}
    assert lines[-1] == "(3 rows)"


@pytest.mark.parametrize(("args", "message"), [
    (("claims", "--sort", "nope"), "unknown field 'nope' for claims; valid fields: article_id, published, from"),
    (("money", "--columns", "low,wealth"), "unknown field 'wealth' for money; valid fields: article_id"),
    (("people", "--sort=-age"), "unknown field 'age' for people; valid fields: id, name, articles, mentions"),
])
def test_unknown_field_lists_the_valid_ones(db, args, message):
    result = cli(db, *args)
    assert result.exit_code == 2
    assert message in result.output


def test_sort_and_limit(db):
    result = cli(db, "money", "--sort", "low", "--limit", "3", "--json", "--columns", "low")
    lows = [json.loads(line)["low"] for line in result.output.splitlines()]
    assert lows == sorted(lows) and len(lows) == 3


def test_sql_runs_a_select_with_parameters(db):
    result = cli(db, "sql", "SELECT COUNT(*) AS n FROM money WHERE currency = :c", "-p", "c", "EUR", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"n": 15}


@pytest.mark.parametrize("statement", [
    "DELETE FROM people",
    "UPDATE money SET low = 0",
    "INSERT INTO people VALUES ('x', 'y')",
    "DROP TABLE money",
    "CREATE TABLE t (a)",
    "CREATE TEMP TABLE t (a)",
    "ATTACH DATABASE ':memory:' AS other",
    "PRAGMA query_only = 0",
    "PRAGMA journal_mode = DELETE",
    "VACUUM",
    "WITH x AS (SELECT 1) DELETE FROM people",
])
def test_sql_refuses_anything_that_writes(db, statement):
    before = db.read_bytes()
    result = cli(db, "sql", statement)
    assert result.exit_code == 2
    assert "refused" in result.output or "readonly" in result.output
    assert db.read_bytes() == before


def test_sql_errors_are_reported_not_raised(db):
    with connect_read_only(db) as connection, pytest.raises(QueryError, match="no such table: nowhere"):
        run_sql(connection, "SELECT * FROM nowhere")


def test_filter_values_are_parameters_not_sql(db):
    hostile = "x' OR 1=1 --"
    with connect_read_only(db) as connection:
        assert run_query(connection, "claims", claims_filters(entity=hostile, speaker=hostile)).rows == []
        assert run_query(connection, "search", search_filters(hostile)).rows == []


def test_query_on_a_file_that_is_not_a_store(tmp_path):
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (a)").connection.commit()
    result = cli(other, "people")
    assert result.exit_code == 2
    assert "is not a facts store" in result.output


@pytest.mark.parametrize("command", [["load"], ["export"], ["query"], ["query", "claims"], ["query", "people"],
                                     ["query", "regions"], ["query", "enterprises"], ["query", "organizations"],
                                     ["query", "money"], ["query", "search"], ["query", "sql"]])
def test_every_command_help_has_one_runnable_example(command):
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    examples = [line.strip() for line in result.output.splitlines() if line.strip().startswith("python -m pipeline")]
    assert len(examples) == 1
    assert examples[0].split()[3:3 + len(command)] == command


ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "


def test_sql_that_runs_past_its_time_limit_is_stopped_in_one_line(db):
    started = time.monotonic()
    result = cli(db, "sql", ENDLESS + "SELECT COUNT(*) FROM c", "--timeout", "1")
    assert time.monotonic() - started < 10
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line == "Error: stopped: the statement ran past its 1-second limit"


def test_sql_prints_at_most_the_row_limit_and_says_there_were_more(db):
    result = cli(db, "sql", ENDLESS + "SELECT x FROM c", "--json", "--limit", "5")
    assert result.exit_code == 0
    assert [json.loads(line)["x"] for line in result.stdout.splitlines()] == [1, 2, 3, 4, 5]
    assert "more rows than the 5-row limit" in result.stderr


def test_sql_rows_are_read_as_they_are_wanted(db):
    with connect_read_only(db) as connection:
        rows = run_sql(connection, ENDLESS + "SELECT x FROM c", timeout=10).rows
        assert list(islice(rows, 3)) == [(1,), (2,), (3,)]


def test_sql_may_read_the_tables_layout(db):
    result = cli(db, "sql", "PRAGMA table_info(money)", "--json")
    assert result.exit_code == 0, result.output
    assert "currency" in [json.loads(line)["name"] for line in result.stdout.splitlines()]


@pytest.mark.parametrize("args", [["people", "--limit", "99999999999999999999"],
                                  ["people", "--top", "99999999999999999999"],
                                  ["sql", "SELECT 1", "--limit", "99999999999999999999"]])
def test_a_limit_sqlite_cannot_hold_is_a_usage_error(db, args):
    result = cli(db, *args)
    assert result.exit_code == 2
    assert "is not in the range" in result.stderr and "Traceback" not in result.output
