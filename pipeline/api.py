"""The Python API: pages in, records (record format 1.1, as dicts) out.

    from pipeline import Extractor

    extractor = Extractor()                      # loads the model and the data once
    record = extractor.extract(page, published="2026-01-19")
    for record in extractor.extract_many(pages):
        ...

A page is what the command line reads from a file: a plain-text or HTML page as `str`, or its raw
`bytes` (decoded as a file is: byte order mark, declared charset, UTF-8, windows-1251). Records are
the ones `belta-pipeline extract` writes, key for key.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import orjson

from pipeline.errors import InputError
from pipeline.nlp import NlpSettings
from pipeline.process import ArticleProcessor
from pipeline.readers import ReadItem, page_from_json
from pipeline.types import RawPage, Source
from pipeline.runner import DEFAULT_BATCH_SIZE, batched

SOURCE_PATH = "<string>"  # a record's `source.path` for a page given as a value, as Python names such code


class Extractor:
    """One spaCy pipeline (model, components, data), loaded when the extractor is made; keep one and reuse it.

    `models_dir` and `model` are the command line's `--models-dir` and `--model` (None: the installed data and
    the configured model).
    """

    def __init__(self, *, models_dir: str | None = None, model: str | None = None) -> None:
        self._processor = ArticleProcessor(NlpSettings(models_dir=models_dir, model=model))

    def extract(self, page: str | bytes, *, published: str | None = None, url: str | None = None,
                title: str | None = None) -> dict[str, Any]:
        """The record of one page. `published` (ISO 8601), `title` and `url` win over what the page says, as
        in JSON Lines input. A page that cannot be used (empty, binary, no body) raises `InputError`, whose
        `kind` is the error record's."""
        source = Source(path=SOURCE_PATH, url=url)
        (record,) = self._records([RawPage(source=source, data=page, published=published, title=title)])
        if "error" in record:
            raise InputError(record["error"]["kind"], record["error"]["message"])
        return record

    def extract_many(self, pages: Iterable[str | bytes | Mapping[str, Any]], *,
                     batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[dict[str, Any]]:
        """The records of `pages`, one for each, in order, made `batch_size` at a time as they are read (so an
        endless iterable works). A page is a `str` or `bytes` page, or a mapping like a line of JSON Lines input
        (`{"url", "html" | "text", "title", "published"}`, `text` being the article body). A page that cannot be
        used gives its error record in its place (`{"schema", "source", "error": {"kind", "message"}}`), as on
        the command line; `source.line` is the page's position in `pages`, from 1."""
        items = (_item(page, Source(path=SOURCE_PATH, line=number)) for number, page in enumerate(pages, start=1))
        for batch in batched(items, batch_size):
            yield from self._records(batch)

    def _records(self, items: list[ReadItem]) -> list[dict[str, Any]]:
        # Through the lines the command line writes: the same records, for a negligible cost next to the model's.
        return [orjson.loads(line) for line in self._processor.process_batch(items)]


def _item(page: str | bytes | Mapping[str, Any], source: Source) -> ReadItem:
    if isinstance(page, Mapping):
        return page_from_json(dict(page), source)
    return RawPage(source=source, data=page)
