"""Regular expressions tried only at the words their matches can start with.

`re` tries a pattern at every character of a text, and most of the project's patterns can only start at a few
words: "from", "between", a month name, a digit. `Anchored` reads those from the compiled pattern itself (its
parse tree), so no list is kept by hand: the literal word a match opens with ("from" in `\\bfrom\\s+`), or else
the characters it may open with (the digits of `\\b\\d{4}`). `Words` indexes a text's words once; an anchored
pattern's `finditer` then calls `match` at those words only, in text order, each time from the end of the last
match, which is what `Pattern.finditer` does, so the matches are the same. A pattern whose starts cannot be read
(it may start inside a word or on a space, or match nothing) runs as it is.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from re import _constants as sre  # the parse tree of a pattern, as `re` compiles it
from re import _parser as sre_parse

_TOKEN = re.compile(r"\w+|[^\w\s]")  # a word, or one character of punctuation
_WORD_CHAR = re.compile(r"\w")
_LONGEST_WORD = 40  # a longer literal is read as the start of a word
_STEM = 3
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_OTHER_WORDS = re.ASCII | re.LOCALE  # flags under which a word is not what `Words` reads as one


class Words:
    """Where a text's words and punctuation characters start, by word (lower case) and by first character; a word
    with a character outside ASCII, which case-insensitive matching may read as another, is tried by every
    pattern."""

    def __init__(self, text: str) -> None:
        self.by_word: dict[str, list[int]] = {}
        self.by_stem: dict[str, list[int]] = {}  # by the first three characters
        self.by_char: dict[str, list[int]] = {}
        self.other: list[int] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        for match in _TOKEN.finditer(text):
            token, start = match.group(), match.start()
            self.starts.append(start)
            self.ends.append(match.end())
            if token.isascii():
                token = token.lower()
                self.by_word.setdefault(token, []).append(start)
                self.by_stem.setdefault(token[:_STEM], []).append(start)
                self.by_char.setdefault(token[0], []).append(start)
            else:
                self.other.append(start)


@dataclass(frozen=True, slots=True)
class _Starts:
    words: frozenset[str]  # whole words (lower case) a match starts with
    stems: frozenset[str]  # the first three characters of longer words it may start with ("may" for "May", "Mayor")
    chars: frozenset[str]  # first characters (lower case) of the words or punctuation it may start with otherwise


class Anchored:
    """A compiled pattern and where its matches can start."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.starts = _starts(pattern)

    def finditer(self, text: str, words: Words, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """`self.pattern.finditer(text, start, end)`, trying only the starts `words` (made from `text`) gives."""
        end = len(text) if end is None else end
        if self.starts is None:
            yield from self.pattern.finditer(text, start, end)
            return
        taken = start
        for position in self._positions(words, start, end, len(text)):
            if position >= taken:
                match = self.pattern.match(text, position, end)
                if match:
                    yield match
                    taken = match.end()

    def _positions(self, words: Words, start: int, end: int, length: int) -> list[int]:
        found = set(chain.from_iterable(words.by_word.get(word, ()) for word in self.starts.words))
        found.update(chain.from_iterable(words.by_stem.get(stem, ()) for stem in self.starts.stems))
        found.update(chain.from_iterable(words.by_char.get(char, ()) for char in self.starts.chars))
        found.update(words.other)
        if start == 0 and end == length:
            return sorted(found)
        cut = bisect.bisect_left(words.starts, end) - 1
        if cut >= 0 and words.ends[cut] > end:
            found.add(words.starts[cut])  # a word running on past `end` is cut there, and may be another word then
        positions = sorted(found)
        return positions[bisect.bisect_left(positions, start):bisect.bisect_left(positions, end)]


def _starts(pattern: re.Pattern[str]) -> _Starts | None:
    """The words and characters every match of `pattern` starts with, or None when that cannot be told."""
    if pattern.flags & _OTHER_WORDS:
        return None
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
        heads = list(_heads(((list(tree), bool(pattern.flags & re.IGNORECASE)),), False, "", 0))
    except _Unanchored:
        return None
    words: set[str] = set()
    stems: set[str] = set()
    chars: set[str] = set()
    for guarded, prefix, closed, first in heads:
        if prefix and not guarded:
            return None  # it may start inside a word
        if prefix and closed:
            words.add(prefix)
        elif len(prefix) >= _STEM:
            stems.add(prefix[:_STEM])
        elif prefix:
            chars.add(prefix[0])
        elif any(char.isspace() or (_is_word(char) and not guarded) for char in first):
            return None
        else:
            chars.update(char.lower() for char in first)
    return _Starts(frozenset(words), frozenset(stems), frozenset(chars))


class _Unanchored(Exception):
    """A path through the pattern whose start cannot be told."""


def _heads(frames: tuple, guarded: bool, prefix: str, depth: int) -> Iterator[tuple[bool, str, bool, frozenset[str]]]:
    """Every way a match can start: (whether a word boundary, or a lookbehind that excludes word characters, comes
    before the first character; the word characters it opens with, in lower case; whether that word ends there;
    the characters it may open with when it opens with no literal word character). `frames` are the op lists
    still to match, innermost first, each with whether it ignores case."""
    if depth > 200:
        raise _Unanchored
    if not frames:
        if not prefix:
            raise _Unanchored  # it may match the empty string
        yield guarded, prefix, False, frozenset()
        return
    (ops, ignorecase), rest = frames[0], frames[1:]
    if not ops:
        yield from _heads(rest, guarded, prefix, depth + 1)
        return
    (op, av), after = ops[0], ((ops[1:], ignorecase), *rest)
    if op is sre.AT:
        if prefix and av is sre.AT_BOUNDARY:
            yield guarded, prefix, True, frozenset()  # after word characters: the word ends here
        else:
            yield from _heads(after, guarded or av is sre.AT_BOUNDARY, prefix, depth + 1)
    elif op in (sre.ASSERT, sre.ASSERT_NOT):
        guards = not prefix and op is sre.ASSERT_NOT and av[0] == -1 and _excludes_words(list(av[1]))
        yield from _heads(after, guarded or guards, prefix, depth + 1)
    elif op is sre.SUBPATTERN:
        _, add_flags, _, sub = av
        if add_flags & _OTHER_WORDS:
            raise _Unanchored
        yield from _heads(((list(sub), ignorecase or bool(add_flags & re.IGNORECASE)), *after), guarded, prefix,
                          depth + 1)
    elif op is sre.BRANCH:
        for alternative in av[1]:
            yield from _heads(((list(alternative), ignorecase), *after), guarded, prefix, depth + 1)
    elif op in _REPEATS:
        low, high, sub = av
        if low == 0:
            yield from _heads(after, guarded, prefix, depth + 1)
        again = after if high == 1 else (([(op, (0, high, sub))], ignorecase), *after)
        yield from _heads(((list(sub), ignorecase), *again), guarded, prefix, depth + 1)
    elif op is sre.LITERAL and _is_word(chr(av)):
        if ignorecase and not chr(av).isascii():
            raise _Unanchored  # "ſ" matches "s" then
        if len(prefix) < _LONGEST_WORD:
            yield from _heads(after, guarded, prefix + chr(av).lower(), depth + 1)
        else:
            yield guarded, prefix, False, frozenset()
    elif prefix:  # the first character after the word: the word ends unless it may be a word character
        yield guarded, prefix, not _may_be_word(op, av), frozenset()
    elif op is sre.LITERAL or op is sre.IN:
        chars = frozenset(chr(av)) if op is sre.LITERAL else _chars(av)
        if ignorecase and any(not char.isascii() for char in chars):
            raise _Unanchored
        yield guarded, "", False, chars
    else:
        raise _Unanchored


def _chars(items: list) -> frozenset[str]:
    """The characters a character class matches, when it is a short list of them."""
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < 256:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            chars.update("0123456789")  # and digits outside ASCII, in words every pattern tries
        else:
            raise _Unanchored
    return frozenset(chars)


def _may_be_word(op: int, av: object) -> bool:
    """Whether the op may match a word character (True when it cannot be told)."""
    if op is sre.LITERAL:
        return _is_word(chr(av))  # type: ignore[arg-type]
    if op is not sre.IN:
        return True
    for item, value in av:  # type: ignore[attr-defined]
        if item is sre.LITERAL and not _is_word(chr(value)):
            continue
        if item is sre.CATEGORY and value in (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD):
            continue
        return True
    return False


def _excludes_words(items: list) -> bool:
    """A lookbehind of one character class that holds every word character: what comes before is no word."""
    return (len(items) == 1 and items[0][0] is sre.IN and (sre.CATEGORY, sre.CATEGORY_WORD) in items[0][1]
            and all(op is not sre.NEGATE for op, _ in items[0][1]))


def _is_word(char: str) -> bool:
    return _WORD_CHAR.match(char) is not None
