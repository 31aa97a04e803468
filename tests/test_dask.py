"""The Dask engine on a real two-worker LocalCluster writes the local engine's output, byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys

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
