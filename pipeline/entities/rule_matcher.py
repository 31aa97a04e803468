"""Token rules (spaCy Matcher patterns) matched only where they can start: at their anchor words.

spaCy's Matcher tries every pattern at every token, so its cost grows with the number of rules times the
number of tokens (4-5 µs a token a rule here: with 70 rules, most of the entity stage). A rule of
patterns/entities.jsonl mostly hangs on one rare word it names ("Plant", "Ministry", "Committee"): its
*anchor*, the last word of the pattern that is required and named (ORTH or LOWER equal to or in a
list, or a TEXT regex) that names more than stop words and punctuation. The words before the anchor
("X and Y Plant") are taken right to left from it, greedily, as the Matcher's `greedy="LONGEST"` would; the anchor and the rest are
matched by a Matcher of that one rule, on the sentence from the anchor on. Matches are the same as
the Matcher's on the whole Doc (tests/test_rule_matcher.py compares them), except that two matches of
one rule that overlap are both kept (the entity ruler keeps the longest).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from pipeline.entities.tokens import sentence_bounds
from pipeline.errors import ResourceError

TokenSpec = dict[str, Any]
# How far past its anchor an open-ended rule may run ("Ministry of Lands, Agriculture, Fisheries, Water and Rural
# Development of the Republic of Zimbabwe" is 15 tokens).
_MAX_REACH = 24
_FLAGS = {"IS_ALPHA": "is_alpha", "IS_LOWER": "is_lower", "IS_STOP": "is_stop", "IS_TITLE": "is_title"}
_TEXTS = {"ORTH": "text", "LOWER": "lower_", "TEXT": "text"}


class RuleMatcher:
    def __init__(self, vocab: Vocab, rules: list[tuple[str, list[TokenSpec]]]) -> None:
        self.matchers: dict[str, Matcher] = {}  # by the first rule of each group of rules sharing an anchor
        self.leads: dict[str, list[tuple[TokenSpec, str | None]]] = {}  # nearest first
        self.by_text: dict[str, tuple[str, ...]] = {}  # anchor word -> rules
        self.by_lower: dict[str, tuple[str, ...]] = {}
        self.by_regex: list[tuple[re.Pattern[str], str]] = []
        self.reach: dict[str, int] = {}  # how many tokens from its anchor a rule's match may run
        self.order = {key: number for number, (key, _) in enumerate(rules)}  # the first listed rule wins a tie
        groups: dict[tuple[str, tuple[str, ...]], str] = {}  # rules with the same anchor share one Matcher
        for key, tokens in rules:
            first = _anchor_position(tokens)
            if first is None:
                raise ResourceError(f"rule {key}: a pattern needs a required word it names (ORTH, LOWER or TEXT)")
            for token in tokens[:first]:
                _check(token, key)
            self.leads[key] = [(token, token.get("OP")) for token in reversed(tokens[:first])]
            rest = tokens[first:]
            self.reach[key] = _MAX_REACH if any(token.get("OP") in ("+", "*") for token in rest) else len(rest)
            attribute, values = _anchors(tokens[first])
            group = groups.get((attribute, tuple(values)))
            if group is None:
                group = groups[(attribute, tuple(values))] = key
                self.matchers[group] = Matcher(vocab)
                if attribute == "REGEX":
                    self.by_regex.append((re.compile(values[0]), group))
                else:
                    table = self.by_text if attribute == "ORTH" else self.by_lower
                    for value in values:
                        table[value] = (*table.get(value, ()), group)
            self.matchers[group].add(key, [rest], greedy="LONGEST")
            self.reach[group] = max(self.reach[group], self.reach[key])
        # one search a word tells whether any regex anchor can match it
        self.any_regex = re.compile("|".join(f"(?:{regex.pattern})" for regex, _ in self.by_regex)) \
            if self.by_regex else None

    def __call__(self, doc: Doc, words: list[str]) -> Iterator[tuple[str, int, int]]:
        """(rule key, start, end) of every match, in the order of their anchors, then of the rules; `words` are the
        Doc's token texts."""
        by_text, by_lower, any_regex = self.by_text, self.by_lower, self.any_regex
        anchored = {index for index, word in enumerate(words)
                    if word in by_text or word.lower() in by_lower or (any_regex and any_regex.search(word))}
        if not anchored:
            return
        ends = sentence_bounds(doc)[1]
        strings = doc.vocab.strings
        for index in sorted(anchored):
            word = words[index]
            keys = by_text.get(word, ()) + by_lower.get(word.lower(), ()) + tuple(
                key for regex, key in self.by_regex if regex.search(word))
            found = []
            for group in set(keys):
                window = doc[index:min(ends[index], index + self.reach[group])]
                found += [(strings[match], end) for match, start, end in self.matchers[group](window) if start == 0]
            for key, end in sorted(found, key=lambda match: self.order[match[0]]):
                first = _leading(doc, index, self.leads[key])
                if first is not None:
                    yield key, first, index + end


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
    for attribute in ("ORTH", "LOWER", "TEXT"):
        value = token.get(attribute)
        if isinstance(value, str):
            return attribute, [value]
        if isinstance(value, dict) and "IN" in value:
            return attribute, list(value["IN"])
        if attribute == "TEXT" and isinstance(value, dict) and "REGEX" in value:
            return "REGEX", [value["REGEX"]]
    return None


def _check(token: TokenSpec, key: str) -> None:
    for name, value in token.items():
        known = name == "OP" or name in _FLAGS or (
            name in _TEXTS and (isinstance(value, str) or set(value) <= {"IN", "NOT_IN", "REGEX"}))
        if not known:
            raise ResourceError(f"rule {key}: {name} is not supported before the rule's first named word")


def _fits(token: Token, spec: TokenSpec) -> bool:
    """Whether a token meets a Matcher token spec (the attributes `_check` lets through)."""
    for name, value in spec.items():
        if name in _FLAGS:
            if getattr(token, _FLAGS[name]) is not value:
                return False
        elif name in _TEXTS:
            text = getattr(token, _TEXTS[name])
            if isinstance(value, str):
                if text != value:
                    return False
            elif ("IN" in value and text not in value["IN"]) or ("NOT_IN" in value and text in value["NOT_IN"]) \
                    or ("REGEX" in value and not re.search(value["REGEX"], text)):
                return False
    return True


def _leading(doc: Doc, start: int, leads: list[tuple[TokenSpec, str | None]]) -> int | None:
    """Where the longest match starts once the words before its anchor (nearest first, each with its Matcher OP)
    are matched leftwards from `start`; None when they cannot be. Every way of sharing the words out is tried, as
    the Matcher would ("Vitebsk Meat-Packing Plant": the optional run before "Plant" takes no word)."""
    if not leads:
        return start
    (spec, op), rest = leads[0], leads[1:]
    fitting = 0
    while start - fitting > 0 and _fits(doc[start - fitting - 1], spec) and (op in ("+", "*") or fitting < 1):
        fitting += 1
    least = 1 if op in (None, "+") else 0
    starts = [found for taken in range(least, fitting + 1)
              if (found := _leading(doc, start - taken, rest)) is not None]
    return min(starts, default=None)
