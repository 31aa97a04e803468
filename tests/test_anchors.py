"""Anchored patterns: where a match can start, read from the pattern, and the same matches as `finditer`."""

from __future__ import annotations

import re

import pytest
import spacy

from pipeline.anchors import Anchored, Words
from pipeline.doctext import doc_words


@pytest.mark.parametrize(("pattern", "words", "stems", "chars", "marks"), [
    (r"\b(?:(?:from|between)\s+)?\d+", {"from", "between"}, set(), set("0123456789"), set()),
    (r"\b(?i:the)\s+(?P<n>first|second)\b", {"the"}, set(), set(), set()),
    (r"\b[Tt]he\s+plant\b", {"the"}, set(), set(), set()),
    (r"\b(?:May|June)", set(), {"may", "june"}, set(), set()),  # "Mayor" too: no boundary after the name
    (r"\b(?:May|Br)(?!\w)|\b(?i:a)(?=\s+million)|\bBr\d", {"may", "br", "a"}, {"br"}, set(), set()),
    (r"\b(?:Q[1-4]|H[12])\b", set(), set(), {"q", "h"}, set()),
    (r"(?<![\w$])(?:1[6-9]|20)\d\d", set(), {"20"}, {"1"}, set()),
    (r"(?<![\w.])[$€]\s?\d", set(), set(), set(), {"$", "€"}),
    (r"\((?:19|20)\d\d\)", set(), set(), set(), {"("}),
    (r"\b(?:said|told)\b|\bnoted\s", {"said", "told", "noted"}, set(), set(), set()),
])
def test_starts_are_read_from_the_pattern(pattern, words, stems, chars, marks):
    starts = Anchored(re.compile(pattern)).starts
    assert (set(starts.words), set(starts.stems), set(starts.chars), set(starts.marks)) == (words, stems, chars, marks)


@pytest.mark.parametrize("pattern", [
    r"(?:1[6-9]|20)\d0s",  # may start inside a word ("A1990s")
    r"\s+and\s+",  # starts on a space
    r"x?",  # matches the empty string
    r"(?i)\bſtate",  # "ſ" matches "s" when case is ignored
    r"\b\w+ed\b",  # any word
    r"(?a)\bstate",  # "étate" has a word boundary inside it then
])
def test_patterns_whose_starts_cannot_be_told_run_as_they_are(pattern):
    assert Anchored(re.compile(pattern)).starts is None


TEXTS = [
    "From 12 to 15 May 2024 the Mayor said, between 3 and 5 June; (2024) $5 and €3.",
    "saidx told; \u212aelvin kelvin KELVIN noted, Q3 H1 Q5 the The THE first, the plant (The plant) THE plant",
    "x1990s 1990s 2024-25 20245 mid-2024, 'the' \"between\" 2\u00a0May",
]


@pytest.mark.parametrize("pattern", [
    r"\b(?:from|between)\s+\d+", r"\b(?:May|June)", r"\b(?:said|told)\b|\bnoted\s", r"(?i)\bkelvin\b",
    r"(?<![\w$])(?:1[6-9]|20)\d\d", r"(?<![\w.])[$€]\s?\d", r"\b(?i:the)\s+(?P<n>first|second)\b",
    r"\bsaid", r"\bsai\b", r"\b[Tt]he\s+plant\b", r"\((?:19|20)\d\d\)", r"(?i)\b\u212aelvin\b",
])
@pytest.mark.parametrize("text", TEXTS)
def test_the_same_matches_as_finditer_in_every_part_of_the_text(pattern, text):
    anchored, words = Anchored(re.compile(pattern)), Words(text)
    for start in range(0, len(text), 3):
        for end in (*range(start, len(text), 7), len(text)):
            expected = [(m.span(), m.groups()) for m in anchored.pattern.finditer(text, start, end)]
            assert [(m.span(), m.groups()) for m in anchored.finditer(text, words, start, end)] == expected


def test_a_doc_s_words_are_indexed_once():
    doc = spacy.blank("en")("Exports rose in May 2024, the Mayor said.")
    words = doc_words(doc)
    assert words.text == doc.text and doc_words(doc) is words
    assert words.positions(Anchored(re.compile(r"(?i)\bmay\b")).starts) == (doc.text.index("May"),)
    assert doc_words(spacy.blank("en")(doc.text)) is not words  # another Doc, another index


def test_positions_hold_every_word_a_pattern_may_start_with():
    """The words under a stem (stems sharing their first two characters too) and those under a character are found
    by bisecting the sorted words: none is left out at either end of the run, none is taken twice, and a word outside
    ASCII is tried by every pattern."""
    text = ("Ma may Mayor MAZ maybe mb lz m 1990s 19 2 zz \u00ff\u00ffx \u212aelvin (Q3) q h1 H2 $5 Br5 Bra br b "
            "BYN5 byr7 bye by y")
    starts = Anchored(re.compile(r"\b(?:(?:lz|zz)\b|May\w*|[mq]\w*|\d|\u00ff\w|Br\d|BYN\d|BYR\d)|[($]")).starts
    assert {"byn", "byr"} <= starts.stems
    words = Words(text)
    expected = sorted(m.start() for m in re.finditer(r"\w+", text)
                      if (word := m.group().lower()) in starts.words or word.startswith(tuple(starts.stems))
                      or word[0] in starts.chars or not m.group().isascii())
    assert list(words.positions(starts)) == sorted(expected + [text.index("("), text.index("$")])
