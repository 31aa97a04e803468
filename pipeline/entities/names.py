"""Person names: recognising "Given [Patronymic] Surname", cleaning model spans, folding to join keys."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from anyascii import anyascii
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.lex_attrs import is_punct
from spacy.tokens import Span

# Russian and Belarusian patronymics: Grigorievich, Ilyich, Sergeyevna, ...
PATRONYMIC = re.compile(r"^[A-Z][a-z]+(?:vich|vych|vna|ich|ichna|ична)$")
# Russian and Belarusian transliteration equivalences, applied in order to a lower-case ASCII word:
# Dzhamshid/Jamshid, Khodjaev/Hodjaev, Maksimov/Maximov, Kozlovskiy/Kozlovsky/Kozlovski, Nikolai/Nikolay,
# Kozhemiako/Kozhemyako, Iurii/Yury, Sheiko/Sheyko, Sokolovskaja/Sokolovskaya, Koroteyev/Koroteev,
# Savelyev/Saveliev/Savelev, Fyodorov/Fedorov, Rokossovsky/Rokosovsky.
# Different letters stay apart: Sokolov/Sokolovsky, Kozlov/Kozlovsky, Petrov/Petrova.
_TRANSLITERATION_FOLDS = tuple((re.compile(pattern), replacement) for pattern, replacement in (
    (r"(?<=[aeiou])j(?=[aeiou])", "y"),  # Sokolovskaja
    (r"(?<=[aeiou])i(?=[^aeiouy])", "y"),  # Sheiko, Mikhailov
    (r"dzh", "j"), (r"dj", "j"), (r"kh", "h"), (r"tz", "ts"), (r"x", "ks"),
    (r"(?:iy|yi|ii|yy|i)$", "y"),
    (r"i(?=[aeou])", "y"),  # iu/ia/io/ie -> yu/ya/yo/ye
    (r"(?<=[aeiou])y(?=[aeiou])", ""),  # Koroteyev, Karayev
    (r"ye", "e"), (r"(?<=[^aeiou])yo", "e"),
    (r"([^aeiouy])\1", r"\1"),  # doubled consonants only: Mayak stays apart from Mak
))


def person_name_patterns(given_names: dict[str, str]) -> list[list[dict[str, Any]]]:
    """Matcher tokens for a known given name, an optional second name or patronymic and a capitalised surname
    ("Jan Karal Chadkievic", "Vladimir Ilyich Lenin"), and for a hyphenated given name, which the tokenizer splits
    ("Kassym-Jomart Tokayev")."""
    surname = {"IS_TITLE": True, "IS_STOP": False, "IS_ALPHA": True}
    patterns = [[{"LOWER": {"IN": sorted(given_names)}, "IS_TITLE": True}, {**surname, "OP": "?"}, surname]]
    parts = [name.split("-") for name in given_names if name.count("-") == 1]
    if parts:
        patterns.append([{"LOWER": {"IN": sorted({first for first, _ in parts})}, "IS_TITLE": True}, {"ORTH": "-"},
                         {"LOWER": {"IN": sorted({second for _, second in parts})}, "IS_TITLE": True}, surname,
                         {**surname, "OP": "?"}])  # "Jean-Yves Le Drian"
    return patterns


# Generation suffixes written in capitals after a name ("William E. Trotter II").
NAME_SUFFIXES = frozenset({"II", "III", "IV"})


def clean_person_span(words: list[str], start: int, end: int, title_words: set[str]) -> tuple[int, int] | None:
    """Where the name in the model's PERSON span at start..end starts and ends, without leading titles/articles and
    trailing possessives, or None. `words` are the Doc's token texts (read as the Tokens' flags are)."""
    while start < end and (words[start].lower() in title_words or words[start].lower() in STOP_WORDS
                           or not words[start].istitle()):
        start += 1
    while end > start and (is_punct(words[end - 1]) or words[end - 1] in ("'s", "'")):  # not "O'Linn"
        end -= 1
    if start == end:
        return None
    name = words[start:end]
    if any(word.isalpha() and word.isupper() and len(word) > 1 and word not in NAME_SUFFIXES for word in name):
        return None  # acronyms (MTZ, BMZ) are not people; initials ("J.P.", "A.") and "III" are
    if not all(char.isalpha() or char.isspace() or char in ".'’-" for char in "".join(name)):
        return None  # a rating ("B+"), a code or a figure is no name
    return start, end


def reads_as_full_name(span: Span, given_names: dict[str, str], thing_words: frozenset[str]) -> bool:
    """Two or more words that start with a known given name or hold a patronymic, or else capitalised words
    none of which belongs to the name of a thing (`thing_words`: "Bank", "Krai", "Order", "Belshina", "Minsk")."""
    if len(span) < 2:
        return False
    if span[0].lower_ in given_names or any(PATRONYMIC.match(token.text) for token in span):
        return True
    return all(token.is_title and not token.is_stop and token.lower_ not in thing_words
               and token.text.replace("-", "").isalpha() for token in span)


# Words that begin a surname ("Khalid Al Marzouqi" is later "Al Marzouqi"): a name starting with one is a surname.
SURNAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "van", "von", "de", "da", "di", "du", "le", "la"})


def is_surname_only(name: str) -> bool:
    """'Lukashenko' or 'Al Marzouqi': a surname without a given name."""
    parts = name_parts(name)
    return len(parts) == 1 or parts[0].lower() in SURNAME_PARTICLES


def name_parts(name: str) -> tuple[str, ...]:
    """The words of a person's name without the patronymic: 'Vladimir Ilyich Lenin' -> (Vladimir, Lenin)."""
    words = name.split()
    if len(words) == 3 and PATRONYMIC.match(words[1]):
        return (words[0], words[2])
    return tuple(words)


# Apostrophes transliterate soft signs and glottal stops ("Natal'ya", "Il'ich"); spellings leave them out as often.
_APOSTROPHES = re.compile(r"['`\u2019\u02bc]")


def fold(word: str) -> str:
    """Lower-case Latin letters of a word in any script ("Лукашенко" -> "lukashenko", "Łukaszenka" ->
    "lukaszenka"), so that keys built from it join spellings across alphabets and are never empty."""
    return _APOSTROPHES.sub("", anyascii(word)).lower()


@lru_cache(maxsize=1 << 16)  # a dozen substitutions a name, and articles repeat their names
def surname_key(surname: str) -> str:
    """Spellings of one name fold together: Yermakov/Ermakov, Kozlovskiy/Kozlovsky, Koroteyev/Koroteev."""
    key = fold(surname)
    for pattern, replacement in _TRANSLITERATION_FOLDS:
        key = pattern.sub(replacement, key)
    return key


def person_key(name: str, given_names: dict[str, str]) -> str:
    """A transliteration-folded key: 'Alexander Sokolov' and 'Aleksandr Sokolov' share 'aleksandr sokolov'."""
    parts = name_parts(name)
    if len(parts) == 1:
        return surname_key(parts[0])
    given = fold(parts[0])
    return f"{given_names.get(given) or surname_key(given)} {surname_key(parts[-1])}"
