"""What Datasette shows of a facts store: label columns, facets, hidden index tables and canned queries.

Given by the plugin to every store Datasette serves, whatever its file is called (a metadata file
names its databases by file name, so `-m metadata.json` applied only to a file named facts.sqlite).
"""

from __future__ import annotations

from typing import Any

from pipeline.store.query import claims_about_entity
from pipeline.store.timeline import points_sql

TITLE = "BelTA facts"
DESCRIPTION = ("Facts extracted from BelTA-style news articles: people, regions, enterprises, organisations, money, "
               "percentages, dates and dated claims. Article and entity pages: /-/belta/DATABASE/article/ID and "
               "/-/belta/DATABASE/entity?type=region&id=ID (linked from every article and entity id).")

TABLES: dict[str, dict[str, Any]] = {
    "articles": {"label_column": "title", "facets": ["category", "dateline_place"], "sort_desc": "published"},
    "people": {"label_column": "name"},
    "regions": {"label_column": "name", "facets": ["kind", "country"]},
    "enterprises": {"label_column": "name"},
    "organizations": {"label_column": "name", "facets": ["kind"]},
    "article_people": {"facets": ["person_id"]},
    "article_regions": {"facets": ["region_id"]},
    "article_enterprises": {"facets": ["enterprise_id"]},
    "article_organizations": {"facets": ["organization_id"]},
    "money": {"facets": ["currency", "approximate"], "sort_desc": "high"},
    "claims": {"facets": ["kind", "metric", "speaker"], "sort": "from_date"},
    "claims_wide": {"facets": ["kind", "metric", "currency"], "sort": "from_date"},
    "claim_entities": {"facets": ["entity", "entity_type"]},
    "claim_subjects": {"facets": ["subject", "entity_type"]},
    "claim_money": {"facets": ["currency"]},
    "dates": {"sort": "from_date"},
    "articles_fts": {"hidden": True},
    "claims_fts": {"hidden": True},
}

# The canned queries read at most this many claims (the timeline's with the latest periods), as many as
# Datasette shows rows.
QUERY_CLAIMS = 1000
# Optional parameters: Datasette passes an empty string for a field left blank.
_PERIOD_AND_METRIC = ("(:from = '' OR k.to_date >= :from) AND (:to = '' OR k.from_date <= :to) "
                      "AND (:metric = '' OR k.metric = :metric)")

QUERIES: dict[str, dict[str, Any]] = {
    "claims_about": {
        "title": "Claims about an entity (and the places inside it), with amounts",
        "description": "entity: a name, key or id; from, to: ISO days (periods overlapping them); metric: e.g. exports",
        # the keys of the claims first (at most as many as Datasette shows), then their wide rows
        "sql": ("SELECT c.from_date, c.to_date, c.kind, c.metric, c.amounts, c.percentages, c.speaker, c.subjects, "
                "c.text, c.title, c.published, c.article_id FROM (SELECT k.article_id, k.position FROM "
                f"(SELECT DISTINCT article_id, claim_position FROM ({claims_about_entity()})) e JOIN claims k "
                f"ON k.article_id = e.article_id AND k.position = e.claim_position WHERE {_PERIOD_AND_METRIC} "
                f"ORDER BY k.from_date LIMIT {QUERY_CLAIMS}) s "
                "JOIN claims_wide c ON c.article_id = s.article_id AND c.position = s.position "
                "ORDER BY c.from_date, c.published"),
    },
    "timeline": {
        "title": "Timeline of an entity's figures",
        "description": f"One row per figure of the claims whose figures are about an entity (the {QUERY_CLAIMS:,} "
                       "with the latest periods): period, value, unit, article and speaker; from, to, metric and "
                       "currency may be left blank.",
        "sql": ("SELECT * FROM ("
                + points_sql().replace(":metric IS NULL", ":metric = ''").replace(":currency IS NULL", ":currency = ''")
                .replace(":limit", str(QUERY_CLAIMS))
                + ") p WHERE (:from = '' OR p.to_date >= :from) AND (:to = '' OR p.from_date <= :to)"),
    },
    "amounts_by_currency": {
        "title": "Total of stated amounts by currency",
        "sql": "SELECT currency, COUNT(*) AS amounts, SUM(high) AS total_high FROM money GROUP BY currency "
               "ORDER BY amounts DESC",
    },
}


def database_metadata() -> dict[str, Any]:
    return {"tables": TABLES}
