"""Readers: every input format yields its articles in order; unusable inputs yield Failures in place."""

from __future__ import annotations

import gzip
import io
import json
import os
import threading

from pipeline.readers import read_inputs
from pipeline.types import Failure, RawPage


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
        json.dumps({"url": "https://example.org/1", "text": "first", "published": "2025-01-02T10:00:00",
                    "title": "A title"}),
        "",
        json.dumps({"html": "<p>second</p>"}),
    ]))
    first, second = read_inputs([str(path)])
    assert (first.data, first.format, first.published, first.title, first.source.url, first.source.line) == (
        "first", "body", "2025-01-02T10:00:00", "A title", "https://example.org/1", 1)
    assert (second.format, second.title, second.source.line) == ("html", None, 3)


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


def finished_within(seconds: float, function):
    """`function()`'s result, or a test failure if it has not returned after `seconds` (it may hang for ever)."""
    result = []
    worker = threading.Thread(target=lambda: result.append(function()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert result, f"still running after {seconds} s"
    return result[0]


def test_read_a_device_is_capped_like_a_file():
    (item,) = finished_within(10, lambda: list(read_inputs(["/dev/zero"], max_bytes=1000)))
    assert item.kind == "too_large"


def test_read_a_fifo_in_a_directory_is_skipped_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "a-feed.txt")
    (tmp_path / "b.txt").write_text("page")
    items = finished_within(10, lambda: list(read_inputs([str(tmp_path)])))
    assert kinds(items) == ["unreadable", "page"]
    assert "not a regular file" in items[0].message


def pipe_path(data: bytes) -> str:
    """A path like bash's `<(...)`: the read end of a pipe that a thread fills with `data`."""
    read_end, write_end = os.pipe()

    def fill():
        with os.fdopen(write_end, "wb") as stream:
            stream.write(data)

    threading.Thread(target=fill, daemon=True).start()
    return f"/dev/fd/{read_end}"


def test_read_jsonl_from_a_pipe_gives_one_page_per_line():
    lines = b"".join(json.dumps({"text": f"article {n}"}).encode() + b"\n" for n in range(5))
    path = pipe_path(lines)
    items = finished_within(10, lambda: list(read_inputs([path])))
    assert [item.data for item in items] == [f"article {n}" for n in range(5)]
    assert [item.source.line for item in items] == [1, 2, 3, 4, 5]


def test_read_a_page_from_a_pipe():
    path = pipe_path(b"A headline\n\nMINSK (BelTA) - Body.")
    (item,) = finished_within(10, lambda: list(read_inputs([path])))
    assert item.data == b"A headline\n\nMINSK (BelTA) - Body." and item.source.path == path


def test_progress_count_never_reads_a_stream(tmp_path):
    from pipeline.cli.extract import article_counter

    (tmp_path / "a.txt").write_text("page")
    os.mkfifo(tmp_path / "feed")
    assert article_counter((str(tmp_path),), 1000)() == 2  # the page and the FIFO's error record
    assert article_counter((str(tmp_path / "a.txt"), str(tmp_path / "feed")), 1000) is None
    assert article_counter((pipe_path(b"{}\n"),), 1000) is None
    assert article_counter(("-",), 1000) is None


def test_read_a_tree_deeper_than_the_python_stack(tmp_path):
    deepest = tmp_path
    for _ in range(1_100):
        deepest = deepest / "d"
        deepest.mkdir()
    (deepest / "page.txt").write_text("deep")
    (tmp_path / "top.txt").write_text("top")
    try:
        assert [item.data for item in read_inputs([str(tmp_path)])] == [b"top", b"deep"]
    finally:
        (deepest / "page.txt").unlink()
        while deepest != tmp_path:  # shutil.rmtree, which pytest cleans up with, recurses too
            deepest.rmdir()
            deepest = deepest.parent


def test_read_directory_follows_links_inside_the_tree_only(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("outside")
    tree = tmp_path / "in"
    (tree / "sub").mkdir(parents=True)
    (tree / "sub" / "page.txt").write_text("inside")
    (tree / "a-inner.txt").symlink_to(tree / "sub" / "page.txt")
    (tree / "b-outer.txt").symlink_to(outside)
    (tree / "c-dir").symlink_to(tmp_path)
    items = list(read_inputs([str(tree)]))
    assert kinds(items) == ["page", "unsafe_path", "page"]
    assert items[0].data == b"inside" and "outside" in items[1].message
