"""Extraction: a processed `Doc` and its `Article` in, an `Extraction` out.

Each field has its own module with one entry function that reads the Doc and
never changes it. The Doc's text is the model-folded copy of `article.text`
(same length), so offsets are shared and mention texts are always sliced
from `article.text`.
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc

from pipeline.components.results import doc_claims, doc_periods
from pipeline.extract.entities import extract_entities
from pipeline.extract.claims import claim_cues
from pipeline.extract.metrics import add_metrics, metrics
from pipeline.extract.money import extract_money, redenominations
from pipeline.extract.percentages import extract_percentages
from pipeline.types import Article, Extraction
from pipeline.resources import MODELS_DIR


def extract(doc: Doc, article: Article, *, models_dir: Path = MODELS_DIR) -> Extraction:
    """The Doc is one the project's pipeline made (its components placed the dates and found the claims);
    `models_dir` holds the redenominations and metrics the stages called here read (the components got theirs
    from the config)."""
    entities = extract_entities(doc, article)
    money = extract_money(doc, article, models_dir=models_dir)
    percentages = extract_percentages(doc, article)
    dates = doc_periods(doc, article)  # the belta_dates and belta_claims components found them
    claims = doc_claims(doc, article, money=money, percentages=percentages)
    claims = add_metrics(doc, article, claims, entities=entities, money=money, percentages=percentages, dates=dates,
                         models_dir=models_dir)
    return Extraction(people=entities.people, regions=entities.regions, enterprises=entities.enterprises,
                      organizations=entities.organizations, money=money, percentages=percentages, dates=dates,
                      claims=claims)


def read_data(models_dir: Path = MODELS_DIR) -> None:
    """Read the data `extract` uses from `models_dir` (each file once per process): called as a run starts, so that a
    broken file stops it before its first article."""
    redenominations(models_dir), metrics(models_dir), claim_cues(models_dir)
