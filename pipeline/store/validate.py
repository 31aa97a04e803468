"""Reading record lines for the store: which are v1 records, which are error records, which are neither.

A record is valid when it passes the published JSON Schema
(`pipeline/schemas/belta-record-1.json`) and every item's offsets point at its
text. The schema is compiled once by fastjsonschema, and even that is run only on
the lines a hand-written check of the same rules cannot vouch for (see `_conforms`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

import fastjsonschema
import orjson

SCHEMA_FILE = "belta-record-1.json"
_SPAN_FIELDS = ("money", "percentages", "dates", "claims")
_ENTITY_FIELDS = ("people", "regions", "enterprises", "organizations")


@dataclass(frozen=True, slots=True)
class ValidRecord:
    number: int
    record: dict[str, Any]
    digest: str  # hash of the line: an article loaded again unchanged is skipped


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """The pipeline's own stand-in for an article it could not process: counted, not loaded."""
    number: int
    kind: str


@dataclass(frozen=True, slots=True)
class InvalidLine:
    source: str
    number: int
    problem: str

    def __str__(self) -> str:
        return f"{self.source}:{self.number}: {self.problem}"


RecordLine = ValidRecord | ErrorRecord | InvalidLine


class RecordValidator:
    """Checks one decoded line against record format v1; `problem()` says what is wrong, or None."""

    def __init__(self) -> None:
        schema = orjson.loads(resources.files("pipeline").joinpath("schemas", SCHEMA_FILE).read_bytes())
        definitions = {key: value for key, value in schema.items() if key != "oneOf"}
        # One validator per branch of the schema's oneOf: its messages name the failing field.
        self._record = fastjsonschema.compile({**definitions, "$ref": "#/$defs/record"})
        self._error = fastjsonschema.compile({**definitions, "$ref": "#/$defs/error"})

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, dict):
            return "not a JSON object"
        if _conforms(value):
            return _offset_problem(value)
        try:
            (self._error if "error" in value else self._record)(value)
        except fastjsonschema.JsonSchemaException as exc:
            return exc.message
        return None if "error" in value else _offset_problem(value)


def read_record_lines(lines: Iterable[bytes], validator: RecordValidator, *, source: str = "-",
                      first: int = 1) -> Iterator[RecordLine]:
    """Classify every non-blank line of a JSON Lines stream, numbering lines from `first` (a part of a
    stream starts at its own line); `source` names the stream in what is reported about invalid lines."""
    for number, line in enumerate(lines, start=first):
        line = line.strip()
        if not line:
            continue
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield InvalidLine(source, number, f"not JSON: {exc}")
            continue
        problem = validator.problem(value)
        if problem is not None:
            yield InvalidLine(source, number, problem)
        elif "error" in value:
            yield ErrorRecord(number, value["error"]["kind"])
        else:
            yield ValidRecord(number, value, hashlib.blake2b(line, digest_size=12).hexdigest())


def _offset_problem(record: dict[str, Any]) -> str | None:
    text = record["text"]
    for label, span in _spans(record):
        start, end = span["start"], span["end"]
        # JSON Schema's "integer" admits 3.0; a float can't slice, so it is a problem, not a crash.
        if type(start) is not int or type(end) is not int or start >= end or text[start:end] != span["text"]:
            return f"data.{label} offsets {start}:{end} do not point at its text"
    return None


def _spans(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for field in _SPAN_FIELDS:
        for index, item in enumerate(record[field]):
            yield f"{field}[{index}]", item
    for field in _ENTITY_FIELDS:
        for index, entity in enumerate(record[field]):
            for number, mention in enumerate(entity["mentions"]):
                yield f"{field}[{index}].mentions[{number}]", mention


# The compiled schema costs about 0.25 ms a record (most of a load's time); `_conforms` checks the
# same rules in plain Python, and only a record it doubts goes through the schema. It is never more
# lenient than the schema: exact JSON types (no 1.0 for an integer), ASCII-only patterns; where it is
# stricter the schema decides, so the result is always the schema's. tests/test_store.py compares both.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}").fullmatch
_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}").fullmatch
_CURRENCY = re.compile(r"[A-Z]{3}").fullmatch
_COUNTRY = re.compile(r"[A-Z]{2}").fullmatch
_REGION_CODE = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}").fullmatch
_REGION_KINDS = frozenset({"country", "region", "district", "city"})
_ORGANIZATION_KINDS = frozenset({"government", "international", "other"})
_CLAIM_KINDS = frozenset({"fact", "plan"})
_METRIC = re.compile(r"[a-z][a-z_]*").fullmatch
_RECORD_FIELDS = ("schema", "id", "source", "title", "published", "dateline", "language", "text", "people",
                  "regions", "enterprises", "organizations", "money", "percentages", "dates", "claims")


def _conforms(record: dict[str, Any]) -> bool:
    """True only for a record the schema's `record` branch accepts (see above)."""
    if "error" in record or not all(name in record for name in _RECORD_FIELDS):
        return False
    published, dateline = record["published"], record["dateline"]
    if not (record["schema"] == "belta-record/1" and record["language"] == "en"
            and _string(record["id"]) and len(record["id"]) >= 8 and _source(record["source"])
            and _nullable(record["title"]) and _nullable(record.get("category"))
            and (published is None or _string(published) and _TIMESTAMP(published))
            and _string(record["text"]) and record["text"]
            and (dateline is None or type(dateline) is dict and "place" in dateline and "date" in dateline
                 and _string(dateline["place"]) and (dateline["date"] is None or _date(dateline["date"])))):
        return False
    return (_all(record["people"], _person) and _all(record["regions"], _region)
            and _all(record["enterprises"], _enterprise) and _all(record["organizations"], _organization)
            and _all(record["money"], _money) and _all(record["percentages"], _percentage)
            and _all(record["dates"], _period) and _all(record["claims"], _claim))


def _string(value: Any) -> bool:
    return type(value) is str


def _nullable(value: Any) -> bool:
    return value is None or type(value) is str


def _strings(value: Any) -> bool:
    return type(value) is list and all(type(item) is str for item in value)


def _all(items: Any, check: Callable[[Any], bool]) -> bool:
    return type(items) is list and all(type(item) is dict and check(item) for item in items)


def _date(value: Any) -> bool:
    return type(value) is str and _DATE(value) is not None


def _amount(value: Any) -> bool:
    return (type(value) is int or type(value) is float) and value >= 0


def _number(value: Any) -> bool:
    return type(value) is int or type(value) is float


def _source(source: Any) -> bool:
    if type(source) is not dict or "path" not in source or "line" not in source or "url" not in source:
        return False
    line = source["line"]
    return (_string(source["path"]) and (line is None or type(line) is int and line >= 1)
            and _nullable(source["url"]) and ("member" not in source or _string(source["member"])))


def _span(item: dict[str, Any]) -> bool:
    if "text" not in item or "start" not in item or "end" not in item:
        return False
    text, start, end = item["text"], item["start"], item["end"]
    return type(text) is str and text != "" and type(start) is int and start >= 0 and type(end) is int and end >= 1


def _mentions(entity: dict[str, Any]) -> bool:
    return "mentions" in entity and _all(entity["mentions"], _span)


def _name(entity: dict[str, Any]) -> bool:
    return "name" in entity and type(entity["name"]) is str and entity["name"] != ""


def _person(person: dict[str, Any]) -> bool:
    return (_name(person) and "titles" in person and _strings(person["titles"]) and _mentions(person)
            and ("key" not in person or _string(person["key"])))


def _region(region: dict[str, Any]) -> bool:
    if not (_name(region) and "kind" in region and "country" in region and "code" in region and _mentions(region)):
        return False
    kind, country, code, parent = region["kind"], region["country"], region["code"], region.get("parent")
    return (type(kind) is str and kind in _REGION_KINDS
            and (country is None or type(country) is str and _COUNTRY(country) is not None)
            and (code is None or type(code) is str and _REGION_CODE(code) is not None)
            and (parent is None or type(parent) is dict and "name" in parent and "code" in parent
                 and _string(parent["name"]) and parent["name"] != ""
                 and _string(parent["code"]) and _REGION_CODE(parent["code"]) is not None))


def _enterprise(enterprise: dict[str, Any]) -> bool:
    return _name(enterprise) and "aliases" in enterprise and _strings(enterprise["aliases"]) and _mentions(enterprise)


def _organization(organization: dict[str, Any]) -> bool:
    kind = organization.get("kind")
    return (_name(organization) and type(kind) is str and kind in _ORGANIZATION_KINDS and _mentions(organization)
            and ("aliases" not in organization or _strings(organization["aliases"])))


def _currency(value: Any) -> bool:
    return type(value) is str and _CURRENCY(value) is not None


def _money(money: dict[str, Any]) -> bool:
    return (_span(money) and "low" in money and "high" in money and "currency" in money and "approximate" in money
            and _amount(money["low"]) and _amount(money["high"]) and _currency(money["currency"])
            and type(money["approximate"]) is bool)


def _percentage(percentage: dict[str, Any]) -> bool:
    return _span(percentage) and "value" in percentage and _number(percentage["value"])


def _period(period: dict[str, Any]) -> bool:
    return _span(period) and "from" in period and "to" in period and _date(period["from"]) and _date(period["to"])


def _claim_money(money: dict[str, Any]) -> bool:
    return ("text" in money and "low" in money and "high" in money and "currency" in money
            and type(money["text"]) is str and _amount(money["low"]) and _amount(money["high"])
            and _currency(money["currency"]))


def _claim_percentage(percentage: dict[str, Any]) -> bool:
    return ("text" in percentage and "value" in percentage and type(percentage["text"]) is str
            and _number(percentage["value"]))


def _claim(claim: dict[str, Any]) -> bool:
    if not (_period(claim) and "kind" in claim and "speaker" in claim and "money" in claim
            and "percentages" in claim and "entities" in claim):
        return False
    kind = claim["kind"]
    return (type(kind) is str and kind in _CLAIM_KINDS and _nullable(claim["speaker"])
            and _all(claim["money"], _claim_money) and _all(claim["percentages"], _claim_percentage)
            and _strings(claim["entities"])
            and ("metric" not in claim or claim["metric"] is None or type(claim["metric"]) is str
                 and _METRIC(claim["metric"]) is not None)
            and ("subjects" not in claim or _strings(claim["subjects"])))
