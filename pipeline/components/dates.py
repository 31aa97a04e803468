"""`belta_dates`: dates and periods placed on the calendar, kept on the Doc.

A thin wrapper around `extract_dates` (pipeline/extract/dates.py), which holds the rules: it
places every date of `doc.text` against `doc._.belta_published` (pipeline/components/article.py;
none is placed without it) and keeps them as `doc._.belta_dates` (`{"start", "end", "from", "to"}`,
character offsets, ISO dates) and as the span group `doc.spans["belta_dates"]` (label `DATE`).
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import resources
from pipeline.components.article import article_of, register_article_extensions
from pipeline.components.results import DATES_KEY, keep_periods
from pipeline.components.spans import register, set_span_group
from pipeline.extract.date_grammar import date_grammar
from pipeline.extract.dates import extract_dates


class DateFinder:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        date_grammar(data_dir)  # read as the pipeline is built: a broken file stops it before the first article
        register_article_extensions()
        register(DATES_KEY)

    def __call__(self, doc: Doc) -> Doc:
        article = article_of(doc)
        placed = extract_dates(doc, article, models_dir=self.data_dir)
        periods = [{"start": p.start, "end": p.end, "from": p.first.isoformat(), "to": p.last.isoformat()}
                   for p in placed]
        doc._.set(DATES_KEY, periods)
        keep_periods(doc, article.text, periods, placed)
        set_span_group(doc, DATES_KEY, periods, lambda _: "DATE")
        return doc


@Language.factory("belta_dates", default_config={"data_dir": ""},
                  assigns=["doc.spans", f"doc._.{DATES_KEY}"])
def make_date_finder(nlp: Language, name: str, data_dir: str) -> DateFinder:
    """`data_dir` empty: the installed data (pipeline/resources.py)."""
    return DateFinder(resources.data_dir(data_dir))

