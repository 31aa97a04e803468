"""The store under several processes: a killed load leaves nothing running; two loads into one store wait in turn."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import orjson
import psutil
import pytest

from pipeline.store import PARALLEL_BYTES

from .conftest import ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.fixture(scope="module")
def large_records(synthetic_record, tmp_path_factory) -> Path:
    """Enough records for `load` to prepare them in a helper process."""
    path = tmp_path_factory.mktemp("records") / "records.jsonl"
    with open(path, "wb") as file:
        n = 0
        while file.tell() < PARALLEL_BYTES:
            file.write(orjson.dumps(synthetic_record(n)) + b"\n")
            n += 1
    return path


def load_command(records: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline", "load", str(records), "--db", str(db)]


def wait_for(condition, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while not (found := condition()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return found


def test_a_killed_load_leaves_no_helper_process(large_records, tmp_path):
    process = psutil.Popen(load_command(large_records, tmp_path / "facts.sqlite"), env=ENV,
                           stderr=subprocess.DEVNULL)
    helpers = wait_for(lambda: process.children(recursive=True))
    assert helpers, "load started no helper process"
    process.kill()
    process.wait()
    _, alive = psutil.wait_procs(helpers, timeout=15)
    assert not alive, f"still running after their parent was killed: {alive}"
