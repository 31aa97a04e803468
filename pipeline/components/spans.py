"""What the project's components share: their Doc extensions and span groups.

Extensions are registered when a component is built, never on import. Their values are plain
(dicts, lists, strings, numbers), so that a Doc pickles, goes through `DocBin(store_user_data=True)`
and `nlp.pipe(n_process=2)`; offsets in them are character offsets, exact where span groups are
expanded to whole tokens.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from spacy.tokens import Doc


def register(*names: str) -> None:
    """Doc extensions `doc._.NAME`, None until a component sets them."""
    for name in names:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def value_of(doc: Doc, name: str, component: str) -> Any:
    """`doc._.NAME` as `component` set it; a Doc no such component made is a `LookupError` that says so."""
    if not Doc.has_extension(name) or doc._.get(name) is None:
        raise LookupError(f"doc._.{name}: the Doc was not made by a pipeline with the {component} component")
    return doc._.get(name)


def set_span_group(doc: Doc, name: str, items: Iterable[Mapping[str, Any]], label: Callable[[Mapping], str]) -> None:
    """`doc.spans[name]`: a span for each item, its character offsets `start` and `end` widened to whole tokens."""
    doc.spans[name] = [doc.char_span(item["start"], item["end"], label=label(item), alignment_mode="expand")
                       for item in items]
