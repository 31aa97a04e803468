"""Each token's sentence, worked out once per Doc (`Span.sent` walks the Doc on every call)."""

from __future__ import annotations

from spacy.tokens import Doc


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
