"""The article and entity pages: what they read from the store and the article text with its mentions marked.

`highlight` is pure (text and spans in, HTML out); `article_context` and `entity_context` read one
page's rows through Datasette's database object and return the template's variables.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from pipeline.store.timeline import CLAIMS_BY_WALK, CLAIMS_FROM_LIST, many_claims, timeline

ENTITY_TABLES = {"person": ("people", "article_people"), "region": ("regions", "article_regions"),
                 "enterprise": ("enterprises", "article_enterprises"),
                 "organization": ("organizations", "article_organizations")}
_CLAIMS_SHOWN = 200
_ARTICLES_SHOWN = 100
_CHART_CLAIMS = 500  # the chart draws the figures of this many claims, those with the latest periods


@dataclass(frozen=True, slots=True)
class Mark:
    """A mention to highlight: its kind (a CSS class), where it leads and what hovering it says."""
    start: int
    end: int
    kind: str
    href: str
    title: str


@dataclass(frozen=True, slots=True)
class ClaimMark:
    start: int
    end: int
    tag: str  # "2025-01-01 – 2025-11-30 · fact · foreign trade · Aleksandr Lukashenko"
    kind: str


def highlight(text: str, marks: list[Mark], claims: list[ClaimMark]) -> str:
    """The text as HTML: each claim a `span.claim` followed by its tag, each mention an `a.mention` inside it.

    A mention that crosses a claim's edge is cut there, both pieces carrying the whole mention's offsets
    (`data-start`, `data-end`), so every mention is on the page whatever the nesting.
    """
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks),
                   *(c.start for c in claims), *(c.end for c in claims)})
    marks = sorted(marks, key=lambda m: (m.start, -m.end))
    out: list[str] = []
    open_claim: ClaimMark | None = None
    for start, end in zip(cuts, cuts[1:]):
        claim = next((c for c in claims if c.start <= start and end <= c.end), None)
        if claim is not open_claim:
            if open_claim is not None:
                out.append(f'</span><sup class="claim-tag claim-{open_claim.kind}">{html.escape(open_claim.tag)}</sup>')
            if claim is not None:
                out.append(f'<span class="claim claim-{claim.kind}" data-start="{claim.start}" data-end="{claim.end}"'
                           f' title="{html.escape(claim.tag)}">')
            open_claim = claim
        piece = html.escape(text[start:end])
        mark = next((m for m in marks if m.start <= start and end <= m.end), None)
        if mark is not None:
            piece = (f'<a class="mention m-{mark.kind}" href="{html.escape(mark.href)}" title="{html.escape(mark.title)}"'
                     f' data-start="{mark.start}" data-end="{mark.end}">{piece}</a>')
        out.append(piece)
    if open_claim is not None:
        out.append(f'</span><sup class="claim-tag claim-{open_claim.kind}">{html.escape(open_claim.tag)}</sup>')
    return "".join(out)


def claim_tag(row: Any) -> str:
    period = row["from_date"] if row["from_date"] == row["to_date"] else f"{row['from_date']} – {row['to_date']}"
    return " · ".join(str(part) for part in (period, row["kind"], row["metric"], row["speaker"]) if part)


class Urls:
    """The plugin's addresses for one database, under Datasette's base URL."""

    def __init__(self, datasette: Any, database: str) -> None:
        self.datasette = datasette
        self.database = database

    def article(self, article_id: str) -> str:
        return self.datasette.urls.path(f"/-/belta/{self.database}/article/{article_id}")

    def entity(self, kind: str, entity_id: str, **extra: str) -> str:
        query = urlencode({"type": kind, "id": entity_id, **extra})
        return self.datasette.urls.path(f"/-/belta/{self.database}/entity?{query}")

    def row(self, table: str, *key: Any) -> str:
        return self.datasette.urls.row(self.database, table, ",".join(str(part) for part in key))


async def article_context(db: Any, urls: Urls, article_id: str) -> dict[str, Any] | None:
    rows = (await db.execute("SELECT * FROM articles WHERE id = :id", {"id": article_id})).rows
    if not rows:
        return None
    article = rows[0]
    marks: list[Mark] = []
    counts: Counter[str] = Counter()
    for kind, (table, link) in ENTITY_TABLES.items():
        sql = (f"SELECT l.{kind}_id AS id, l.name, l.mentions FROM {link} l WHERE l.article_id = :id "
               "ORDER BY l.position")
        for row in (await db.execute(sql, {"id": article_id})).rows:
            for start, end in json.loads(row["mentions"]):
                marks.append(Mark(start, end, kind, urls.entity(kind, row["id"]), f"{kind}: {row['name']}"))
                counts[kind] += 1
    for table, kind, describe in (
            ("money", "money", lambda r: f"{r['low']:,}–{r['high']:,} {r['currency']}" if r["low"] != r["high"]
             else f"{r['low']:,} {r['currency']}"),
            ("percentages", "percentage", lambda r: f"{r['value']:g}%"),
            ("dates", "date", lambda r: f"{r['from_date']} – {r['to_date']}")):
        for row in (await db.execute(f"SELECT * FROM {table} WHERE article_id = :id ORDER BY position",
                                     {"id": article_id})).rows:
            marks.append(Mark(row["start_char"], row["end_char"], kind, urls.row(table, article_id, row["position"]),
                              f"{kind}: {describe(row)}"))
            counts[kind] += 1
    claim_rows = (await db.execute("SELECT c.start_char, c.end_char, w.* FROM claims c JOIN claims_wide w "
                                   "ON w.article_id = c.article_id AND w.position = c.position "
                                   "WHERE c.article_id = :id ORDER BY c.position", {"id": article_id})).rows
    claims = [ClaimMark(row["start_char"], row["end_char"], claim_tag(row), row["kind"]) for row in claim_rows]
    return {"article": dict(article), "body": highlight(article["text"], marks, claims), "counts": dict(counts),
            "claims": [dict(row) for row in claim_rows], "mention_count": len(marks)}


async def entity_context(db: Any, urls: Urls, kind: str, entity_id: str, metric: str | None) -> dict[str, Any] | None:
    """The entity, the latest articles naming it, the claims whose figures are about it (latest periods first)
    and the timeline of `metric` (else of the metric most of those claims measure) over the latest periods."""
    table, link = ENTITY_TABLES[kind]
    rows = (await db.execute(f"SELECT * FROM {table} WHERE id = :id", {"id": entity_id})).rows
    if not rows:
        return None
    entity = dict(rows[0])
    # Newest articles first, walked along the `published` index (CROSS JOIN keeps that order): for an entity
    # most articles name, sorting all its links took 90 ms at 20,000 articles.
    articles = (await db.execute(
        f"SELECT a.id, a.title, a.published, json_array_length(l.mentions) AS mentions FROM articles a "
        f"INDEXED BY articles_published CROSS JOIN {link} l ON l.article_id = a.id AND l.{kind}_id = :id "
        "ORDER BY a.published DESC LIMIT :limit", {"id": entity_id, "limit": _ARTICLES_SHOWN})).rows
    article_count = (await db.execute(f"SELECT COUNT(*) FROM {link} WHERE {kind}_id = :id", {"id": entity_id})).rows
    # The claims' keys first (found as the timeline finds them), then their wide rows: the view's columns for
    # the shown claims only.
    walk = await db.execute_fn(lambda connection: many_claims(connection, entity_id))
    claims = [dict(row) for row in (await db.execute(
        "SELECT w.* FROM (SELECT c.article_id, c.position FROM "
        f"{CLAIMS_BY_WALK if walk else CLAIMS_FROM_LIST} ORDER BY c.from_date DESC LIMIT :limit) k "
        "JOIN claims_wide w ON w.article_id = k.article_id AND w.position = k.position "
        "ORDER BY w.from_date DESC, w.published DESC",
        {"entity": entity_id, "metric": None, "limit": _CLAIMS_SHOWN})).rows]
    by_metric = Counter(c["metric"] for c in claims if c["metric"] and (c["amounts"] or c["percentages"]))
    chosen = metric or (by_metric.most_common(1)[0][0] if by_metric else None)
    points = await db.execute_fn(
        lambda connection: timeline(connection, entity_id, metric=chosen, latest=_CHART_CLAIMS)) if chosen else []
    return {"entity": entity, "kind": kind, "articles": [dict(row) for row in articles],
            "article_count": article_count[0][0], "claims": claims,
            "metrics": [(name, count, urls.entity(kind, entity_id, metric=name)) for name, count in
                        by_metric.most_common()],
            "metric": chosen, "points": points}
