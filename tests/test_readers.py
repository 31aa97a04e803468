"""Readers: every input format yields its articles in order; unusable inputs yield Failures in place."""

from __future__ import annotations

import gzip
import io
import json

from pipeline.readers import read_inputs
from pipeline.records import Failure, RawPage


def kinds(items):
    return [item.kind if isinstance(item, Failure) else "page" for item in items]


def test_read_directory_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two")
    (tmp_path / "a.html").write_text("<p>one</p>")
    (tmp_path / ".hidden").write_text("skipped")
    items = list(read_inputs([str(tmp_path)]))
    assert [item.source.path for item in items] == [str(tmp_path / "a.html"), str(tmp_path / "b" / "2.txt")]
    assert [item.format for item in items] == ["html", "text"]


def test_read_jsonl_lines_with_url_and_published(tmp_path):
    path = tmp_path / "pages.jsonl"
    path.write_text("\n".join([
        json.dumps({"url": "https://example.org/1", "text": "first", "published": "2025-01-02T10:00:00"}),
        "",
        json.dumps({"html": "<p>second</p>"}),
    ]))
    first, second = read_inputs([str(path)])
    assert (first.data, first.format, first.published, first.source.url, first.source.line) == (
        "first", "text", "2025-01-02T10:00:00", "https://example.org/1", 1)
    assert (second.format, second.source.line) == ("html", 3)


def test_read_jsonl_bad_lines_become_failures_and_reading_goes_on(tmp_path):
    path = tmp_path / "pages.jsonl"
    path.write_text('{"text": "ok"}\n{not json\n[1, 2]\n{"url": "x"}\n{"text": "last"}\n')
    items = list(read_inputs([str(path)]))
    assert kinds(items) == ["page", "json", "json", "json", "page"]
    assert "line 2 is not JSON" in items[1].message
    assert items[4].source.line == 5


def test_read_gzip_page_and_gzip_jsonl(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"gz page"))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b'{"text": "one"}\n{"text": "two"}\n'))
    items = list(read_inputs([str(tmp_path)]))
    assert [item.data for item in items] == [b"gz page", "one", "two"]
    assert items[0].format == "text"


def test_read_corrupt_gzip_is_a_failure(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(b"\x1f\x8b\x08\x00garbage-not-deflate")
    (item,) = read_inputs([str(tmp_path / "a.txt.gz")])
    assert item.kind == "archive" and "corrupt gzip" in item.message


def test_read_unreadable_file_is_a_failure(tmp_path):
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "ok.txt").write_text("fine")
    items = list(read_inputs([str(tmp_path)]))
    assert kinds(items) == ["unreadable", "page"]
    assert "cannot read" in items[0].message


def test_read_page_over_limit_is_not_read(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"x" * 2000)
    (item,) = read_inputs([str(tmp_path / "big.txt")], max_bytes=1000)
    assert item.kind == "too_large" and "1,000-byte limit" in item.message


def test_read_stdin_page_and_stdin_jsonl():
    (page,) = read_inputs(["-"], stdin=io.BufferedReader(io.BytesIO(b"plain page")))
    assert isinstance(page, RawPage) and page.data == b"plain page" and page.source.path == "-"
    items = list(read_inputs(["-"], stdin=io.BufferedReader(io.BytesIO(b'{"text": "a"}\n{"text": "b"}\n'))))
    assert [item.data for item in items] == ["a", "b"]
