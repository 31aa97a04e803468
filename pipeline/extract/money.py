"""Money: every amount with a currency, in body order, as exact decimals in base units.

The `belta_amounts` component has found the amounts (see components/amount_grammar.py); this stage
drops those inside the dateline, settles the currencies the text leaves to the article, and slices each
mention's text from the original body.

Two kinds of currency are settled here, from `models/currencies.tsv` (`resolve`) and
`models/redenominations.tsv`:
- a code that changed with a redenomination ("Br", "BYN", "Belarusian rubles") is the code of the
  publication date: `BYR` in an article published before 1 July 2016, `BYN` from that day on. An explicit
  "BYR", "old rubles" or "new rubles" keeps its own code. The amount stays as written.
- a bare "rubles" is the ruble its sentence names without an amount ("Deposits in Belarusian rubles grew by 3.4
  trillion rubles"), else the one the article's other amounts use (Belarusian or Russian, after the first rule),
  else the one the article names, when they name exactly one of them.
An amount whose currency cannot be told (no publication date for a dated code; a bare "rubles" in an
article that names no ruble, or both) is left out, and logged.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from spacy.tokens import Doc

from pipeline.components.amount_grammar import MoneyMatch
from pipeline.components.amounts import money_matches
from pipeline.errors import ResourceError
from pipeline.types import Article, Money
from pipeline.resources import MODELS_DIR, read_tsv

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Redenomination:
    currency: str
    previous: str
    since: date


def extract_money(doc: Doc, article: Article, *, models_dir: Path = MODELS_DIR) -> tuple[Money, ...]:
    matches = [m for m in money_matches(doc) if not in_dateline(article, m.start, m.end)]
    published = article.published.date() if article.published else None
    changes = redenominations(models_dir)
    codes = [code_on(m.currency, published, changes) if m.resolve == "date" else m.currency for m in matches]
    used = {code for m, code in zip(matches, codes) if m.resolve != "article" and code is not None}
    named: list[tuple[int, str | None]] | None = None  # the currencies the text names, read at the first bare one
    for index, match in enumerate(matches):
        if match.resolve == "article":
            if named is None:
                named = _named(article.text, matches, published, changes, models_dir)
            candidates = {code_on(c, published, changes) for c in match.currency.split("|")}
            sentence = doc.char_span(match.start, match.end, alignment_mode="expand").sent
            in_sentence = {code for at, code in named if sentence.start_char <= at < sentence.end_char}
            for codes_named in (in_sentence, used, {code for _, code in named}):
                if len(found := candidates & codes_named) == 1:
                    codes[index] = found.pop()
                    break
            else:
                codes[index] = None
    unknown = codes.count(None)
    if unknown:
        log.debug("%s: %d amount(s) left out: their currency cannot be told", article.source.path, unknown)
    return tuple(_money(article, m, code) for m, code in zip(matches, codes) if code is not None)


def _named(text: str, amounts: list[MoneyMatch], published: date | None, changes: tuple[Redenomination, ...],
           models_dir: Path) -> list[tuple[int, str | None]]:
    """Where the text names a currency by a name of more than one word ("Belarusian rubles"), outside the `amounts`,
    and its code."""
    names = currency_names(models_dir)
    return [(m.start(), code_on(names[" ".join(m.group().lower().split())], published, changes))
            for m in _names_pattern(models_dir).finditer(text)
            if not any(a.start < m.end() and m.start() < a.end for a in amounts)]


@cache
def currency_names(models_dir: Path = MODELS_DIR) -> dict[str, str]:
    """The currency names of more than one word in `models_dir/currencies.tsv` that name one code, in lower case."""
    return {row["surface"].lower(): row["code"] for row in read_tsv(models_dir / "currencies.tsv",
                                                                    required=("surface", "code", "kind"))
            if row["kind"] == "name" and " " in row["surface"] and "|" not in row["code"]}


@cache
def _names_pattern(models_dir: Path) -> re.Pattern[str]:
    names = sorted(currency_names(models_dir), key=len, reverse=True)
    return re.compile(r"(?i)\b(?:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in names) + r")\b")


def code_on(code: str, published: date | None, changes: tuple[Redenomination, ...]) -> str | None:
    """The code a currency written as `code` had on `published`; None when it changed and the day is unknown."""
    change = next((c for c in changes if c.currency == code), None)
    if change is None:
        return code
    if published is None:
        return None
    return change.previous if published < change.since else code


@cache
def redenominations(models_dir: Path = MODELS_DIR) -> tuple[Redenomination, ...]:
    """The rows of `models_dir/redenominations.tsv`, once per process."""
    path = models_dir / "redenominations.tsv"
    rows = []
    for row in read_tsv(path, required=("currency", "previous", "since", "ratio", "source")):
        try:
            since = date.fromisoformat(row["since"])
        except ValueError as exc:
            raise ResourceError(f"{path}: {row['currency']}: since {row['since']!r} is no ISO date") from exc
        rows.append(Redenomination(currency=row["currency"], previous=row["previous"], since=since))
    return tuple(rows)


def _money(article: Article, match: MoneyMatch, code: str) -> Money:
    return Money(text=article.text[match.start:match.end], start=match.start, end=match.end, low=match.low,
                 high=match.high, currency=code, approximate=match.approximate)


def in_dateline(article: Article, start: int, end: int) -> bool:
    """Whether start..end touches the dateline ("MINSK, 19 January (BelTA) –"), which is never a mention."""
    dateline = article.dateline
    return dateline is not None and start < dateline.end and end > dateline.start
