"""The per-article boundary: whatever goes wrong with one article (parse, model, extract) costs its record only."""

from __future__ import annotations

import shutil

import orjson
import pytest
from spacy.language import Language

from pipeline.types import RawPage, Source

BODY = "MINSK, 19 January (BelTA) – Belshina exported tyres to Russia in 2025, the company said."


def page(name: str, body: str = BODY) -> RawPage:
    return RawPage(source=Source(path=name), data=f"19 January 2026, 11:27\n\nA headline\n\n{body}\n".encode(),
                   format="text")


def kinds(lines: list[bytes]) -> list[str]:
    records = [orjson.loads(line) for line in lines]
    return [record["error"]["kind"] if "error" in record else "record" for record in records]


@Language.component("belta_test_explodes")
def explodes(doc):
    if "EXPLODE" in doc.text:
        raise ValueError("this component breaks on purpose")
    return doc


@pytest.fixture
def exploding_processor(processor):
    processor.nlp.add_pipe("belta_test_explodes", last=True)
    yield processor
    processor.nlp.remove_pipe("belta_test_explodes")


def test_page_over_the_model_limit_is_too_large_and_the_batch_goes_on(processor, record_validator):
    limit = processor.nlp.max_length
    huge = BODY + " Minsk Tractor Works grew." * (limit // 26 + 1)  # over a million characters, 1.4 MB with words
    lines = processor.process_batch([page("a.txt"), page("huge.txt", huge), page("b.txt")])
    assert kinds(lines) == ["record", "too_large", "record"]
    too_large = record_validator(orjson.loads(lines[1]))
    assert too_large["source"]["path"] == "huge.txt" and f"{limit:,}" in too_large["error"]["message"]


def test_a_model_failure_costs_only_its_article(exploding_processor):
    good = exploding_processor.process_batch([page("a.txt")])
    lines = exploding_processor.process_batch([page("a.txt"), page("bad.txt", BODY + " EXPLODE."), page("a.txt")])
    assert kinds(lines) == ["record", "internal", "record"]
    assert "ValueError: this component breaks on purpose" in orjson.loads(lines[1])["error"]["message"]
    assert lines[0] == lines[2] == good[0]


def test_a_parse_failure_of_any_kind_costs_only_its_article(processor, monkeypatch):
    from pipeline import process

    parse_page = process.parse_page

    def breaks_on_bad(item):
        if item.source.path == "bad.txt":
            raise RecursionError("maximum recursion depth exceeded")
        return parse_page(item)

    monkeypatch.setattr(process, "parse_page", breaks_on_bad)
    lines = processor.process_batch([page("a.txt"), page("bad.txt"), page("b.txt")])
    assert kinds(lines) == ["record", "internal", "record"]
    assert orjson.loads(lines[1])["error"]["message"] == "parsing failed: RecursionError: maximum recursion depth exceeded"


@pytest.mark.parametrize(("name", "broken"), [
    ("metrics.tsv", "metric\tlabel\tcues\tsource\nexports\texports\texport*\tx\nexports\texports\tsold\tx\n"),
    ("date_words.jsonl", '{"kind": "holiday", "word": "Christmas", "source": "x"}\n'),
], ids=["metrics", "date words"])
def test_a_broken_data_file_stops_the_processor_as_it_starts(tmp_path, name, broken):
    """The components and `extract` read their data as the processor is built, not at the first article (where
    every article of the run would fail on it)."""
    from pipeline.errors import ResourceError
    from pipeline.nlp import NlpSettings
    from pipeline.process import ArticleProcessor
    from pipeline.resources import MODELS_DIR

    models = tmp_path / "models"
    shutil.copytree(MODELS_DIR, models)
    (models / name).write_text(broken, encoding="utf-8")
    with pytest.raises(ResourceError):
        ArticleProcessor(NlpSettings(models_dir=models))
