"""Readers: input paths in, `RawPage`s (or `Failure`s, one per unusable input) out, as a stream.

Handles plain text and HTML pages, JSON Lines of `{url, html|text, title?, published?}`,
directories (recursively, in sorted order), `.gz` files, `.zip` and `.tar[.gz]`
archives, pipes and `-` for standard input. Nothing is ever written to disk, and
nothing (file, member, pipe or device) is ever read past `max_bytes`, so archive
members with unsafe paths or zip bombs cost nothing but an error record.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import stat
import sys
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath
from typing import BinaryIO

import orjson

from pipeline.types import Failure, RawPage, Source

DEFAULT_MAX_BYTES = 8 * 1024 * 1024
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz")
GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)

ReadItem = RawPage | Failure


def read_inputs(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
                stdin: BinaryIO | None = None) -> Iterator[ReadItem]:
    """Yield every article of every input path, in order."""
    for path in paths:
        if path == "-":
            yield from _read_stream(stdin or sys.stdin.buffer, Source(path="-"), max_bytes)
        elif os.path.isdir(path):
            for file in walk(path):
                if isinstance(file, Failure):
                    yield file
                else:
                    yield from _read_file(file, max_bytes, in_directory=True)
        else:
            yield from _read_file(path, max_bytes, in_directory=False)


def is_stream(path: str) -> bool:
    """Standard input, a pipe (`<(...)`) or a device: its content can be read only once."""
    return path == "-" or (os.path.exists(path) and not os.path.isdir(path) and not os.path.isfile(path))


def walk(directory: str) -> Iterator[str | Failure]:
    """The files under `directory`, depth first in sorted order, hidden names skipped.

    Like `os.walk`, but without recursion: a tree can be deeper than Python's stack.
    Links to directories are not followed; a link to a file outside the tree is
    `unsafe_path`, and a directory that cannot be listed `unreadable`.
    """
    root = os.path.realpath(directory)
    pending = [directory]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as scan:
                entries = sorted((entry for entry in scan if not entry.name.startswith(".")),
                                 key=lambda entry: entry.name)
        except OSError as exc:
            source = Source(path=current)
            yield Failure(source=source, kind="unreadable", message=f"cannot list {source.path}: {exc.strerror}")
            continue
        subdirectories = []
        for entry in entries:
            if _is_directory(entry):
                if not entry.is_symlink():
                    subdirectories.append(entry.path)
            elif entry.is_symlink() and os.path.commonpath([root, os.path.realpath(entry.path)]) != root:
                source = Source(path=entry.path)
                yield Failure(source=source, kind="unsafe_path",
                              message=f"{source.path} links to a file outside {Source(path=directory).path}; skipped")
            else:
                yield entry.path
        pending.extend(reversed(subdirectories))


def input_manifest(paths: Iterable[str]) -> dict[str, int | str]:
    """What the inputs hold now: how many files, their bytes, and a digest of every file's name, size and
    modification time (a stream counts by its name only). Equal manifests: the same articles to read."""
    digest = hashlib.blake2b(digest_size=16)
    files = size = 0
    for path in paths:
        for file in walk(path) if os.path.isdir(path) else [path]:
            name = file.source.path if isinstance(file, Failure) else file
            digest.update(os.fsencode(name) + b"\0")
            try:
                status = os.stat(name)
            except OSError:
                continue
            if stat.S_ISREG(status.st_mode):
                files += 1
                size += status.st_size
                digest.update(f"{status.st_size} {status.st_mtime_ns}\0".encode())
    return {"files": files, "bytes": size, "digest": digest.hexdigest()}


def _is_directory(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # as os.walk: what cannot be looked at is taken for a file (and reading it says why)
        return False


def _format_of(name: str) -> str | None:
    lower = name.lower().removesuffix(".gz")
    if lower.endswith((".html", ".htm")):
        return "html"
    if lower.endswith(".txt"):
        return "text"
    return None


def _read_file(path: str, max_bytes: int, *, in_directory: bool) -> Iterator[ReadItem]:
    source = Source(path=path)
    lower = path.lower()
    try:
        status = os.stat(path)
        regular = stat.S_ISREG(status.st_mode)
        if not regular and in_directory:  # a FIFO nobody writes to would block the run for ever
            yield Failure(source=source, kind="unreadable",
                          message=f"{source.path} is not a regular file (a FIFO, socket or device); skipped")
        elif lower.endswith(JSONL_SUFFIXES):
            opener = gzip.open if lower.endswith(".gz") else open
            with opener(path, "rb") as stream:
                yield from _read_jsonl(stream, path, max_bytes)
        elif lower.endswith(".zip"):
            yield from _read_zip(path, max_bytes)
        elif lower.endswith(TAR_SUFFIXES):
            yield from _read_tar(path, max_bytes)
        elif lower.endswith(".gz"):
            with gzip.open(path, "rb") as stream:
                yield _read_capped(stream, source, max_bytes, _format_of(path))
        elif not regular:  # a pipe (`<(...)`) or a device named on the command line: read as it comes
            with open(path, "rb") as stream:
                yield from _read_stream(stream, source, max_bytes)
        elif status.st_size > max_bytes:
            yield _too_large(source, max_bytes)
        else:  # capped all the same: files in /proc say they are empty, a file can grow while it is read
            with open(path, "rb") as stream:
                yield _read_capped(stream, source, max_bytes, _format_of(path))
    except GZIP_ERRORS as exc:
        yield Failure(source=source, kind="archive", message=f"corrupt gzip data: {exc}")
    except (zipfile.BadZipFile, tarfile.TarError) as exc:
        yield Failure(source=source, kind="archive", message=f"corrupt archive: {exc}")
    except UnicodeDecodeError:  # zipfile decodes the names it is told are UTF-8 when it opens the archive
        yield Failure(source=source, kind="archive", message="corrupt archive: a member name flagged UTF-8 is not")
    except OSError as exc:
        yield Failure(source=source, kind="unreadable", message=f"cannot read {source.path}: {exc.strerror or exc}")


def _read_stream(stream: BinaryIO, source: Source, max_bytes: int) -> Iterator[ReadItem]:
    """Standard input or a pipe: JSON Lines when it starts with `{`, else one page."""
    head = stream.peek(64)[:64] if hasattr(stream, "peek") else b""
    if head.lstrip().startswith(b"{"):
        yield from _read_jsonl(stream, source.path, max_bytes)
    else:
        yield _read_capped(stream, source, max_bytes, None)


def _read_capped(stream: BinaryIO, source: Source, max_bytes: int, fmt: str | None) -> ReadItem:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        return _too_large(source, max_bytes)
    return RawPage(source=source, data=data, format=fmt)  # type: ignore[arg-type]


def _too_large(source: Source, max_bytes: int) -> Failure:
    return Failure(source=source, kind="too_large",
                   message=f"page exceeds the {max_bytes:,}-byte limit (--max-bytes)")


def _read_jsonl(stream: BinaryIO, path: str, max_bytes: int, member: str | None = None) -> Iterator[ReadItem]:
    for number, line in enumerate(_capped_lines(stream, max_bytes), start=1):
        source = Source(path=path, line=number, member=member)
        if line is None:
            yield _too_large(source, max_bytes)
            continue
        if not line.strip():
            continue
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield Failure(source=source, kind="json", message=f"line {number} is not JSON: {exc}")
            continue
        yield page_from_json(obj, source)


def _capped_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The stream's lines; None for a line longer than `max_bytes`, which is skipped unread."""
    while line := stream.readline(max_bytes + 1):
        if len(line) <= max_bytes:
            yield line
            continue
        while not line.endswith(b"\n") and (line := stream.readline(max_bytes + 1)):
            pass  # drain the rest of the long line in bounded pieces
        yield None


def page_from_json(obj: object, source: Source) -> ReadItem:
    if not isinstance(obj, dict):
        return Failure(source=source, kind="json", message="a JSON Lines article must be an object")
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    source = Source(path=source.path, line=source.line, member=source.member, url=url)
    published = obj.get("published") if isinstance(obj.get("published"), str) else None
    title = obj["title"].strip() or None if isinstance(obj.get("title"), str) else None
    for key, fmt in (("html", "html"), ("text", "body")):
        if isinstance(obj.get(key), str):
            return RawPage(source=source, data=obj[key], format=fmt, published=published, title=title)  # type: ignore[arg-type]
    return Failure(source=source, kind="json", message='a JSON Lines article needs an "html" or "text" string')


def _unsafe(name: str) -> bool:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return name.startswith(("/", "\\")) or ".." in parts or (len(name) > 1 and name[1] == ":")


def _member_items(path: str, name: str, size: int, open_member, max_bytes: int) -> Iterator[ReadItem]:
    source = Source(path=path, member=name)
    if _unsafe(name):
        yield Failure(source=source, kind="unsafe_path", message=f"archive member {name!r} has an unsafe path; skipped")
    elif size > max_bytes and not name.lower().endswith(JSONL_SUFFIXES):
        yield _too_large(source, max_bytes)
    else:
        with open_member() as stream:
            if name.lower().endswith(".gz"):
                stream = gzip.GzipFile(fileobj=stream)
            if name.lower().endswith(JSONL_SUFFIXES):
                yield from _read_jsonl(stream, path, max_bytes, member=name)
            else:
                yield _read_capped(stream, source, max_bytes, _format_of(name))


def _read_zip(path: str, max_bytes: int) -> Iterator[ReadItem]:
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            if stat.S_ISLNK(info.external_attr >> 16):  # Unix mode bits, where zip keeps a link's file type
                yield Failure(source=Source(path=path, member=info.filename), kind="unsafe_path",
                              message=f"archive member {info.filename!r} is a link, not a regular file; skipped")
                continue
            try:
                yield from _member_items(path, info.filename, info.file_size,
                                         lambda info=info: archive.open(info), max_bytes)
            except (zipfile.BadZipFile, *GZIP_ERRORS) as exc:
                yield Failure(source=Source(path=path, member=info.filename), kind="archive",
                              message=f"corrupt archive member: {exc}")
            except (RuntimeError, NotImplementedError) as exc:  # zipfile's words for encrypted or unknown methods
                yield Failure(source=Source(path=path, member=info.filename), kind="archive",
                              message=f"unreadable archive member: {exc}")


def _read_tar(path: str, max_bytes: int) -> Iterator[ReadItem]:
    with tarfile.open(path, "r|*") as archive:  # stream mode: members are read in order, never all at once
        for info in archive:
            if info.isdir():
                continue
            if not info.isfile():
                yield Failure(source=Source(path=path, member=info.name), kind="unsafe_path",
                              message=f"archive member {info.name!r} is not a regular file; skipped")
                continue
            try:
                yield from _member_items(path, info.name, info.size,
                                         lambda info=info: archive.extractfile(info), max_bytes)
            except GZIP_ERRORS as exc:
                yield Failure(source=Source(path=path, member=info.name), kind="archive",
                              message=f"corrupt archive member: {exc}")
