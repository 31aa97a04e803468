"""Views of a Doc's tokens made once per Doc: making a `Token` or a `Span` for each look (or asking `Span.sent`,
which walks the Doc) is much of the entity stage's cost."""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc


def texts(doc: Doc) -> list[str]:
    """The tokens' texts (read from the ORTH array: five times faster than iterating Tokens)."""
    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array(ORTH).tolist()]


def sentence_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """For each token, where its sentence starts and ends (the whole Doc when it has no sentence boundaries)."""
    if not doc.has_annotation("SENT_START"):
        return [0] * len(doc), [len(doc)] * len(doc)
    starts: list[int] = []
    ends: list[int] = []
    for sentence in doc.sents:
        starts += [sentence.start] * len(sentence)
        ends += [sentence.end] * len(sentence)
    return starts, ends
