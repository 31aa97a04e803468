"""The Datasette plugin: pages, canned queries and metadata through Datasette's own client, and the article and
entity pages in a real headless browser (Debian's chromium), with screenshots in out/."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from pipeline.browse.pages import ClaimMark, Mark, highlight
from pipeline.readers import read_inputs
from pipeline.store import load_into_sqlite

from .conftest import ROOT, SAMPLES

datasette = pytest.importorskip("datasette.app", reason="the browse extra (datasette) is not installed")

# Trade of a region with its places, a company with its figures, and a Q&A: every kind of mention.
SAMPLE_FILES = ["16_foreign-trade-january-october.txt", "20_minsk-oblast-housing-programme.html",
                "01_minsk-tractor-works-results.txt"]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# As root and without a network: no sandbox, no GPU, nothing fetched in the background, a fresh profile.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars", "--window-size=1400,1600", "--virtual-time-budget=3000"]


@pytest.fixture(scope="module")
def store(tmp_path_factory, processor):
    """A store of three samples under a name that is not facts.sqlite, and their records."""
    directory = tmp_path_factory.mktemp("browse")
    pages = list(read_inputs([str(SAMPLES / "articles" / name) for name in SAMPLE_FILES]))
    lines = processor.process_batch(pages)
    (directory / "records.jsonl").write_bytes(b"".join(lines))
    db = directory / "sample-store.db"
    load_into_sqlite([str(directory / "records.jsonl")], db)
    return db, [json.loads(line) for line in lines]


def get(db: Path, path: str):
    from datasette.app import Datasette

    async def fetch():
        return await Datasette([str(db)]).client.get(path)
    return asyncio.run(fetch())


def by_class(node, tag: str, name: str) -> list:
    return node.xpath(f".//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]")


def mentions_of(record: dict) -> set[tuple[int, int]]:
    return ({(m["start"], m["end"]) for field in ("people", "regions", "enterprises", "organizations")
             for entity in record[field] for m in entity["mentions"]}
            | {(item["start"], item["end"]) for field in ("money", "percentages", "dates") for item in record[field]})


def test_highlight_marks_every_mention_and_claim_and_escapes_text():
    text = "Trade <b>rose</b> to $5 million in 2025. Minsk grew."
    marks = [Mark(21, 31, "money", "/m", "money"), Mark(35, 39, "date", "/d", "date"),
             Mark(41, 46, "region", "/r?id=a&b", "region: Minsk")]
    html = highlight(text, marks, [ClaimMark(0, 40, "2025 · fact · foreign_trade", "fact")])
    assert "&lt;b&gt;rose&lt;/b&gt;" in html and "<b>" not in html
    assert html.count('class="mention') == 3 and 'href="/r?id=a&amp;b"' in html
    assert html.index('class="claim claim-fact"') < html.index("m-money") < html.index("</span><sup")
    assert '<sup class="claim-tag claim-fact">2025 · fact · foreign_trade</sup>' in html


def test_highlight_cuts_a_mention_at_a_claims_edge_and_keeps_its_offsets():
    html = highlight("Minsk Oblast grew.", [Mark(0, 12, "region", "/r", "r")], [ClaimMark(6, 18, "x", "fact")])
    assert html.count('data-start="0" data-end="12"') == 2


def test_article_page_highlights_every_mention_of_the_record(store):
    db, records = store
    record = records[0]
    response = get(db, f"/-/belta/sample-store/article/{record['id']}")
    assert response.status_code == 200
    from lxml import html as lxml_html

    page = lxml_html.fromstring(response.text)
    shown = {(int(a.get("data-start")), int(a.get("data-end"))) for a in by_class(page.get_element_by_id("article-text"), "a", "mention")}
    assert shown == mentions_of(record)
    assert len(by_class(page.get_element_by_id("article-text"), "span", "claim")) == len(record["claims"])


def test_entity_page_lists_claims_and_draws_the_timeline(store):
    db, records = store
    response = get(db, "/-/belta/sample-store/entity?type=region&id=BY")
    assert response.status_code == 200
    assert '<svg xmlns="http://www.w3.org/2000/svg" id="timeline"' in response.text
    assert response.text.count('<g class="figure"') >= 1


@pytest.mark.parametrize(("path", "status"), [("/-/belta/sample-store/article/nope", 404),
                                              ("/-/belta/sample-store/entity?type=planet&id=BY", 404),
                                              ("/-/belta/sample-store/entity?type=region&id=XX-NOPE", 404),
                                              ("/-/belta/elsewhere/article/x", 404)])
def test_unknown_pages_are_not_found(store, path, status):
    assert get(store[0], path).status_code == status


def test_canned_queries_take_entity_period_and_metric_whatever_the_file_is_called(store):
    db, records = store
    response = get(db, "/sample-store/claims_about.json?entity=Belarus&from=2026-01-01&to=2026-12-31&metric=exports"
                       "&_shape=array")
    assert response.status_code == 200, response.text
    rows = response.json()
    expected = [c for r in records for c in r["claims"] if c["metric"] == "exports" and c["to"] >= "2026-01-01"
                and c["from"] <= "2026-12-31" and ("Belarus" in c["entities"] or "Belarus" in c["subjects"])]
    assert rows and len(rows) == len(expected)
    assert all(row["metric"] == "exports" for row in rows)
    timeline = get(db, "/sample-store/timeline.json?entity=Belarus&metric=&currency=USD&from=&to=&_shape=array")
    assert timeline.status_code == 200 and timeline.json() and all(r["unit"] == "USD" for r in timeline.json())


def test_metadata_and_links_apply_to_a_store_of_any_name(store):
    db, records = store
    metadata = get(db, "/-/metadata.json").json()
    assert metadata["databases"]["sample-store"]["tables"]["articles_fts"]["hidden"] is True
    articles = get(db, "/sample-store/articles").text
    assert f'href="/-/belta/sample-store/article/{records[0]["id"]}"' in articles
    regions = get(db, "/sample-store/regions").text
    assert 'href="/-/belta/sample-store/entity?type=region&amp;id=BY">Belarus</a>' in regions


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(store):
    """`datasette` itself, with the plugin its entry point installs, on a free loopback port."""
    db, _ = store
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "datasette", str(db), "-h", "127.0.0.1", "-p", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"datasette ended: {process.stderr.read().decode()[-500:]}")
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def browse(url: str, tmp_path: Path, screenshot: Path | None = None):
    """The page's DOM after it was drawn, as Chromium shows it (and a screenshot of it)."""
    from lxml import html as lxml_html

    if CHROMIUM is None:
        pytest.skip("chromium is not installed (CI's .ci/run installs Debian's chromium)")
    profile = tmp_path / f"profile-{time.monotonic_ns()}"
    flags = [*CHROMIUM_FLAGS, f"--user-data-dir={profile}"]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", url], capture_output=True, timeout=120, check=True,
                         env={**os.environ, "HOME": str(tmp_path)})
    if screenshot is not None:
        screenshot.parent.mkdir(exist_ok=True)
        subprocess.run([CHROMIUM, *flags, f"--screenshot={screenshot}", url], capture_output=True, timeout=120,
                       check=True, env={**os.environ, "HOME": str(tmp_path)})
        assert screenshot.stat().st_size > 10_000
    return lxml_html.fromstring(dom.stdout.decode("utf-8"))


def test_browser_shows_every_mention_highlighted_with_links_to_entity_pages_and_the_chart(server, store, tmp_path):
    _, records = store
    record = next(r for r in records if r["source"]["path"].endswith(SAMPLE_FILES[0]))
    page = browse(f"{server}/-/belta/sample-store/article/{record['id']}", tmp_path, ROOT / "out" / "browse-article.png")
    links = by_class(page.get_element_by_id("article-text"), "a", "mention")
    assert {(int(a.get("data-start")), int(a.get("data-end"))) for a in links} == mentions_of(record)
    # each highlight is drawn: the style sheet the plugin serves gives it a background
    assert page.xpath('//link[contains(@href, "belta.css")]')
    region = next(a for a in links if "m-region" in a.get("class"))
    entity = browse(server + region.get("href"), tmp_path, ROOT / "out" / "browse-entity.png")
    names = {r["name"] for r in record["regions"] if any(m["start"] == int(region.get("data-start"))
                                                        for m in r["mentions"])}
    assert entity.xpath("//h1")[0].text_content() in names
    chart = entity.xpath('//*[local-name()="svg" and @id="timeline"]')
    assert chart and by_class(chart[0], "*", "figure") and chart[0].xpath('.//*[local-name()="polyline"]')
