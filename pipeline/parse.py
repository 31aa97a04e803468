"""Page parsing: a `RawPage` (plain text as scraped, or HTML) in, an `Article` out.

The publication date-time comes from the input's own `published` field, the
page's publication line (`19 January 2026, 11:27`), or HTML metadata
(`article:published_time`, `<time datetime>`, `pubdate`) — never from the
viewed-date line (`Flag Sunday, 1 February 2026`) or a modified date.
The body starts at the dateline and ends before the page's trailer.
"""

from __future__ import annotations

import codecs
import re
from datetime import date, datetime
from string import ascii_uppercase

import lxml.html
from lxml import etree

from pipeline.errors import InputError
from pipeline.types import Article, Dateline, RawPage

BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),  # before UTF-16's
                    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
# Bytes that are not UTF-8 read as windows-1251 unless that gives a Cyrillic letter inside a Latin word
# (Latin-1 "café" reads "cafй") or a control character (binary data).
NOT_CP1251 = re.compile("[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MONTH_NUMBER = {key: number for number, name in enumerate(MONTHS, start=1) for key in (name.lower(), name[:3].lower())}
_MONTH = "|".join(MONTHS)

PUBLISHED_LINE = re.compile(rf"^[ \t]*(\d{{1,2}}) ({_MONTH}) (\d{{4}}),?[ \t]+(\d{{1,2}}):(\d{{2}})[ \t]*$", re.M)
# A date line in any form the sites that run BelTA copy use; the time may be missing.
DATE_LINE = re.compile(
    rf"^[ \t]*(?P<day>\d{{1,2}})(?:\.(?P<number>\d{{1,2}})\.| (?P<name>{'|'.join(m[:3] for m in MONTHS)})[a-z]*\.? )"
    r"(?P<year>\d{4})(?:,?[ \t]+(?P<hour>\d{1,2}):(?P<minute>\d{2}))?[ \t]*$", re.M)
HEADER_SPAN = 2000  # characters at the top of a page without a dateline where its date line is looked for
SENTENCE_END = re.compile(r"[.!?][\"'”’»)]*\s*$")
PLACE_PUNCTUATION = "'’.- "
PLACE_CHARS = ascii_uppercase + PLACE_PUNCTUATION
DATELINE = re.compile(
    rf"(?P<place>[A-Z][A-Z'’.\- ]*[A-Z])(?:, (?P<day>\d{{1,2}}) (?P<month>{_MONTH}))? \(BelTA\)[ \u00a0]*[–—-]?[ \u00a0]*")
# What follows the place; `find_dateline` looks for this first, then walks back over the place.
DATELINE_TAIL = re.compile(rf"(?:, \d{{1,2}} (?:{_MONTH}))? \(BelTA\)")
# Lines where the article proper ends and the site's trailer begins.
TRAILER_LINE = re.compile(
    r"^[ \t]*(Follow us on|Recent news|Related news|Read also|Most read|Subscribe to|All news\s*$|©|Copyright\b"
    r"|(Back|Archive)\s*$)",  # the last two: district sites' and belarus.by's links below an article
    re.M | re.I)
MENU_LINES = frozenset({"all news", "news", "main", "menu"})
VIEWED_LINE = re.compile(r"^Flag\b")
TITLE_SUFFIX = re.compile(r"\s*[|–—-]\s*BelTA\b.*$", re.I)
SPACES = re.compile(r"[ \t\r\n]+")  # not \s: keeps the non-breaking spaces the page has
DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template")
DROP_CLASSES = ("news_tags_block",)  # eng.belta.by's tags, below the body
BODY_CLASSES = ("js-mediator-article",)  # eng.belta.by's body element
ARTICLE_HINT = re.compile(r"article|news[-_]?text|post[-_]?body|entry[-_]?content|content[-_]?text", re.I)
PUBLISHED_META = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@name='pubdate']/@content",
    "//meta[@name='publish-date']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//*[@itemprop='datePublished']/@datetime",
    "//time[@pubdate]/@datetime",
    "//article//time[not(contains(@class, 'modif'))]/@datetime",
    "//time[not(contains(@class, 'modif')) and not(@itemprop='dateModified')]/@datetime",
)


def parse_page(page: RawPage) -> Article:
    """Parse one page; raises `InputError` when it is unusable."""
    text = decode(page.data)
    fmt = page.format or ("html" if _looks_like_html(text) else "text")
    article = _parse_html(text, page) if fmt == "html" else _parse_text(text, page)
    if not article.text.strip():
        raise InputError("no_body", "the page has no article body")
    return article


def decode(data: bytes | str) -> str:
    """A page's text: by its byte order mark, else the charset its HTML declares, else UTF-8, else
    windows-1251 when the bytes read as that (BelTA's Russian-language sites and their reprints use it)."""
    if isinstance(data, bytes):
        text = _decode_bytes(data)
    else:
        text = data
    if not text.strip():
        raise InputError("empty", "the input is empty")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_bytes(data: bytes) -> str:
    if not data.strip():
        raise InputError("empty", "the input is empty")
    for bom, encoding in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError("encoding", f"the input is not valid {encoding.upper()} "
                                             f"(byte {exc.start + len(bom)})") from exc
    if b"\x00" in data[:8192]:
        raise InputError("binary", "the input is binary data, not a text or HTML page")
    declared = _declared_encoding(data)
    if declared is not None:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # a wrong declaration: read the bytes as if there were none
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = data.decode("cp1251", errors="replace")
        if "\ufffd" in text or NOT_CP1251.search(text):
            raise InputError("encoding", f"the input is not valid UTF-8 (byte {exc.start})") from exc
        return text


def _declared_encoding(data: bytes) -> str | None:
    """The Python codec of `<meta charset=...>` (or `http-equiv` Content-Type) in an HTML page's head."""
    match = META_CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    # A page whose declaration could be read this way is not UTF-16 or UTF-32, whatever it says (as in HTML5).
    return None if name.startswith(("utf-16", "utf-32")) else name


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype", "<html", "<?xml")) or ("<p" in head and "</" in head)


def _parse_published(value: str | None) -> datetime | None:
    """ISO 8601 (publication metadata) or the page's `19 January 2026, 11:27` line."""
    if not value:
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value)  # with the UTC offset the input gives, when it gives one
    except ValueError:
        pass
    match = DATE_LINE.search(value)
    if not match:
        return None
    month = int(match["number"]) if match["number"] else MONTH_NUMBER[match["name"].lower()]
    try:
        return datetime(int(match["year"]), month, int(match["day"]), int(match["hour"] or 0),
                        int(match["minute"] or 0))
    except ValueError:  # "31 February", hour 99: no such moment, so the date is unknown
        return None


def find_dateline(text: str, pos: int = 0) -> re.Match[str] | None:
    """`DATELINE.search(text, pos)` in linear time.

    The search itself tries every capital letter as the start of a place and runs
    to the end of its run of capitals: quadratic on a page of capitals (24 KB took
    11 s). A dateline ends in "(BelTA)", so that is looked for first and the place
    found by walking back from it over the characters a place can have.
    """
    previous = pos  # no place runs back past the previous "(BelTA)"
    for tail in DATELINE_TAIL.finditer(text, pos):
        before = text[previous:tail.start()]
        place = before[len(before.rstrip(PLACE_CHARS)):].lstrip(PLACE_PUNCTUATION)
        match = DATELINE.match(text, tail.start() - len(place))
        if match:
            return match
        previous = tail.end()
    return None


def _dateline(body: str, published: datetime | None) -> Dateline | None:
    match = DATELINE.match(body)
    if not match:
        return None
    when = None
    if match["day"] and published:
        when = _latest_on_or_before(int(match["day"]), MONTH_NUMBER[match["month"].lower()], published.date())
    return Dateline(place=match["place"], date=when, start=match.start(), end=match.end())


def _latest_on_or_before(day: int, month: int, anchor: date) -> date | None:
    """A dateline's day and month, in the year that puts it on or before publication."""
    for year in (anchor.year, anchor.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= anchor:
            return candidate
    return None


def _cut_trailer(body: str) -> str:
    match = TRAILER_LINE.search(body)
    return (body[: match.start()] if match else body).rstrip()


def _parse_text(text: str, page: RawPage) -> Article:
    header = PUBLISHED_LINE.search(text)  # BelTA's own "19 January 2026, 11:27"
    dateline = find_dateline(text, header.end() if header else 0)
    given = _parse_published(page.published)
    if page.format == "body" and dateline is None:  # JSON Lines `text` is the body; its title is a key of its own
        return Article(source=page.source, title=page.title, published=given, category=None, dateline=None,
                       text=_cut_trailer(text.strip("\n")))
    category = _category(text, header)
    if header is None:  # other sites date their pages in other forms ("01.02.2010", "24 Mar 2017")
        header = DATE_LINE.search(text, 0, _line_start(text, dateline.start()) if dateline else HEADER_SPAN)
    published = given or (_parse_published(header.group(0)) if header else None)
    below = _content_line_after(text, header.end() if header else 0)
    if header and below and (_line_start(text, dateline.start()) <= below[0] if dateline else _is_paragraph(below[1])):
        # Nothing stands between the date line and the body: the headline is above the date line.
        title, category = _content_line_before(text, header.start()), None
        body_start = dateline.start() if dateline else below[0]
    elif dateline:
        # With no date line, the headline is the last line above the dateline.
        title = below[1] if header and below else _content_line_before(text, dateline.start())
        body_start = dateline.start()  # the dateline starts a line; what precedes it on its line is not the body
    else:
        title = below[1] if below else None
        body_start = below[0] + len(below[1]) if below else 0
    body = _cut_trailer(text[body_start:].strip("\n"))
    return Article(source=page.source, title=page.title or title, published=published, category=category,
                   dateline=_dateline(body, published), text=body)


def _content_line_after(text: str, start: int) -> tuple[int, str] | None:
    """The first content line from `start` on: where its text starts, and its text."""
    for line in text[start:].split("\n"):
        if _is_content_line(line):
            return start + len(line) - len(line.lstrip()), line.strip()
        start += len(line) + 1
    return None


def _content_line_before(text: str, end: int) -> str | None:
    return next((line.strip() for line in reversed(text[:end].split("\n")) if _is_content_line(line)), None)


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _is_paragraph(line: str) -> bool:
    """A line that ends like a sentence is the body's, not a headline."""
    return bool(SENTENCE_END.search(line))


def _is_content_line(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and stripped.lower() not in MENU_LINES and not VIEWED_LINE.match(stripped)


def _category(text: str, published_match: re.Match[str] | None) -> str | None:
    """The page names the article's section on the line just above the publication line."""
    if not published_match:
        return None
    above = [line.strip() for line in text[: published_match.start()].split("\n") if _is_content_line(line)]
    return above[-1] if above else None


def _parse_html(text: str, page: RawPage) -> Article:
    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise InputError("html", f"the HTML cannot be parsed: {exc}") from exc
    published = _parse_published(page.published) or next(
        (value for value in map(_parse_published, _xpath_strings(tree, PUBLISHED_META)) if value), None)
    category = next(iter(_xpath_strings(tree, ("//meta[@property='article:section']/@content",))), None)
    title = page.title or _html_title(tree)
    for element in tree.xpath("|".join([*(f"//{tag}" for tag in DROP_TAGS), *map(_with_class, DROP_CLASSES)])):
        element.drop_tree()
    container = _article_container(tree)
    paragraphs = []
    for p in container.iter("p"):
        paragraph = SPACES.sub(" ", p.text_content()).strip()
        if not paragraph:
            continue
        if TRAILER_LINE.match(paragraph):
            break
        paragraphs.append(paragraph)
    body = "\n".join(paragraphs)
    if published is None:
        line = PUBLISHED_LINE.search(container.text_content())
        published = _parse_published(line.group(0)) if line else _dated_element(tree)
    return Article(source=page.source, title=title, published=published, category=category,
                   dateline=_dateline(body, published), text=body)


def _with_class(name: str) -> str:
    return f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"


def _dated_element(tree: lxml.html.HtmlElement) -> datetime | None:
    """The date of the first element of a `date` class that holds nothing but a date (eng.belta.by's `date_full`)."""
    for element in tree.xpath("//*[contains(@class, 'date')]"):
        text = SPACES.sub(" ", element.text_content()).strip()
        if DATE_LINE.fullmatch(text):
            return _parse_published(text)
    return None


def _xpath_strings(tree: lxml.html.HtmlElement, queries: tuple[str, ...]) -> list[str]:
    return [str(value).strip() for query in queries for value in tree.xpath(query) if str(value).strip()]


def _html_title(tree: lxml.html.HtmlElement) -> str | None:
    for query in ("//article//h1", "//h1", "//meta[@property='og:title']/@content", "//title"):
        for found in tree.xpath(query):
            value = found if isinstance(found, str) else found.text_content()
            value = TITLE_SUFFIX.sub("", SPACES.sub(" ", str(value))).strip()
            if value:
                return value
    return None


def _article_container(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """A known site's body element, else the `<article>`, else the element hinted as the article text with
    the most paragraphs."""
    known = tree.xpath("|".join(map(_with_class, BODY_CLASSES)))
    if known:
        return known[0]
    articles = tree.xpath("//article")
    if articles:
        return max(articles, key=lambda el: len(el.xpath(".//p")))
    hinted = [el for el in tree.iter() if isinstance(el.tag, str)
              and ARTICLE_HINT.search(f"{el.get('class', '')} {el.get('id', '')}")]
    if hinted:
        return max(hinted, key=lambda el: len(el.xpath(".//p")))
    body = tree.find("body")
    return body if body is not None else tree
