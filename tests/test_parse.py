"""Page parsing: title, publication date-time (never the viewed date), category, dateline, body."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.parse import DATELINE, find_dateline, parse_page
from pipeline.types import RawPage, Source

SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seed"

TEXT_PAGE = """Economy
Flag Sunday, 1 February 2026
All news
All news
Economy
19 January 2026, 11:27

Grodno Azot raises output

GRODNO, 18 January (BelTA) – Grodno Azot increased output by 4% in 2025, the company said.
The plant plans new lines next year.
Follow us on:
X
Recent news from Belarus
Another headline
"""

HTML_PAGE = """<!DOCTYPE html><html><head><title>Naftan upgrades refinery | BelTA</title>
<meta property="article:published_time" content="2025-11-03T14:05:00+03:00">
<meta property="article:modified_time" content="2025-11-04T09:00:00+03:00"></head>
<body><header><nav><a href="/">All news</a> Flag Friday, 7 November 2025</nav></header>
<div class="article"><h1>Naftan upgrades refinery</h1>
<p>NOVOPOLOTSK, 3 November (BelTA) &ndash; Naftan&#8217;s new unit cost Br3.4&nbsp;billion.</p>
<p>The unit   will start
 in 2026.</p></div>
<aside><p>Recent news</p><p>Other story</p></aside>
<footer><p>Follow us on X</p><p>&copy; BelTA</p></footer></body></html>"""


def page(data: str | bytes, fmt: str | None = None, published: str | None = None) -> RawPage:
    return RawPage(source=Source(path="page"), data=data, format=fmt, published=published)


def test_parse_text_publication_date_not_viewed_date():
    article = parse_page(page(TEXT_PAGE))
    assert article.published == datetime(2026, 1, 19, 11, 27)


def test_parse_text_title_category_dateline():
    article = parse_page(page(TEXT_PAGE))
    assert article.title == "Grodno Azot raises output"
    assert article.category == "Economy"
    assert article.dateline.place == "GRODNO"
    assert article.dateline.date == date(2026, 1, 18)
    assert article.text[article.dateline.start:article.dateline.end] == "GRODNO, 18 January (BelTA) – "


def test_parse_text_body_stops_before_trailer():
    article = parse_page(page(TEXT_PAGE))
    assert article.text.startswith("GRODNO, 18 January (BelTA)")
    assert article.text.endswith("The plant plans new lines next year.")
    assert "Follow us" not in article.text


def test_parse_dateline_in_previous_year():
    text = TEXT_PAGE.replace("19 January 2026", "2 January 2026").replace("18 January", "31 December")
    assert parse_page(page(text)).dateline.date == date(2025, 12, 31)


def test_parse_text_without_publication_line_takes_title_above_dateline():
    article = parse_page(page("Menu\n\nBelshina ships tyres\n\nBOBRUISK (BelTA) – Belshina shipped tyres.\n"))
    assert article.title == "Belshina ships tyres"
    assert article.published is None
    assert article.dateline.place == "BOBRUISK" and article.dateline.date is None


def test_parse_given_published_wins():
    article = parse_page(page(TEXT_PAGE, published="2026-01-20T08:00:00"))
    assert article.published == datetime(2026, 1, 20, 8, 0)


def test_parse_html_metadata_and_paragraphs():
    article = parse_page(page(HTML_PAGE))
    assert article.title == "Naftan upgrades refinery"
    # published, not modified; with the page's UTC offset
    assert article.published == datetime(2025, 11, 3, 14, 5, tzinfo=timezone(timedelta(hours=3)))
    assert article.text == ("NOVOPOLOTSK, 3 November (BelTA) – Naftan’s new unit cost Br3.4\u00a0billion.\n"
                            "The unit will start in 2026.")
    assert article.dateline.place == "NOVOPOLOTSK"


def test_parse_html_time_element():
    html = HTML_PAGE.replace('<meta property="article:published_time" content="2025-11-03T14:05:00+03:00">', "")
    html = html.replace("<h1>", '<time datetime="2025-11-02T10:00">2 November</time><h1>')
    assert parse_page(page(html)).published == datetime(2025, 11, 2, 10, 0)


def test_parse_sniffs_html_without_format():
    assert parse_page(page(HTML_PAGE.encode())).title == "Naftan upgrades refinery"


@pytest.mark.parametrize(("data", "kind", "message"), [
    (b"", "empty", "empty"),
    (b"  \n\t ", "empty", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", "binary"),
    (b"MINSK (BelTA) \xff\xfe caf\xe9", "encoding", "not valid UTF-8"),
    (b"<html><body><nav>All news</nav></body></html>", "no_body", "no article body"),
    (b"Title only\n\n19 January 2026, 11:27\n\nHeadline\n\nFollow us on:\nX\n", "no_body", "no article body"),
])
def test_parse_bad_input_raises_input_error(data, kind, message):
    with pytest.raises(InputError, match=message) as caught:
        parse_page(page(data))
    assert caught.value.kind == kind


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not beside the repository")
def test_parse_seed_article():
    (path,) = SEED.glob("*.txt")
    article = parse_page(RawPage(source=Source(path=str(path)), data=path.read_bytes(), format="text"))
    assert article.title == "Lukashenko: Belarus, Russia’s Kirov Oblast seek to double trade"
    assert article.published == datetime(2026, 1, 19, 11, 27)
    assert article.dateline.place == "MINSK" and article.dateline.date == date(2026, 1, 19)
    assert article.text.startswith("MINSK, 19 January (BelTA) – Belarus and Kirov Oblast")
    assert article.text.endswith("and passenger cars.")


@pytest.mark.parametrize(("line", "given"), [
    ("31 February 2026, 11:27", None),
    ("19 January 2026, 99:27", None),
    ("19 January 0000, 11:27", None),
    ("19 January 2026, 11:27", "31 February 2026, 11:27"),
    ("19 January 2026, 11:27", "2026-02-31T11:27:00"),
])
def test_parse_impossible_publication_date_is_unknown(line, given):
    text = TEXT_PAGE.replace("19 January 2026, 11:27", line)
    article = parse_page(page(text, published=given))
    expected = None if given is None else datetime(2026, 1, 19, 11, 27)  # a bad given date falls back to the page's
    assert article.published == expected
    assert article.title == "Grodno Azot raises output" and article.text.startswith("GRODNO, 18 January (BelTA)")


@pytest.mark.parametrize("text", [
    "A" * 30_000,  # took 11 s at 24 KB: the dateline search was quadratic in a run of capitals
    "Title\n" + "MINSK TRACTOR WORKS " * 1_500 + "(Belta)",
    "Title\n" + "GOMEL (BelTA) " + "B" * 30_000 + " (BelTA) – Body.",
])
def test_parse_pages_of_capitals_take_linear_time(text):
    started = time.perf_counter()
    try:
        parse_page(page(text))
    except InputError:
        pass
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(("text", "pos"), [
    ("Menu\nNEWS MINSK, 19 January (BelTA) – Body", 0),
    ("x MINSK (BelTA) y ’GOMEL-2 (BelTA) – z", 0),
    ("x MINSK (BelTA) y ’GOMEL-2 (BelTA) – z", 5),
    ("A (BelTA) BB, 5 May (BelTA)", 0),
    ("MINSK, 5 Foo (BelTA) GOMEL, 5 May (BelTA)", 0),
    ("no dateline (BelTA) here", 0),
])
def test_find_dateline_finds_what_the_regular_expression_search_finds(text, pos):
    found, expected = find_dateline(text, pos), DATELINE.search(text, pos)
    assert (found and (found.span(), found.groupdict())) == (expected and (expected.span(), expected.groupdict()))


CP1251_PAGE = """19 March 2026, 10:15

Grodno region plans new dairy farms

GRODNO, 19 March (BelTA) – The «Молочный край» cooperative will open two farms in 2026, the region’s executive committee said.
"""


@pytest.mark.parametrize("data", [
    "\ufeff" + TEXT_PAGE,
    ("\ufeff" + TEXT_PAGE).encode("utf-16-le"),
    ("\ufeff" + TEXT_PAGE).encode("utf-16-be"),
    ("\ufeff" + TEXT_PAGE).encode("utf-32-le"),
    ("\ufeff" + TEXT_PAGE).encode("utf-8"),
], ids=["str", "utf-16-le", "utf-16-be", "utf-32-le", "utf-8"])
def test_parse_page_with_a_byte_order_mark(data):
    article = parse_page(page(data))
    assert article.title == "Grodno Azot raises output" and article.text.startswith("GRODNO, 18 January (BelTA)")


def test_parse_undeclared_windows_1251_page():
    article = parse_page(page(CP1251_PAGE.encode("cp1251")))
    assert article.title == "Grodno region plans new dairy farms"
    assert "«Молочный край» cooperative" in article.text and "region’s" in article.text


@pytest.mark.parametrize("meta", ['<meta charset="windows-1251">',
                                  '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'])
def test_parse_html_in_its_declared_charset(meta):
    html = HTML_PAGE.replace("<head>", f"<head>{meta}").replace("Naftan&#8217;s new unit", "Naftan’s «Нафтан» unit")
    article = parse_page(page(html.encode("cp1251")))
    assert article.text.startswith("NOVOPOLOTSK, 3 November (BelTA) – Naftan’s «Нафтан» unit cost")


def test_parse_html_declared_utf16_but_written_in_utf8_is_read_as_utf8():
    html = HTML_PAGE.replace("<head>", '<head><meta charset="utf-16">')
    assert parse_page(page(html.encode("utf-8"))).title == "Naftan upgrades refinery"
