"""Shared fixtures: the spaCy pipeline is built once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SCHEMA_PATH = ROOT / "pipeline" / "schemas" / "belta-record-1.json"


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp import build_language

    return build_language()


@pytest.fixture(scope="session")
def processor():
    from pipeline.process import ArticleProcessor

    return ArticleProcessor()


@pytest.fixture(scope="session")
def record_validator():
    """Validates one record against the published JSON Schema (every test output goes through it)."""
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)

    def validate(record: dict) -> dict:
        validator.validate(record)
        for field in ("money", "percentages", "dates", "claims"):
            for item in record.get(field, []):
                assert record["text"][item["start"]:item["end"]] == item["text"], (field, item)
        for field in ("people", "regions", "enterprises", "organizations"):
            for entity in record.get(field, []):
                for mention in entity["mentions"]:
                    assert record["text"][mention["start"]:mention["end"]] == mention["text"], (field, mention)
        return record

    return validate


@pytest.fixture(scope="session")
def record_of(processor, record_validator):
    """The validated record the pipeline makes of a body text published at `published`."""
    from pipeline.records import RawPage, Source

    def run(body: str, *, published: str = "2026-01-19T11:27:00", title: str = "Test headline") -> dict:
        page = RawPage(source=Source(path="test.txt"), data=f"{title}\n\n{body}", format="text",
                       published=published)
        (line,) = processor.process_batch([page])
        record = json.loads(line)
        assert "error" not in record, record
        return record_validator(record)

    return run
