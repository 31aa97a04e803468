"""Dates: every form of issue 4 placed against the publication date, what must not match, round trips,
and the samples' gold."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.errors import ResourceError
from pipeline.extract.date_grammar import date_grammar, load_vocabulary
from pipeline.extract.dates import clause_tense, find_periods, shift_years
from pipeline.readers import read_inputs
from pipeline.resources import MODELS_DIR, read_jsonl

from .conftest import ROOT, SAMPLES

DEV_GOLD = sorted(SAMPLES.glob("gold/dev/*.json"))
SEED_GOLD = ROOT.parent / "shared" / "eval" / "seed_gold.json"
MONDAY = datetime(2026, 1, 19, 11, 27)  # the seed article's publication time, a Monday
D = date.fromisoformat


def periods(text: str, published: datetime = MONDAY) -> list[tuple[str, date, date]]:
    return [(p.text, p.first, p.last) for p in find_periods(text, published)]


# (sentence, [(span, first, last)]), resolved against Monday 19 January 2026
DATE_FORMS = [
    ("The talks were held on 19 January.", [("19 January", D("2026-01-19"), D("2026-01-19"))]),
    ("The contract was signed on 15 January.", [("15 January", D("2026-01-15"), D("2026-01-15"))]),
    ("The plant will open on 15 January.", [("15 January", D("2027-01-15"), D("2027-01-15"))]),
    ("In January-November 2025 it reached $108 million.",
     [("January-November 2025", D("2025-01-01"), D("2025-11-30"))]),
    ("Exports grew in January-November.", [("January-November", D("2025-01-01"), D("2025-11-30"))]),
    ("Funds will be allocated in the first half of the year.",
     [("the first half of the year", D("2026-01-01"), D("2026-06-30"))]),
    ("It exported goods worth $310 million in Q3 2024.", [("Q3 2024", D("2024-07-01"), D("2024-09-30"))]),
    ("Deliveries are due in the second quarter.", [("the second quarter", D("2026-04-01"), D("2026-06-30"))]),
    ("Output rose in the first nine months of 2025.",
     [("the first nine months of 2025", D("2025-01-01"), D("2025-09-30"))]),
    ("Sales rose by 12.7% in 2024.", [("2024", D("2024-01-01"), D("2024-12-31"))]),
    ("Last year the plant produced 26,000 tractors.", [("Last year", D("2025-01-01"), D("2025-12-31"))]),
    ("The plant will double output this year.", [("this year", D("2026-01-01"), D("2026-12-31"))]),
    ("The line will start next year.", [("next year", D("2027-01-01"), D("2027-12-31"))]),
    ("By 2030 every farm must work on modern technology.", [("By 2030", D("2030-01-01"), D("2030-12-31"))]),
    ("The programme covers 2021-2025.", [("2021-2025", D("2021-01-01"), D("2025-12-31"))]),
    ("He headed the committee from 2020 to 2024.", [("from 2020 to 2024", D("2020-01-01"), D("2024-12-31"))]),
    ("In the current five-year period we will modernise farms.",
     [("the current five-year period", D("2026-01-01"), D("2030-12-31"))]),
    ("In the current five-year period 2026-2030, we must use it.",
     [("the current five-year period 2026-2030", D("2026-01-01"), D("2030-12-31"))]),
    ("Within the next year or two we will place all cows in new complexes.",
     [("Within the next year or two", D("2026-01-19"), D("2028-01-19"))]),
    ("Within five years we will switch.", [("Within five years", D("2026-01-19"), D("2031-01-19"))]),
    ("Over the next three years, the bank intends to grow.",
     [("Over the next three years", D("2026-01-19"), D("2029-01-19"))]),
    ("Over the past five years the plant has invested $120 million.",
     [("Over the past five years", D("2021-01-19"), D("2026-01-19"))]),
    ("The director told reporters on Monday.", [("Monday", D("2026-01-19"), D("2026-01-19"))]),
    ("The minister spoke on Friday.", [("Friday", D("2026-01-16"), D("2026-01-16"))]),
    ("The minister will visit the plant on Friday.", [("Friday", D("2026-01-23"), D("2026-01-23"))]),
    ("The town was liberated in 1944.", [("1944", D("1944-01-01"), D("1944-12-31"))]),
    ("The commander died in November 1942.", [("November 1942", D("1942-11-01"), D("1942-11-30"))]),
    ("Since 1946, the works has produced 3.8 million tractors.",
     [("Since 1946", D("1946-01-01"), D("2026-01-19"))]),
    ("Loans have grown by 8.9% since the beginning of the year.",
     [("since the beginning of the year", D("2026-01-01"), D("2026-01-19"))]),
    ("From 29 March, entrepreneurs can lease equipment.", [("29 March", D("2026-03-29"), D("2026-03-29"))]),
    ("The unit was shut down from 10 to 14 July.", [("from 10 to 14 July", D("2025-07-10"), D("2025-07-14"))]),
    ("The forum will take place on 28-30 June.", [("28-30 June", D("2026-06-28"), D("2026-06-30"))]),
    ("The salary amounted to Br2,157 in December.", [("December", D("2025-12-01"), D("2025-12-31"))]),
    ("The document is to be approved in July.", [("July", D("2026-07-01"), D("2026-07-31"))]),
    ("The report was published on November 24, 2004.",
     [("November 24, 2004", D("2004-11-24"), D("2004-11-24"))]),
    ("Dealers will close after October of next year.",
     [("October of next year", D("2027-10-01"), D("2027-10-31"))]),
    ("Cars of the 1990s are rare.", [("the 1990s", D("1990-01-01"), D("1999-12-31"))]),
    ("The first A380 was delivered today.", [("today", D("2026-01-19"), D("2026-01-19"))]),
    ("The president said at the meeting today.", [("today", D("2026-01-19"), D("2026-01-19"))]),
    # in the past tense a yearless month mostly gone by publication is this one (19 January: January 2026),
    # while a longer span only begun is last year's ("January-November" above)
    ("The plant shipped 300 tractors in January.", [("January", D("2026-01-01"), D("2026-01-31"))]),
    # an -ed form next to "today" makes it the publication day
    ("Apple today unveiled its latest player.", [("today", D("2026-01-19"), D("2026-01-19"))]),
    ("Stock markets around the world continued to fall dramatically today.",
     [("today", D("2026-01-19"), D("2026-01-19"))]),
    ("Fuel prices have increased dramatically today.", [("today", D("2026-01-19"), D("2026-01-19"))]),
    # a participle after "be" is no past tense: the auxiliary before it decides
    ("The student watch will be held from 28 June to 3 July.",
     [("from 28 June to 3 July", D("2026-06-28"), D("2026-07-03"))]),
    ("The new stadium will be built by December.", [("by December", D("2026-12-01"), D("2026-12-31"))]),
    ("The festival was held from 10 to 14 July.", [("from 10 to 14 July", D("2025-07-10"), D("2025-07-14"))]),
    ("Sales fell last month.", [("last month", D("2025-12-01"), D("2025-12-31"))]),
    ("The budget for 2025 was approved on Wednesday, and the council will consider it on Monday.",
     [("2025", D("2025-01-01"), D("2025-12-31")), ("Wednesday", D("2026-01-14"), D("2026-01-14")),
      ("Monday", D("2026-01-19"), D("2026-01-19"))]),
    # a fronted date takes the tense of the clause after its comma
    ("On Wednesday, the council approved the budget.", [("Wednesday", D("2026-01-14"), D("2026-01-14"))]),
    ("On Thursday, the concern approved the programme.", [("Thursday", D("2026-01-15"), D("2026-01-15"))]),
    ("On Saturday, the plant will open its doors to visitors.", [("Saturday", D("2026-01-24"), D("2026-01-24"))]),
    ("On Friday, the company is to present new tires.", [("Friday", D("2026-01-23"), D("2026-01-23"))]),
    ("In December, the plant will launch a new line.", [("December", D("2026-12-01"), D("2026-12-31"))]),
    ("On 25 January, the ministry will hold a fair.", [("25 January", D("2026-01-25"), D("2026-01-25"))]),
    # ... but not a date after a verb, nor one whose comma clause says nothing of tense
    ("The roadmap, signed on Thursday, will take effect in March.",
     [("Thursday", D("2026-01-15"), D("2026-01-15")), ("March", D("2026-03-01"), D("2026-03-31"))]),
    ("On Friday, according to the ministry, the fair opened.", [("Friday", D("2026-01-16"), D("2026-01-16"))]),
    # a month-year to month-year range runs across the year boundary
    ("The buses will be delivered in December 2025-February 2026.",
     [("December 2025-February 2026", D("2025-12-01"), D("2026-02-28"))]),
    ("Sales grew from November 2024 to March 2025.",
     [("from November 2024 to March 2025", D("2024-11-01"), D("2025-03-31"))]),
    ("Output fell in October 2023-January 2024.", [("October 2023-January 2024", D("2023-10-01"), D("2024-01-31"))]),
    # "by <weekday>" is a deadline: the coming one, also in a past-tense sentence
    ("The governor demanded an answer by Friday.", [("by Friday", D("2026-01-23"), D("2026-01-23"))]),
    ("The report was due by Wednesday.", [("by Wednesday", D("2026-01-21"), D("2026-01-21"))]),
    ("The council met on Friday.", [("Friday", D("2026-01-16"), D("2026-01-16"))]),
    # the "to" after "agreed" looks ahead, for a date after it only
    ("The chain agreed with the retailer to sell its goods from 1 December.",
     [("1 December", D("2026-12-01"), D("2026-12-01"))]),
    ("The sides agreed on Monday to build a plant.", [("Monday", D("2026-01-19"), D("2026-01-19"))]),
    # capitalised "May" after a preposition or a conjunction is the month; at a sentence's start it may be the verb
    ("The next meeting is scheduled for May in Minsk.", [("May", D("2026-05-01"), D("2026-05-31"))]),
]

# Text that must not give a date: vague expressions, durations, quantities, words that look like months.
NOT_DATES = [
    "In recent years Belarus has developed turkey production.",
    "Belarus intends to develop this sector in the near future.",
    "I visit Belarus every year.",
    "Exports were 35% higher year-on-year.",
    "The loan was granted for three to five years.",
    "For more than three decades the company has supplied harvesters.",
    "The farm harvested 2000 tonnes of grain.",
    "The index stood at 1,200 points and the price at Br2,157.",
    "It was fashionable at one time to destroy them.",
    "Today, Belarus is a major exporter of dairy products.",
    # "today" with only an -ed word around is "nowadays", not the publication day
    "Today the fortress is one of the most visited places in the country.",
    "Today the share of the so-called far-arc countries is growing.",
    "Today our region is among the most visited and the best equipped in the country.",
    "The plant is old, and today its products are supplied to all EAEU countries.",
    "You may see the models at the plant.",
    "May the new season bring good harvests.",
    "We will march forward together.",
    "They remained in their 50s for decades.",
]


@pytest.mark.parametrize(("text", "expected"), DATE_FORMS, ids=[t for t, _ in DATE_FORMS])
def test_date_forms(text, expected):
    assert periods(text) == expected


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert periods(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The contract was signed on", "past"),
    ("The plant will open on", "future"),
    ("The works produced tractors in", "past"),
    ("The report on", None),
    ("The festival will be held on", "future"),
    ("The roads are to be repaired on", "future"),
    ("The festival was held on", "past"),
])
def test_clause_tense(text, expected):
    sentence = f"{text} 15 January."
    start = sentence.index("15 January")
    assert clause_tense(sentence, start, start + len("15 January"), date_grammar().vocabulary) == expected


def test_dateline_date_is_not_a_mention(record_of):
    record = record_of("MINSK, 19 January (BelTA) – The plant produced 100 tractors in 2025.")
    assert [(d["text"], d["from"], d["to"]) for d in record["dates"]] == [("2025", "2025-01-01", "2025-12-31")]


def test_mention_text_is_sliced_from_the_original_body(record_of):
    record = record_of("In the current five\u2011year period we will modernise all farms.")
    (period,) = record["dates"]
    assert period["text"] == "the current five\u2011year period"
    assert (period["from"], period["to"]) == ("2026-01-01", "2030-12-31")


def test_unknown_vocabulary_kind_is_rejected(tmp_path):
    path = tmp_path / "date_words.jsonl"
    path.write_text('{"kind": "season", "word": "spring"}\n', encoding="utf-8")
    with pytest.raises(ResourceError, match="unknown kind 'season'"):
        load_vocabulary(path)


def test_vocabulary_has_no_duplicates():
    rows = [(row["kind"], row["word"]) for row in read_jsonl(MODELS_DIR / "date_words.jsonl")]
    assert len(rows) == len(set(rows))


# Round trips: a date written out in any of the house's forms comes back as the same value.

publication = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2040, 12, 31))
days = st.dates(min_value=date(1950, 1, 1), max_value=date(2060, 12, 31))


@given(day=days, published=publication)
def test_full_date_round_trips(day, published):
    written = f"The event took place on {day.day} {day:%B} {day.year}."
    assert periods(written, published)[0][1:] == (day, day)


@given(day=days, published=publication)
def test_american_date_round_trips(day, published):
    written = f"The event took place on {day:%B} {day.day}, {day.year}."
    assert periods(written, published)[0][1:] == (day, day)


@given(published=publication, offset=st.integers(min_value=1, max_value=150))
def test_past_yearless_date_is_the_latest_before_publication(published, offset):
    day = published.date() - timedelta(days=offset)
    (found,) = periods(f"The contract was signed on {day.day} {day:%B}.", published)
    assert found[1:] == (day, day)


@given(published=publication, offset=st.integers(min_value=1, max_value=150))
def test_future_yearless_date_is_the_next_after_publication(published, offset):
    day = published.date() + timedelta(days=offset)
    (found,) = periods(f"The plant will open on {day.day} {day:%B}.", published)
    assert found[1:] == (day, day)


@given(first=st.integers(min_value=1900, max_value=2080), length=st.integers(min_value=1, max_value=10),
       published=publication)
def test_year_span_round_trips(first, length, published):
    (found,) = periods(f"The programme covers {first}-{first + length}.", published)
    assert found[1:] == (date(first, 1, 1), date(first + length, 12, 31))


@given(count=st.integers(min_value=1, max_value=12), published=publication)
def test_within_next_years_round_trips(count, published):
    (found,) = periods(f"Within {count} years we will switch.", published)
    assert found[1:] == (published.date(), shift_years(published.date(), count))


@given(text=st.text(max_size=200), published=publication)
def test_arbitrary_text_never_crashes_and_offsets_stay_in_bounds(text, published):
    for period in find_periods(text, published):
        assert 0 <= period.start < period.end <= len(text)
        assert text[period.start:period.end] == period.text
        assert period.first <= period.last


# The samples' gold (dev) and the seed article's.

def _gold_and_record(gold_path, processor, record_validator, article_path=None):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    path = article_path or SAMPLES / "articles" / gold["file"]
    (line,) = processor.process_batch(list(read_inputs([str(path)])))
    return gold, record_validator(json.loads(line))


@pytest.mark.parametrize("gold_path", DEV_GOLD, ids=lambda p: p.name)
def test_sample_dates_match_gold(gold_path, processor, record_validator):
    gold, record = _gold_and_record(gold_path, processor, record_validator)
    assert [(d["from"], d["to"]) for d in record["dates"]] == [(d["start"], d["end"]) for d in gold["dates"]]


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="../shared (the seed article) is not available")
def test_seed_dates_match_gold(processor, record_validator):
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    gold, record = _gold_and_record(SEED_GOLD, processor, record_validator,
                                    SEED_GOLD.parent.parent / "seed" / gold["file"])
    assert [(d["from"], d["to"]) for d in record["dates"]] == [(d["start"], d["end"]) for d in gold["dates"]]
