"""Archives and hostile input: every bad member becomes an error record, the run goes on, nothing is written."""

from __future__ import annotations

import gzip
import io
import os
import stat
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import orjson
import pytest

from pipeline.readers import read_inputs
from pipeline.types import Failure, RawPage

from .conftest import ROOT

PAGE = ("19 January 2026, 11:27\n\nA headline\n\n"
        "MINSK, 19 January (BelTA) – Minsk Tractor Works raised exports by 12% in 2025.\n").encode()
MAX_BYTES = 1024 * 1024
BOMB_SIZE = 64 * 1024 * 1024  # expands 64 MiB of zeros from a member of about 64 KiB


def kinds(items) -> list[str]:
    return ["page" if isinstance(item, RawPage) else item.kind for item in items]


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def write_tar(path: Path, members: dict[str, bytes], *, symlink: str | None = None) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        if symlink:
            link = tarfile.TarInfo(symlink)
            link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
            archive.addfile(link)
    return path


@pytest.mark.parametrize("name", ["../../x.txt", "/abs/x.txt", "a/../../x.txt", "C:\\x.txt", "..\\..\\x.txt"])
def test_zip_member_with_unsafe_path_is_an_error_and_the_rest_is_read(tmp_path, name):
    archive = write_zip(tmp_path / "a.zip", {"good1.txt": PAGE, name: PAGE, "good2.txt": PAGE})
    items = list(read_inputs([str(archive)]))
    assert kinds(items) == ["page", "unsafe_path", "page"]
    assert items[1].source.member == name


def test_tar_member_with_unsafe_path_or_link_is_an_error_and_the_rest_is_read(tmp_path):
    archive = write_tar(tmp_path / "a.tar.gz", {"good1.txt": PAGE, "../../x.txt": PAGE, "good2.txt": PAGE},
                        symlink="evil.txt")
    assert kinds(read_inputs([str(archive)])) == ["page", "unsafe_path", "page", "unsafe_path"]


@pytest.mark.parametrize("suffix", [".zip", ".tar.gz"])
def test_zip_bomb_member_is_too_large_without_being_expanded(tmp_path, suffix):
    members = {"bomb.txt": bytes(BOMB_SIZE), "good.txt": PAGE}
    archive = (write_zip if suffix == ".zip" else write_tar)(tmp_path / f"a{suffix}", members)
    assert archive.stat().st_size < BOMB_SIZE // 100
    assert kinds(read_inputs([str(archive)], max_bytes=MAX_BYTES)) == ["too_large", "page"]


def test_gzip_bomb_inside_an_archive_is_read_no_further_than_the_limit(tmp_path):
    # The member's own size is small; only its gzip content expands.
    archive = write_zip(tmp_path / "a.zip", {"bomb.txt.gz": gzip.compress(bytes(BOMB_SIZE)), "good.txt": PAGE})
    assert kinds(read_inputs([str(archive)], max_bytes=MAX_BYTES)) == ["too_large", "page"]


def test_jsonl_line_over_the_limit_is_skipped_and_the_next_lines_read(tmp_path):
    line = orjson.dumps({"text": PAGE.decode()}) + b"\n"
    huge = orjson.dumps({"text": "x" * (3 * MAX_BYTES)}) + b"\n"
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress(line + huge + line))
    items = list(read_inputs([str(path)], max_bytes=MAX_BYTES))
    assert kinds(items) == ["page", "too_large", "page"]
    assert [item.source.line for item in items] == [1, 2, 3]


def test_page_of_50_mb_is_too_large(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as file:
        file.truncate(50 * 1024 * 1024)
    (item,) = read_inputs([str(path)])
    assert isinstance(item, Failure) and item.kind == "too_large"


@pytest.mark.parametrize(("name", "data"), [
    ("bad.txt.gz", b"\x1f\x8b\x08\x00 this is not deflate data at all"),
    ("bad.jsonl.gz", b"not gzip at all"),
    ("cut.txt.gz", gzip.compress(PAGE * 50)[:60]),
])
def test_corrupt_gzip_is_an_archive_error(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    assert kinds(read_inputs([str(path)])) == ["archive"]


def test_truncated_jsonl_gz_keeps_the_lines_before_the_damage(tmp_path):
    lines = [orjson.dumps({"text": PAGE.decode(), "pad": os.urandom(2000).hex()}) + b"\n" for _ in range(20)]
    data = gzip.compress(b"".join(lines))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    found = kinds(read_inputs([str(path)]))
    assert found[-1] == "archive" and set(found[:-1]) == {"page"} and len(found) > 1


def test_corrupt_zip_is_an_archive_error(tmp_path):
    path = tmp_path / "bad.zip"
    path.write_bytes(b"PK\x03\x04 truncated")
    assert kinds(read_inputs([str(path)])) == ["archive"]


def tree(root: Path) -> dict[str, int]:
    return {str(path.relative_to(root)): path.stat().st_size for path in root.rglob("*")}


def test_run_over_hostile_inputs_goes_on_and_writes_only_its_output(tmp_path):
    work = tmp_path / "deep" / "work"
    inputs = work / "in"
    inputs.mkdir(parents=True)
    write_zip(inputs / "a.zip", {"../../x.txt": PAGE, "bomb.txt": bytes(BOMB_SIZE), "good.txt": PAGE})
    write_tar(inputs / "b.tar.gz", {"../../../y.txt": PAGE, "good.txt": PAGE}, symlink="link.txt")
    (inputs / "c.txt.gz").write_bytes(b"\x1f\x8b\x08\x00 corrupt")
    with open(inputs / "d.txt", "wb") as file:
        file.truncate(50 * 1024 * 1024)
    (inputs / "e.txt").write_bytes(PAGE)
    before = tree(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", "in", "-o", "out/records.jsonl", "--workers", "1",
         "--max-bytes", str(MAX_BYTES), "--quiet"],
        cwd=work, capture_output=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 1, result.stderr.decode()
    lines = [orjson.loads(line) for line in (work / "out" / "records.jsonl").read_bytes().splitlines()]
    found = [line["error"]["kind"] if "error" in line else "record" for line in lines]
    assert found == ["unsafe_path", "too_large", "record", "unsafe_path", "record", "unsafe_path", "archive",
                     "too_large", "record"]
    after = tree(tmp_path)
    assert {name for name in after if not name.startswith("deep/work/out")} == set(before)
    assert set(tree(work / "out")) == {"records.jsonl"}


def test_zip_member_with_an_unknown_compression_method_is_an_archive_error(tmp_path):
    path = write_zip(tmp_path / "a.zip", {"odd.txt": PAGE, "good.txt": PAGE})
    data = bytearray(path.read_bytes())
    local, central = data.index(b"PK\x03\x04"), data.index(b"PK\x01\x02")
    data[local + 8:local + 10] = data[central + 10:central + 12] = (99).to_bytes(2, "little")  # 99: AES
    path.write_bytes(bytes(data))
    assert kinds(read_inputs([str(path)])) == ["archive", "page"]


def test_names_that_are_not_utf8_are_shown_as_escapes_and_the_run_goes_on(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / os.fsdecode(b"caf\xe9.txt")).write_bytes(PAGE)
    with tarfile.open(inputs / "b.tar", "w", encoding="utf-8", errors="surrogateescape") as archive:
        info = tarfile.TarInfo(os.fsdecode(b"r\xe9sum\xe9.txt"))
        info.size = len(PAGE)
        archive.addfile(info, io.BytesIO(PAGE))
    output = tmp_path / "records.jsonl"
    result = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(inputs), "-o", str(output),
                             "--workers", "1", "--quiet"],
                            capture_output=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr.decode()
    sources = [orjson.loads(line)["source"] for line in output.read_bytes().splitlines()]
    assert [(s["path"], s.get("member")) for s in sources] == [
        (str(inputs / "b.tar"), "r\\xe9sum\\xe9.txt"), (str(inputs / "caf\\xe9.txt"), None)]


def test_zip_whose_names_are_flagged_utf8_but_are_not_is_an_archive_error(tmp_path):
    path = write_zip(tmp_path / "a.zip", {"cafX.txt": PAGE})
    data = bytearray(path.read_bytes().replace(b"cafX", b"caf\xe9"))
    local, central = data.index(b"PK\x03\x04"), data.index(b"PK\x01\x02")
    for flags in (local + 6, central + 8):  # general purpose bit 11: names are UTF-8
        data[flags + 1] |= 0x08
    path.write_bytes(bytes(data))
    (item,) = read_inputs([str(path)])
    assert item.kind == "archive" and "flagged UTF-8" in item.message


def test_zip_symlink_member_is_unsafe_and_not_read_as_a_page(tmp_path):
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("good.txt", PAGE)
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16  # what `zip --symlinks` writes
        archive.writestr(link, "/etc/passwd")
    items = list(read_inputs([str(path)]))
    assert kinds(items) == ["page", "unsafe_path"]
    assert items[1].source.member == "link.txt" and "is a link" in items[1].message
