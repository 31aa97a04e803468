"""Pages as they really come: the layouts of the sites that run BelTA copy, each on a page the team wrote."""

from __future__ import annotations

from datetime import date, datetime

from pipeline.parse import parse_page
from pipeline.readers import page_from_json
from pipeline.types import RawPage, Source


def page(data: str | bytes, fmt: str | None = None) -> RawPage:
    return RawPage(source=Source(path="page"), data=data, format=fmt)


def test_headline_above_the_publication_line():
    article = parse_page(page("""Vitebsk Oblast to open three agro-towns this year
12 March 2026, 16:40
VITEBSK, 12 March (BelTA) – Three agro-towns will be opened in Vitebsk Oblast in 2026, the regional executive committee said.
The works will cost Br12 million.
"""))
    assert article.title == "Vitebsk Oblast to open three agro-towns this year"
    assert article.published == datetime(2026, 3, 12, 16, 40)
    assert article.category is None
    assert article.text.startswith("VITEBSK, 12 March (BelTA) – Three agro-towns")
    assert article.dateline.date == date(2026, 3, 12)


def test_headline_above_the_publication_line_of_a_page_without_dateline():
    article = parse_page(page("""Brest dairy plant doubles cheese exports
5 February 2026, 09:12
The Brest dairy plant exported twice as much cheese in January as a year before, BelTA has learned.
Most of it went to Kazakhstan.
"""))
    assert article.title == "Brest dairy plant doubles cheese exports"
    assert article.text.startswith("The Brest dairy plant exported") and article.text.endswith("Kazakhstan.")


def json_page(**fields) -> RawPage:
    return page_from_json(fields, Source(path="pages.jsonl", line=1))


def test_jsonl_text_is_the_body_and_title_its_own_key():
    article = parse_page(json_page(
        title="Mogilev bus fleet gets 40 electric buses", published="2026-04-02T10:00:00",
        text="Forty electric buses will arrive in Mogilev by the end of the year.\nThey replace diesel ones."))
    assert article.title == "Mogilev bus fleet gets 40 electric buses"
    assert article.text == "Forty electric buses will arrive in Mogilev by the end of the year.\nThey replace diesel ones."
    assert article.published == datetime(2026, 4, 2, 10, 0)


def test_jsonl_one_line_text_is_a_body():
    article = parse_page(json_page(text="Gomel Oblast harvested 1.2 million tonnes of grain, BelTA has learned."))
    assert article.title is None
    assert article.text == "Gomel Oblast harvested 1.2 million tonnes of grain, BelTA has learned."


def test_jsonl_text_with_a_page_header_is_read_from_its_dateline():
    article = parse_page(json_page(title="Given title", text="""7 May 2026, 13:05

A headline in the text

MINSK, 7 May (BelTA) – The body starts at the dateline."""))
    assert article.title == "Given title"
    assert article.text == "MINSK, 7 May (BelTA) – The body starts at the dateline."
    assert article.published == datetime(2026, 5, 7, 13, 5)


REPRINT_NO_DATE = """Home | About the district | Economy | Social sphere | Tourism | News | Contacts
Version for the visually impaired
Search the site
Narovlya District Executive Committee
Official site of the district administration and its services for residents and investors
Region news
Belarusian regions invited investors from 30 countries last year
01.02.2026
MINSK (BelTA) – Investors from 30 countries took part in regional projects in 2025, the Economy Ministry said.
The projects are worth $400 million.
Back
"""


def test_district_site_reprint_with_menus_first_and_a_dateline_without_date():
    article = parse_page(page(REPRINT_NO_DATE))
    assert article.title == "Belarusian regions invited investors from 30 countries last year"
    assert article.published == datetime(2026, 2, 1)
    assert article.dateline.place == "MINSK" and article.dateline.date is None
    assert article.text == ("MINSK (BelTA) – Investors from 30 countries took part in regional projects in 2025, "
                            "the Economy Ministry said.\nThe projects are worth $400 million.")


def test_portal_reprint_with_no_dateline_and_belta_as_its_only_credit():
    article = parse_page(page("""Belarus.by | Official website of the Republic of Belarus
About Belarus | Government | Economy | Tourism | Press center | Photo gallery
Press center / News
Belarus approves plan to renovate 50 rural schools
24 Mar 2026
The government has approved a plan to renovate 50 rural schools by 2028, BelTA has learned.
The first twelve schools will reopen in September.
Archive
Latest news from the regions
"""))
    assert article.title == "Belarus approves plan to renovate 50 rural schools"
    assert article.published == datetime(2026, 3, 24)
    assert article.dateline is None
    assert article.text == ("The government has approved a plan to renovate 50 rural schools by 2028, BelTA has "
                            "learned.\nThe first twelve schools will reopen in September.")


ENG_BELTA = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Grodno to host regional forum in June | Belarus News | BelTA</title></head>
<body>
<div class="top_menu"><a href="/">Home</a> <a href="/politics/">Politics</a> <a href="/economics/">Economics</a></div>
<div class="main">
 <div class="content_margin">
  <div class="breadcrumbs"><a href="/">Home</a> / <a href="/regions/">Regions</a></div>
  <h1>Grodno to host regional forum in June</h1>
  <div class="date_full">3 April 2026, 14:20</div>
  <div class="news_img_slide"><p>Photo archive</p></div>
  <div class="js-mediator-article">
   <p>GRODNO, 3 April (BelTA) – The Forum of Regions will be held in Grodno on 18-19 June, the regional executive
   committee said.</p>
   <p>About 500 guests are expected.</p>
  </div>
  <div class="news_tags_block"><p>Tags:</p><p><a href="/tag/forum">Forum of Regions</a></p></div>
  <div class="news_more">
   <div class="article_news"><p>Minsk metro to get new trains</p><p>10 April 2026, 09:00</p>
   <p>Brest plant raises output</p><p>10 April 2026, 08:10</p><p>Gomel hosts chess cup</p></div>
  </div>
 </div>
</div>
</body></html>"""


def test_eng_belta_page_body_is_its_mediator_article_without_tags():
    article = parse_page(page(ENG_BELTA))
    assert article.title == "Grodno to host regional forum in June"
    assert article.published == datetime(2026, 4, 3, 14, 20)
    assert article.text == ("GRODNO, 3 April (BelTA) – The Forum of Regions will be held in Grodno on 18-19 June, "
                            "the regional executive committee said.\nAbout 500 guests are expected.")
