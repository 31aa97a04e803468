"""Dated claims (placeholder until issue 4 lands)."""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.extract.entities import Entities
from pipeline.records import Article, Claim, Money, Percentage, Period


def extract_claims(doc: Doc, article: Article, *, entities: Entities, money: tuple[Money, ...],
                   percentages: tuple[Percentage, ...], dates: tuple[Period, ...]) -> tuple[Claim, ...]:
    return ()
