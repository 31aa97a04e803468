"""dates (placeholder until issue 4 lands)."""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.records import Article, Period


def extract_dates(doc: Doc, article: Article) -> tuple[Period, ...]:
    return ()
