"""Money: the amount grammar's forms, what it must not match, round trips, and the samples' gold."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.anchors import Words
from pipeline.components.amount_grammar import AmountGrammar, AmountLexicon
from pipeline.errors import ResourceError
from pipeline.extract.money import extract_money, redenominations
from pipeline.readers import read_inputs
from pipeline.types import Article, Dateline, Source
from pipeline.resources import MODELS_DIR, read_tsv

from .conftest import SAMPLES

# Exact per-sample checks on the dev gold; held-out articles are measured by `make eval`
# and held to floors (tests/test_eval_gate.py), never tuned on.
GOLD_FILES = sorted(SAMPLES.glob("gold/dev/*.json"))
LEXICON = AmountLexicon.from_dir(MODELS_DIR)


@pytest.fixture(scope="module")
def grammar(nlp) -> AmountGrammar:
    return nlp.get_pipe("belta_amounts").grammar


def found(grammar: AmountGrammar, text: str) -> list[tuple]:
    return [(text[m.start:m.end], m.low, m.high, m.currency, m.approximate) for m in grammar.amounts(text)[0]]


B = Decimal


# (sentence, [(text, low, high, currency, approximate)]): every form of issue 4 and the conventions
MONEY_FORMS = [
    ("Trade reached $110 million.", [("$110 million", B(110_000_000), B(110_000_000), "USD", False)]),
    ("It is worth about $1.2 billion.", [("$1.2 billion", B(1_200_000_000), B(1_200_000_000), "USD", True)]),
    ("The trade is around $110 million.", [("$110 million", B(110_000_000), B(110_000_000), "USD", True)]),
    ("Trade amounted to $115-140 million.", [("$115-140 million", B(115_000_000), B(140_000_000), "USD", False)]),
    # every ISO 4217 code, not only the common ones
    ("A contract worth AZN 10.2 million was signed.", [("AZN 10.2 million", B(10_200_000), B(10_200_000), "AZN", False)]),
    ("Sales reached UZS 450 billion.", [("UZS 450 billion", B(450_000_000_000), B(450_000_000_000), "UZS", False)]),
    ("The deal is worth 3 million GEL.", [("3 million GEL", B(3_000_000), B(3_000_000), "GEL", False)]),
    ("Exports were VND 2.5 trillion.", [("VND 2.5 trillion", B(2_500_000_000_000), B(2_500_000_000_000), "VND", False)]),
    ("Trade amounted to $115\u2013140 million.", [("$115\u2013140 million", B(115_000_000), B(140_000_000), "USD", False)]),
    ("Harvesters worth between $3 million and $5 million.",
     [("between $3 million and $5 million", B(3_000_000), B(5_000_000), "USD", False)]),
    ("Prices range from Br30 to Br250.", [("from Br30 to Br250", B(30), B(250), "BYN", False)]),
    ("It costs $3 to $5 million.", [("$3 to $5 million", B(3_000_000), B(5_000_000), "USD", False)]),
    ("Revenue reached Br3.4 billion.", [("Br3.4 billion", B(3_400_000_000), B(3_400_000_000), "BYN", False)]),
    ("BYN 250 million will be allocated.", [("BYN 250 million", B(250_000_000), B(250_000_000), "BYN", False)]),
    # an ISO code may be written onto the number
    ("The oblast will allocate BYN120 million.", [("BYN120 million", B(120_000_000), B(120_000_000), "BYN", False)]),
    ("It supplies equipment worth CNY80 million.", [("CNY80 million", B(80_000_000), B(80_000_000), "CNY", False)]),
    ("Banks issued Belarusian rubles 1.5 billion.",
     [("Belarusian rubles 1.5 billion", B(1_500_000_000), B(1_500_000_000), "BYN", False)]),
    ("It plans to invest 2 billion Russian rubles.",
     [("2 billion Russian rubles", B(2_000_000_000), B(2_000_000_000), "RUB", False)]),
    ("It plans to invest RUB 2 billion.", [("RUB 2 billion", B(2_000_000_000), B(2_000_000_000), "RUB", False)]),
    ("The bank will attract \u20ac20 million.", [("\u20ac20 million", B(20_000_000), B(20_000_000), "EUR", False)]),
    ("A credit line worth CNY 100 million.", [("CNY 100 million", B(100_000_000), B(100_000_000), "CNY", False)]),
    ("A loan of 100 million yuan.", [("100 million yuan", B(100_000_000), B(100_000_000), "CNY", False)]),
    ("Trade is over $40 billion.", [("$40 billion", B(40_000_000_000), B(40_000_000_000), "USD", True)]),
    ("Trade is $ 30 billion.", [("$ 30 billion", B(30_000_000_000), B(30_000_000_000), "USD", False)]),
    ("Exports exceeded $95 million.", [("$95 million", B(95_000_000), B(95_000_000), "USD", False)]),
    ("It will attract at least half a billion dollars.",
     [("half a billion dollars", B(500_000_000), B(500_000_000), "USD", False)]),
    ("The fund paid two and a half million dollars.",
     [("two and a half million dollars", B(2_500_000), B(2_500_000), "USD", False)]),
    ("It will cost a billion dollars.", [("a billion dollars", B(1_000_000_000), B(1_000_000_000), "USD", False)]),
    ("Wheat cost Br560 per tonne.", [("Br560", B(560), B(560), "BYN", False)]),
    ("The average salary was Br2,157 in December.", [("Br2,157", B(2157), B(2157), "BYN", False)]),
    ("Boeing secures $11bn of deals.", [("$11bn", B(11_000_000_000), B(11_000_000_000), "USD", False)]),
    ("A deal worth US$ 7.2 bn.", [("US$ 7.2 bn", B(7_200_000_000), B(7_200_000_000), "USD", False)]),
    ("It will cost $249 USD.", [("$249 USD", B(249), B(249), "USD", False)]),
    ("Profits equal 26 cents per share.", [("26 cents", B("0.26"), B("0.26"), "USD", False)]),
    ("Households paid about 18 US cents per kWh.", [("18 US cents", B("0.18"), B("0.18"), "USD", True)]),
    ("Gas cost 9 Russian kopecks more.", [("9 Russian kopecks", B("0.09"), B("0.09"), "RUB", False)]),
    # the IMF's special drawing rights
    ("Belarus will repay SDR 300 million to the IMF.", [("SDR 300 million", B(300_000_000), B(300_000_000), "XDR",
                                                         False)]),
    ("A AU$ 52.5 million package.", [("AU$ 52.5 million", B(52_500_000), B(52_500_000), "AUD", False)]),
    ("Trade was $110 million [it amounted to $108 million].",
     [("$110 million", B(110_000_000), B(110_000_000), "USD", False),
      ("$108 million", B(108_000_000), B(108_000_000), "USD", False)]),
    ("Prices rose from Br30 to Br250.",
     [("Br30", B(30), B(30), "BYN", False), ("Br250", B(250), B(250), "BYN", False)]),
    ("Sales grew by $5 million to $80 million.",
     [("$5 million", B(5_000_000), B(5_000_000), "USD", False),
      ("$80 million", B(80_000_000), B(80_000_000), "USD", False)]),
    ("It costs $500 to $2 million.", [("$500 to $2 million", B(500), B(2_000_000), "USD", False)]),
    ("It grew from $115-140 million.", [("$115-140 million", B(115_000_000), B(140_000_000), "USD", False)]),
    ("Loans of $5 million-\u20ac3 million.",
     [("$5 million", B(5_000_000), B(5_000_000), "USD", False), ("\u20ac3 million", B(3_000_000), B(3_000_000), "EUR", False)]),
    # a year right before an amount is no low end of a range
    ("Sales grew by 8.7% in 2024 to Br1.92 billion.",
     [("Br1.92 billion", B(1_920_000_000), B(1_920_000_000), "BYN", False)]),
    ("Exports rose in 2023 to $412 million.", [("$412 million", B(412_000_000), B(412_000_000), "USD", False)]),
    ("Investment planned for 2026\u2013$40 million in total.",
     [("$40 million", B(40_000_000), B(40_000_000), "USD", False)]),
    ("Since 2020 to RUB 5 billion was invested.",
     [("RUB 5 billion", B(5_000_000_000), B(5_000_000_000), "RUB", False)]),
    # ... but four-digit ends of a real range stay one
    ("Tickets cost from Br1500 to Br2000.", [("from Br1500 to Br2000", B(1500), B(2000), "BYN", False)]),
    ("Prices are 1900-2500 Russian rubles.", [("1900-2500 Russian rubles", B(1900), B(2500), "RUB", False)]),
    ("A unit costs from 2000 to 2400 euros.", [("from 2000 to 2400 euros", B(2000), B(2400), "EUR", False)]),
    # a year before a currency's name is no amount; a currency before another number is that number's
    ("In December 2013 ruble deposits rose; in 2012 euro loans fell.", []),
    ("In 2012 RUB 3.6 trillion was spent, in 2023 BYN 21.5 million.",
     [("RUB 3.6 trillion", B(3_600_000_000_000), B(3_600_000_000_000), "RUB", False),
      ("BYN 21.5 million", B(21_500_000), B(21_500_000), "BYN", False)]),
    ("A stay costs 2000 euro, a flight 1500 dollars.",
     [("2000 euro", B(2000), B(2000), "EUR", False), ("1500 dollars", B(1500), B(1500), "USD", False)]),
    # a multiple before "to" is no end of a range
    ("Profits rose by a factor of two to BYN 210 million.",
     [("BYN 210 million", B(210_000_000), B(210_000_000), "BYN", False)]),
    ("Exports grew by a factor of 1.5 to $2 billion.", [("$2 billion", B(2_000_000_000), B(2_000_000_000), "USD", False)]),
]

NOT_MONEY = [
    "In 2021-2025 the plant invested heavily.",
    "The plant employs about 15,000 people and will create 600 jobs.",
    "Belarus must harvest at least 1.5 million tonnes of grain.",
    "The complex houses 1,200 cows; 5,000 people attended.",
    "Exports grew by 35% and output 1.5 times; twofold growth.",
    "The meeting opens at 10:30 on 19 January 2026.",
    "A fifth of the Br budget went to Brest.",
    "He visited 12 dairy farms in 3 districts.",
    "The rate of a dollar rose.",
    "The TOP 10 exporters and ALL 20 districts were named.",
    "The MAZ6312 truck and the BELAZ75710 dump truck were shown.",
]


@pytest.mark.parametrize(("text", "expected"), MONEY_FORMS, ids=[t for t, _ in MONEY_FORMS])
def test_money_form_is_read(grammar, text, expected):
    assert found(grammar, text) == expected


@pytest.mark.parametrize("text", NOT_MONEY)
def test_money_not_found_in_plain_numbers(grammar, text):
    assert found(grammar, text) == []


def test_money_skips_the_dateline(nlp):
    text = "MINSK, $5 million (BelTA) \u2013 Trade reached $7 million."
    article = Article(source=Source(path="t.txt"), title=None, published=None, category=None,
                      dateline=Dateline(place="MINSK", date=date(2026, 1, 19), start=0, end=29), text=text)
    assert [m.text for m in extract_money(nlp(text), article)] == ["$7 million"]


# (body, publication day, [(text, currency)]): the currency the publication date or the article settles
RUBLES = [
    ("Investment reached Br5 trillion.", "2010-02-01", [("Br5 trillion", "BYR")]),
    ("Investment reached Br7 million.", "2016-07-01", [("Br7 million", "BYN")]),
    ("The fund holds BYN 3 billion.", "2016-06-30", [("BYN 3 billion", "BYR")]),
    ("Banks lent Belarusian rubles 2 trillion.", "2012-03-05", [("Belarusian rubles 2 trillion", "BYR")]),
    ("Banks lent Belarusian rubles 2 billion.", "2021-03-05", [("Belarusian rubles 2 billion", "BYN")]),
    ("It cost \u0412r12.5 billion.", "2011-04-12", [("\u0412r12.5 billion", "BYR")]),
    # an explicit BYR, old or new ruble takes the code of the publication date too (the conventions), its amount as
    # written
    ("Savings of BYR 20,000 became BYN 2.", "2016-07-05", [("BYR 20,000", "BYN"), ("BYN 2", "BYN")]),
    ("The note of 10,000 old rubles is 1 new ruble.", "2016-02-01",
     [("10,000 old rubles", "BYR"), ("1 new ruble", "BYR")]),
    # a bare "rubles" is the ruble the article's other amounts use ...
    ("The plant earned Br12 million; exports brought 3 million rubles.", "2021-05-04",
     [("Br12 million", "BYN"), ("3 million rubles", "BYN")]),
    ("The plant earned Br12 billion; exports brought 3 billion rubles.", "2013-05-04",
     [("Br12 billion", "BYR"), ("3 billion rubles", "BYR")]),
    ("Moscow spent 2 billion Russian rubles, and 40 million rubles more in May.", "2021-05-04",
     [("2 billion Russian rubles", "RUB"), ("40 million rubles", "RUB")]),
    ("Bread costs Br1.5, and milk 90 kopecks.", "2021-05-04", [("Br1.5", "BYN"), ("90 kopecks", "BYN")]),
    # ... after the one its sentence names without an amount, and before the one the article names
    ("Deposits in Belarusian rubles grew by 3.4 trillion rubles.", "2012-03-05", [("3.4 trillion rubles", "BYR")]),
    ("Minsk paid Br5 million and Moscow 2 billion Russian rubles. Loans in Russian rubles reached 9 million rubles.",
     "2021-05-04", [("Br5 million", "BYN"), ("2 billion Russian rubles", "RUB"), ("9 million rubles", "RUB")]),
    ("Savings in Russian rubles are growing. The museum received 5 million rubles.", "2021-05-04",
     [("5 million rubles", "RUB")]),
    # ... and cannot be told when they use none, or both
    ("The museum received 5 million rubles.", "2021-05-04", []),
    ("Minsk paid Br5 million and Moscow 2 billion Russian rubles; 9 million rubles went to Brest.", "2021-05-04",
     [("Br5 million", "BYN"), ("2 billion Russian rubles", "RUB")]),
]


@pytest.mark.parametrize(("body", "published", "expected"), RUBLES, ids=[b for b, _, _ in RUBLES])
def test_ruble_currency_is_settled_by_the_article(record_of, body, published, expected):
    record = record_of(f"MINSK, 3 May (BelTA) \u2013 {body}", published=f"{published}T12:00:00")
    assert [(m["text"], m["currency"]) for m in record["money"]] == expected


def test_dated_currency_is_left_out_without_a_publication_date(nlp):
    text = "Investment reached Br5 trillion and $2 million."
    article = Article(source=Source(path="t.txt"), title=None, published=None, category=None, dateline=None,
                      text=text)
    assert [(m.text, m.currency) for m in extract_money(nlp(text), article)] == [("$2 million", "USD")]


def test_money_text_is_sliced_from_the_original(record_of):
    record = record_of("MINSK, 19 January (BelTA) \u2013 The programme costs BYN\u00a0780 million.")
    (money,) = record["money"]
    assert money["text"] == "BYN\u00a0780 million"
    assert (money["low"], money["high"], money["currency"]) == (780_000_000, 780_000_000, "BYN")


def test_money_keeps_body_order_and_repeats(record_of):
    record = record_of("MINSK, 19 January (BelTA) \u2013 It reached $108 million; exports, $27.4 million. "
                       "Again $108 million.")
    assert [m["low"] for m in record["money"]] == [108_000_000, 27_400_000, 108_000_000]


# -- round trips -------------------------------------------------------------------------------

CURRENCIES = list(read_tsv(MODELS_DIR / "currencies.tsv"))
SCALES = [("", B(1))] + [(row["word"], B(row["multiplier"])) for row in read_tsv(MODELS_DIR / "scales.tsv")]


@st.composite
def written_amounts(draw):
    whole = draw(st.integers(min_value=0, max_value=999_999))
    cents = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=99)))
    number = f"{whole:,}" if draw(st.booleans()) else str(whole)
    if cents is not None:
        number += f".{cents:02d}"
    value = B(number.replace(",", ""))
    scale_word, multiplier = draw(st.sampled_from(SCALES))
    currency = draw(st.sampled_from(CURRENCIES))
    scaled = f"{number} {scale_word}" if scale_word else number
    if currency["kind"] == "symbol":
        text = f"{currency['surface']}{scaled}"
    elif currency["kind"] == "code" and draw(st.booleans()):
        text = f"{currency['surface']} {scaled}"
    else:
        text = f"{scaled} {currency['surface']}"
    return text, value * multiplier * B(currency["factor"]), currency["code"]


@settings(max_examples=300, deadline=None)
@given(written_amounts())
def test_money_round_trips_from_text_to_value(grammar, amount):
    text, value, code = amount
    (match,) = grammar.amounts(f"The deal is worth {text} this year.")[0]
    assert (match.low, match.high, match.currency) == (value, value, code)
    assert f"The deal is worth {text} this year."[match.start:match.end] == text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789$\u20acBr%.,- abmilonUSDYN\n")), max_size=80))
def test_money_never_crashes_and_stays_in_bounds(grammar, text):
    for match in grammar.amounts(text)[0]:
        assert 0 <= match.start < match.end <= len(text)
        assert match.low <= match.high


# -- data files --------------------------------------------------------------------------------

def test_currencies_are_iso_4217_without_duplicates():
    surfaces = [(c.surface, c.kind) for c in LEXICON.currencies]
    assert len(surfaces) == len(set(surfaces))
    withdrawn = {change.previous for change in redenominations()}  # BYR is no longer in ISO 4217
    for currency in LEXICON.currencies:
        for code in currency.code.split("|"):
            assert pycountry.currencies.get(alpha_3=code) is not None or code in withdrawn, code


def test_redenominations_name_current_codes_and_their_predecessors():
    changes = redenominations()
    assert changes and len({c.currency for c in changes}) == len(changes)
    for change in changes:
        assert pycountry.currencies.get(alpha_3=change.currency) is not None
        assert pycountry.currencies.get(alpha_3=change.previous) is None  # withdrawn
    dated = {c.code for c in LEXICON.currencies if c.resolve == "date"}
    assert dated == {c.currency for c in changes}


def test_bad_currency_resolution_names_the_file(tmp_path):
    for name in ("scales.tsv", "number_words.tsv", "amount_context.tsv", "percent_units.tsv"):
        (tmp_path / name).write_text((MODELS_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "currencies.tsv").write_text("surface\tcode\tkind\tfactor\tresolve\nrubles\tBYN|RUB\tname\t1\tdate\n",
                                             encoding="utf-8")
    with pytest.raises(ResourceError, match=r"currencies\.tsv: 'rubles': resolve must be one of date, article"):
        AmountLexicon.from_dir(tmp_path)


def test_bad_currency_kind_names_the_file(tmp_path):
    for name in ("scales.tsv", "number_words.tsv", "amount_context.tsv", "percent_units.tsv"):
        (tmp_path / name).write_text((MODELS_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "currencies.tsv").write_text("surface\tcode\tkind\tfactor\n$\tUSD\tsign\t1\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"currencies\.tsv: '\$': kind must be one of symbol"):
        AmountLexicon.from_dir(tmp_path)


# -- the samples -------------------------------------------------------------------------------

@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name)
def test_sample_money_matches_gold(gold_path, processor, record_validator):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    (line,) = processor.process_batch(list(read_inputs([str(SAMPLES / "articles" / gold["file"])])))
    record = record_validator(json.loads(line))
    assert [(B(str(m["low"])), B(str(m["high"])), m["currency"]) for m in record["money"]] == \
        [(B(str(m["low"])), B(str(m["high"])), m["currency"]) for m in gold["money"]]


@pytest.mark.parametrize("text", [
    "Br5 million, вr5, Br 2,157.5, BYN 30, 30 BYN, USD 5 and US$16 million to $28 million; a billion, half a billion",
    "A1990s $5bn 5bn €3.5 mln 35% six percent, twenty-five percent; a fifth of a percent; 8 13/16 percent, 1/2",
    "He paid 2 billion Russian rubles (about $20 million), five dollars, dollars 5; one hundred and five; A$7",
])
def test_atoms_are_tried_only_where_they_can_start(grammar, text):
    """The atom pattern runs at the words it can start with (pipeline/anchors.py): the same atoms as trying it at
    every character."""
    assert ([m.span() for m in grammar._atom_re.finditer(text, Words(text))]
            == [m.span() for m in grammar._atom_re.pattern.finditer(text)])
