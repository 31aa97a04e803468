"""Money: every amount with a currency, in body order, as exact decimals in base units.

The `belta_amounts` component has found the amounts (see components/amount_grammar.py); this stage
drops those inside the dateline and slices each mention's text from the original body.
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.components.amounts import money_matches
from pipeline.records import Article, Money


def extract_money(doc: Doc, article: Article) -> tuple[Money, ...]:
    return tuple(
        Money(text=article.text[m.start:m.end], start=m.start, end=m.end, low=m.low, high=m.high,
              currency=m.currency, approximate=m.approximate)
        for m in money_matches(doc) if not in_dateline(article, m.start, m.end)
    )


def in_dateline(article: Article, start: int, end: int) -> bool:
    """Whether start..end touches the dateline ("MINSK, 19 January (BelTA) –"), which is never a mention."""
    dateline = article.dateline
    return dateline is not None and start < dateline.end and end > dateline.start
