"""Loading the data files under `models/` (gazetteers, patterns, title lists).

The only module that opens them; a bad row raises `ResourceError` naming the file and line.

`MODELS_DIR` is the installed data: in a wheel, the top-level `models/` travels inside the package as
`pipeline/_models` (pyproject.toml maps it there); a source checkout, and so an editable install, reads
`models/` itself, where people edit it. Every process finds its own: a setting that means "the installed data"
is empty (`data_dir(None)`), never a path, so Dask workers and saved spaCy pipelines do not carry the path of
the machine that made them.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from pipeline.errors import ResourceError

_PACKAGE = Path(__file__).resolve().parent
MODELS_DIR = _PACKAGE / "_models" if (_PACKAGE / "_models").is_dir() else _PACKAGE.parent / "models"


def data_dir(setting: str | Path | None) -> Path:
    """The data folder a setting names; empty or None is the installed data (`MODELS_DIR`)."""
    return Path(setting) if setting else MODELS_DIR


@dataclass(frozen=True, slots=True, kw_only=True)
class NlpSettings:
    """What a process builds its NLP with (`pipeline.nlp`). Kept here, away from spaCy, so that the parent of a
    pool of workers passes them on without loading spaCy itself."""

    models_dir: Path | None = None  # None: the installed data, found by each process (a Dask worker has its own)
    model: str | None = None  # overrides the config's model name

    @property
    def data_dir(self) -> Path:
        return data_dir(self.models_dir)


# The files the NLP reads (the package carries the same patterns: pyproject.toml); README.md is no data.
DATA_FILES = ("*.cfg", "*.tsv", "*.jsonl")


def data_digest(folder: Path) -> str:
    """A digest of every data file under `folder`, by path relative to it and content: the same data gives the
    same digest wherever it is installed."""
    digest = hashlib.blake2b(digest_size=12)
    for path in sorted({path for pattern in DATA_FILES for path in folder.rglob(pattern)}):
        content = path.read_bytes()
        digest.update(f"{path.relative_to(folder).as_posix()}\0{len(content)}\0".encode("utf-8"))
        digest.update(content)
    return digest.hexdigest()


def read_jsonl(path: Path, *, required: tuple[str, ...] = ()) -> Iterator[dict[str, Any]]:
    """Rows of a JSON Lines data file; blank lines and `#` comments are skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ResourceError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            row = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise ResourceError(f"{path}:{number}: not JSON: {exc}") from exc
        _check(row, required, path, number)
        yield row


def read_tsv(path: Path, *, required: tuple[str, ...] = ()) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated data file with a header line."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            numbers: list[int] = []  # the file's line number of each line the reader sees (comments skipped)
            lines = (line for number, line in enumerate(handle, start=1)
                     if not line.startswith("#") and not numbers.append(number))
            reader = csv.DictReader(lines, delimiter="\t")
            for row in reader:
                number = numbers[reader.line_num - 1]
                _check(row, required, path, number)
                yield {key: (value or "").strip() for key, value in row.items()}
    except OSError as exc:
        raise ResourceError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def _check(row: object, required: tuple[str, ...], path: Path, number: int) -> None:
    if not isinstance(row, dict):
        raise ResourceError(f"{path}:{number}: a row must be an object")
    missing = [key for key in required if not row.get(key)]
    if missing:
        raise ResourceError(f"{path}:{number}: missing {', '.join(missing)}")
