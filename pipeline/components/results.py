"""What the dates and claims components found, read back from the Doc into the stages' types.

The Doc's text may be the model's folded copy of the article's (same length, same offsets:
pipeline/normalize.py), so every text is sliced from `article.text`. This module imports no stage,
so that `pipeline.extract` can read the components' results without importing the components.
"""

from __future__ import annotations

from datetime import date
from weakref import WeakKeyDictionary

from spacy.tokens import Doc

from pipeline.components.spans import value_of
from pipeline.types import Article, Claim, Money, Percentage, Period

DATES_KEY = "belta_dates"
CLAIMS_KEY = "belta_claims"


# The periods of each Doc as `belta_dates` placed them, for the article text they were sliced from: the claims
# component and `extract` both read them, and a Doc that went through `DocBin` or another process is read back
# from its extension.
_PERIODS: WeakKeyDictionary[Doc, tuple[str, list, tuple[Period, ...]]] = WeakKeyDictionary()


def keep_periods(doc: Doc, text: str, found: list, periods: tuple[Period, ...]) -> None:
    """`periods` are what `found`, the Doc's `belta_dates`, says of `text`."""
    _PERIODS[doc] = (text, found, periods)


def doc_periods(doc: Doc, article: Article) -> tuple[Period, ...]:
    """The periods `belta_dates` placed."""
    found = value_of(doc, DATES_KEY, "belta_dates")
    kept = _PERIODS.get(doc)
    if kept is not None and kept[1] is found and kept[0] == article.text:
        return kept[2]
    return tuple(Period(text=article.text[p["start"]:p["end"]], start=p["start"], end=p["end"],
                        first=date.fromisoformat(p["from"]), last=date.fromisoformat(p["to"]))
                 for p in found)


# The claims of each Doc as `belta_claims` found them, with the amounts they were found among: `extract` takes them as
# they are when it reads the same text and amounts, rather than building each again from the Doc's extension.
_CLAIMS: WeakKeyDictionary[Doc, tuple[str, list, tuple[Money, ...], tuple[Percentage, ...], tuple[Claim, ...]]] = \
    WeakKeyDictionary()


def keep_claims(doc: Doc, text: str, found: list, claims: tuple[Claim, ...], *, money: tuple[Money, ...],
                percentages: tuple[Percentage, ...]) -> None:
    """`claims` are what `found`, the Doc's `belta_claims`, says of `text`, its amounts' positions in `money` and
    `percentages` pointing to theirs."""
    _CLAIMS[doc] = (text, found, money, percentages, claims)


def doc_claims(doc: Doc, article: Article, *, money: tuple[Money, ...],
               percentages: tuple[Percentage, ...]) -> tuple[Claim, ...]:
    """The claims `belta_claims` found, their amounts taken from `money` and `percentages` (the article's, as
    `extract_money` and `extract_percentages` give them)."""
    found = value_of(doc, CLAIMS_KEY, "belta_claims")
    kept = _CLAIMS.get(doc)
    if kept is not None and kept[1] is found and kept[0] == article.text and kept[2] == money \
            and kept[3] == percentages:
        return kept[4]
    return tuple(Claim(text=article.text[c["start"]:c["end"]], start=c["start"], end=c["end"],
                       first=date.fromisoformat(c["from"]), last=date.fromisoformat(c["to"]), kind=c["kind"],
                       speaker=c["speaker"], money=tuple(money[index] for index in c["money"]),
                       percentages=tuple(percentages[index] for index in c["percentages"]),
                       entities=tuple(c["entities"]))
                 for c in found)
