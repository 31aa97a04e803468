"""The date grammar: where date and period expressions are in a text, and what shape each has.

Regular expressions built from the vocabulary in `models/date_words.jsonl` find
candidate spans ("19 January", "January-November 2025", "the first half of the
year", "within the next year or two"); `pipeline/extract/dates.py` places them on
the calendar. Each rule names the groups its resolver reads. Overlapping matches
are settled longest-first, then leftmost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from pipeline.anchors import Anchored, Words
from pipeline.errors import ResourceError
from pipeline.resources import MODELS_DIR, read_jsonl

WORD_KINDS = ("month", "weekday", "number", "ordinal", "season", "future_cue", "past_cue", "future_infinitive",
              "not_past", "not_cue", "quantity_unit", "event", "deadline", "decade", "day_verb", "day_noun", "delay", "saying")


@dataclass(frozen=True, slots=True)
class Expression:
    """One candidate span: `rule` says which resolver reads `groups`; `prefix` is "since" or "by"."""

    start: int
    end: int
    rule: str
    groups: dict[str, str] = field(hash=False)
    prefix: str | None = None


@dataclass(frozen=True, slots=True)
class Vocabulary:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    seasons: dict[str, int]  # the first month: spring 3, summer 6, autumn 9, winter 12
    future_cues: frozenset[str]
    past_cues: frozenset[str]
    future_infinitives: frozenset[str]  # verbs whose "to ..." looks ahead: "agreed with X to sell"
    not_past: frozenset[str]
    not_cues: frozenset[str]  # two words that are no tense cue though one is: "next to", "the forecast"
    quantity_units: frozenset[str]
    events: frozenset[str]  # "the 2024 Olympic Games", "the 2008 crisis": a year naming an event is no date
    deadlines: frozenset[str]  # words right before a day that make it a target: "extended to 20 November"
    decades: dict[str, int]  # "the nineties": 90
    day_verbs: frozenset[str]  # present forms that tell of one day's event: "whatever happens today"
    day_nouns: frozenset[str]  # what takes place on one day: "today's meeting", "a statement today"
    delays: frozenset[str]  # verbs whose target lies ahead whatever their tense: "postponed until Tuesday", "demanded"
    sayings: frozenset[str]  # verbs of saying: what was said is timed by itself ("told its customers of a cutback")
    # the words that may be a tense cue besides the -ed and -'ll forms (a listed word, the first of a listed pair,
    # "to"): `clause_tense` (dates.py) reads only those
    may_cue: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "may_cue", frozenset({cue.split(" ", 1)[0] for cue in self.future_cues}
                                                      | self.past_cues | self.future_infinitives | {"to"}))


def _tens_and_units(numbers: dict[str, int]) -> tuple[list[str], list[str]]:
    """The words for 20, 30, ... 90 and for 1 to 9 ("a" and "an" aside)."""
    return ([word for word, n in numbers.items() if 20 <= n <= 90 and n % 10 == 0 and word.isalpha()],
            [word for word, n in numbers.items() if 1 <= n <= 9 and word.isalpha() and len(word) > 2])


def _with_compounds(numbers: dict[str, int]) -> dict[str, int]:
    """The number words and the compounds of their tens and units ("seventy-five years ago")."""
    tens, units = _tens_and_units(numbers)
    return numbers | {f"{ten}-{unit}": numbers[ten] + numbers[unit] for ten in tens for unit in units}


def load_vocabulary(path: Path) -> Vocabulary:
    words: dict[str, dict[str, int | None]] = {kind: {} for kind in WORD_KINDS}
    for row in read_jsonl(path, required=("kind", "word")):
        if row["kind"] not in words:
            raise ResourceError(f"{path}: unknown kind {row['kind']!r}")
        words[row["kind"]][row["word"]] = row.get("value")
    return Vocabulary(
        months={w.lower(): int(v) for w, v in words["month"].items() if v is not None},
        weekdays={w.lower(): int(v) for w, v in words["weekday"].items() if v is not None},
        numbers=_with_compounds({w.lower(): int(v) for w, v in words["number"].items() if v is not None}),
        ordinals={w.lower(): int(v) for w, v in words["ordinal"].items() if v is not None},
        seasons={w.lower(): int(v) for w, v in words["season"].items() if v is not None},
        future_cues=frozenset(w.lower() for w in words["future_cue"]),
        past_cues=frozenset(w.lower() for w in words["past_cue"]),
        future_infinitives=frozenset(w.lower() for w in words["future_infinitive"]),
        not_past=frozenset(w.lower() for w in words["not_past"]),
        not_cues=frozenset(w.lower() for w in words["not_cue"]),
        quantity_units=frozenset(w.lower() for w in words["quantity_unit"]),
        events=frozenset(w.lower() for w in words["event"]),
        deadlines=frozenset(w.lower() for w in words["deadline"]),
        decades={w.lower(): int(v) for w, v in words["decade"].items() if v is not None},
        day_verbs=frozenset(w.lower() for w in words["day_verb"]),
        day_nouns=frozenset(w.lower() for w in words["day_noun"]),
        delays=frozenset(w.lower() for w in words["delay"]),
        sayings=frozenset(w.lower() for w in words["saying"]),
    )


# The text right before a period that makes it a comparison baseline: "than in 2022", "compared with $1.6 billion
# in 2024", "111.2% of the level of the same period of 2023", "up 5% over the same period last year", "exceeding
# last year's", "surpassed the results of 2023", "$60 up from the 2018 contract", "up 3 centners from last year",
# "increased to 39% from 35.5% in 1994", "higher than the 2017 level", "the same as in 2020", "went up by $50 million
# from 2015", "narrowing by $120 million from January-June 2015". A baseline is no claim's anchor (claims.py) and no
# reference for "the previous year" (date_resolver.py). It is searched for in the 80 characters before every period:
# the lookaheads first pass over a character that starts none of its branches (the first letters of its words at a
# word's start, "%", a digit), which `re`, trying every branch at every character, does not do on its own.
BASELINE_BEFORE = re.compile(r"(?i)(?=[%\dtlciavpesudb])(?=[%\d]|\b)"
                      r"(?:(?<!no later )(?<!not later )(?<!no earlier )(?<!not earlier )"  # a deadline, no baseline
                      r"\bthan(?:\s+(?:it|they|there|this|that|we)\s+(?:was|were|had\s+been|did))?|\blevel\s+of|"
                      r"\bthe\s+same\s+as|"
                      r"\bto\s+(?:[$€¥£]|[A-Z]{3}\s|Br)?\s?\d[\d.,]*\s*(?:%|percent|[a-z]*illion|thousand)?\s+from\s+"
                      r"(?:[$€¥£]|[A-Z]{3}\s|Br)?\s?\d[\d.,]*\s*(?:%|percent|[a-z]*illion|thousand)?|"
                      r"(?:\bcompared\s+(?:to|with)|\bin\s+comparison\s+with|\bagainst|"
                      r"\bversus|\bafter(?=\s+(?:about\s+)?(?:[$€¥£]|[A-Z]{3}\s|Br)?\s?\d)|"
                      r"\b(?:(?:up|down)\s+(?:by\s+)?|by\s+(?=(?:about\s+)?(?:[$€¥£]|[A-Z]{3}\s|Br)?\s?\d))"
                      r"(?:(?:about\s+)?(?:[$€¥£]|[A-Z]{3}\s|Br)?\s?\d[\d.,]*\s*(?:[a-z]*illion\s+|thousand\s+)?"
                      r"(?:[a-z]+\s+)?)?from)(?:\s+(?:about\s+)?(?:[$€¥£]|[A-Z]{3}\s|Br)?\s?[\d.,]+\s*"
                      r"(?:%|percent|[a-z]*illion|thousand|tonnes)?)?"
                      r"|%\s+(?:on|from)|(?:%|\bpercent|\btimes|\d)\s+over|\b(?:exceed(?:ed|s|ing)?|surpass(?:ed|es|ing)?)(?:\s+the\s+"
                      r"(?:figures?|levels?|results?)\s+of)?)\s+(?:(?:in|on|at|as\s+of|during|the\s+same\s+(?:period|date|day|time)"
                      r"(?:\s+of)?|the level of|the)\s+)*$")  # "compared with 60% at the end of", "up from $2 billion as of"


_FROM_LAST = re.compile(r"(?i)\bfrom\s+(?:(?:in|on|during|the)\s+)*$")  # a baseline's "from" right before the period


def is_baseline(before: str, *, day: bool, ahead: bool = False) -> bool:
    """Whether `before`, the text right before a period, makes it a comparison baseline. "% on" and "% from"
    compare only with a longer period: "up 5% on 2015" does, "rose 3% on Tuesday" dates the rise. Nor is a period
    after publication (`ahead`) the baseline of a "from" right before it: "will be raised by 5% from September"
    dates the rise."""
    found = _baseline_opening(before)
    if found is None:
        return False
    opening, from_last = found
    return not (day and opening in (("%", "on"), ("%", "from"))) and not (ahead and from_last)


@lru_cache(maxsize=256)
def _baseline_opening(before: str) -> tuple[tuple[str, ...], bool] | None:
    """The first two words of the baseline `before` ends with and whether it ends with "from", or None. Kept for
    the texts read last: the dates ask about every period, and the claims again about each one in each of its
    clauses and for its kind (three times in four the same text)."""
    match = BASELINE_BEFORE.search(before)
    if match is None:
        return None
    return tuple(match.group().split()[:2]), _FROM_LAST.search(match.group()) is not None


_WORDS = re.compile(r"[A-Za-z][\w'-]*")
# The words after a year an event name may run to ("the 2014 IIHF Ice Hockey World Championship").
EVENT_NAME_WORDS = 6
EVENT_NAME_CHARS = 80
_FIGURE = re.compile(r"\d")
FIGURE_CHARS = 120  # how far around "in ten months" a figure makes it the months of the year so far
_FREQUENCY_WORDS = frozenset({"once", "twice", "times", "per"})
_RECURRING_RULES = frozenset({"month", "weekday", "calendar_date", "season", "day_span", "month_part"})
_DAY_ENDING_VERBS = ("end", "ends", "ended", "ending", "finish", "finished", "finishing")  # "ending the day down 2%"
_SPAN_OPENING = re.compile(r"(?i)(?:from|between)\s+")
_WORD_JOINT = re.compile(r"(?i)\s(?:to|and|through|until|till)\s")
_SEASON_PREPOSITIONS = frozenset({"in", "during", "by", "until", "till", "since", "through", "over"})
_SCHEDULED_FOR = re.compile(r"\b(?:scheduled|planned|set|slated|postponed|moved|put\s+off)\s+for\s+$")


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


class DateGrammar:
    """Compiled date rules; `expressions(text)` lists the non-overlapping matches in text order."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        v = vocabulary
        # Month and weekday names must be capitalised: "may", "march" and "sun" are words too.
        month = "(?:" + _alternation(m.capitalize() for m in v.months) + r")(?![a-z])"  # not "the Augustow Canal"
        weekday = "(?:" + _alternation(d.capitalize() for d in v.weekdays) + ")"
        ten_words, unit_words = _tens_and_units(v.numbers)
        tens, units = f"(?i:{_alternation(ten_words)})", f"(?i:{_alternation(unit_words)})"
        # "seventy-five" as tens and units: one branch, not one per compound
        words = rf"(?i:{tens}-{units}|" + _alternation(w for w in v.numbers if "-" not in w) + ")"
        number = rf"(?:\d{{1,2}}|{words})"
        count = rf"(?:\d{{1,3}}|{words})"
        ordinal = "(?i:" + _alternation(v.ordinals) + ")"
        season = "(?i:" + _alternation(v.seasons) + ")"
        day_noun = "(?i:" + _alternation(v.day_nouns) + ")"
        day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
        bare_year = r"(?:1[6-9]\d\d|20\d\d)(?![\w%]|[.,]\d)"
        year = r"(?<![\w$€£.,/-])" + bare_year
        dash = r"\s*[-–—]\s*"
        relyear = r"(?i:the\s+(?:current|previous|past|coming|same)\s+year|this\s+year|last\s+year|next\s+year|the\s+year)"
        yearspec = rf"(?:(?P<ys_num>{year})|(?P<ys_rel>{relyear}))"
        unit = r"(?i:(?P<unit>day|week|month|year|decade)s?)"
        part = r"(?i:early|mid|late)"
        i = "(?i:{})".format
        # after a day or a month: "on 30 April this year", "on 12 March of last year", "July last year" (not "on 30
        # April this year's plan ...")
        this_year = rf"{i('this|last|next')}\s+{i('year')}\b(?!['’])"
        rel_year_after = rf"\s+(?:{i('of')}\s+)?(?P<ys_rel>{this_year})"
        # "the second half of the 16th century", "the first quarter of the 20th century"
        of_century = rf"{i('the')}\s+(?P<century>1\d|2[01]|[1-9])(?:st|nd|rd|th)\s+{i('century')}"
        five_year = rf"{i('five')}[-\s]{i('year')}\s+{i('period|plan|term')}"
        # Years said in words, as transcripts of broadcasts write them: "nineteen ninety-six", "the year two thousand"
        teens = "(?i:" + _alternation(w for w, n in v.numbers.items() if 10 <= n <= 19) + ")"
        spoken_year = (rf"(?:(?P<sy_hi>{i('nineteen|eighteen')})\s+(?P<sy_lo>{tens}(?:[-\s]{units})?|{teens})"
                       rf"|{i('the year')}\s+{i('two thousand')}(?:\s+{i('and')}\s+(?P<sy_2k>{units}|{teens}))?)(?![\w-])")
        # A rule with hints (lower-case words it cannot match without) runs only on texts that hold one of them:
        # a substring scan instead of trying an open-ended pattern at every position. Each rule is tried only at
        # the words it can start with (pipeline/anchors.py); a rule whose starts are few has no hints ("Q2-Q3 2019",
        # "2018-H2 2019"): a scan for each of four or six two-letter hints costs more than trying it there.
        self.rules: tuple[tuple[str, Anchored, tuple[str, ...]], ...] = tuple(
            (name, Anchored(re.compile(pattern)), tuple(hints)) for name, pattern, *hints in (
            ("day_span", rf"\b(?:{i('from|between')}\s+)?(?P<d1>{day})(?:{dash}|\s+{i('to|and|through|until|till')}\s+)"
                         rf"(?P<d2>{day})\s+(?:{i('of')}\s+)?(?P<m>{month})(?:,?\s+(?P<y>{year})|{rel_year_after})?"),
            ("day_span", rf"\b(?P<m>{month})\s+(?P<d1>{day})(?:{dash}|\s+{i('and|to|through|until|till')}\s+)(?P<d2>{day})"
                         rf"(?!\s*(?:%|{i('percent|per')}\b|[.,]\d))(?:,?\s+(?P<y>{year})|{rel_year_after})?"),
            ("date_span", rf"\b(?:{i('from|between')}\s+)?(?P<d1>{day})\s+(?P<m1>{month})(?:\s+(?P<y1>{year}))?"
                          rf"(?:{dash}|\s+{i('to|and|through|until|till')}\s+)(?P<d2>{day})\s+(?P<m2>{month})"
                          rf"(?:,?\s+(?P<y>{year}))?"),
            ("calendar_date", rf"\b(?P<d>{day})\s+(?:{i('of')}\s+)?(?P<m>{month})(?:,?\s+(?P<y>{year})|{rel_year_after})?"),
            ("calendar_date", rf"\b(?P<m>{month})\s+(?P<d>{day})(?:,\s*(?P<y>{year})|{rel_year_after})?(?!\s*[-–—]\s*\d)"),
            ("calendar_date", r"(?<![\w.,/])(?P<numeric>\d{1,2}([./])\d{1,2}\2(?:\d{4}|\d{2}))(?![\w/]|[.,]\d)"),
            # "from late April to early May": the ten days at either end
            ("month_span", rf"\b(?:{i('from|between')}\s+)?(?:(?P<mod1>{part})[-\s]+)?(?P<m1>{month})(?:\s+(?P<y1>{year}))?"
                           rf"(?:{dash}|\s+{i('to|and|through|until|till')}\s+)"
                           rf"(?:(?P<mod2>{part})[-\s]+)?(?P<m2>{month})(?:,?\s+(?:{i('of')}\s+)?(?P<y>{year})|{rel_year_after})?"),
            ("month", rf"\b(?:(?P<mrel>{i('this|last|next')})\s+)?(?:(?P<mod>{part})[-\s]+)?(?P<m>{month})(?!\s+\d{{1,2}}(?!\d))"
                      rf"(?:,?\s+(?:{i('of')}\s+)?(?P<y>{year})|\s+{i('of')}\s+(?P<ys_rel>{relyear})"
                      rf"|\s+(?P<ys_rel2>{this_year}))?"),
            ("weekday", rf"\b(?:(?P<rel>{i('last|next|this|coming|the previous|the preceding')})\s+)?(?P<wd>{weekday})\b"
                        rf"(?:(?=(?P<poss>['’]s\b)))?"),
            # "the third quarter of 2024", "the 1988 third quarter", "third-quarter profit" (a modifier)
            ("quarter", rf"\b(?:(?<=\b[Ii]n\s)(?P<within>))?(?:{i('the')}\s+)?(?:(?P<yq>{year})\s+)?(?P<q>{ordinal})"
                        rf"(?:(?P<modifier>-)(?={i('quarter')}\s+[a-z])|[-\s]){i('quarter')}\b"
                        rf"(?:\s+{i('of')}\s+(?:{yearspec}|{of_century}))?", "quarter"),
            ("quarter", rf"\b(?:(?P<ys_num>{year})\s*)?(?P<qn>Q[1-4]|[1-4]Q)(?:\s+(?P<y>{year}))?\b"),
            # "Q2-Q3 2019", "Q4 2018-Q1 2019"
            ("quarter_span", rf"\b(?P<q1>Q[1-4])(?:\s+(?P<y1>{year}))?{dash}(?P<q2>Q[1-4])(?:\s+(?P<y>{year}))?\b"),
            # "the second and third quarters", "the first and second quarters of 2016"
            ("quarter_span", rf"\b(?:{i('the')}\s+)?(?P<q1o>{ordinal})\s+{i('and|to')}\s+(?P<q2o>{ordinal})\s+"
                             rf"{i('quarters')}\b(?:\s+{i('of')}\s+{yearspec})?", "quarters"),
            ("half", rf"\b(?:{i('the')}\s+)?(?P<h>{i('first|second')})\s+{i('half')}"
                     rf"(?!\s+{i('of')}\s+(?:[a-z]+\s+)?{i('month|week')}\b)(?:[-\s]{i('year')})?"
                     rf"(?:\s+{i('of')}\s+(?:{yearspec}|{of_century}))?", "half"),
            ("half", rf"\b(?P<hn>H[12]|[12]H)\b(?:\s+(?P<ys_num>{year}))?"),
            ("part_span", rf"(?P<y1>{year}){dash}(?P<part>H[12]|Q[1-4])\s+(?P<y2>{year})"),
            ("first_months", rf"\b(?:{i('the')}\s+)?{i('first')}\s+(?P<n>{number})\s+{i('months')}"
                             rf"(?:\s+{i('of')}\s+{yearspec})?", "months"),
            # "the nine months of 2015": the first ones, when a year follows ("in nine months" is a duration)
            ("first_months", rf"\b(?:{i('the')}\s+)?(?P<n>{number})\s+{i('months')}\s+{i('of')}\s+{yearspec}", "months"),
            # "the first ten days of March", "the last ten days of June", "the second half of May"; "the third decade
            # of April" (a month's ten days, as Russian "dekada" is translated)
            ("month_part", rf"\b(?:{i('the')}\s+)?(?P<ord>{i('first|second|third|last|final')})\s+"
                           rf"(?P<unit>{i('half')}|{i('ten')}\s+{i('days')}|{i('decade')}|{i('days')})\s+{i('of')}\s+"
                           rf"(?:(?P<m>{month})(?:,?\s+(?P<y>{year}))?|(?P<mrel>{i('the|this|next|last')})\s+{i('month')}\b)",
             "ten", "half", "decade", "days"),
            # "2016-2020", "from 2011 through 2015", "the 2015/2016 season"
            ("year_span", rf"(?:\b{i('from|between')}\s+)?(?P<y1>{year})(?:{dash}|/|\s+{i('to|and|through|until|till')}\s+)"
                          rf"(?P<y2>(?:1[6-9]|20)\d\d|\d\d)(?![\w%]|[.,]\d)"),
            ("five_year", rf"\b{i('the')}\s+(?:(?P<rel>{i('current|next|previous|last|new|past|coming')})\s+)?"
                          rf"{five_year}(?:\s+(?:{i('of')}\s+)?(?P<y1>{year}){dash}(?P<y2>20\d\d))?", "five"),
            # "the 1988 quarter", "the 1989 period": the months of the quarter the text is about, in that year
            ("year_period", rf"\b{i('the')}\s+(?P<y>{year})\s+(?P<what>{i('period|quarter')})\b", "period", "quarter"),
            ("year", rf"(?P<y>{year})"),
            # a year before 1600 after "in", "since", "until" ("in 1568 the castle passed", "first mentioned in 1067"),
            # followed only by punctuation or a word that counts nothing ("in 1200 homes", "in 900 BYN" are no years;
            # after "from", "to" or "by" a number is as likely: "rose from 1500 to 1200")
            ("old_year", r"(?<![\w$€£.,/-])(?P<y>1[0-5]\d\d|[89]\d\d)"
                         r"(?=\s*(?:[,.;:)]|$)|\s+(?:the|a|an|and|or|in|on|at|by|as|for|when|until|till|after|before|"
                         r"it|he|she|they|its|his|her|their|was|were|is|had)\b)"),
            # "since '82", "in '09": a year written with two figures after a preposition ("the '90s" is a decade)
            ("short_year", r"(?:(?<=\b[Ss]ince\s)|(?<=\b[Ii]n\s)|(?<=\b[Oo]f\s)|(?<=\b[Ff]rom\s)|(?<=\b[Bb]y\s))"
                           r"['’](?P<yy>\d\d)(?![\w'’]|[.,]\d)", "'", "’"),
            # "the week of March 6": the week (Monday to Sunday) holding that day
            ("week_of", rf"\b{i('the')}\s+{i('week')}\s+{i('of')}\s+(?:(?P<m>{month})\s+(?P<d>{day})|(?P<d2>{day})\s+(?P<m2>{month}))"
                        rf"(?:,?\s+(?P<y>{year}))?", "week of"),
            # "the last week of June", "the first week of March 2024": a week (Monday to Sunday) inside the month
            ("week_of", rf"\b(?:{i('the')}\s+)?(?P<wn>{ordinal})\s+{i('week')}\s+{i('of')}\s+(?P<wm>{month})"
                        rf"(?:,?\s+(?P<y>{year}))?", "week of"),
            ("spoken_year", rf"\b(?:(?P<m>{month})\s+)?{spoken_year}", "nineteen", "eighteen", "two thousand"),
            ("year", rf"\b(?P<mod>{part})[-\s]+(?P<y>{bare_year})", "early", "mid", "late"),
            ("decade", rf"\b(?:{i('the')}\s+)?(?P<dec>(?:1\d|20)\d0)s\b"
                       rf"|(?:\b{i('the|and')}\s+'?|')(?P<dec2>[2-9]0)s\b"
                       rf"|\b{i('the')}\s+(?:(?P<mod>{part})[-\s]+)?(?P<decw>" + "(?i:" + _alternation(v.decades) + r"))\b",
             "0s", "ties"),
            ("century", rf"\b(?:{i('the')}\s+)?(?:(?P<mod>{part})[-\s]+)?(?P<c>1\d|2[01]|[1-9])(?:st|nd|rd|th)"
                        rf"[-\s]{i('century')}", "centur"),
            ("relative", rf"\b(?P<rel>{i('last|this|next|the current|the coming')})\s+"
                         rf"(?P<what>{i('year|month|week|quarter')})\b"),
            ("relative", rf"\b(?P<rel>{i('last|this|next|the coming|the')})\s+(?P<what>{i('weekend')})\b", "weekend"),
            # "the year before last": two back
            ("relative", rf"\b(?:{i('the')}\s+)?(?P<what>{i('year|month|week')})\s+(?P<before_last>{i('before')})\s+"
                         rf"(?P<rel>{i('last')})\b", "before last"),
            ("relative", rf"\b(?:(?P<twice>{i('the day')}\s+(?:{i('after|before')})\s+))?"
                         rf"(?P<rel>{i('yesterday|tomorrow')})\b", "yesterday", "tomorrow"),
            ("previous", rf"\b{i('the')}\s+(?P<rel>{i('previous|preceding|following')})\s+(?:(?P<n>{number})\s+)?"
                         rf"(?P<unit>{i('year|quarter|month|day')})s?\b", "previous", "preceding", "following"),
            # "the year before", "the year previous", "said the day before that" (not "the year before last", "the
            # year before the war")
            ("previous", rf"\b{i('the')}\s+(?P<unit>{i('year|quarter|month|day')})\s+(?P<rel>{i('before|previous')})"
                         rf"(?=\s*(?:[.,;:)]|$|{i('and|but|when|while|as|to|in|at|with|from|by|for|that')}\b))",
             "before", "previous"),
            # "a year before" only where nothing follows it ("than a year before."; not "a year before the war")
            ("ago", rf"\b(?P<n>{count})\s+(?P<unit>{i('day|week|month|quarter|year|decade')})s?\s+"
                    rf"(?:{i('or so')}\s+)?(?P<dir>{i('ago')}\b|{i('earlier|later')}\b(?!\s+{i('than')}\b)"
                    rf"|{i('before')}(?=\s*(?:[.,;:)]|$)))",
             "ago", "earlier", "later", "before"),  # "two weeks earlier than last year" is a difference, no date
            ("ago", rf"\b(?:{i('the')}\s+)?(?:{i('comparable|corresponding')}\s+)?(?P<adj>{i('year-earlier|year-ago')})"
                    rf"(?:\s+(?:(?P<q>{ordinal})[-\s])?(?P<span>{i('quarter|period')}))?", "year-earlier", "year-ago"),
            ("anaphor", rf"\b(?P<det>{i('the same|that|the latest')})\s+(?P<what>{i('period|day|month|year|quarter')})"
                        rf"(?:\s+{i('of time')})?\b", "same", "that", "latest"),
            ("anaphor", rf"\b{i('the')}\s+(?P<what>{i('quarter')})\b", "quarter"),
            # "until then", "by that time": the latest period placed before
            ("anaphor", rf"\b{i('until|till|by')}\s+(?P<what>{i('then|that time')})\b", "then", "that time"),
            # the trading day of market reports: "ending the day down", "late in the day", "For the day, the index"
            ("anaphor", r"\b(?:" + "|".join(rf"(?<=\b{verb}\s)" for verb in _DAY_ENDING_VERBS) +
                        rf"|{i('late|later|earlier')}\s+{i('in')}\s+|(?:(?<=^)|(?<=[.!?]\s)|(?<=[.!?]\s\s))"
                        rf"{i('for')}\s+(?={i('the')}\s+{i('day')},))(?P<det>{i('the')})\s+(?P<what>{i('day')})\b", "the day"),
            # "today" that is no "nowadays" whatever the tense: "earlier today", "tonight", "Also today, ...",
            # "today is a sad day", "As of today", "From today", "Starting today", "by today", "today's meeting"; and
            # one after what it is said of (`after`, read by dates.py: "the prices we're seeing today"), where
            # "nowadays" opens the clause ("Today, Belarus is ...", "and today its products are ...")
            ("today", rf"\b(?:(?<=\b[Aa]lso\s)(?P<also>)|(?:(?<=\b[Aa]s\sof\s)|(?<=\b[Ff]rom\s)|(?<=\b[Ss]tarting\s)"
                      rf"|(?<=\b[Ee]ffective\s)|(?<=\b[Bb]y\s))(?P<since>)|(?P<rel>{i('earlier|later')})\s+"
                      rf"|(?<=[\w’'\"”)]\s)(?P<after>))?"
                      rf"(?:{i('today')}|(?P<night>{i('tonight')}))\b(?P<of>(?=['’]s\s+(?:[a-z-]+\s+)?{day_noun}\b))?"
                      rf"(?P<day>(?=\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}day\b))?"),
            # "MAZ made 18,300 vehicles in ten months", "net profit for nine months": in a past clause with figures
            # the months of the year so far (the resolver reads "in N months" in a future clause as `within` does)
            ("months_so_far", rf"\b(?P<prep>{i('in|for|over|during')})\s+(?P<n>{number})\s+(?P<unit>{i('month')})s\b"
                              rf"(?!['’]|\s+{i('of|ago|earlier|later|before|after|from|to|or|time')}\b)", "months"),
            ("within", rf"\b(?:(?P<prep>{i('within|in|over|during')})\s+(?:{i('the')}\s+)?"
                       rf"|{i('the')}\s+(?={i('next|coming')}))(?:(?P<next>{i('next|coming')})\s+)?"
                       rf"(?:(?P<approx>{i('roughly|about|around|approximately|some')})\s+)?"
                       rf"(?:(?P<n>{number})(?:(?:\s+{i('or|to')}\s+|\s*[-–]\s*)(?P<n2a>{number}))?\s+)?{unit}"
                       rf"(?:\s+{i('or')}\s+(?P<n2>{number}))?\b(?!\s+(?:of|after)\s)"),  # "within ten days of delivery"
            ("past", rf"\b(?:{i('over|in|during|for')})\s+{i('the')}\s+{i('past|last')}\s+"
                     rf"(?:(?P<n>{number})\s+)?{unit}\b"),
            ("part_of", rf"\b(?:{i('the')}\s+)?(?P<part>{i('beginning|start|middle|end|close')})\s+{i('of')}\s+"
                        rf"(?:{yearspec}|{i('the')}\s+(?:(?P<fy_rel>{i('current|next|previous|last|new|past|coming')})\s+)?"
                        rf"(?P<fy>{five_year})|(?P<m>{month})(?:,?\s+(?P<y>{year}))?"
                        rf"|(?P<mrel>{i('the|this|next|last')})\s+{i('month')})"),
            # "by year-end", "by year's end", "for the full year", "the current fiscal year", "earlier in the year"
            ("current_year", r"(?i)\b(?:year[-\s]end|year's\s+end|the\s+(?:(?:full|whole|entire)\s+|current\s+(?:fiscal|financial)\s+"
                             r"|(?:fiscal|financial)\s+)year|(?P<rel>earlier|later)\s+in\s+the\s+year)(?![\w-]|\s+(?:of\s+)?\d)",
             "year"),
            ("season", rf"\b(?:(?P<rel>{i('this|last|next|the coming|the past')})\s+|(?:{i('the')}\s+)?"
                       rf"(?:{part}[-\s]+)?)(?P<s>{season})(?:\s+(?:{i('of')}\s+)?(?P<y>{year})"
                       rf"|\s+{i('of')}\s+(?P<srel>{i('this|last|next')})\s+{i('year')}\b(?!['’]))?\b",
             "spring", "summer", "autumn", "fall", "winter"),
        ))
        self._since = re.compile(r"\b(?:since|Since|SINCE)\s+$")
        self._by = re.compile(r"\b(?:by|By|BY)\s+$")
        self._as_of = re.compile(r"\b[Aa]s\s+of\s+$")
        self._units_after = re.compile(r"\s*(?P<word>[\w']+)")
        self._noun_after = re.compile(r"[-\s]+(?!(?:the|a|an|and|or|of|to|it|we|they|this|that|its|their)\b)"
                                      r"[a-z]{3,}\b(?!\s+(?:the|a|an)\b)")
        self._name_after = re.compile(r"\s+[A-Z][a-z]")
        self._every_before = re.compile(rf"\b(?i:every|each)\s+(?:(?:{weekday}|"
                                        r"(?i:year|month|week|summer|winter|spring|autumn))\s+)?(?:(?i:in|on)\s+)?"
                                        r"(?:\d{1,2}\s+)?$"
                                        r"|\b(?i:annually|yearly)\s+(?:(?i:in|on)\s+)?(?:\d{1,2}\s+)?$")
        # "the last Sunday of January", "the first Monday of March": a rule of the calendar; the month of a year stays
        self._of_month = re.compile(rf"\s+of\s+{month}")
        self._weekday_of = re.compile(rf"\b{weekday}\s+of\s+$")
        # the other end of "December to December"
        self._to_month = re.compile(rf"\s+to\s+(?P<m>{month})")
        self._month_to = re.compile(rf"\b(?P<m>{month})\s+to\s+$")
        self._and_joint = re.compile(r"\s(?i:and)\s")
        self._event_after = re.compile(r"\s+(?:after|following|of|from)\s+(?:the|its|his|her|their|this|that)\b")
        self._anaphor_tail = re.compile(r"(?i)\s+(?:of|last|a\s+year|in\s+\d)\b|-[a-z]")  # or "quarter-to-quarter"

    def expressions(self, text: str, words: Words | None = None) -> list[Expression]:
        """`words` index `text` when given (pipeline/doctext.py keeps one per Doc)."""
        found: list[tuple[int, int, str, re.Match[str]]] = []
        lowered = text.lower()
        words = words if words is not None else Words(text)
        for rule, pattern, hints in self.rules:
            if hints and not any(map(lowered.__contains__, hints)):
                continue
            for match in pattern.finditer(text, words):
                start = match.start()
                if (opening := _SPAN_OPENING.match(text, start)) and not _WORD_JOINT.search(text, opening.end(),
                                                                                            match.end()):
                    start = opening.end()  # "up 11.6% from January-July 2020": a dash joins the span, "from" is no part
                found.append((start, match.end(), rule, match))
        found.sort(key=lambda f: (f[0] - f[1], f[0]))  # longest first, then leftmost
        # A match a longer or earlier one overlaps is left out whether or not its rule rejects it, so only the others
        # are read (a third of them: a day's month and year match on their own too).
        taken: list[Expression] = []
        for start, end, rule, match in found:
            if all(end <= t.start or start >= t.end for t in taken):
                groups = {k: v for k, v in match.groupdict().items() if v is not None}
                if not self._rejected(rule, groups, text, match):
                    taken.append(Expression(start, end, rule, groups))
        return [self._with_prefix(e, text) for e in _years_shared(sorted(taken, key=lambda e: e.start), text)]

    def _rejected(self, rule: str, groups: dict[str, str], text: str, match: re.Match[str]) -> bool:
        before = _WORDS.findall(text, max(0, match.start() - 12), match.start())
        previous = before[-1].lower() if before else ""
        if rule in _RECURRING_RULES and "y" not in groups \
                and self._every_before.search(text, max(0, match.start() - 40), match.start()):
            return True  # "every year in July", "every Friday", "annually in June": a rule, no period
        if rule == "year_span" and " and " in match.group() and not match.group()[:7].lower().startswith("between"):
            return True  # "in 2012 and 2013": two years, each its own date ("between 2012 and 2013" is one span)
        if rule == "within":
            if self._event_after.match(text, match.end()):
                return True  # "within ten days after the voting", "within two weeks of its adoption": event-anchored
            counted = "n" in groups or "n2a" in groups
            if groups.get("prep", "").lower() == "within":
                return False
            if "next" in groups:  # "over the next five years", "the next day or two"; not "the next year"
                return not (counted or "n2" in groups)
            # "in two or three weeks", "in roughly one month"; not "over the year" or "twice in a year"
            return not (groups.get("prep", "").lower() == "in" and (counted or "approx" in groups)
                        and previous not in _FREQUENCY_WORDS)
        if rule == "months_so_far":
            # a duration unless the statement counts something ("was built in six months" is no period)
            return not (_FIGURE.search(text, max(0, match.start() - FIGURE_CHARS), match.start())
                        or _FIGURE.search(text, match.end(), match.end() + FIGURE_CHARS))
        if rule == "old_year":
            return previous not in ("in", "since", "until", "till")
        if rule == "year" and "mod" not in groups:
            after = self._units_after.match(text, match.end())
            if after and after.group("word").lower() in self.vocabulary.quantity_units and before[-1:] != ["In"]:
                return True  # "2000 tonnes" is a quantity; "In 2020 farms harvested ..." opens with a year
            return previous == "the" and self._names_event(text, match.end())
        if rule == "month" and groups["m"] == "May" and "y" not in groups and "mrel" not in groups:
            return not before or previous not in ("in", "on", "of", "since", "until", "by", "from", "to", "early",
                                                  "late", "mid", "last", "next", "this", "through", "till", "for",
                                                  "before", "after", "during", "between", "and", "or") \
                and previous not in self.vocabulary.months  # "in February, May and November"
        if rule == "today" and match.group()[:1] == "T" and before and before[-1][:1].isupper() \
                and match.start() >= 2 and text[match.start() - 1] == " " and text[match.start() - 2].isalpha():
            return True  # "the Belarus Today newspaper", "Russia Today": a name
        if rule == "weekday" and self._of_month.match(text, match.end()):
            return True  # "on the last Sunday of January": a rule of the calendar, no day
        if rule == "weekday" and "rel" not in groups:
            return text[match.end():match.end() + 1] == "-"  # "Monday-Friday" style schedules are not dates
        if rule == "season" and groups["s"][:1].isupper() and self._name_after.match(text, match.end()):
            return True  # "the Summer Amphitheater", "the Winter Olympics": a name
        if rule == "season" and not groups.keys() & {"rel", "y", "srel"}:
            # "prices fall", "yields of winter rapeseed", "for spring sowing", "prepared for winter" are no seasons;
            # "scheduled for the summer" is one
            return (previous not in _SEASON_PREPOSITIONS
                    and not _SCHEDULED_FOR.search(text, max(0, match.start() - 30), match.start())) \
                or bool(self._noun_after.match(text, match.end()))
        if rule == "half" and "hn" in groups and "ys_num" not in groups:
            return previous not in ("in", "for", "during", "over", "of", "by", "until", "since")  # "Model H1 engines"
        if rule in ("month_span", "date_span") and not match.group().lower().startswith("between") \
                and self._and_joint.search(match.group()):
            return True  # "in June and September": two months ("between June and September" is a span)
        if rule == "month_span" and groups["m1"] == groups["m2"] and not groups.keys() & {"y1", "y"}:
            return True  # "inflation of 12% (December to December)": the basis of a rate, no period
        if rule == "month" and "y" not in groups and (
                self._weekday_of.search(text, max(0, match.start() - 30), match.start())
                or ((to := self._to_month.match(text, match.end())) and to["m"] == groups["m"])
                or ((to := self._month_to.search(text, max(0, match.start() - 20), match.start()))
                    and to["m"] == groups["m"])):
            return True  # either month of that basis
        if rule == "anaphor":
            # "the same period of last year" is "last year" (the conventions); "the quarter of its output" no date
            return bool(self._anaphor_tail.match(text, match.end()))
        return False

    def _names_event(self, text: str, position: int) -> bool:
        """Whether the words after a year name an event: capitalised words ending with an event word
        ("European Games"), or up to two lower-case ones ("world championship", "presidential election"), or an
        event word at once ("crisis")."""
        words = _WORDS.findall(text, position, min(len(text), position + EVENT_NAME_CHARS))[:EVENT_NAME_WORDS]
        for index, word in enumerate(words):
            if word.lower() in self.vocabulary.events:
                return True
            if not word[0].isupper() and index >= 2:
                return False
        return False

    def _with_prefix(self, expression: Expression, text: str) -> Expression:
        before = text[max(0, expression.start - 8):expression.start]
        if expression.rule == "calendar_date" and self._as_of.search(before):
            # "the reserves totaled $7.2 billion as of 1 January": the state on a day that has come
            return Expression(expression.start, expression.end, expression.rule,
                              {**expression.groups, "as_of": "as of"})
        for name, pattern in (("since", self._since), ("by", self._by)):
            prefix = pattern.search(before)
            if prefix and expression.rule not in ("within", "past"):
                start = expression.start - (len(before) - prefix.start())
                return Expression(start, expression.end, expression.rule, expression.groups, name)
        return expression


_LISTED = re.compile(r"\s*(?:,\s*)?(?:(?:and|or)\s+)?")  # what joins two dates of a list
YEAR_KEYS = ("y", "ys_rel", "ys_rel2", "mrel", "numeric")  # the groups that give a day or month its year


def _years_shared(expressions: list[Expression], text: str) -> list[Expression]:
    """In a list of days or months the last one's year is every one's ("in March and May 2013", "on 12 March,
    2 April and 5 May 2013"): a yearless one takes the year of the dated one it is listed with."""
    shared = list(expressions)
    for index in range(len(shared) - 2, -1, -1):
        current, following = shared[index], shared[index + 1]
        if current.rule in ("month", "calendar_date") and following.rule in ("month", "calendar_date") \
                and "y" in following.groups and not any(key in current.groups for key in YEAR_KEYS) \
                and _LISTED.fullmatch(text, current.end, following.start):
            shared[index] = Expression(current.start, current.end, current.rule,
                                       {**current.groups, "y": following.groups["y"]}, current.prefix)
    return shared


@cache
def date_grammar(models_dir: Path = MODELS_DIR) -> DateGrammar:
    """The grammar built from `models_dir/date_words.jsonl`, once per process."""
    return DateGrammar(load_vocabulary(models_dir / "date_words.jsonl"))
