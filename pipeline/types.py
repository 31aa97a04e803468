"""Plain typed records passed between stages.

Every stage takes and returns these frozen dataclasses; `record_format.py` is the only
place that turns them into the public JSON shape (record format v1).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

RegionKind = Literal["country", "region", "district", "city"]
OrganizationKind = Literal["government", "international", "other"]
ClaimKind = Literal["fact", "plan"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """Where an article came from: the input path as given, its line or member, its URL.

    Path and member are kept `printable`: a record must be able to hold them.
    """

    path: str
    line: int | None = None
    member: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", printable(self.path))
        if self.member is not None:
            object.__setattr__(self, "member", printable(self.member))


def printable(name: str) -> str:
    """A file or archive member name as text: the bytes of a name that are not UTF-8 (which Python keeps
    as lone surrogates, PEP 383) are shown as `\\xNN`; every other name is unchanged."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@dataclass(frozen=True, slots=True, kw_only=True)
class RawPage:
    """One article as read, before parsing. `data` is bytes from files, str from JSON."""

    source: Source
    data: bytes | str
    # None: decided by sniffing; "body": JSON Lines `text`, the article body (a header above a dateline is read)
    format: Literal["text", "html", "body"] | None = None
    published: str | None = None  # given by the input (JSON Lines), wins over the page
    title: str | None = None  # given by the input (JSON Lines), wins over the page


@dataclass(frozen=True, slots=True, kw_only=True)
class Failure:
    """An input that could not be read; it becomes an error record in its place."""

    source: Source
    kind: str
    message: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Dateline:
    """`MINSK, 19 January (BelTA) –`: place as written, date resolved, offsets in the body."""

    place: str
    date: date | None
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    source: Source
    title: str | None
    published: datetime | None  # the page's clock; with its UTC offset (aware) when the page gives one
    category: str | None
    dateline: Dateline | None
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    name: str
    key: str  # transliteration-folded name, joins the same person across articles
    titles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Subdivision:
    """The first-level subdivision a place lies in ("Minsk Oblast", BY-MI): a town's oblast, a city's state."""

    name: str
    code: str  # ISO 3166-2


@dataclass(frozen=True, slots=True, kw_only=True)
class Region:
    name: str
    kind: RegionKind
    country: str | None
    code: str | None
    parent: Subdivision | None = None  # None when the data does not say: never a guess
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Enterprise:
    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Organization:
    name: str
    kind: OrganizationKind
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Money:
    text: str
    start: int
    end: int
    low: Decimal
    high: Decimal
    currency: str
    approximate: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Percentage:
    text: str
    start: int
    end: int
    value: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Period:
    """A date or period placed on the calendar: inclusive `first`..`last`."""

    text: str
    start: int
    end: int
    first: date
    last: date


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    text: str
    start: int
    end: int
    first: date
    last: date
    kind: ClaimKind
    speaker: str | None
    money: tuple[Money, ...] = ()
    percentages: tuple[Percentage, ...] = ()
    entities: tuple[str, ...] = ()
    metric: str | None = None  # what its figure measures: a metric of models/metrics.tsv
    subjects: tuple[str, ...] = ()  # the regions, enterprises and organisations the figure is about


@dataclass(frozen=True, slots=True, kw_only=True)
class Producer:
    """What made a record: the pipeline's version, the spaCy model's name and version, and a digest of the data
    files the NLP read (models/), so that a record made by another version, model or data says so."""

    pipeline: str
    model: str
    model_version: str
    data: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Extraction:
    """Everything the NLP stage found in one article."""

    people: tuple[Person, ...] = ()
    regions: tuple[Region, ...] = ()
    enterprises: tuple[Enterprise, ...] = ()
    organizations: tuple[Organization, ...] = ()
    money: tuple[Money, ...] = ()
    percentages: tuple[Percentage, ...] = ()
    dates: tuple[Period, ...] = ()
    claims: tuple[Claim, ...] = field(default=())
