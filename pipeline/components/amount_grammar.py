"""The amount grammar: money and percentages found in plain text, values as exact decimals.

Two passes. The first finds *atoms* with one regular expression built from the data files in
`models/` (currencies.tsv, scales.tsv, number_words.tsv, percent_units.tsv), tried only at the words
it can start with (pipeline/anchors.py): an optional currency
before, a number (digits or spelled out), an optional scale word, then an optional currency or
percent unit after ("$115", "140 million", "Br2,157", "2 billion Russian rubles", "35%"). The
second joins neighbouring atoms into ranges ("$115-140 million", "between $3 million and
$5 million", "from Br30 to Br250", "20 to 25 percent") using amount_context.tsv to tell a
range from a change ("rose from $5 million to $8 million").

Digits are read here, into `Decimal`. Spelled-out numbers ("six percent", "twenty-five") are
read by quantulum3's spell-out reader, and only for atoms that already carry a currency or a
percent unit, so it never sees a whole sentence. Where quantulum3 reads a form wrongly (it adds
the ends of "$115-140 million", reads "half a billion" as 1.5 billion, does not know Br or BYN),
this grammar reads it instead: see models/README.md for the measured split.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import NamedTuple

from pipeline.anchors import Anchored, Words
from pipeline.errors import ResourceError
from pipeline.resources import read_tsv

CURRENCY_KINDS = ("symbol", "code", "name")
CURRENCY_RESOLUTIONS = ("", "date", "article")  # how the extract stage settles a row's code (currencies.tsv)
CONTEXT_ROLES = ("approximate", "change")
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_DASH = r"[-\u2013\u2014]"
_YEAR_PREPOSITIONS = "in|since|of|until|before|after|during"  # "in 2024-$5 million": no range
# What `_is_range` and `_money_of` read between and before two atoms, compiled once (they read it for every atom)
_YEAR_LEAD = re.compile(rf"(?i)\b(?:{_YEAR_PREPOSITIONS})\s+$")
_JOINT = re.compile(rf"\s*(?P<dash>{_DASH})\s*|\s+(?P<word>and|to)\s+")  # all that may stand between a range's ends
# the word before a range's first end; "by a factor of" is a multiple ("rose by a factor of two to BYN 210 million")
_LEADS = {"between": re.compile(r"(?i)\bbetween\s+$"), "from": re.compile(r"(?i)\bfrom\s+$"),
          "by": re.compile(r"(?i)\bby\s+(?:a\s+factor\s+of\s+)?$")}
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_YEAR_BEFORE = re.compile(rf"(?i)\b(?:{_YEAR_PREPOSITIONS}|January|February|March|April|May|June|July|August|"
                          r"September|October|November|December)\s+$")  # what stands before a year


@dataclass(frozen=True, slots=True, kw_only=True)
class Currency:
    surface: str
    code: str
    kind: str
    factor: Decimal
    resolve: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class MoneyMatch:
    """`currency` is the code as written; `resolve` says whether the publication date ("date") or the
    article's other amounts ("article", `currency` then lists codes separated by "|") settle it."""

    start: int
    end: int
    low: Decimal
    high: Decimal
    currency: str
    approximate: bool
    resolve: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class PercentMatch:
    start: int
    end: int
    value: Decimal


class _Atom(NamedTuple):
    """One number with what is written around it; `value` is read only when needed. (A tuple: one is made for every
    number in the text, at a little over half the cost of a frozen dataclass.)"""

    start: int
    end: int
    number: str
    spelled: bool
    scale: Decimal | None
    currency: Currency | None
    percent: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class AmountLexicon:
    """The grammar's words, as read from the data files."""

    currencies: tuple[Currency, ...]
    scales: dict[str, Decimal]
    number_words: dict[str, Decimal | None]
    context: dict[str, str]
    percent_units: tuple[str, ...]
    digit_units: frozenset[str] = frozenset()  # percent units a spelled number never takes ("percentage point")

    @classmethod
    def from_dir(cls, models_dir: Path) -> AmountLexicon:
        units = [_digits(row, models_dir / "percent_units.tsv")
                 for row in read_tsv(models_dir / "percent_units.tsv", required=("unit", "digits"))]
        return cls(
            currencies=tuple(_currency(row, models_dir / "currencies.tsv")
                             for row in read_tsv(models_dir / "currencies.tsv",
                                                 required=("surface", "code", "kind", "factor"))),
            scales={row["word"].lower(): _decimal(row["multiplier"], models_dir / "scales.tsv")
                    for row in read_tsv(models_dir / "scales.tsv", required=("word", "multiplier"))},
            number_words={row["word"].lower(): _decimal(row["value"], models_dir / "number_words.tsv")
                          if row["value"] else None
                          for row in read_tsv(models_dir / "number_words.tsv", required=("word",))},
            context={row["phrase"].lower(): _role(row["role"], models_dir / "amount_context.tsv")
                     for row in read_tsv(models_dir / "amount_context.tsv", required=("phrase", "role"))},
            percent_units=tuple(row["unit"] for row in units),
            digit_units=frozenset(" ".join(row["unit"].lower().split()) for row in units if row["digits"] == "only"),
        )


class AmountGrammar:
    """Finds money and percentages in text; the expressions are compiled once, here."""

    def __init__(self, lexicon: AmountLexicon) -> None:
        self.lexicon = lexicon
        self._atom_re = Anchored(_atom_pattern(lexicon))
        self._approximate_re = re.compile(rf"(?i)\b(?:{_phrases(lexicon, 'approximate')})\s+$")
        self._change_re = re.compile(rf"(?i)\b(?:{_phrases(lexicon, 'change')})\b(?:\s+[\w'-]+){{0,3}}\s+$")
        self._by_surface: dict[str, Currency] = {}
        for currency in lexicon.currencies:
            key = currency.surface if currency.kind != "name" else " ".join(currency.surface.lower().split())
            self._by_surface.setdefault(key, currency)

    @classmethod
    def from_dir(cls, models_dir: Path) -> AmountGrammar:
        return cls(AmountLexicon.from_dir(models_dir))

    def amounts(self, text: str, words: Words | None = None) -> tuple[tuple[MoneyMatch, ...], tuple[PercentMatch, ...]]:
        """Every amount with a currency in `text`, in order, ranges as one match; and every number with a percent
        unit, in order ("20 to 25 percent" gives 20 and 25): both from one reading of the text. `words` index `text`
        when given (pipeline/doctext.py keeps one per Doc)."""
        groups = list(self._groups(text, words if words is not None else Words(text)))
        return tuple(self._money_in(text, groups)), tuple(self._percentages_in(groups))

    def _money_in(self, text: str, groups: Iterable[tuple[_Atom, ...]]) -> Iterator[MoneyMatch]:
        for group in groups:
            joined = self._money_of(text, group)
            if joined is not None:
                yield joined
            elif len(group) > 1:  # a range that does not hold ("$5 million-€3 million") still has its amounts
                yield from self._money_in(text, [(atom,) for atom in group])

    def _percentages_in(self, groups: Iterable[tuple[_Atom, ...]]) -> Iterator[PercentMatch]:
        for group in groups:
            if not group[-1].percent:
                continue
            for atom in group:
                value = self._value(atom)
                if value is not None:
                    yield PercentMatch(start=atom.start, end=atom.end, value=value)

    # -- pass 1: atoms -------------------------------------------------------------------------

    def _atoms(self, text: str, words: Words) -> Iterator[_Atom]:
        for match in self._atom_re.finditer(text, words):
            number = match["digits"] or match["fraction"] or match["words"] or match["fixed"]
            spelled = match["digits"] is None and match["fraction"] is None
            unit = match["unit"]
            if spelled and unit and " ".join(unit.lower().split()) in self.lexicon.digit_units:
                continue  # "by two percentage points": a change in points is annotated only in digits
            scale = match["scale"]
            currency = self._currency_of(match["symbol"] or match["before"], match["after"])
            end = match.end()
            if match["after"] and not (scale or match["symbol"] or match["before"]) and _YEAR.fullmatch(number) \
                    and _YEAR_BEFORE.search(text, max(0, match.start() - 12), match.start()):
                # "In December 2013 ruble deposits rose", "in 2012 euro loans": a year before a currency's name
                currency, end = None, match.start("after") - 1
            yield _Atom(start=match.start(), end=end, number=number, spelled=spelled,
                        scale=self.lexicon.scales[scale.lower()] if scale else None, currency=currency,
                        percent=unit is not None)

    def _currency_of(self, before: str | None, after: str | None) -> Currency | None:
        first, second = self._lookup(before), self._lookup(after)
        if first is None or (second is not None and first.surface == "$"):
            return second  # "$9.99 US dollars", "$5 Australian dollars": the word is more precise
        return first

    def _lookup(self, surface: str | None) -> Currency | None:
        if not surface:
            return None
        return self._by_surface.get(surface) or self._by_surface[" ".join(surface.lower().split())]

    # -- pass 2: ranges ------------------------------------------------------------------------

    def _groups(self, text: str, words: Words) -> Iterator[tuple[_Atom, ...]]:
        """Atoms joined into ranges: (low, high) pairs or single atoms, in text order."""
        atoms = list(self._atoms(text, words))
        index = 0
        while index < len(atoms):
            atom = atoms[index]
            following = atoms[index + 1] if index + 1 < len(atoms) else None
            if following is not None and self._is_range(text, atom, following):
                yield atom, following
                index += 2
            else:
                yield (atom,)
                index += 1

    def _is_range(self, text: str, low: _Atom, high: _Atom) -> bool:
        if (low.percent and not high.percent) or (high.percent and low.currency is not None):
            return False
        joint = _JOINT.fullmatch(text, low.end, high.start)
        if joint is None:
            return False  # most neighbours: no range, whatever is written before them
        lead = text[max(0, low.start - 60):low.start]
        # "sales grew in 2024 to Br1.92 billion": a year, then an amount. A real range writes the currency
        # on both ends ("from Br30 to Br250") or after the last ("2000-3000 Russian rubles").
        currency_first = high.currency is not None and not high.spelled and not text[high.start].isdigit()
        if _is_year(low) and (currency_first or _YEAR_LEAD.search(lead)):
            return False
        if joint["dash"]:
            return True
        if joint["word"] == "and":
            return bool(_LEADS["between"].search(lead))
        from_match = _LEADS["from"].search(lead)
        if from_match:
            return not self._change_re.search(lead[:from_match.start()])
        # "$3 to $5 million", "US$ 16 million to $28 million"; but "grew by 5% to 10%" is a change
        return not _LEADS["by"].search(lead) and not self._change_re.search(lead)

    # -- values --------------------------------------------------------------------------------

    def _money_of(self, text: str, group: tuple[_Atom, ...]) -> MoneyMatch | None:
        currencies = {atom.currency.code for atom in group if atom.currency is not None}
        if len(currencies) != 1 or any(atom.percent for atom in group):
            return None
        currency = next(atom.currency for atom in group if atom.currency is not None)
        values = [self._value(atom) for atom in group]
        if any(value is None for value in values):
            return None
        low, high = values[0], values[-1]
        if len(group) == 2:
            low = _inherit_scale(group[0], low, group[1], high)
            if low > high:
                return None
        start, end = group[0].start, group[-1].end
        if len(group) == 2:  # "between X and Y", "from X to Y" are one mention with their keyword
            opener = {"and": "between", "to": "from"}.get(text[group[0].end:group[1].start].strip().lower())
            keyword = _LEADS[opener].search(text[max(0, start - 20):start]) if opener else None
            if keyword:
                start -= len(keyword.group())
        approximate = bool(self._approximate_re.search(text[max(0, start - 30):start]))
        return MoneyMatch(start=start, end=end, low=low * currency.factor, high=high * currency.factor,
                          currency=currency.code, approximate=approximate, resolve=currency.resolve)

    def _value(self, atom: _Atom) -> Decimal | None:
        """The atom's number times its scale; None when a spelled number cannot be read."""
        if atom.spelled:
            number = self.lexicon.number_words.get(" ".join(atom.number.lower().split()))
            if number is None:
                number = read_spelled_number(atom.number)
            if number is None:
                return None
        else:
            number = _read_digits(atom.number)
        return number * atom.scale if atom.scale is not None else number


def _read_digits(number: str) -> Decimal:
    """"2,157" -> 2157; a fraction, alone or after a whole number ("8 13/16"), exactly where it ends."""
    *whole, last = number.replace(",", "").split()
    if "/" not in last:
        return Decimal(last)
    numerator, denominator = last.split("/")
    return Decimal(whole[0] if whole else 0) + Decimal(numerator) / Decimal(denominator)


def read_spelled_number(words: str) -> Decimal | None:
    """quantulum3's reading of a spelled-out number ("twenty-five" -> 25), or None."""
    with warnings.catch_warnings():  # it asks for its [classifier] extra, which we leave out on purpose
        warnings.simplefilter("ignore", UserWarning)
        from quantulum3.parser import extract_spellout_values  # heavy: loaded on first need only

    values = extract_spellout_values(words)
    if len(values) != 1 or values[0]["old_span"] != (0, len(words)):
        return None
    try:
        return Decimal(values[0]["new_surface"]).normalize()
    except InvalidOperation:
        return None


def _is_year(atom: _Atom) -> bool:
    """A bare four-digit number of the years a news text speaks about, with no currency, scale or unit."""
    return (not atom.spelled and atom.currency is None and atom.scale is None and not atom.percent
            and _YEAR.fullmatch(atom.number) is not None)


def _inherit_scale(low_atom: _Atom, low: Decimal, high_atom: _Atom, high: Decimal) -> Decimal:
    """"$115-140 million": the first end takes the second's scale unless that passes the second end."""
    if low_atom.scale is None and high_atom.scale is not None and low * high_atom.scale <= high:
        return low * high_atom.scale
    return low


def _atom_pattern(lexicon: AmountLexicon) -> re.Pattern[str]:
    """One number with an optional currency before, scale word, and currency or percent unit after."""
    symbols = _alternation(c.surface for c in lexicon.currencies if c.kind == "symbol")
    codes = _alternation(c.surface for c in lexicon.currencies if c.kind == "code")
    names = _alternation(c.surface for c in lexicon.currencies if c.kind == "name")
    scales = _alternation(lexicon.scales)
    spelled = _alternation(word for word, value in lexicon.number_words.items() if value is None)
    fixed = _alternation(word for word, value in lexicon.number_words.items() if value is not None)
    units = _alternation(lexicon.percent_units)
    # "twenty-five", "one hundred and five", "two and a half"; a bare "and" would join "between three and seven".
    # A fixed phrase ("a", "half a") needs a scale or unit after it; "a fifth of a percent" is no 1%. A currency
    # before another number is that number's ("in 2012 BYR 3.6 trillion").
    words = rf"(?:{spelled})(?:(?:-|\s+|(?<=hundred)\s+and\s+)(?:{spelled}))*(?:\s+and\s+a\s+half\b)?"
    pattern = rf"""
        (?<![\w$\u20ac\u00a3\u00a5.,])
        (?:(?P<symbol>{symbols})\ ?|(?P<before>{codes}|(?i:{names}))(?:\s|(?<=[A-Z]{{3}})(?=\d)))?
        (?:(?P<fraction>(?:\d+\s)?[1-9]\d?/[1-9]\d{{0,2}})(?=\s?(?i:{units})(?!\w))
          |(?P<digits>{_DIGITS})(?![\d])
          |(?P<words>(?i:{words}))(?!\w)
          |(?:(?<!of\ )|(?!(?i:a)\s))(?P<fixed>(?i:{fixed}))(?=\s+(?i:{scales}|{units})\b))
        (?:\s?(?P<scale>(?i:{scales}))(?!\w))?
        (?:\s?(?P<unit>(?i:{units}))(?!\w)
          |\s(?P<after>{codes}|(?i:{names}))(?!\w)(?!\s?\d))?
    """
    return re.compile(pattern, re.VERBOSE)


def _phrases(lexicon: AmountLexicon, role: str) -> str:
    return _alternation(phrase for phrase, kind in lexicon.context.items() if kind == role)


def _alternation(words: Sequence[str] | object) -> str:
    """A regex alternation, longest first so "US$" wins over "$"; spaces match any whitespace. A lookahead for
    the first characters comes before it: `re` tries the alternatives one by one at each position (a
    case-insensitive one in full), and most positions start none of them."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))  # type: ignore[arg-type]
    if not ordered:
        return ""
    firsts = "".join(sorted({re.escape(word[0]) for word in ordered}))
    alternatives = "|".join(r"\s+".join(re.escape(part) for part in word.split()) for word in ordered)
    return f"(?=[{firsts}])(?:{alternatives})"


def _currency(row: dict[str, str], path: Path) -> Currency:
    if row["kind"] not in CURRENCY_KINDS:
        raise ResourceError(f"{path}: {row['surface']!r}: kind must be one of {', '.join(CURRENCY_KINDS)}")
    resolve = row.get("resolve", "")
    if resolve not in CURRENCY_RESOLUTIONS or ("|" in row["code"]) != (resolve == "article"):
        raise ResourceError(f"{path}: {row['surface']!r}: resolve must be one of date, article or empty, "
                            "and `article` exactly on rows with several codes")
    return Currency(surface=row["surface"], code=row["code"], kind=row["kind"], factor=_decimal(row["factor"], path),
                    resolve=resolve)


def _digits(row: dict[str, str], path: Path) -> dict[str, str]:
    if row["digits"] not in ("any", "only"):
        raise ResourceError(f"{path}: {row['unit']!r}: digits must be any or only")
    return row


def _role(role: str, path: Path) -> str:
    if role not in CONTEXT_ROLES:
        raise ResourceError(f"{path}: role {role!r} must be one of {', '.join(CONTEXT_ROLES)}")
    return role


def _decimal(text: str, path: Path) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation as exc:
        raise ResourceError(f"{path}: {text!r} is not a number") from exc
