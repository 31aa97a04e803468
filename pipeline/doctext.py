"""A Doc's text and its sentences as character offsets, read once per Doc.

`Doc.text` joins a new `Token` object per token on every access (about 0.2 ms for an article), and the amounts
component and the extract functions after it each need the whole text; the dates, the claims and their metrics
each need the sentences, which `doc.sents` would make a Span and Tokens for. A Doc's text never changes
(retokenizing keeps it), and its sentences are read only by the extract functions, after the pipeline has run,
so both are kept here for as long as the Doc lives.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokens import Doc

_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()
_SENTENCES: WeakKeyDictionary[Doc, list[tuple[int, int]]] = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def sentence_offsets(doc: Doc) -> list[tuple[int, int]]:
    """The sentences `doc.sents` gives, as (start of the first token, end of the last); one for the whole Doc when
    it has no sentence boundaries."""
    sentences = _SENTENCES.get(doc)
    if sentences is None:
        sentences = _SENTENCES[doc] = _sentences(doc)
    return sentences


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    if not len(doc):
        return []
    tokens = doc.to_array([SENT_START, IDX, LENGTH])  # one array read, not a Token per token
    firsts = [0, *((tokens[1:, 0] == 1).nonzero()[0] + 1).tolist()]  # the first token of each sentence
    lasts = [first - 1 for first in firsts[1:]] + [len(tokens) - 1]
    return list(zip(tokens[firsts, 1].tolist(), (tokens[lasts, 1] + tokens[lasts, 2]).tolist()))
