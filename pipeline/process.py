"""One process's work: pages in, record lines out, in order.

`ArticleProcessor` owns the process's single spaCy `Language`. It parses a batch
of pages, runs the model over the parsed bodies with `nlp.pipe`, extracts, and
returns plain JSON Lines bytes (never `Doc`s: they are slow to pickle between
processes). An article that fails anywhere becomes an error record in its place.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from pipeline.errors import InputError
from pipeline.extract import extract
from pipeline.nlp import NlpSettings, build_language
from pipeline.normalize import fold_for_model
from pipeline.parse import parse_page
from pipeline.readers import ReadItem
from pipeline.record import dumps, error_record, to_record
from pipeline.records import Article, Failure, Source

log = logging.getLogger(__name__)


class ArticleProcessor:
    def __init__(self, settings: NlpSettings = NlpSettings()) -> None:
        self.nlp = build_language(settings)
        self.models_dir = settings.models_dir

    def process_batch(self, items: Sequence[ReadItem]) -> list[bytes]:
        """Record lines for `items`, one per item, in the same order."""
        lines: list[bytes | None] = [None] * len(items)
        parsed: list[tuple[int, Article]] = []
        for index, item in enumerate(items):
            if isinstance(item, Failure):
                lines[index] = dumps(error_record(item.source, item.kind, item.message))
                continue
            try:
                parsed.append((index, parse_page(item)))
            except InputError as exc:
                lines[index] = dumps(error_record(item.source, exc.kind, exc.message))
        docs = self.nlp.pipe(fold_for_model(article.text) for _, article in parsed)
        for (index, article), doc in zip(parsed, docs):
            lines[index] = self._record_line(article, doc)
        return [line for line in lines if line is not None]

    def _record_line(self, article: Article, doc) -> bytes:
        try:
            return dumps(to_record(article, extract(doc, article, models_dir=self.models_dir)))
        except Exception as exc:  # the per-article boundary: one bad article never stops the run
            log.exception("extraction failed for %s", _describe(article.source))
            return dumps(error_record(article.source, "internal", f"extraction failed: {type(exc).__name__}: {exc}"))


def _describe(source: Source) -> str:
    where = source.path + (f"!{source.member}" if source.member else "")
    return where + (f":{source.line}" if source.line else "")
