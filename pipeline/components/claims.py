"""`belta_claims`: dated claims, kept on the Doc.

A thin wrapper around `extract_claims` (pipeline/extract/claims.py), which holds the rules. It
reads what the components before it found (the people and names of `belta_entity_ruler`, the
amounts of `belta_amounts`, the periods of `belta_dates`) and keeps each claim as a plain dict in
`doc._.belta_claims`: `start`, `end` (character offsets), `from`, `to` (ISO dates), `kind`,
`speaker`, `entities` (names), and `money` / `percentages` as positions in the article's amounts
(`extract_money` / `extract_percentages` of the same Doc); and as the span group
`doc.spans["belta_claims"]`, labelled `FACT` or `PLAN`.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import resources
from pipeline.components.article import article_of, register_article_extensions
from pipeline.components.results import CLAIMS_KEY, doc_periods, keep_claims
from pipeline.components.spans import register, set_span_group
from pipeline.extract.claims import claim_cues, extract_claims
from pipeline.extract.date_grammar import date_grammar
from pipeline.extract.entities import extract_entities
from pipeline.extract.money import extract_money, redenominations
from pipeline.extract.percentages import extract_percentages


class ClaimFinder:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        # read as the pipeline is built: a broken file stops it before the first article
        claim_cues(data_dir), date_grammar(data_dir), redenominations(data_dir)
        register_article_extensions()
        register(CLAIMS_KEY)

    def __call__(self, doc: Doc) -> Doc:
        article = article_of(doc)
        dates = doc_periods(doc, article)
        money = extract_money(doc, article, models_dir=self.data_dir)
        percentages = extract_percentages(doc, article)
        money_at = {(m.start, m.end): index for index, m in enumerate(money)}
        percentage_at = {(p.start, p.end): index for index, p in enumerate(percentages)}
        # A claim is anchored to a placed period: without one there is none, and the people need not be read.
        claims = extract_claims(doc, article, entities=extract_entities(doc, article), money=money,
                                percentages=percentages, dates=dates, models_dir=self.data_dir) if dates else ()
        found = [{"start": c.start, "end": c.end, "from": c.first.isoformat(), "to": c.last.isoformat(),
                  "kind": c.kind, "speaker": c.speaker, "entities": list(c.entities),
                  "money": [money_at[(m.start, m.end)] for m in c.money],
                  "percentages": [percentage_at[(p.start, p.end)] for p in c.percentages]} for c in claims]
        doc._.set(CLAIMS_KEY, found)
        if len(money_at) == len(money) and len(percentage_at) == len(percentages):  # each position read back as kept
            keep_claims(doc, article.text, found, claims, money=money, percentages=percentages)
        set_span_group(doc, CLAIMS_KEY, found, lambda claim: claim["kind"].upper())
        return doc


@Language.factory("belta_claims", default_config={"data_dir": ""},
                  assigns=["doc.spans", f"doc._.{CLAIMS_KEY}"],
                  requires=["doc._.belta_dates", "doc._.belta_money", "doc.spans", "token.is_sent_start"])
def make_claim_finder(nlp: Language, name: str, data_dir: str) -> ClaimFinder:
    """`data_dir` empty: the installed data (pipeline/resources.py)."""
    return ClaimFinder(resources.data_dir(data_dir))

