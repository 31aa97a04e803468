"""Load rate, query latency and the browser's page latency over the SQLite store, for `make bench`."""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

import orjson

from pipeline.store import load_into_sqlite
from pipeline.store.query import claims_filters, money_filters, run_query, search_filters
from pipeline.store.sqlite import connect_read_only


def benchmark_store(records: Sequence[dict[str, Any]], tmpdir: Path, *, count: int = 20_000,
                    repeats: int = 5) -> dict[str, float]:
    """Load `count` records (copies of `records`, each under its own id) into a fresh store in
    `tmpdir` through `load --db`'s code path, then time typical queries over them.

    Returns records_per_second and, in milliseconds, each query's median latency and the slowest, and
    each browser page's median latency and the slowest (with the browse extra).
    """
    if not records:
        raise ValueError("benchmark_store needs at least one record")
    records_path = Path(tmpdir) / "bench-records.jsonl"
    db = Path(tmpdir) / "bench-facts.sqlite"
    db.unlink(missing_ok=True)
    with records_path.open("wb") as stream:
        for n in range(count):
            record = records[n % len(records)]
            stream.write(orjson.dumps({**record, "id": f"{record['id']}-{n}"}, option=orjson.OPT_APPEND_NEWLINE))
    started = time.perf_counter()
    load_into_sqlite([str(records_path)], db)
    elapsed = time.perf_counter() - started

    sample = records[0]
    entity = next((r["name"] for r in sample.get("regions", [])), "Belarus")
    word = next((w for w in sample["text"].split() if w.isalpha() and len(w) > 5), "Belarus")
    queries = {
        "claims_about_entity": ("claims", claims_filters(entity=entity, first="2000-01-01", last="2099-12-31")),
        "top_people": ("people", None),
        "money_over": ("money", money_filters(currency="USD", minimum=1e8)),
        "search": ("search", search_filters(word)),
    }
    result: dict[str, float] = {"records": count, "records_per_second": count / elapsed}
    connection = connect_read_only(db)
    for name, (subject, filters) in queries.items():
        timings = []
        for _ in range(repeats):
            started = time.perf_counter()
            run_query(connection, subject, filters, limit=20)
            timings.append((time.perf_counter() - started) * 1000)
        result[f"{name}_ms"] = statistics.median(timings)
    result["slowest_query_ms"] = max(v for k, v in result.items() if k.endswith("_ms"))
    # The entity page of the region most articles name (the worst case); the canned queries of a region of median
    # reach, as JSON: in the benchmark's store every article is there 300 times, so they answer 1,000 rows, and
    # Datasette's HTML table of 1,000 rows alone takes ~0.4 s.
    regions = [region for (region,) in connection.execute(
        "SELECT region_id FROM article_regions GROUP BY region_id ORDER BY COUNT(*) DESC")]
    busiest, typical = regions[0], regions[len(regions) // 2]
    article = connection.execute("SELECT article_id FROM claims GROUP BY article_id "
                                 "ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    connection.close()
    pages = page_latencies(db, article_id=article, busiest=busiest, typical=typical, repeats=repeats)
    if pages:
        result.update(pages)
        result["slowest_page_ms"] = max(value for key, value in pages.items() if key.endswith("page_ms"))
    return result


def page_latencies(db: Path, *, article_id: str, busiest: str, typical: str, repeats: int = 5) -> dict[str, float]:
    """Median milliseconds to answer the browser's pages (the Datasette plugin's, in process, through
    Datasette's own request handling and templates); empty without the browse extra."""
    try:
        from datasette.app import Datasette
    except ImportError:
        return {}
    name = db.stem
    pages = {"article_page": f"/-/belta/{name}/article/{article_id}",
             "entity_page": f"/-/belta/{name}/entity?type=region&id={quote(busiest)}",
             "claims_about_json": f"/{name}/claims_about.json?entity={quote(typical)}&from=2020-01-01&to=2030-12-31"
                                  "&metric=&_shape=array",
             "timeline_query_json": f"/{name}/timeline.json?entity={quote(typical)}&metric=&currency=&from=&to="
                                    "&_shape=array"}

    async def measure() -> dict[str, float]:
        datasette = Datasette([str(db)])
        timings: dict[str, float] = {}
        for page, path in pages.items():
            elapsed = []
            for _ in range(repeats + 1):  # the first request warms the connection and templates up
                started = time.perf_counter()
                response = await datasette.client.get(path)
                elapsed.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise RuntimeError(f"{path} answered {response.status_code}")
            timings[f"{page}_ms"] = statistics.median(elapsed[1:])
        return timings

    return asyncio.run(measure())
