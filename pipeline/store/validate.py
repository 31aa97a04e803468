"""Reading record lines for the store: which are v1 records, which are error records, which are neither.

A record is valid when it passes the published JSON Schema
(`pipeline/schemas/belta-record-1.json`, compiled once by fastjsonschema: the
pure-Python validators are too slow for thousands of records a second) and
every item's offsets point at its text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
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
        try:
            (self._error if "error" in value else self._record)(value)
        except fastjsonschema.JsonSchemaException as exc:
            return exc.message
        return None if "error" in value else _offset_problem(value)


def read_record_lines(lines: Iterable[bytes], validator: RecordValidator, *, source: str = "-") -> Iterator[RecordLine]:
    """Classify every non-blank line of a JSON Lines stream, numbering lines from 1; `source` names
    the stream in what is reported about invalid lines."""
    for number, line in enumerate(lines, start=1):
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
    for field in _SPAN_FIELDS:
        for index, item in enumerate(record[field]):
            if text[item["start"]:item["end"]] != item["text"] or item["start"] >= item["end"]:
                return f"data.{field}[{index}] offsets {item['start']}:{item['end']} do not point at its text"
    for field in _ENTITY_FIELDS:
        for index, entity in enumerate(record[field]):
            for mention in entity["mentions"]:
                if text[mention["start"]:mention["end"]] != mention["text"] or mention["start"] >= mention["end"]:
                    return (f"data.{field}[{index}] mention offsets {mention['start']}:{mention['end']} "
                            "do not point at its text")
    return None
