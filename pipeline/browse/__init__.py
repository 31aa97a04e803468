"""The project's Datasette plugin (entry point `datasette`: `belta`): `datasette FACTS.sqlite` shows a store
with an article page (its text, every mention highlighted and linked, claims marked), an entity page
(its articles, claims and a timeline chart), canned queries and the tables' metadata, whatever the
database file is called.

    metadata.py   label columns, facets, canned queries      pages.py   what each page reads, the highlighting
    templates/    the two pages (extending Datasette's base)  static/    their style sheet
"""

from __future__ import annotations

import sqlite3
from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup

from pipeline.browse.metadata import DESCRIPTION, QUERIES, TITLE, database_metadata
from pipeline.plot import render_svg
from pipeline.browse.pages import ENTITY_TABLES, Urls, article_context, entity_context
from pipeline.store.query import register_functions

# The tables that make a database a facts store (others served beside it get nothing of this plugin).
_STORE_TABLES = {"articles", "claims", "claim_subjects"}
# Columns whose value is an entity id, and the kind of entity: linked to the entity page.
_ENTITY_COLUMNS = {"person_id": "person", "speaker_id": "person", "region_id": "region",
                   "enterprise_id": "enterprise", "organization_id": "organization"}


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    register_functions(conn)


@hookimpl
def get_metadata(datasette: Any) -> dict[str, Any]:
    return {"title": TITLE, "description": DESCRIPTION,
            "databases": {name: database_metadata() for name in datasette.databases if not name.startswith("_")}}


@hookimpl
def canned_queries(datasette: Any, database: str) -> Any:
    async def queries() -> dict[str, Any]:
        return QUERIES if await _is_store(datasette, database) else {}
    return queries


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any) -> Any:
    """Article titles and ids lead to the article page, entity names and ids to the entity page."""
    if not isinstance(value, str) or not value:
        return None
    urls = Urls(datasette, database)
    if column == "article_id":
        return _link(urls.article(value), value)
    if table == "articles" and column == "title":
        return _link(urls.article(row["id"]), value)
    if column in _ENTITY_COLUMNS:
        return _link(urls.entity(_ENTITY_COLUMNS[column], value), value)
    kind = next((k for k, (name, _) in ENTITY_TABLES.items() if name == table), None)
    if kind is not None and column == "name":
        return _link(urls.entity(kind, row["id"]), value)
    return None


def _link(href: str, text: str) -> Markup:
    return Markup('<a href="{}">{}</a>').format(href, text)


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(r"^/-/belta/(?P<database>[^/]+)/article/(?P<article_id>[^/]+)$", _article_page),
            (r"^/-/belta/(?P<database>[^/]+)/entity$", _entity_page)]


async def _article_page(datasette: Any, request: Any) -> Response:
    database = request.url_vars["database"]
    if not await _is_store(datasette, database):
        return await _not_found(datasette, request, f"{database} is not a facts store")
    urls = Urls(datasette, database)
    context = await article_context(datasette.get_database(database), urls, request.url_vars["article_id"])
    if context is None:
        return await _not_found(datasette, request, "no such article")
    return Response.html(await datasette.render_template(
        "belta_article.html", {**context, "database": database, "body": Markup(context["body"]), "belta": urls},
        request=request))


async def _entity_page(datasette: Any, request: Any) -> Response:
    database = request.url_vars["database"]
    kind, entity_id = request.args.get("type"), request.args.get("id")
    if not await _is_store(datasette, database):
        return await _not_found(datasette, request, f"{database} is not a facts store")
    if kind not in ENTITY_TABLES or not entity_id:
        return await _not_found(datasette, request,
                                "an entity page needs ?type=person|region|enterprise|organization&id=ID")
    urls = Urls(datasette, database)
    context = await entity_context(datasette.get_database(database), urls, kind, entity_id,
                                   request.args.get("metric"))
    if context is None:
        return await _not_found(datasette, request, f"no {kind} with id {entity_id!r}")
    chart = Markup(render_svg(context["points"], title=f"{context['entity']['name']} · {context['metric']}")
                   ) if context["points"] else None
    return Response.html(await datasette.render_template(
        "belta_entity.html", {**context, "database": database, "chart": chart, "belta": urls}, request=request))


async def _not_found(datasette: Any, request: Any, message: str) -> Response:
    """Datasette's error page with status 404, answered here: a raised NotFound has Datasette print the whole
    traceback with its locals to the console, which took most of a second."""
    return Response.html(await datasette.render_template(
        "error.html", {"ok": False, "error": message, "status": 404, "title": "Not found"}, request=request),
        status=404)


async def _is_store(datasette: Any, database: str) -> bool:
    return database in datasette.databases and _STORE_TABLES <= set(
        await datasette.get_database(database).table_names())
