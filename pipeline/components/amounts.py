"""`belta_amounts`: money and percentages found by the amount grammar, kept on the Doc.

The grammar (pipeline/components/amount_grammar.py) is built once, when the pipeline is built,
from the data files in `data_dir`. The component runs it over `doc.text` and keeps what it finds
in two forms: span groups for spaCy's tools (`doc.spans["belta_money"]`, label `MONEY`, and
`doc.spans["belta_percentages"]`, label `PERCENT`, expanded to whole tokens), and the exact
matches as plain values in `doc._.belta_money` (`{"start", "end", "low", "high", "currency",
"approximate", "resolve"}`, character offsets, amounts as decimal strings, the currency as written and how
`extract_money` settles it: see MoneyMatch) and `doc._.belta_percentages`
(`{"start", "end", "value"}`), which pickle and go through `DocBin`. `extract_money` /
`extract_percentages` read them back. It never touches `doc.ents`, which stays the model's.
"""

from __future__ import annotations

from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import resources
from pipeline.components.amount_grammar import AmountGrammar, MoneyMatch, PercentMatch
from pipeline.components.spans import register, set_span_group, value_of
from pipeline.doctext import doc_text, doc_words

MONEY_KEY = "belta_money"
PERCENTAGES_KEY = "belta_percentages"


class AmountFinder:
    def __init__(self, grammar: AmountGrammar) -> None:
        self.grammar = grammar
        register(MONEY_KEY, PERCENTAGES_KEY)

    def __call__(self, doc: Doc) -> Doc:
        found_money, found_percentages = self.grammar.amounts(doc_text(doc), doc_words(doc))
        money = [{"start": m.start, "end": m.end, "low": str(m.low), "high": str(m.high), "currency": m.currency,
                  "approximate": m.approximate, "resolve": m.resolve} for m in found_money]
        percentages = [{"start": p.start, "end": p.end, "value": str(p.value)} for p in found_percentages]
        doc._.set(MONEY_KEY, money)
        doc._.set(PERCENTAGES_KEY, percentages)
        set_span_group(doc, MONEY_KEY, money, lambda _: "MONEY")
        set_span_group(doc, PERCENTAGES_KEY, percentages, lambda _: "PERCENT")
        return doc


@Language.factory("belta_amounts", default_config={"data_dir": ""},
                  assigns=["doc.spans", f"doc._.{MONEY_KEY}", f"doc._.{PERCENTAGES_KEY}"])
def make_amount_finder(nlp: Language, name: str, data_dir: str) -> AmountFinder:
    """`data_dir` empty: the installed data (pipeline/resources.py)."""
    return AmountFinder(AmountGrammar.from_dir(resources.data_dir(data_dir)))


def money_matches(doc: Doc) -> tuple[MoneyMatch, ...]:
    return tuple(MoneyMatch(start=m["start"], end=m["end"], low=Decimal(m["low"]), high=Decimal(m["high"]),
                            currency=m["currency"], approximate=m["approximate"], resolve=m["resolve"])
                 for m in value_of(doc, MONEY_KEY, "belta_amounts"))


def percent_matches(doc: Doc) -> tuple[PercentMatch, ...]:
    return tuple(PercentMatch(start=p["start"], end=p["end"], value=Decimal(p["value"]))
                 for p in value_of(doc, PERCENTAGES_KEY, "belta_amounts"))
