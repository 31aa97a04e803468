"""Reading record lines for the store: which are v1 records, which are error records, which are neither.

A record is valid when it passes the published JSON Schema (`pipeline/schemas/belta-record-1.json`), checked by
jsonschema-rs, and the few rules JSON Schema cannot say: every item's offsets point at its text, an amount's
`low` is at most its `high`, a period's `from` is not after its `to`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

import jsonschema_rs
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
        # One validator per branch of the schema's oneOf: its messages name the failing field, where the oneOf's
        # would only say that neither branch matched.
        branches = jsonschema_rs.validator_map_for(schema, validate_formats=True)
        self._record = branches["#/$defs/record"]
        self._error = branches["#/$defs/error"]

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, dict):
            return "not a JSON object"
        is_error = "error" in value
        validator = self._error if is_error else self._record
        if not validator.is_valid(value):  # a third faster than `validate` on the valid lines, nearly all
            error = next(validator.iter_errors(value))
            return f"{_path(error.instance_path)}: {error.message}"
        return None if is_error else _rule_problem(value)


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


def _path(parts: Iterable[str | int]) -> str:
    """`data.money[0].currency`: where in the record a problem is."""
    return "data" + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in parts)


def _rule_problem(record: dict[str, Any]) -> str | None:
    """What JSON Schema cannot say of a record it accepts."""
    text = record["text"]
    for label, span in _spans(record):
        start, end = span["start"], span["end"]
        # JSON Schema's "integer" admits 3.0; a float can't slice, so it is a problem, not a crash.
        if type(start) is not int or type(end) is not int or start >= end or text[start:end] != span["text"]:
            return f"data.{label} offsets {start}:{end} do not point at its text"
    amounts = [(f"money[{index}]", money) for index, money in enumerate(record["money"])]
    amounts += [(f"claims[{index}].money[{number}]", money) for index, claim in enumerate(record["claims"])
                for number, money in enumerate(claim["money"])]
    for where, amount in amounts:
        if amount["low"] > amount["high"]:
            return f"data.{where}: low {amount['low']} is more than high {amount['high']}"
    for field in ("dates", "claims"):
        for index, item in enumerate(record[field]):
            if item["from"] > item["to"]:  # ISO dates compare as strings
                return f"data.{field}[{index}]: from {item['from']} is after to {item['to']}"
    return None


def _spans(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for field in _SPAN_FIELDS:
        for index, item in enumerate(record[field]):
            yield f"{field}[{index}]", item
    for field in _ENTITY_FIELDS:
        for index, entity in enumerate(record[field]):
            for number, mention in enumerate(entity["mentions"]):
                yield f"{field}[{index}].mentions[{number}]", mention
