"""Load rate and query latency of the SQLite store, for `make bench`."""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson

from pipeline.store import load_into_sqlite
from pipeline.store.query import claims_filters, money_filters, run_query, search_filters
from pipeline.store.sqlite import connect_read_only


def benchmark_store(records: Sequence[dict[str, Any]], tmpdir: Path, *, count: int = 20_000,
                    repeats: int = 5) -> dict[str, float]:
    """Load `count` records (copies of `records`, each under its own id) into a fresh store in
    `tmpdir` through `load --db`'s code path, then time typical queries over them.

    Returns records_per_second and, in milliseconds, each query's median latency and the slowest.
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
    connection.close()
    return result
