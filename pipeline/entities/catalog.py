"""The entity catalog: every gazetteer, title list and name table under `models/`, loaded once.

Span labels the entity ruler writes (and the extractor reads) are the `Label` values;
a gazetteer entry is found again from a span by `(label, span.id_)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from spacy.strings import get_string_id

from pipeline.errors import ResourceError
from pipeline.resources import read_jsonl, read_tsv


class Label(StrEnum):
    PERSON = "PERSON"
    COUNTRY = "COUNTRY"
    REGION = "REGION"
    DISTRICT = "DISTRICT"
    CITY = "CITY"
    ENTERPRISE = "ENTERPRISE"
    ORG_GOVERNMENT = "ORG_GOVERNMENT"
    ORG_INTERNATIONAL = "ORG_INTERNATIONAL"
    ORG_OTHER = "ORG_OTHER"
    REFERENCE = "REFERENCE"  # a descriptive reference to a person ("the head of state")
    SKIP = "SKIP"  # not an entity of ours, and hides what it covers ("BelTA", event names)
    NAME_TAIL = "NAME_TAIL"  # continues the enterprise or organisation name it follows ("named after S.M. Kirov")


# The members under their own names, for the entity stage's loops that compare labels in every pass over their
# candidates: looking a member up on an Enum class costs about 0.25 µs in Python 3.11, a module's name 0.02.
(PERSON, COUNTRY, REGION, DISTRICT, CITY, ENTERPRISE, ORG_GOVERNMENT, ORG_INTERNATIONAL, ORG_OTHER, REFERENCE, SKIP,
 NAME_TAIL) = Label


REGION_LABELS = {Label.COUNTRY: "country", Label.REGION: "region", Label.DISTRICT: "district", Label.CITY: "city"}
ORGANIZATION_LABELS = {Label.ORG_GOVERNMENT: "government", Label.ORG_INTERNATIONAL: "international",
                       Label.ORG_OTHER: "other"}
ORGANIZATION_LIKE = {Label.ENTERPRISE, *ORGANIZATION_LABELS}
# The labels by their ids in a spaCy StringStore (the entity ruler adds them to its vocabulary's), which the entity
# stage compares with `Span.label`: `Span.label_` decodes a new str on every read, and the stage reads each span's label
# many times over.
LABEL_IDS = {label: get_string_id(label) for label in Label}
PERSON_ID, COUNTRY_ID, ENTERPRISE_ID, REFERENCE_ID, SKIP_ID = (LABEL_IDS[label] for label in (
    PERSON, COUNTRY, ENTERPRISE, REFERENCE, SKIP))
REGION_IDS = frozenset(map(LABEL_IDS.get, REGION_LABELS))
ORGANIZATION_IDS = frozenset(map(LABEL_IDS.get, ORGANIZATION_LABELS))
ORGANIZATION_LIKE_IDS = frozenset(map(LABEL_IDS.get, ORGANIZATION_LIKE))
PATTERN_NORMALIZERS = ("as_written", "legal_form", "inverted_ministry", "executive_committee", "settlement_of",
                       "settlements_last",
                       "district", "common_noun", "after_noun", "place_led")
VENUE_KINDS = frozenset({"venue", "document"})  # organisation words heading what is no organisation
COMPANY_WORD_KINDS = ("part", "not_end", "tail")
ORGANIZATION_WORD_KINDS = ("international", "international_lead", "government", "institution", "other", "venue",
                           "document", "not_name", "generic", "brand", "media")
# Generic words a gazetteer name ends with; their usual English variants are accepted in text.
# The country whose bodies and ministers the lists and the gold name without it ("Minister of Agriculture and Food",
# "Investigative Committee"); heads of state and government keep it ("President of Belarus").
HOME_COUNTRY = "Belarus"
SUFFIX_VARIANTS = {" Oblast": (" Region",), " Krai": (" Territory", " Region"), " District": (" Raion",)}


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One known entity: its canonical name, label, the forms text may use, and its codes."""

    name: str
    label: Label
    forms: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    country: str | None = None
    code: str | None = None
    parent: str | None = None  # a place's first-level subdivision (ISO 3166-2): a town's oblast


@dataclass(frozen=True, slots=True, kw_only=True)
class Pattern:
    """A token pattern for entities no gazetteer lists ("X Plant", "OAO «X»")."""

    label: Label
    normalizer: str
    tokens: list[dict[str, Any]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Title:
    title: str
    forms: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Catalog:
    entries: tuple[Entry, ...]
    patterns: tuple[Pattern, ...]
    titles: tuple[Title, ...]
    references: dict[str, str]  # lower-case phrase -> title it stands for
    office_holders: dict[str, str]  # office title -> holder's name
    given_names: dict[str, str]  # lower-case variant -> folded key
    genders: dict[str, str]  # lower-case given name -> "f" or "m"
    country_adjectives: dict[str, str]  # lower-case adjective -> country name
    non_person_words: frozenset[str] = frozenset()  # lower-case words of things' names ("bank", "krai", "order")
    state_words: frozenset[str] = frozenset()  # those of them that end a state's name ("republic", "kingdom")
    work_words: frozenset[str] = frozenset()  # those that name a work or a show ("ballet", "film"; kind 'work')
    one_word_names: frozenset[str] = frozenset()  # lower-case one-word forms of listed places and organisations
    company_words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # kind -> words (company_words.tsv)
    organization_words: dict[str, str] = field(default_factory=dict)  # lower-case word -> kind (organization_words.tsv)
    body_units: frozenset[str] = frozenset()  # lower-case words heading a unit of a body (body_units.tsv)
    currency_words: frozenset[str] = frozenset()  # one-word currency names ("dollars", "yuan"; currencies.tsv)
    currency_codes: frozenset[str] = frozenset()  # the codes currencies.tsv lists, old ones too ("BYR")
    legal_forms: frozenset[str] = frozenset()  # the words of the 'legal_form' pattern ("OJSC", "CJSC")
    historical_states: frozenset[str] = frozenset()  # lower-case names; no regions (the conventions)
    subdivision_names: dict[str, str] = field(default_factory=dict)  # ISO 3166-2 code -> the name records give it
    world_cities: dict[str, Entry] = field(default_factory=dict)  # lower-case form -> city (world_cities.tsv)
    by_key: dict[tuple[str, str], Entry] = field(default_factory=dict)
    # a minister's field as a ministry's name has it, where it is written otherwise before "Minister" and "Ministry"
    # ("Foreign" -> "Foreign Affairs"), from the titles' forms ("Foreign Minister": Minister of Foreign Affairs)
    ministry_fields: dict[str, str] = field(default_factory=dict)

    def entry(self, label: str, name: str) -> Entry | None:
        return self.by_key.get((label, name))


def load_catalog(models_dir: Path, *, generated: bool = True) -> Catalog:
    """Read every entity data file under `models_dir`; a bad row raises `ResourceError`. `generated=False`
    leaves out the files tools/build_places.py makes (which is how that tool sees the team's lists)."""
    countries = list(read_tsv(models_dir / "countries.tsv", required=("name", "code")))
    entries = [*(_entry(row, Label.COUNTRY, country=row["code"]) for row in countries),
               *_regions(models_dir / "regions.tsv"), *_cities(models_dir / "cities.tsv"),
               *(_entry(row, Label.ENTERPRISE, country=row.get("country"))
                 for row in read_jsonl(models_dir / "enterprises.jsonl", required=("name",))),
               *_organizations(models_dir / "organizations.jsonl")]
    patterns, skips, states = _patterns(models_dir / "patterns" / "entities.jsonl")
    entries.extend(Entry(name=text, label=Label.SKIP, forms=(text,)) for text in skips)
    # A currency's name is no mention of its country, nor of anything else ("the US dollar", "Chinese yuan").
    currencies = list(read_tsv(models_dir / "currencies.tsv", required=("surface", "code", "kind")))
    currency_names = [row["surface"] for row in currencies if row["kind"] == "name"]
    entries.extend(Entry(name=name, label=Label.SKIP, forms=(name,)) for name in currency_names if " " in name)
    titles, references, holders = _titles(models_dir / "titles.jsonl")
    entries.extend(Entry(name=title, label=Label.REFERENCE, forms=(phrase,)) for phrase, title in references.items())
    given_rows = list(read_tsv(models_dir / "given_names.tsv", required=("name", "key", "gender")))
    given = {row["name"].lower(): row["key"] for row in given_rows}
    genders = {row["name"].lower(): row["gender"] for row in given_rows}
    adjectives = {adjective.lower(): row["name"] for row in countries
                  for adjective in _split(row.get("adjectives"))}
    non_person_rows = list(read_tsv(models_dir / "non_person_words.tsv", required=("word", "kind")))
    non_person = frozenset(row["word"].lower() for row in non_person_rows if row["kind"] != "work")
    company_words = _company_words(models_dir / "company_words.tsv")
    organization_words = _organization_words(models_dir / "organization_words.tsv")
    body_units = frozenset(row["word"].lower() for row in read_tsv(models_dir / "body_units.tsv",
                                                                    required=("word", "source")))
    one_word = frozenset(form.lower() for entry in entries if entry.label not in (Label.SKIP, Label.REFERENCE)
                         for form in entry.forms if " " not in form)
    by_key: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        key = (entry.label.value, entry.name)
        if key in by_key and entry.label not in (Label.SKIP, Label.REFERENCE):
            raise ResourceError(f"{models_dir}: {entry.label.value} {entry.name!r} is listed twice")
        by_key[key] = entry
    # World cities are looked up, never matched: a place the model or our lists found gets its country and
    # parent from them. Matched, they cost precision on newswire (models/README.md, "Places").
    world = {form.lower(): entry for entry in (_cities(models_dir / "world_cities.tsv") if generated else ())
             for form in entry.forms}
    # Parents are named as our gazetteer names them ("Minsk Oblast"), else as the admin1 table does.
    subdivisions = {row["code"]: row["name"] for row in read_tsv(models_dir / "admin1_codes.tsv",
                                                                 required=("code", "name"))} if generated else {}
    subdivisions.update((entry.code, entry.name) for entry in entries
                        if entry.label in (Label.REGION, Label.CITY) and entry.code)
    fields = {form.removesuffix(" Minister"): title.title.removeprefix("Minister of ") for title in titles
              if title.title.startswith("Minister of ") for form in title.forms if form.endswith(" Minister")}
    return Catalog(entries=tuple(entries), patterns=tuple(patterns), titles=titles, references=references,
                   office_holders=holders, given_names=given, genders=genders, country_adjectives=adjectives,
                   non_person_words=non_person, one_word_names=one_word,
                   state_words=frozenset(row["word"].lower() for row in non_person_rows if row["kind"] == "state"),
                   work_words=frozenset(row["word"].lower() for row in non_person_rows if row["kind"] == "work"),
                   company_words=company_words, organization_words=organization_words, body_units=body_units,
                   currency_words=frozenset(name.lower() for name in currency_names if " " not in name),
                   ministry_fields=fields,
                   legal_forms=frozenset(word for pattern in patterns if pattern.normalizer == "legal_form"
                                         for word in pattern.tokens[0].get("ORTH", {}).get("IN", ())),
                   currency_codes=frozenset(row["surface"] for row in currencies if row["kind"] == "code"),
                   historical_states=frozenset(state.lower() for state in states),
                   subdivision_names=subdivisions, world_cities=world, by_key=by_key)


def _company_words(path: Path) -> dict[str, tuple[str, ...]]:
    words: dict[str, list[str]] = {kind: [] for kind in COMPANY_WORD_KINDS}
    for row in read_tsv(path, required=("word", "kind")):
        if row["kind"] not in words:
            raise ResourceError(f"{path}: {row['word']}: unknown kind {row['kind']!r}")
        words[row["kind"]].append(row["word"])
    return {kind: tuple(found) for kind, found in words.items()}


def _organization_words(path: Path) -> dict[str, str]:
    words = {}
    for row in read_tsv(path, required=("word", "kind")):
        if row["kind"] not in ORGANIZATION_WORD_KINDS:
            raise ResourceError(f"{path}: {row['word']}: unknown kind {row['kind']!r}")
        if row["word"] != row["word"].lower() or row["word"] in words:
            raise ResourceError(f"{path}: {row['word']}: words are lower case and listed once")
        words[row["word"]] = row["kind"]
    return words


def _split(value: Any) -> list[str]:
    """A |-separated TSV cell or a JSON list, as a list of names."""
    if isinstance(value, list):
        return [str(item) for item in value if item]
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def _entry(row: dict[str, Any], label: Label, *, country: str | None = None, code: str | None = None,
           parent: str | None = None) -> Entry:
    name = row["name"]
    aliases = tuple(_split(row.get("aliases")))
    forms = [name, *aliases]
    for suffix, variants in SUFFIX_VARIANTS.items():
        forms += [form[: -len(suffix)] + variant for form in list(forms) if form.endswith(suffix)
                  for variant in variants]
    return Entry(name=name, label=label, forms=tuple(dict.fromkeys(forms)), aliases=aliases,
                 country=country or None, code=code or None, parent=parent or None)


def _regions(path: Path) -> list[Entry]:
    labels = {"region": Label.REGION, "district": Label.DISTRICT}
    entries = []
    for row in read_tsv(path, required=("name", "kind", "country")):
        if row["kind"] not in labels:
            raise ResourceError(f"{path}: {row['name']}: kind must be region or district, not {row['kind']!r}")
        entries.append(_entry(row, labels[row["kind"]], country=row["country"], code=row.get("code"),
                              parent=row.get("parent")))
    return entries


def _cities(path: Path) -> list[Entry]:
    return [_entry(row, Label.CITY, country=row["country"], code=row.get("code"), parent=row.get("parent"))
            for row in read_tsv(path, required=("name", "country"))]


def _organizations(path: Path) -> list[Entry]:
    labels = {kind: label for label, kind in ORGANIZATION_LABELS.items()}
    entries = []
    for row in read_jsonl(path, required=("name", "kind")):
        if row["kind"] not in labels:
            raise ResourceError(f"{path}: {row['name']}: unknown kind {row['kind']!r}")
        entries.append(_entry(row, labels[row["kind"]]))
    return entries


def _label(value: str, path: Path) -> Label:
    try:
        return Label(value)
    except ValueError as exc:
        raise ResourceError(f"{path}: unknown label {value!r}") from exc


def _patterns(path: Path) -> tuple[list[Pattern], list[str], list[str]]:
    """Token patterns, the phrases (string patterns) that may only be SKIP phrases, and those of them that are
    historical states (`"kind": "historical_state"`)."""
    patterns, skips, states = [], [], []
    for row in read_jsonl(path, required=("label", "pattern")):
        label = _label(row["label"], path)
        if isinstance(row["pattern"], str):
            if label is not Label.SKIP:
                raise ResourceError(f"{path}: phrase {row['pattern']!r}: phrases belong in the gazetteers")
            if row.get("kind") not in (None, "historical_state"):
                raise ResourceError(f"{path}: phrase {row['pattern']!r}: unknown kind {row['kind']!r}")
            skips.append(row["pattern"])
            if row.get("kind"):
                states.append(row["pattern"])
            continue
        normalizer = row.get("id", "as_written")
        if normalizer not in PATTERN_NORMALIZERS:
            raise ResourceError(f"{path}: unknown pattern id {normalizer!r}")
        patterns.append(Pattern(label=label, normalizer=normalizer, tokens=row["pattern"]))
    return patterns, skips, states


def _titles(path: Path) -> tuple[tuple[Title, ...], dict[str, str], dict[str, str]]:
    titles, references, holders = [], {}, {}
    for row in read_jsonl(path):
        if "forms" in row and "title" in row:
            titles.append(Title(title=row["title"], forms=tuple(row["forms"])))
        elif "reference" in row and "title" in row:
            references[row["reference"].lower()] = row["title"]
        elif "office" in row and "holder" in row:
            holders[row["office"]] = row["holder"]
        else:
            raise ResourceError(f"{path}: a row needs title+forms, reference+title or office+holder: {row}")
    return tuple(titles), references, holders
