"""Record format v1 (1.1): the only module that knows the public output shape.

`to_record` turns an `Article` and its `Extraction` into the JSON object of
`../shared/RECORD-FORMAT.md` (published as `pipeline/schemas/belta-record-1.json`);
`error_record` is the line an unusable article gets in its place.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import orjson

from pipeline.types import (Article, Claim, Enterprise, Extraction, Failure, Mention, Money, Organization,
                            Percentage, Period, Person, Producer, RawPage, Region, Source)

SCHEMA = "belta-record/1"


def to_record(article: Article, extraction: Extraction, *, producer: Producer) -> dict[str, Any]:
    published = article.published
    dateline = article.dateline
    return {
        "schema": SCHEMA,
        "id": article_id(article),
        "source": _source(article.source),
        "title": article.title,
        "published": published.isoformat(timespec="seconds") if published else None,
        "dateline": {"place": dateline.place, "date": dateline.date.isoformat() if dateline.date else None}
        if dateline else None,
        "category": article.category,
        "language": "en",
        "text": article.text,
        "people": [_person(p) for p in extraction.people],
        "regions": [_region(r) for r in extraction.regions],
        "enterprises": [_enterprise(e) for e in extraction.enterprises],
        "organizations": [_organization(o) for o in extraction.organizations],
        "money": [_money(m) for m in extraction.money],
        "percentages": [_percentage(p) for p in extraction.percentages],
        "dates": [_period(d) for d in extraction.dates],
        "claims": [_claim(c) for c in extraction.claims],
        "producer": _producer(producer),
    }


def error_record(source: Source, kind: str, message: str) -> dict[str, Any]:
    return {"schema": SCHEMA, "source": _source(source), "error": {"kind": kind, "message": message}}


def error_line(source: Source, kind: str, message: str) -> bytes:
    return dumps(error_record(source, kind, message))


def error_lines(items: Sequence[RawPage | Failure], kind: str, message: str) -> list[bytes]:
    """The same error record for every item: what a batch that could not be processed at all gives."""
    return [error_line(item.source, kind, message) for item in items]


def dumps(record: dict[str, Any]) -> bytes:
    """One JSON Lines line: UTF-8 without escapes, keys in the order built, newline-terminated."""
    return orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)


def article_id(article: Article) -> str:
    """Stable across runs and machines: a hash of what the article says, not where it was read. The publication
    time counts by the page's clock, as before record format 1.1 kept its UTC offset, so ids did not change."""
    published = article.published.replace(tzinfo=None).isoformat() if article.published else ""
    digest = hashlib.blake2b(digest_size=10)
    for part in (article.title or "", published, article.text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()


def _source(source: Source) -> dict[str, Any]:
    out: dict[str, Any] = {"path": source.path, "line": source.line, "url": source.url}
    if source.member is not None:
        out["member"] = source.member
    return out


def _producer(producer: Producer) -> dict[str, Any]:
    return {"pipeline": producer.pipeline, "model": {"name": producer.model, "version": producer.model_version},
            "data": producer.data}


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _mentions(mentions: tuple[Mention, ...]) -> list[dict[str, Any]]:
    return [{"text": m.text, "start": m.start, "end": m.end} for m in mentions]


def _person(person: Person) -> dict[str, Any]:
    return {"name": person.name, "key": person.key, "titles": list(person.titles),
            "mentions": _mentions(person.mentions)}


def _region(region: Region) -> dict[str, Any]:
    parent = region.parent
    return {"name": region.name, "kind": region.kind, "country": region.country, "code": region.code,
            "parent": {"name": parent.name, "code": parent.code} if parent else None,
            "mentions": _mentions(region.mentions)}


def _enterprise(enterprise: Enterprise) -> dict[str, Any]:
    return {"name": enterprise.name, "aliases": list(enterprise.aliases), "mentions": _mentions(enterprise.mentions)}


def _organization(organization: Organization) -> dict[str, Any]:
    return {"name": organization.name, "kind": organization.kind, "aliases": list(organization.aliases),
            "mentions": _mentions(organization.mentions)}


def _money(money: Money) -> dict[str, Any]:
    return {"text": money.text, "start": money.start, "end": money.end, "low": _number(money.low),
            "high": _number(money.high), "currency": money.currency, "approximate": money.approximate}


def _percentage(percentage: Percentage) -> dict[str, Any]:
    return {"text": percentage.text, "start": percentage.start, "end": percentage.end, "value": percentage.value}


def _period(period: Period) -> dict[str, Any]:
    return {"text": period.text, "start": period.start, "end": period.end,
            "from": period.first.isoformat(), "to": period.last.isoformat()}


def _claim(claim: Claim) -> dict[str, Any]:
    return {"text": claim.text, "start": claim.start, "end": claim.end,
            "from": claim.first.isoformat(), "to": claim.last.isoformat(), "kind": claim.kind,
            "speaker": claim.speaker,
            "money": [{"text": m.text, "low": _number(m.low), "high": _number(m.high), "currency": m.currency}
                      for m in claim.money],
            "percentages": [{"text": p.text, "value": p.value} for p in claim.percentages],
            "entities": list(claim.entities), "metric": claim.metric, "subjects": list(claim.subjects)}
