"""Dated claims: body sentences stating a fact, figure, plan or promise anchored to a placeable period.

A claim is a sentence (bracketed editorial inserts kept in it) with at least one
of the article's periods. Its anchor is the period the statement is about: a
comparison baseline ("than in 2022"), the date of the speech act ("said on 19
January") and a period that only names a document ("the programme for
2024-2026") give way to any other period. A sentence joining independent
statements with different anchors ("...; ...", "..., and ...") gives a claim per
statement. `kind` is "plan" when the statement carries a plan cue ("will",
"intend", "goal") or its anchor lies after publication or runs on from it, except
that a past period told in the past tense is a fact. The speaker is the person
quoted ("...," the head of state said), reported ("X said that", "according to
him") or named as the heading of a Q&A answer ("X: ..."); a quotation running over
several sentences keeps its speaker.
"""

from __future__ import annotations

import bisect
import itertools
import re
import string
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from pathlib import Path

from spacy.errors import Errors
from spacy.tokens import Doc

from pipeline.anchors import Anchored, Words
from pipeline.components.entity_ruler import CATALOG_ATTR
from pipeline.doctext import doc_text, doc_words, sentence_lines
from pipeline.errors import ResourceError
from pipeline.extract.date_grammar import Vocabulary, date_grammar, is_baseline
from pipeline.extract.dates import clause_tense
from pipeline.extract.entities import Entities
from pipeline.types import Article, Claim, Money, Percentage, Period, Person
from pipeline.resources import MODELS_DIR, read_jsonl

CUE_KINDS = ("plan", "speech", "reference", "continuation", "occasion")

# A plan cue is one or more words of letters and apostrophes; the statement must hold them as whole words, in a
# row, separated by anything else ("plans to", "plans, to"), in any case.
_PLAN_CUE = re.compile(r"[a-z']+(?: [a-z']+)*")
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
# Where a sentence joins two statements: "; ", a colon before a lower-case word, ", and ", and a bare " and " before a
# verb ("opened a shop in March and plans to build ...", not "Africa and Southeast Asia"), or a sequence of events
# ("output may grow this year | after a fall of 3% in the first half", ", then ..."; "after" only with a figure of its
# own, not "told reporters after the meeting on Friday", "as usual after the December bonuses"), or a relative clause
# telling a later event ("signed Decree No. 8, which came into force on 28 March 2018"). The branches are grouped by
# the character they start with, so that `re` tries one group at a space, not each branch.
_JOINT = re.compile(r";\s+|:\s+(?=[a-z])|,\s+(?:(?:and|but|while|whereas)\s+|(?=then\s)"
                    r"|(?=which\s+(?:[a-z]+ed|came|went|took|began|became|made|won|rose|fell|grew)\s))"
                    r"|\s+(?:–\s+|and\s+(?=(?:is|are|was|were|will|has|have|had|can|could|would|should|must|plans|"
                    r"intends|expects|aims|wants|hopes|[a-z]+ed)\b)"
                    r"|(?=after\s+(?:the|a|an)\s(?:[^,;.]|\.(?=\d))*?(?:%|percent|illion|\$|€|Br\d)))")
# "at least 4% in 2026 and by 6% in 2027": a bare " and " right after a period, before a clause of its own
# with a period in it (two words or more before that period; "in 2019 and in 2020" stays one statement). So does a
# comma before a verb in a sequence of events ("built the plant in 2015, modernized it in 2018 and ...") or before a
# clause that leaves out its verb ("Exports rose by 12% in January-September, imports by 5% in the first half";
# "two aircraft will arrive in mid-June, the third in early September"),
# unless the period fronts the sentence or closes an insert ("The plant, built in 1975, will ...").
_LINKING_WORDS = frozenset({"in", "on", "at", "by", "of", "from", "to", "until", "till", "the", "and", "or", "also"})
_JOINT_AFTER_PERIOD = re.compile(r"\s+and\s+|,\s+(?=(?:[a-z]{3,}ed|rose|fell|grew|went|began|built|sold|made|took|won|"
                               r"spent|became|paid|bought|brought|kept|left|led|held|met|sent|opened)\b"
                               r"|[a-z]+\s+(?:by|to)\s+(?:about\s+)?(?:[$€\d]|Br)"  # ", imports by 5% in ..."
                               # ", the third in early September"
                               r"|(?!(?:and|or|but|while|whereas)\s)(?:the\s+|[a-z]+\s+)?[a-z]+\s+(?:in|on|by)\s+"
                               r"(?:early|mid|late|the|[A-Z\d]))")
# The words' first letters come first, in a lookahead: `re` passes over the other characters at once (it tries every
# branch at every character of the 80 before each period otherwise).
_DOCUMENT_BEFORE = re.compile(r"(?i)(?=[abcfglmprst])"
                              r"\b(?:programmes?|programs?|plans?|strateg(?:y|ies)|concepts?|roadmaps?|"
                              r"agreements?|budgets?|laws?|guidelines|forecasts?|contracts?|memorand(?:um|a)|"
                              r"treat(?:y|ies)|targets)(?:\s+(?:execution|implementation|results?|reports?))?"
                              r"(?:\s+(?:of|for|on)\s+[\w\s-]{1,60}?)?\s+(?:for|until|up\s+to)\s+$")
# "a supplier of insulin for 2026-2027": a term of several whole years after "for" names what a deal or a
# document covers, not when the reported event happened.
_TERM_BEFORE = re.compile(r"(?i)\bfor\s+(?:the\s+(?:period|years)\s+(?:of\s+)?)?$")
_NUMBERED_ACT = re.compile(r"\bNo\.?\s*\d+\s+(?:of|dated)\s+$")  # "Decree No. 7 of 31 December 2017": names the act
# The words _DOCUMENT_BEFORE and _NUMBERED_ACT end with, before a space: the text before most periods ends with
# another one ("in", "on", "by"), and then neither is tried (`re` would try each at every character of the text).
_ACT_WORD = re.compile(r"(?i)for|until|to|of|dated")
_DOCUMENT_AFTER = re.compile(r"(?i)\s*(?:state\s+)?(?:programme|program|plan|strategy|concept|roadmap)\b")
_THAT = re.compile(r"\bthat\b")
# what was said, between a verb of saying and a period: "that", or a clause's own verb ("said the budget would be
# signed by the end of the year"); after an instruction or a promise, its "to ..." too
_SAID_WORDS = r"that|would|will|was|were|is|are|has|have|had|could|should|must|can|may"
_SAID = re.compile(rf"\b(?:{_SAID_WORDS})\b")
_TO_VERB = re.compile(rf"\b(?:{_SAID_WORDS}|to\s+[a-z]+)\b")
_RELATIVE_BEFORE = re.compile(r",\s+(?:which|whom)\s+$")
_PASSIVE = re.compile(r"\b(?:been|was|were|is|are|be|being)\s+(?:[a-z]+ly\s+)?$")  # before a participle
_FIGURE = re.compile(r"\d")
# "95% of the target", "82% of the annual target", "90% of the forecast": a measure of what was done, no plan
_MEASURED_BY = re.compile(r"\bof the $|\d(?:\s*%|\s+percent|\s+per cent)\s+of the (?:[a-z-]+ ){1,2}$")
# A participle's date set off by commas is background to the statement: "The restoration of Lida Castle, built in the
# early 14th century, will be completed by 2017", "The insurer, which was founded in 1995, received ..."
# a participle's or relative clause's aside: ", built in 1975,", ", which has been held in Vitebsk since 1992,"
_PARTICIPLE = r"(?:[a-z]+ed|built|founded|set\s+up|begun|born|made|held|rebuilt)"
_APPOSITIVE_BEFORE = re.compile(r",\s+(?:(?:which\s+(?:was|were)\s+)?"
                                rf"{_PARTICIPLE}\s+"
                                r"(?:(?:in|on|at|by)\s+)?(?:the\s+)?"
                                r"|(?:which|who)\s+(?:[^,;.“”\"]|\.(?=\d)){1,80}?\s)$")
_APPOSITIVE_END = re.compile(r"\s*,")
# a participle right after its noun, before the future of the clause it stands in: "The price caps introduced in
# October 2022 will remain in effect until the end of the year"
_REDUCED_RELATIVE = re.compile(rf"\b[a-z]+\s+{_PARTICIPLE}\s+(?:in|on|at)\s+(?:the\s+)?$")
_FUTURE_AFTER = re.compile(r"\s+(?:will|shall|is\s+to|are\s+to)\b")
_COORDINATED = re.compile(r"\s+(?:and|or)\s+(?:(?:in|on)\s+)?")  # between two periods of one size: one statement
_APPOSED = re.compile(r",\s+(?:on|in)\s+(?:the\s+)?")  # a period right after another that names it more narrowly
# A fronted date and the speaker with a title, before the speech verb: "Last week Deputy Prime Minister Natalya
# Kochanova said that ...", "On Friday Belarusbank reported ..."
# a sentence's opening clause an answer or a consequence follows: a question, a condition
_QUESTION_OR_CONDITION = re.compile(r"(?:[Aa]sked\s+(?:whether|if|about|when|how|what|why|for)|[Ii]f|[Uu]nless)\b[^,;]*")
_CLAUSE_END = re.compile(r"[^,;:.!?“”\"]{0,60},")
_FRONTED = re.compile(r"\s*(?:[A-Z][a-z]*\s+)?")  # nothing but an opening preposition before the date
_SPEAKER_AFTER = re.compile(r",?\s+(?:(?:[A-Z][\w'’.-]*|of|the|and)\s+){1,10}")
# Everything up to the last clause edge: one match, which `re` finds by backtracking from the end.
_UP_TO_CLAUSE_EDGE = re.compile(r"(?s:.*)[,;:“”\"()]")
# A question, also when a quoted one is followed by its attribution ("... next year?” the president said.").
_QUESTION = re.compile(r"\?[”\"]?(?:\s*[,–-]?\s+[^“”\"?\d]{1,60})?[\s”\"]*$")
_ACCORDING = Anchored(re.compile(r"\b(?:[Aa]ccording to|[Ii]n the words of)\s+"))
# "In his words, ...", "As she put it, ...": the pronoun is the speaker
_IN_WORDS = Anchored(re.compile(r"\b(?:[Ii]n\s+(?P<his>his|her)\s+words|[Aa]s\s+(?P<he>he|she)\s+put\s+it)\b"))
# What may stand between "according to" and the name: a title ("Agriculture and Food Minister", "Ambassador of
# Belarus to the UAE").
_TITLE_RUN = re.compile(r"(?:(?:[A-Z][\w.'-]*|of|and|the|for|to|in)\s+)*")
_ACCORDING_WINDOW = 100
# between a description and its speech verb: ", ...,", the comma closing a name set off by commas ("The chairman of
# X, Viktor Svirid, said"), or what the description is of ("The chairman of the presidium stressed")
_INSERT = re.compile(r",(?:[^;,]{1,80},)?\s*|\s+of\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,4}\s+")
# ... and between a verb of saying and the name after it: a title only, which starts with a capital ("BelTA learned
# from Director General of the plant Ivan Petrov"), never "reported to the president".
_TITLE_AFTER_VERB = re.compile(r"(?:[A-Z][\w.'-]*\s+(?:(?:[A-Z][\w.'-]*|of|and|the|for|to|in)\s+)*)?")
# A Q&A answer is headed by its speaker's name and a colon ("Oleg Kravchenko: In 2024, ...").
_HEADING_COLON = re.compile(r"[ \t]*:")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
_ASKER = re.compile(r"\s*(?:BelTA|Question|Q)\s*:")  # a line of the interviewer's
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Uu]s|I|[Mm]y|[Mm]e)\b")
# tried at the word only: `re` would try an IGNORECASE pattern at every character of the text
_INTERVIEW = Anchored(re.compile(r"\binterview\b", re.IGNORECASE))
_LINE = re.compile(r"[^\n]+")
# A quotation mark or a paragraph break, or a line break alone, which `quote_spans` passes over: `re` looks for a
# pattern that opens with a class of characters far faster than for one of branches ("[“”\"]|\n\n").
_QUOTE_OR_PARAGRAPH = re.compile(r"[“”\"\n](?:(?<=\n)\n)?")
_PRONOUN_CASES = {"he": "he", "him": "he", "his": "he", "she": "she", "her": "she"}
_PRONOUN = Anchored(re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]er)\b"))
_ROLE_WINDOW = 60
_PRESS_SERVICE_OF = re.compile(r"(?i)\bpress\s+(?:service|office|secretary)\s+of\s+(?:the\s+)?$")
_FEMININE_ENDINGS = ("aya", "ova", "eva", "yova", "ina", "yna")
_MASCULINE_ENDINGS = ("ov", "ev", "in", "yn", "sky", "skiy", "skii", "ich")


@dataclass(frozen=True, slots=True)
class ClaimCues:
    plan: re.Pattern[str]  # any plan cue, or a word ending in "'ll", as whole words, in lower case (see _is_plan)
    speech: Anchored  # tried at the words of its verbs only
    references: Anchored
    directives: frozenset[str]  # verbs of saying that instruct or promise: what their "to ..." tells was said
    directive: re.Pattern[str]  # any of them, as whole words
    roles: dict[str, tuple[str, ...]]
    longer_roles: dict[str, tuple[str, ...]]  # the roles holding each role ("minister": "prime minister", ...)
    continuation: re.Pattern[str]  # a sentence opening so goes on with the speaker before it
    occasion: re.Pattern[str]  # a participle clause opening a sentence on the occasion of the statement, up to a date


# what may stand between "the" and the next word of a description: a capitalised word, an abbreviation or an owner
_AFTER_THE = r"\s+(?:(?:(?-i:[A-Z][A-Za-z]+)|[a-z]+['’]s)\s+)?"


def _reference_pattern(cue: str) -> str:
    """A description cue as a pattern; each "the" in it may be followed by a capitalised word or an abbreviation
    ("the Russian governor", "the KGB chief", "the head of the Emergencies Ministry") or an owner's possessive ("the
    company's director general")."""
    words = cue.split()
    return "".join(re.escape(word) + _after_word(word) for word in words[:-1]) + re.escape(words[-1])


def _after_word(word: str) -> str:
    return _AFTER_THE if word == "the" else r"\s+"


def _references_pattern(cues: Sequence[str]) -> re.Pattern[str]:
    """The description cues as one pattern, longest first, behind a lookahead of their first two words: it holds
    wherever a cue matches, and at most of a text's "the"s it fails at once, where the alternation would try each
    cue in turn (about ten times as long)."""
    following: dict[str, set[str]] = {}  # the second words of the cues, by their first
    for cue in cues:
        first, *rest = cue.split()
        following.setdefault(first, set()).add(rest[0] if rest else "")
    openings = "|".join(re.escape(first) if "" in seconds else
                        re.escape(first) + _after_word(first) + "(?:" + "|".join(map(re.escape, sorted(seconds))) + ")"
                        for first, seconds in following.items())
    return re.compile(rf"(?i)\b(?=(?:{openings}))(?:"
                      + "|".join(map(_reference_pattern, sorted(cues, key=len, reverse=True))) + r")\b")


def _plan_pattern(cues: Sequence[str]) -> re.Pattern[str]:
    """The plan cues (lower case), or a word ending in "'ll", as whole words. The cues are grouped by their first
    character, so that at a word `re` enters the group of its first letter only, not each of the cues in turn: which
    cue matches at a word may change with their order, whether one starts there does not, and that is all `_is_plan`
    asks."""
    groups: dict[str, list[str]] = {}
    for cue in cues:  # a cue's first character, a letter or an apostrophe, is no character `re.escape` escapes
        groups.setdefault(cue[0], []).append("[^A-Za-z']+".join(map(re.escape, cue.split()))[1:])
    alternatives = "".join(f"{first}(?:{'|'.join(rests)})|" for first, rests in groups.items())
    return re.compile(rf"(?<![A-Za-z'])(?:{alternatives}[A-Za-z']*'ll)(?![A-Za-z'])")


def load_claim_cues(path: Path) -> ClaimCues:
    rows: dict[str, list[dict]] = {kind: [] for kind in CUE_KINDS}
    for row in read_jsonl(path, required=("kind", "cue")):
        if row["kind"] not in rows:
            raise ResourceError(f"{path}: unknown kind {row['kind']!r}")
        rows[row["kind"]].append(row)
    plans = [row["cue"].lower() for row in rows["plan"]]
    if unmatched := [cue for cue in plans if not _PLAN_CUE.fullmatch(cue)]:
        raise ResourceError(f"{path}: plan cues of words of letters and apostrophes only: {unmatched!r}")

    all_roles = {role for row in rows["reference"] for role in row.get("roles", ())}
    directives = frozenset(r["cue"].lower() for r in rows["speech"]) & frozenset(plans)

    def alternation(kind: str) -> str:
        return "|".join(re.escape(r["cue"]) for r in sorted(rows[kind], key=lambda r: -len(r["cue"])))
    return ClaimCues(
        plan=_plan_pattern(plans),
        speech=Anchored(re.compile(rf"\b(?:{alternation('speech')})\b")),
        references=Anchored(_references_pattern([r["cue"] for r in rows["reference"]])),
        directives=directives,
        directive=re.compile(r"(?i)\b(?:" + "|".join(map(re.escape, sorted(directives, key=len, reverse=True)))
                             + r")\b"),
        roles={r["cue"].lower(): tuple(r.get("roles", ())) for r in rows["reference"]},
        longer_roles={role: tuple(other for other in all_roles if role in other and role != other)
                      for role in all_roles},
        occasion=re.compile(rf"\s*(?:{alternation('occasion')})\b[^,;:.!?“”\"]*"),
        # "To reach these goals, ...": a purpose that points back at what was just said goes on with it too
        continuation=re.compile(rf"(?i)(?:{alternation('continuation')})\b|(?:in\s+order\s+)?to\s+[a-z]+\s+"
                                r"(?:these|this|those|such)\b"),
    )


@cache
def claim_cues(models_dir: Path = MODELS_DIR) -> ClaimCues:
    """The cues from `models_dir/claim_cues.jsonl`, once per process."""
    return load_claim_cues(models_dir / "claim_cues.jsonl")


def extract_claims(doc: Doc, article: Article, *, entities: Entities, money: tuple[Money, ...],
                   percentages: tuple[Percentage, ...], dates: tuple[Period, ...],
                   models_dir: Path = MODELS_DIR) -> tuple[Claim, ...]:
    """Every dated claim of the body, in body order."""
    if article.published is None or not dates:
        return ()
    words = doc_words(doc)
    text = words.text
    cues = claim_cues(models_dir)
    tense_words = date_grammar(models_dir).vocabulary
    catalog = doc._.get(CATALOG_ATTR) if doc.has_extension(CATALOG_ATTR) else None
    speakers = Speakers(words, entities.people, cues, genders=catalog.genders if catalog else {},
                        countries=catalog.country_adjectives if catalog else {})
    mentions = EntityMentions(entities)
    claims = []
    sentences = sentence_spans(doc, article)
    dated = [[d for d in dates if start <= d.start and d.end <= end] for start, end in sentences]
    # the speakers are read in body order, up to the last sentence with a period: no claim comes after it
    last = max((index for index, sentence_dates in enumerate(dated) if sentence_dates), default=-1)
    for (start, end), sentence_dates in zip(sentences[:last + 1], dated):
        speaker = speakers.of_sentence(start, end)
        if not sentence_dates or _QUESTION.search(text, start, end) or speakers.asks(start):
            continue
        for part_start, part_end, anchor, decisive, told in statements(
                words, start, end, sentence_dates, cues, published=article.published.date(),
                vocabulary=tense_words):
            claims.append(Claim(
                text=article.text[part_start:part_end], start=part_start, end=part_end,
                first=anchor.first, last=anchor.last,
                kind=_kind(words, decisive, anchor, article.published.date(), cues, tense_words, told=told),
                speaker=speaker,
                money=tuple(m for m in money if part_start <= m.start < part_end),
                percentages=tuple(p for p in percentages if part_start <= p.start < part_end),
                entities=mentions.names(part_start, part_end),
            ))
    return tuple(claims)


# Sentences and statements ---------------------------------------------------------------------------


def sentence_spans(doc: Doc, article: Article) -> list[tuple[int, int]]:
    """Body sentences without surrounding space: the senter's, cut at line breaks, joined again where
    it broke inside a bracketed insert, the dateline left out."""
    if not doc.has_annotation("SENT_START"):
        raise ValueError(Errors.E030)
    text = doc_text(doc)
    skip = article.dateline.end if article.dateline else 0
    spans = []
    for start, end in sentence_lines(doc):
        start = max(start, skip)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def statements(words: Words, start: int, end: int, dates: Sequence[Period], cues: ClaimCues, *,
               published: date | None = None, vocabulary: Vocabulary | None = None
               ) -> list[tuple[int, int, Period, str, bool]]:
    """The sentence at start..end of `words.text` as one statement, or one per joined clause when the clauses have
    different anchors.

    Each comes with its anchor, the text that decides its kind (the clause holding the anchor, or the
    whole statement when the anchor is only the date of the speech act) and whether it is that date.
    With the publication date and the tense words, a period after publication told in the past tense is what
    a past act was about ("was picked to stage the fair in 2028 after a vote in October 2025"): the act's own
    date wins over it.
    """
    text = words.text
    joints = [*_JOINT.finditer(text, start, end), *_joints_after_periods(text, dates, start, end)]
    cuts = [m for m in sorted(joints, key=lambda m: m.start()) if not _inside_brackets(text, start, m.start())
            and not any(d.start < m.end() and m.start() < d.end for d in dates)
            and not _after_speech(words, m, cues.speech)]
    starts = [start, *(m.end() for m in cuts)]
    ends = [*(m.start() for m in cuts), end]
    clauses = [(s, e) for s, e in zip(starts, ends) if s < e]

    levels: dict[tuple[int, int], int] = {}

    def demotion(period: Period, clause_start: int) -> int:
        key = (period.start, clause_start)
        if key not in levels:
            level = _demotion(words, period, clause_start, cues, published)
            # the tense only ranks a period after publication below the others: alone, it need not be read
            if (not level and len(dates) > 1 and published is not None and vocabulary is not None and
                    period.first > published and clause_tense(text, period.start, period.end, vocabulary) == "past"
                    and not cues.directive.search(text, clause_start, period.start)):
                level = DOCUMENT  # not an instruction's deadline: "demanded the harvest of maize by 15 October"
            levels[key] = level
        return levels[key]
    leveled = {c: [(d, demotion(d, c[0])) for d in dates if c[0] <= d.start < c[1]] for c in clauses}
    # A clause dated only by a comparison baseline ("1.5 times more than in 2024") is no statement of its own,
    # nor, when another clause has a period of its own, is one dated only by a document ("and an action plan for
    # 2026-2028") or by the speech act ("..., the director told reporters on Thursday").
    weakest = BASELINE if all(level for levels in leveled.values() for _, level in levels) else DOCUMENT
    parts: list[tuple[int, int, list[Period]]] = []
    pending: int | None = None  # a clause without a period joins the statement after it, or else before it
    for clause in clauses:
        part_start, part_end = clause
        part_dates = [d for d, level in leveled[clause] if level < weakest]
        if part_dates:
            parts.append((part_start if pending is None else pending, part_end,
                          [d for d, level in leveled[clause] if level != BASELINE]))
            pending = None
        elif parts:
            parts[-1] = (parts[-1][0], part_end, parts[-1][2])
        elif pending is None:
            pending = part_start
    if not parts:
        return []  # only a comparison baseline ("3.6 centners more than last year"): nothing to anchor to

    def anchor_of(periods: Sequence[Period], statement_start: int) -> Period:
        anchor = min(periods, key=lambda d: (demotion(d, statement_start), d.start))
        # "Seventy-one years ago, on 28 July 1944", "Earlier this month, on 7 September": the day it narrows to
        anchor = next((d for d in periods if _APPOSED.fullmatch(text, anchor.end, d.start)
                       and anchor.first <= d.first and d.last <= anchor.last), anchor)
        # "In July and August", "on Saturday and Sunday", "in April or May next year": the statement is about both
        joined = next((d for d in periods if _COORDINATED.fullmatch(text, anchor.end, d.start)
                       and d.first > anchor.last and abs((d.last - d.first) - (anchor.last - anchor.first)).days <= 3),
                      None)
        return anchor if joined is None else Period(text=text[anchor.start:joined.end], start=anchor.start,
                                                    end=joined.end, first=anchor.first, last=joined.last)
    anchored = [(s, e, anchor_of(ds, s)) for s, e, ds in parts]
    if len({(a.first, a.last) for _, _, a in anchored}) <= 1:
        anchored = [(start, end, anchor_of(dates, start))]
    statements = []
    for s, e, a in anchored:
        clause = next((c for c in clauses if c[0] <= a.start < c[1]), (s, e))
        told = demotion(a, s) == SPEECH_ACT  # kept from choosing the anchor; only a level 0 is ever raised
        statements.append((s, e, a, text[s:e] if told else text[clause[0]:clause[1]], told))
    return statements


def _after_speech(words: Words, joint: re.Match[str], speech: Anchored) -> bool:
    """"X said after a meeting on 15 April": what follows a verb of saying dates the saying, no new statement."""
    return any(verb.end() == joint.start()
               for verb in speech.finditer(words.text, words, max(0, joint.start() - 30), joint.start()))


def _joints_after_periods(text: str, dates: Sequence[Period], start: int, end: int) -> list[re.Match[str]]:
    """" and " (or a comma before a verb) right after a period, with a period of its own after a word that is no
    preposition, in text order. Tried at the periods' ends only, which gives what `finditer` gives there: a period
    ends on neither a space nor a bare "and", so no match before it runs on past its end."""
    joints = []
    for period in sorted({d.end: d for d in dates}.values(), key=lambda d: d.end):
        joint = _JOINT_AFTER_PERIOD.match(text, period.end, end)
        if joint and joint.group().startswith(","):
            before = text[start:period.start]
            if len(before.split()) < 2 or ", " in before:
                continue  # a fronted period ("In 2015, ..."), or one closing an insert ("The plant, built in 1975, ...")
        following = next((d for d in dates if d.start >= joint.end()), None) if joint else None
        between = text[joint.end():following.start].split() if following is not None else []
        if following is not None and following.end <= end \
                and (len(between) >= 2 or (between and between[0].lower() not in _LINKING_WORDS)):
            joints.append(joint)  # "wheat by 20 September and rye by 30 September"; not "in 2019 and in 2020"
    return joints


def _inside_brackets(text: str, start: int, position: int) -> bool:
    before = text[start:position]
    return before.count("[") > before.count("]") or before.count("(") > before.count(")")


DOCUMENT, SPEECH_ACT, BASELINE = 1, 2, 3


def _demotion(words: Words, period: Period, start: int, cues: ClaimCues, published: date | None) -> int:
    text, speech = words.text, cues.speech
    lo = max(start, period.start - 80)
    before = text[lo:period.start]
    ahead = published is not None and period.first > published
    if is_baseline(before, day=period.first == period.last, ahead=ahead):
        return BASELINE
    last_word = before.rsplit(None, 1)[-1:]
    act_word = before[-1:].isspace() and bool(last_word) and _ACT_WORD.fullmatch(last_word[0]) is not None
    if ((act_word and (_DOCUMENT_BEFORE.search(before) or _NUMBERED_ACT.search(before)))
            or _DOCUMENT_AFTER.match(text, period.end)
            or (_whole_years(period) > 1 and _TERM_BEFORE.search(before))
            or (_APPOSITIVE_BEFORE.search(before) and _APPOSITIVE_END.match(text, period.end))
            or (_REDUCED_RELATIVE.search(before) and _FUTURE_AFTER.match(text, period.end))
            or _QUESTION_OR_CONDITION.fullmatch(text, start, period.start)):
        return DOCUMENT  # a document's period, background in an aside ("Lida Castle, built in the 14th century,"), in
        # the question an answer follows ("Asked whether the plant would be built in 2027, the governor said") or in
        # a condition ("If inflation slows in March, we may cut the rate in the second quarter")
    edge = _UP_TO_CLAUSE_EDGE.match(before)
    # the clause is read from past its edge, a character no word holds: `\b` reads it there as at the start of a slice
    verb = None
    for found in speech.finditer(text, words, lo + (edge.end() if edge else 0), period.start):
        if not _PASSIVE.search(text, max(0, found.start() - 20), found.start()):
            verb = found  # "had been declared by the President on 31 December" is the event, no speech
    # "said on Monday" dates the speech; "added that in March ...", "reported a net profit of BYN105 million
    # for 2016" and "demanded the completion of the harvest by 15 October" date what was said, and so does a verb
    # in what was said ("said on Friday that the President announced the decision on 31 December")
    directive = verb is not None and verb.group().lower() in cues.directives
    said = _TO_VERB if directive else _SAID  # "instructed X to report by 1 June"
    if verb and not said.search(text, verb.end(), period.start) and not _FIGURE.search(text, verb.end(), period.start) \
            and not (directive and len(text[verb.end():period.start].split()) > 1) \
            and not any(_THAT.search(text, earlier.end(), verb.start())
                        for earlier in speech.finditer(text, words, start, verb.start())):
        return SPEECH_ACT
    # so does a date fronted before the speaker ("On Monday Prime Minister X said that ...", "Last week, BPS-Sberbank
    # reported a net profit of BYN105 million for 2016")
    if _FRONTED.fullmatch(text, start, period.start) and (speaker := _SPEAKER_AFTER.match(text, period.end)) \
            and speech.pattern.match(text, speaker.end()):
        return SPEECH_ACT
    # and a date in a participle clause that opens the sentence on the occasion of the statement ("Speaking at a
    # board meeting on Tuesday, X said that ... this year")
    if cues.occasion.fullmatch(text, start, period.start) and _CLAUSE_END.match(text, period.end):
        return SPEECH_ACT
    return 0


def _whole_years(period: Period) -> int:
    """How many calendar years the period covers exactly (0 when it is not a run of whole years)."""
    if (period.first.month, period.first.day, period.last.month, period.last.day) != (1, 1, 12, 31):
        return 0
    return period.last.year - period.first.year + 1


def _kind(words: Words, decisive: str, anchor: Period, published: date, cues: ClaimCues, tense_words: Vocabulary, *,
          told: bool) -> str:
    """A plan when the statement carries a plan cue or its period is ahead, unless that period only names a
    document acted on in the past tense ("The parliament approved the budget for 2023") or began by publication
    ("took place on 23-24 October", published on the 23rd); but a past period told in
    the past tense, the publication day included, is a fact whatever else the sentence says ("The oblast worked well
    in 2025, I will not deny it", "Earlier today X signed an agreement under which Y will buy ..."),
    unless that period is only the date it was `told` on ("told them on Monday that it was ready to ...") or the
    statement is an instruction or a promise ("Last year the government promised to raise wages")."""
    if _ahead(anchor, published):
        if _is_plan(decisive, cues):  # read first: most statements about a period ahead carry a cue
            return "plan"
        # a document acted on, or an event begun by publication ("took place on 23-24 October" on the 23rd), told
        # in the past tense
        past_act = (anchor.first <= published
                    or _demotion(words, anchor, max(0, anchor.start - 80), cues, published) == DOCUMENT) \
            and clause_tense(words.text, anchor.start, anchor.end, tense_words) == "past"
        return "fact" if past_act else "plan"
    if _is_plan(decisive, cues) and (told or cues.directive.search(decisive) or not (
            anchor.last <= published and clause_tense(words.text, anchor.start, anchor.end, tense_words) == "past")):
        return "plan"
    return "fact"


def _ahead(period: Period, published: date) -> bool:
    """The period lies after publication, or runs on from it ("within the next two years")."""
    return period.first > published or (period.first == published and period.last > published)


def _is_plan(statement: str, cues: ClaimCues) -> bool:
    # The cues' pattern is tried on the statement in lower case, which `re` matches faster than it matches
    # IGNORECASE; only A-Z are lowered (str.lower also changes other letters, and may lengthen the text).
    lowered = statement.lower() if statement.isascii() else statement.translate(_ASCII_LOWER)
    return any(not _MEASURED_BY.search(lowered, max(0, cue.start() - 40), cue.start())
               for cue in cues.plan.finditer(lowered))


class EntityMentions:
    """The entities' mentions by where they start, each with its entity's place in the order names are listed in:
    people, regions, enterprises, organizations."""

    def __init__(self, entities: Entities) -> None:
        listed = enumerate(entity for group in (entities.people, entities.regions, entities.enterprises,
                                                entities.organizations) for entity in group)
        self.mentions = sorted((m.start, m.end, rank, entity.name) for rank, entity in listed for m in entity.mentions)
        self.starts = [mention[0] for mention in self.mentions]

    def names(self, start: int, end: int) -> tuple[str, ...]:
        """The names of the entities mentioned within start..end, each once, in that order."""
        first, last = bisect.bisect_left(self.starts, start), bisect.bisect_right(self.starts, end)
        inside = sorted((rank, name) for _, e, rank, name in self.mentions[first:last] if e <= end)
        return tuple(dict.fromkeys(name for _, name in inside))


# Speakers --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reference:
    start: int
    end: int
    kind: str  # "person", "description" or "pronoun"
    name: str | None


class Speakers:
    """Who is quoted or reported where: reads the text once, then answers sentence by sentence in order."""

    def __init__(self, words: Words, people: Sequence[Person], cues: ClaimCues, *,
                 genders: dict[str, str] | None = None, countries: dict[str, str] | None = None) -> None:
        self.text = words.text
        self.words = words
        self.people = people
        self.cues = cues
        self.genders = genders or {}
        self.countries = countries or {}  # country adjectives, lower case -> the country's name
        self.mentions = sorted((m.start, m.end, p.name) for p in people for m in p.mentions)
        self.mention_starts = [start for start, _, _ in self.mentions]
        self.quotes = list(quote_spans(self.text))
        self.quote_ends = [end for _, end in self.quotes]  # rising, as the quotations follow one another
        self.quote_speakers: dict[tuple[int, int], str | None] = {}
        self.last_speaker: str | None = None
        self.last_speaker_at: int | None = None  # where the sentence of the last speaker starts
        self.sentence_before: tuple[int, int] | None = None  # the sentence read before the one being read
        self.sentence: tuple[int, int] | None = None
        self.answers, self.questions = self._interview()

    def of_sentence(self, start: int, end: int) -> str | None:
        """The speaker of the sentence at start..end; call for every sentence in body order."""
        self.sentence_before, self.sentence = self.sentence, (start, end)
        answer = next((name for s, e, name in self.answers if s <= start < e), None)
        # a third person quoted or reported in an answer speaks ("As President Putin said, ...")
        speaker = (self._reported(start, end) or answer) if answer is not None else None
        if speaker is None:
            speaker = self._quoted(start, end)
        if speaker is None:
            speaker = self._reported(start, end)
        if speaker is None and self.last_speaker_at is not None and self.cues.continuation.match(self.text, start) \
                and "\n" not in self.text[self.last_speaker_at:start]:
            speaker = self.last_speaker  # "For instance, ...", "Thus, ...": the same paragraph's speaker goes on
        if speaker is not None:
            self.last_speaker, self.last_speaker_at = speaker, start
        return speaker

    def asks(self, position: int) -> bool:
        """Whether `position` is in an interview's question ("BelTA: Tell us about the forecast for next year.")."""
        return any(s <= position < e for s, e in self.questions)

    def _interview(self) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
        """Q&A answers (start, end, speaker) and questions (start, end), line by line. A question is a line that ends
        with "?" or opens with "BelTA:" or "Question:". An answer opens at a line headed by a person's name and a colon
        (that person's words), or at the line after a question when the article tells of an interview (the words of
        the interviewee: the one who speaks in the sentence telling of it, else the first person its paragraph names),
        and runs on up to the next question or heading; the last one, with no question after it, only while its
        paragraphs speak in the first person and name no one ("we intend"; not the agency's closing "According to
        Belstat, ...", nor "X said that ... “we signed ...”")."""
        text = self.text
        heads = {_line_start(text, start): name for start, end, name in self.mentions
                 if not text[_line_start(text, start):start].strip() and _HEADING_COLON.match(text, end)}
        interviewee = self._interviewee()
        answers: list[tuple[int, int, str]] = []
        questions: list[tuple[int, int]] = []
        lines = list(_LINE.finditer(text))
        asked_after = [False] * (len(lines) + 1)  # whether a question or heading comes at or after each line
        for index in range(len(lines) - 1, -1, -1):
            line = lines[index]
            asked_after[index] = asked_after[index + 1] or line.start() in heads or _is_question(line.group())
        answer: tuple[int, str] | None = None  # the start and speaker of the answer being read
        for index, line in enumerate(lines):
            if line.start() in heads or _is_question(line.group()):
                if answer is not None:
                    answers.append((answer[0], line.start(), answer[1]))
                answer = (line.start(), heads[line.start()]) if line.start() in heads else None
                if answer is None:
                    questions.append((line.start(), line.end()))
                    if interviewee is not None:
                        answer = (line.end(), interviewee)
            elif answer is not None and not asked_after[index] and text[answer[0]:line.start()].strip() \
                    and (not _FIRST_PERSON.search(line.group()) or self._names_someone(line.start(), line.end())):
                answers.append((answer[0], line.start(), answer[1]))  # the last answer ends before the agency's words
                answer = None
        if answer is not None:
            answers.append((answer[0], len(text), answer[1]))
        return answers, questions

    def _names_someone(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.mention_starts, start)
        return index < len(self.mention_starts) and self.mention_starts[index] < end

    def _interviewee(self) -> str | None:
        """The person an article tells gave an interview: the speaker of the sentence that tells so, else the first
        person that sentence's paragraph names ("Minister X, who was received by President Y on Tuesday, spoke about
        ... in an interview")."""
        told = next(_INTERVIEW.finditer(self.text, self.words), None)
        if told is None:
            return None
        start = max(self.text.rfind(". ", 0, told.start()) + 2, _line_start(self.text, told.start()))
        speaker = self._reported(start, _sentence_end(self.text, told.end()))
        if speaker is not None:
            return speaker
        paragraph_end = self.text.find("\n", told.start())
        paragraph = (_line_start(self.text, told.start()), len(self.text) if paragraph_end < 0 else paragraph_end)
        return next((name for s, _, name in self.mentions if paragraph[0] <= s < paragraph[1]), None)

    def _quoted(self, start: int, end: int) -> str | None:
        for quote in itertools.islice(self.quotes, bisect.bisect_right(self.quote_ends, start), None):
            if quote[0] >= end:
                break
            if _mostly_inside(quote, start, end):
                if quote not in self.quote_speakers:
                    self.quote_speakers[quote] = self._quote_speaker(quote)
                return self.quote_speakers[quote]
        return None

    def _quote_speaker(self, quote: tuple[int, int]) -> str | None:
        following = self._continued(quote)
        if following is not None:  # a quotation over paragraphs: only its last one is closed and attributed
            if following not in self.quote_speakers:
                self.quote_speakers[following] = self._quote_speaker(following)
            if self.quote_speakers[following] is not None:
                return self.quote_speakers[following]
        tail_end = _sentence_end(self.text, quote[1])
        tail = self.text[quote[1]:tail_end]
        verb = self.cues.speech.pattern.search(tail)
        if verb:
            references = self.references(quote[1], tail_end)
            if references:
                # a description is named before its verb: '," the head of the centre Tatyana Nikitina said'
                named = next((r for r in references if r.kind == "person" and r.start < quote[1] + verb.start()),
                             None) if references[0].kind == "description" else None
                return self.resolve(named or references[0])
        head_start = _line_start(self.text, quote[0])
        verb = None
        for verb in self.cues.speech.finditer(self.text, self.words, head_start, quote[0]):
            pass
        if verb is not None:
            before = [r for r in self.references(head_start, verb.start())]
            if before:
                return self.resolve(before[-1])
        earlier = [q for q in self.quote_speakers if q[1] <= quote[0] and quote[0] - q[1] < 400]
        return self.quote_speakers[max(earlier)] if earlier else self.last_speaker

    def _continued(self, quote: tuple[int, int]) -> tuple[int, int] | None:
        """The quotation going on in the next paragraph, when this one is left open at its paragraph's end."""
        if self.text[quote[1] - 1:quote[1]] in ("”", '"') or not self.text.startswith("\n", quote[1]):
            return None
        return next((q for q in self.quotes if q[0] > quote[1] and not self.text[quote[1]:q[0]].strip()), None)

    def _reported(self, start: int, end: int) -> str | None:
        according = next(_ACCORDING.finditer(self.text, self.words, start, end), None)
        if according:
            references = [r for r in self.references(according.end(), min(end, according.end() + _ACCORDING_WINDOW))
                          if _TITLE_RUN.fullmatch(self.text, according.end(), r.start)]
            return self.resolve(references[0]) if references else None
        if own_words := next(_IN_WORDS.finditer(self.text, self.words, start, end), None):
            group = "his" if own_words.group("his") else "he"
            return self.resolve(Reference(own_words.start(group), own_words.end(group), "pronoun", None))
        for verb in self.cues.speech.finditer(self.text, self.words, start, end):
            inside = bisect.bisect_right(self.quote_ends, verb.start())  # the only quotation that may hold it
            if inside < len(self.quotes) and self.quotes[inside][0] <= verb.start():
                continue
            before = [r for r in self.references(start, verb.start()) if _close_before(self.text, r.end, verb.start())]
            if before and _PRESS_SERVICE_OF.search(self.text, max(0, before[-1].start - 40), before[-1].start):
                return None  # "the press service of the Belarusian leader reported": the service, no person
            if before and _RELATIVE_BEFORE.search(self.text, max(0, before[-1].start - 10), before[-1].start):
                continue  # "The bill, which the president declared in January, ...": a relative clause's verb
            if before:
                return self.resolve(before[-1])
            # "..., said X", "BelTA learned from Director General of the plant X"
            after = [r for r in self.references(verb.end(), min(end, verb.end() + _ACCORDING_WINDOW))
                     if _TITLE_AFTER_VERB.fullmatch(self.text[verb.end():r.start].lstrip())]
            if after:
                return self.resolve(after[0])
        return None

    def references(self, start: int, end: int) -> list[Reference]:
        """Person mentions, descriptive references and personal pronouns in start..end, in text order."""
        starting = self.mentions[bisect.bisect_left(self.mention_starts, start):
                                 bisect.bisect_right(self.mention_starts, end)]
        found = [Reference(s, e, "person", name) for s, e, name in starting if e <= end]
        covered = [(r.start, r.end) for r in found]
        for kind, pattern in (("description", self.cues.references), ("pronoun", _PRONOUN)):
            for match in pattern.finditer(self.text, self.words, start, end):
                if not any(s < match.end() and match.start() < e for s, e in covered):
                    found.append(Reference(match.start(), match.end(), kind, None))
                    covered.append((match.start(), match.end()))
                elif kind == "description":
                    # a person's mention "The chairman" that a longer description opens ("The chairman of the
                    # committee said"): the person, up to the description's end
                    found = [Reference(r.start, match.end(), r.kind, r.name)
                             if r.kind == "person" and r.start == match.start() and r.end < match.end() else r
                             for r in found]
        return sorted(found, key=lambda r: r.start)

    def resolve(self, reference: Reference) -> str | None:
        if reference.kind == "person":
            return reference.name
        if reference.kind == "pronoun":
            pronoun = _PRONOUN_CASES.get(self.text[reference.start:reference.end].lower(), "")
            subject = self._subject_before()
            if subject is not None and self._may_be(pronoun, subject):
                return subject
            if self.last_speaker is not None and self._may_be(pronoun, self.last_speaker):
                return self.last_speaker
            before = self.mentions[:bisect.bisect_left(self.mention_starts, reference.start)]
            earlier = next((name for _, _, name in reversed(before) if self._may_be(pronoun, name)), None)
            return earlier if earlier is not None else self.last_speaker or self._latest_person(reference.start)
        roles, named = self._roles(self.text[reference.start:reference.end].split())
        country = self.countries.get(named.lower()) if named else None
        ranks = {p.name: self._holding(p, roles, named) for p in self.people} if roles else {}
        holders = [p for p in self.people if ranks.get(p.name)]
        if country is not None:  # "the Russian governor": the governor of Russia when a title says whose, and no
            # one another country's ("The Belarusian minister" is not "Ambassador of Russia to Belarus X")
            holders = [p for p in holders if any(_owned_by(title, country) for title in p.titles)] \
                or [p for p in holders if not self._foreign(p, country)]
        if self.last_speaker in {p.name for p in holders}:  # "..., the minister added" goes on with the speaker
            return self.last_speaker
        if holders:  # else the surest holder, the one mentioned last among equals
            return max(holders, key=lambda p: (ranks[p.name], self._latest_mention(p, reference.start))).name
        return self._latest_person(reference.start)

    def _roles(self, words: list[str]) -> tuple[tuple[str, ...], str | None]:
        """The roles of a description and the word it names after a "the" ("the KGB chief": the chief's roles,
        "KGB")."""
        roles = self.cues.roles.get(" ".join(words).lower())
        if roles is not None:
            return roles, None
        for index in range(1, len(words)):
            if words[index - 1].lower() == "the":
                roles = self.cues.roles.get(" ".join(words[:index] + words[index + 1:]).lower())
                if roles is not None:
                    return roles, words[index]
        return (), None

    def _subject_before(self) -> str | None:
        """The person who opens the sentence before, after a title at most, when it has no speaker of its own: a
        pronoun goes on with that sentence's subject ("X said ... . Industry Minister Y visited the plant. He said
        ..." is Y)."""
        if self.sentence_before is None or self.last_speaker_at == self.sentence_before[0]:
            return None
        start, end = self.sentence_before
        index = bisect.bisect_left(self.mention_starts, start)
        if index < len(self.mentions) and self.mentions[index][1] <= end \
                and _TITLE_RUN.fullmatch(self.text, start, self.mentions[index][0]):
            return self.mentions[index][2]
        return None

    def _may_be(self, pronoun: str, name: str) -> bool:
        """Whether "he"/"she" can stand for the person: a listed given name tells (Yelena Kostyukevich), else
        a Slavic surname may (Savitskaya, Ivanov)."""
        words = name.lower().split()
        gender = self.genders.get(words[0]) if len(words) > 1 else None
        if gender is not None:
            return gender == ("m" if pronoun == "he" else "f")
        if pronoun == "he":
            return not words[-1].endswith(_FEMININE_ENDINGS)
        return not words[-1].endswith(_MASCULINE_ENDINGS)

    @cached_property  # read for a description naming a country only
    def country_names(self) -> frozenset[str]:
        return frozenset(self.countries.values())

    def _foreign(self, person: Person, country: str) -> bool:
        """Every title of the person that names a country names another one."""
        owners = {other for title in person.titles for other in self.country_names if _owned_by(title, other)}
        return bool(owners) and country not in owners

    def _holding(self, person: Person, roles: tuple[str, ...], named: str | None) -> int:
        """How surely the person holds one of the roles: 3 by a title that also holds the word the description names
        ("the head of the Emergencies Ministry", "the CEC chairperson"), 2 by a title, 1 by the role written next to a
        mention of theirs, else 0. A title holding a longer role holds none of the shorter ones ("the president" is
        no "Vice President", "the minister" no "Deputy Minister")."""
        titles = [title.lower() for title in person.titles
                  if any(role in title.lower() and not any(longer in title.lower()
                                                           for longer in self.cues.longer_roles[role])
                         for role in roles)]
        if titles:
            return 3 if named and any(named.lower() in title for title in titles) else 2
        for mention in person.mentions:
            around = self.text[max(0, mention.start - _ROLE_WINDOW):mention.end + _ROLE_WINDOW].lower()
            if any(role in around for role in roles):
                return 1
        return 0

    def _latest_mention(self, person: Person, position: int) -> int:
        return max((m.start for m in person.mentions if m.start < position), default=-1)

    def _latest_person(self, position: int) -> str | None:
        before = bisect.bisect_left(self.mention_starts, position)
        return self.mentions[before - 1][2] if before else None


def quote_spans(text: str) -> Iterator[tuple[int, int]]:
    """Quotations as (opening mark, closing mark + 1); one left open closes at its paragraph's end."""
    opened: int | None = None
    straight_open = False
    for match in _QUOTE_OR_PARAGRAPH.finditer(text):
        mark = match.group()
        if mark == "\n":
            continue
        if mark == "\n\n":
            if opened is not None:
                yield opened, match.start()
            opened, straight_open = None, False
        elif mark == "“" or (mark == '"' and (not straight_open or text[match.start() - 1:match.start()] == "\n")):
            # a straight mark opening a line opens: the quotation before it was left open at its paragraph's end
            if opened is not None:
                yield opened, match.start() - (text[match.start() - 1:match.start()] == "\n")
            opened, straight_open = match.start(), mark == '"'
        elif opened is not None:
            yield opened, match.end()
            opened, straight_open = None, False
    if opened is not None:
        yield opened, len(text)


def _mostly_inside(quote: tuple[int, int], start: int, end: int) -> bool:
    inside = min(end, quote[1]) - max(start, quote[0])
    return inside * 2 >= end - start


def _owned_by(title: str, country: str) -> bool:
    """The title is the country's: "Minister of Foreign Affairs of Belarus", not "Ambassador of Russia to Belarus"."""
    return country in title.replace(f" to {country}", "")


def _is_question(line: str) -> bool:
    """A line of an interview's question: it ends with "?" or opens with the interviewer's heading."""
    return line.rstrip().endswith("?") or _ASKER.match(line) is not None


def _sentence_end(text: str, position: int) -> int:
    match = _SENTENCE_END.search(text, position)
    return match.end() if match else len(text)


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _close_before(text: str, reference_end: int, verb_start: int) -> bool:
    """The reference is the speech verb's subject: next to it, or separated by one ", ...," insert
    ("X, the Brest Oblast Governor, said"; "X, who attended the meeting, said")."""
    gap = text[reference_end:verb_start]
    return len(gap.split()) <= 2 and "," not in gap or bool(_INSERT.fullmatch(gap))
