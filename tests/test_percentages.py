"""Percentages: the forms that count, the words and multiples that do not, round trips, samples' gold."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from pipeline.components.amount_grammar import AmountGrammar, AmountLexicon
from pipeline.errors import ResourceError
from pipeline.extract.percentages import extract_percentages
from pipeline.readers import read_inputs
from pipeline.types import Article, Dateline, Source
from pipeline.resources import MODELS_DIR, read_tsv

from .conftest import SAMPLES

# Exact per-sample checks on the dev gold; held-out articles are measured by `make eval`
# and held to floors (tests/test_eval_gate.py), never tuned on.
GOLD_FILES = sorted(SAMPLES.glob("gold/dev/*.json"))
UNITS = [row["unit"] for row in read_tsv(MODELS_DIR / "percent_units.tsv")]


@pytest.fixture(scope="module")
def grammar(nlp) -> AmountGrammar:
    return nlp.get_pipe("belta_amounts").grammar


def found(grammar: AmountGrammar, text: str) -> list[tuple[str, Decimal]]:
    return [(text[m.start:m.end], m.value) for m in grammar.amounts(text)[1]]


PERCENT_FORMS = [
    ("It was 35% higher year-on-year.", [("35%", Decimal(35))]),
    ("Exports grew by 3.5 percent.", [("3.5 percent", Decimal("3.5"))]),
    ("MTZ raised sales by 12.7% in 2024.", [("12.7%", Decimal("12.7"))]),
    ("Output was 110.3% year-on-year.", [("110.3%", Decimal("110.3"))]),
    ("The share grew by 2.1 percentage points.", [("2.1 percentage points", Decimal("2.1"))]),
    ("Rates fell 0.25 per cent.", [("0.25 per cent", Decimal("0.25"))]),
    ("Output grew 4.3% and exports 35%.", [("4.3%", Decimal("4.3")), ("35%", Decimal(35))]),
    ("Jobs make up 20 to 25 percent of the total.", [("20", Decimal(20)), ("25 percent", Decimal(25))]),
    ("Margins of 20-25% are expected.", [("20", Decimal(20)), ("25%", Decimal(25))]),
    ("Layoffs equal about six percent of staff.", [("six percent", Decimal(6))]),
    ("Losses of between three and seven percent.", [("three", Decimal(3)), ("seven percent", Decimal(7))]),
    ("The index gained half a percent.", [("half a percent", Decimal("0.5"))]),
    ("Growth was one and a half percent.", [("one and a half percent", Decimal("1.5"))]),
    ("A rate of 9.25 % was set.", [("9.25 %", Decimal("9.25"))]),
    ("The coupon is 8 13/16%.", [("8 13/16%", Decimal("8.8125"))]),
    ("Yields rose to 7 1/2 percent.", [("7 1/2 percent", Decimal("7.5"))]),
    ("The stake is 3/4%.", [("3/4%", Decimal("0.75"))]),
    ("The rate will fall to 18-19%.", [("18", Decimal(18)), ("19%", Decimal(19))]),
    ("The rate was cut by 1.5 percentage points.", [("1.5 percentage points", Decimal("1.5"))]),
]

NOT_PERCENTAGES = [
    "Net profit grew 1.5 times; output grew twofold.",
    "It renews about a quarter of its range; almost half of exports go to Russia.",
    "The DAX was up by a fifth of a percent.",
    "The plant produced 26,000 tractors in 2024.",
    "Trade reached $110 million.",
    # a change in points is annotated only in digits (the real BelTA gold)
    "Its market share rose by one percentage point.",
    "Its share grew by two percentage points.",
    "The plan is 7/8/07 and 1/2 of the output.",
]


@pytest.mark.parametrize(("text", "expected"), PERCENT_FORMS, ids=[t for t, _ in PERCENT_FORMS])
def test_percentage_form_is_read(grammar, text, expected):
    assert found(grammar, text) == expected


@pytest.mark.parametrize("text", NOT_PERCENTAGES)
def test_percentage_not_found_in_words_and_multiples(grammar, text):
    assert found(grammar, text) == []


def test_percentages_skip_the_dateline(nlp):
    text = "MINSK, 5% (BelTA) \u2013 Output grew by 7%."
    article = Article(source=Source(path="t.txt"), title=None, published=None, category=None,
                      dateline=Dateline(place="MINSK", date=date(2026, 1, 19), start=0, end=19), text=text)
    assert [p.text for p in extract_percentages(nlp(text), article)] == ["7%"]


def test_percentage_record_value_is_a_number(record_of):
    record = record_of("MINSK, 19 January (BelTA) \u2013 Trade grew by 12.7% and 3.5 percent.")
    assert [(p["text"], p["value"]) for p in record["percentages"]] == [("12.7%", 12.7), ("3.5 percent", 3.5)]


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from(UNITS))
def test_percentage_round_trips_from_digits(grammar, value, unit):
    written = f"{value}{unit}" if unit == "%" else f"{value} {unit}"
    text = f"Output grew by {written} last year."
    (match,) = grammar.amounts(text)[1]
    assert match.value == value
    assert text[match.start:match.end] == written


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=999))
def test_percentage_round_trips_from_spelled_numbers(grammar, number):
    # num2words writes "one hundred and five", "twenty-five": quantulum3 reads them back
    text = f"Output grew by {num2words(number)} percent."
    (match,) = grammar.amounts(text)[1]
    assert match.value == number


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name)
def test_sample_percentages_match_gold(gold_path, processor, record_validator):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    (line,) = processor.process_batch(list(read_inputs([str(SAMPLES / "articles" / gold["file"])])))
    record = record_validator(json.loads(line))
    assert [round(p["value"], 2) for p in record["percentages"]] == [round(p["value"], 2) for p in gold["percentages"]]


def test_bad_digits_value_names_the_file(tmp_path):
    for name in ("currencies.tsv", "scales.tsv", "number_words.tsv", "amount_context.tsv"):
        (tmp_path / name).write_text((MODELS_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "percent_units.tsv").write_text("unit\tdigits\n%\tsome\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"percent_units\.tsv: '%': digits must be any or only"):
        AmountLexicon.from_dir(tmp_path)
