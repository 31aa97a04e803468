"""Each sample article's people, regions, enterprises and organisations equal its gold (dev and held-out)."""

from __future__ import annotations

import json

import pytest

from pipeline.readers import read_inputs
from pipeline.scoring import ENTITY_FIELDS, score

from .conftest import ROOT, SAMPLES

SEED = ROOT.parent / "shared"  # the seed article lives outside the project; its test skips without it
# Held-out articles are never tuned on: what they show the rules miss stays a known gap here.
KNOWN_GAPS = {
    "11_mogilevliftmash-elevators-russia.txt.json": "Promtekhleasing is in no list; 'X University' cuts "
                                                    "Belarusian-Russian University; an extra Kirov",
    "13_brest-fortress-museum-visitors.jsonl.json": "'Museum of X' stops at the second 'of' "
                                                    "(Museum of the Defense of the Brest Fortress)",
    "15_vitebsk-oblast-grain-harvest.txt.gz.json": "Vitebskagroleasing is in no list",
}
CASES = [pytest.param(SAMPLES / "articles", path, id=path.name,
                      marks=[pytest.mark.xfail(reason=KNOWN_GAPS[path.name])] if path.name in KNOWN_GAPS else [])
         for path in sorted(SAMPLES.glob("gold/*/*.json"))]
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
