"""`belta_amounts`: money and percentages found by the amount grammar, kept on the Doc.

The grammar (pipeline/components/amount_grammar.py) is built once, when the pipeline is built,
from the data files in `data_dir`. The component runs it over `doc.text` and leaves the
matches in `doc.user_data` for `extract_money` / `extract_percentages` to read; it never
touches `doc.ents`, which stays the model's.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.amount_grammar import AmountGrammar, MoneyMatch, PercentMatch
from pipeline.doctext import doc_text

MONEY_KEY = "belta_money"
PERCENTAGES_KEY = "belta_percentages"


class AmountFinder:
    def __init__(self, grammar: AmountGrammar) -> None:
        self.grammar = grammar

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[MONEY_KEY], doc.user_data[PERCENTAGES_KEY] = self.grammar.amounts(doc_text(doc))
        return doc


@Language.factory("belta_amounts", default_config={"data_dir": ""}, assigns=[])
def make_amount_finder(nlp: Language, name: str, data_dir: str) -> AmountFinder:
    return AmountFinder(AmountGrammar.from_dir(Path(data_dir)))


def money_matches(doc: Doc) -> tuple[MoneyMatch, ...]:
    return _matches(doc, MONEY_KEY)


def percent_matches(doc: Doc) -> tuple[PercentMatch, ...]:
    return _matches(doc, PERCENTAGES_KEY)


def _matches(doc: Doc, key: str) -> tuple:
    if key not in doc.user_data:
        raise LookupError(f"{key}: the Doc was not made by a pipeline with the belta_amounts component")
    return doc.user_data[key]
