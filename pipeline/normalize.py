"""Text normalisation for the statistical model, keeping every offset valid.

en_core_web_sm reads curly apostrophes and non-breaking hyphens differently
from their ASCII forms (it splits "Russia’s" badly and misses "five‑year"),
so the model sees an ASCII-folded copy. Every replacement is one character for
one character: offsets into the folded text are offsets into the original.
"""

from __future__ import annotations

MODEL_FOLDING = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
})


def fold_for_model(text: str) -> str:
    """The text as the model should see it; same length, same offsets."""
    return text.translate(MODEL_FOLDING)
