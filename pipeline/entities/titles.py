"""The titles written around a person's name, normalised ("Kirov Oblast Governor X" -> "Governor of Kirov Oblast").

Three shapes are read, all within the name's sentence:
  MODIFIER TITLE Name     "Belarusian President X", "BMZ Director General X", "Industry Minister X"
  TITLE of [the] ORG Name "Director General of MTZ X"
  Name, [the] TITLE [of [the] ORG]   "X, the Chairman of the Gomel Oblast Executive Committee"
A diplomat's post follows the title: "to" or "in" a place before the name ("Ambassador of China to Belarus X",
"Consul General of Russia in Brest X"), "to" a place after it ("X, Ambassador of Russia to Belarus").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from pipeline.entities.catalog import (CITY, COUNTRY, DISTRICT, ENTERPRISE, HOME_COUNTRY, LABEL_IDS, ORG_GOVERNMENT,
                                      ORG_INTERNATIONAL, ORG_OTHER, PERSON_ID, REFERENCE_ID, REGION, REGION_LABELS,
                                      Catalog, Title)
from pipeline.entities.tokens import sentence_bounds, texts


# A modifier that is a plain word only makes sense for ministers ("Industry Minister" = "Minister of Industry").
PLAIN_MODIFIER_TITLES = ("Minister", "Deputy Minister", "First Deputy Minister", "Acting Minister")
# The chairman of an oblast executive committee is the oblast's governor.
EXECUTIVE_CHAIRMAN = re.compile(r"^Chairman of (?:the )?(?P<region>(?:[A-Z][\w'-]* )+Oblast) Executive Committee$")
_FORM_WORD = re.compile(r"[^\s-]+|-")
NAMED_LABELS = frozenset(LABEL_IDS[label] for label in (COUNTRY, REGION, DISTRICT, CITY, ENTERPRISE, ORG_GOVERNMENT,
                                                     ORG_INTERNATIONAL, ORG_OTHER))  # by their ids (`LABEL_IDS`)


class TitleReader:
    """Reads titles next to person spans of one Doc, given its entity spans indexed by token offsets."""

    def __init__(self, doc: Doc, spans: list[Span], catalog: Catalog) -> None:
        self.doc = doc
        self.catalog = catalog
        self.starts, self.ends = sentence_bounds(doc)
        self.words = texts(doc)  # read rather than Tokens, which are made anew on every look
        self.ending_at: Mapping[int, Span] = {span.end: span for span in spans if span.label in NAMED_LABELS}
        self.starting_at: Mapping[int, Span] = {span.start: span for span in spans if span.label in NAMED_LABELS}
        self.people_starts = frozenset(span.start for span in spans if span.label == PERSON_ID)
        self.people_ends = frozenset(span.end for span in spans if span.label == PERSON_ID)
        self.references_at = {span.start: span.end for span in spans if span.label == REFERENCE_ID}
        self.ending_with, self.starting_with = _title_forms(catalog.titles)

    def titles(self, person: Span) -> list[str]:
        found = [title for title in (self._before(person), self._after(person)) if title]
        for title in list(found):
            if match := EXECUTIVE_CHAIRMAN.match(title):
                found.append(f"Governor of {match['region']}")
        return found

    def _before(self, person: Span) -> str | None:
        return self._title_before(person.start, self.starts[person.start])

    def _title_before(self, end: int, floor: int, *, posted: bool = False) -> str | None:
        """The title ending at `end`; one with a post after it when not `posted` ("Ambassador of China to Belarus X",
        "Belarusian Ambassador to Russia X", "Consul General of Russia in Brest X")."""
        owned = self._owned_title_before(end, floor) or self._minister_of_field_before(end, floor)
        if owned is not None:
            return owned
        matched = self._title_ending_at(end, floor)
        if matched is None:
            post = self.ending_at.get(end)
            if posted or post is None or post.label_ not in REGION_LABELS or post.start - 1 <= floor \
                    or self.doc[post.start - 1].lower_ not in ("to", "in"):
                return None
            title = self._title_before(post.start - 1, floor, posted=True)
            return f"{title} {self.doc[post.start - 1].lower_} {post.id_}" if title else None
        start, title = matched
        if (serving := self._serving(start, floor, title)) != title:
            return serving
        title, modifier = self._modifier_before(start, floor, title)
        return f"{title} of {modifier}" if modifier else title

    def _serving(self, start: int, floor: int, title: str) -> str:
        """The title starting at `start`, or the title of one serving its holder written before it ("Press Secretary
        of the President X", "Aide to the President of Belarus X")."""
        doc = self.doc
        if start - 2 > floor and doc[start - 1].lower_ == "the" and doc[start - 2].lower_ in ("of", "to") \
                and (outer := self._title_ending_at(start - 2, floor)) is not None:
            return f"{outer[1]} {doc[start - 2].lower_} the {title}"
        return title

    def _owned_title_before(self, end: int, floor: int) -> str | None:
        """'TITLE of [the Board of] [the] ORG Name': the owner is an entity that ends where the name starts
        ("Minister of Lands, Agriculture and Rural Development of Zimbabwe X")."""
        entity = self.ending_at.get(end)
        if entity is None:
            return None
        doc, position = self.doc, entity.start
        legal_form = position - 1 > floor and doc[position - 1].text in self.catalog.legal_forms
        position -= legal_form  # "Director General of OJSC Belaruskali X": the owner is the company
        for _ in range(3):  # "of the Board of the National Bank": a few intermediate "of" phrases
            if position - 1 > floor and doc[position - 1].lower_ == "the":
                position -= 1
            if position - 1 <= floor or doc[position - 1].lower_ != "of":
                return None
            matched = self._title_ending_at(position - 1, floor)
            if matched is not None:
                start, title = matched
                if title in PLAIN_MODIFIER_TITLES:  # "Education Minister of Belarus X", "Deputy Energy Minister of
                    # Russia X"
                    field, title = self._rank_opening(self._field_start(start, floor), start, floor, title)
                    if field < start:
                        title = f"{title} of {doc[field:start].text}"
                # a place by its canonical name ("President of the Republic of Belarus" is "President of Belarus"),
                # unless that one is written with "the" ("of the Republic of Tatarstan")
                owner = entity.id_ if entity.label_ in REGION_LABELS and entity.start - position <= 1 \
                    and not entity.id_.startswith(("Republic of", "United")) \
                    else doc[position + (legal_form and position == entity.start - 1):entity.end].text
                return self._serving(start, floor, f"{title} of {owner}")
            position -= 1
            while position - 1 > floor and _field_part(doc[position - 1]):
                position -= 1
        return None

    def _minister_of_field_before(self, end: int, floor: int) -> str | None:
        """'Minister of FIELD Name': a minister's field needs no listed body ("Minister of Economy X", "Deputy
        Minister of Antimonopoly Regulation and Trade X"), as it needs none before the title ("Economy Minister")."""
        first = self._field_start(end, floor)
        if first == end or first - 1 <= floor or self.doc[first - 1].lower_ != "of":
            return None
        matched = self._title_ending_at(first - 1, floor)
        if matched is None or matched[1] not in PLAIN_MODIFIER_TITLES:
            return None
        return f"{matched[1]} of {self.doc[first:end].text}"

    def _after(self, person: Span) -> str | None:
        """'Name, [the] [MODIFIER] TITLE [of [the Board of] [the] ORG]'."""
        doc, position = self.doc, person.end
        ceiling = self.ends[person.start]
        if position >= ceiling or doc[position].text != ",":
            return None
        position += 1
        reference_end = self.references_at.get(position, position)
        if position < ceiling and doc[position].lower_ in ("the", "a"):
            position += 1
        modifier = None
        entity = self.starting_at.get(position)
        if entity is not None:
            modifier = entity.id_ if entity.label_ in REGION_LABELS else entity.text
            position = entity.end
        elif position < ceiling and (country := self.catalog.country_adjectives.get(doc[position].lower_)):
            modifier, position = country, position + 1
        matched = self._title_starting_at(position, ceiling)
        if matched is None or matched[0] < reference_end:
            return None  # no title, or one a reference to someone else opens ("According to X, the head of state")
        position, title = matched
        if modifier:
            title = f"{title} of {modifier}"
        elif owner := self._owner_after(position, ceiling):
            title, position = f"{title} of {owner[0]}", owner[1]
        # "X, Ambassador of Russia to Belarus"; not "in": "X, Director of MTZ, in Minsk" is where X spoke
        post = self.starting_at.get(position + 1) if position < ceiling else None
        if post is not None and post.label_ in REGION_LABELS and self.doc[position].lower_ == "to":
            title, position = f"{title} to {post.id_}", post.end
        # "X, Chairman of the National Bank Y and ...": a title right before another name is that person's
        return None if position in self.people_starts else title

    def _owner_after(self, position: int, ceiling: int) -> tuple[str, int] | None:
        """The text of 'of [the] [Board of [the]] ORG' starting at `position`, up to the organisation's end, and that
        end."""
        doc, start = self.doc, position + 1
        for _ in range(3):
            if position >= ceiling or doc[position].lower_ != "of":
                return None
            position += 1
            if position < ceiling and doc[position].lower_ == "the":
                position += 1
            entity = self.starting_at.get(position)
            if entity is not None:
                return doc[start:entity.end].text, entity.end
            while position < ceiling and _field_part(doc[position]):
                position += 1
        return None

    def _title_ending_at(self, end: int, floor: int) -> tuple[int, str] | None:
        if end <= floor:
            return None
        for words, title in self.ending_with.get(self.words[end - 1].lower(), ()):
            start = end - len(words)
            if start >= floor and tuple(map(str.lower, self.words[start:end])) == words \
                    and self.words[start].istitle():
                return start, title
        return None

    def _title_starting_at(self, start: int, ceiling: int) -> tuple[int, str] | None:
        if start >= ceiling:
            return None
        for words, title in self.starting_with.get(self.words[start].lower(), ()):
            end = start + len(words)
            if end <= ceiling and tuple(map(str.lower, self.words[start:end])) == words:
                return end, title
        return None

    def _modifier_before(self, start: int, floor: int, title: str) -> tuple[str, str | None]:
        """The title and what it belongs to, written before it: a region or organisation, a country adjective,
        or for ministers the field ("Agriculture and Food Minister"), after the rank that opens it ("Deputy Finance
        Minister": Deputy Minister of Finance)."""
        if start <= floor:
            return title, None
        entity = self.ending_at.get(start)
        if entity is not None:
            return title, entity.id_ if entity.label_ in REGION_LABELS else entity.text
        word = self.doc[start - 1]
        country = self.catalog.country_adjectives.get(word.lower_)
        if word.lower_ in ("'s", "’s") and (owner := self.ending_at.get(start - 1)) is not None \
                and owner.label_ == COUNTRY:
            country = owner.id_  # "Russia's Prime Minister"
        if country is not None:
            # Belarus's own ministers go without their country, as its ministries do: "Belarusian Foreign Minister"
            return title, None if country == HOME_COUNTRY and " of " in title else country
        if title not in PLAIN_MODIFIER_TITLES:
            return title, None
        first = self._field_start(start, floor)
        rank, ranked = self._rank_opening(first, start, floor, title)
        if rank == start:
            return title, None
        # "Russian Agriculture Minister": the field, then the country
        country = self.catalog.country_adjectives.get(self.doc[first - 1].lower_) if first > floor else None
        field = self.doc[rank:start].text
        return ranked, f"{field} of {country}" if country and country != HOME_COUNTRY else field

    def _rank_opening(self, first: int, start: int, floor: int, title: str) -> tuple[int, str]:
        """Where a minister's field starting at `first` starts after the rank it opens with, and the title with that
        rank ("First Deputy" before "Industry Minister": First Deputy Minister; "First" is a stop word, so the
        field may start after it)."""
        words = tuple(title.lower().split())
        for form, ranked in self.ending_with.get(words[-1], ()):  # longest first
            length = len(form) - len(words)
            if length <= 0 or ranked not in PLAIN_MODIFIER_TITLES or form[length:] != words:
                continue
            for begin in (first, first - 1):
                if floor <= begin and first < begin + length < start \
                        and tuple(map(str.lower, self.words[begin:begin + length])) == form[:length]:
                    return begin + length, ranked
        return first, title

    def _field_start(self, end: int, floor: int) -> int:
        """Where the capitalised words of a minister's field ending at `end` start ("Agriculture and Food"); a
        country's adjective is no part of it, nor is a person's name or what comes before it ("Artur Karpovich and
        Minister ...", "Industry Minister Vitaly Vovk and Deputy Industry Minister ...")."""
        words = self.words
        if end - 1 >= floor and words[end - 1].lower() == "and":
            return end
        first = end
        while first - 1 >= floor and _field_word(words[first - 1]) and first not in self.people_ends \
                and words[first - 1].lower() not in self.catalog.country_adjectives:
            first -= 1
        while first < end and words[first].lower() == "and":
            first += 1
        return first


FormIndex = dict[str, list[tuple[tuple[str, ...], str]]]


# Each catalog's index of its titles' forms, by the identity of its titles (hashing them, as `functools.cache` would
# on every Doc, cost more than reading the Doc's titles); the titles are kept with it, so no other takes their id.
_FORM_INDEXES: dict[int, tuple[tuple[Title, ...], tuple[FormIndex, FormIndex]]] = {}


def _title_forms(titles: tuple[Title, ...]) -> tuple[FormIndex, FormIndex]:
    kept = _FORM_INDEXES.get(id(titles))
    if kept is None:
        kept = _FORM_INDEXES[id(titles)] = (titles, _index_title_forms(titles))
    return kept[1]


def _index_title_forms(titles: tuple[Title, ...]) -> tuple[FormIndex, FormIndex]:
    """The lower-case words of every title's forms, longest first, by their last and by their first word; a hyphen
    is a word of its own, as the tokenizer splits "Secretary-General"."""
    forms = sorted(((tuple(_FORM_WORD.findall(form.lower())), title.title) for title in titles for form in title.forms),
                   key=lambda item: -len(item[0]))
    ending_with: FormIndex = {}
    starting_with: FormIndex = {}
    for words, title in forms:
        ending_with.setdefault(words[-1], []).append((words, title))
        starting_with.setdefault(words[0], []).append((words, title))
    return ending_with, starting_with


def _field_word(word: str) -> bool:
    return (word.istitle() and word.isalpha() and word.lower() not in STOP_WORDS) or word.lower() == "and"


def _field_part(token) -> bool:
    """A word of what lies between a title and its owner: "Lands, Agriculture and Rural Development"."""
    return (token.is_title and token.lower_ != "of") or token.lower_ == "and" or token.text == ","
