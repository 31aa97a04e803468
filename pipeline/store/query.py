"""Questions researchers ask of the facts store, answered without writing SQL.

A subject (claims, people, money, search, ...) is a SELECT whose output fields
have public names; filters add conditions; every value a user gives is a bound
parameter, and field names are checked against the subject's list before they
reach SQL text. `run_sql` runs a user's own read-only statement.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.errors import PipelineError
from pipeline.store.rows import fold_name


_PROGRESS_STEPS = 10_000  # SQLite virtual machine steps between looks at the clock: about a millisecond


class QueryError(PipelineError):
    """A query the store cannot answer as asked (unknown field, bad search syntax, a write, ...)."""


@dataclass(frozen=True, slots=True)
class Subject:
    fields: Mapping[str, str]  # public field name -> SQL expression
    source: str  # FROM clause
    default_sort: tuple[str, ...]  # field names; a leading "-" sorts descending
    group_by: str = ""
    flags: frozenset[str] = frozenset()  # fields SQLite stores as 0/1 that answer true/false
    shown: tuple[str, ...] = ()  # the fields given when none are asked for (default: all)


@dataclass(frozen=True, slots=True)
class Result:
    fields: tuple[str, ...]
    rows: Iterable[tuple[Any, ...]]  # `run_sql`'s are read from the database as they are iterated, once


@dataclass(slots=True)
class Filters:
    """Conditions on a subject's rows; `add` keeps SQL text and its parameters together."""
    conditions: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)

    def add(self, condition: str, **params: Any) -> Filters:
        self.conditions.append(condition)
        self.params.update(params)
        return self


def _entity_subject(table: str, link: str, entity_column: str, *extra: str) -> Subject:
    fields = {"id": "e.id", "name": "e.name", **{column: f"e.{column}" for column in extra},
              "articles": "COUNT(DISTINCT l.article_id)",
              "mentions": "SUM(json_array_length(l.mentions))"}
    return Subject(fields, f"{table} e JOIN {link} l ON l.{entity_column} = e.id", ("-articles", "-mentions", "name"),
                   group_by="e.id")


_SEARCH_SOURCE = """(
    SELECT 'article' AS match, a.id AS article_id, a.published AS published, a.title AS title,
           snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, bm25(articles_fts) AS rank
    FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH :search
    UNION ALL
    SELECT 'claim', c.article_id, a.published, a.title, snippet(claims_fts, 0, '[', ']', '…', 16),
           bm25(claims_fts)
    FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid JOIN articles a ON a.id = c.article_id
    WHERE claims_fts MATCH :search
) AS hits"""

SUBJECTS: dict[str, Subject] = {
    "claims": Subject(
        {"article_id": "c.article_id", "published": "c.published", "from": "c.from_date", "to": "c.to_date",
         "kind": "c.kind", "speaker": "c.speaker", "metric": "c.metric", "amounts": "c.amounts",
         "percentages": "c.percentages", "subjects": "c.subjects", "text": "c.text", "title": "c.title",
         "url": "c.url", "low": "c.low", "high": "c.high", "currency": "c.currency", "position": "c.position"},
        "claims_wide c", ("from", "article_id", "position"),
        shown=("article_id", "published", "from", "to", "kind", "speaker", "metric", "amounts", "percentages",
               "subjects", "text")),
    "people": _entity_subject("people", "article_people", "person_id"),
    "regions": _entity_subject("regions", "article_regions", "region_id", "kind", "country", "code", "parent_code",
                               "parent_name"),
    "enterprises": _entity_subject("enterprises", "article_enterprises", "enterprise_id"),
    "organizations": _entity_subject("organizations", "article_organizations", "organization_id", "kind"),
    "money": Subject(
        {"article_id": "m.article_id", "published": "a.published", "text": "m.text", "low": "m.low",
         "high": "m.high", "currency": "m.currency", "approximate": "m.approximate"},
        "money m JOIN articles a ON a.id = m.article_id", ("-high", "article_id"), flags=frozenset({"approximate"})),
    "search": Subject(
        {"match": "match", "article_id": "article_id", "published": "published", "title": "title",
         "snippet": "snippet", "rank": "rank"},
        _SEARCH_SOURCE, ("rank",)),
}

_ENTITY_NAMES = " UNION ALL ".join(f"SELECT id FROM {table} WHERE name = :entity COLLATE NOCASE"
                                   for table in ("people", "regions", "enterprises", "organizations"))
# The regions inside the region named :entity (by name or code), itself included: its towns and districts, or
# a country's every place. A subdivision no article names has no row but is still some places' parent.
_REGIONS_WITHIN = ("SELECT w.region_id FROM region_within w WHERE w.within_id = :entity OR w.within_id IN ("
                   "SELECT id FROM regions WHERE name = :entity COLLATE NOCASE "
                   "UNION SELECT parent_code FROM regions WHERE parent_name = :entity COLLATE NOCASE)")
FOLD_FUNCTION = "belta_fold"  # fold_name as an SQL function: `register_functions` adds it to a connection


def register_functions(connection: sqlite3.Connection) -> None:
    """What the store's queries call besides SQLite's own functions (the CLI's and Datasette's connections)."""
    connection.create_function(FOLD_FUNCTION, 1, fold_name, deterministic=True)


def entity_scope() -> str:
    """SQL selecting the ids an entity question covers, for the name bound to :entity: the entities with that
    canonical name, folded key or id, and the regions inside them (`region_within`: a region's towns and
    districts, a country's every place). Every question about an entity (claims, timelines, the browser's
    pages) widens it here, in this one place."""
    return f"SELECT {FOLD_FUNCTION}(:entity) UNION SELECT :entity UNION {_ENTITY_NAMES} UNION {_REGIONS_WITHIN}"


def claims_about_entity() -> str:
    """SQL selecting (article_id, claim_position) of the claims that name the entity bound to :entity (anything
    in its scope, or as the claim writes a name no entity has) or whose figure is about it; for `IN` only
    (a claim may come more than once)."""
    # The matching claims are collected once (one pass over the link tables), not looked for claim by
    # claim: at 20,000 articles that is ~50 ms instead of ~300 ms.
    # Three branches, not one condition with OR, each an index lookup (an OR scanned both link tables: 380 ms
    # for a country at 20,000 articles); a name matches as written only where it is no known entity. UNION ALL:
    # IN takes each pair once anyway, and sorting out repeats took 40 ms.
    return (f"SELECT article_id, claim_position FROM claim_entities WHERE entity_id IN ({entity_scope()}) "
            f"UNION ALL SELECT article_id, claim_position FROM claim_subjects WHERE entity_id IN ({entity_scope()}) "
            "UNION ALL SELECT article_id, claim_position FROM claim_entities "
            "WHERE entity_id IS NULL AND entity = :entity COLLATE NOCASE")


def claims_on_subject() -> str:
    """SQL selecting (article_id, claim_position) of the claims whose figure is about the entity bound to
    :entity (or a place inside it): what timelines and the browser's entity page show."""
    return f"SELECT article_id, claim_position FROM claim_subjects WHERE entity_id IN ({entity_scope()})"


def claims_filters(*, entity: str | None = None, first: str | None = None, last: str | None = None,
                   kind: str | None = None, speaker: str | None = None, metric: str | None = None) -> Filters:
    """Claims about `entity` (as the claim names it, or any of its canonical names, its key or the places
    inside it) whose period overlaps `first`..`last`."""
    filters = Filters()
    if entity:
        filters.add(f"(c.article_id, c.position) IN ({claims_about_entity()})", entity=entity)
    if metric:
        filters.add("c.metric = :metric", metric=metric)
    if first:
        filters.add("c.to_date >= :first", first=first)
    if last:
        filters.add("c.from_date <= :last", last=last)
    if kind:
        filters.add("c.kind = :kind", kind=kind)
    if speaker:
        filters.add("(c.speaker = :speaker COLLATE NOCASE OR c.speaker_id = :speaker_key)",
                    speaker=speaker, speaker_key=fold_name(speaker))
    return filters


def money_filters(*, currency: str | None = None, minimum: float | None = None,
                  maximum: float | None = None) -> Filters:
    """Amounts in `currency` whose range reaches `minimum` and starts at most at `maximum`."""
    filters = Filters()
    if currency:
        filters.add("m.currency = :currency", currency=currency.upper())
    if minimum is not None:
        filters.add("m.high >= :minimum", minimum=minimum)
    if maximum is not None:
        filters.add("m.low <= :maximum", maximum=maximum)
    return filters


def search_filters(text: str, *, raw: bool = False) -> Filters:
    """Full-text search: every word must occur (any order); `raw` passes FTS5 query syntax through."""
    words = text.split()
    if not words:
        raise QueryError("nothing to search for")
    search = text if raw else " ".join('"' + word.replace('"', '""') + '"' for word in words)
    return Filters(params={"search": search})


def run_query(connection: sqlite3.Connection, subject_name: str, filters: Filters | None = None, *,
              columns: Sequence[str] = (), sort: Sequence[str] = (), limit: int | None = None) -> Result:
    subject = SUBJECTS[subject_name]
    filters = filters or Filters()
    fields = tuple(columns) or subject.shown or tuple(subject.fields)
    for name in (*fields, *(s.removeprefix("-") for s in sort)):
        if name not in subject.fields:
            raise QueryError(f"unknown field {name!r} for {subject_name}; valid fields: {', '.join(subject.fields)}")
    select = ", ".join(f'{subject.fields[name]} AS "{name}"' for name in fields)
    order = ", ".join(f'{subject.fields[s.removeprefix("-")]}{" DESC" if s.startswith("-") else ""}'
                      for s in (*sort, *subject.default_sort))
    sql = f"SELECT {select} FROM {subject.source}"
    if filters.conditions:
        sql += " WHERE " + " AND ".join(filters.conditions)
    if subject.group_by:
        sql += f" GROUP BY {subject.group_by}"
    sql += f" ORDER BY {order} LIMIT :limit"
    try:
        params = {**filters.params, "limit": -1 if limit is None else limit}
        rows = [tuple(row) for row in connection.execute(sql, params)]
    except sqlite3.OperationalError as exc:
        # The only text a user puts into a listing's SQL is a search expression (as a parameter).
        raise QueryError(f"bad search expression: {exc}" if subject_name == "search" else _explain(exc)) from exc
    flagged = [index for index, name in enumerate(fields) if name in subject.flags]
    if flagged:
        rows = [tuple(bool(value) if index in flagged else value for index, value in enumerate(row)) for row in rows]
    return Result(fields, rows)


def run_sql(connection: sqlite3.Connection, sql: str, params: Mapping[str, Any] | Sequence[Any] = (), *,
            timeout: float | None = None) -> Result:
    """One statement of the user's own, on a connection from `connect_read_only`.

    The rows are read as the result is iterated, so an answer of any size streams
    through; past `timeout` seconds (from now, iteration included) SQLite is
    interrupted and a `QueryError` raised: a recursive CTE never ends by itself.
    """
    if timeout is not None:
        deadline = time.monotonic() + timeout
        connection.set_progress_handler(lambda: time.monotonic() > deadline, _PROGRESS_STEPS)
    try:
        cursor = connection.execute(sql, params)
    except (sqlite3.DatabaseError, sqlite3.ProgrammingError) as exc:
        raise QueryError(_explain(exc, timeout)) from exc
    fields = tuple(column[0] for column in cursor.description or ())
    return Result(fields, _rows(cursor, timeout))


def _rows(cursor: sqlite3.Cursor, timeout: float | None) -> Iterator[tuple[Any, ...]]:
    try:
        for row in cursor:
            yield tuple(row)
    except sqlite3.DatabaseError as exc:
        raise QueryError(_explain(exc, timeout)) from exc


def _explain(exc: Exception, timeout: float | None = None) -> str:
    message = str(exc)
    if message in ("not authorized", "authorization denied", "attempt to write a readonly database"):
        return f"refused: the store is opened read-only and only SELECT statements may run ({message})"
    if message == "interrupted":
        return f"stopped: the statement ran past its {timeout:g}-second limit"
    return message
