"""The progress bar: rate and, once counted, total and ETA on a terminal; silent otherwise."""

from __future__ import annotations

import io
import time

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.cli.progress import progress_bar


def test_progress_bar_learns_the_total_from_the_background_count(monkeypatch):
    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    with progress_bar(enabled=True, initial=2, count_total=lambda: 9) as bar:
        deadline = time.monotonic() + 10
        while bar.total is None and time.monotonic() < deadline:
            time.sleep(0.01)
        bar.update(3)
        bar.refresh()
    assert "5/9" in stream.getvalue()


def test_progress_bar_disabled_writes_nothing(monkeypatch):
    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    with progress_bar(enabled=False, initial=0, count_total=lambda: 9) as bar:
        bar.update(4)
    assert stream.getvalue() == ""


def test_extract_off_a_terminal_prints_only_the_summary(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text("A headline\n\nMINSK, 19 January (BelTA) – Exports grew by 12% in 2025.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(page), "-o", str(tmp_path / "out.jsonl"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    (summary,) = result.stderr.splitlines()
    assert summary.startswith("1 articles in, 1 records out, errors: none;")
