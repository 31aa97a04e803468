"""percentages (placeholder until issue 4 lands)."""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.records import Article, Percentage


def extract_percentages(doc: Doc, article: Article) -> tuple[Percentage, ...]:
    return ()
