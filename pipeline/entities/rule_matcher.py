"""Token rules (spaCy Matcher patterns) matched only where they can match: around their anchor words.

spaCy's Matcher tries every pattern at every token, so its cost grows with the number of rules times the
number of tokens (4-5 µs a token a rule here: with 70 rules, most of the entity stage). A rule of
patterns/entities.jsonl mostly hangs on one rare word it names ("Plant", "Ministry", "Committee"): its
*anchor*, the last word of the pattern that is required and named (ORTH or LOWER equal to or in a
list) with more than stop words and punctuation among its values (a rule of one regex, "^[A-Z][a-z]+bank$",
is tried at the words the regex finds). Only at the anchors' tokens is the
rule tried: the words after the anchor rightwards, the words before it leftwards, each way of sharing
the words out among the pattern's tokens as the Matcher would, the longest match kept
(`greedy="LONGEST"`). Tokens are checked on their texts (spaCy's IS_TITLE, IS_ALPHA, IS_LOWER are the
`str` methods of the text, IS_STOP the lower-case text in the stop words), so no Token is ever made, and each
check is kept for each word it has read.
Matches are the Matcher's on the whole Doc (tests/test_rule_matcher.py compares them), except that a
rule's match never runs past its sentence and two overlapping matches of one rule are both kept (the
entity ruler keeps the longest).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from itertools import compress
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from pipeline.entities.tokens import WordMemo, sentence_bounds
from pipeline.errors import ResourceError

TokenSpec = dict[str, Any]
Check = Callable[[str], bool]
Step = tuple[WordMemo[bool], str | None]  # a token's check, kept for each word it has read, and its Matcher OP

_CHECKED_WORDS = 20_000  # words a check keeps (a bound on memory over an archive)
_FLAGS: dict[str, Check] = {"IS_ALPHA": str.isalpha, "IS_LOWER": str.islower, "IS_TITLE": str.istitle,
                            "IS_STOP": lambda word: word.lower() in STOP_WORDS}


class RuleMatcher:
    def __init__(self, rules: list[tuple[str, list[TokenSpec]]]) -> None:
        self.rules: dict[str, tuple[list[Step], list[Step]]] = {}  # key -> steps before the anchor (nearest
        # first), the anchor and the steps after it
        self.by_text: dict[str, tuple[str, ...]] = {}  # anchor word -> rules
        self.by_lower: dict[str, tuple[str, ...]] = {}
        self.by_regex: list[tuple[re.Pattern[str], str]] = []
        # Each token spec's check kept for each word it has read (the same spec in two rules shares it): most of the
        # words around the anchors are read again and again, and a check is a call or more.
        checks: dict[str, WordMemo[bool]] = {}
        for key, tokens in rules:
            anchor = _anchor_position(tokens)
            if anchor is None:
                raise ResourceError(f"rule {key}: a pattern needs a required word it names (ORTH, LOWER or TEXT)")
            steps = []
            for token in tokens:
                spec = json.dumps({name: value for name, value in token.items() if name != "OP"}, sort_keys=True)
                if spec not in checks:
                    checks[spec] = WordMemo(_check(token, key), bound=_CHECKED_WORDS)
                steps.append((checks[spec], token.get("OP")))
            self.rules[key] = (steps[:anchor][::-1], steps[anchor:])
            attribute, values = _anchors(tokens[anchor])
            if attribute == "REGEX":
                self.by_regex.append((re.compile(values[0]), key))
                continue
            table = self.by_text if attribute == "ORTH" else self.by_lower
            for value in values:
                table[value] = (*table.get(value, ()), key)
        self.order = {key: number for number, key in enumerate(self.rules)}  # the first listed rule wins a tie
        # The rules anchored on each word read so far: news repeats its words, and three lookups and a regex search
        # a word were a third of the matcher's time.
        self._keys_of = WordMemo(self._keys)

    def __call__(self, doc: Doc, words: list[str]) -> Iterator[tuple[str, int, int]]:
        """(rule key, start, end) of every match, in the order of their anchors, then of the rules; `words` are the
        Doc's token texts."""
        keyed = list(map(self._keys_of.__getitem__, words))
        anchored = list(compress(range(len(words)), keyed))  # where a rule is anchored (`keyed` has a key)
        if not anchored:
            return
        ends = sentence_bounds(doc)[1]
        for index in anchored:
            for key in keyed[index]:
                before, after = self.rules[key]
                end = _longest(words, index, after, ends[index], 1)
                start = _longest(words, index - 1, before, -1, -1) if end is not None else None
                if start is not None:
                    yield key, start + 1, end

    def _keys(self, word: str) -> tuple[str, ...]:
        """The rules anchored on the word, in the order they are listed."""
        keys = {*self.by_text.get(word, ()), *self.by_lower.get(word.lower(), ()),
                *(key for regex, key in self.by_regex if regex.search(word))}
        return tuple(sorted(keys, key=self.order.get))


def _longest(words: list[str], position: int, steps: list[Step], limit: int, direction: int) -> int | None:
    """How far from `position` (the first token to check) the steps can be matched, going in `direction` (1:
    rightwards, returning the end; -1: leftwards, returning one before the start) without reaching `limit`,
    as far as possible over every way of sharing the words out; None when they cannot be. The ways are followed
    together, step by step, as the set of positions the steps so far can end at."""
    reached = {position}
    for check, op in steps:
        if op is None and len(reached) == 1:  # one word after one way, most steps: no set comprehension to run
            (at,) = reached
            if at == limit or not check[words[at]]:
                return None
            reached = {at + direction}
        elif op is None:
            reached = {at + direction for at in reached if at != limit and check[words[at]]}
        else:
            most = 1 if op == "?" else len(words)
            least = 1 if op == "+" else 0
            following: set[int] = set()
            for at in reached:
                fitting = 0
                while fitting < most and at + direction * fitting != limit and check[words[at + direction * fitting]]:
                    fitting += 1
                following.update(range(at + direction * least, at + direction * (fitting + 1), direction))
            reached = following
        if not reached:
            return None
    return max(reached) if direction > 0 else min(reached)


def _anchor_position(tokens: list[TokenSpec]) -> int | None:
    """The token the rule hangs on: the last required one that names a word other than stop words and punctuation
    ("Plant" in "X and Y Plant", not "and" or "-"), else the first required one that names any word, else the
    first required regex ("^[A-Z][a-z]+bank$")."""
    named = [i for i, token in enumerate(tokens) if _anchors(token)]
    words = [i for i in named if _anchors(tokens[i])[0] != "REGEX"]
    rare = [i for i in words if not all(word.lower() in STOP_WORDS or not any(c.isalnum() for c in word)
                                         for word in _anchors(tokens[i])[1])]
    if rare:
        return rare[-1]
    return (words or named or [None])[0]


def _anchors(token: TokenSpec) -> tuple[str, list[str]] | None:
    """The attribute and the words a required token spec names, if it names any."""
    if token.get("OP") in ("?", "*"):
        return None
    for attribute in ("ORTH", "LOWER"):
        value = token.get(attribute)
        if isinstance(value, str):
            return attribute, [value]
        if isinstance(value, dict) and "IN" in value:
            return attribute, list(value["IN"])
    regex = token.get("TEXT")
    if isinstance(regex, dict) and "REGEX" in regex:
        return "REGEX", [regex["REGEX"]]
    return None


def _check(token: TokenSpec, key: str) -> Check:
    """A token spec as a test of the token's text (the attributes the project's rules use)."""
    checks: list[Check] = []
    for name, value in token.items():
        if name == "OP":
            continue
        if name in _FLAGS:
            flag = _FLAGS[name]
            checks.append(lambda word, flag=flag, value=value: flag(word) is value)
        elif name in ("ORTH", "TEXT", "LOWER") and (isinstance(value, str) or set(value) <= {"IN", "NOT_IN", "REGEX"}):
            text: Check = str.lower if name == "LOWER" else (lambda word: word)
            if isinstance(value, str):
                checks.append(lambda word, text=text, value=value: text(word) == value)
            for operator, operand in ({} if isinstance(value, str) else value).items():
                if operator == "IN":
                    checks.append(lambda word, text=text, words=frozenset(operand): text(word) in words)
                elif operator == "NOT_IN":
                    checks.append(lambda word, text=text, words=frozenset(operand): text(word) not in words)
                else:
                    checks.append(lambda word, text=text, regex=re.compile(operand): bool(regex.search(text(word))))
        else:
            raise ResourceError(f"rule {key}: the token attribute {name} is not supported")
    if len(checks) == 1:
        return checks[0]

    def all_of(word: str) -> bool:
        for check in checks:
            if not check(word):
                return False
        return True
    return all_of
