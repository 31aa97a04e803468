"""Dates and periods, placed on the calendar against the article's publication date.

The date grammar (`date_grammar.py`) finds candidate spans; each rule's resolver
turns one into an inclusive `first`..`last` interval following the annotation
conventions: a day or month without a year is the nearest occurrence that fits
the tense of its clause, "by 2030" is the year 2030, "within the next N years"
runs from the publication date to the same day N years on, "since X" from the
start of X to the publication date. Calendar dates written out ("19 January",
"November 24, 2004", "7/8/07") are read by dateparser, on the span only, with
the publication date as its relative base. The dateline is skipped.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Literal

import dateparser
from spacy.tokens import Doc

from pipeline.extract.date_grammar import DateGrammar, Expression, Vocabulary, date_grammar
from pipeline.records import Article, Period
from pipeline.resources import MODELS_DIR

Tense = Literal["past", "future"] | None
Interval = tuple[date, date]

# Where a tense cue stops applying: punctuation, and the joints of coordinated or reported clauses.
_CLAUSE_EDGE = re.compile(r"[;:()\[\]“”\"\n–—]|,\s|\.\s|[.!?]$|\s(?:and|but|that|while|which)\s")
_WORD = re.compile(r"[A-Za-z']+")
_FRONTING_WORDS = {"on", "in", "at", "by", "from", "since", "until", "till", "during", "then", "also"}
_DATEPARSER_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
FIVE_YEAR_EPOCH = 2021  # Belarus's five-year periods: 2021-2025, 2026-2030, ...
# A participle after a form of "be" is passive, not a past tense ("are supplied", "will be held").
BE_FORMS = frozenset({"be", "being", "been", "is", "are", "am", "was", "were"})
TODAY_GUESS_WINDOW = 4  # words between "today" and an -ed form that makes it the publication day


def extract_dates(doc: Doc, article: Article, *, models_dir: Path = MODELS_DIR) -> tuple[Period, ...]:
    """Every placeable date or period in the body, in body order."""
    if article.published is None:
        return ()
    return tuple(find_periods(doc.text, article.published, source=article.text, skip=_dateline_span(article),
                              grammar=date_grammar(models_dir)))


def find_periods(text: str, published: datetime, *, source: str | None = None,
                 skip: tuple[int, int] | None = None, grammar: DateGrammar | None = None) -> list[Period]:
    """Periods in `text` (the model-folded copy of `source`, same offsets), resolved against `published`."""
    grammar = grammar or date_grammar()
    source = text if source is None else source
    periods = []
    for expression in grammar.expressions(text):
        if skip and expression.start < skip[1] and expression.end > skip[0]:
            continue
        # "Today" is the publication day only in a plainly past clause: an -ed word counts only next to
        # it ("Apple today unveiled", "rose sharply today"), not further off ("today the fortress is one
        # of the most visited places").
        tense = clause_tense(text, expression.start, expression.end, grammar.vocabulary,
                             guess_window=TODAY_GUESS_WINDOW if expression.rule == "today" else None)
        interval = resolve(expression, published, tense, grammar.vocabulary)
        if interval is None:
            continue
        periods.append(Period(text=source[expression.start:expression.end], start=expression.start,
                              end=expression.end, first=interval[0], last=interval[1]))
    return periods


def resolve(expression: Expression, published: datetime, tense: Tense, vocabulary: Vocabulary) -> Interval | None:
    """The interval an expression stands for, or None when it cannot be placed."""
    if expression.prefix == "by" and expression.rule == "weekday":
        tense = "future"  # "by Friday" is a deadline, like "by 2030"
    interval = RESOLVERS[expression.rule](expression.groups, published, tense, vocabulary)
    if interval is None or interval[0] > interval[1]:
        return None
    if expression.prefix == "since":
        return interval[0], max(interval[0], published.date())
    return interval


def clause_tense(text: str, start: int, end: int, vocabulary: Vocabulary, *, guess_window: int | None = None) -> Tense:
    """Future or past, from the tense cue of the span's clause nearest to it (an auxiliary or a listed verb
    before any -ed form; with `guess_window`, an -ed form counts only within that many words of the span);
    None when there is none. A participle after "be" is no cue: the auxiliary before it decides
    ("will be held"). The "to" after a verb such as "agreed" is a future cue for a span after it ("agreed with
    the retailer to sell its goods from 1 December"), not for one before it ("agreed on Monday to build")."""
    left = max((m.end() for m in _CLAUSE_EDGE.finditer(text, max(0, start - 200), start)), default=max(0, start - 200))
    edge = _CLAUSE_EDGE.search(text, end, min(len(text), end + 200))
    if edge and _opens_clause(text[left:start], text[end:edge.start()]) and edge.group().startswith(","):
        # A fronted date ("On Monday, the concern approved ...") belongs to the clause after its comma.
        edge = _CLAUSE_EDGE.search(text, edge.end(), min(len(text), end + 200))
    right = edge.start() if edge else min(len(text), end + 200)
    words = [(m.group().lower(), m.start()) for m in _WORD.finditer(text, left, right) if not start <= m.start() < end]
    split = sum(1 for _, offset in words if offset < start)  # words[split] is the first after the span
    cues: list[tuple[int, Tense]] = []
    past_forms: list[tuple[int, Tense]] = []  # -ed forms: a past tense, or an adjective ("its renovated stage")
    looking_ahead = False  # after "agreed", "decided": its "to ..." before the span is about what comes
    for index, (word, offset) in enumerate(words):
        following = words[index + 1][0] if index + 1 < len(words) else ""
        previous = words[index - 1][0] if index else ""
        looking_ahead = looking_ahead or word in vocabulary.future_infinitives
        if (word in vocabulary.future_cues or f"{word} {following}" in vocabulary.future_cues
                or word.endswith("'ll") or (looking_ahead and word == "to" and offset < start)):
            cues.append((offset, "future"))
        elif previous in BE_FORMS:
            continue
        elif word in vocabulary.past_cues:
            cues.append((offset, "past"))
        elif _past_form(word, vocabulary) and (guess_window is None or
                                               (split - index if index < split else index - split + 1) <= guess_window):
            past_forms.append((offset, "past"))
    cues = cues or past_forms
    if not cues:
        return None
    return min(cues, key=lambda cue: start - cue[0] if cue[0] < start else cue[0] - end)[1]


def _opens_clause(before: str, after: str) -> bool:
    """The date starts its clause (nothing but a preposition before it) and a comma follows it at once."""
    return all(word.lower() in _FRONTING_WORDS for word in _WORD.findall(before)) and not after.strip()


def _past_form(word: str, vocabulary: Vocabulary) -> bool:
    return len(word) > 3 and word.endswith("ed") and word not in vocabulary.not_past


def _dateline_span(article: Article) -> tuple[int, int] | None:
    return (article.dateline.start, article.dateline.end) if article.dateline else None


# Calendar arithmetic ------------------------------------------------------------------------------


def year_interval(year: int) -> Interval:
    return date(year, 1, 1), date(year, 12, 31)


def month_interval(year: int, first_month: int, last_month: int | None = None) -> Interval:
    last_month = last_month or first_month
    return date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])


def shift_years(day: date, years: int) -> date:
    """The same day `years` on (28 February for 29 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def nearest_year(published: date, tense: Tense, place: Callable[[int], Interval | None]) -> Interval | None:
    """The occurrence of a yearless period nearest to publication that fits the tense."""
    options = [i for i in (place(published.year + d) for d in (-1, 0, 1)) if i is not None]
    if tense == "past":  # a finished period, or one mostly past ("in October" in a late-October article)
        options = ([i for i in options if i[1] <= published or i[0] + (i[1] - i[0]) / 2 <= published]
                   or [i for i in options if i[0] <= published] or options)
    elif tense == "future":
        options = [i for i in options if i[1] >= published] or options
    if not options:
        return None

    def distance(interval: Interval) -> int:
        if interval[0] <= published <= interval[1]:
            return 0
        return min(abs((interval[0] - published).days), abs((interval[1] - published).days))
    return min(options, key=lambda i: (distance(i), i[0]))


def _number(word: str | None, vocabulary: Vocabulary) -> int | None:
    if word is None:
        return None
    word = word.lower()
    return int(word) if word.isdigit() else vocabulary.numbers.get(word)


def _month(name: str, vocabulary: Vocabulary) -> int:
    return vocabulary.months[name.lower()]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _safe(build: Callable[[], Interval]) -> Interval | None:
    try:
        return build()
    except ValueError:  # 31 February and the like
        return None


def _year_of(groups: dict[str, str], published: date, tense: Tense) -> int:
    """The year a "Q3 2024" / "the first half of last year" / "the first half" refers to."""
    if "ys_num" in groups:
        return int(groups["ys_num"])
    if "y" in groups:
        return int(groups["y"])
    relative = " ".join(groups.get("ys_rel", "").lower().split())
    if relative.endswith("last year") or relative.endswith("previous year") or relative.endswith("past year"):
        return published.year - 1
    if relative.endswith("next year") or relative.endswith("coming year"):
        return published.year + 1
    return published.year


# Resolvers, one per grammar rule ---------------------------------------------------------------------

Resolver = Callable[[dict[str, str], datetime, Tense, Vocabulary], Interval | None]


def _calendar_date(groups: dict[str, str], published: datetime, tense: Tense, v: Vocabulary) -> Interval | None:
    if "numeric" in groups:
        order = "DMY" if "." in groups["numeric"] else "MDY"
        parsed = dateparser.parse(groups["numeric"], languages=["en"],
                                  settings={**_DATEPARSER_SETTINGS, "RELATIVE_BASE": published, "DATE_ORDER": order})
        return (parsed.date(), parsed.date()) if parsed else None
    written = f"{_day(groups['d'])} {groups['m']}" + (f" {groups['y']}" if "y" in groups else "")
    parsed = dateparser.parse(written, languages=["en"], settings={**_DATEPARSER_SETTINGS, "RELATIVE_BASE": published})
    if parsed is None:
        return None
    if "y" in groups:
        return parsed.date(), parsed.date()
    return nearest_year(published.date(), tense,
                        lambda y: _safe(lambda: (parsed.date().replace(year=y),) * 2))  # type: ignore[return-value]


def _placed(groups: dict[str, str], published: datetime, tense: Tense,
            place: Callable[[int], Interval | None]) -> Interval | None:
    """A span in the year the text gives, else in the nearest year that fits the tense."""
    if "y" in groups:
        return place(int(groups["y"]))
    return nearest_year(published.date(), tense, place)


def _day_span(groups: dict[str, str], published: datetime, tense: Tense, v: Vocabulary) -> Interval | None:
    month = _month(groups["m"], v)

    def place(year: int) -> Interval | None:
        return _safe(lambda: (date(year, month, _day(groups["d1"])), date(year, month, _day(groups["d2"]))))
    return _placed(groups, published, tense, place)


def _date_span(groups: dict[str, str], published: datetime, tense: Tense, v: Vocabulary) -> Interval | None:
    m1, m2 = _month(groups["m1"], v), _month(groups["m2"], v)

    def place(year: int) -> Interval | None:
        first_year = int(groups["y1"]) if "y1" in groups else (year - 1 if m1 > m2 else year)
        return _safe(lambda: (date(first_year, m1, _day(groups["d1"])), date(year, m2, _day(groups["d2"]))))
    return _placed(groups, published, tense, place)


def _month_span(groups: dict[str, str], published: datetime, tense: Tense, v: Vocabulary) -> Interval | None:
    m1, m2 = _month(groups["m1"], v), _month(groups["m2"], v)

    def place(year: int) -> Interval | None:
        first_year = int(groups["y1"]) if "y1" in groups else (year - 1 if m1 > m2 else year)
        return month_interval(first_year, m1)[0], month_interval(year, m2)[1]
    return _placed(groups, published, tense, place)


def _month_resolver(groups: dict[str, str], published: datetime, tense: Tense, v: Vocabulary) -> Interval | None:
    month = _month(groups["m"], v)
    if "y" in groups or "ys_rel" in groups:
        return month_interval(_year_of(groups, published.date(), tense), month)
    return nearest_year(published.date(), tense, lambda y: month_interval(y, month))


def _weekday(groups: dict[str, str], published: datetime, tense: Tense, v: Vocabulary) -> Interval | None:
    today = published.date()
    wanted = v.weekdays[groups["wd"].lower()]
    relation = groups.get("rel", "").lower()
    back = (today.weekday() - wanted) % 7
    ahead = (wanted - today.weekday()) % 7
    if relation == "last":
        day = today - timedelta(days=back or 7)
    elif relation in ("next", "coming", "until", "till"):
        day = today + timedelta(days=ahead or 7)
    elif relation == "this":
        day = today - timedelta(days=today.weekday() - wanted)
    elif tense == "future" or (tense is None and ahead < back):
        day = today + timedelta(days=ahead)
    else:
        day = today - timedelta(days=back)
    return day, day


def _quarter(groups: dict[str, str], published: datetime, tense: Tense, v: Vocabulary) -> Interval | None:
    if "qn" in groups:
        number = int(groups["qn"].strip("Q"))
    else:
        number = v.ordinals[groups["q"].lower()]
    if "ys_num" not in groups and "y" not in groups and "ys_rel" not in groups:
        return nearest_year(published.date(), tense, lambda y: month_interval(y, 3 * number - 2, 3 * number))
    return month_interval(_year_of(groups, published.date(), tense), 3 * number - 2, 3 * number)


def _half(groups: dict[str, str], published: datetime, tense: Tense, v: Vocabulary) -> Interval | None:
    second = groups.get("hn", groups.get("h", "")).lower() in ("h2", "second")
    year = _year_of(groups, published.date(), tense)
    return month_interval(year, 7, 12) if second else month_interval(year, 1, 6)


def _first_months(groups: dict[str, str], published: datetime, tense: Tense, v: Vocabulary) -> Interval | None:
    count = _number(groups["n"], v)
    if count is None or not 1 <= count <= 12:
        return None
    return month_interval(_year_of(groups, published.date(), tense), 1, count)


def _year_span(groups: dict[str, str], published: datetime, tense: Tense, v: Vocabulary) -> Interval | None:
    first = int(groups["y1"])
    last = int(groups["y2"]) if len(groups["y2"]) == 4 else first // 100 * 100 + int(groups["y2"])
    if last <= first or last - first > 50:
        return None  # "2024-25" is a span, "2024-2021" is not
    return year_interval(first)[0], year_interval(last)[1]


def _five_year(groups: dict[str, str], published: datetime, tense: Tense, v: Vocabulary) -> Interval | None:
    if "y1" in groups:
        return year_interval(int(groups["y1"]))[0], year_interval(int(groups["y2"]))[1]
    current = FIVE_YEAR_EPOCH + (published.year - FIVE_YEAR_EPOCH) // 5 * 5
    step = {"next": 5, "coming": 5, "previous": -5, "last": -5, "past": -5}.get(groups["rel"].lower(), 0)
    return year_interval(current + step)[0], year_interval(current + step + 4)[1]


def _year(groups: dict[str, str], published: datetime, tense: Tense, v: Vocabulary) -> Interval | None:
    return year_interval(int(groups["y"]))


def _decade(groups: dict[str, str], published: datetime, tense: Tense, v: Vocabulary) -> Interval | None:
    start = int(groups["dec"]) if "dec" in groups else 1900 + int(groups["dec2"])
    return year_interval(start)[0], year_interval(start + 9)[1]


def _relative(groups: dict[str, str], published: datetime, tense: Tense, v: Vocabulary) -> Interval | None:
    today = published.date()
    relation = " ".join(groups["rel"].lower().split())
    if relation in ("yesterday", "tomorrow"):
        day = today + timedelta(days=1 if relation == "tomorrow" else -1)
        return day, day
    what = groups["what"].lower()
    if relation == "the":  # "the weekend": the one before publication, or the coming one in a future clause
        saturday = today + timedelta(days=5 - today.weekday())
        if tense != "future" and saturday > today:
            saturday -= timedelta(weeks=1)
        return saturday, saturday + timedelta(days=1)
    step = {"last": -1, "the previous": -1, "next": 1, "the coming": 1}.get(relation, 0)
    if what == "year":
        return year_interval(today.year + step)
    if what == "month":
        first = shift_months(today.replace(day=1), step)
        return month_interval(first.year, first.month)
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
    if what == "weekend":
        return monday + timedelta(days=5), monday + timedelta(days=6)
    return monday, monday + timedelta(days=6)


def _today(groups: dict[str, str], published: datetime, tense: Tense, v: Vocabulary) -> Interval | None:
    # "was delivered today" is the publication day; "today Belarus is ..." means nowadays and is vague.
    return (published.date(), published.date()) if tense == "past" or "rel" in groups else None


def _span_length(groups: dict[str, str], v: Vocabulary) -> tuple[int, str] | None:
    count = _number(groups.get("n2") or groups.get("n"), v) if ("n" in groups or "n2" in groups) else 1
    if count is None:
        return None
    return count, groups["unit"].lower()


def _shift(day: date, count: int, unit: str) -> date:
    if unit == "decade":
        return shift_years(day, 10 * count)
    if unit == "year":
        return shift_years(day, count)
    if unit == "month":
        return shift_months(day, count)
    return day + timedelta(days=count * (7 if unit == "week" else 1))


def _within(groups: dict[str, str], published: datetime, tense: Tense, v: Vocabulary) -> Interval | None:
    length = _span_length(groups, v)  # "a year or two": the outer bound
    return None if length is None else (published.date(), _shift(published.date(), *length))


def _past(groups: dict[str, str], published: datetime, tense: Tense, v: Vocabulary) -> Interval | None:
    length = _span_length(groups, v)
    return None if length is None else (_shift(published.date(), -length[0], length[1]), published.date())


def _part_of(groups: dict[str, str], published: datetime, tense: Tense, v: Vocabulary) -> Interval | None:
    return year_interval(_year_of(groups, published.date(), tense))


RESOLVERS: dict[str, Resolver] = {
    "calendar_date": _calendar_date, "day_span": _day_span, "date_span": _date_span, "month_span": _month_span,
    "month": _month_resolver, "weekday": _weekday, "quarter": _quarter, "half": _half,
    "first_months": _first_months, "year_span": _year_span, "five_year": _five_year, "year": _year,
    "decade": _decade, "relative": _relative, "today": _today, "within": _within, "past": _past, "part_of": _part_of,
}
