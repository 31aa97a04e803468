"""Record v1 <-> rows of the store's tables (pipeline/store/schema.py), both ways.

`record_rows` flattens one record into rows for every table, in column order;
`record_from_rows` rebuilds the record's facts from them. Canonical entities get
ids that are the same in every article: people by their `key`, regions by ISO
code (else country, kind and folded name), enterprises and organisations by
folded name.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

import orjson

from pipeline.normalize import fold_for_model

Rows = dict[str, list[tuple[Any, ...]]]
_ENTITY_TYPES = {"people": "person", "regions": "region", "enterprises": "enterprise",
                 "organizations": "organization"}


@lru_cache(maxsize=65536)  # names repeat across articles; folding them again dominated loading
def fold_name(name: str) -> str:
    """Case-, accent-, punctuation-variant- and space-insensitive form of a name."""
    decomposed = unicodedata.normalize("NFKD", fold_for_model(name))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def entity_id(field: str, entity: Mapping[str, Any]) -> str:
    if field == "people":
        return entity.get("key") or fold_name(entity["name"])
    if field == "regions":
        if entity["code"]:
            return entity["code"]
        if entity["kind"] == "country" and entity["country"]:
            return entity["country"]
        return f"{entity['country'] or '--'}/{entity['kind']}/{fold_name(entity['name'])}"
    return fold_name(entity["name"])


def record_rows(record: Mapping[str, Any], digest: str) -> Rows:
    """Every row one record contributes, by table name (canonical entity rows included)."""
    article = record["id"]
    source, dateline = record["source"], record["dateline"] or {}
    rows: Rows = {name: [] for name in (
        "articles", "people", "regions", "enterprises", "organizations", "article_people", "article_regions",
        "article_enterprises", "article_organizations", "money", "percentages", "dates", "claims",
        "claim_entities", "claim_subjects", "claim_money", "claim_percentages")}
    rows["articles"].append((
        article, source["path"], source["line"], source["url"], source.get("member"), record["title"],
        record["published"], dateline.get("place"), dateline.get("date"), record.get("category"),
        record["language"], record["text"], digest,
        orjson.dumps(record["producer"]).decode() if "producer" in record else None))

    names: dict[str, tuple[str, str]] = {}  # any name, alias or mention text -> (entity type, id)
    for field, entity_type in _ENTITY_TYPES.items():
        for position, entity in enumerate(record[field]):
            key = entity_id(field, entity)
            rows[field].append(_canonical(field, key, entity))
            rows[f"article_{field}"].append(_link(field, article, position, key, entity))
            for name in (entity["name"], *entity.get("aliases", ()), *(m["text"] for m in entity["mentions"])):
                names.setdefault(name, (entity_type, key))
                names.setdefault(fold_name(name), (entity_type, key))

    for position, money in enumerate(record["money"]):
        rows["money"].append((article, position, money["text"], money["start"], money["end"], money["low"],
                              money["high"], money["currency"], money["approximate"]))
    for position, percentage in enumerate(record["percentages"]):
        rows["percentages"].append((article, position, percentage["text"], percentage["start"], percentage["end"],
                                    percentage["value"]))
    for position, period in enumerate(record["dates"]):
        rows["dates"].append((article, position, period["text"], period["start"], period["end"], period["from"],
                              period["to"]))
    for position, claim in enumerate(record["claims"]):
        speaker = claim["speaker"]
        speaker_match = _resolve(names, speaker) if speaker else None
        rows["claims"].append((article, position, claim["text"], claim["start"], claim["end"], claim["from"],
                               claim["to"], claim["kind"], speaker,
                               speaker_match[1] if speaker_match and speaker_match[0] == "person" else None,
                               claim.get("metric")))
        for table, field in (("claim_entities", "entities"), ("claim_subjects", "subjects")):
            for index, name in enumerate(claim.get(field, ())):
                entity_type, key = _resolve(names, name) or (None, None)
                rows[table].append((article, position, index, name, entity_type, key))
        for index, money in enumerate(claim["money"]):
            rows["claim_money"].append((article, position, index, money["text"], money["low"], money["high"],
                                        money["currency"], _same_item(record["money"], claim, money["text"])))
        for index, percentage in enumerate(claim["percentages"]):
            rows["claim_percentages"].append((article, position, index, percentage["text"], percentage["value"],
                                              _same_item(record["percentages"], claim, percentage["text"])))
    return rows


def record_from_rows(article: Mapping[str, Any], children: Mapping[str, Sequence[Mapping[str, Any]]],
                     entities: Mapping[str, Mapping[str, Mapping[str, Any]]]) -> dict[str, Any]:
    """The record whose rows these are: `children` are the article's rows by table, in key order;
    `entities` the canonical rows by table and id."""
    source = {"path": article["source_path"], "line": article["source_line"], "url": article["source_url"]}
    if article["source_member"] is not None:
        source["member"] = article["source_member"]
    record: dict[str, Any] = {
        "schema": "belta-record/1", "id": article["id"], "source": source, "title": article["title"],
        "published": _text(article["published"]),
        "dateline": {"place": article["dateline_place"], "date": _text(article["dateline_date"])}
        if article["dateline_place"] is not None else None,
        "category": article["category"], "language": article["language"], "text": article["text"],
    }
    text = article["text"]
    for field, entity_type in _ENTITY_TYPES.items():
        record[field] = [_entity(field, row, entities[field][row[f"{entity_type}_id"]],
                                 [{"text": text[start:end], "start": start, "end": end}
                                  for start, end in _list(row["mentions"])])
                         for row in children[f"article_{field}"]]
    record["money"] = [{**_span(row), "low": _number(row["low"]), "high": _number(row["high"]),
                        "currency": row["currency"], "approximate": bool(row["approximate"])}
                       for row in children["money"]]
    record["percentages"] = [{**_span(row), "value": float(row["value"])} for row in children["percentages"]]
    record["dates"] = [{**_span(row), **_period(row)} for row in children["dates"]]
    record["claims"] = [
        {**_span(row), **_period(row), "kind": row["kind"], "speaker": row["speaker"],
         "money": [{"text": m["text"], "low": _number(m["low"]), "high": _number(m["high"]),
                    "currency": m["currency"]}
                   for m in children["claim_money"] if m["claim_position"] == row["position"]],
         "percentages": [{"text": p["text"], "value": float(p["value"])}
                         for p in children["claim_percentages"] if p["claim_position"] == row["position"]],
         "entities": [e["entity"] for e in children["claim_entities"] if e["claim_position"] == row["position"]],
         "metric": row["metric"],
         "subjects": [s["subject"] for s in children["claim_subjects"] if s["claim_position"] == row["position"]]}
        for row in children["claims"]]
    if article["producer"] is not None:
        record["producer"] = orjson.loads(article["producer"])
    return record


def _canonical(field: str, key: str, entity: Mapping[str, Any]) -> tuple[Any, ...]:
    if field == "regions":
        parent = entity.get("parent") or {}
        return (key, entity["name"], entity["kind"], entity["country"], entity["code"], parent.get("code"),
                parent.get("name"))
    if field == "organizations":
        return (key, entity["name"], entity["kind"])
    return (key, entity["name"])


def _link(field: str, article: str, position: int, key: str, entity: Mapping[str, Any]) -> tuple[Any, ...]:
    mentions = orjson.dumps([(m["start"], m["end"]) for m in entity["mentions"]]).decode()
    if field == "people":
        return (article, position, key, entity["name"], _json(entity["titles"]), mentions)
    if field == "regions":
        return (article, position, key, entity["name"], mentions)
    return (article, position, key, entity["name"], _json(entity.get("aliases", [])), mentions)


def _entity(field: str, link: Mapping[str, Any], canonical: Mapping[str, Any],
            mentions: list[dict[str, Any]]) -> dict[str, Any]:
    name = link["name"]
    if field == "people":
        return {"name": name, "key": canonical["id"], "titles": _list(link["titles"]), "mentions": mentions}
    if field == "regions":
        parent = ({"name": canonical["parent_name"], "code": canonical["parent_code"]}
                  if canonical["parent_code"] is not None else None)
        return {"name": name, "kind": canonical["kind"], "country": canonical["country"], "code": canonical["code"],
                "parent": parent, "mentions": mentions}
    if field == "enterprises":
        return {"name": name, "aliases": _list(link["aliases"]), "mentions": mentions}
    return {"name": name, "kind": canonical["kind"], "aliases": _list(link["aliases"]), "mentions": mentions}


def _resolve(names: Mapping[str, tuple[str, str]], name: str) -> tuple[str, str] | None:
    return names.get(name) or names.get(fold_name(name))


def _same_item(items: Sequence[Mapping[str, Any]], claim: Mapping[str, Any], text: str) -> int | None:
    """Position of the article-level item the claim's amount is (same text, inside the claim), if any."""
    for position, item in enumerate(items):
        if item["text"] == text and claim["start"] <= item["start"] < claim["end"]:
            return position
    return None


def _json(values: Sequence[str]) -> str:
    return orjson.dumps(list(values)).decode()


def _list(value: Any) -> list[Any]:
    """A JSON column's value: text from SQLite, already decoded from PostgreSQL."""
    return orjson.loads(value) if isinstance(value, str) else list(value)


def _span(row: Mapping[str, Any]) -> dict[str, Any]:
    return {"text": row["text"], "start": row["start_char"], "end": row["end_char"]}


def _period(row: Mapping[str, Any]) -> dict[str, Any]:
    return {"from": _text(row["from_date"]), "to": _text(row["to_date"])}


def _text(value: Any) -> str | None:
    """Dates and timestamps come back as text from SQLite and as date objects from PostgreSQL."""
    return value if value is None or isinstance(value, str) else value.isoformat()


def _number(value: Any) -> int | float:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value
