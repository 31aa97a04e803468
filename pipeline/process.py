"""One process's work: pages in, record lines out, in order.

`ArticleProcessor` owns the process's single spaCy `Language`. It parses a batch
of pages, runs the model over the parsed bodies with `nlp.pipe`, extracts, and
returns plain JSON Lines bytes (never `Doc`s: they are slow to pickle between
processes). Everything done for one article (parse, model, extract, serialise)
is inside the per-article boundary: an article that fails anywhere becomes an
error record in its place and the batch goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from pipeline.components.article import article_doc
from pipeline.errors import InputError
from pipeline.extract import extract, read_data
from pipeline.nlp import NlpSettings, build_language, producer
from pipeline.parse import parse_page
from pipeline.readers import ReadItem
from pipeline.record_format import dumps, error_line, to_record
from pipeline.types import Article, Failure, Source

log = logging.getLogger(__name__)


class ArticleProcessor:
    def __init__(self, settings: NlpSettings = NlpSettings()) -> None:
        self.nlp = build_language(settings)
        self.models_dir = settings.data_dir
        read_data(self.models_dir)
        self.producer = producer(self.nlp, settings)

    def process_batch(self, items: Sequence[ReadItem]) -> list[bytes]:
        """Record lines for `items`, one per item, in the same order."""
        lines: list[bytes | None] = [None] * len(items)
        parsed: list[tuple[int, Article]] = []
        for index, item in enumerate(items):
            if isinstance(item, Failure):
                lines[index] = error_line(item.source, item.kind, item.message)
                continue
            try:
                article = parse_page(item)
            except InputError as exc:
                lines[index] = error_line(item.source, exc.kind, exc.message)
                continue
            except Exception as exc:  # the per-article boundary (parsing)
                lines[index] = _internal_error_line(item.source, "parsing", exc)
                continue
            if len(article.text) > self.nlp.max_length:
                lines[index] = error_line(item.source, "too_large",
                                           f"the article body has {len(article.text):,} characters, over the "
                                           f"model's limit of {self.nlp.max_length:,}")
            else:
                parsed.append((index, article))
        for (index, article), doc in zip(parsed, self._docs([article for _, article in parsed])):
            if isinstance(doc, Exception):
                lines[index] = _internal_error_line(article.source, "the spaCy pipeline", doc)
            else:
                lines[index] = self._record_line(article, doc)
        return [line for line in lines if line is not None]

    def _docs(self, articles: list[Article]) -> list[Doc | Exception]:
        """The pipeline's Doc of every article, or the exception it raised on that article.

        The Doc is made of the model-folded text and given the publication time and dateline the
        dates and claims components read. `nlp.pipe` is fast but fails as a whole; when it does, the
        articles are run one by one so that only the article that breaks the pipeline costs its record.
        """
        made = [article_doc(self.nlp, article) for article in articles]
        try:
            return list(self.nlp.pipe(made))
        except Exception:  # noqa: BLE001 (which article failed is found below, one by one)
            log.warning("the spaCy pipeline failed on a batch; running its %d articles one by one", len(made))
        docs: list[Doc | Exception] = []
        for article in articles:  # afresh: a failed pipe may have left its Docs half made
            try:
                docs.append(self.nlp(article_doc(self.nlp, article)))
            except Exception as exc:  # the per-article boundary (the model and the components)
                docs.append(exc)
        return docs

    def _record_line(self, article: Article, doc: Doc) -> bytes:
        try:
            extraction = extract(doc, _on_its_own_clock(article), models_dir=self.models_dir)
            return dumps(to_record(article, extraction, producer=self.producer))
        except Exception as exc:  # the per-article boundary (extraction and serialisation)
            return _internal_error_line(article.source, "extraction", exc)


def _on_its_own_clock(article: Article) -> Article:
    """Dates are placed on the calendar of the page's own clock ("today" in a page of 00:30+03:00 is that local
    day): extraction sees the publication time without its UTC offset, which only the record keeps."""
    if article.published is None or article.published.tzinfo is None:
        return article
    return replace(article, published=article.published.replace(tzinfo=None))


def _internal_error_line(source: Source, stage: str, exc: Exception) -> bytes:
    log.error("%s failed for %s", stage, _describe(source), exc_info=exc)
    return error_line(source, "internal", " ".join(f"{stage} failed: {type(exc).__name__}: {exc}".split()))


def _describe(source: Source) -> str:
    where = source.path + (f"!{source.member}" if source.member else "")
    return where + (f":{source.line}" if source.line else "")
