"""People, regions, enterprises and organisations (placeholder until issue 3 lands)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.records import Article, Enterprise, Organization, Person, Region


@dataclass(frozen=True, slots=True, kw_only=True)
class Entities:
    people: tuple[Person, ...] = ()
    regions: tuple[Region, ...] = ()
    enterprises: tuple[Enterprise, ...] = ()
    organizations: tuple[Organization, ...] = ()


def extract_entities(doc: Doc, article: Article) -> Entities:
    return Entities()
