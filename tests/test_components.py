"""The project's spaCy components behave like spaCy's: entry points, `add_pipe` with defaults, span groups and
plain Doc extensions, so that `nlp.pipe(n_process=2)`, `DocBin`, pickling, displaCy and `to_disk`/`spacy.load`
work, and the pipeline's Docs give the records the processor gives."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from importlib import metadata

import pytest
import spacy
from spacy import displacy
from spacy.tokens import DocBin

from pipeline.components.article import article_doc
from pipeline.extract import extract
from pipeline.parse import parse_page
from pipeline.types import RawPage, Source
from pipeline.resources import MODELS_DIR

COMPONENTS = ("belta_amounts", "belta_entity_ruler", "belta_dates", "belta_claims")
TEXT = ("MINSK, 19 January (BelTA) – Belarus and Kirov Oblast plan to double trade to $200 million in 2026, "
        "Aleksandr Lukashenko said. Exports of Belshina grew by 12% in January-November 2025.")
SPAN_GROUPS = ("belta_entities", "belta_money", "belta_percentages", "belta_dates", "belta_claims")
EXTENSIONS = ("belta_money", "belta_percentages", "belta_dates", "belta_claims", "belta_data_dir",
              "belta_published", "belta_dateline")


def make(nlp, text: str = TEXT, published: str | None = "2026-01-19"):
    doc = nlp.make_doc(text)
    doc._.belta_published = published
    return doc


def found(doc) -> dict:
    """Everything the components left on a Doc, as JSON values (`DocBin` gives lists back as tuples)."""
    return json.loads(json.dumps({
        "spans": {key: [(span.start_char, span.end_char, span.label_, span.id_) for span in doc.spans[key]]
                  for key in SPAN_GROUPS},
        "extensions": {name: doc._.get(name) for name in EXTENSIONS}}))


@pytest.fixture(scope="module")
def blank():
    """The four components with their defaults, in a blank English pipeline with a sentence splitter."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def test_every_component_has_an_entry_point():
    points = {point.name: point.value for point in metadata.entry_points(group="spacy_factories")}
    assert set(COMPONENTS) <= set(points), points
    for name in COMPONENTS:
        assert points[name].startswith("pipeline.components."), points[name]


def test_add_pipe_with_defaults_finds_everything(blank):
    doc = blank(make(blank))
    labels = {key: [span.label_ for span in doc.spans[key]] for key in SPAN_GROUPS}
    assert labels["belta_money"] == ["MONEY"] and labels["belta_percentages"] == ["PERCENT"]
    assert {"PERSON", "REGION", "COUNTRY", "ENTERPRISE"} <= set(labels["belta_entities"])
    assert "PLAN" in labels["belta_claims"] and "FACT" in labels["belta_claims"]
    money, year = TEXT.index("$200 million"), TEXT.index("2026,")
    assert doc._.belta_money == [{"start": money, "end": money + 12, "low": "200000000", "high": "200000000",
                                  "currency": "USD", "approximate": False, "resolve": ""}]
    assert {"start": year, "end": year + 4, "from": "2026-01-01", "to": "2026-12-31"} in doc._.belta_dates
    assert doc._.belta_data_dir == ""  # the installed data: no path of this machine


def test_without_a_publication_date_no_date_is_placed_and_no_claim_found(blank):
    doc = blank(make(blank, published=None))
    assert doc._.belta_dates == [] and doc._.belta_claims == []
    assert doc._.belta_money  # what needs no date is found all the same


def test_a_publication_date_that_is_no_date_is_a_one_line_error(blank):
    with pytest.raises(ValueError, match=r"^doc\._\.belta_published must be an ISO 8601 date or date-time, not "
                                         r"'19/01/2026'$"):
        blank(make(blank, published="19/01/2026"))


def test_components_values_pickle_and_survive_docbin(blank):
    doc = blank(make(blank))
    assert found(pickle.loads(pickle.dumps(doc))) == found(doc)
    docs = DocBin(store_user_data=True)
    docs.add(doc)
    (restored,) = DocBin(store_user_data=True).from_bytes(docs.to_bytes()).get_docs(blank.vocab)
    assert found(restored) == found(doc)
    assert restored._.belta_catalog is doc._.belta_catalog  # the catalog is looked up, not stored


def test_nlp_pipe_with_two_processes_gives_the_docs_of_one(blank):
    texts = [TEXT, TEXT.replace("$200 million", "€5 billion"), "Nothing here."]
    one = [found(doc) for doc in blank.pipe(make(blank, text) for text in texts)]
    two = [found(doc) for doc in blank.pipe((make(blank, text) for text in texts), n_process=2, batch_size=1)]
    assert two == one


def test_displacy_renders_the_span_groups(blank):
    doc = blank(make(blank))
    html = displacy.render(doc, style="span", options={"spans_key": "belta_money"})
    assert "MONEY" in html and "200" in html
    assert "PLAN" in displacy.render(doc, style="span", options={"spans_key": "belta_claims"})


def test_to_disk_and_spacy_load_round_trip_in_a_fresh_process(blank, tmp_path):
    blank.to_disk(tmp_path / "saved")
    config = (tmp_path / "saved" / "config.cfg").read_text(encoding="utf-8")
    assert str(MODELS_DIR) not in config  # the saved pipeline uses the data installed where it is loaded
    script = ("import json, sys, spacy\n"
              "nlp = spacy.load(sys.argv[1])\n"
              "doc = nlp.make_doc(sys.argv[2]); doc._.belta_published = '2026-01-19'\n"
              "doc = nlp(doc)\n"
              "print(json.dumps({k: [(s.start_char, s.end_char, s.label_) for s in doc.spans[k]] for k in doc.spans}))")
    loaded = subprocess.run([sys.executable, "-c", script, str(tmp_path / "saved"), TEXT], capture_output=True,
                            text=True, check=True)
    doc = blank(make(blank))
    here = {k: [[s.start_char, s.end_char, s.label_] for s in doc.spans[k]] for k in doc.spans}
    assert json.loads(loaded.stdout) == here
    assert set(here) == set(SPAN_GROUPS)


def test_the_projects_pipeline_docs_give_the_processors_records(processor):
    page = RawPage(source=Source(path="a.txt"), data=f"19 January 2026, 11:27\n\nA headline\n\n{TEXT}\n".encode(),
                   format="text")
    article = parse_page(page)
    doc = processor.nlp(article_doc(processor.nlp, article))
    restored = pickle.loads(pickle.dumps(doc))  # what a second process gets
    assert extract(restored, article) == extract(doc, article)
    assert extract(doc, article).claims
