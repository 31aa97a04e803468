"""What the dates and claims components need to know of the article besides its text, as Doc extensions.

`doc._.belta_published` is the publication date or date-time, an ISO 8601 string ("2026-01-19",
"2026-01-19T11:27:00", an offset allowed); relative dates ("last year", "on Monday") are placed
against the day it names by the page's own clock. Its default, None, means the date is not known:
then no date is placed and no claim found, as for an article whose page gives no date.
`doc._.belta_dateline` is the `[start, end]` character offsets of the dateline ("MINSK, 19 January
(BelTA) –"), which is no mention; default None. `doc._.belta_text` is the article's text when the Doc's is the
model's folded copy of it (pipeline/normalize.py; None when they are the same): the texts the components keep
are sliced from it, as the record's are. `ArticleProcessor` sets all three from the parsed page; a user of the
components sets the first two before running the pipeline (README, "spaCy components").
"""

from __future__ import annotations

from datetime import datetime

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.spans import register
from pipeline.doctext import doc_text
from pipeline.normalize import fold_for_model
from pipeline.types import Article, Dateline, Source

PUBLISHED_ATTR = "belta_published"
DATELINE_ATTR = "belta_dateline"
TEXT_ATTR = "belta_text"


def register_article_extensions() -> None:
    register(PUBLISHED_ATTR, DATELINE_ATTR, TEXT_ATTR)


def set_article(doc: Doc, article: Article) -> Doc:
    """Give the Doc of `article`'s text what the components need of the article."""
    published = article.published
    doc._.set(PUBLISHED_ATTR, published.replace(tzinfo=None).isoformat() if published else None)
    dateline = article.dateline
    doc._.set(DATELINE_ATTR, [dateline.start, dateline.end] if dateline else None)
    doc._.set(TEXT_ATTR, None if article.text == doc_text(doc) else article.text)
    return doc


def article_doc(nlp: Language, article: Article) -> Doc:
    """The Doc of `article`'s model-folded text, not yet through the pipeline, with what the components need of
    the article."""
    text = fold_for_model(article.text)
    doc = nlp.make_doc(text)
    doc_text.keep(doc, text)  # a Doc's text is the text it was made of: not joined again from its tokens
    return set_article(doc, article)


def article_of(doc: Doc) -> Article:
    """The article as the extract functions take it, from the Doc's text and extensions."""
    value = doc._.get(PUBLISHED_ATTR)
    try:
        # by the page's own clock: an offset says when, not which day it was where the page was written
        published = datetime.fromisoformat(value).replace(tzinfo=None) if value else None
    except (TypeError, ValueError) as exc:
        raise ValueError(f"doc._.{PUBLISHED_ATTR} must be an ISO 8601 date or date-time, not {value!r}") from exc
    span = doc._.get(DATELINE_ATTR)
    # the extract functions read the dateline's offsets only (what is inside it is no mention)
    dateline = Dateline(place="", date=None, start=span[0], end=span[1]) if span else None
    return Article(source=Source(path="<doc>"), title=None, published=published, category=None, dateline=dateline,
                   text=doc._.get(TEXT_ATTR) or doc_text(doc))
