"""How a figure moved: the claims about an entity as a time series, period by period.

A point is one claim's figure: its first amount (in `currency`, when one is asked for) or, for a claim
with no amount, its first percentage (a claim's percentages beside an amount are mostly its change);
its unit is the currency code or "%". Points of one period and
unit from several articles stand side by side in one row of `timeline_result`, so that articles giving
different figures for the same period show as a conflict.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby

from pipeline.store.query import Result, claims_on_subject, entity_scope

# Each claim whose figure is about the entity, with each figure it states (amounts first, in their order). One branch a figure
# table, each joined by its key: a join with the two tables' UNION read every figure of the store (800 ms).
# `:limit` claims with the latest periods (-1: all). Found from the entity's list of claims (a few index lookups
# for most entities), or, for the latest few of an entity with more than WALK_FROM claims, by walking the claims
# along the period index and looking up each one's subjects until enough are found: for a country most claims are
# about (63,000 at 20,000 articles) the list took 60-80 ms, the walk 15-25 ms; for a rare entity, or for all of
# them, the walk would look up every claim of the store (9 s).
WALK_FROM = 2000
CLAIMS_FROM_LIST = f"""(SELECT DISTINCT article_id, claim_position FROM ({claims_on_subject()})) k
  JOIN claims c ON c.article_id = k.article_id AND c.position = k.claim_position
  WHERE (:metric IS NULL OR c.metric = :metric)"""
CLAIMS_BY_WALK = f"""claims c INDEXED BY claims_from_date_to_date
  WHERE (:metric IS NULL OR c.metric = :metric) AND EXISTS (SELECT 1 FROM claim_subjects s
    WHERE s.article_id = c.article_id AND s.claim_position = c.position AND s.entity_id IN ({entity_scope()}))"""
_CLAIM = ("s.from_date, s.to_date, s.metric, s.speaker, s.text, a.id AS article_id, a.title, a.published, "
          "a.source_url, s.position AS claim")


def points_sql(*, walk: bool = False) -> str:
    """Each claim whose figure is about :entity with each figure it states (amounts first, in their order):
    one branch a figure table, each joined by its key (a join with the two tables' UNION read every figure of
    the store, 800 ms)."""
    return f"""WITH chosen AS (
  SELECT c.article_id, c.position, c.from_date, c.to_date, c.metric, c.speaker, c.text
  FROM {CLAIMS_BY_WALK if walk else CLAIMS_FROM_LIST}
  ORDER BY c.from_date DESC LIMIT :limit)
SELECT {_CLAIM}, 0 AS kind, m.position AS figure, m.low, m.high, m.currency AS unit
FROM chosen s JOIN articles a ON a.id = s.article_id
JOIN claim_money m ON m.article_id = s.article_id AND m.claim_position = s.position
WHERE :currency IS NULL OR m.currency = :currency
UNION ALL
SELECT {_CLAIM}, 1, p.position, p.value, p.value, '%'
FROM chosen s JOIN articles a ON a.id = s.article_id
JOIN claim_percentages p ON p.article_id = s.article_id AND p.claim_position = s.position
WHERE :currency IS NULL
ORDER BY from_date, to_date, published, article_id, claim, kind, figure
"""


def many_claims(connection: sqlite3.Connection, entity: str) -> bool:
    """Whether more than WALK_FROM claims are about `entity`: counted along an index, in a few milliseconds."""
    (count,) = connection.execute(f"SELECT COUNT(*) FROM ({claims_on_subject()} LIMIT {WALK_FROM + 1})",
                                  {"entity": entity}).fetchone()
    return count > WALK_FROM


FIELDS = ("from", "to", "unit", "low", "high", "metric", "article", "published", "speaker", "also", "conflict")


@dataclass(frozen=True, slots=True)
class Point:
    first: str  # the period, inclusive ISO dates
    last: str
    unit: str  # ISO 4217 code or "%"
    low: int | float
    high: int | float
    metric: str | None
    article_id: str
    title: str | None
    published: str | None
    url: str | None
    speaker: str | None
    text: str


def timeline(connection: sqlite3.Connection, entity: str, *, metric: str | None = None,
             currency: str | None = None, latest: int | None = None) -> list[Point]:
    """The points of the claims whose figure is about `entity` (or a place inside it) measuring `metric`, in
    period order; of the `latest` claims by period only, when given."""
    walk = latest is not None and many_claims(connection, entity)
    rows = connection.execute(points_sql(walk=walk), {"entity": entity, "metric": metric or None,
                                        "currency": currency.upper() if currency else None,
                                        "limit": -1 if latest is None else latest})
    points = []
    for _, figures in groupby(rows, key=lambda row: (row[5], row[9])):  # one claim: its amounts, then percentages
        first, last, claim_metric, speaker, text, article, title, published, url, _, _, _, low, high, unit = next(
            figures)
        points.append(Point(first=str(first), last=str(last), unit=unit, low=_number(low), high=_number(high),
                            metric=claim_metric, article_id=article, title=title,
                            published=None if published is None else str(published), url=url, speaker=speaker,
                            text=text))
    return points


def timeline_result(points: Sequence[Point]) -> Result:
    """One row per period and unit: the latest article's figure, the others beside it (`also`), and whether
    they disagree (`conflict`)."""
    rows = []
    for (first, last, unit), group in groupby(sorted(points, key=_period_and_unit), key=_period_and_unit):
        given = sorted(group, key=lambda p: (p.published or "", p.article_id), reverse=True)
        latest, others = given[0], given[1:]
        also = "; ".join(f"{figure_text(p)} ({p.title or p.article_id}, {(p.published or '')[:10]})" for p in others)
        conflict = any((p.low, p.high) != (latest.low, latest.high) for p in others)
        rows.append((first, last, unit, latest.low, latest.high, latest.metric, latest.title or latest.article_id,
                     latest.published, latest.speaker, also, conflict))
    return Result(FIELDS, rows)


def _period_and_unit(point: Point) -> tuple[str, str, str]:
    return point.first, point.last, point.unit


def figure_text(point: Point) -> str:
    """`1,200,000` or `1,000,000-1,500,000`."""
    low = f"{point.low:,.10g}"
    return low if point.low == point.high else f"{low}-{point.high:,.10g}"


def _number(value: int | float | Decimal) -> int | float:
    """Whole amounts as integers (110000000, not 110000000.0), the rest as floats."""
    number = float(value)
    return int(number) if number.is_integer() else number
