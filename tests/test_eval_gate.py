"""The accuracy gate: today's F1 per field may not fall below the floors pinned in samples/eval-floors.json.

The floors file carries a hash of the corpus it was measured on. Changing the
samples, their gold or the seed means re-measuring and re-pinning on purpose
(`python -m tools.evaluate --no-naive --write-floors samples/eval-floors.json`)
in the same commit.
"""

from __future__ import annotations

import json

import pytest

from tools.evaluate import corpus_hash, extract_records, floors_of, gold_sets
from tools.scoring import score

from .conftest import ROOT, SAMPLES

FLOORS_FILE = SAMPLES / "eval-floors.json"


@pytest.fixture(scope="module")
def measured(processor):
    shared = ROOT.parent / "shared"
    sets = {name: pairs for name, pairs in gold_sets(SAMPLES, shared if shared.exists() else None).items() if pairs}
    results = {name: score(extract_records([p for p, _ in pairs], processor), [g for _, g in pairs])
               for name, pairs in sets.items()}
    return sets, floors_of(results)


def test_floors_were_measured_on_this_corpus(measured):
    sets, _ = measured
    pinned = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
    if "seed" not in sets:  # without ../shared the corpus lacks the seed and the real dev articles
        pytest.skip("../shared is absent: the floors' corpus includes the seed article")
    assert pinned["corpus_sha256"] == corpus_hash(sets), "samples or gold changed: re-measure and re-pin the floors"


@pytest.mark.parametrize("set_name", ["dev", "heldout", "seed", "real-dev"])
def test_accuracy_at_or_above_floors(measured, set_name):
    _, today = measured
    pinned = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))["floors"]
    if set_name not in today:
        pytest.skip(f"the {set_name} set is not available here")
    below = {field: (today[set_name].get(field), floor) for field, floor in pinned[set_name].items()
             if today[set_name].get(field, 0.0) < floor}
    assert not below, f"{set_name}: fields below their floors (today, floor): {below}"
