"""The Dask engine on a real two-worker LocalCluster writes the local engine's output, byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from .conftest import ROOT

distributed = pytest.importorskip("distributed")

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


def extract(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "pipeline", "extract", *args, "--quiet"], check=True, env=ENV,
                   timeout=600)


def test_dask_engine_output_equals_local_engine_output(cluster, bench_corpus, tmp_path):
    corpus = str(bench_corpus(60))
    extract(corpus, "-o", str(tmp_path / "local.jsonl"), "--workers", "1", "--batch-size", "8")
    extract(corpus, "-o", str(tmp_path / "dask.jsonl"), "--engine", "dask", "--scheduler",
            cluster.scheduler_address, "--batch-size", "5")
    local = (tmp_path / "local.jsonl").read_bytes()
    assert local.count(b"\n") == 60
    assert (tmp_path / "dask.jsonl").read_bytes() == local


def test_dask_workers_each_keep_their_own_processor(cluster, bench_corpus):
    from pipeline.dask_runner import PLUGIN_NAME, run_dask
    from pipeline.nlp import NlpSettings
    from pipeline.readers import read_inputs

    items = read_inputs([str(bench_corpus(60))])
    batches = list(run_dask(items, settings=NlpSettings(), batch_size=4, scheduler=cluster.scheduler_address))
    assert sum(map(len, batches)) == 60

    def processor_id(dask_worker):
        return id(dask_worker.plugins[PLUGIN_NAME].processor.nlp)

    with distributed.Client(cluster) as client:
        ids = client.run(processor_id)
    assert len(set(ids.values())) == 2


def test_scheduler_without_dask_engine_is_a_usage_error(tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import main

    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2
    assert "needs --engine dask" in result.output


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:9", "nonsense://x"])
def test_dask_scheduler_that_cannot_be_reached_is_refused_in_one_line(tmp_path, address):
    (tmp_path / "a.txt").write_text("A headline\n\nMINSK (BelTA) – Body.\n")
    result = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(tmp_path / "a.txt"), "-o",
                             str(tmp_path / "out.jsonl"), "--engine", "dask", "--scheduler", address],
                            capture_output=True, text=True, env=ENV, timeout=120)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"Error: cannot connect to the Dask scheduler {address}")


def test_dask_cluster_without_workers_is_given_up_after_the_timeout(bench_corpus):
    from pipeline.dask_runner import run_dask
    from pipeline.errors import PipelineError
    from pipeline.nlp import NlpSettings
    from pipeline.readers import read_inputs

    with distributed.LocalCluster(n_workers=0, dashboard_address=":0") as empty:
        started = time.monotonic()
        with pytest.raises(PipelineError, match="no worker for 2 s; giving up"):
            list(run_dask(read_inputs([str(bench_corpus(60))]), settings=NlpSettings(),
                          scheduler=empty.scheduler_address, no_worker_timeout=2))
        assert time.monotonic() - started < 30


def test_dask_local_cluster_leaves_no_scratch_space(tmp_path):
    (tmp_path / "a.txt").write_text("A headline\n\nMINSK (BelTA) – Body.\n")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    subprocess.run([sys.executable, "-m", "pipeline", "extract", str(tmp_path / "a.txt"), "-o",
                    str(tmp_path / "out.jsonl"), "--engine", "dask", "--workers", "1", "--quiet"],
                   check=True, env={**ENV, "TMPDIR": str(temporary)}, timeout=300)
    assert list(temporary.iterdir()) == []


def test_workers_are_sent_no_path_of_the_client(tmp_path):
    """The default settings mean "the installed data", found by each worker: the plugin sent to a cluster names no
    folder of this machine (the workers' package may be installed elsewhere)."""
    import pickle

    from pipeline.dask_runner import ProcessorPlugin
    from pipeline.nlp import NlpSettings
    from pipeline.resources import MODELS_DIR

    sent = pickle.dumps(ProcessorPlugin(NlpSettings()))
    assert str(MODELS_DIR).encode() not in sent
    assert pickle.loads(sent).settings.data_dir == MODELS_DIR
