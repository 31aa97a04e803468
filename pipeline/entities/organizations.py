"""What the model's ORG span is when no list or rule covers it: an organisation of some kind, an enterprise,
or nothing of ours. The words that decide are data (`models/organization_words.tsv`)."""

from __future__ import annotations

import pycountry
from spacy.tokens import Span

from pipeline.entities.catalog import Label
from pipeline.entities.titles import PLAIN_MODIFIER_TITLES

_KIND_LABELS = {"international": Label.ORG_INTERNATIONAL, "government": Label.ORG_GOVERNMENT,
                "other": Label.ORG_OTHER}
# A minister's title is written after the field ("Agriculture and Food Minister"), which is no organisation;
# before other titles the owner stands ("Apple CEO", "BMZ Director General").
_FIELD_TITLE_HEADS = {title.split()[-1] for title in PLAIN_MODIFIER_TITLES}
LEGAL_TAILS = {"Ltd", "Ltd.", "Inc", "Inc.", "LLC"}
_TRAILING = {"and", "or", ",", "'s", "'", "-", "(", ")", ".", ":", ";"}


class ModelOrganizations:
    """An ORG span of the model, read by its words. A word of an organisation kind makes it that
    organisation ("the Organization for Cooperation between Railways", "Shanghai Municipal Commission of
    Commerce"), and a lead word such as "International" makes a government-like body international
    ("International Atomic Energy Agency"). A venue word at its end, a term or unit, a currency code, a lone
    country adjective, a comma (a list) or generic words alone ("Customs", "the General Administration")
    make it nothing. The rest is an enterprise when written like a company's name: capitalised, no
    figures, not "the X", not ending with a title and not a minister's field ("Agriculture and Food
    Minister")."""

    def __init__(self, words: dict[str, str], *, title_heads: set[str], adjectives: set[str]) -> None:
        self.words = words
        self.title_heads = title_heads
        self.adjectives = adjectives

    def __call__(self, span: Span) -> tuple[Span, Label] | None:
        doc = span.doc
        start, end = span.start, span.end
        start += start < end and doc[start].lower_ == "the"
        article = start > 0 and doc[start - 1].lower_ == "the"  # the model may leave it out: "the Borimed brand"
        while end > start and doc[end - 1].text in _TRAILING:
            end -= 1
        name = doc[start:end]
        if not len(name) or not name[0].text[:1].isupper() or any(c.isdigit() for c in name.text):
            return None
        kinds = [self.words.get(token.lower_) for token in name]
        if "not_name" in kinds or kinds[-1] == "venue" or _currency_code(name) or all(kinds):
            return None  # all(kinds): only generic and kind words ("Customs duties ...", "the General Administration")
        if (len(name) == 1 and name[0].lower_ in self.adjectives) or any(
                token.text == "," and token.nbor().text not in LEGAL_TAILS for token in name[:-1]):
            return None  # a comma makes a list ("Transport, Holding and Promotion"), except before "Ltd"
        for kind, label in _KIND_LABELS.items():
            if kind in kinds:
                if kinds[0] == "international_lead":
                    return name, Label.ORG_INTERNATIONAL
                return name, label
        if article or name[-1].text in self.title_heads or (end < len(doc) and doc[end].text in _FIELD_TITLE_HEADS):
            return None
        return name, Label.ENTERPRISE


def _currency_code(span: Span) -> bool:
    return len(span) == 1 and span.text.isupper() and len(span.text) == 3 and \
        pycountry.currencies.get(alpha_3=span.text) is not None
