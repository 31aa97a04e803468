"""How a rule match becomes a span and a canonical name (the `id` of a pattern in patterns/entities.jsonl)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from spacy.tokens import Span

from pipeline.doctext import doc_text

QUOTES = {'"', "'"}


class RuleMatch(NamedTuple):
    span: Span
    name: str
    country: str = ""  # known from the rule alone: agro-towns are Belarusian


def normalize_match(span: Span, normalizer: str, country_adjectives: Mapping[str, str],
                    ministry_fields: Mapping[str, str] | None = None) -> RuleMatch | None:
    """The span to keep and its canonical name, or None when the match is not a name after all; `country_adjectives`
    (lower case -> country name) tell whose body a span like "the Egyptian Defense Ministry" names, and
    `ministry_fields` how a ministry's name writes a field ("Foreign" -> "Foreign Affairs")."""
    if normalizer == "legal_form":
        inner = span[1:]
        if inner and inner[0].text in QUOTES:
            inner = inner[1:-1]
        return RuleMatch(inner, " ".join(inner.text.split())) if len(inner) else None
    if normalizer == "inverted_ministry":
        country = country_adjectives.get(span[0].lower_) if len(span) > 2 else None
        field = " ".join(span[1 if country else 0:-1].text.split())
        field = (ministry_fields or {}).get(field, field)
        # a Belarusian ministry is named without its country, as the gazetteer names them
        owner = f" of {country}" if country and country != "Belarus" else ""
        return RuleMatch(span, f"Ministry of {field}{owner}")
    if normalizer == "executive_committee":  # older articles write "Gomel oblast executive committee"
        place = " ".join(span[:-3].text.split())
        kind = "Oblast" if span[-3].lower_ in ("regional", "region") else span[-3].text.title()
        return RuleMatch(span, f"{place} {kind} Executive Committee")
    if normalizer in ("settlement_of", "settlements_last"):
        # "the agro-town of X [Y]" -> X [Y]; "the agro-towns of X and Y" -> X (settlement_of), Y (settlements_last)
        kind = span.doc[max(span.start - 2, 0):span.start + 1].text.lower()  # "agro-town" or "town"
        words = [token.lower_ for token in span]
        first = len(words) - words[::-1].index("and") if normalizer == "settlements_last" else words.index("of") + 1
        name = span[first:]  # one or two words: "Ostroshitsky Gorodok"
        return RuleMatch(name, " ".join(name.text.split()), "BY" if "agro" in kind else "")
    if normalizer == "common_noun":  # "distributor Avromed", "the Belbiopharm concern": the noun is no part of the name
        name = [token for token in span if not token.is_lower]
        inner = span.doc[name[0].i:name[-1].i + 1] if name else span[:0]
        return RuleMatch(inner, " ".join(inner.text.split())) if len(inner) else None
    if normalizer == "after_noun":  # "the Swiss company Ariston": the name after the noun (the ruler checks "Swiss")
        nouns = [token.i for token in span if token.is_lower]
        inner = span.doc[nouns[-1] + 1:span.end] if nouns else span[:0]
        return RuleMatch(inner, " ".join(inner.text.split())) if len(inner) else None
    if normalizer == "place_led":  # "Svetlogorsk pulp and cardboard mill" (the ruler checks the place)
        return RuleMatch(span, " ".join(token.text if token.lower_ == "and" else token.text.title() for token in span))
    if normalizer == "district":
        return RuleMatch(span, f"{span[0].text} District")
    return RuleMatch(span, " ".join(doc_text(span.doc)[span.start_char:span.end_char].split()))  # `Span.text`
    # would make a Token per word
