"""The local runner: batches in input order, the same bytes for every worker count and batch size."""

from __future__ import annotations

import orjson
import pytest

from pipeline.nlp import NlpSettings
from pipeline.readers import read_inputs
from pipeline.records import Failure, Source
from pipeline.runner import batched, run_local


@pytest.fixture(scope="module")
def items(bench_corpus):
    """Articles with failures mixed in, so error records must keep their places too."""
    articles = list(read_inputs([str(bench_corpus(40))]))
    for index in (0, 7, 23):
        articles.insert(index, Failure(source=Source(path=f"bad{index}"), kind="json", message="broken"))
    return articles


@pytest.fixture(scope="module")
def one_worker_lines(items) -> list[bytes]:
    return [line for lines in run_local(items, settings=NlpSettings(), workers=1, batch_size=5) for line in lines]


@pytest.mark.parametrize(("size", "expected"), [(3, [3, 3, 1]), (7, [7]), (1, [1] * 7)])
def test_batched_keeps_every_item_in_order(size, expected):
    batches = list(batched(range(7), size))
    assert [len(batch) for batch in batches] == expected
    assert [item for batch in batches for item in batch] == list(range(7))


def test_run_local_gives_one_line_per_item_in_input_order(items, one_worker_lines):
    assert len(one_worker_lines) == len(items)
    sources = [orjson.loads(line)["source"] for line in one_worker_lines]
    assert [(s["path"], s["line"]) for s in sources] == [(i.source.path, i.source.line) for i in items]


@pytest.mark.parametrize(("workers", "batch_size"), [(1, 16), (2, 5), (2, 3)])
def test_run_local_output_is_identical_for_any_workers_and_batch_size(items, one_worker_lines, workers, batch_size):
    lines = [line for batch in run_local(items, settings=NlpSettings(), workers=workers, batch_size=batch_size)
             for line in batch]
    assert lines == one_worker_lines
