"""`make bench`: throughput and memory of the pipeline against bare spaCy and a naive path, in one run.

Builds a corpus of varied BelTA-style articles from samples/ (tools/corpus.py)
and measures, each in its own process (wall time from start to exit, so every
figure includes start-up and model loading, and peak RSS of the largest process):

- bare: `spacy.load(model)` with all its default components, `nlp.pipe` over the
  same article bodies the pipeline sees;
- model: the same model with only the components the pipeline runs (ner and senter,
  `pipeline.nlp.load_model`), the measure the project's own cost is judged against;
- model_all: that model in as many processes as the pipeline has workers, each over its share of the
  bodies: how far the machine lets spaCy itself scale, beside the pipeline's own `pipeline_all_vs_1`;
- pipeline, 1 worker and all workers: `python -m pipeline extract` over the corpus;
- naive: the bare model plus dateparser's `search_dates` and quantulum3 on every
  sentence (on the first `--naive-size` bodies: it is slow);
- with `--rss-check`, the pipeline's peak RSS on a corpus ten times larger;
- the cost of each of the project's stages (its spaCy components and extract functions, timed one
  by one in CPU time over `--stage-size` articles, the least of three runs in fresh processes) as a share
  of the model's and of bare spaCy's time on the same texts;
- the SQLite store's load rate and query latencies over the pipeline's records.

Rates are body words per second. The table goes to stdout, the numbers to out/bench.json.
"""

from __future__ import annotations

import functools
import importlib
import os
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass
from itertools import groupby
from pathlib import Path
from typing import Any
from unittest.mock import patch

import click
import orjson

from tools.corpus import write_corpus
from pipeline.errors import InputError
from pipeline.nlp import NlpSettings, load_model, model_name
from pipeline.parse import parse_page
from pipeline.readers import read_inputs
from pipeline.types import RawPage

# "bare" is spaCy's model with all its default components; "model" the same model with only the components the
# pipeline runs (ner and senter), the fair measure of what the project adds (issues 10 and 11).
TARGETS = {"pipeline_1_vs_bare": 0.8, "pipeline_1_vs_model": 0.8, "pipeline_all_vs_1": 1.8,
           "pipeline_1_vs_naive": 2.0}
# Each project stage's time may be at most this share of the model's (ner + senter) on the same texts.
STAGE_LIMITS = {"entities": 0.10, "amounts_dates_claims": 0.10}
STAGE_ROUNDS = 3  # fresh processes the stages are timed in; the least time of each step is kept
# The browser's pages (issue 14): each answers in under this on a store of 20,000 records.
PAGE_TARGET_MS = 200
# Which timed steps make up each stage: spaCy components by name, the extract functions by name wherever the
# pipeline calls them (the claims component calls some itself), and `extract`'s own work (reading the components'
# results back, metrics).
STAGES = {"entities": ("belta_entity_ruler", "extract_entities"),
          "amounts_dates_claims": ("belta_amounts", "belta_dates", "belta_claims", "extract_money",
                                   "extract_percentages", "extract")}
# Where the timed extract functions are called from: each module's own name for them is replaced while timing.
CALLERS = {"extract_entities": ("pipeline.components.claims", "pipeline.extract"),
           "extract_money": ("pipeline.components.claims", "pipeline.extract"),
           "extract_percentages": ("pipeline.components.claims", "pipeline.extract")}


class StepTimer:
    """CPU seconds of named steps, each step's own: a step called inside another (the claims component calls
    `extract_entities`) is taken out of the outer one's time, so no work is counted twice. CPU time rather than
    wall time, so that other jobs on the machine move the figures less."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._inner = [0.0]  # time spent in inner steps, for each step under way

    def run(self, name: str, work: Callable[[], Any]) -> Any:
        self._inner.append(0.0)
        started = time.process_time()
        try:
            return work()
        finally:
            elapsed = time.process_time() - started
            self.seconds[name] = self.seconds.get(name, 0.0) + elapsed - self._inner.pop()
            self._inner[-1] += elapsed

    @contextmanager
    def calls(self, callers: dict[str, tuple[str, ...]]) -> Iterator[None]:
        """Times every call of the named functions made from the named modules."""
        with ExitStack() as stack:
            for name, modules in callers.items():
                for module_name in modules:
                    module = importlib.import_module(module_name)
                    function = getattr(module, name)
                    timed = functools.wraps(function)(
                        lambda *args, _f=function, _n=name, **kwargs: self.run(_n, lambda: _f(*args, **kwargs)))
                    stack.enter_context(patch.object(module, name, timed))
            yield


@dataclass(frozen=True, slots=True)
class Measurement:
    name: str
    articles: int
    words: int
    seconds: float
    peak_rss_mb: float

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds


def measure(name: str, *commands: list[str], articles: int, words: int) -> Measurement:
    """Run `commands` side by side to completion; the wall time until the last exits and the peak RSS of the
    largest process."""
    click.echo(f"  {name} ...", err=True)
    started = time.perf_counter()
    processes = [subprocess.Popen(command, stdout=subprocess.DEVNULL) for command in commands]
    peak = 0.0
    for command, process in zip(commands, processes):
        _, status, usage = os.wait4(process.pid, 0)
        peak = max(peak, usage.ru_maxrss / 1024)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 1):  # 1: some articles gave error records, which is fine here
            raise click.ClickException(f"{name}: {' '.join(command)} exited with {process.returncode}")
    return Measurement(name, articles, words, time.perf_counter() - started, peak)


def extract_command(corpus: Path, workers: int, output: Path | None = None) -> list[str]:
    return [sys.executable, "-m", "pipeline", "extract", str(corpus), "--workers", str(workers), "--quiet",
            *(["-o", str(output)] if output else [])]


def probe_command(kind: str, texts: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "tools.bench", "--probe", kind, *options, str(texts)]


def write_bodies(corpus: Path, path: Path, limit: int | None = None) -> tuple[int, int]:
    """The article bodies the pipeline would see, as JSON strings one a line; (articles, words)."""
    articles = words = 0
    with open(path, "wb") as file:
        for item in read_inputs([str(corpus)]):
            if limit is not None and articles >= limit:
                break
            if not isinstance(item, RawPage):
                continue
            try:
                text = parse_page(item).text
            except InputError:
                continue
            file.write(orjson.dumps(text) + b"\n")
            articles += 1
            words += len(text.split())
    return articles, words


def run_probe(kind: str, texts_path: Path, shard: tuple[int, int] = (0, 1)) -> None:
    """The bare and naive workloads (run in a child process by `measure`), over every `shard[1]`-th text from the
    `shard[0]`-th."""
    import spacy

    texts = [orjson.loads(line) for line in texts_path.read_bytes().splitlines()][shard[0]::shard[1]]
    nlp = load_model() if kind == "model" else spacy.load(model_name(NlpSettings()))
    if kind in ("bare", "model"):
        for _ in nlp.pipe(texts):
            pass
        return
    warnings.simplefilter("ignore")  # quantulum3 warns about its classifier on import
    from dateparser.search import search_dates
    from quantulum3 import parser

    for doc in nlp.pipe(texts):
        for sentence in doc.sents:
            search_dates(sentence.text, languages=["en"])
            parser.parse(sentence.text)


def stage_costs(corpus: Path, limit: int, rounds: int = STAGE_ROUNDS) -> dict[str, float]:
    """CPU seconds of bare spaCy, of the model (ner + senter) and of each step of the pipeline over the first
    `limit` articles, and each stage's share of the two. Each of the `rounds` runs in a fresh process, so that none
    starts with what another has read, and each step's least time is kept, as `timeit` does: other work on the
    machine only ever adds to it (one run alone moved the shares by a tenth from run to run)."""
    click.echo("  stages ...", err=True)
    runs = [orjson.loads(subprocess.run([sys.executable, "-m", "tools.bench", "--probe", "stages", "--stage-size",
                                         str(limit), str(corpus)], capture_output=True, check=True).stdout)
            for _ in range(rounds)]
    articles = runs[0].pop("articles")
    seconds = {name: min(run[name] for run in runs) for name in runs[0]}
    costs = {f"{stage}_share_of_{base}": sum(seconds.get(step, 0.0) for step in steps) / seconds[base]
             for stage, steps in STAGES.items() for base in ("bare", "model")}
    return {"articles": articles, "rounds": rounds, **{f"{name}_seconds": value for name, value in seconds.items()},
            **costs}


def step_seconds(corpus: Path, limit: int) -> dict[str, float]:
    """CPU seconds of bare spaCy, of the model and of each step of the pipeline over the first `limit` articles,
    in this process (the `stages` probe)."""
    import spacy

    from pipeline.components.article import article_doc
    from pipeline.extract import extract, read_data
    from pipeline.nlp import build_language
    from pipeline.normalize import fold_for_model

    articles = []
    for item in read_inputs([str(corpus)]):
        if len(articles) >= limit:
            break
        if isinstance(item, RawPage):
            try:
                articles.append(parse_page(item))
            except InputError:
                continue
    texts = [fold_for_model(article.text) for article in articles]
    timer = StepTimer()
    bare = spacy.load(model_name(NlpSettings()))
    timer.run("bare", lambda: list(bare.pipe(texts)))
    model = load_model()
    timer.run("model", lambda: list(model.pipe(texts)))
    nlp = build_language()  # its components read their data as it is built, as the model's are read before it runs
    read_data()  # as the processor does when it starts
    warnings.simplefilter("ignore")  # quantulum3 warns about its classifier on import
    with timer.calls(CALLERS):
        docs = timer.run("tokenizer", lambda: [article_doc(nlp, article) for article in articles])
        # As `nlp.pipe` runs them for the processor (pipeline/process.py): a component with a `pipe` method (the
        # model's) over the whole batch, and the ones after it without one a Doc at a time, each Doc through all
        # of them in turn.
        for batched, steps in groupby(nlp.pipeline, key=lambda step: hasattr(step[1], "pipe")):
            if batched:
                for name, component in steps:
                    docs = timer.run(name, lambda run=component.pipe: list(run(docs)))
                continue
            steps = list(steps)
            for doc in docs:
                for name, component in steps:
                    timer.run(name, lambda: component(doc))
        for doc, article in zip(docs, articles):
            timer.run("extract", lambda: extract(doc, article))
    return {"articles": len(articles), **timer.seconds}


def store_numbers(records_path: Path, directory: Path, count: int) -> dict[str, float]:
    """Load rate and query latencies of the SQLite store over the pipeline's own records."""
    from tools.store_bench import benchmark_store

    click.echo("  store ...", err=True)
    records = [record for line in records_path.read_bytes().splitlines()
               if "error" not in (record := orjson.loads(line))]
    return benchmark_store(records, directory, count=count)


def ratios(results: dict[str, Measurement]) -> dict[str, float]:
    rate = {name: m.words_per_second for name, m in results.items()}
    return {"pipeline_1_vs_bare": rate["pipeline_1"] / rate["bare"],
            "pipeline_1_vs_model": rate["pipeline_1"] / rate["model"],
            "pipeline_all_vs_1": rate["pipeline_all"] / rate["pipeline_1"],
            "pipeline_1_vs_naive": rate["pipeline_1"] / rate["naive"]}


def scaling(results: dict[str, Measurement]) -> float:
    """How much faster the bare model runs in all the workers' processes than in one: the machine's own bound on
    `pipeline_all_vs_1`."""
    return results["model_all"].words_per_second / results["model"].words_per_second


def table(results: dict[str, Measurement], found: dict[str, float], rss: dict[str, float] | None,
          stages: dict[str, float] | None) -> str:
    rows = [f"{'run':<14}{'articles':>9}{'words':>10}{'seconds':>9}{'words/s':>10}{'peak RSS MB':>13}"]
    rows += [f"{m.name:<14}{m.articles:>9}{m.words:>10}{m.seconds:>9.1f}{m.words_per_second:>10.0f}"
             f"{m.peak_rss_mb:>13.0f}" for m in results.values()]
    rows.append("")
    rows += [f"{name:<22}{value:>6.2f}  (target >= {TARGETS[name]})  {'ok' if value >= TARGETS[name] else 'MISSED'}"
             for name, value in found.items()]
    rows.append(f"{'model_all_vs_model':<22}{scaling(results):>6.2f}  (no target: the model in the workers' "
                "processes against one, the machine's bound on pipeline_all_vs_1)")
    if stages:
        rows.append("")
        for stage, limit in STAGE_LIMITS.items():
            share = stages[f"{stage}_share_of_model"]
            rows.append(f"{stage + ' stage':<28}{share:>6.1%}  of the model's time (ner + senter) on "
                        f"{stages['articles']:.0f} articles, best of {stages.get('rounds', 1):.0f} (target <= {limit:.0%})  {'ok' if share <= limit else 'MISSED'}"
                        f"; {stages[f'{stage}_share_of_bare']:.1%} of bare spaCy's")
    if rss:
        change = rss["change"]
        rows.append(f"{'peak RSS change':<22}{change:>+6.1%}  ({rss['small_articles']} -> {rss['large_articles']} "
                    f"articles; target within +-10%)  {'ok' if abs(change) <= 0.10 else 'MISSED'}")
    return "\n".join(rows)


@click.command()
@click.option("--size", type=click.IntRange(min=10), default=2000, show_default=True, help="Articles in the corpus.")
@click.option("--workers", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="all cores",
              help="Workers of the all-workers run.")
@click.option("--naive-size", type=click.IntRange(min=1), default=200, show_default=True,
              help="Articles the (slow) naive path is measured on.")
@click.option("--rss-check", is_flag=True, help="Also run the pipeline on 10 x --size articles and compare peak RSS.")
@click.option("--stage-size", type=click.IntRange(min=0), default=500, show_default=True,
              help="Articles each stage is timed on, in-process, against bare spaCy (0: skip).")
@click.option("--store-records", type=click.IntRange(min=0), default=20_000, show_default=True,
              help="Records loaded into the SQLite store to time loading and queries (0: skip).")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("out/bench.json"),
              show_default=True, help="Where to write the numbers as JSON.")
@click.option("--probe", type=click.Choice(["bare", "model", "naive", "stages"]), default=None, hidden=True)
@click.option("--shard", default="0/1", hidden=True, help="K/N: a probe runs every N-th text from the K-th.")
@click.argument("probe_texts", required=False, type=click.Path(exists=True, path_type=Path))
def main(size: int, workers: int, naive_size: int, rss_check: bool, stage_size: int, store_records: int,
         output: Path, probe: str | None, shard: str, probe_texts: Path | None) -> None:
    """Measure the pipeline's speed and memory against bare spaCy and the naive path.

    \b
    Example:
        python -m tools.bench --size 2000
    """
    if probe == "stages":
        click.echo(orjson.dumps(step_seconds(probe_texts, stage_size)))
        return
    if probe:
        index, count = map(int, shard.split("/"))
        run_probe(probe, probe_texts, (index, count))
        return
    with tempfile.TemporaryDirectory(prefix="belta-bench-") as scratch:
        directory = Path(scratch)
        click.echo(f"building a corpus of {size} articles ...", err=True)
        corpus = write_corpus(directory / "corpus.jsonl", size)
        articles, words = write_bodies(corpus, directory / "bodies.jsonl")
        naive_articles, naive_words = write_bodies(corpus, directory / "naive.jsonl", limit=naive_size)
        results = {m.name: m for m in (
            measure("bare", probe_command("bare", directory / "bodies.jsonl"), articles=articles, words=words),
            measure("model", probe_command("model", directory / "bodies.jsonl"), articles=articles, words=words),
            measure("model_all", *(probe_command("model", directory / "bodies.jsonl", "--shard", f"{index}/{workers}")
                                   for index in range(workers)), articles=articles, words=words),
            measure("pipeline_1", extract_command(corpus, 1, directory / "records.jsonl"), articles=articles,
                    words=words),
            measure("pipeline_all", extract_command(corpus, workers), articles=articles, words=words),
            measure("naive", probe_command("naive", directory / "naive.jsonl"), articles=naive_articles,
                    words=naive_words),
        )}
        rss = None
        if rss_check:
            large = write_corpus(directory / "large.jsonl", 10 * size)
            big = measure("pipeline_all_x10", extract_command(large, workers), articles=10 * size, words=0)
            small = results["pipeline_all"].peak_rss_mb
            rss = {"small_articles": size, "large_articles": 10 * size, "small_mb": small,
                   "large_mb": big.peak_rss_mb, "large_seconds": big.seconds,
                   "change": big.peak_rss_mb / small - 1}
        stages = stage_costs(corpus, stage_size) if stage_size else None
        store = store_numbers(directory / "records.jsonl", directory, store_records) if store_records else None
    found = ratios(results)
    click.echo(f"\nmodel {model_name(NlpSettings())}, {workers} workers, {os.cpu_count()} cores")
    click.echo(table(results, found, rss, stages))
    if store:
        click.echo(f"\nSQLite store, {store['records']:.0f} records: {store['records_per_second']:.0f} records/s loaded; "
                   + ", ".join(f"{name.removesuffix('_ms')} {value:.1f} ms"
                               for name, value in store.items() if name.endswith("_ms") and "page" not in name
                               and "json" not in name))
        if "slowest_page_ms" in store:
            click.echo("browser pages (Datasette plugin): "
                       + ", ".join(f"{name.removesuffix('_ms')} {value:.1f} ms"
                                   for name, value in store.items() if name.endswith(("page_ms", "json_ms")))
                       + f"  (target < {PAGE_TARGET_MS} ms) {'ok' if store['slowest_page_ms'] < PAGE_TARGET_MS else 'SLOW'}")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(orjson.dumps({
        "size": size, "workers": workers, "cores": os.cpu_count(),
        "runs": {name: {**asdict(m), "words_per_second": m.words_per_second} for name, m in results.items()},
        "ratios": found, "model_all_vs_model": scaling(results), "targets": TARGETS, "rss_check": rss, "stages": stages, "stage_limits": STAGE_LIMITS,
        "store": store}, option=orjson.OPT_INDENT_2))
    click.echo(f"numbers written to {output}", err=True)


if __name__ == "__main__":
    main()
