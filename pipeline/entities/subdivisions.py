"""ISO 3166-2 codes of regions no list knows, by name, from pycountry ("Mashonaland East Province" -> ZW-ME)."""

from __future__ import annotations

from functools import cache

import pycountry

from pipeline.entities.names import fold

# Generic words after a region's name that pycountry's names leave out.
SUBDIVISION_WORDS = ("Province", "Region", "Oblast", "Governorate", "State")
_SUFFIXES = tuple(f" {word}" for word in SUBDIVISION_WORDS)


def subdivision_code(name: str, index: dict[str, tuple[str, ...]]) -> str | None:
    """The code of the one subdivision that has this name, or None when none or several have it."""
    for suffix in _SUFFIXES:
        name = name.removesuffix(suffix)
    codes = index.get(fold(name), ())
    return codes[0] if len(codes) == 1 else None


@cache
def subdivision_index() -> dict[str, tuple[str, ...]]:
    """pycountry's subdivisions by folded name (a fifth of a second to build: once, when the ruler is)."""
    index: dict[str, tuple[str, ...]] = {}
    for subdivision in pycountry.subdivisions:
        key = fold(subdivision.name)
        index[key] = (*index.get(key, ()), subdivision.code)
    return index

