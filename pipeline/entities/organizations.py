"""What the model's ORG span is when no list or rule covers it: an organisation of some kind, an enterprise,
or nothing of ours. The words that decide are data (`models/organization_words.tsv`)."""

from __future__ import annotations

import pycountry
from spacy.tokens import Span

from pipeline.entities.catalog import ENTERPRISE, ORG_GOVERNMENT, ORG_INTERNATIONAL, ORG_OTHER, VENUE_KINDS, Label
from pipeline.entities.titles import PLAIN_MODIFIER_TITLES

_KIND_LABELS = {"international": ORG_INTERNATIONAL, "government": ORG_GOVERNMENT,
                "institution": ORG_GOVERNMENT, "other": ORG_OTHER}
# A minister's title is written after the field ("Agriculture and Food Minister"), which is no organisation;
# before other titles the owner stands ("Apple CEO", "BMZ Director General").
_FIELD_TITLE_HEADS = {title.split()[-1] for title in PLAIN_MODIFIER_TITLES}
LEGAL_TAILS = {"Ltd", "Ltd.", "Inc", "Inc.", "LLC"}
_TRAILING = {"and", "or", ",", "'s", "'", "-", "(", ")", ".", ":", ";"}


class ModelOrganizations:
    """An ORG span of the model, read by its words: it keeps the model's reading unless its words say otherwise.
    A word of an organisation kind makes it that organisation ("the Organization for Cooperation between
    Railways", "Shanghai Municipal Commission of Commerce", "the State Department"), and a lead word such as
    "International" makes a government-like body international ("International Atomic Energy Agency"). A venue,
    event or programme word as its head ("Minsk Arena", "Palace of Independence", "the European Games"), a
    brand noun right after it ("the Borimed brand"), a term or unit, a currency code, country adjectives
    alone ("Belarusian-Emirati"), a comma or "and the" (a list), generic words alone ("the General
    Administration", "the Bank") or figures make it nothing of ours; so does a title or a minister's field right
    after it ("Agriculture and Food Minister"), a title it opens with ("Minister of Industry and Trade ...") or one
    it is the first word of ("Press Secretary"). The rest is an enterprise when written like a name (capitalised)."""

    def __init__(self, words: dict[str, str], *, title_heads: set[str], adjectives: set[str],
                 common_nouns: frozenset[str] = frozenset(), currency_codes: frozenset[str] = frozenset(),
                 title_forms: frozenset[str] = frozenset()) -> None:
        self.words = words
        self.title_forms = title_forms  # the titles' forms in lower case: "press secretary"
        self.currency_codes = currency_codes  # besides pycountry's: the old ones the money grammar reads ("BYR")
        self.common_nouns = common_nouns  # lower-case words of companies' and things' names: "bank", "group"
        self.title_heads = title_heads
        self.adjectives = adjectives

    def __call__(self, span: Span, common_words: frozenset[str] = frozenset()) -> tuple[Span, Label] | None:
        """`common_words`: the words the article writes in lower case; one of them starting a sentence and a
        name before "of" is a common noun ("Farmers of Brest Oblast have threshed ...")."""
        doc = span.doc
        start, end = span.start, span.end
        start += start < end and doc[start].lower_ == "the"
        while end > start and doc[end - 1].text in _TRAILING:
            end -= 1
        name = doc[start:end]
        if not len(name) or not name[0].text[:1].isupper() or any(c.isdigit() for c in name.text):
            return None
        opens = name[0].is_sent_start or (start > 0 and doc[start - 1].is_punct)  # after a dateline's dash too
        if opens and len(name) > 2 and name[1].lower_ == "of" and name[0].lower_ in common_words:
            return None
        kinds = [self.words.get(token.lower_) for token in name]
        if ("not_name" in kinds or self.words.get(_head(name).lower_) in VENUE_KINDS
                or _currency_code(name, self.currency_codes) or self._common_noun(name, kinds)
                or self._adjectives_only(name)):
            return None
        if start >= 2 and doc[start - 1].is_quote and self.words.get(doc[start - 2].lower_) == "document":
            return None  # a document's title ('the state program "People's Health and Demographic Security"')
        if end < len(doc) and self.words.get(doc[end].lower_) == "brand":
            return None  # "the Borimed brand": a brand is no organisation
        if end < len(doc) and f"{name.text.lower()} {doc[end].lower_}" in self.title_forms:
            return None  # the opening of a title ("Press Secretary of the President X")
        firm = any(token.text == "&" for token in name)  # "Mayer, Brown & Platt"
        if any((token.text == "," and token.nbor().text not in LEGAL_TAILS and not firm)
               or (token.lower_ == "and" and token.nbor().lower_ == "the") for token in name[:-1]):
            return None  # a list ("Transport, Holding and Promotion", "the X and the Y"); a comma before "Ltd" is none
        if _field_of_minister(doc, end) or _after_minister_of(doc, start):
            return None
        if len(name) > 1 and name[0].text in self.title_heads and name[1].lower_ == "of":
            return None  # a title ("Vietnam's Minister of Industry and Trade Vu Huy Hoang"), whatever follows it
        if "media" in kinds:  # news agencies and media companies are enterprises (the conventions)
            return name, ENTERPRISE
        for kind, label in _KIND_LABELS.items():
            if kind in kinds:
                if kinds[0] == "international_lead":
                    return name, ORG_INTERNATIONAL
                return name, label
        if name[-1].text in self.title_heads:
            return None
        return name, ENTERPRISE

    def _common_noun(self, name: Span, kinds: list[str | None]) -> bool:
        """Generic and kind words alone ("the General Administration", "Customs"), or one word of a company's or
        a thing's name ("the Bank agreed"), name nothing; one word that names a body on its own does ("Congress",
        "the Senate"), and so do listed bodies ("the State Department")."""
        if len(name) == 1 and kinds[0] == "institution":
            return False
        return all(kinds) or (len(name) == 1 and name[0].lower_ in self.common_nouns)

    def _adjectives_only(self, name: Span) -> bool:
        """"Belarusian", "Belarusian-Emirati": country adjectives name no organisation."""
        parts = [part for token in name for part in token.lower_.split("-") if part]
        return all(part in self.adjectives or part == "-" for part in parts)


def common_words(words: list[str]) -> frozenset[str]:
    """The words (a Doc's token texts) written in lower case: what `ModelOrganizations` takes for common nouns."""
    return frozenset(filter(str.islower, words))


def _field_of_minister(doc, end: int) -> bool:
    """The words end the field of a minister's title: "Agriculture [and Food] Minister"."""
    while end < len(doc) and (doc[end].lower_ == "and" or doc[end].text == ",") and end + 1 < len(doc) \
            and doc[end + 1].is_title:
        end += 2
        while end < len(doc) and doc[end].is_title and doc[end].text not in _FIELD_TITLE_HEADS:
            end += 1
    return end < len(doc) and doc[end].text in _FIELD_TITLE_HEADS


def _after_minister_of(doc, start: int) -> bool:
    """The words are the field of the minister named before them: "Minister of | Industry and Trade of X", "Minister
    of Labor and | Social Protection"."""
    floor = max(0, start - 6)
    while start > floor and doc[start - 1].lower_ != "of" and doc[start - 1].text not in _FIELD_TITLE_HEADS \
            and (doc[start - 1].is_title or doc[start - 1].lower_ == "and" or doc[start - 1].text == ","):
        start -= 1
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].text in _FIELD_TITLE_HEADS


def _head(name: Span):
    """The head word of a name: the last word before its first "of" or "for" ("Palace of Independence"), or its
    last word."""
    for token in name[1:]:
        if token.lower_ in ("of", "for"):
            return token.nbor(-1)
    return name[-1]


def _currency_code(span: Span, listed: frozenset[str]) -> bool:
    return len(span) == 1 and span.text.isupper() and len(span.text) == 3 and \
        (span.text in listed or pycountry.currencies.get(alpha_3=span.text) is not None)
