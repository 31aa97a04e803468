"""The public-data evaluator: span matching rules, MEANTIME reading, and its absent-file exit."""

from __future__ import annotations

from datetime import date

import orjson
import pytest
from click.testing import CliRunner

from tools.evaluate_public import (ENTITY_LABELS, Score, _named_organization_pairs, exact_counts, gold_spans, main,
                                      overlap_counts, read_entity_corpus, read_meantime, read_timeml, timex_dates)

SPAN_CASES = [
    # predicted, gold, exact (tp, fp, fn), overlap (tp, fp, fn)
    ([(0, 5)], [(0, 5)], (1, 0, 0), (1, 0, 0)),
    ([(6, 12)], [(0, 12)], (0, 1, 1), (1, 0, 0)),           # "about US$ 16 million" vs "US$ 16 million"
    ([(0, 3), (5, 9)], [(0, 9)], (0, 2, 1), (1, 1, 0)),     # one gold span pairs with one prediction only
    ([], [(0, 3)], (0, 0, 1), (0, 0, 1)),
    ([(0, 3)], [(4, 6)], (0, 1, 1), (0, 1, 1)),
]


@pytest.mark.parametrize(("predicted", "gold", "exact", "overlap"), SPAN_CASES)
def test_span_matching_rules(predicted, gold, exact, overlap):
    assert exact_counts(predicted, gold) == exact
    assert overlap_counts(predicted, gold) == overlap


def test_score_f1_from_counts():
    score = Score(name="x", tp=3, fp=1, fn=2)
    assert (score.precision, score.recall) == (0.75, 0.6)
    assert score.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_meantime_groups_dropped_and_scope_ends_with_the_annotated_line(tmp_path):
    text = "Title\nMay 07, 2009\nIt lost $381 million, or $0.67 per share.\nLater it made $5 million."
    row = {"text": text, "dct": {"value": "2009-05-07", "start": 6, "end": 18},
           "entity_mentions": [], "timexes": [],
           "values": [{"type": "MONEY", "start": 27, "end": 49}, {"type": "MONEY", "start": 27, "end": 39},
                      {"type": "MONEY", "start": 44, "end": 49}]}
    (tmp_path / "meantime-dev.jsonl").write_bytes(orjson.dumps(row) + b"\n")
    (item,) = read_meantime(tmp_path / "meantime-dev.jsonl")
    assert [text[s:e] for s, e in gold_spans(item, "MONEY")] == ["$381 million", "$0.67"]
    assert text[:item.scope_end].endswith("per share.")


def test_organisation_names_count_only_where_meantime_annotated_something(tmp_path):
    text = "Title\nMay 07, 2009\nFord and Apple met Mr Lee of Lee Corp at Acme."
    mention = {"syntactic_type": "NAM", "head": ""}
    row = {"text": text, "dct": {"value": "2009-05-07", "start": 6, "end": 18}, "values": [], "timexes": [],
           "entity_mentions": [{**mention, "type": "ORG", "start": 19, "end": 23},     # Ford
                               {**mention, "type": "PER", "start": 41, "end": 44},     # Lee (the person)
                               {**mention, "type": "ORG", "start": 48, "end": 56}]}    # Lee Corp
    (tmp_path / "meantime-dev.jsonl").write_bytes(orjson.dumps(row) + b"\n")
    (item,) = read_meantime(tmp_path / "meantime-dev.jsonl")
    ours = [(19, 23), (28, 33), (41, 44), (60, 64)]  # Ford, Apple (not annotated), Lee the person, Acme
    kept, gold = _named_organization_pairs(item, ours)
    assert [text[s:e] for s, e in kept] == ["Ford", "Lee"]  # Apple and Acme: MEANTIME annotated nothing there
    assert [text[s:e] for s, e in gold] == ["Ford", "Lee Corp"]
    assert overlap_counts(kept, gold) == (1, 1, 1)


def test_missing_public_file_exits_cleanly(tmp_path):
    result = CliRunner().invoke(main, ["--public-dir", str(tmp_path)])
    assert result.exit_code == 0
    assert "nothing to evaluate" in result.output


def test_entity_corpus_keeps_newswire_and_maps_labels(tmp_path):
    text = "Mr. Smith of Acme Corp. visited Minsk and paid $5 million."
    rows = [{"genre": "nw", "source": "xinhua", "text": text, "char_entities": [
                {"start": 4, "end": 9, "label": "PERSON"}, {"start": 13, "end": 23, "label": "ORG"},
                {"start": 32, "end": 37, "label": "GPE"}, {"start": 47, "end": 57, "label": "MONEY"},
                {"start": 0, "end": 3, "label": "NORP"}]},
            {"genre": "bc", "source": "cnn", "text": "Hello.", "char_entities": []}]
    path = tmp_path / "onto.jsonl"
    path.write_bytes(b"\n".join(orjson.dumps(row) for row in rows))
    (item,) = read_entity_corpus(path, labels=ENTITY_LABELS, sources=())
    assert [(text[e["start"]:e["end"]], e["field"]) for e in item.gold["entities"]] == [
        ("Smith", "people"), ("Acme Corp.", "organisations"), ("Minsk", "regions")]
    assert gold_spans(item, "MONEY") == [(47, 57)]
    assert read_entity_corpus(path, labels=ENTITY_LABELS, sources=("wsj",)) == []
    assert len(read_entity_corpus(path, labels=ENTITY_LABELS)) == 2  # no source filter: every row


def test_timeml_dates_skip_the_creation_time(tmp_path):
    text = "\n19980108\nPrices fell in December and will rise in 1999.\n"
    row = {"dct": {"value": "1998-01-08"}, "text": text, "timexes": [
        {"type": "DATE", "value": "1998-01-08", "start": 1, "end": 9, "functionInDocument": "CREATION_TIME"},
        {"type": "DATE", "value": "1997-12", "start": 25, "end": 33, "functionInDocument": "NONE"},
        {"type": "DURATION", "value": "P1Y", "start": 48, "end": 52, "functionInDocument": "NONE"}]}
    path = tmp_path / "timebank.jsonl"
    path.write_bytes(orjson.dumps(row))
    (item,) = read_timeml(path)
    assert item.article.published.date().isoformat() == "1998-01-08"
    assert [span for span, _ in timex_dates(item)] == [(25, 33)]


def test_timex_part_of_a_month_is_compared_as_its_ten_days(tmp_path):
    row = {"dct": {"value": "1989-11-02"}, "text": "Talks end in mid-November or late May 1990.",
           "timexes": [{"type": "DATE", "value": "1989-11", "mod": "MID", "start": 13, "end": 25, "text": "mid-November"},
                       {"type": "DATE", "value": "1990-05", "mod": "END", "start": 29, "end": 42,
                        "text": "late May 1990"}]}
    path = tmp_path / "timebank.jsonl"
    path.write_bytes(orjson.dumps(row) + b"\n")
    (item,) = read_timeml(path)
    assert [interval for _, interval in timex_dates(item)] == [(date(1989, 11, 11), date(1989, 11, 20)),
                                                               (date(1990, 5, 21), date(1990, 5, 31))]
