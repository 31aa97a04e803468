"""Regular expressions tried only at the words their matches can start with.

`re` tries a pattern at every character of a text, and most of the project's patterns can only start at a few
words: "from", "between", a month name, a digit. `Anchored` reads those from the compiled pattern itself (its
parse tree), so no list is kept by hand: the literal word a match opens with ("from" in `\\bfrom\\s+`), or else
the characters it may open with (the digits of `\\b\\d{4}`, the `$` of `[$€]\\d`). `Words` indexes a text's words
once (`doc_words` in pipeline/doctext.py: once per Doc); an anchored pattern's `finditer` then calls `match`
at those words and characters only, in text order, each time from the end of the last match, which is what
`Pattern.finditer` does, so the matches are the same. A pattern whose starts cannot be read (it may start inside a
word or on a space, or match nothing) runs as it is.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate, chain, filterfalse
from operator import itemgetter
from re import _constants as sre  # the parse tree of a pattern, as `re` compiles it
from re import _parser as sre_parse

_WORD_SPLIT = re.compile(r"(\w+)")
_WORD_CHAR = re.compile(r"\w")
_LONGEST_WORD = 40  # a longer literal is read as the start of a word
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_OTHER_WORDS = re.ASCII | re.LOCALE  # flags under which a word is not what `Words` reads as one


class Words:
    """Where the words (runs of word characters) of a text start, sorted by word in lower case, and where a
    punctuation character stands: each pattern's starts are gathered when it first needs them and kept for the other
    parts of the text it reads. The places of a word, and of the words starting with a stem or a character, are a
    run of the sorted words, found by bisection. A word with a character outside ASCII, which case-insensitive
    matching may read as another, is tried by every pattern. (A few flat lists rather than a list of places per
    word: a Doc keeps its index for as long as it lives, and every object in it is one more for the garbage
    collector to walk.)"""

    def __init__(self, text: str) -> None:
        self.text = text
        parts = _WORD_SPLIT.split(text)  # space and punctuation, word, space and punctuation, word, ...
        offsets = list(accumulate(map(len, parts), initial=0))
        tokens, self.starts, self.ends = parts[1::2], offsets[1::2], offsets[2::2]
        lowered = list(map(str.lower, tokens))
        self._order = sorted(range(len(lowered)), key=lowered.__getitem__)  # stable: a word's in text order
        self._sorted = list(map(lowered.__getitem__, self._order))
        # where each word's run begins in the sorted words (of equal keys, `dict` keeps the last value)
        self._first = dict(zip(reversed(self._sorted), range(len(lowered) - 1, -1, -1)))
        self._vocabulary = set(self._first)  # `set & set` walks the smaller, `keys() & frozenset` the frozenset
        # The words every pattern tries, by their lower case: the words spelt the same way are tried too, in vain.
        self._other = frozenset(map(str.lower, filterfalse(str.isascii, tokens)))
        self._positions: dict[_Starts, tuple[int, ...]] = {}  # where the matches of each pattern read so far may start

    def positions(self, starts: _Starts) -> tuple[int, ...]:
        """Where a match of a pattern with these starts may begin, in text order."""
        positions = self._positions.get(starts)
        if positions is None:
            order, words = self._order, self._sorted
            found: list[int] = []  # places in `order`
            keys = starts.words & self._vocabulary  # walks the smaller set
            if self._other:
                keys |= self._other
            for word in keys:
                first = self._first[word]
                found += order[first:bisect.bisect_right(words, word, first)]
            if starts.stems_by_head or starts.runs:
                stems = map(starts.stems_by_head.__getitem__, starts.stems_by_head.keys() & self._heads)
                for low, high in chain(*stems, starts.runs):
                    first = bisect.bisect_left(words, low)
                    found += order[first:bisect.bisect_left(words, high, first)]
                if starts.overlapping or self._other:
                    found = list(set(found))  # a word under two of them ("May", the stem "may"): no start twice
            found = list(map(self.starts.__getitem__, found))
            for mark in starts.marks:
                index = self.text.find(mark)
                while index >= 0:
                    found.append(index)
                    index = self.text.find(mark, index + 1)
            found.sort()
            # a tuple of numbers, which the garbage collector stops walking: the Doc keeps it for as long as it lives
            positions = self._positions[starts] = tuple(found)
        return positions

    @cached_property
    def _heads(self) -> set[str]:
        """The first two characters of the words in lower case: most of a pattern's stems (it may have hundreds, the
        currency codes written onto a number) start no word of the text, and a lookup each is less than a
        bisection."""
        return set(map(_HEAD, self._vocabulary))


_HEAD = itemgetter(slice(2))


@dataclass(frozen=True, slots=True, eq=False)  # one per set of starts (`_starts`): looked up by identity, at once
class _Starts:
    words: frozenset[str]  # whole words (lower case) a match starts with
    stems: frozenset[str]  # the first two or more characters of longer words it may start with ("may": "Mayor")
    chars: frozenset[str]  # first characters (lower case) of the words it may start with otherwise
    marks: frozenset[str]  # punctuation characters it may start with
    runs: tuple[tuple[str, str], ...] = field(init=False)  # chars, as bounds in sorted words
    stems_by_head: dict[str, tuple[tuple[str, str], ...]] = field(init=False)  # stems' bounds by their first two
    # characters
    overlapping: bool = field(init=False)  # whether a word may be under two of the words, stems and chars

    def __post_init__(self) -> None:
        """The words starting with a stem are those sorting from it up to, not including, the stem with its last
        character the next one ("ma" up to "mb"); characters next to one another (the digits) make one run."""
        chars: list[list[int]] = []
        for code in sorted(map(ord, self.chars)):
            if chars and chars[-1][1] == code - 1:
                chars[-1][1] = code
            else:
                chars.append([code, code])
        object.__setattr__(self, "runs", tuple((chr(low), chr(high + 1)) for low, high in chars))
        by_head: dict[str, tuple[tuple[str, str], ...]] = {}
        for stem in sorted(self.stems):
            by_head[stem[:2]] = (*by_head.get(stem[:2], ()), (stem, stem[:-1] + chr(ord(stem[-1]) + 1)))
        object.__setattr__(self, "stems_by_head", by_head)
        heads = (*self.stems, *self.chars)
        object.__setattr__(self, "overlapping", any(word.startswith(heads) for word in self.words) or any(
            stem.startswith(head) for stem in self.stems for head in heads if head != stem))


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
        positions = words.positions(self.starts)
        if start > 0 or end < len(text):
            positions = positions[bisect.bisect_left(positions, start):bisect.bisect_left(positions, end)]
            cut = bisect.bisect_left(words.starts, end) - 1  # the last word starting before `end`
            if cut >= 0 and start <= words.starts[cut] and words.ends[cut] > end:
                positions = sorted({*positions, words.starts[cut]})  # cut at `end`, it may be another word then
        taken = start
        for position in positions:
            if position >= taken:
                match = self.pattern.match(text, position, end)
                if match:
                    yield match
                    taken = match.end()


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
    marks: set[str] = set()
    for guarded, prefix, closed, first in heads:
        if prefix and not guarded:
            return None  # it may start inside a word
        if prefix and closed:
            words.add(prefix)
        elif len(prefix) > 1:
            stems.add(prefix)
        elif prefix:
            chars.add(prefix)
        for char in first:
            if char.isspace() or (_is_word(char) and not guarded):
                return None
            if _is_word(char):
                chars.add(char.lower())
            else:
                marks.add(char)
    key = (frozenset(words), frozenset(stems), frozenset(chars), frozenset(marks))
    return _SHARED.setdefault(key, _Starts(*key))  # patterns with the same starts share their positions in `Words`


_SHARED: dict[tuple[frozenset[str], ...], _Starts] = {}


class _Unanchored(Exception):
    """A path through the pattern whose start cannot be told."""


def _heads(frames: tuple, guarded: bool, prefix: str, depth: int) -> Iterator[tuple[bool, str, bool, frozenset[str]]]:
    """Every way a match can start: (whether a word boundary, or a lookbehind that excludes word characters, comes
    before the first character; the word characters it opens with, in lower case, each a literal or a class of one
    letter's cases (`[Tt]`); whether that word ends there, at a word boundary or a lookahead that excludes word
    characters; the characters it may open with otherwise). `frames` are the op lists still to match, innermost
    first, each with whether it ignores case."""
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
        direction, items = av[0], list(av[1])
        if prefix and direction == 1 and (_excludes_words(items) if op is sre.ASSERT_NOT else _opens_no_word(items)):
            yield guarded, prefix, True, frozenset()  # `(?!\w)`, `(?=\s)` after word characters: the word ends here
        else:
            guards = not prefix and op is sre.ASSERT_NOT and direction == -1 and _excludes_words(items)
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
    elif (letter := _letter(op, av)) is not None:
        if ignorecase and not letter.isascii():
            raise _Unanchored  # "ſ" matches "s" then
        if len(prefix) < _LONGEST_WORD:
            yield from _heads(after, guarded, prefix + letter, depth + 1)
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


def _letter(op: int, av: object) -> str | None:
    """The word character (lower case) a literal or a class such as `[Tt]` matches, when it is one."""
    if op is sre.LITERAL:
        chars = {chr(av)}  # type: ignore[arg-type]
    elif op is sre.IN:
        try:
            chars = set(_chars(av))  # type: ignore[arg-type]
        except _Unanchored:
            return None
    else:
        return None
    letters = {char.lower() for char in chars}
    return letters.pop() if len(letters) == 1 and all(map(_is_word, chars)) else None


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
    """A negative lookaround of one character class that holds every word character: no word before, or after."""
    return (len(items) == 1 and items[0][0] is sre.IN and (sre.CATEGORY, sre.CATEGORY_WORD) in items[0][1]
            and all(op is not sre.NEGATE for op, _ in items[0][1]))


def _opens_no_word(items: list) -> bool:
    """Whether every match of the ops starts with a character that is no word character (`\\s+` in `(?=\\s+of)`)."""
    if not items:
        return False
    op, av = items[0]
    if op in _REPEATS:
        return av[0] > 0 and _opens_no_word(list(av[2]))
    if op is sre.SUBPATTERN:
        return _opens_no_word(list(av[3]))
    if op is sre.BRANCH:
        return all(_opens_no_word(list(alternative)) for alternative in av[1])
    return op in (sre.LITERAL, sre.IN) and not _may_be_word(op, av)


def _is_word(char: str) -> bool:
    return _WORD_CHAR.match(char) is not None
