"""A Doc's text, read once per Doc.

`Doc.text` joins a new `Token` object per token on every access (about 0.2 ms for an article), and the amounts
component and the extract functions after it each need the whole text. A Doc's text never changes (retokenizing
keeps it), so it is kept here for as long as the Doc lives.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Doc

_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text
