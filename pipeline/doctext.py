"""A Doc's text, its sentences as character offsets and the index of its words, read once per Doc.

`Doc.text` joins a new `Token` object per token on every access (about 0.2 ms for an article), and the amounts
component and the extract functions after it each need the whole text; the dates, the claims and their metrics
each need the sentences, which `doc.sents` would make a Span and Tokens for; the amounts, the dates and the claims'
metrics all try their patterns at the words of the text (pipeline/anchors.py), and the processor runs a whole batch of
Docs through the pipeline before it extracts, so the index is kept by Doc rather than by the last texts read. A
Doc's text never changes (retokenizing keeps it), and its sentences are read only by the extract functions, after
the pipeline has run, so all three are kept here for as long as the Doc lives.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Generic, TypeVar
from weakref import WeakKeyDictionary

from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokens import Doc

from pipeline.anchors import Words

T = TypeVar("T")


class per_doc(Generic[T]):  # noqa: N801 (a decorator, named like functools.cached_property)
    """`read(doc)` done once per Doc, its result kept for as long as the Doc lives; `keep` gives it when the
    caller already knows it."""

    def __init__(self, read: Callable[[Doc], T]) -> None:
        functools.update_wrapper(self, read)
        self._read = read
        self._kept: WeakKeyDictionary[Doc, T] = WeakKeyDictionary()

    def __call__(self, doc: Doc) -> T:
        value = self._kept.get(doc)
        if value is None:
            value = self._kept[doc] = self._read(doc)
        return value

    def keep(self, doc: Doc, value: T) -> None:
        self._kept[doc] = value


@per_doc
def doc_text(doc: Doc) -> str:
    return doc.text


@per_doc
def doc_words(doc: Doc) -> Words:
    """The words of the Doc's text, indexed for anchored patterns."""
    return Words(doc_text(doc))


@per_doc
def sentence_offsets(doc: Doc) -> list[tuple[int, int]]:
    """The sentences `doc.sents` gives, as (start of the first token, end of the last); one for the whole Doc when
    it has no sentence boundaries."""
    if not len(doc):
        return []
    tokens = doc.to_array([SENT_START, IDX, LENGTH])  # one array read, not a Token per token
    firsts = [0, *((tokens[1:, 0] == 1).nonzero()[0] + 1).tolist()]  # the first token of each sentence
    lasts = [first - 1 for first in firsts[1:]] + [len(tokens) - 1]
    return list(zip(tokens[firsts, 1].tolist(), (tokens[lasts, 1] + tokens[lasts, 2]).tolist()))


_LINE = re.compile(r"[^\n]+")


@per_doc  # the dates, the claims and the claims' metrics all read them
def sentence_lines(doc: Doc) -> list[tuple[int, int]]:
    """The senter's sentences cut at line breaks (the senter runs a paragraph, a heading or a Q&A line on into the
    next one), joined again where one broke inside a bracketed insert."""
    text = doc_text(doc)
    pieces = [line.span() for sentence_start, sentence_end in sentence_offsets(doc)
              for line in _LINE.finditer(text, sentence_start, sentence_end)]
    merged: list[tuple[int, int]] = []
    for start, end in pieces:
        if merged and _open_bracket(text[merged[-1][0]:merged[-1][1]]) and "\n" not in text[merged[-1][1]:start]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _open_bracket(sentence: str) -> bool:
    return sentence.count("[") > sentence.count("]") or sentence.count("(") > sentence.count(")")
