"""The store under several processes: a killed load leaves nothing running; two loads into one store wait in turn."""

from __future__ import annotations

import os
import sqlite3
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


def test_two_loads_into_one_store_take_turns(large_records, synthetic_record, tmp_path):
    db = tmp_path / "facts.sqlite"
    small = tmp_path / "small.jsonl"
    small.write_bytes(b"".join(orjson.dumps(synthetic_record(n)) + b"\n" for n in range(10_000, 10_010)))
    first = subprocess.Popen(load_command(large_records, db), env=ENV, stderr=subprocess.PIPE, text=True)
    assert wait_for(lambda: db.exists() and db.stat().st_size > 0), "the first load never started writing"
    second = subprocess.run(load_command(small, db), env=ENV, capture_output=True, text=True, timeout=300)
    _, first_errors = first.communicate(timeout=300)
    assert (first.returncode, second.returncode) == (0, 0), first_errors + second.stderr
    assert "another load into this store is running; waiting for it to finish" in second.stderr
    assert "Traceback" not in first_errors + second.stderr
    records = sum(1 for _ in open(large_records, "rb")) + 10
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0] == records
