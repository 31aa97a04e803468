"""People, regions, enterprises and organisations: one entry per real thing, with its mentions.

Reads the spans the `belta_entity_ruler` component decided (span group `belta_entities`) and
links them within the article: spellings of one person join by `Person.key`, surname-only
mentions and descriptive references ("the head of state") are attached to the person they
stand for, titles are read around the names, and regions, enterprises and organisations are
grouped by canonical name. Nothing inside the dateline counts.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from itertools import compress
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span

from pipeline.components.entity_ruler import CATALOG_ATTR, SPANS_KEY
from pipeline.entities.catalog import (CITY, COUNTRY_ID, DISTRICT, ENTERPRISE, ORGANIZATION_LABELS,
                                      ORGANIZATION_LIKE_IDS, PERSON_ID, REFERENCE_ID, REGION_IDS, REGION_LABELS, SKIP_ID,
                                      Catalog, Entry)
from pipeline.entities.names import is_surname_only, name_parts, person_key, surname_key
from pipeline.entities.titles import TitleReader
from pipeline.entities.tokens import texts
from pipeline.types import Article, Enterprise, Mention, Organization, Person, Region, Subdivision



@dataclass(frozen=True, slots=True, kw_only=True)
class Entities:
    people: tuple[Person, ...] = ()
    regions: tuple[Region, ...] = ()
    enterprises: tuple[Enterprise, ...] = ()
    organizations: tuple[Organization, ...] = ()


_FEMALE_PATRONYMIC = re.compile(r"[a-z](?:ovna|evna|yevna|ichna|inichna)$")
_MALE_PATRONYMIC = re.compile(r"[a-z](?:ovich|evich|yevich|ich)$")


@dataclass(slots=True)
class _PersonDraft:
    key: str
    names: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, Span]] = field(default_factory=list)  # (token index, span) in text order

    @property
    def surname(self) -> str:
        return surname_key(name_parts(self.names[0])[-1])

    def name(self) -> str:
        return " ".join(max((name_parts(name) for name in self.names), key=len))


# The claims component links a Doc's entities for its claims and `extract` again for the record: the second
# reading of the same Doc and text is the first's (the component reads the model's folded text, so an article
# whose folding changed a character is read again, its mentions sliced from the original).
_READ: WeakKeyDictionary[Doc, tuple[str, tuple[int, int] | None, Entities]] = WeakKeyDictionary()


def extract_entities(doc: Doc, article: Article) -> Entities:
    dateline = (article.dateline.start, article.dateline.end) if article.dateline else None
    read = _READ.get(doc)
    if read is not None and read[1] == dateline and read[0] == article.text:
        return read[2]
    found = _read_entities(doc, article)
    _READ[doc] = (article.text, dateline, found)
    return found


def _read_entities(doc: Doc, article: Article) -> Entities:
    catalog: Catalog | None = doc._.get(CATALOG_ATTR) if doc.has_extension(CATALOG_ATTR) else None
    if catalog is None or SPANS_KEY not in doc.spans:
        return Entities()
    dateline = article.dateline
    spans = [span for span in doc.spans[SPANS_KEY]
             if not (dateline and span.start_char < dateline.end and span.end_char > dateline.start)]
    named = [span for span in spans if span.label not in (SKIP_ID, REFERENCE_ID, PERSON_ID)]
    enterprises, organizations = _enterprises_and_organizations(article.text, _organization_groups(named, catalog),
                                                                catalog)
    return Entities(people=_people(doc, article.text, spans, catalog),
                    regions=tuple(_regions(article.text, named, catalog)), enterprises=enterprises,
                    organizations=organizations)


def _mention(text: str, span: Span) -> Mention:
    return Mention(text=text[span.start_char:span.end_char], start=span.start_char, end=span.end_char)


def _grouped(spans: list[Span], labels: frozenset[int]) -> dict[tuple[str, str], list[Span]]:
    """The spans of the labels (by their ids, `LABEL_IDS`) by label and canonical name."""
    groups: dict[tuple[str, str], list[Span]] = {}
    for span in spans:
        if span.label in labels:
            groups.setdefault((span.label_, span.id_), []).append(span)
    return groups


def _regions(text: str, spans: list[Span], catalog: Catalog):
    countries_at = {span.start: span.kb_id_ for span in spans if span.label == COUNTRY_ID and span.kb_id_}
    for (label, name), group in _grouped(spans, REGION_IDS).items():
        code = group[0].kb_id_
        known = _known_place(label, name, catalog)
        country = code.split("-")[0] if code else (known.country if known else None)
        if country is None and label == CITY.value:  # a town no list knows, its country after it: "Petropavlovsk,
            # Kazakhstan"
            country = next((countries_at[s.end + 1] for s in group if s.end + 1 in countries_at
                            and s.doc[s.end].text == ","), None)
        parent = catalog.subdivision_names.get(known.parent) if known and known.parent else None
        yield Region(name=name, kind=REGION_LABELS[label], country=country,  # a `Label` is its str
                     code=code if "-" in code else None,
                     parent=Subdivision(name=parent, code=known.parent) if known and parent else None,
                     mentions=tuple(_mention(text, s) for s in group))


def _known_place(label: str, name: str, catalog: Catalog) -> Entry | None:
    """What the data says of a place: its gazetteer entry; for a district the gazetteer lacks ("X District"),
    its town X's (a district is in the country and oblast of the town it is named after, unless the town is a
    subdivision of its own, as Minsk is); for a place only the model found, the world city of that name."""
    if (entry := catalog.entry(label, name)) is not None:
        return entry
    if label == DISTRICT:
        town = catalog.entry(CITY.value, name.removesuffix(" District"))
        return Entry(name=name, label=DISTRICT, forms=(name,), country=town.country,
                     parent=None if town.code else town.parent) if town else None
    return catalog.world_cities.get(name.lower()) if label == CITY else None


def _enterprises_and_organizations(text: str, groups: dict[tuple[str, str], tuple[list[Span], list[str]]],
                                    catalog: Catalog) -> tuple[tuple[Enterprise, ...], tuple[Organization, ...]]:
    enterprises, organizations = [], []
    for (label, name), (group, joined) in groups.items():
        entry = catalog.entry(label, name)
        aliases = entry.aliases if entry else tuple(joined)
        mentions = tuple(_mention(text, s) for s in group)
        if label == ENTERPRISE:
            enterprises.append(Enterprise(name=name, aliases=aliases, mentions=mentions))
        else:
            organizations.append(Organization(name=name, kind=ORGANIZATION_LABELS[label], aliases=aliases,
                                              mentions=mentions))
    return tuple(enterprises), tuple(organizations)


def _organization_groups(spans: list[Span], catalog: Catalog) -> dict[tuple[str, str], tuple[list[Span], list[str]]]:
    """Enterprise and organisation spans by (label, canonical name), each with the names joined to it: an
    enterprise's name without the tail words its longer name in the article ends with ("Neman-Agro" for
    Neman-Agro Holding, "Pratap Agri Machinery" for Pratap Agri Machinery Pvt Ltd). (An abbreviation in
    brackets gets the name it stands for from the entity ruler.)"""
    groups = _grouped(spans, ORGANIZATION_LIKE_IDS)
    tails = set(catalog.company_words.get("tail", ()))
    joins = {}
    for label, name in groups:
        words = name.split()
        while label == ENTERPRISE and len(words) > 1 and words[-1] in tails:
            words.pop()
            if (label, " ".join(words)) in groups:
                joins[(label, " ".join(words))] = (label, name)
    merged: dict[tuple[str, str], tuple[list[Span], list[str]]] = {}
    for key, group in groups.items():
        target = joins.get(key, key)
        into, joined = merged.setdefault(target, ([], []))
        into.extend(group)
        if key != target:
            joined.append(key[1])
    return {key: (sorted(group, key=lambda span: span.start), joined) for key, (group, joined) in merged.items()}


def _people(doc: Doc, text: str, spans: list[Span], catalog: Catalog) -> tuple[Person, ...]:
    drafts: list[_PersonDraft] = []
    surname_only: list[Span] = []
    reader = TitleReader(doc, spans, catalog)
    for span in spans:
        if span.label != PERSON_ID:
            continue
        if is_surname_only(span.id_):
            surname_only.append(span)
            continue
        key = person_key(span.id_, catalog.given_names)
        draft = next((d for d in drafts if d.key == key), None)
        if draft is None:
            draft = _PersonDraft(key=key)
            drafts.append(draft)
        draft.names.append(span.id_)
        draft.mentions.append((span.start, span))
        draft.titles.extend(t for t in reader.titles(span) if t not in draft.titles)
    by_surname = {draft.surname: draft for draft in reversed(drafts)}  # the first person with a surname wins
    # Chinese, Korean and Vietnamese names put the surname first ("Zhang Wei" ... "Zhang said").
    by_first_word = {surname_key(name_parts(draft.names[0])[0]): draft for draft in reversed(drafts)}
    for span in surname_only:
        key = surname_key(name_parts(span.id_)[-1])
        draft = by_surname.get(key) or by_first_word.get(key)
        if draft is None:
            draft = _PersonDraft(key=person_key(span.id_, catalog.given_names), names=[span.id_])
            drafts.append(draft)
            by_surname[draft.surname] = draft
        draft.mentions.append((span.start, span))
    _attach_bare_surnames(doc, spans, by_surname)
    drafts = _with_addresses_merged(drafts, text)
    _attach_references(doc, spans, drafts, catalog)
    people = []
    for draft in drafts:
        mentions = sorted(draft.mentions, key=lambda item: item[0])
        # a title another one of the person's completes says nothing more ("Ambassador" beside "Ambassador of Russia")
        titles = tuple(t for t in draft.titles if not any(other.startswith(f"{t} ") for other in draft.titles))
        people.append(Person(name=draft.name(), key=draft.key, titles=titles,
                             mentions=tuple(_mention(text, span) for _, span in mentions)))
    return tuple(people)


def _with_addresses_merged(drafts: list[_PersonDraft], text: str) -> list[_PersonDraft]:
    """A given name and a patronymic address a person named before ("Labor Minister Marianna Shchetkina ... - Marianna
    Nikolaevna, what about jobs?"): the only other person with that given name. A man's patronymic (-ovich, -evich)
    is also a surname's ending (Myasnikovich), so it counts only where every mention stands in a question."""
    merged = []
    for draft in drafts:
        parts = name_parts(draft.names[0])
        target = None
        if len(parts) == 2 and not draft.titles and (_FEMALE_PATRONYMIC.search(parts[1]) or (
                _MALE_PATRONYMIC.search(parts[1])
                and all("?" in text[span.start_char:_line_end(text, span.end_char)] for _, span in draft.mentions))):
            namesakes = [d for d in drafts if d is not draft and name_parts(d.names[0])[0] == parts[0]
                         and len(name_parts(d.names[0])) > 1]
            target = namesakes[0] if len(namesakes) == 1 else None
        if target is None:
            merged.append(draft)
        else:
            target.mentions.extend(draft.mentions)
    return merged


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def _attach_bare_surnames(doc: Doc, spans: list[Span], by_surname: dict[str, _PersonDraft]) -> None:
    """A capitalised surname the model left untagged is still a mention of the person ("Zaslonov's"), unless the
    model reads it as part of another kind of name ("Hearst" the company, "The Cosby Show")."""
    surnames = {name_parts(draft.names[0])[-1]: draft for draft in by_surname.values()}
    words = texts(doc)
    found = list(compress(range(len(words)), map(surnames.__contains__, words)))  # where a surname is written
    if not found:
        return
    covered = {index for span in spans for index in range(span.start, span.end)}
    person = doc.vocab.strings["PERSON"]
    for index in found:
        # the model's entity kind of the word: none or a person's
        if index not in covered and doc[index].ent_type in (0, person) and not _in_longer_name(doc[index]):
            surnames[words[index]].mentions.append((index, doc[index:index + 1]))


def _in_longer_name(token) -> bool:
    """The word runs on into a capitalised word ("Cosby Show", "Dow Jones", "Campbell Soup") or is a quoted title
    ("reruns of "Cosby"")."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    quoted = token.i > 0 and doc[token.i - 1].is_quote and after is not None and after.is_quote
    return quoted or (after is not None and after.is_title and not after.is_sent_start)


def _attach_references(doc: Doc, spans: list[Span], drafts: list[_PersonDraft], catalog: Catalog) -> None:
    """ "the governor" -> the person last named with a Governor title, else the office's holder named before it
    without the title ("Aleksandr Lukashenko ... the president said", though a President of Kazakhstan is named
    later), else the one named after it."""
    for span in spans:
        if span.label != REFERENCE_ID:
            continue
        title = span.id_
        titled = [d for d in drafts if any(_holds(t, title) for t in d.titles)]
        keys = {person_key(holder, catalog.given_names) for office, holder in catalog.office_holders.items()
                if _holds(office, title)}
        officials = [d for d in drafts if d.key in keys]
        holders = next((found for found in (_named_before(titled, span.start), _named_before(officials, span.start),
                                            titled, officials) if found), None)
        if holders:
            _nearest_before(holders, span.start).mentions.append((span.start, span))


def _holds(held: str, title: str) -> bool:
    """'President of Belarus' answers to 'the president'; 'President' answers to 'the head of state'."""
    return held == title or held.startswith(title + " ") or title.startswith(held + " of ")


def _named_before(drafts: list[_PersonDraft], position: int) -> list[_PersonDraft]:
    return [draft for draft in drafts if any(index < position for index, _ in draft.mentions)]


def _nearest_before(drafts: list[_PersonDraft], position: int) -> _PersonDraft:
    def last_before(draft: _PersonDraft) -> int:
        return max((index for index, _ in draft.mentions if index < position), default=-1)
    return max(drafts, key=last_before)
