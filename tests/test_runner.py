"""The local runner: batches in input order, the same bytes for every worker count and batch size."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from pipeline.errors import ResourceError
from pipeline.nlp import NlpSettings
from pipeline.readers import read_inputs
from pipeline.types import Failure, Source
from pipeline.runner import ResilientPool, batched, run_local

from .conftest import ROOT


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


def work_or_die(batch: list[str]) -> list[str]:
    """Runs in a pool's worker: "die" kills the worker every time, "die-once:PATH" while PATH exists."""
    for item in batch:
        if item == "die" or (item.startswith("die-once:") and _claim(item.removeprefix("die-once:"))):
            os.kill(os.getpid(), signal.SIGKILL)
    return [item.upper() for item in batch]


def _claim(path: str) -> bool:
    try:
        os.unlink(path)
    except FileNotFoundError:
        return False
    return True


def no_setup() -> None:
    pass


def failing_setup() -> None:
    raise ResourceError("models/pipeline.cfg: no such file")


def pool(workers: int = 2, initializer=no_setup) -> ResilientPool:
    return ResilientPool(workers, work=work_or_die, initializer=initializer, initargs=(),
                         lost=lambda batch: [f"lost {item}" for item in batch])


def test_pool_runs_again_the_batches_of_a_worker_that_died(tmp_path):
    marker = tmp_path / "marker"
    marker.touch()
    batches = [["a", "b"], ["c", f"die-once:{marker}"], ["d"], ["e"], ["f"]]
    with pool() as resilient:
        results = list(resilient.map(batches))
    assert results == [["A", "B"], ["C", f"die-once:{marker}".upper()], ["D"], ["E"], ["F"]]
    assert not marker.exists()


def test_pool_gives_up_on_a_batch_that_kills_its_worker_twice():
    with pool() as resilient:
        results = list(resilient.map([["a"], ["b", "die"], ["c"], ["d"]]))
    assert results == [["A"], ["lost b", "lost die"], ["C"], ["D"]]


def note_start(directory: str) -> None:
    (Path(directory) / str(os.getpid())).touch()


def test_pool_starts_all_its_workers_before_the_first_batch(tmp_path):
    with ResilientPool(3, work=work_or_die, initializer=note_start, initargs=(str(tmp_path),),
                       lost=lambda batch: batch) as resilient:
        # each starts (and loads its model) side by side, not once work is waiting for it
        deadline = time.monotonic() + 60
        while len(list(tmp_path.iterdir())) < 3 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(list(tmp_path.iterdir())) == 3
        assert list(resilient.map([["a"], ["b"], ["c"]])) == [["A"], ["B"], ["C"]]


def test_pool_whose_workers_cannot_start_says_why():
    with pytest.raises(ResourceError, match="no such file"):
        pool(initializer=failing_setup)


def test_run_local_survives_a_worker_killed_from_outside(items, one_worker_lines):
    import psutil

    lines, killed = [], []
    for batch in run_local(items, settings=NlpSettings(), workers=2, batch_size=3):
        lines.extend(batch)
        if not killed:  # the others are busy with the batches in flight
            victim = psutil.Process().children()[-1]
            victim.kill()
            killed.append(victim.pid)
    assert lines == one_worker_lines


def test_a_killed_run_leaves_no_worker_process(bench_corpus, tmp_path):
    import psutil

    command = [sys.executable, "-m", "pipeline", "extract", str(bench_corpus(40)), "-o", str(tmp_path / "out.jsonl"),
               "--workers", "2", "--quiet"]
    process = psutil.Popen(command, env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(workers := process.children(recursive=True)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    process.kill()
    process.wait()
    _, alive = psutil.wait_procs(workers, timeout=15)
    assert not alive, f"still running after their parent was killed: {alive}"


def test_the_command_line_loads_no_spacy_before_it_runs_a_processor():
    # the parent of a pool of workers only reads and writes: its own spaCy would cost about 1.4 s of each run
    code = "import sys, pipeline.cli, pipeline.runner; print(sorted(m for m in ('spacy', 'thinc') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
