"""money (placeholder until issue 4 lands)."""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.records import Article, Money


def extract_money(doc: Doc, article: Article) -> tuple[Money, ...]:
    return ()
