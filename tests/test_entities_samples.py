"""Each dev sample article's people, regions, enterprises and organisations equal its gold (and the seed's).

Held-out articles are not run here: `make eval` measures them, and nothing is tuned on them.
"""

from __future__ import annotations

import json

import pytest

from pipeline.readers import read_inputs
from tools.scoring import ENTITY_FIELDS, score

from .conftest import ROOT, SAMPLES

SEED = ROOT.parent / "shared"  # the seed article lives outside the project; its test skips without it
CASES = [pytest.param(SAMPLES / "articles", path, id=path.name) for path in sorted(SAMPLES.glob("gold/dev/*.json"))]
CASES.append(pytest.param(SEED / "seed", SEED / "eval" / "seed_gold.json", id="seed"))


@pytest.mark.parametrize(("articles", "gold_path"), CASES)
def test_sample_entities_match_gold(articles, gold_path, processor, record_validator):
    if not gold_path.exists():
        pytest.skip(f"{gold_path} is not available")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    (line,) = processor.process_batch(list(read_inputs([str(articles / gold["file"])])))
    record = record_validator(json.loads(line))
    report = score([record], [gold]).errors[gold["file"]]
    assert {field: report[field] for field in ENTITY_FIELDS if field in report} == {}
