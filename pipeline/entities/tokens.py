"""Views of a Doc's tokens made once per Doc: making a `Token` or a `Span` for each look (or asking `Span.sent`,
which walks the Doc) is much of the entity stage's cost. The entity ruler and the entity extraction after it
both read them, so they are kept with the Doc (`per_doc`); their callers never change them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from spacy.attrs import ORTH, SENT_START
from spacy.tokens import Doc

from pipeline.doctext import per_doc


# A token's text by its ORTH, the hash of the text (the same in every vocabulary): a dict lookup is a third faster
# than the StringStore's, which decodes a new string each time. Cleared past a bound (memory over an archive).
_TEXTS: dict[int, str] = {}
_TEXTS_BOUND = 200_000


@per_doc
def texts(doc: Doc) -> list[str]:
    """The tokens' texts (read from the ORTH array: five times faster than iterating Tokens)."""
    strings = doc.vocab.strings
    if len(_TEXTS) > _TEXTS_BOUND:
        _TEXTS.clear()
    known = _TEXTS.get

    def read(orth: int) -> str:
        text = _TEXTS[orth] = strings[orth]
        return text
    return [known(orth) or read(orth) for orth in doc.to_array(ORTH).tolist()]


@per_doc
def sentence_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """For each token, where its sentence starts and ends (the whole Doc when it has no sentence boundaries)."""
    if not doc.has_annotation("SENT_START"):
        return [0] * len(doc), [len(doc)] * len(doc)
    # the first token of each sentence, as `doc.sents` reads them (without making a Span of each)
    firsts = [0, *((doc.to_array(SENT_START)[1:] == 1).nonzero()[0] + 1).tolist()]
    starts: list[int] = []
    ends: list[int] = []
    for start, end in zip(firsts, [*firsts[1:], len(doc)]):
        starts += [start] * (end - start)
        ends += [end] * (end - start)
    return starts, ends


T = TypeVar("T")


class WordMemo(dict, Generic[T]):
    """`read(word)` kept for each word read so far: news repeats its words, so a test of a word's text is done
    about once per vocabulary word instead of once per token. Past `bound` words it starts again (a bound on
    memory over an archive)."""

    def __init__(self, read: Callable[[str], T], bound: int = 200_000) -> None:
        super().__init__()
        self.read = read
        self.bound = bound

    def __missing__(self, word: str) -> T:
        if len(self) >= self.bound:
            self.clear()
        value = self[word] = self.read(word)
        return value
