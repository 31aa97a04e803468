"""`RuleMatcher` finds what spaCy's Matcher finds with the same rules, matching from each rule's anchor word."""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import Matcher

from pipeline.entities.catalog import load_catalog
from pipeline.entities.names import person_name_patterns
from pipeline.entities.rule_matcher import RuleMatcher
from pipeline.errors import ResourceError
from pipeline.readers import read_inputs
from pipeline.parse import parse_page
from pipeline.resources import MODELS_DIR

from .conftest import SAMPLES


@pytest.fixture(scope="module")
def rules():
    catalog = load_catalog(MODELS_DIR)
    return [*((f"rule{number}", pattern.tokens) for number, pattern in enumerate(catalog.patterns)),
            *((f"person_name{number}", tokens)
              for number, tokens in enumerate(person_name_patterns(catalog.given_names)))]


def test_the_same_matches_as_spacys_matcher_on_the_samples(rules):
    nlp = spacy.blank("en")  # no sentence boundaries: both look at the whole Doc
    ours = RuleMatcher(rules)
    theirs = Matcher(nlp.vocab)
    for key, tokens in rules:
        theirs.add(key, [tokens], greedy="LONGEST")
    pages = [page for page in read_inputs([str(SAMPLES / "articles")]) if hasattr(page, "data")]
    compared = 0
    for page in pages[:30]:
        doc = nlp(parse_page(page).text)
        expected = {(nlp.vocab.strings[key], start, end) for key, start, end in theirs(doc)}
        found = set(ours(doc, [token.text for token in doc]))
        assert expected <= found
        # what the Matcher's greedy filter drops: a shorter match of the same rule inside a longer one
        assert all(any(key == other and start <= s and e <= end for other, start, end in expected)
                   for key, s, e in found - expected)
        compared += len(expected)
    assert compared > 100


def test_words_before_the_anchor_are_shared_out_as_the_matcher_would():
    nlp = spacy.blank("en")
    rule = [{"IS_TITLE": True, "OP": "*"}, {"IS_TITLE": True}, {"ORTH": "-"}, {"IS_ALPHA": True},
            {"IS_TITLE": True, "OP": "*"}, {"ORTH": "Plant"}]
    doc = nlp("It met the Vitebsk Meat-Packing Plant today.")
    words = [token.text for token in doc]
    assert [doc[s:e].text for _, s, e in RuleMatcher([("x", rule)])(doc, words)] == [
        "Vitebsk Meat-Packing Plant"]


@pytest.mark.parametrize("op", ["?", "+", "*"])
def test_optional_and_repeated_words_end_where_the_matcher_ends(op):
    nlp = spacy.blank("en")
    rule = [{"IS_TITLE": True, "OP": op}, {"LOWER": "of"}, {"IS_TITLE": True, "OP": op}, {"ORTH": "Works"}]
    doc = nlp("the Old Town Mill of Grodno Glass Works and of Works")
    theirs = Matcher(nlp.vocab)
    theirs.add("x", [rule], greedy="LONGEST")
    expected = [doc[s:e].text for _, s, e in theirs(doc)]
    assert [doc[s:e].text for _, s, e in RuleMatcher([("x", rule)])(doc, [t.text for t in doc])] == expected


def test_the_words_rules_are_kept_within_a_bound():
    nlp = spacy.blank("en")
    matcher = RuleMatcher([("x", [{"IS_TITLE": True}, {"ORTH": "Plant"}])])
    matcher._keys_of.bound = 3
    for text in ("the Minsk Plant and others", "a Brest Plant, then more words", "the Minsk Plant"):
        doc = nlp(text)
        assert [doc[s:e].text for _, s, e in matcher(doc, [t.text for t in doc])] == [text.split()[1] + " Plant"]
        assert len(matcher._keys_of) <= 3 + len(doc)


@pytest.mark.parametrize("rule", [
    [{"IS_TITLE": True, "OP": "+"}],  # names no word
    [{"LIKE_NUM": True}, {"ORTH": "Plant"}],  # an attribute its text checks cannot say
])
def test_rules_it_cannot_match_are_refused(rule):
    with pytest.raises(ResourceError):
        RuleMatcher([("x", rule)])
