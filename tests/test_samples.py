"""Every sample article gives one valid record whose page facts agree with its gold file."""

from __future__ import annotations

import json

import pytest

from pipeline.readers import read_inputs
from tools.scoring import fold

from .conftest import SAMPLES

GOLD_FILES = sorted(SAMPLES.glob("gold/*/*.json"))


def test_samples_cover_every_reader_format():
    names = [path.name for path in (SAMPLES / "articles").iterdir()]
    for suffix in (".txt", ".html", ".jsonl", ".txt.gz"):
        assert any(name.endswith(suffix) for name in names), suffix
    assert len(names) >= 12


def test_every_sample_has_gold_and_every_gold_its_sample():
    articles = {path.name for path in (SAMPLES / "articles").iterdir()}
    golds = {json.loads(path.read_text(encoding="utf-8"))["file"] for path in GOLD_FILES}
    assert articles == golds


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name)
def test_sample_page_facts_match_gold(gold_path, processor, record_validator):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    pages = list(read_inputs([str(SAMPLES / "articles" / gold["file"])]))
    (line,) = processor.process_batch(pages)
    record = record_validator(json.loads(line))
    assert record["published"][:10] == gold["published"]
    assert fold(record["title"]) == fold(gold["title"])
    assert record["dateline"]["place"] == gold["dateline_place"]
    assert "Follow us on" not in record["text"]
