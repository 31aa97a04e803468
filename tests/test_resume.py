"""Resumable runs: killed (SIGKILL) any number of times and resumed, a run writes what an uninterrupted one does."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from pipeline.checkpoint import OutputError, Progress, ResumableWriter, checkpoint_path, is_complete, part_path
from pipeline.cli import main
from pipeline.readers import input_manifest

from .conftest import ROOT

ARTICLES = 80
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def extract_command(corpus: Path, output: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", "extract", str(corpus), "-o", str(output), "--workers", "1",
            "--batch-size", "4", "--quiet", *extra]


@pytest.fixture(scope="module")
def corpus(bench_corpus) -> Path:
    return bench_corpus(ARTICLES)


@pytest.fixture(scope="module")
def uninterrupted(corpus, tmp_path_factory) -> bytes:
    output = tmp_path_factory.mktemp("reference") / "records.jsonl"
    subprocess.run(extract_command(corpus, output), check=True, env=ENV, timeout=300)
    return output.read_bytes()


def line(n: int, *, error: str | None = None) -> bytes:
    record = {"n": n, "error": {"kind": error}} if error else {"n": n}
    return orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)


def checkpointed(output: Path) -> int:
    path = checkpoint_path(output)
    return Progress.from_json(path.read_bytes()).articles if path.exists() else 0


def run_until_killed(command: list[str], output: Path, rng: random.Random) -> None:
    """Start a run and SIGKILL it at a random moment after it has checkpointed some progress."""
    start = checkpointed(output)
    process = subprocess.Popen(command, env=ENV)
    deadline = time.monotonic() + 120
    while checkpointed(output) == start and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(rng.uniform(0, 0.8))  # lands anywhere: mid-batch, mid-write, mid-checkpoint
    process.send_signal(signal.SIGKILL)
    process.wait()


@pytest.mark.parametrize("kills", [1, 5])
def test_resume_after_kills_gives_the_uninterrupted_output(corpus, uninterrupted, tmp_path, kills):
    output = tmp_path / "records.jsonl"
    rng = random.Random(kills)
    resumed_from = []
    for _ in range(kills):
        run_until_killed(extract_command(corpus, output, "--resume"), output, rng)
        resumed_from.append(checkpointed(output))
    subprocess.run(extract_command(corpus, output, "--resume"), check=True, env=ENV, timeout=300)
    assert any(0 < done < ARTICLES for done in resumed_from), f"no kill landed mid-run: {resumed_from}"
    assert output.read_bytes() == uninterrupted
    assert is_complete(output)


def test_resume_without_a_checkpoint_starts_from_the_beginning(corpus, uninterrupted, tmp_path):
    output = tmp_path / "records.jsonl"
    part_path(output).write_bytes(b'{"half a li')
    subprocess.run(extract_command(corpus, output, "--resume"), check=True, env=ENV, timeout=300)
    assert output.read_bytes() == uninterrupted


def test_writer_resume_drops_the_tail_written_after_the_checkpoint(tmp_path):
    output = tmp_path / "out.jsonl"
    writer = ResumableWriter(output, inputs=["in"])
    writer.write_batch([line(0), line(1, error="json")])
    writer.save()
    writer.write_batch([line(2)])
    writer._file.write(b'{"n": 3, "half')  # what a kill in mid-write leaves
    writer._file.flush()
    resumed = ResumableWriter(output, inputs=["in"], resume=True)
    assert (resumed.done, resumed.progress.records, dict(resumed.progress.errors)) == (2, 1, {"json": 1})
    resumed.write_batch([line(2), line(3)])
    resumed.finish()
    assert output.read_bytes() == b"".join(line(n, error="json" if n == 1 else None) for n in range(4))
    assert not part_path(output).exists() and not checkpoint_path(output).exists()


def test_writer_checkpoint_is_never_ahead_of_the_output(tmp_path):
    output = tmp_path / "out.jsonl"
    writer = ResumableWriter(output, inputs=["in"], interval=0)
    for n in range(5):
        writer.write_batch([line(n)])
        saved = Progress.from_json(checkpoint_path(output).read_bytes())
        assert saved.articles == n + 1
        assert part_path(output).read_bytes()[: saved.size].count(b"\n") == saved.articles


def test_resume_of_other_inputs_is_a_usage_error(tmp_path):
    output = tmp_path / "out.jsonl"
    ResumableWriter(output, inputs=["a.jsonl"]).close()
    source = tmp_path / "b.txt"
    source.write_text("x")
    result = CliRunner().invoke(main, ["extract", str(source), "-o", str(output), "--resume"])
    assert result.exit_code == 2
    assert "belongs to a run over ['a.jsonl']" in result.output


def test_resume_of_a_complete_run_does_nothing(tmp_path):
    output = tmp_path / "out.jsonl"
    output.write_bytes(line(0))
    source = tmp_path / "in.txt"
    source.write_text("x")
    result = CliRunner().invoke(main, ["extract", str(source), "-o", str(output), "--resume"])
    assert result.exit_code == 0
    assert "nothing to resume" in result.output
    assert output.read_bytes() == line(0)


def test_resume_to_standard_output_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--resume"])
    assert result.exit_code == 2
    assert "standard output cannot be resumed" in result.output


def test_resume_after_the_inputs_changed_is_refused(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("A headline\n\nMINSK (BelTA) – Body.")
    output = tmp_path / "out.jsonl"
    manifest = input_manifest([str(inputs)])
    ResumableWriter(output, inputs=[str(inputs)], manifest=manifest).close()
    (inputs / "b.txt").write_text("A file added after the run was stopped.")
    result = CliRunner().invoke(main, ["extract", str(inputs), "-o", str(output), "--resume"])
    assert result.exit_code == 2
    assert "the inputs changed since the stopped run (1 files of 35 bytes then, 2 files" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_input_manifest_sees_files_added_removed_and_rewritten(tmp_path):
    (tmp_path / "a.txt").write_text("one")
    first = input_manifest([str(tmp_path)])
    assert first == input_manifest([str(tmp_path)]) and first["files"] == 1 and first["bytes"] == 3
    os.utime(tmp_path / "a.txt", ns=(1, 1))
    rewritten = input_manifest([str(tmp_path)])
    (tmp_path / "b.txt").write_text("two")
    added = input_manifest([str(tmp_path)])
    (tmp_path / "a.txt").unlink()
    removed = input_manifest([str(tmp_path)])
    assert len({first["digest"], rewritten["digest"], added["digest"], removed["digest"]}) == 4


@pytest.mark.parametrize("checkpoint", [b"", b'{"version": 2, "inpu', b"[]", b'{"version": 2, "inputs": []}',
                                        b'{"version": 2, "inputs": [], "manifest": {}, "articles": -1, '
                                        b'"records": 0, "errors": {}, "size": 0}'])
def test_resume_from_a_corrupt_checkpoint_is_refused_in_one_line(tmp_path, checkpoint):
    source = tmp_path / "in.txt"
    source.write_text("x")
    output = tmp_path / "out.jsonl"
    part_path(output).write_bytes(b"")
    checkpoint_path(output).write_bytes(checkpoint)
    result = CliRunner().invoke(main, ["extract", str(source), "-o", str(output), "--resume"])
    assert result.exit_code == 2
    (message,) = result.stderr.splitlines()
    assert "run without --resume to start over" in message


def test_writer_whose_checkpoint_cannot_be_written_leaves_no_temporary_file(tmp_path):
    output = tmp_path / "out.jsonl"
    writer = ResumableWriter(output, inputs=["in"])
    writer.write_batch([line(0)])
    writer.save()
    temporary = checkpoint_path(output).with_name("out.jsonl.ckpt.tmp")
    temporary.symlink_to("/dev/full")  # writes to it fail as on a full disk
    writer.write_batch([line(1)])
    with pytest.raises(OutputError, match="No space left on device"):
        writer.save()
    assert not os.path.lexists(temporary)
    assert Progress.from_json(checkpoint_path(output).read_bytes()).articles == 1
