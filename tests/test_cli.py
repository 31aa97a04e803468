"""The `extract` command: one line per article in input order, error records for bad input, exit codes."""

from __future__ import annotations

import gzip
import shutil
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main

GOOD_PAGE = """Economy
Flag Sunday, 1 February 2026
All news
Economy
19 January 2026, 11:27

Belshina raises exports

BOBRUISK, 19 January (BelTA) – Belshina exported tyres to Russia in 2025.
Follow us on:
"""


def write_bad_inputs(directory: Path) -> list[str]:
    """One good page and one of every kind of bad input; returns the expected kinds in read order."""
    (directory / "01_good.txt").write_text(GOOD_PAGE, encoding="utf-8")
    (directory / "02_empty.txt").write_bytes(b"")
    (directory / "03_binary.txt").write_bytes(b"\x00\x01\x02\xff" * 64)
    (directory / "04_latin1.txt").write_bytes(GOOD_PAGE.replace("–", "-").encode("utf-8") + "café".encode("latin-1"))
    (directory / "05_nobody.html").write_text("<html><body><nav>All news</nav></body></html>")
    (directory / "06_pages.jsonl").write_text('{"text": %s}\nnot json\n' % json.dumps(GOOD_PAGE))
    (directory / "07_unreadable.txt").symlink_to(directory / "missing")
    (directory / "08_good.txt.gz").write_bytes(gzip.compress(GOOD_PAGE.encode("utf-8"), mtime=0))
    return ["record", "empty", "binary", "encoding", "no_body", "record", "json", "unreadable", "record"]


def run(args: list[str]):
    return CliRunner().invoke(main, args, catch_exceptions=False)


def test_extract_bad_inputs_give_error_records_in_place(tmp_path, record_validator):
    (tmp_path / "in").mkdir()
    expected = write_bad_inputs(tmp_path / "in")
    out = tmp_path / "records.jsonl"
    result = run(["extract", str(tmp_path / "in"), "-o", str(out), "--workers", "1"])
    records = [record_validator(json.loads(line)) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["error"]["kind"] if "error" in r else "record" for r in records] == expected
    assert all(r["error"]["message"] for r in records if "error" in r)
    assert result.exit_code == 1
    assert "9 articles in" in result.stderr and "unreadable 1" in result.stderr


def test_extract_success_exit_code_zero_and_stdout(tmp_path, record_validator):
    (tmp_path / "a.txt").write_text(GOOD_PAGE, encoding="utf-8")
    result = run(["extract", str(tmp_path / "a.txt"), "--workers", "1", "--quiet"])
    assert result.exit_code == 0
    (line,) = result.stdout.splitlines()
    record = record_validator(json.loads(line))
    assert record["title"] == "Belshina raises exports" and record["published"] == "2026-01-19T11:27:00"


def test_extract_output_is_deterministic(tmp_path):
    (tmp_path / "in").mkdir()
    write_bad_inputs(tmp_path / "in")
    outputs = []
    for name in ("one.jsonl", "two.jsonl"):
        run(["extract", str(tmp_path / "in"), "-o", str(tmp_path / name), "--workers", "1", "--quiet"])
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1] and outputs[0]


@pytest.mark.parametrize(("args", "message"), [
    (["extract", "/no/such/file.txt"], "does not exist"),
    (["extract"], "Missing argument"),
    (["extract", "-", "--workers", "0"], "--workers"),
    (["extract", "-", "--bogus"], "No such option"),
])
def test_extract_unusable_arguments_exit_2_with_reason(args, message):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_module_and_console_script_entry_points(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_PAGE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(tmp_path / "a.txt"), "--workers", "1",
                           "--quiet"], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)["dateline"] == {"place": "BOBRUISK", "date": "2026-01-19"}
    script = Path(sys.executable).with_name("belta-pipeline")
    assert "extract" in subprocess.run([str(script), "--help"], capture_output=True, text=True, check=True).stdout


def test_extract_reads_date_words_and_claim_cues_from_models_dir(tmp_path):
    """--models-dir reaches every stage: without "December" among its months and "said" among its speech
    cues, the month is no date and the sentence has no speaker."""
    from pipeline.resources import MODELS_DIR

    models = tmp_path / "models"
    shutil.copytree(MODELS_DIR, models)
    for name, dropped in (("date_words.jsonl", '"word": "December"'), ("claim_cues.jsonl", '"cue": "said"')):
        path = models / name
        kept = [line for line in path.read_text(encoding="utf-8").splitlines() if dropped not in line]
        path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    page = tmp_path / "a.txt"
    page.write_text(GOOD_PAGE.replace(
        "Belshina exported tyres to Russia in 2025.",
        "Belshina exported tyres to Russia in 2025, Director General Ivan Petrov said.\n"
        "The plant will open a warehouse in December."), encoding="utf-8")
    default = json.loads(run(["extract", str(page), "--workers", "1", "-q"]).stdout)
    custom = json.loads(run(["extract", str(page), "--workers", "1", "-q", "--models-dir", str(models)]).stdout)
    assert [d["text"] for d in default["dates"]] == ["2025", "December"]
    assert [c["speaker"] for c in default["claims"]] == ["Ivan Petrov", None]
    assert [d["text"] for d in custom["dates"]] == ["2025"]
    assert [c["speaker"] for c in custom["claims"]] == [None]


def one_line_error(result) -> str:
    """The reason of a command refused in one line with exit code 2."""
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.splitlines()
    return line


@pytest.mark.parametrize("output", ["{in}/a.txt", "{in}/out.jsonl", "{in}/sub/out.jsonl", "{link}/out.jsonl"])
def test_extract_refuses_an_output_that_is_an_input_or_inside_one(tmp_path, output):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD_PAGE, encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "in")
    before = sorted(path.name for path in (tmp_path / "in").rglob("*"))
    out = output.format(**{"in": tmp_path / "in", "link": tmp_path / "link"})
    line = one_line_error(CliRunner().invoke(main, ["extract", str(tmp_path / "in"), str(tmp_path / "in" / "a.txt"),
                                                    "-o", out]))
    assert "is also an input" in line or "is inside the input directory" in line
    assert sorted(path.name for path in (tmp_path / "in").rglob("*")) == before


@pytest.mark.parametrize(("output", "reason"), [
    ("/sys/out.jsonl", "cannot write /sys/out.jsonl.part: "),  # /sys: a folder nobody may write to, root included
    ("/sys/belta/out.jsonl", "cannot create /sys/belta: "),
    ("{tmp}", "is a directory; name a file in it"),
    ("{tmp}/" + "a" * 246 + ".jsonl", "the file name is too long for"),
])
def test_extract_output_that_cannot_be_written_is_refused_before_the_work(tmp_path, output, reason):
    (tmp_path / "a.txt").write_text(GOOD_PAGE, encoding="utf-8")
    line = one_line_error(CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), "-o",
                                                    output.format(tmp=tmp_path)]))
    assert reason in line


def test_extract_onto_a_full_disk_stops_in_one_line_and_keeps_no_temporary_file(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_PAGE, encoding="utf-8")
    (tmp_path / "out.jsonl.part").symlink_to("/dev/full")  # every write to it fails as on a full disk
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out.jsonl"),
                                       "--workers", "1", "--quiet"])
    assert "No space left on device" in one_line_error(result)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.txt", "out.jsonl.part"]


def test_extract_with_a_model_that_is_not_installed_says_so_in_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_PAGE, encoding="utf-8")
    line = one_line_error(CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), "--model", "no_such_model",
                                                    "--workers", "1"]))
    assert "spaCy model 'no_such_model' is not installed" in line
