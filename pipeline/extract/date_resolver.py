"""The date resolver: every expression the date grammar finds, placed on the calendar.

An expression is placed against the publication date, the tense of its clause (`dates.clause_tense`)
and the periods the text has placed before it (its *references*): the ones earlier in its sentence,
in the sentence before, and in the article. A comparison point ("than in 2016", "a year ago", "the
previous year") is never a reference. An expression that cannot be placed gives None and stays out of
`dates`: a guessed day is never written. Intervals are inclusive. The table of every expression the
resolver knows, one row per grammar rule of `date_grammar.py`, is in models/README.md ("The date
resolver"); a test per row is in tests/test_dates.py.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

import dateparser

from pipeline.extract.date_grammar import Expression, Vocabulary

Tense = Literal["past", "future"] | None
Interval = tuple[date, date]

REPORTING_LAG_DAYS = 45  # a quarter that ended this recently is the one results are still reported for
YEARLESS_PAST_DAYS, YEARLESS_AHEAD_DAYS = 300, 60  # a yearless day in a past clause this far back, that far ahead
YEAR_AGO_ALREADY_DAYS = 183  # a reference ended this long before publication is itself the year-ago period
BEGUN_IS_PAST_DAYS = 30  # a period this short (a month, ten days of one) that has begun fits a past clause
FIVE_YEAR_EPOCH = 2021  # Belarus's five-year periods: 2021-2025, 2026-2030, ...
_DATEPARSER_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
PARTS = {"early": 0, "beginning": 0, "start": 0, "mid": 1, "middle": 1, "late": 2, "end": 2, "close": 2}


@dataclass(slots=True)
class Situation:
    """What a resolver knows besides its expression: publication, tense, vocabulary, and the periods placed
    before it as (sentence number, interval), baselines left out. The tense is read from the text when a resolver
    first asks for it: most expressions carry their year, and reading a clause costs."""

    published: date
    read_tense: Callable[[], Tense]
    vocabulary: Vocabulary
    sentence: int = 0
    earlier: Sequence[tuple[int, Interval]] = ()
    _tense: Tense = field(default=None, init=False, repr=False)
    _read: bool = field(default=False, init=False, repr=False)

    @property
    def tense(self) -> Tense:
        if not self._read:
            self._tense, self._read = self.read_tense(), True
        return self._tense

    def reference(self, fits: Callable[[Interval], bool] = lambda i: True, *,
                  scope: Literal["sentence", "previous", "article"] = "article") -> Interval | None:
        """The latest earlier period that fits, in the sentence (scope "sentence"), in it or the one before
        ("previous"), or anywhere before ("article")."""
        first = {"sentence": self.sentence, "previous": self.sentence - 1, "article": -1}[scope]
        return next((i for s, i in reversed(self.earlier) if s >= first and fits(i)), None)


def resolve(expression: Expression, situation: Situation) -> Interval | None:
    """The interval an expression stands for, or None when it cannot be placed."""
    # "by Friday" is a deadline, like "by 2030"; what "since" names lies behind ("the lowest since spring" in October)
    tense = "future" if expression.prefix == "by" and expression.rule == "weekday" else \
        "past" if expression.prefix == "since" else None
    if tense is not None:
        situation = Situation(situation.published, lambda: tense, situation.vocabulary, situation.sentence,
                              situation.earlier)
    interval = RESOLVERS[expression.rule](expression.groups, situation)
    if interval is None or interval[0] > interval[1]:
        return None
    if expression.prefix == "since":
        return interval[0], max(interval[0], situation.published)
    return interval


# Calendar arithmetic ------------------------------------------------------------------------------


def year_interval(year: int) -> Interval:
    return date(year, 1, 1), date(year, 12, 31)


def month_interval(year: int, first_month: int, last_month: int | None = None) -> Interval:
    last_month = last_month or first_month
    return date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


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


def ten_days(year: int, month: int, part: int) -> Interval:
    """The first, middle or last ten days of a month (part 0, 1, 2): 1-10, 11-20, 21-end."""
    first, last = month_interval(year, month)
    return first + timedelta(days=10 * part), (first + timedelta(days=10 * part + 9) if part < 2 else last)


def whole_months(interval: Interval) -> bool:
    return interval[0].day == 1 and interval[1] == month_end(interval[1])


def is_day(interval: Interval) -> bool:
    return interval[0] == interval[1]


def is_quarter(interval: Interval) -> bool:
    first, last = interval
    return (whole_months(interval) and first.month % 3 == 1 and first.year == last.year
            and last.month == first.month + 2)


def one_year(interval: Interval) -> bool:
    return interval[0].year == interval[1].year


def back(interval: Interval, months: int) -> Interval:
    """A period of whole months moved `months` on (negative: back); a day or a part of a month moves as its month."""
    if not whole_months(interval):
        first = interval[0].replace(day=1)
        return shift_months(first, months), month_end(shift_months(first, months))
    return shift_months(interval[0], months), month_end(shift_months(interval[1].replace(day=1), months))


def latest_quarter(published: date) -> Interval:
    """The latest quarter that has ended by publication."""
    first_month = (published.month - 1) // 3 * 3 + 1
    return back(month_interval(published.year, first_month, first_month + 2), -3)


def nearest_year(published: date, tense: Tense, place: Callable[[int], Interval | None]) -> Interval | None:
    """The occurrence of a yearless period nearest to publication that fits the tense."""
    options = [i for i in (place(published.year + d) for d in (-1, 0, 1)) if i is not None]
    if tense == "past":  # a finished period, or one mostly past ("in the third quarter" in late August), or a
        # month or ten days of one that have begun ("In March the bank lowered the rate" on 10 March, "Harvesting
        # began in late August" on 25 August)
        options = ([i for i in options if i[1] <= published or i[0] + (i[1] - i[0]) / 2 <= published
                    or (i[0] <= published and (i[1] - i[0]).days <= BEGUN_IS_PAST_DAYS)]
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
    word = " ".join(word.lower().split())
    return int(word) if word.isdigit() else vocabulary.numbers.get(word)


def _month(name: str, vocabulary: Vocabulary) -> int:
    return vocabulary.months[name.lower()]


def _day(text: str) -> int:
    return int(text[:2]) if text[:2].isdigit() else int(text[0])


def _safe(build: Callable[[], Interval]) -> Interval | None:
    try:
        return build()
    except ValueError:  # 31 February and the like
        return None


def _year_of(groups: dict[str, str], situation: Situation) -> int:
    """The year a "Q3 2024" / "the first half of last year" / "the first half" refers to."""
    if "ys_num" in groups:
        return int(groups["ys_num"])
    if "y" in groups:
        return int(groups["y"])
    relative = " ".join(groups.get("ys_rel", "").lower().split())
    if relative.endswith(("last year", "previous year", "past year")):
        return situation.published.year - 1
    if relative.endswith(("next year", "coming year")):
        return situation.published.year + 1
    return situation.published.year


def _placed(groups: dict[str, str], situation: Situation, place: Callable[[int], Interval | None]) -> Interval | None:
    """A span in the year the text gives ("2024", "last year"), else in the nearest year that fits the tense."""
    if "y" in groups or "ys_rel" in groups:
        return place(_year_of(groups, situation))
    return nearest_year(situation.published, situation.tense, place)


# Resolvers, one per grammar rule ---------------------------------------------------------------------

Resolver = Callable[[dict[str, str], Situation], Interval | None]


def _calendar_date(groups: dict[str, str], s: Situation) -> Interval | None:
    if "numeric" in groups:  # "7/8/07": dateparser reads it in the order set here
        base = datetime(s.published.year, s.published.month, s.published.day)
        order = "DMY" if "." in groups["numeric"] else "MDY"
        parsed = dateparser.parse(groups["numeric"], languages=["en"],
                                  settings={**_DATEPARSER_SETTINGS, "RELATIVE_BASE": base, "DATE_ORDER": order})
        return (parsed.date(), parsed.date()) if parsed else None
    # A written day and month are read here: dateparser read them the same way (every day, month word and year the
    # grammar takes, compared once) at about 3 ms a call; a day the month lacks gives None.
    month, day = _month(groups["m"], s.vocabulary), _day(groups["d"])

    def place(year: int) -> Interval | None:
        return _safe(lambda: (date(year, month, day),) * 2)
    if "y" in groups or "ys_rel" in groups:
        return place(_year_of(groups, s))
    return _yearless_days(groups, s, place)


def _yearless_days(groups: dict[str, str], s: Situation, place: Callable[[int], Interval | None]) -> Interval | None:
    """Days without a year, at their nearest occurrence that fits the tense; but a day almost a year back would
    have been written with its year: a past verb around days a few weeks ahead is about setting or announcing them
    ("has set Nov. 10 as the deadline", "warned of thunderstorms on 7-8 May"), unless a state is told "as of" it."""
    placed = nearest_year(s.published, s.tense, place)
    if s.tense == "past" and placed is not None and (s.published - placed[0]).days > YEARLESS_PAST_DAYS \
            and "as_of" not in groups:
        ahead = nearest_year(s.published, "future", place)
        if ahead is not None and (ahead[0] - s.published).days <= YEARLESS_AHEAD_DAYS:
            return ahead
    return placed


def _day_span(groups: dict[str, str], s: Situation) -> Interval | None:
    month = _month(groups["m"], s.vocabulary)

    def place(year: int) -> Interval | None:
        return _safe(lambda: (date(year, month, _day(groups["d1"])), date(year, month, _day(groups["d2"]))))
    if "y" in groups or "ys_rel" in groups:
        return place(_year_of(groups, s))
    return _yearless_days(groups, s, place)


def _date_span(groups: dict[str, str], s: Situation) -> Interval | None:
    m1, m2 = _month(groups["m1"], s.vocabulary), _month(groups["m2"], s.vocabulary)

    def place(year: int) -> Interval | None:
        first_year = int(groups["y1"]) if "y1" in groups else (year - 1 if m1 > m2 else year)
        return _safe(lambda: (date(first_year, m1, _day(groups["d1"])), date(year, m2, _day(groups["d2"]))))
    return _placed(groups, s, place)


def _month_span(groups: dict[str, str], s: Situation) -> Interval | None:
    m1, m2 = _month(groups["m1"], s.vocabulary), _month(groups["m2"], s.vocabulary)
    first_part, last_part = PARTS.get(groups.get("mod1", "").lower()), PARTS.get(groups.get("mod2", "").lower())

    def place(year: int) -> Interval | None:
        first_year = int(groups["y1"]) if "y1" in groups else (year - 1 if m1 > m2 else year)
        first = month_interval(first_year, m1) if first_part is None else ten_days(first_year, m1, first_part)
        last = month_interval(year, m2) if last_part is None else ten_days(year, m2, last_part)
        return first[0], last[1]
    return _placed(groups, s, place)


def _month_resolver(groups: dict[str, str], s: Situation) -> Interval | None:
    month = _month(groups["m"], s.vocabulary)
    part = PARTS.get(groups.get("mod", "").lower())

    def place(year: int) -> Interval:
        return month_interval(year, month) if part is None else ten_days(year, month, part)
    if "ys_rel2" in groups:  # "July last year"
        groups = {**groups, "ys_rel": groups["ys_rel2"]}
    if "y" in groups or "ys_rel" in groups:
        return place(_year_of(groups, s))
    if "mrel" in groups:  # "this September": in the publication year; "last April": the latest before the
        # publication month; "next March": the first after it
        relation, now = groups["mrel"].lower(), s.published.month
        step = {"last": -1 if month >= now else 0, "next": 1 if month <= now else 0}.get(relation, 0)
        return place(s.published.year + step)
    return nearest_year(s.published, s.tense, place)


def _weekday(groups: dict[str, str], s: Situation) -> Interval | None:
    today = s.published
    wanted = s.vocabulary.weekdays[groups["wd"].lower()]
    relation = " ".join(groups.get("rel", "").lower().split())
    back_days = (today.weekday() - wanted) % 7
    ahead = (wanted - today.weekday()) % 7
    if relation in ("the previous", "the preceding"):
        # "closed lower Friday, down 4.5% from the previous Friday": the one before the day the text is about
        base = (s.reference(lambda interval: interval[0] == interval[1]) or (today, today))[0]
        day = base - timedelta(days=(base.weekday() - wanted) % 7 or 7)
    elif relation == "last":
        day = today - timedelta(days=back_days or 7)
    elif relation in ("next", "coming"):
        day = today + timedelta(days=ahead or 7)
    elif "poss" in groups and not relation and s.tense != "future":
        # "Friday's trading", "Wednesday's ruling": an event the text names as known, the latest one
        day = today - timedelta(days=back_days)
    elif relation == "this" or s.tense is None or "poss" in groups:
        # that day in the publication week (Monday to Sunday); so is a possessive in a future clause, whose tense
        # may be about something else ("will appeal against Wednesday's ruling", "ahead of Sunday's vote")
        day = today - timedelta(days=today.weekday() - wanted)
    elif s.tense == "future":
        day = today + timedelta(days=ahead)
    else:
        day = today - timedelta(days=back_days)
    return day, day


def _quarter(groups: dict[str, str], s: Situation) -> Interval | None:
    number = int(groups["qn"].strip("Qq")) if "qn" in groups else s.vocabulary.ordinals[groups["q"].lower()]
    if "century" in groups:
        return _century_part(groups["century"], 4, number)
    if "yq" in groups:  # "the 1988 third quarter"
        return month_interval(int(groups["yq"]), 3 * number - 2, 3 * number)
    if "ys_num" in groups or "y" in groups or "ys_rel" in groups:
        return month_interval(_year_of(groups, s), 3 * number - 2, 3 * number)
    if "modifier" in groups:  # "third-quarter profit": results of the latest such quarter that has begun
        year = s.published.year if s.published.month >= 3 * number - 2 else s.published.year - 1
        return month_interval(year, 3 * number - 2, 3 * number)
    latest = latest_quarter(s.published)
    if s.tense == "future" and latest[0].month == 3 * number - 2 and "within" not in groups \
            and (s.published - latest[1]).days <= REPORTING_LAG_DAYS:
        return latest  # "will report its third-quarter results" (in late October): the quarter just ended; not
        # "will be put into operation in the fourth quarter"
    return nearest_year(s.published, s.tense, lambda y: month_interval(y, 3 * number - 2, 3 * number))


def _quarter_span(groups: dict[str, str], s: Situation) -> Interval | None:
    if "q1o" in groups:  # "the second and third quarters"
        q1, q2 = s.vocabulary.ordinals[groups["q1o"].lower()], s.vocabulary.ordinals[groups["q2o"].lower()]
        if not 1 <= q1 < q2 <= 4:
            return None
        groups = {**groups, "y": groups["ys_num"]} if "ys_num" in groups else groups
    else:
        q1, q2 = int(groups["q1"][1]), int(groups["q2"][1])

    def place(year: int) -> Interval:
        first_year = int(groups["y1"]) if "y1" in groups else (year - 1 if q1 > q2 else year)
        return month_interval(first_year, 3 * q1 - 2)[0], month_interval(year, 3 * q2)[1]
    return _placed(groups, s, place)


def _half(groups: dict[str, str], s: Situation) -> Interval | None:
    second = groups.get("hn", groups.get("h", "")).lower() in ("h2", "2h", "second")
    if "century" in groups:
        return _century_part(groups["century"], 2, 2 if second else 1)
    year = _year_of(groups, s)
    half = month_interval(year, 7, 12) if second else month_interval(year, 1, 6)
    relative = " ".join(groups.get("ys_rel", "").lower().split())
    if not groups.keys() & {"y", "ys_num"} and relative in ("", "the year") and half[0] > s.published \
            and s.tense == "past":
        # "became more complicated in the second half of the year", in January: last year's
        return month_interval(year - 1, 7, 12) if second else month_interval(year - 1, 1, 6)
    return half


def _first_months(groups: dict[str, str], s: Situation) -> Interval | None:
    count = _number(groups["n"], s.vocabulary)
    if count is None or not 1 <= count <= 12:
        return None
    return month_interval(_year_of(groups, s), 1, count)


def _month_part(groups: dict[str, str], s: Situation) -> Interval | None:
    order = groups["ord"].lower()
    if groups["unit"].lower() == "half":
        if order not in ("first", "second"):
            return None

        def place(year: int, month: int) -> Interval:  # 1-15, 16-end
            first, last = month_interval(year, month)
            return (first, first + timedelta(days=14)) if order == "first" else (first + timedelta(days=15), last)
    else:
        def place(year: int, month: int) -> Interval:
            return ten_days(year, month, {"first": 0, "second": 1}.get(order, 2))  # third, last, final
    if "mrel" in groups:  # "the second half of the month", "the last ten days of next month"
        day = shift_months(s.published.replace(day=1), {"next": 1, "last": -1}.get(groups["mrel"].lower(), 0))
        return place(day.year, day.month)
    month = _month(groups["m"], s.vocabulary)
    return _placed(groups, s, lambda year: place(year, month))


def _part_span(groups: dict[str, str], s: Situation) -> Interval | None:
    first, last = int(groups["y1"]), int(groups["y2"])
    part = groups["part"].upper()
    months = 6 * int(part[1]) if part[0] == "H" else 3 * int(part[1])
    return (year_interval(first)[0], month_interval(last, months)[1]) if first < last else None


def _year_span(groups: dict[str, str], s: Situation) -> Interval | None:
    first = int(groups["y1"])
    last = int(groups["y2"]) if len(groups["y2"]) == 4 else first // 100 * 100 + int(groups["y2"])
    if last <= first or last - first > 50:
        return None  # "2024-25" is a span, "2024-2021" is not
    return year_interval(first)[0], year_interval(last)[1]


def five_year_period(groups: dict[str, str], published: date) -> Interval:
    if "y1" in groups:
        return year_interval(int(groups["y1"]))[0], year_interval(int(groups["y2"]))[1]
    current = FIVE_YEAR_EPOCH + (published.year - FIVE_YEAR_EPOCH) // 5 * 5
    step = {"next": 5, "coming": 5, "previous": -5, "last": -5, "past": -5}.get(groups.get("rel", "").lower(), 0)
    return year_interval(current + step)[0], year_interval(current + step + 4)[1]


def _five_year(groups: dict[str, str], s: Situation) -> Interval | None:
    if "y1" not in groups and "rel" not in groups:
        # "The programme for 2026-2030 ... over the five-year period": the five years the article named last
        named = s.reference(_five_whole_years)
        if named is not None:
            return named
    return five_year_period(groups, s.published)


def _five_whole_years(interval: Interval) -> bool:
    first, last = interval
    return (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and last.year - first.year == 4


def _year(groups: dict[str, str], s: Situation) -> Interval | None:
    return year_interval(int(groups["y"]))


def _spoken_year(groups: dict[str, str], s: Situation) -> Interval | None:
    """"nineteen ninety-six", "January nineteen ninety-seven", "the year two thousand"."""
    if "sy_hi" in groups:
        low = sum(_number(w, s.vocabulary) or 0 for w in groups["sy_lo"].replace("-", " ").split())
        year = _number(groups["sy_hi"], s.vocabulary) * 100 + low  # type: ignore[operator]
    else:
        year = 2000 + (_number(groups["sy_2k"], s.vocabulary) or 0 if "sy_2k" in groups else 0)
    return month_interval(year, _month(groups["m"], s.vocabulary)) if "m" in groups else year_interval(year)


def _current_year(groups: dict[str, str], s: Situation) -> Interval | None:
    """"by year-end", "for the full year", "the current fiscal year", "earlier in the year": the publication year
    (like "the end of the year", the whole year)."""
    return year_interval(s.published.year)


def _short_year(groups: dict[str, str], s: Situation) -> Interval | None:
    """"since '82": the year of that ending no more than ten years after publication."""
    year = 2000 + int(groups["yy"])
    return year_interval(year if year <= s.published.year + 10 else year - 100)


def _week_of(groups: dict[str, str], s: Situation) -> Interval | None:
    if "wn" in groups:
        return _week_of_month(groups, s)
    day = _calendar_date({"d": groups.get("d", groups.get("d2", "")), "m": groups.get("m", groups.get("m2", "")),
                          **({"y": groups["y"]} if "y" in groups else {})}, s)
    if day is None:
        return None
    monday = day[0] - timedelta(days=day[0].weekday())
    return monday, monday + timedelta(days=6)


def _week_of_month(groups: dict[str, str], s: Situation) -> Interval | None:
    """"the first week of March": the first Monday-to-Sunday week inside the month; "the last week of June" the
    last one."""
    month = _month(groups["wm"], s.vocabulary)
    last = groups["wn"].lower() in ("last", "final")
    number = s.vocabulary.ordinals[groups["wn"].lower()]

    def place(year: int) -> Interval | None:
        if last:
            end = month_end(date(year, month, 1))
            sunday = end - timedelta(days=(end.weekday() + 1) % 7)
            return sunday - timedelta(days=6), sunday
        first = date(year, month, 1)
        monday = first + timedelta(days=(7 - first.weekday()) % 7 + 7 * (number - 1))
        return (monday, monday + timedelta(days=6)) if (monday + timedelta(days=6)).month == month else None
    return _placed(groups, s, place)


def _year_period(groups: dict[str, str], s: Situation) -> Interval | None:
    """"the 1988 quarter", "the 1988 period": the months of the latest period of under a year the text is about,
    moved to that year; the whole year when there is none."""
    year = int(groups["y"])
    reference = s.reference(lambda i: whole_months(i) and one_year(i) and i != year_interval(i[0].year))
    if reference is None:
        return year_interval(year)
    return (reference[0].replace(year=year),
            month_end(reference[1].replace(year=year, day=1)))


def _decade(groups: dict[str, str], s: Situation) -> Interval | None:
    if "decw" in groups:  # "the nineties": the 1990s
        start = 1900 + s.vocabulary.decades[groups["decw"].lower()]
    else:
        start = int(groups["dec"]) if "dec" in groups else 1900 + int(groups["dec2"])
    return year_interval(start)[0], year_interval(start + 9)[1]


def _century_part(century: str, parts: int, number: int) -> Interval | None:
    """The `number`th of `parts` equal parts of a century ("the second half of the 16th century": 1550-1599)."""
    if not 1 <= number <= parts:
        return None
    first = (int(century) - 1) * 100 + (number - 1) * 100 // parts
    return year_interval(max(first, 1))[0], year_interval(first + 100 // parts - 1)[1]


def _century(groups: dict[str, str], s: Situation) -> Interval | None:
    start = (int(groups["c"]) - 1) * 100
    return (year_interval(start)[0], year_interval(start + 99)[1]) if start else None


def _relative(groups: dict[str, str], s: Situation) -> Interval | None:
    today = s.published
    relation = " ".join(groups["rel"].lower().split())
    if relation in ("yesterday", "tomorrow"):  # "the day after tomorrow", "the day before yesterday": two days
        day = today + timedelta(days=(1 if relation == "tomorrow" else -1) * (2 if "twice" in groups else 1))
        return day, day
    what = groups["what"].lower()
    if relation == "the":  # "the weekend": the one before publication, or the coming one in a future clause
        saturday = today + timedelta(days=5 - today.weekday())
        if s.tense != "future" and saturday > today:
            saturday -= timedelta(weeks=1)
        return saturday, saturday + timedelta(days=1)
    step = {"last": -1, "next": 1, "the coming": 1}.get(relation, 0) * (2 if "before_last" in groups else 1)
    if what == "year":
        return year_interval(today.year + step)
    if what in ("month", "quarter"):
        size = 1 if what == "month" else 3
        first = today.replace(day=1, month=(today.month - 1) // size * size + 1)
        return back((first, month_end(shift_months(first, size - 1))), step * size)
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
    if what == "weekend":
        return monday + timedelta(days=5), monday + timedelta(days=6)
    return monday, monday + timedelta(days=6)


def _previous(groups: dict[str, str], s: Situation) -> Interval | None:
    """"the previous year", "the following year", "the previous two years", "the day before": counted from the
    year (month, quarter, day) the sentence is about."""
    count = _number(groups.get("n"), s.vocabulary) if "n" in groups else 1
    if count is None:
        return None
    unit = groups["unit"].lower()
    sign = 1 if groups["rel"].lower() == "following" else -1  # "previous", "preceding", "before"
    if unit == "day":  # from the day the sentence or the one before is about; "the day before" else from
        # publication (the agency's "the day before": the day before its report), "the following day" not at all
        reference = s.reference(lambda i: i[0] == i[1], scope="previous")
        if reference is None and sign > 0:
            return None
        day = (reference or (s.published,))[0]
        return (day - timedelta(days=count), day - timedelta(days=1)) if sign < 0 else \
            (day + timedelta(days=1), day + timedelta(days=count))
    size = {"year": 12, "quarter": 3, "month": 1}[unit]
    reference = s.reference(one_year)
    year = reference[0].year if reference else s.published.year
    if unit == "year":
        start = year + sign if sign > 0 else year - count
        return year_interval(start)[0], year_interval(start + count - 1)[1]
    # a month or quarter is counted from one no longer than itself ("in 2021 ... In the previous month" is the
    # month before publication, not December 2020)
    reference = s.reference(lambda i: one_year(i) and (i[0].month - 1) // size == (i[1].month - 1) // size)
    first = (reference or (s.published, s.published))[0]
    first = first.replace(day=1, month=(first.month - 1) // size * size + 1)
    span = (first, month_end(shift_months(first, size - 1)))
    near = back(span, sign * size)
    far = back(span, sign * size * count)
    return (far[0], near[1]) if sign < 0 else (near[0], far[1])


def _ago(groups: dict[str, str], s: Situation) -> Interval | None:
    """"a year ago" / "a year earlier" / "the year-ago quarter": the period the sentence is about, a year back;
    counted forms ("two months ago", "41 years ago") in their own unit."""
    if "adj" in groups:  # a comparison with results: of a period that has ended by publication
        def ended(interval: Interval) -> bool:
            return one_year(interval) and interval[1] <= s.published
        reference = s.reference(ended, scope="sentence") or s.reference(ended)
        if "q" in groups:
            year = (reference[0].year if reference else s.published.year) - 1
            number = s.vocabulary.ordinals[groups["q"].lower()]
            return month_interval(year, 3 * number - 2, 3 * number)
        if reference is not None and (s.published - reference[1]).days > YEAR_AGO_ALREADY_DAYS:
            return reference  # "Last year, losses were ... The year-earlier results": the text is already a year back
        if reference is not None and groups.get("span", "").lower() == "quarter":
            first_month = (reference[0].month - 1) // 3 * 3 + 1  # "the quarter ended Sept. 30 ... the year-ago quarter"
            quarter = month_interval(reference[0].year, first_month, first_month + 2)
            if reference[1] <= quarter[1]:
                return back(quarter, -12)
        return back(reference or (s.published, s.published), -12)
    count = _number(groups["n"], s.vocabulary)
    unit = groups["unit"].lower()
    direction = "earlier" if groups["dir"].lower() == "before" else groups["dir"].lower()
    if count is None:
        return None
    if count == 1 and unit in ("year", "month") and direction != "later":
        # the month (quarter, year) the sentence is about, or for "a year ago" the one before it continues ("A
        # month ago" with no period of its own is the month before publication); "a year earlier" may point
        # further back, to the latest recent period of the article, one begun by publication ("The budget will take
        # effect on 1 January. A year ago ..." is no year before January); else the publication month
        def recent(interval: Interval) -> bool:
            return one_year(interval) and interval[1] >= shift_years(s.published, -1) and interval[0] <= s.published
        reference = (s.reference(one_year, scope="sentence")
                     or (s.reference(recent, scope="previous") if unit == "year" else None)
                     or (s.reference(recent) if direction == "earlier" else None))
        return back(reference or (s.published, s.published), -12 if unit == "year" else -1)
    if direction != "ago":  # "two years earlier", "a month later": from the latest reference
        reference = s.reference()
        return None if reference is None else _moved(reference, count if direction == "later" else -count, unit)
    return _moved((s.published, s.published), -count, unit)


def _moved(reference: Interval, count: int, unit: str) -> Interval:
    """The unit holding the reference's start, `count` units on: a day, the week (Monday to Sunday), month,
    quarter or year."""
    day = reference[0]
    if unit == "day":
        moved = day + timedelta(days=count)
        return moved, moved
    if unit == "week":
        monday = day - timedelta(days=day.weekday()) + timedelta(weeks=count)
        return monday, monday + timedelta(days=6)
    if unit in ("year", "decade"):
        return year_interval(day.year + count * (10 if unit == "decade" else 1))
    size = 3 if unit == "quarter" else 1
    first = day.replace(day=1, month=(day.month - 1) // size * size + 1)
    return back((first, month_end(shift_months(first, size - 1))), count * size)


def _anaphor(groups: dict[str, str], s: Situation) -> Interval | None:
    """"the same period", "that day", "that year", "the quarter": the latest period placed before, of that size."""
    what = groups["what"].lower()
    if " ".join(groups.get("det", "").lower().split()) == "the latest" and what in ("quarter", "period"):
        # "the latest quarter": the quarter the sentence is about, else the latest one that has ended
        return s.reference(is_quarter, scope="sentence") or latest_quarter(s.published)
    if what in ("then", "that time"):  # "until then": the latest period placed before, of any size
        return s.reference()
    if what == "day":
        if groups.get("det", "").lower() == "the":  # the trading day of a market report: the day the text is about
            return s.reference(is_day, scope="previous") or (s.published, s.published)
        return s.reference(is_day)
    if what == "period":
        return s.reference(lambda i: not is_day(i)) or s.reference()
    reference = (s.reference(is_quarter) if what == "quarter" else None) or s.reference(one_year)
    if reference is None:
        return None
    if what == "year":
        return year_interval(reference[0].year)
    if what == "month":
        return (reference[0].replace(day=1), month_end(reference[0])) if reference[0].month == reference[1].month \
            else None
    first_month = (reference[0].month - 1) // 3 * 3 + 1
    if reference[1].month > first_month + 2:
        return None  # "the quarter" after a half year: no quarter to point back to
    return month_interval(reference[0].year, first_month, first_month + 2)


_THE_DAY = frozenset({"rel", "also", "night", "day", "since", "after", "of"})  # the groups of "today" that name the day


def _today(groups: dict[str, str], s: Situation) -> Interval | None:
    # "was delivered today", "today the minister will open" are the day of the statement; "today Belarus is ..."
    # means nowadays and is vague, unless the grammar read the day itself ("earlier today", "Also today").
    return (s.published, s.published) if s.tense is not None or groups.keys() & _THE_DAY else None


def _span_length(groups: dict[str, str], v: Vocabulary) -> tuple[int, str] | None:
    words = groups.get("n2") or groups.get("n2a") or groups.get("n")
    count = _number(words, v) if words else 1
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


def _within(groups: dict[str, str], s: Situation) -> Interval | None:
    if s.tense != "future" and groups.get("prep", "").lower() == "in" and "next" not in groups:
        return None  # "in five years the output doubled", "a train covers it in three days": durations
    length = _span_length(groups, s.vocabulary)  # "a year or two": the outer bound
    return None if length is None else (s.published, _shift(s.published, *length))


def _months_so_far(groups: dict[str, str], s: Situation) -> Interval | None:
    """"in ten months" in a past clause: the year's first ten months, in the latest year they have all ended in; in
    a future clause "in N months" is a span from publication (`_within`)."""
    if s.tense != "past":
        return _within(groups, s) if groups["prep"].lower() == "in" else None
    count = _number(groups["n"], s.vocabulary)
    if count is None or not 2 <= count <= 11:
        return None
    return month_interval(s.published.year - (count >= s.published.month), 1, count)


def _past(groups: dict[str, str], s: Situation) -> Interval | None:
    length = _span_length(groups, s.vocabulary)
    return None if length is None else (_shift(s.published, -length[0], length[1]), s.published)


def _part_of(groups: dict[str, str], s: Situation) -> Interval | None:
    part = PARTS[groups["part"].lower()]
    if "fy" in groups:
        first, last = five_year_period({"rel": groups.get("fy_rel", "")}, s.published)
        return {0: year_interval(first.year), 2: year_interval(last.year)}.get(part, (first, last))
    if "m" in groups:
        month = _month(groups["m"], s.vocabulary)
        return _placed(groups, s, lambda y: ten_days(y, month, part))
    if "mrel" in groups:
        step = {"next": 1, "last": -1}.get(groups["mrel"].lower(), 0)
        first = shift_months(s.published.replace(day=1), step)
        return ten_days(first.year, first.month, part)
    return year_interval(_year_of(groups, s))


def _season(groups: dict[str, str], s: Situation) -> Interval | None:
    first_month = s.vocabulary.seasons[groups["s"].lower()]

    def place(year: int) -> Interval:  # the winter of a year is the one its January falls in
        start = date(year - 1 if first_month == 12 else year, first_month, 1)
        return start, month_end(shift_months(start, 2))
    if "y" in groups:
        return place(int(groups["y"]))
    if "srel" in groups:  # "the summer of next year"
        return place(s.published.year + {"last": -1, "next": 1}.get(groups["srel"].lower(), 0))
    relation = groups.get("rel", "").lower()
    if relation in ("last", "the past", "next", "the coming"):
        past = relation in ("last", "the past")
        options = [place(s.published.year + d) for d in (-1, 0, 1, 2)]
        if past:
            return max((i for i in options if i[1] < s.published), key=lambda i: i[0])
        return min((i for i in options if i[0] > s.published), key=lambda i: i[0])
    if relation == "this":  # a season of the publication year: the one under way, else the latest ended in a past
        # clause, else the next ("This summer nearly all sanatoriums have been booked" in April is this summer)
        year = s.published.year
        options = [i for i in (place(year), place(year + 1)) if year in (i[0].year, i[1].year)]
        under_way = [i for i in options if i[0] <= s.published <= i[1]]
        ended = [i for i in options if i[1] < s.published] if s.tense == "past" else []
        ahead = [i for i in options if i[0] > s.published]
        return under_way[0] if under_way else max(ended) if ended else min(ahead) if ahead else max(options)
    return nearest_year(s.published, s.tense, place)


RESOLVERS: dict[str, Resolver] = {
    "calendar_date": _calendar_date, "day_span": _day_span, "date_span": _date_span, "month_span": _month_span,
    "month": _month_resolver, "weekday": _weekday, "quarter": _quarter, "quarter_span": _quarter_span, "half": _half,
    "first_months": _first_months, "month_part": _month_part, "part_span": _part_span, "year_span": _year_span,
    "five_year": _five_year,
    "year": _year, "old_year": _year, "year_period": _year_period, "short_year": _short_year, "week_of": _week_of, "current_year": _current_year, "spoken_year": _spoken_year, "decade": _decade, "century": _century, "relative": _relative, "previous": _previous,
    "ago": _ago, "anaphor": _anaphor, "today": _today, "within": _within, "months_so_far": _months_so_far,
    "past": _past, "part_of": _part_of,
    "season": _season,
}
