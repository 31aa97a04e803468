"""What Datasette shows of a facts store: label columns, facets, hidden index tables and canned queries.

Given by the plugin to every store Datasette serves, whatever its file is called (a metadata file
names its databases by file name, so `-m metadata.json` applied only to a file named facts.sqlite).
"""

from __future__ import annotations

from typing import Any

from pipeline.store.query import claims_about_entity
from pipeline.store.timeline import POINTS_SQL

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

# The timeline query reads the claims with the latest periods only, as many as Datasette shows rows.
QUERY_CLAIMS = 1000
# Optional parameters: Datasette passes an empty string for a field left blank.
_PERIOD_AND_METRIC = ("(:from = '' OR c.to_date >= :from) AND (:to = '' OR c.from_date <= :to) "
                      "AND (:metric = '' OR c.metric = :metric)")

QUERIES: dict[str, dict[str, Any]] = {
    "claims_about": {
        "title": "Claims about an entity (and the places inside it), with amounts",
        "description": "entity: a name, key or id; from, to: ISO days (periods overlapping them); metric: e.g. exports",
        "sql": ("SELECT c.from_date, c.to_date, c.kind, c.metric, c.amounts, c.percentages, c.speaker, c.subjects, "
                "c.text, c.title, c.published, c.article_id FROM claims_wide c "
                f"WHERE (c.article_id, c.position) IN ({claims_about_entity()}) AND {_PERIOD_AND_METRIC} "
                "ORDER BY c.from_date, c.published"),
    },
    "timeline": {
        "title": "Timeline of an entity's figures",
        "description": f"One row per figure of the claims whose figures are about an entity (the {QUERY_CLAIMS:,} "
                       "with the latest periods): period, value, unit, article and speaker; from, to, metric and "
                       "currency may be left blank.",
        "sql": ("SELECT * FROM ("
                + POINTS_SQL.replace(":metric IS NULL", ":metric = ''").replace(":currency IS NULL", ":currency = ''")
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
