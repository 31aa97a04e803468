"""Percentages: every number with "%", "percent" or "percentage points", value as written.

The `belta_amounts` component has found them (see components/amount_grammar.py); this stage drops those
inside the dateline and slices each mention's text from the original body.
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.components.amounts import percent_matches
from pipeline.extract.money import in_dateline
from pipeline.types import Article, Percentage


def extract_percentages(doc: Doc, article: Article) -> tuple[Percentage, ...]:
    return tuple(
        Percentage(text=article.text[m.start:m.end], start=m.start, end=m.end, value=float(m.value))
        for m in percent_matches(doc) if not in_dateline(article, m.start, m.end)
    )
