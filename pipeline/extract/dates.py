"""Dates and periods, placed on the calendar against the article's publication date.

The date grammar (`date_grammar.py`) finds candidate spans; the resolver (`date_resolver.py`, whose
docstring holds the table of every expression it knows) places each against the publication date, the
tense of its clause (`clause_tense`, here) and the periods placed before it in the text. Expressions are
resolved in text order, so "that day" or "the previous year" can point back. The dateline is skipped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from spacy.tokens import Doc

from pipeline.anchors import Words
from pipeline.doctext import doc_text, doc_words, sentence_lines
from pipeline.extract.date_grammar import YEAR_KEYS, DateGrammar, Expression, Vocabulary, date_grammar, is_baseline
from pipeline.extract.date_resolver import (Interval, Situation, Tense, month_end, resolve, shift_years,
                                             year_interval)
from pipeline.types import Article, Period
from pipeline.resources import MODELS_DIR

# Where a tense cue stops applying: punctuation, and the joints of coordinated, subordinate or reported clauses
# ("if the relatives lose when the case is heard in May", "issued a statement Friday saying the entry will ...").
# A dash between two words joins them ("the Novopolotsk–Polotsk pipeline", "2021–2025"): no edge.
# The characters the edges start with come first, in a lookahead: `re` passes over the others at once (it tries
# every branch at every character otherwise).
_CLAUSE_EDGE = re.compile(r"(?=[;:()\[\]“”\"\n–—,.!?\s])(?:[;:()\[\]“”\"\n]|(?<!\w)[–—]|[–—](?!\w)|,\s|\.\s|[.!?]$"
                          r"|\s(?:and|but|that|while|which|when|if|because|although|unless|saying|adding)\s)")
_REPORTED = re.compile(r"\s(?:that|which)\s")
_MAIN_CLAUSE_EDGE = re.compile(r"(?=[;:()\[\]“”\"\n–—.!?,])(?:[;:()\[\]“”\"\n]|(?<!\w)[–—]|[–—](?!\w)|\.\s|[.!?]$"
                               r"|,\s+(?:and|but|while|whereas)\s)")
_MONTH_AFTER = re.compile(r"[A-Z][a-z]+\b")
_DATE_AFTER = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z]|[A-Z][a-z]+\.?\s+\d")  # "14 November", "Nov. 14"
_ADJUNCT = re.compile(r"\s*(?P<joint>and\s+)?"
                     r"(?:in\s+particular\s+|mainly\s+|mostly\s+|both\s+|also\s+|as\s+well\s+as\s+)?"
                     r"(?:(?:by|to)\s+(?:about\s+)?\d[\d.,]*(?:%|\s+percent|\s+per\s+cent)?\s+)?"  # "and to 5% in ..."
                     r"(?:in|on|at|by|from|until|till|during|since|before|after)\s")  # after a comma: ", in January"
# what may follow the date of a verbless clause after "and" or a colon: figures ("and from 1 July by another 8%")
_VERBLESS_REST = re.compile(r"(?:\s*(?:(?:by|to|up|down|about|some|over|another|more|an|a|the|percent|per\s+cent|"
                            r"[a-z]*illion|thousand|respectively)(?![A-Za-z])|[$€]?\d[\d.,]*%?|Br[\d.,]+|[,%]))*"
                            r"\s*[.;)]?\s*$")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"([A-Za-z']+)")  # grouped: its split gives the words and what comes between them
_NAME_BEFORE = re.compile(r"\b[A-Z](?:[a-z]+|\d)$")  # "Spain", "May"; "Q2", "H1"
_FRONTING_WORDS = {"on", "in", "at", "by", "from", "since", "until", "till", "during", "then", "also", "finally",
                   "separately", "meanwhile"}
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z\d])|\n")
_DAY_NEXT_TO = re.compile(r"\b[Tt]he\s+day\s+(before|after)\s+$")
_PAST_PERFECT = re.compile(r"\bhad\s+(?:(?:not|already|all|both)\s+)?[a-z]+ed\b")
_NOT_INFINITIVE = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those",
                             "date"})  # after "to": "rising to a high"
_PRESENT_FORMS = frozenset({"is", "are", "am", "has", "have", "says", "remains", "remain"})
_CLAUSE_WORDS = frozenset({"and", "but", "that", "while", "which", "when", "if", "because", "although", "unless"})
# A participle after a form of "be" is passive, not a past tense ("are supplied", "will be held").
BE_FORMS = frozenset({"be", "being", "been", "is", "are", "am", "was", "were"})
# Words before a bare infinitive: a past form after them is the infinitive ("will cut", "to set", "did not beat").
BARE_INFINITIVE_BEFORE = frozenset({"will", "would", "shall", "should", "can", "could", "may", "might", "must", "to",
                                    "not", "ll"})
_MODALS = BARE_INFINITIVE_BEFORE - {"to", "not", "ll"}
TODAY_GUESS_WINDOW = 4  # words between "today" and an -ed form after it that makes it the publication day
_RANGE_FROM = re.compile(r"\b[Ff]rom\b")
_ATTRIBUTION = re.compile(r",[”\"]?\s+(?:[\w.'’-]+\s+){1,6}?(?:said|told|noted|stressed|added|explained)\b")
_APPOSITION = re.compile(r"\s*,\s*(?:on|in)?\s*")
_BEFORE_ITS_DATE = re.compile(r",?[ \t]*")  # between a weekday and the date it names, on one line
_SAME_PERIOD = re.compile(r"(?i)the\s+same")
_RANGE_OPENING = re.compile(r"\b[Ff]rom\s+$")
_RANGE_JOINT = re.compile(r"\s+(?:to|until|till|through)\s+")
_YEARLESS_RULES = ("calendar_date", "day_span", "date_span", "month", "weekday")  # placed by the tense
# what may come before a year that opens its sentence
_OPENING = re.compile(r"[\s“\"‘'(–—-]*(?:(?:[Ii]n|[Dd]uring|[Oo]ver|[Aa]nd|[Bb]ut)\s+)?")
_SUBORDINATE = re.compile(r"\b(?:which|who|that|when|where)\b")
_NAMED_YEAR_RULES = ("calendar_date", "day_span", "date_span", "month")  # in the year the sentence names
_SENTENCE_TENSE_RULES = ("calendar_date", "day_span", "date_span", "month", "quarter")  # a cue of the sentence before


def extract_dates(doc: Doc, article: Article, *, models_dir: Path = MODELS_DIR) -> tuple[Period, ...]:
    """Every placeable date or period in the body, in body order."""
    if article.published is None:
        return ()
    starts = [start for start, _ in sentence_lines(doc)] or [0]
    return tuple(find_periods(doc_text(doc), article.published, source=article.text, skip=_dateline_span(article),
                              grammar=date_grammar(models_dir), sentences=starts, words=doc_words(doc)))


def find_periods(text: str, published: datetime, *, source: str | None = None,
                 skip: tuple[int, int] | None = None, grammar: DateGrammar | None = None,
                 sentences: Sequence[int] | None = None, words: Words | None = None) -> list[Period]:
    """Periods in `text` (the model-folded copy of `source`, same offsets), resolved against `published`.
    `sentences` are the offsets where sentences start (found here when not given); `words` index `text` (made
    here when not given)."""
    grammar = grammar or date_grammar()
    source = text if source is None else source
    starts = list(sentences) if sentences is not None else [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
    earlier: list[tuple[int, Interval]] = []  # (sentence number, interval) of every period that may be pointed at
    fronted_years: dict[int, tuple[int, int]] = {}  # sentence number: the whole year it opens with, and its end
    periods = []
    last_rule = None  # the rule of the expression that gave periods[-1]
    expressions = grammar.expressions(text, words)
    for index, expression in enumerate(expressions):
        if skip and expression.start < skip[1] and expression.end > skip[0]:
            continue
        if expression.rule == "weekday" and index + 1 < len(expressions) \
                and expressions[index + 1].rule == "calendar_date" \
                and _BEFORE_ITS_DATE.fullmatch(text, expression.end, expressions[index + 1].start):
            # "signed on Tuesday, 30 May": the weekday is the date that follows
            expression = Expression(expression.start, expression.end, "calendar_date", expressions[index + 1].groups,
                                    expression.prefix)
        # set off after "a year ago" ("A year ago, in May, ...", "A year ago, in December 2024, ..."): with a year of
        # its own, the period meant
        after_ago = last_rule == "ago" and _APPOSITION.fullmatch(text, periods[-1].end, expression.start) is not None
        named_year = after_ago and any(key in expression.groups for key in YEAR_KEYS)
        if after_ago and not named_year and expression.rule in ("month", "calendar_date") \
                and periods[-1].first.year == periods[-1].last.year:
            # "Twenty-five years ago, on 26 April, ...", "A year ago, in May, ...": the day or month of that year
            expression = Expression(expression.start, expression.end, expression.rule,
                                    {**expression.groups, "y": str(periods[-1].first.year)}, expression.prefix)
        sentence = bisect.bisect_right(starts, expression.start) - 1
        bounds = (starts[sentence] if sentence >= 0 else 0,
                  starts[sentence + 1] if sentence + 1 < len(starts) else len(text))
        if expression.prefix == "by" and _PAST_PERFECT.search(text, bounds[0], expression.start):
            # "had filed their reports by Wednesday": the day lies behind, no deadline ahead
            expression = Expression(expression.start, expression.end, expression.rule, expression.groups)
        if "after" in expression.groups and not _tells_the_day(text, bounds[0], expression.start, grammar.vocabulary):
            # "Over 2,400 residents work at the plant today": nowadays
            expression = Expression(expression.start, expression.end, expression.rule,
                                    {k: v for k, v in expression.groups.items() if k != "after"}, expression.prefix)
        def tense(expression: Expression = expression, bounds: tuple[int, int] = bounds) -> Tense:
            # "Today" is the publication day only in a plainly past or future clause: an -ed word after it counts
            # only next to it ("Apple today unveiled"), not further off ("today the fortress is one of the most
            # visited places"); one before it is the clause's verb ("wrapped up a meeting in Baghdad today").
            read = text
            if expression.rule == "today" and (said := _ATTRIBUTION.search(text, expression.end, bounds[1])):
                read = text[:said.start()]  # "Today, the average salary exceeds Br1,400, the minister said": the
                # attribution's verb is no tense of the statement
            found = clause_tense(read, expression.start, expression.end, grammar.vocabulary,
                                 guess_window=TODAY_GUESS_WINDOW if expression.rule == "today" else None,
                                 sentence=bounds if expression.rule == "weekday" else None,
                                 opening=bounds[0] if expression.rule in _SENTENCE_TENSE_RULES else None)
            if expression.rule not in _YEARLESS_RULES:
                return found
            before = text[max(bounds[0], expression.start - 80):expression.start]
            if found == "future" and _DIGIT.search(before, len(before) - 30) \
                    and is_baseline(before, day=expression.rule != "month", ahead=True):
                return "past"  # the figure a figure ahead is compared with lies behind: "will slow to 4% in
                # December, after 8.1% in November", "will reach BYN 60, up from BYN 52.3 in February"
            deadline = _is_deadline(text, expression.start, grammar.vocabulary)
            if (expression.prefix == "by" or deadline) and _delays(text, expression.start, grammar.vocabulary):
                return "future"  # the target of a delay or an instruction: "postponed the vote until Tuesday",
                # "demanded the completion of the harvest by 15 October"
            if deadline:
                # "extended to 20 November", "closed until Friday": a target, whatever a past verb says; a future
                # clause has no past target ("will circulate until 31 December")
                return "future" if found == "future" else None
            return found
        situation = Situation(published.date(), tense, grammar.vocabulary, sentence, earlier)
        fronted = fronted_years.get(sentence)
        interval = (fronted is not None and not _SUBORDINATE.search(text, fronted[1], expression.start)
                    and _in_year(expression, situation, fronted[0])) or resolve(expression, situation)
        if interval is None:
            continue
        start = expression.start
        if interval[0] == interval[1] and (next_to := _DAY_NEXT_TO.search(text, max(0, start - 20), start)):
            # "the day before last Tuesday's hearing": a day on from the day named
            day = interval[0] + timedelta(days=1 if next_to.group(1).lower() == "after" else -1)
            start, interval = next_to.start(), (day, day)
        if named_year:  # "a year ago" is the period named after it
            periods[-1] = replace(periods[-1], first=interval[0], last=interval[1])
        if periods and "weekday" not in (expression.rule, last_rule) and periods[-1].first <= interval[1] \
                and (opening := _range_opening(text, periods[-1], start)) is not None:
            # "from 22 July until the end of September", "from 1 August to the end of the year": one span ("from
            # Monday to Friday" is a schedule)
            start, interval = opening, (periods.pop().first, interval[1])
        # A comparison point is no period a later expression points back to: a baseline ("than in 2016"), "a year
        # ago", "the previous year".
        baseline = is_baseline(text[max(bounds[0], expression.start - 80):expression.start],
                               day=interval[0] == interval[1], ahead=interval[0] > published.date())
        if baseline and expression.rule == "anaphor" and _SAME_PERIOD.fullmatch(expression.groups.get("det", "")):
            # "exports rose 5% against the same period": the same period of the year before, as news writes it
            last = shift_years(interval[1], -1)
            interval = (shift_years(interval[0], -1),
                        month_end(last) if interval[1] == month_end(interval[1]) else last)
        if expression.rule not in ("ago", "previous") and not baseline:
            earlier.append((sentence, interval))
            begins = skip[1] if skip and bounds[0] <= skip[1] <= start else bounds[0]  # past a dateline
            if interval == year_interval(interval[0].year) and _OPENING.fullmatch(text, begins, start):
                fronted_years[sentence] = (interval[0].year, expression.end)
        periods.append(Period(text=source[start:expression.end], start=start, end=expression.end, first=interval[0],
                              last=interval[1]))
        last_rule = expression.rule
    return periods


def _range_opening(text: str, previous: Period, start: int) -> int | None:
    """Where "from" opens a range whose first end is the `previous` period and whose second starts at `start`."""
    if not _RANGE_JOINT.fullmatch(text, previous.end, start):
        return None
    opening = _RANGE_OPENING.search(text, max(0, previous.start - 6), previous.start)
    return None if opening is None else opening.start()


def _in_year(expression: Expression, s: Situation, year: int) -> Interval | None:
    """A day or month without a year in a sentence that opens with a whole year, in that year, when the tense
    allows ("Last year the sowing was completed on 25 May", "In 2023 the farms lost weeks to the rains in April"; not
    in a relative clause: "In 2025 the President signed a decree, which came into force on 12 January")."""
    if expression.rule not in _NAMED_YEAR_RULES or any(key in expression.groups for key in YEAR_KEYS):
        return None
    interval = resolve(Expression(expression.start, expression.end, expression.rule,
                                  {**expression.groups, "y": str(year)}, expression.prefix), s)
    if interval is None or (s.tense == "past" and interval[0] > s.published) \
            or (s.tense == "future" and interval[1] < s.published):
        return None
    return interval


def _tells_the_day(text: str, left: int, start: int, vocabulary: Vocabulary) -> bool:
    """The clause before a "today" that follows a word tells of the day's events: a noun of one ("a statement
    today"), a progressive form ("the prices we're seeing today", "Helicopters are flying over ... today") or a verb
    of an event ("whatever happens today", "high noon comes today"); not a state or a habit ("Over 2,400 residents
    work at the plant today")."""
    words = _text_words(text).window(left, start)[0]
    if words and words[-1] in vocabulary.day_nouns:
        return True  # "according to a statement today by the prosecutor"
    edge = max((i for i, word in enumerate(words) if word in _CLAUSE_WORDS), default=-1)
    words = words[edge + 1:]
    return any(word in vocabulary.day_verbs for word in words) or any(
        (word in BE_FORMS or word.endswith("'re")) and any(w.endswith("ing") for w in words[i + 1:i + 3])
        for i, word in enumerate(words))


def _delays(text: str, start: int, vocabulary: Vocabulary) -> bool:
    """A verb of delay or of instruction in the clause before a target ("postponed until Tuesday", "deferred the vote
    to Friday", "demanded the completion of the harvest by 15 October")."""
    words = _text_words(text).window(max(0, start - 100), start)[0]
    # the targets of one instruction may be joined by "and": "by 15 October and of sugar beet by 1 November"
    edge = max((i for i, word in enumerate(words) if word in _CLAUSE_WORDS and word != "and"), default=-1)
    return any(word in vocabulary.delays for word in words[edge + 1:])


def _is_deadline(text: str, start: int, vocabulary: Vocabulary) -> bool:
    words = _text_words(text).window(max(0, start - 12), start)[0]
    if words and words[-1] == "to" and _RANGE_FROM.search(text, max(0, start - 40), start):
        return False  # "bought from Sept. 14 to Thursday": the end of a range, no target
    return bool(words) and words[-1] in vocabulary.deadlines


def clause_tense(text: str, start: int, end: int, vocabulary: Vocabulary, *, guess_window: int | None = None,
                 sentence: tuple[int, int] | None = None, opening: int | None = None) -> Tense:
    """Future or past, from the tense cue of the span's clause nearest to it (an auxiliary or a listed verb
    before any -ed form; with `guess_window`, an -ed form after the span counts only within that many words);
    None when there is none. A participle after "be" is no cue: the auxiliary before it decides
    ("will be held"). The "to" after a verb such as "agreed" is a future cue for a span after it ("agreed with
    the retailer to sell its goods from 1 December"), not for one before it ("agreed on Monday to build").
    A past verb right before the span dates its event whatever else the clause holds ("the ruling issued
    Thursday"), and an "and" between two names, or a comma between two months, is no clause joint ("flights
    between Spain and Morocco by June", "in March, May and June", "Saturday, 14 November"). A date set off after a
    comma with its preposition, in a clause without a cue, takes the cue of the clause before ("were raised twice, in
    January").
    Given its `sentence` (for a weekday, which has no nearest occurrence to fall back on), a clause without a
    cue takes the nearest cue of the sentence, -ed forms counted like the others ("At the auction on
    Friday, a tractor sold for Br95,000")."""
    words = _text_words(text)
    def is_edge(m: re.Match[str]) -> bool:
        return not _joins_names(text, m) and not _joins_dates(text, m, vocabulary)
    # the edges before the span that join no names, the last one first; those before the last are read only when
    # the clause has no cue
    edges_before = filter(is_edge, reversed(list(_CLAUSE_EDGE.finditer(text, max(0, start - 200), start))))
    last_edge = next(edges_before, None)
    left = last_edge.end() if last_edge else max(0, start - 200)
    # the first edge after the span that joins no names ("In March and May the plant will stop" is one clause)
    edge = next(filter(is_edge, _CLAUSE_EDGE.finditer(text, end, min(len(text), end + 200))), None)
    comma = None
    if edge and _opens_clause(text, *words.window(left, start), text[end:edge.start()]) and edge.group().startswith(","):
        # A fronted date ("On Monday, the concern approved ...") belongs to the clause after its comma, whose
        # subject may hold an "and" or an insert ("On Friday, the ministry and the akimat will sign ...", "On
        # Monday, Gomeldrev, part of the concern, will sign ...").
        comma, edge = edge.end(), _MAIN_CLAUSE_EDGE.search(text, edge.end(), min(len(text), end + 200))
    right = edge.start() if edge else min(len(text), end + 200)
    if comma is not None and (joint := _REPORTED.search(text, comma, right)):
        # Its verb comes before a reported or relative clause ("In January, the commissioner ruled that Elian
        # should go back"); a subject that holds one ("On Friday, the plant that makes ... will ...") has no cue
        # before it, and the whole clause is read.
        tense = _nearest_cue(words, left, joint.start(), start, end, vocabulary, guess_window)
        if tense is not None:
            return tense
    if _past_verb_before(words, left, start, vocabulary):
        return "past"
    tense = _nearest_cue(words, left, right, start, end, vocabulary, guess_window)
    # a date set off after a comma, an "and" or a colon with its preposition, its clause having no verb, belongs to
    # the clause before it ("Pensions were raised twice, in January and September"; "..., in particular in January";
    # "will be raised twice: from 1 January by 10% and from 1 July by another 8%")
    edges = [last_edge, *edges_before] if tense is None and last_edge else []
    back = 0
    while tense is None and back < len(edges) and (adjunct := _ADJUNCT.match(text, edges[back].end())) \
            and ((edges[back].group()[0] == "," and not adjunct.group("joint"))
                 or (edges[back].group()[0] in ",: " and _VERBLESS_REST.match(text, end, right))):
        back += 1
        tense = _nearest_cue(words, edges[back].end() if back < len(edges) else max(0, start - 200), right, start,
                             end, vocabulary, guess_window)
    if tense is None and sentence is not None:
        tense = _nearest_cue(words, *sentence, start, end, vocabulary, guess_window, forms_are_cues=True)
    if tense is None and opening is not None:
        tense = _cue_before(words, opening, start, vocabulary)
    return tense


def _cue_before(words: _TextWords, opening: int, start: int, vocabulary: Vocabulary) -> Tense:
    """The nearest cue before the span in its sentence, for a span whose clause has none ("succeeds Mr Taylor, who
    stepped down as chairman, president and chief executive in March"). None when a present form, a verb of saying,
    an infinitive or a modal comes first: the span's event is then timed by what is said or intended, not by that cue
    ("analysts are predicting slower growth -- for the fourth quarter", "told the companies of a cutback in
    September", "announced an agreement to acquire the bank in January")."""
    window = words.window(opening, start)[0]
    for index in range(len(window) - 1, -1, -1):
        word = window[index]
        following = window[index + 1] if index + 1 < len(window) else ""
        previous = window[index - 1] if index else ""
        if word == "to" and following not in _NOT_INFINITIVE:
            # an intention's infinitive looks ahead ("intend to finish sowing wheat by 20 September and rye by 30
            # September"), another's is timed by what it depends on
            return "future" if previous in vocabulary.future_infinitives or previous in vocabulary.future_cues \
                else None
        if word in _PRESENT_FORMS or word in vocabulary.sayings \
                or (word in _MODALS and word not in vocabulary.future_cues):
            return None  # also a modal: "the bank may cut the rate in the second quarter"
        if f"{word} {following}" in vocabulary.not_cues:
            continue  # "the museum named after Romanov"
        if word in vocabulary.future_cues or word.endswith("'ll"):
            return "future"
        if (word in vocabulary.past_cues or _past_form(word, vocabulary)) and previous not in BE_FORMS \
                and previous not in BARE_INFINITIVE_BEFORE:
            return "past"  # after "be" a participle, after "may" or "to" an infinitive: the word before decides
    return None


def _nearest_cue(words: _TextWords, left: int, right: int, start: int, end: int, vocabulary: Vocabulary,
                 guess_window: int | None, *, forms_are_cues: bool = False) -> Tense:
    window, offsets = words.window(left, right)
    split, after = bisect.bisect_left(offsets, start), bisect.bisect_left(offsets, end)
    del window[split:after], offsets[split:after]  # the span's own words; window[split] is the first after it
    cues: list[tuple[int, Tense]] = []
    past_forms: list[tuple[int, Tense]] = []  # -ed forms: a past tense, or an adjective ("its renovated stage")
    looking_ahead = False  # after "agreed", "decided": its "to ..." before the span is about what comes
    for index, word in enumerate(window):
        if word not in vocabulary.may_cue and not word.endswith(("ed", "'ll")):
            continue  # no cue, whatever its neighbours
        offset = offsets[index]
        following = window[index + 1] if index + 1 < len(window) else ""
        previous = window[index - 1] if index else ""
        if f"{word} {following}" in vocabulary.not_cues or f"{previous} {word}" in vocabulary.not_cues:
            continue  # "next to the embassy", "approved the forecast on 24 December"
        looking_ahead = looking_ahead or word in vocabulary.future_infinitives
        if (word in vocabulary.future_cues or f"{word} {following}" in vocabulary.future_cues
                or word.endswith("'ll") or (looking_ahead and word == "to" and offset < start)):
            cues.append((offset, "future"))
        elif previous in BE_FORMS or (previous in BARE_INFINITIVE_BEFORE and word in vocabulary.past_cues) \
                or (previous.endswith("ly") and index > 1 and window[index - 2] in BE_FORMS):
            continue  # "are supplied", "will be fully implemented"; "will cut", "to put": "cut" and "put" are no past
        elif word in vocabulary.past_cues:
            cues.append((offset, "past"))
        elif _past_form(word, vocabulary) and (guess_window is None or index < split
                                               or index - split + 1 <= guess_window):
            past_forms.append((offset, "past"))
    cues = cues + past_forms if forms_are_cues else cues or past_forms
    if not cues:
        return None
    return min(cues, key=lambda cue: start - cue[0] if cue[0] < start else cue[0] - end)[1]


def _past_verb_before(text_words: _TextWords, left: int, start: int, vocabulary: Vocabulary) -> bool:
    """A past verb right before the span, or before "on" and the span, dates its event whatever other cues the
    clause holds ("the injunction issued Thursday and also order ..." is no future; "issued on Friday a notice that
    the road will close"); not a participle after "be" ("will be held Friday")."""
    words = text_words.window(max(left, start - 40), start)[0]
    if words and words[-1] == "on":
        words.pop()
    if not words or (len(words) > 1 and (words[-2] in BE_FORMS or words[-2] in BARE_INFINITIVE_BEFORE)) \
            or (len(words) > 2 and words[-2].endswith("ly") and words[-3] in BE_FORMS):
        return False  # "will be held Friday", "will be fully implemented by 2010"
    return words[-1] in vocabulary.past_cues and words[-1] not in ("last", "past", "ago") \
        or _past_form(words[-1], vocabulary)


def _joins_names(text: str, edge: re.Match[str]) -> bool:
    """An "and" between two capitalised words joins names, not clauses ("between Australia and India by August",
    "in Q2 and Q4")."""
    return edge.group().strip() == "and" and bool(_NAME_BEFORE.search(text, max(0, edge.start() - 40), edge.start())) \
        and text[edge.end():edge.end() + 1].isupper()


def _joins_dates(text: str, edge: re.Match[str], vocabulary: Vocabulary) -> bool:
    """A comma between two months lists them ("in March, May and June"), and one after a weekday opens the date it
    names ("moved to Saturday, 14 November"): no clause edge."""
    if edge.group() != ", ":
        return False
    before = _NAME_BEFORE.search(text, max(0, edge.start() - 12), edge.start())
    if before is None:
        return False
    if before.group().lower() in vocabulary.weekdays:
        return _DATE_AFTER.match(text, edge.end()) is not None
    after = _MONTH_AFTER.match(text, edge.end())
    return bool(after) and before.group().lower() in vocabulary.months and after.group().lower() in vocabulary.months


def _opens_clause(text: str, before: list[str], starts: list[int], after: str) -> bool:
    """The date starts its clause (nothing but a preposition among the words before it, or a preposition and a
    name: "In Minsk in March, ...") and a comma follows it at once."""
    return (not before or before[0] in _FRONTING_WORDS) and not after.strip() and \
        all(word in _FRONTING_WORDS or text[offset].isupper() for word, offset in zip(before[1:], starts[1:]))


def _past_form(word: str, vocabulary: Vocabulary) -> bool:
    return len(word) > 3 and word.endswith("ed") and word not in vocabulary.not_past


class _TextWords:
    """The words `_WORD` finds in a text, in lower case, with where they start and end: read once per text, the words
    of each expression's clause and sentence are then a slice of them."""

    def __init__(self, text: str) -> None:
        self.text = text
        parts = _WORD.split(text)  # between, word, between, word, ...
        offsets = list(accumulate(map(len, parts), initial=0))
        self.words = list(map(str.lower, parts[1::2]))  # ASCII: the offsets hold
        self.starts, self.ends = offsets[1::2], offsets[2::2]

    def window(self, left: int, right: int) -> tuple[list[str], list[int]]:
        """The words (lower case) and starts of `_WORD.finditer(text, left, right)`: a word the window cuts is read as
        far as the window reaches."""
        if left >= right:
            return [], []
        first, last = bisect.bisect_right(self.ends, left), bisect.bisect_left(self.starts, right)
        words, starts = self.words[first:last], self.starts[first:last]
        if words and starts[0] < left:
            words[0], starts[0] = self.text[left:self.ends[first]].lower(), left
        if words and self.ends[last - 1] > right:
            words[-1] = self.text[starts[-1]:right].lower()
        return words, starts


@lru_cache(maxsize=4)
def _text_words(text: str) -> _TextWords:
    """One reading per text: `clause_tense` is asked about every expression of a text in turn."""
    return _TextWords(text)


def _dateline_span(article: Article) -> tuple[int, int] | None:
    return (article.dateline.start, article.dateline.end) if article.dateline else None


