"""Each sample article's people, regions, enterprises and organisations equal its gold (dev and held-out)."""

from __future__ import annotations

import json

import pytest

from pipeline.readers import read_inputs
from pipeline.scoring import ENTITY_FIELDS, score

from .conftest import ROOT, SAMPLES

SEED = ROOT.parent / "shared"  # the seed article lives outside the project; its test skips without it
CASES = [(SAMPLES / "articles", path) for path in sorted(SAMPLES.glob("gold/*/*.json"))]
CASES.append((SEED / "seed", SEED / "eval" / "seed_gold.json"))


@pytest.mark.parametrize(("articles", "gold_path"), CASES, ids=lambda value: getattr(value, "name", value))
def test_sample_entities_match_gold(articles, gold_path, processor, record_validator):
    if not gold_path.exists():
        pytest.skip(f"{gold_path} is not available")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    (line,) = processor.process_batch(list(read_inputs([str(articles / gold["file"])])))
    record = record_validator(json.loads(line))
    report = score([record], [gold]).errors[gold["file"]]
    assert {field: report[field] for field in ENTITY_FIELDS if field in report} == {}
