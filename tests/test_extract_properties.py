"""Property: whatever the input (random bytes, random JSON Lines, random archive layouts), `extract` writes one
line per article, each a valid record or an error record, exits 0 or 1, and writes nothing outside its output."""

from __future__ import annotations

import io
import json
import tarfile
import tempfile
import zipfile
from pathlib import Path
from unittest import mock

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.cli import main

MAX_BYTES = 600  # small, so that some pages and lines are too large
LINES = ["19 January 2026, 11:27", "31 February 2026, 11:27", "19 January 2026, 99:27", "01.02.2026", "A headline",
         "Menu", "MINSK, 19 January (BelTA) – Minsk Tractor Works exported $12 million in 2025.", "GOMEL (BelTA) - ",
         "Follow us on:", "Back", "<html><body><p>", "</p></body></html>", "", "\x00", "«Кирилица»", "A" * 300]

def dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()  # unlike orjson, takes integers of any size


page_text = st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=40)), max_size=8).map("\n".join)
page_bytes = st.one_of(
    st.binary(max_size=200),
    page_text.map(lambda text: text.encode("utf-8")),
    page_text.map(lambda text: text.encode("cp1251", errors="ignore")),
    page_text.map(lambda text: ("\ufeff" + text).encode("utf-16")),
    page_text.map(lambda text: text.encode("utf-8") * 40),  # over MAX_BYTES
)
json_value = st.one_of(st.none(), st.integers(), st.text(max_size=20), page_text)
json_line = st.one_of(
    st.binary(max_size=60).map(lambda data: data.replace(b"\n", b" ")),  # not JSON (or JSON by chance)
    st.fixed_dictionaries({}, optional={"url": json_value, "text": json_value, "html": json_value,
                                        "title": json_value, "published": json_value})
    .map(dumps),
    st.lists(st.integers(), max_size=3).map(dumps),
)
jsonl_bytes = st.lists(json_line, max_size=5).map(lambda lines: b"\n".join(lines))
suffixes = st.sampled_from([".txt", ".html", "", ".jsonl"])
member_name = st.tuples(st.sampled_from(["a", "b/c", "../up", "/abs", "d/e/f", ".hidden"]), suffixes)


@st.composite
def input_files(draw) -> dict[str, bytes]:
    """File name -> content: pages, JSON Lines, .zip and .tar.gz archives of them."""
    files = {}
    for number in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["page", "jsonl", "zip", "tar.gz"]))
        if kind == "page":
            files[f"{number}{draw(st.sampled_from(['.txt', '.html', '']))}"] = draw(page_bytes)
        elif kind == "jsonl":
            files[f"{number}.jsonl"] = draw(jsonl_bytes)
        else:
            members = {}
            for stem, suffix in draw(st.lists(member_name, max_size=4, unique=True)):
                members[f"{stem}-{len(members)}{suffix}"] = draw(jsonl_bytes if suffix == ".jsonl" else page_bytes)
            files[f"{number}.{kind}"] = archive(kind, members)
    return files


def archive(kind: str, members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    if kind == "zip":
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
            for name, data in members.items():
                zipped.writestr(name, data)
    else:
        with tarfile.open(fileobj=buffer, mode="w:gz") as tarred:
            for name, data in members.items():
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tarred.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def articles_in(name: str, data: bytes) -> int:
    """How many articles a file holds, worked out from what was generated (not by the readers)."""
    if name.endswith(".jsonl"):
        return sum(1 for line in data.split(b"\n") if line.strip())
    if name.endswith((".zip", ".tar.gz")):
        # A member whose path leaves the archive is one unsafe_path error record, whatever it holds.
        return sum(1 if member.startswith(("/", "../")) else articles_in(member, content)
                   for member, content in _members(name, data).items())
    return 1


def _members(name: str, data: bytes) -> dict[str, bytes]:
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as zipped:
            return {info.filename: zipped.read(info) for info in zipped.infolist()}
    with tarfile.open(fileobj=io.BytesIO(data)) as tarred:
        return {info.name: tarred.extractfile(info).read() for info in tarred.getmembers()}


def tree(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(files=input_files())
def test_extract_gives_one_valid_line_per_article_and_writes_only_its_output(processor, record_validator, files):
    with tempfile.TemporaryDirectory() as directory, mock.patch("pipeline.process.ArticleProcessor",
                                                                 lambda settings: processor):
        root = Path(directory)
        (root / "in").mkdir()
        for name, data in files.items():
            (root / "in" / name).write_bytes(data)
        before = tree(root)
        result = CliRunner().invoke(main, ["extract", str(root / "in"), "-o", str(root / "out" / "records.jsonl"),
                                           "--workers", "1", "--batch-size", "3", "--max-bytes", str(MAX_BYTES),
                                           "--quiet"])
        assert result.exit_code in (0, 1), result.output
        records = [json.loads(line) for line in (root / "out" / "records.jsonl").read_bytes().splitlines()]
        assert len(records) == sum(articles_in(name, data) for name, data in files.items())
        for record in records:
            if "error" in record:
                assert record["error"]["kind"] and record["error"]["message"]
            else:
                record_validator(record)
        assert result.exit_code == (1 if any("error" in record for record in records) else 0)
        after = tree(root)
        assert {name: data for name, data in after.items() if not name.startswith("out")} == before
        assert set(after) - set(before) == {"out/records.jsonl"}
