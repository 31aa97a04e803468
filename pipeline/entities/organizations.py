"""What the model's ORG span is when no list or rule covers it: an organisation of some kind, an enterprise,
or nothing of ours. The words that decide are data (`models/organization_words.tsv`)."""

from __future__ import annotations

import pycountry
from spacy.lang.lex_attrs import is_punct
from spacy.tokens import Span

from pipeline.doctext import doc_text

from pipeline.entities.catalog import ENTERPRISE, ORG_GOVERNMENT, ORG_INTERNATIONAL, ORG_OTHER, VENUE_KINDS, Label
from pipeline.entities.titles import PLAIN_MODIFIER_TITLES
from pipeline.entities.tokens import texts

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
        words = texts(doc)  # read rather than Tokens, which are made anew on every look
        start, end = span.start, span.end
        start += start < end and words[start].lower() == "the"
        while end > start and words[end - 1] in _TRAILING:
            end -= 1
        name = doc[start:end]
        written = doc_text(doc)[name.start_char:name.end_char]  # `Span.text` makes a Token per word
        if start == end or not words[start][:1].isupper() or any(c.isdigit() for c in written):
            return None
        lowered = [word.lower() for word in words[start:end]]
        opens = doc[start].is_sent_start or (start > 0 and is_punct(words[start - 1]))  # after a dateline's dash too
        if opens and len(lowered) > 2 and lowered[1] == "of" and lowered[0] in common_words:
            return None
        kinds = [self.words.get(word) for word in lowered]
        if ("not_name" in kinds or self.words.get(lowered[_head(lowered)]) in VENUE_KINDS
                or _currency_code(words[start:end], self.currency_codes) or self._common_noun(lowered, kinds)
                or self._adjectives_only(lowered)):
            return None
        if start >= 2 and self.words.get(words[start - 2].lower()) == "document" and doc[start - 1].is_quote:
            return None  # a document's title ('the state program "People's Health and Demographic Security"')
        if end < len(words) and self.words.get(words[end].lower()) == "brand":
            return None  # "the Borimed brand": a brand is no organisation
        if end < len(words) and f"{written.lower()} {words[end].lower()}" in self.title_forms:
            return None  # the opening of a title ("Press Secretary of the President X")
        firm = "&" in words[start:end]  # "Mayer, Brown & Platt"
        if any((words[i] == "," and words[i + 1] not in LEGAL_TAILS and not firm)
               or (lowered[i - start] == "and" and words[i + 1].lower() == "the") for i in range(start, end - 1)):
            return None  # a list ("Transport, Holding and Promotion", "the X and the Y"); a comma before "Ltd" is none
        if _field_of_minister(words, end) or _after_minister_of(words, start):
            return None
        if len(lowered) > 1 and words[start] in self.title_heads and lowered[1] == "of":
            return None  # a title ("Vietnam's Minister of Industry and Trade Vu Huy Hoang"), whatever follows it
        if "media" in kinds:  # news agencies and media companies are enterprises (the conventions)
            return name, ENTERPRISE
        for kind, label in _KIND_LABELS.items():
            if kind in kinds:
                if kinds[0] == "international_lead":
                    return name, ORG_INTERNATIONAL
                return name, label
        if words[end - 1] in self.title_heads:
            return None
        return name, ENTERPRISE

    def _common_noun(self, lowered: list[str], kinds: list[str | None]) -> bool:
        """Generic and kind words alone ("the General Administration", "Customs"), or one word of a company's or
        a thing's name ("the Bank agreed"), name nothing; one word that names a body on its own does ("Congress",
        "the Senate"), and so do listed bodies ("the State Department"). `lowered`: the name's words in lower
        case."""
        if len(lowered) == 1 and kinds[0] == "institution":
            return False
        return all(kinds) or (len(lowered) == 1 and lowered[0] in self.common_nouns)

    def _adjectives_only(self, lowered: list[str]) -> bool:
        """"Belarusian", "Belarusian-Emirati": country adjectives name no organisation."""
        parts = [part for word in lowered for part in word.split("-") if part]
        return all(part in self.adjectives or part == "-" for part in parts)


def common_words(words: list[str]) -> frozenset[str]:
    """The words (a Doc's token texts) written in lower case: what `ModelOrganizations` takes for common nouns."""
    return frozenset(filter(str.islower, words))


def _field_of_minister(words: list[str], end: int) -> bool:
    """The words (a Doc's token texts) ending at `end` end the field of a minister's title: "Agriculture [and Food]
    Minister"."""
    while end < len(words) and (words[end].lower() == "and" or words[end] == ",") and end + 1 < len(words) \
            and words[end + 1].istitle():
        end += 2
        while end < len(words) and words[end].istitle() and words[end] not in _FIELD_TITLE_HEADS:
            end += 1
    return end < len(words) and words[end] in _FIELD_TITLE_HEADS


def _after_minister_of(words: list[str], start: int) -> bool:
    """The words (a Doc's token texts) from `start` are the field of the minister named before them: "Minister of |
    Industry and Trade of X", "Minister of Labor and | Social Protection"."""
    floor = max(0, start - 6)
    while start > floor and words[start - 1].lower() != "of" and words[start - 1] not in _FIELD_TITLE_HEADS \
            and (words[start - 1].istitle() or words[start - 1].lower() == "and" or words[start - 1] == ","):
        start -= 1
    return start >= 2 and words[start - 1].lower() == "of" and words[start - 2] in _FIELD_TITLE_HEADS


def _head(lowered: list[str]) -> int:
    """Where the head word of a name (its words in lower case) is: the last word before its first "of" or "for"
    ("Palace of Independence"), or its last word."""
    for index, word in enumerate(lowered[1:], 1):
        if word in ("of", "for"):
            return index - 1
    return len(lowered) - 1


def _currency_code(words: list[str], listed: frozenset[str]) -> bool:
    """The name's words are a currency's code."""
    return len(words) == 1 and words[0].isupper() and len(words[0]) == 3 and \
        (words[0] in listed or pycountry.currencies.get(alpha_3=words[0]) is not None)
