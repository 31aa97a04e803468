"""`belta_entity_ruler`: gazetteers and rules decide which spans are people, regions and organisations.

The statistical model proposes (its PERSON, GPE and ORG entities); the component decides. Gazetteer
phrases (matched on lower-case forms with one `PhraseMatcher`) and token rules (one
`Matcher`) are compiled once when the pipeline is built. For each Doc the component keeps
non-overlapping spans, longest first (an enterprise or organisation extended by a name tail such as
"named after S.M. Kirov"), in the span group `belta_entities`: label = `Label`,
`id_` = canonical name, `kb_id_` = ISO code (or country code) for regions. The model's PERSON
entities fill the gaps the rules leave, its GPE entities no list knows become settlements, and its
ORG entities no list or rule covers are read by their words (`ModelOrganizations`). `doc.ents` is
left alone (other stages read the model's MONEY and DATE entities). `doc._.belta_data_dir` names the data
folder the spans come from ("" for the installed data) and `doc._.belta_catalog` gives its catalog: a
getter, loaded once per process (`catalog_for`), so that the Doc holds a string, not the catalog, and pickles.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from itertools import compress

from spacy.attrs import IDX, SENT_START
from spacy.lang.en.lex_attrs import like_num
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from pipeline import resources
from pipeline.entities.catalog import (CITY, COUNTRY_ID, ENTERPRISE, ENTERPRISE_ID, HOME_COUNTRY, LABEL_IDS, NAME_TAIL,
                                      ORG_GOVERNMENT, ORGANIZATION_IDS, ORGANIZATION_LIKE_IDS, PERSON, PERSON_ID,
                                      REFERENCE, REFERENCE_ID, REGION, REGION_IDS, REGION_LABELS, SKIP, SKIP_ID,
                                      VENUE_KINDS, Catalog, Entry, Label, load_catalog)
from pipeline.entities.names import PATRONYMIC, clean_person_span, person_name_patterns
from pipeline.entities.organizations import LEGAL_TAILS, ModelOrganizations, common_words
from pipeline.entities.rule_matcher import RuleMatcher
from pipeline.entities.subdivisions import SUBDIVISION_WORDS, subdivision_code, subdivision_index
from pipeline.doctext import doc_text
from pipeline.entities.tokens import WordMemo, texts
from pipeline.entities.rules import normalize_match

SPANS_KEY = "belta_entities"
_NOT_TAKING = REGION_IDS | {SKIP_ID}  # labels of spans that leave their words to a model organisation
CATALOG_ATTR = "belta_catalog"
DATA_DIR_ATTR = "belta_data_dir"
# Higher wins between spans of the same length: gazetteer over rule over the model. A company word
# ("KazAgroFinance") is weaker evidence than a person's name, stronger than the model's guess of a place.
GAZETTEER, RULE, PERSON_RULE, COMPANY_WORD, MODEL = 4, 3, 2, 1, 0
# A name before them names no one person: a family ("the Radziwill family"), a mine or a deposit named with an
# adjective ("the Darasinsky mine", "the Nezhinsky mining complex")
_NOT_PERSON_AFTER = frozenset({"family", "families", "dynasty", "clan", "mine", "mines", "mining", "deposit",
                               "deposits", "quarry"})


@Language.factory("belta_entity_ruler", default_config={"data_dir": "", "spans_key": SPANS_KEY},
                  assigns=["doc.spans", f"doc._.{DATA_DIR_ATTR}"], requires=["doc.ents"])
def make_entity_ruler(nlp: Language, name: str, data_dir: str, spans_key: str) -> EntityRuler:
    """`data_dir` empty: the installed data (pipeline/resources.py)."""
    return EntityRuler(nlp, catalog=catalog_for(data_dir), spans_key=spans_key, data_dir=data_dir)


@cache
def catalog_for(data_dir: str) -> Catalog:
    """The catalog of a data folder ("" for the installed data), read once per process."""
    return load_catalog(resources.data_dir(data_dir))


def _doc_catalog(doc: Doc) -> Catalog | None:
    data_dir = doc._.get(DATA_DIR_ATTR)
    return None if data_dir is None else catalog_for(data_dir)


class EntityRuler:
    def __init__(self, nlp: Language, *, catalog: Catalog, spans_key: str, data_dir: str = "") -> None:
        """`data_dir` is where `catalog` was read from ("" for the installed data)."""
        if not Doc.has_extension(DATA_DIR_ATTR):
            Doc.set_extension(DATA_DIR_ATTR, default=None)
        if not Doc.has_extension(CATALOG_ATTR):
            Doc.set_extension(CATALOG_ATTR, getter=_doc_catalog)
        for label in Label:  # the helpers give and compare the labels by their ids (`LABEL_IDS`)
            nlp.vocab.strings.add(label)
        self.catalog = catalog
        self.data_dir = data_dir
        self.spans_key = spans_key
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.entries = {}
        self.places = {form.lower(): entry for entry in catalog.entries if entry.label in REGION_LABELS
                       for form in entry.forms}
        self.subdivisions = subdivision_index()  # ISO 3166-2 codes of regions no list knows ("X Province")
        for entry in catalog.entries:
            key = f"{entry.label.value}\t{entry.name}"
            self.entries[nlp.vocab.strings.add(key)] = entry
            self.phrases.add(key, [nlp.make_doc(form) for form in entry.forms])
        self.patterns = {f"rule{number}": pattern for number, pattern in enumerate(catalog.patterns)}
        self.rules = RuleMatcher([*((key, pattern.tokens) for key, pattern in self.patterns.items()),
                                  *((f"person_name{number}", tokens) for number, tokens
                                    in enumerate(person_name_patterns(catalog.given_names)))])
        self.title_words = {word.lower() for title in catalog.titles for form in title.forms
                            for word in form.split()}
        self.title_heads = {form.split()[-1] for title in catalog.titles for form in title.forms}
        self.thing_words = catalog.non_person_words | catalog.one_word_names
        # words that never stand alone for a company named with them (`_short_names`)
        self.not_short = self.thing_words | catalog.given_names.keys() | catalog.country_adjectives.keys()
        self.company_words = CompanyWords(catalog.company_words)
        # whether a word reads as a number or holds a digit (no person's name does: "Br520"), kept for each word
        self.numeric = WordMemo(lambda word: like_num(word) or any(c.isdigit() for c in word))
        self.company_heads = {word.lower() for kind in ("part", "tail") for word in catalog.company_words[kind]}
        # countries of one word a government body may belong to, other than Belarus, whose bodies are the listed ones
        self.countries = frozenset(country for country in catalog.country_adjectives.values()
                                   if " " not in country and country != "Belarus")
        self.model_organizations = ModelOrganizations(catalog.organization_words, title_heads=self.title_heads,
                                                      adjectives=set(catalog.country_adjectives),
                                                      common_nouns=frozenset(self.company_heads)
                                                      | catalog.non_person_words,
                                                      currency_codes=catalog.currency_codes,
                                                      title_forms=frozenset(form.lower() for title in catalog.titles
                                                                            for form in title.forms))

    def _foreign_owner(self, words: Sequence[str], start: int, end: int, entry: Entry) -> str | None:
        """The country whose body a listed Belarusian government body written at start..end is, when one is named
        before it with "'s" ("Russia's Agriculture Ministry"). A listed body whose names say it is another country's
        keeps its name. (Not "the Industry Ministry of Russia": taking the country into the name cost OntoNotes dev a
        place mention in each split.)"""
        if start < 2 or words[start - 1] not in ("'s", "’s") or words[start - 2] not in self.countries:
            return None
        country = words[start - 2]
        foreign = any(form.endswith(f" of {other}") for form in (entry.name, *entry.aliases) for other in self.countries)
        return None if foreign else country

    def __call__(self, doc: Doc) -> Doc:
        words = texts(doc)
        lower_case = common_words(words)
        ents = list(doc.ents)  # `doc.ents` makes new Spans on every call
        labelled = list(zip(ents, [ent.label_ for ent in ents]))  # and `Span.label_` decodes a new str on every read
        # texts sliced from the Doc's (`Span.text` makes a Token per word)
        text = doc_text(doc)
        idx = doc.to_array(IDX).tolist()
        # the first token of each sentence, read once (`Token.is_sent_start` makes a Token per look); the component
        # changes them last (`_no_sentence_starts_inside`)
        firsts = (doc.to_array(SENT_START) == 1).nonzero()[0].tolist()
        opening = frozenset(firsts)

        def written(start: int, end: int) -> str:
            return text[idx[start]:idx[end - 1] + len(words[end - 1])]

        ent_texts = [text[ent.start_char:ent.end_char] for ent in ents]
        candidates: list[tuple[Span, int]] = []
        tails: dict[int, int] = {}  # where a name tail starts -> where it ends
        for match_id, start, end in self.phrases(doc):
            entry = self.entries[match_id]
            phrase = written(start, end)
            if _brand(phrase, entry, words, end):  # the model's ORG is hidden under it too
                candidates.append((_span(doc, start, end, SKIP, entry.name), GAZETTEER))
                continue
            if _written_as_name(phrase, entry) or self._place_led(doc[start:end], entry):
                country = self._foreign_owner(words, start, end, entry) if entry.label is ORG_GOVERNMENT else None
                if country is not None:  # "Russia's Agriculture Ministry": Russia's, not the listed Belarusian one
                    candidates.append((_span(doc, start, end, entry.label, f"{entry.name} of {country}"), GAZETTEER))
                    continue
                candidates.append((_span(doc, start, end, entry.label, entry.name, _region_code(entry)),
                                   GAZETTEER))
        candidates += [(_span(doc, start, end, SKIP, written(start, end)), GAZETTEER)
                       for start, end in _quoted_works(words, self.catalog.work_words)]
        for key, start, end in self.rules(doc, words):
            if key.startswith("person_name"):  # the given-name rules; a third word is no name when it names a thing
                # or opens a title ("appointed Igor Petrishenko Deputy Prime Minister", "Vladimir Zinovsky Minister
                # of Economy"; not "Martin Luther King said")
                last = words[end - 1].lower()
                end -= end - start == 3 and (last in self.thing_words or (
                    last in self.title_words and end < len(words)
                    and (words[end] == "of" or words[end].lower() in self.title_words)))
                candidates.append((_span(doc, start, end, PERSON, written(start, end)), PERSON_RULE))
                continue
            pattern = self.patterns[key]
            if pattern.label is NAME_TAIL:
                tails[start] = max(end, tails.get(start, end))
                continue
            if pattern.normalizer == "place_led" and words[start].lower() not in self.places:
                continue
            if pattern.normalizer == "after_noun" and words[start].lower() not in self.catalog.country_adjectives:
                continue
            found = normalize_match(doc[start:end], pattern.normalizer, self.catalog.country_adjectives,
                                    self.catalog.ministry_fields)
            if found is not None:
                code = found.country or (subdivision_code(found.name, self.subdivisions) or ""
                                         if pattern.label is REGION else "")
                candidates.append((_span(doc, found.span.start, found.span.end, pattern.label, found.name, code),
                                   RULE))
        candidates += [(_span(doc, start, end, ENTERPRISE, " ".join(written(start, end).split())), COMPANY_WORD)
                       for start, end in self.company_words(doc, words)]
        candidates += self._names_after_titled_places(doc, words, opening, written, candidates)
        for ent, label in labelled:
            if label == "PERSON" and (person := clean_person_span(words, ent.start, ent.end,
                                                                       self.title_words)) is not None \
                    and (person[1] == len(words) or words[person[1]] not in _NOT_PERSON_AFTER):
                candidates.append((_span(doc, *person, PERSON, written(*person)), MODEL))
        candidates = self._with_person_evidence(words, written,
                                                _trim_person_heads(candidates, self.catalog.given_names))
        # The model also reads some people's names as places ("According to Kulesh") or organisations ("Sokolov
        # said"): a person's name or surname is the person, unless the model reads it as an organisation or a place
        # more often than as a person in the article ("Hearst" and "Buick", companies named after their founders;
        # "Houston" the city beside a Mr. Houston).
        people = [(text[span.start_char:span.end_char], words[span.end - 1], source) for span, source in candidates
                  if span.label == PERSON_ID]
        names = {name_or_surname for name, surname, _ in people for name_or_surname in (name, surname)}
        readings = Counter(zip(ent_texts, (label for _, label in labelled)))
        # an organisation's longer name read in the article is a reading of the words it opens with ("Lentjes AG",
        # "Gitano Group Inc.": "Lentjes" and "Gitano" are the companies)
        readings.update((" ".join(words[ent.start:end]), "ORG") for ent, label in labelled if label == "ORG"
                        for end in range(ent.start + 1, ent.end))
        readings.update((name_or_surname, "PERSON") for name, surname, source in people
                        for name_or_surname in {name, surname} if source != MODEL or name_or_surname != name)
        person_names = {name for name in names
                        if max(readings[(name, "ORG")], readings[(name, "GPE")]) <= readings[(name, "PERSON")]}
        candidates = [(_span(doc, span.start, span.end, ENTERPRISE, as_written), source)
                      if source == MODEL and span.label == PERSON_ID
                      and (as_written := text[span.start_char:span.end_char]) not in person_names
                      else (span, source) for span, source in candidates]
        given_named = [(span.start, span.end) for span, source in candidates if source == PERSON_RULE]
        for ent, label in labelled:
            if label != "GPE" or (place := _place_name(words, ent.start, ent.end)) is None:
                continue
            first, stop = place
            place_text = written(first, stop)
            if place_text.lower() in self.catalog.country_adjectives:
                continue
            if place_text in person_names:  # "According to Kulesh"
                candidates.append((_span(doc, first, stop, PERSON, place_text), MODEL))
                continue
            if any(first <= start and end <= stop for start, end in given_named):
                continue  # "built by Prince Yuri Ilyinich": a given name and a surname are no place
            # a listed place whose last dot the tokenizer split off ("in the U.S.." at a sentence's end); else a
            # settlement
            entry = self.places.get(place_text.lower()) or self.places.get(place_text.lower() + ".")
            if entry is None and words[stop - 1].lower() in self.catalog.state_words:
                continue  # a state no list knows, or one described ("the Islamic Republic"), is no settlement
            label, name, code = (entry.label, entry.name, _region_code(entry)) if entry else (CITY, place_text, "")
            if entry is None and (subdivision := self._subdivision_named(words, first, stop)):
                label, code = REGION, subdivision  # "Kaduna State", "the state of Barinas"
            candidates.append((_span(doc, first, stop, label, name, code), MODEL))
        # A place before a currency's name is no mention ("Taiwan dollars"), nor is one inside a longer name the
        # model reads as an area, a river or a facility ("Southern California", "the Mississippi River").
        # (the area's "the" aside: "the Rechitsa District" is the district; one ending with a title is the title of a
        # place's office: "was appointed Vitebsk Oblast Governor")
        areas = [(ent.start + (words[ent.start].lower() == "the"), ent.end) for ent, label in labelled
                 if label in ("LOC", "FAC") and words[ent.end - 1] not in self.title_heads]
        candidates = [(span, source) for span, source in candidates if not (span.label in REGION_IDS and (
            (span.end < len(words) and words[span.end].lower() in self.catalog.currency_words)
            or any(start <= span.start and span.end <= end and end - start > len(span) for start, end in areas)))]
        candidates = _with_hyphenated_ends(words, _trim_before_names(_without_false_joins(words, candidates),
                                                                       self.catalog.given_names))
        candidates += self._organization_proposals(doc, labelled, lower_case, candidates, tails, person_names)
        candidates += _bracketed_abbreviations(doc, words, candidates)
        candidates += self._short_names(doc, words, opening, lower_case, labelled, candidates)
        candidates = self._with_parent_bodies(doc, words, opening, _with_tails(_without_legal_forms(
            _with_home_country(doc, words, candidates)), tails))
        names = self._units_of_lists(doc, words, idx, _with_places_in_references(_longest_first(candidates),
                                                                                candidates))
        doc.spans[self.spans_key] = names
        _no_sentence_starts_inside(doc, firsts, names)
        doc._.set(DATA_DIR_ATTR, self.data_dir)
        return doc

    def _units_of_lists(self, doc: Doc, words: list[str], idx: list[int], names: list[Span]) -> list[Span]:
        """Places listed before a plural unit are each that unit ("in Pinsk, Luninets and Stolin districts", "Brest
        and Grodno oblasts"): the listed district or oblast of that name, where the lists know one. `idx` are the
        words' character offsets."""
        ending_at = {span.end: index for index, span in enumerate(names)}
        for unit in _PLURAL_UNIT.finditer(doc_text(doc)):
            position = bisect.bisect_left(idx, unit.start())
            if position == len(idx) or idx[position] != unit.start():
                continue
            suffix = _PLURAL_UNITS[unit.group().lower()]
            listed, end = [], position
            while (index := ending_at.get(end)) is not None and names[index].label in REGION_IDS:
                listed.append(index)
                end = start = names[index].start
                if start > 0 and words[start - 1] == ",":
                    end -= 1
                if end > 0 and words[end - 1] == "and":
                    end -= 1 + (end > 1 and words[end - 2] == ",")
                if end == start:
                    break
            if len(listed) < 2:
                continue
            for index in listed:
                span = names[index]
                entry = self.places.get(f"{span.text.lower()} {suffix}")
                if entry is not None:
                    names[index] = _span(doc, span.start, span.end, entry.label, entry.name, _region_code(entry))
        return names

    def _with_person_evidence(self, words: list[str], written: Callable[[int, int], str],
                              candidates: list[tuple[Span, int]]) -> list[tuple[Span, int]]:
        """The model's PERSON span stays a person unless its words say it names a thing: a word of a thing's name
        ("Bank", "Krai", "Order", a listed place or organisation: `thing_words`), unless it starts with a known
        given name or holds a patronymic; a name ending with a company word part or tail is a company ("Altyn
        Dala Agro"). One word needs no more evidence than the model's: OntoNotes newswire writes most people
        by surname alone ("Mr. Hahn", "Bush")."""
        kept = []
        for span, source in candidates:
            if source == MODEL and span.label == PERSON_ID and not self._person_like(words[span.start:span.end]):
                if len(span) > 1 and words[span.end - 1].lower() in self.company_heads:  # "Altyn Dala Agro"
                    name = " ".join(written(span.start, span.end).split())
                    kept.append((_span(span.doc, span.start, span.end, ENTERPRISE, name), MODEL))
                continue
            kept.append((span, source))
        return kept

    def _person_like(self, name: list[str]) -> bool:
        """Whether the words of a name (as the Tokens' flags read them) may name a person."""
        if any(self.numeric[word] for word in name):
            return False  # "Br520"
        if name[0].lower() in self.catalog.given_names or any(PATRONYMIC.match(word) for word in name):
            return True
        if len(name) == 1 and name[0].lower() in self.catalog.country_adjectives:
            return False  # "Kazakh"
        return not any(word.lower() in self.thing_words for word in name)

    def _with_parent_bodies(self, doc: Doc, words: list[str], opening: frozenset[int],
                            candidates: list[tuple[Span, int]]) -> list[tuple[Span, int]]:
        """A unit written before "of [the] BODY" is one organisation with the body ("Board of the National Bank of
        Belarus", "International Department of the Central Committee of the Communist Party of China", the older
        "economy committee of the Gomel oblast executive committee"): the conventions count the longest name only.
        The unit is a unit word (body_units.tsv) after words written like it: capitalised, or in lower case with
        at least one word before it ("the committee of ..." is no name)."""
        starts = {span.start for span, _ in candidates}
        extended = []
        for span, source in candidates:
            while span.label in ORGANIZATION_IDS and (
                    unit := self._unit_before(words, opening, span.start, span.end)) is not None:
                # a body read across "and" into another name ("the National Academy of Sciences and Tianyuan
                # Pharmaceutical Group") is a list, no parent
                if any(words[i] == "and" and i + 1 in starts for i in range(span.start + 1, span.end - 1)):
                    break
                the = "the " if words[span.start - 1].lower() == "the" else ""
                name = " ".join(word.title() if word.islower() and word not in STOP_WORDS else word
                                for word in words[unit[0]:unit[1]])
                span = Span(doc, unit[0], span.end, label=span.label, span_id=f"{name} of {the}{span.id_}")
            extended.append((span, source))
        return extended

    def _unit_before(self, words: list[str], opening: frozenset[int], start: int, end: int) -> tuple[int, int] | None:
        """Where the unit written before the body at start..end starts and ends, or None. A unit in lower case
        belongs to a body also written so ("the information department of the National Bank" is a description).
        `opening`: the first words of the sentences."""
        position = start - (start > 0 and words[start - 1].lower() == "the")
        if position < 2 or words[position - 1].lower() != "of":
            return None
        head = position - 2
        # a unit named by its field: "Committee for Agriculture and Food of the Minsk Oblast Executive Committee",
        # "Main Department of Agriculture and Food of the Gomel Oblast Executive Committee"
        field = head
        while field > 0 and (words[field].lower() == "and" or (words[field].istitle() and words[field].isalpha())) \
                and words[field].lower() not in self.catalog.body_units:
            field -= 1
        if field < head and field > 0 and words[field].lower() in ("for", "on", "of") and words[field - 1].istitle():
            head = field - 1
        if words[head].lower() not in self.catalog.body_units:
            return None
        capitalised = words[head].istitle()
        first = head
        # the words before it, an "and" between two of them too ("Main Agriculture and Food Department")
        while first > 0 and first not in opening and (_unit_word(words[first - 1], capitalised) or (
                first > 1 and words[first - 1].lower() == "and" and _unit_word(words[first - 2], capitalised))):
            first -= 1
        if not capitalised and (first == head or not any(word.islower() for word in words[start:end])):
            return None
        return first, position - 1

    def _place_led(self, span: Span, entry: Entry) -> bool:
        """A listed enterprise whose name starts with a place is also written with the rest in lower case ("the
        Mozyr oil refinery")."""
        return (entry.label is ENTERPRISE and len(span) > 1 and span[0].is_title
                and span[0].lower_ in self.places and all(token.is_lower for token in span[1:]))

    def _short_names(self, doc: Doc, words: list[str], opening: frozenset[int], lower_case: frozenset[str],
                     labelled: list[tuple[Span, str]], candidates: list[tuple[Span, int]]
                     ) -> list[tuple[Span, int]]:
        """A company's first word written alone is the company ("Candela" for Candela Laser Corp., "Columbia" for
        Columbia Pictures Entertainment Inc.) where the model reads it as a name of some kind, or where it is no
        part of a run of capitalised words, starts no sentence and the article never writes it in lower case
        ("Rural Development of", "Agricultural machinery" are none);
        never when the word is a listed place, a person's name, a nationality or a generic word ("American" for
        American Express)."""
        firsts: dict[str, Span] = {}
        companies = [span for span, _ in candidates if span.label == ENTERPRISE_ID and len(span) > 1]
        if not companies:
            return []
        names = {words[span.start] for span, _ in candidates if span.label != ENTERPRISE_ID}
        for span in companies:
            word = words[span.start]
            if (word.istitle() and word.isalpha() and word.lower() not in STOP_WORDS
                    and word.lower() not in self.not_short and word.lower() not in self.places and word not in names):
                firsts.setdefault(word, span)
        covered = {index for span, source in candidates if source > MODEL for index in range(span.start, span.end)}
        covered.update(ent.start for ent, label in labelled if label == "NORP")
        named = {ent.end - 1 for ent, _ in labelled
                 if len(ent) == 1 or (len(ent) == 2 and words[ent.start].lower() == "the")}
        found = []
        for index in compress(range(len(words)), map(firsts.__contains__, words)):
            if index in covered:
                continue
            alone = (words[index].lower() not in lower_case and index not in opening and not words[index - 1].istitle()
                     and not (index + 1 < len(words) and words[index + 1].istitle()))
            if index in named or alone:
                found.append((Span(doc, index, index + 1, label=ENTERPRISE.value,
                                   span_id=firsts[words[index]].id_), RULE))
        return found

    def _subdivision_named(self, words: list[str], start: int, end: int) -> str | None:
        """The ISO 3166-2 code of a place no list knows that its words call a state, province or region ("Kaduna
        State", "the state of Barinas"), when pycountry knows one subdivision of that name."""
        if words[end - 1] in SUBDIVISION_WORDS or (start >= 2 and words[start - 1] == "of"
                                                   and words[start - 2].title() in SUBDIVISION_WORDS):
            return subdivision_code(" ".join(words[start:end]), self.subdivisions)
        return None

    def _names_after_titled_places(self, doc: Doc, words: list[str], opening: frozenset[int],
                                   written: Callable[[int, int], str], candidates: list[tuple[Span, int]]
                                   ) -> list[tuple[Span, int]]:
        """Two or three capitalised words right after a title's place ("President of Zimbabwe Emmerson Mnangagwa",
        "Minister of Lands ... of Zimbabwe Anxious Masuka", "Ambassador of Belarus to India Dmitry Ivanov") are the
        name of its holder, also when neither the model nor the given-name list knows it."""
        names = []
        # a place that opens a listed name is no title's place ("Director General of Grodno Azot Igor Liskovich")
        listed = {span.start for span, source in candidates if source == GAZETTEER and span.label not in REGION_IDS}
        for place, source in candidates:
            start, end = place.start, place.end
            if (source != GAZETTEER or place.label not in REGION_IDS or start < 2
                    or words[start - 1].lower() not in ("of", "to") or start in listed):
                continue
            heads = [i for i in range(max(0, start - _TITLE_REACH), start - 1) if words[i] in self.title_heads]
            if not heads or any(i in opening or words[i] in ".;" for i in range(heads[-1] + 1, start)):
                continue
            stop = end
            while stop < len(words) and stop - end < 3 and _name_word(words[stop], self.thing_words):
                stop += 1
            if 2 <= stop - end <= 3 and (stop == len(words) or not _name_word(words[stop], self.thing_words)):
                names.append((_span(doc, end, stop, PERSON, written(end, stop)), PERSON_RULE))
        return names

    def _organization_proposals(self, doc: Doc, labelled: list[tuple[Span, str]], lower_case: frozenset[str],
                                candidates: list[tuple[Span, int]], tails: dict[int, int],
                                person_names: set[str]) -> list[tuple[Span, int]]:
        """The model's ORG spans where no list, rule, name tail or person is, or that hold a place and more: the
        companies and bodies no list knows ("Bank Sepah", "the Organization for Cooperation between Railways",
        "Harbin Electric International"), read by `ModelOrganizations`."""
        # A place at either end of a longer ORG span is no mention ("Harbin Electric International"); other
        # names are kept.
        taken = {index for span, source in candidates
                 if (source > COMPANY_WORD and span.label not in _NOT_TAKING)
                 or span.label == PERSON_ID for index in range(span.start, span.end)}
        skipped = [(span, source) for span, source in candidates if span.label == SKIP_ID]
        places = [span for span, source in candidates if span.label in REGION_IDS]
        taken.update(index for start, end in tails.items() for index in range(start, end))
        # "the former Peski collective farm": the agro-town named elsewhere
        text = doc_text(doc)  # texts sliced from it (`Span.text` makes a Token per word)
        known = {text[span.start_char:span.end_char] for span, _ in candidates if span.label in REGION_IDS}
        proposals = []
        starting_at = {span.start: span for span, _ in candidates if span.label != SKIP_ID}
        for ent, kind in labelled:
            # A name the lists skip hides what it covers, unless the model's name holds a listed phrase and more, and
            # no venue word ("Radio Free Europe"; not "China-Belarus Industrial Park Great Stone", nor the "Joint
            # Working Group" a rule skips).
            if kind != "ORG" or not taken.isdisjoint(range(ent.start, ent.end)) or any(
                    skip.start < ent.end and ent.start < skip.end and not (
                        source == GAZETTEER and ent.start <= skip.start and skip.end <= ent.end and len(skip) < len(ent)
                        and not any(self.catalog.organization_words.get(token.lower_) in VENUE_KINDS for token in ent))
                    for skip, source in skipped):
                continue
            read = self.model_organizations(_through_of(ent, starting_at), lower_case)
            if read is None:
                continue
            span, label = read
            name = text[span.start_char:span.end_char]
            if name in known and name not in person_names:
                continue
            if name in person_names:  # "Sokolov said", "Batbold Nyamdorj noted": the person named before
                proposals.append((_span(doc, span.start, span.end, PERSON, name), MODEL))
                continue
            inside = [place for place in places if place.start < span.end and span.start < place.end]
            if inside and not _names_more_than_places(span, inside):
                continue
            proposals.append((_span(doc, span.start, span.end, label, " ".join(name.split())), MODEL))
        return proposals


def _with_home_country(doc: Doc, words: list[str], candidates: list[tuple[Span, int]]) -> list[tuple[Span, int]]:
    """A listed body followed by "of [the Republic of] Belarus" is the body ("the Investigative Committee of Belarus",
    "the Emergencies Ministry of Belarus"): the country is part of its name, no mention of its own, and a rule's
    reading of the words ("Ministry of Belarus") gives way to the list's, as long and stronger."""
    homes = {span.start: span.end for span, _ in candidates if span.label == COUNTRY_ID and span.id_ == HOME_COUNTRY}
    named = []
    for span, source in candidates:
        if source == GAZETTEER and span.label in ORGANIZATION_IDS and span.end + 1 < len(words) \
                and words[span.end].lower() == "of":
            country = span.end + 1 + (words[span.end + 1].lower() == "the")
            if country in homes:
                named.append((Span(doc, span.start, homes[country], label=span.label, span_id=span.id_), GAZETTEER))
    return candidates + named


def _without_legal_forms(candidates: list[tuple[Span, int]]) -> list[tuple[Span, int]]:
    """A rule's enterprise that is a word in capitals before another candidate's enterprise is that enterprise after
    its legal form ("OAO Minsk Tractor Works"): the longer span goes, the listed name stays."""
    named = {(span.start, span.end) for span, _ in candidates if span.label == ENTERPRISE_ID}
    return [(span, source) for span, source in candidates
            if not (source == RULE and span.label == ENTERPRISE_ID and len(span) > 1 and span[0].is_upper
                    and (span.start + 1, span.end) in named)]


def _no_sentence_starts_inside(doc: Doc, firsts: list[int], names) -> None:
    """The senter may start a sentence inside a name ("... Ambassador of China to Belarus Xie | Xiaoyong said"):
    a name is never cut, and what reads sentences after this component (dates, claims) reads it whole. `firsts`
    are the first tokens of the sentences."""
    for name in names:
        index = bisect.bisect_right(firsts, name.start)
        while index < len(firsts) and firsts[index] < name.end:
            doc[firsts[index]].is_sent_start = False
            index += 1


def _through_of(ent: Span, starting_at: dict[int, Span]) -> Span:
    """The model may stop a name at its "of" ("the Consulate General of | the Russian Federation"): the name runs
    on through the place or organisation right after it."""
    end = ent.end
    if end < len(ent.doc) and ent.doc[end - 1].lower_ == "of":
        end += ent.doc[end].lower_ == "the"
        if end in starting_at:
            return ent.doc[ent.start:starting_at[end].end]
    return ent


def _names_more_than_places(span: Span, places: list[Span]) -> bool:
    """The span holds a capitalised word outside its places ("Harbin Electric International", "the New York Stock
    Exchange", "Bank of China"); not "Smolensk Oblast and Pskov Oblast"."""
    inside = {index for place in places for index in range(place.start, place.end)}
    return any(token.i not in inside and token.text[:1].isupper() and token.is_alpha for token in span)


_NEITHER, _COMPANY_WORD, _ACRONYM = range(3)


class CompanyWords:
    """One word no list knows that reads as a company name: CamelCase ("KazAgroFinance", "SaryarkaAvtoProm"), or
    ending with a company word part after at least three letters ("Agromashholding", "Nizhegorodelectrotrans"),
    or an acronym hyphenated to a word starting with one ("R-Pharm", "SK-Pharmacia"); a tail word right after it
    ("Agromashholding KZ", "KazAgroFinance Group") belongs to the name. The parts are data (company_words.tsv)."""

    def __init__(self, words: dict[str, tuple[str, ...]]) -> None:
        parts = "|".join(sorted(map(re.escape, words["part"]), key=len, reverse=True))
        self.word = re.compile(rf"(?=.*[a-z])[A-Z](?:[a-z]{{2,}}(?:[A-Z][a-z]+)+|[A-Za-z]{{2,}}(?i:{parts}))")
        self.acronym_head = re.compile(rf"(?=[A-Z])(?i:{parts})[a-z]*")
        ends = "|".join(map(re.escape, words["not_end"]))
        self.not_company = re.compile(rf"(?i:{ends})$") if ends else None
        self.tails = frozenset(words["tail"])
        self.parts = tuple(part.lower() for part in words["part"])
        self._shapes = WordMemo(self._shape)

    def __call__(self, doc: Doc, words: list[str]) -> Iterator[tuple[int, int]]:
        """(start, end) of each name; `words` are the Doc's token texts."""
        shapes = list(map(self._shapes.__getitem__, words))
        for index in compress(range(len(words)), shapes):  # the words of a shape (`_NEITHER` is 0)
            shape = shapes[index]
            if shape == _COMPANY_WORD:
                start = end = index
            elif (shape == _ACRONYM and index + 2 < len(words) and words[index + 1] == "-"
                  and self.acronym_head.fullmatch(words[index + 2])
                  and not doc[index].whitespace_ and not doc[index + 1].whitespace_):
                start, end = index, index + 2
            else:
                continue
            end += 1
            yield start, end + 1 if end < len(words) and words[end] in self.tails else end

    def _shape(self, word: str) -> int:
        """Whether the word is a company word, may open an acronym's name, or neither."""
        # Cheap tests first: both shapes start with a capital, and a company word has another capital or ends
        # with a part.
        if not word[:1].isupper() or (word[1:].islower() and not word.lower().endswith(self.parts)):
            return _NEITHER
        if self.word.fullmatch(word) and not (self.not_company and self.not_company.search(word)):
            return _COMPANY_WORD
        return _ACRONYM if word.isupper() and word.isalpha() and len(word) <= 4 else _NEITHER


# How far before "of <place>" a title's head may be ("Minister of Lands, Agriculture, Fisheries, Water and Rural
# Development of Zimbabwe").
_TITLE_REACH = 14
# A plural unit after a list of places, and the singular its places are named with ("Brest and Grodno oblasts")
_PLURAL_UNITS = {"districts": "district", "raions": "raion", "oblasts": "oblast", "regions": "region"}
_PLURAL_UNIT = re.compile(r"(?i)\b(?:" + "|".join(_PLURAL_UNITS) + r")\b")


def _unit_word(word: str, capitalised: bool) -> bool:
    """A word before a unit word, written like it: "International Department", "economy committee"."""
    if word.lower() in STOP_WORDS or not word.isalpha():
        return False
    return word.istitle() if capitalised else word.islower()


def _name_word(word: str, thing_words: frozenset[str]) -> bool:
    return word.istitle() and word.isalpha() and word.lower() not in STOP_WORDS and word.lower() not in thing_words


def _span(doc: Doc, start: int, end: int, label: Label, name: str, code: str = "") -> Span:
    # the label by its id, and no code as 0, the id of "" (`Span` hashes every string it is given, and `Label.value`
    # is a Python property)
    return Span(doc, start, end, label=LABEL_IDS[label], span_id=name, kb_id=code or 0)


def _place_name(words: list[str], start: int, end: int) -> tuple[int, int] | None:
    """Where the place's name in the GPE at start..end starts and ends: a GPE the gazetteers do not know is taken as
    a settlement, when it is written like a proper name ("Renton", "U.S.", "TEXAS")."""
    while start < end and (words[start].lower() in STOP_WORDS or not words[start][:1].isupper()):
        start += 1
    while start < end and words[end - 1] in ("'s", "'", "-"):
        end -= 1
    if start == end or not all(_PLACE_WORD.fullmatch(word) for word in words[start:end]):
        return None
    return start, end


# A word of a place's name: capitalised (hyphens and apostrophes inside: "Ust-Kamenogorsk", "Ge'ermu"), in
# capitals, or an abbreviation with dots ("U.S.", "N.J.", "Calif.", "U.S" before a split-off sentence dot).
_PLACE_WORD = re.compile(r"[A-Z][A-Za-z'\-]*[A-Za-z]|[A-Z]|(?:[A-Z][a-z]*\.)+|[A-Z](?:\.[A-Z])+")


def _region_code(entry: Entry) -> str:
    if entry.label not in REGION_LABELS:
        return ""
    return entry.code or entry.country or ""


def _written_as_name(text: str, entry: Entry) -> bool:
    """Gazetteer forms match case-insensitively, but a name must be capitalised as listed (or written exactly as
    listed, when that is not capitalised) and an acronym exact."""
    if entry.label is REFERENCE:
        return True
    if not text[:1].isupper():
        return text in entry.forms  # a name listed so ("flydubai", "1C Company")
    lowered = text.lower()
    matching = [form for form in entry.forms if form.lower() == lowered]
    return text in matching or not any(form.isupper() or not _capitalised_like(text, form) for form in matching)


_OPENING_QUOTES = frozenset({"“", '"', "«", "„"})
_CLOSING_QUOTES = frozenset({"”", '"', "»", "“"})
_TITLE_REACH_IN_QUOTES = 12  # words a quoted title may run to


def _quoted_works(words: list[str], work_words: frozenset[str]) -> Iterator[tuple[int, int]]:
    """A title in quotation marks right after a word naming a work, a show or a legal act, or after its number
    ('the ballet "Anna Karenina"', 'Decree No. 8 "On the Development of the Digital Economy"'), with its marks: no
    entity, whatever names it holds."""
    for index in compress(range(1, len(words) - 2), map(_OPENING_QUOTES.__contains__, words[1:])):  # the marks
        if words[_before_number(words, index - 1)].lower() in work_words:
            for end in range(index + 2, min(len(words), index + 2 + _TITLE_REACH_IN_QUOTES)):
                if words[end] in _CLOSING_QUOTES:
                    yield index, end + 1
                    break


def _before_number(words: list[str], index: int) -> int:
    """The word before a number written "No. 8" that ends at `index`, or `index` when there is none."""
    if index >= 2 and words[index].isdigit() and words[index - 1] in ("No", "No.", "."):
        return index - 2 - (words[index - 1] == "." and index >= 3 and words[index - 2] == "No")
    return index


def _brand(text: str, entry: Entry, words: list[str], end: int) -> bool:
    """A place written in capitals that no list writes so, before a word in lower case or a model number, is a
    brand ("BELARUS tractors", "BELARUS-3522"): the conventions count neither it nor the place. (A headline in
    capitals, "JAPAN GET LUCKY WIN", and a dateline, "LONDON 1996-08-30", keep their places.)"""
    if entry.label not in REGION_LABELS or len(text) < 2 or not text.isupper() or text in entry.forms:
        return False
    following = words[end] if end < len(words) else ""
    return following.islower() or (following == "-" and end + 1 < len(words) and words[end + 1][:1].isdigit())


def _capitalised_like(text: str, form: str) -> bool:
    """Every word the form capitalises is capitalised in the text ("the Belarusian oil company" is no
    mention of Belarusian Oil Company), except the kind of a region, which older articles write in lower case
    ("Gomel oblast")."""
    return all(word[:1].isupper() or not listed[:1].isupper() or listed in REGION_KIND_WORDS
               for word, listed in zip(text.split(), form.split()))


# The generic last word of a region's name.
REGION_KIND_WORDS = frozenset({"Oblast", "Region", "District", "Raion", "Krai", "Territory", "Province"})


def _trim_person_heads(candidates: list[tuple[Span, int]], given_names: dict[str, str]) -> list[tuple[Span, int]]:
    """The model's PERSON span loses the words before the name proper: a listed or rule-matched name it runs
    on from ("Director General of Belshina Sergei Matveyenko"), or words before a known given name that the
    given-name rule finds inside it."""
    names = [span for span, source in candidates
             if source in (GAZETTEER, RULE) and span.label not in (PERSON_ID, REFERENCE_ID)]
    given = [span for span, source in candidates if source == PERSON_RULE]
    trimmed = []
    for span, source in candidates:
        # a person span inside a longer name loses to it anyway ("Zheludok Agro-Complex")
        if source == MODEL and span.label == PERSON_ID and not any(
                name.start <= span.start and span.end <= name.end for name in names):
            heads = [name.end for name in names if name.start <= span.start < name.end < span.end]
            heads += [name.start for name in given if name.end == span.end and span.start < name.start
                      and span.doc[span.start].lower_ not in given_names]
            cut = max(heads, default=span.start)
            if cut > span.start:
                if not any(token.is_alpha for token in span.doc[cut:span.end]):
                    continue  # no word of a name is left ("Kirov Oblast" and the line break after it)
                span = _span(span.doc, cut, span.end, PERSON, span.doc[cut:span.end].text)
        trimmed.append((span, source))
    return trimmed


def _without_false_joins(words: list[str], candidates: list[tuple[Span, int]]) -> list[tuple[Span, int]]:
    """A rule's name across "and" or a comma ("Shchuchin Butter and Cheese Plant", "Ministry of Investment,
    Industry and Trade") is one name only when its parts are not names of their own: a listed name or a
    person starting right after the joint ("Belshina and Minsk Tractor Works"), or an enterprise or place
    ending right at it ("Belshina and Lida Paint Works"), makes it a list. A comma before "Ltd" is no joint, and
    an event's name holds its places ("Forum of Regions of Belarus and Uzbekistan")."""
    starts = {span.start for span, source in candidates
              if source != RULE and span.label not in (SKIP_ID, REFERENCE_ID)}
    ends = {span.end for span, source in candidates
            if source in (GAZETTEER, RULE) and (span.label == ENTERPRISE_ID or span.label in REGION_IDS)}
    kept = []
    for span, source in candidates:
        if source == RULE and len(span) > 2 and span.label != SKIP_ID:
            joints = [i for i in range(span.start + 1, span.end - 1)
                      if words[i].lower() == "and" or (words[i] == "," and words[i + 1] not in LEGAL_TAILS)]
            if any(joint + 1 in starts or joint in ends for joint in joints):
                continue
        kept.append((span, source))
    return kept


def _trim_before_names(candidates: list[tuple[Span, int]], given_names: dict[str, str]) -> list[tuple[Span, int]]:
    """A rule's open-ended run of capitalised words stops where a person's name with a known given name begins
    ("the National Bank of Belarus Dmitry Lapko" is a bank, then a person; "PT Karya Mesin Nusantara" is one
    company); a rule's name that is all such a name is no name ("Director General of the company Oleg
    Lisitsky")."""
    names = [span for span, source in candidates if source in (PERSON_RULE, MODEL) and span.label == PERSON_ID
             and span[0].lower_ in given_names]
    trimmed = []
    for span, source in candidates:
        if source == RULE and span.label not in REGION_IDS:  # "the port of Nhava Sheva" is a place
            cut = min((name.start for name in names if span.start <= name.start < span.end <= name.end),
                      default=span.end)
            if cut == span.start:
                continue
            if cut < span.end:
                span = Span(span.doc, span.start, cut, label=span.label,
                            span_id=" ".join(span.doc[span.start:cut].text.split()))
        trimmed.append((span, source))
    return trimmed


def _with_hyphenated_ends(words: list[str], candidates: list[tuple[Span, int]]) -> list[tuple[Span, int]]:
    """A rule's name starts with the whole hyphenated word its first word ends ("Hi-Tech Park Administration",
    not "Tech Park Administration"), and an enterprise's name runs on through a capitalised word hyphenated to
    its end ("OOO Agrotekhservis-M", "Amkodor-Pinsk", a subsidiary of Amkodor, not a mention of it)."""
    if "-" not in words:
        return candidates
    extended = []
    for span, source in candidates:
        start, end, doc, label = span.start, span.end, span.doc, span.label
        while (source == RULE and label in ORGANIZATION_LIKE_IDS and start >= 2 and _hyphen_joins(doc, words, start - 1)
               and words[start - 2][:1].isupper() and words[start - 2].isalpha()):
            start -= 2
        while (label == ENTERPRISE_ID and end + 1 < len(words) and _hyphen_joins(doc, words, end)
               and words[end + 1][:1].isupper() and words[end + 1].isalpha()):
            end += 2
        if (start, end) != (span.start, span.end):
            span = Span(doc, start, end, label=label, span_id=" ".join(doc[start:end].text.split()),
                        kb_id=span.kb_id_)
        extended.append((span, source))
    return extended


def _hyphen_joins(doc: Doc, words: list[str], index: int) -> bool:
    """The token at `index` is a hyphen written without spaces between two words."""
    return index > 0 and words[index] == "-" and not doc[index].whitespace_ and not doc[index - 1].whitespace_


def _with_tails(candidates: list[tuple[Span, int]], tails: dict[int, int]) -> list[tuple[Span, int]]:
    """An enterprise or organisation name runs on through a tail right after it ("Mogilev Automobile Plant
    named after S.M. Kirov"), so the person and the city in the tail are no mentions. A listed name keeps
    its canonical form; a rule's name is the whole name as written."""
    extended = []
    for span, source in candidates:
        end = tails.get(span.end)
        if end is not None and span.label in ORGANIZATION_LIKE_IDS:
            name = span.id_ if source == GAZETTEER else " ".join(span.doc[span.start:end].text.split())
            span = Span(span.doc, span.start, end, label=span.label, span_id=name, kb_id=span.kb_id_)
        extended.append((span, source))
    return extended


# An abbreviation has two capitals or more: MTZ, BelAZ, ITMCO, BelNPP.
_ABBREVIATION = re.compile(r"[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*")


def _bracketed_abbreviations(doc: Doc, words: list[str], candidates: list[tuple[Span, int]]) -> list[tuple[Span, int]]:
    """An abbreviation in brackets right after an enterprise's or organisation's name ("Minsk Tractor Works
    (MTZ)"), or before that name in brackets ("ITMCO (Iran Tractor Manufacturing Company)"), stands for the
    name, there and wherever else the article writes it."""
    if "(" not in words:
        return []
    names: dict[str, Span] = {}
    for span, _ in candidates:
        start, end = span.start, span.end
        if span.label not in ORGANIZATION_LIKE_IDS:
            continue
        if end + 2 < len(words) and words[end] == "(" and words[end + 2] == ")":
            names.setdefault(words[end + 1], span)
        if start >= 2 and words[start - 1] == "(" and end < len(words) and words[end] == ")":
            names.setdefault(words[start - 2], span)
    names = {text: span for text, span in names.items() if _ABBREVIATION.fullmatch(text)}
    if names:
        skipped = {span.text for span, _ in candidates if span.label == SKIP_ID}
        names = {text: span for text, span in names.items() if text not in skipped}
    if not names:
        return []
    return [(Span(doc, index, index + 1, label=span.label, span_id=span.id_, kb_id=span.kb_id_), RULE)
            for index, word in enumerate(words)
            if (span := names.get(word)) is not None and not span.start <= index < span.end]


def _with_places_in_references(names: list[Span], candidates: list[tuple[Span, int]]) -> list[Span]:
    """A place inside a reference to a person is a mention of it too: "the President of Belarus" stands for the
    president and names Belarus (a name inside a person's title counts, the conventions say)."""
    references = [span for span in names if span.label == REFERENCE_ID]
    if not references:
        return names
    inner = {(span.start, span.end): span for span, source in sorted(candidates, key=lambda item: item[1])
             if span.label in REGION_IDS and any(r.start <= span.start and span.end <= r.end for r in references)}
    return sorted([*names, *inner.values()], key=lambda span: span.start) if inner else names


def _longest_first(candidates: list[tuple[Span, int]]) -> list[Span]:
    """Non-overlapping spans in text order: the longest wins, then the stronger source, then the first."""
    taken: set[int] = set()
    kept = []
    for span, _ in sorted(candidates, key=lambda item: (-(item[0].end - item[0].start), -item[1], item[0].start)):
        if taken.isdisjoint(range(span.start, span.end)):
            taken.update(range(span.start, span.end))
            kept.append(span)
    return sorted(kept, key=lambda span: span.start)
