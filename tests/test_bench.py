"""The benchmark corpus: varied articles the parser reads, the same for the same seed."""

from __future__ import annotations

import sys
import time

import click
import orjson
import pytest

from tools.bench import Measurement, measure, ratios, run_probe, scaling
from tools.corpus import generate_articles, load_material
from pipeline.parse import parse_page
from pipeline.readers import read_inputs


@pytest.fixture(scope="module")
def material():
    return load_material()


def test_corpus_articles_are_all_different(material):
    texts = [orjson.loads(line)["text"] for line in generate_articles(300, material=material)]
    bodies = [text.split("\n", 4)[-1] for text in texts]
    assert len(set(bodies)) == len(bodies)
    assert len({text.split("\n")[2] for text in texts}) > 1  # titles vary too


def test_corpus_is_the_same_for_the_same_seed_only(material):
    assert list(generate_articles(20, material=material)) == list(generate_articles(20, material=material))
    assert list(generate_articles(20, material=material)) != list(generate_articles(20, seed=1, material=material))


def test_corpus_articles_parse_with_a_dateline_and_date(bench_corpus):
    articles = [parse_page(page) for page in read_inputs([str(bench_corpus(100))])]
    assert all(article.dateline and article.published and article.title for article in articles)


def test_ratios_compare_word_rates():
    runs = {name: Measurement(name, 10, words, seconds, 100.0) for name, words, seconds in [
        ("bare", 1000, 2.0), ("model", 1000, 0.8), ("pipeline_1", 1000, 1.0), ("pipeline_all", 1000, 0.5),
        ("naive", 100, 1.0)]}
    assert ratios(runs) == {"pipeline_1_vs_bare": 2.0, "pipeline_1_vs_model": 0.8, "pipeline_all_vs_1": 2.0,
                            "pipeline_1_vs_naive": 10.0}


def test_stage_costs_time_every_step_of_each_stage(bench_corpus):
    from tools.bench import STAGES, stage_costs

    costs = stage_costs(bench_corpus(20), 20, rounds=2)
    assert costs["articles"] == 20 and costs["rounds"] == 2
    for stage, steps in STAGES.items():
        assert all(costs[f"{step}_seconds"] > 0 for step in steps), stage
        assert 0 < costs[f"{stage}_share_of_bare"] < costs[f"{stage}_share_of_model"]


def test_a_step_inside_another_is_counted_once():
    from tools.bench import StepTimer

    def busy(seconds):
        started = time.process_time()
        while time.process_time() - started < seconds:
            pass

    timer = StepTimer()
    timer.run("outer", lambda: (busy(0.05), timer.run("inner", lambda: busy(0.1))))
    assert 0.1 <= timer.seconds["inner"] < 0.15
    assert 0.05 <= timer.seconds["outer"] < 0.1  # its own work only


def test_timed_calls_are_the_functions_the_pipeline_calls_and_are_put_back():
    import pipeline.components.claims as claims_component
    from tools.bench import CALLERS, StepTimer

    original = claims_component.extract_entities
    timer = StepTimer()
    with timer.calls(CALLERS):
        assert claims_component.extract_entities is not original
        assert claims_component.extract_entities.__wrapped__ is original
    assert claims_component.extract_entities is original


def test_scaling_compares_the_model_on_all_workers_with_one():
    runs = {name: Measurement(name, 10, 1000, seconds, 100.0) for name, seconds in [("model", 1.0), ("model_all", 0.6)]}
    assert scaling(runs) == pytest.approx(1 / 0.6)


def test_model_probe_shards_cover_every_text_once(tmp_path, monkeypatch):
    texts = [f"text {n}" for n in range(7)]
    path = tmp_path / "bodies.jsonl"
    path.write_bytes(b"\n".join(orjson.dumps(text) for text in texts))
    seen = []

    class Model:
        def pipe(self, shard):
            seen.extend(shard)
            return iter(())

    monkeypatch.setattr("tools.bench.load_model", Model)
    for index in range(3):
        run_probe("model", path, (index, 3))
    assert sorted(seen) == sorted(texts)


def test_measure_runs_its_commands_side_by_side_to_the_end(tmp_path):
    commands = [[sys.executable, "-c", f"open({str(tmp_path / name)!r}, 'w').close()"] for name in ("a", "b")]
    result = measure("both", *commands, articles=2, words=20)
    assert (tmp_path / "a").exists() and (tmp_path / "b").exists()
    assert result.name == "both" and result.peak_rss_mb > 0
    with pytest.raises(click.ClickException, match="exited with 3"):
        measure("failing", commands[0], [sys.executable, "-c", "raise SystemExit(3)"], articles=1, words=1)
