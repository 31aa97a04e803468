"""The researcher's workbench in the store: the claims_wide view, claims with amounts and metric, entity
questions through one scope, timelines with conflicting figures side by side and their charts, Parquet
that pandas computes with."""

from __future__ import annotations

import copy
import json
import sqlite3
from decimal import Decimal

import orjson
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.plot import render_svg
from pipeline.store import load_into_sqlite
from pipeline.store.sqlite import connect, connect_read_only
from pipeline.store.timeline import timeline, timeline_result


def with_figure(record: dict, *, article: str, published: str, amount: int, subject: str = "Belarus") -> dict:
    """The record as another article giving `amount` for its claim's period, about `subject` only."""
    changed = copy.deepcopy(record)
    changed["id"], changed["published"] = article, published
    claim = changed["claims"][0]
    claim["money"][0].update(low=amount, high=amount)
    claim["entities"], claim["subjects"], claim["metric"] = [], [subject], "exports"
    return changed


@pytest.fixture(scope="module")
def records(synthetic_record):
    base = synthetic_record(4)  # a 2024 claim in USD
    return [synthetic_record(n) for n in range(12)] + [
        with_figure(base, article="conflict-a", published="2025-03-01T10:00:00", amount=5_000_000),
        with_figure(base, article="conflict-b", published="2025-04-01T10:00:00", amount=6_000_000),
        with_figure(base, article="agrees-c", published="2025-02-01T10:00:00", amount=6_000_000)]


@pytest.fixture(scope="module")
def db(tmp_path_factory, records):
    directory = tmp_path_factory.mktemp("workbench")
    (directory / "r.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    load_into_sqlite([str(directory / "r.jsonl")], directory / "facts.sqlite")
    return directory / "facts.sqlite"


def cli(*args: str):
    return CliRunner().invoke(main, list(args))


def test_claims_wide_has_a_row_per_claim_with_subjects_amounts_and_article(db, records):
    with sqlite3.connect(db) as connection:
        connection.row_factory = sqlite3.Row
        rows = {row["article_id"]: row for row in connection.execute("SELECT * FROM claims_wide")}
    assert len(rows) == len(records)
    for record in records:
        row, claim = rows[record["id"]], record["claims"][0]
        assert (row["text"], row["metric"], row["kind"], row["speaker"]) == (
            claim["text"], claim["metric"], claim["kind"], claim["speaker"])
        assert row["subjects"] == "; ".join(claim["subjects"])
        assert row["amounts"] == "; ".join(m["text"] for m in claim["money"])
        assert (row["low"], row["high"], row["currency"]) == (
            claim["money"][0]["low"], claim["money"][0]["high"], claim["money"][0]["currency"])
        assert row["percentages"] == "; ".join(p["text"] for p in claim["percentages"])
        assert (row["title"], row["published"], row["url"]) == (record["title"], record["published"],
                                                              record["source"]["url"])


def test_query_claims_shows_amounts_and_metric_and_filters_by_metric(db, records):
    result = cli("query", "claims", "--db", str(db), "--metric", "exports", "--json")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert sorted(row["article_id"] for row in rows) == ["agrees-c", "conflict-a", "conflict-b"]
    assert {row["amounts"] for row in rows} == {records[-1]["claims"][0]["money"][0]["text"]}
    table = cli("query", "claims", "--db", str(db), "--limit", "1")
    assert table.output.splitlines()[0].split()[:9] == ["article_id", "published", "from", "to", "kind", "speaker",
                                                        "metric", "amounts", "percentages"]


def test_an_entity_is_found_through_the_subjects_of_claims_too(db):
    """The three added articles name nothing in their claims; "Belarus" is only their figure's subject."""
    result = cli("query", "claims", "--db", str(db), "--entity", "belarus", "--metric", "exports", "--json")
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == 3


def test_timeline_puts_articles_on_the_same_period_side_by_side(db, records):
    with connect_read_only(db) as connection:
        points = timeline(connection, "Belarus", metric="exports", currency="usd")
    assert [(p.article_id, p.low) for p in points] == [("agrees-c", 6_000_000), ("conflict-a", 5_000_000),
                                                       ("conflict-b", 6_000_000)]
    (row,) = timeline_result(points).rows
    fields = dict(zip(timeline_result(points).fields, row))
    assert (fields["low"], fields["published"], fields["conflict"]) == (6_000_000, "2025-04-01T10:00:00", True)
    assert fields["also"].count("(") == 2 and "5,000,000" in fields["also"]


@pytest.mark.parametrize("metric", [None, "exports"])
def test_the_latest_claims_of_an_entity_with_many_are_walked_to_the_same_points(db, monkeypatch, metric):
    import pipeline.store.timeline as timelines

    with connect_read_only(db) as connection:
        listed = timeline(connection, "Belarus", metric=metric, latest=2)
        everything = timeline(connection, "Belarus", metric=metric)
        monkeypatch.setattr(timelines, "WALK_FROM", 0)  # every entity has many claims: the walk answers
        assert timelines.many_claims(connection, "Belarus")
        walked = timeline(connection, "Belarus", metric=metric, latest=2)
    # the same latest periods (claims of one period may come in either order), each a point of the entity's
    assert sorted((p.first, p.last) for p in walked) == sorted((p.first, p.last) for p in listed) and walked
    assert set(walked) <= set(everything) and len(everything) > len(walked)


def test_timeline_agrees_when_only_agreeing_articles_give_the_period(db, records):
    with connect_read_only(db) as connection:
        points = [p for p in timeline(connection, "Belarus", metric="exports") if p.article_id != "conflict-a"]
    ((*_, conflict),) = timeline_result(points).rows
    assert conflict is False


def test_timeline_command_prints_rows_and_draws_svg_and_html(db, tmp_path):
    svg, page = tmp_path / "t.svg", tmp_path / "t.html"
    for plot in (svg, page):
        result = cli("query", "timeline", "--db", str(db), "--entity", "Belarus", "--metric", "exports",
                     "--plot", str(plot), "--csv")
        assert result.exit_code == 0, result.output
        assert result.output.splitlines()[0] == "from,to,unit,low,high,metric,article,published,speaker,also,conflict"
    assert svg.read_text().count('<g class="figure"') == 3
    assert svg.read_text().count('data-conflict="true"') == 1
    assert '<svg xmlns="http://www.w3.org/2000/svg" id="timeline"' in page.read_text()
    assert page.read_text().count("<tr><td>") == 3


@pytest.mark.parametrize(("args", "message"), [
    (["--entity", "Belarus", "--plot", "chart.pdf"], "cannot draw a chart as 'chart.pdf': name a .svg or .html file"),
    (["--entity", "Atlantis", "--plot", "chart.svg"], "no figures to draw: the timeline is empty"),
])
def test_timeline_plot_errors_are_one_line(db, tmp_path, args, message):
    *rest, plot = args
    result = cli("query", "timeline", "--db", str(db), *rest, str(tmp_path / plot))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"Error: {message}"]


def test_the_same_points_give_the_same_chart(db):
    with connect_read_only(db) as connection:
        points = timeline(connection, "Belarus")
    assert points and render_svg(points, title="x") == render_svg(list(points), title="x")


def test_a_store_made_before_claims_had_a_metric_gets_it_and_the_new_records_load(tmp_path, records):
    db = tmp_path / "old.sqlite"
    connect(db).close()
    with sqlite3.connect(db) as connection:  # the claims table as it was before issue 14
        connection.execute("DROP VIEW claims_wide")
        connection.execute("DROP INDEX claims_metric")
        connection.execute("ALTER TABLE claims DROP COLUMN metric")
    (tmp_path / "r.jsonl").write_bytes(orjson.dumps(records[-1]) + b"\n")
    load_into_sqlite([str(tmp_path / "r.jsonl")], db)
    with connect_read_only(db) as connection:
        assert [tuple(row) for row in connection.execute("SELECT metric, subjects FROM claims_wide")] == [
            ("exports", "Belarus")]


def test_parquet_amounts_compute_in_pandas_and_stay_exact_beside(db, tmp_path, records):
    import pandas

    result = cli("export", "--db", str(db), "-o", str(tmp_path / "pq"))
    assert result.exit_code == 0, result.output
    money = pandas.read_parquet(tmp_path / "pq" / "money.parquet")
    assert money["high"].dtype == "float64"
    expected = sorted((r["id"], r["money"][0]["high"]) for r in records)
    assert list((money["high"] * 1.5)) == [high * 1.5 for _, high in expected]
    assert list(money["high_exact"]) == [Decimal(high) for _, high in expected]
