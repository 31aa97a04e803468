"""Every entity data file under models/ loads, has no duplicates, uses known labels, and its patterns compile."""

from __future__ import annotations

import shutil
from collections import Counter

import pycountry
import pytest
import spacy
from spacy.matcher import Matcher

from pipeline.entities.catalog import Label, load_catalog
from pipeline.errors import ResourceError
from pipeline.resources import MODELS_DIR, read_jsonl, read_tsv

ENTITY_FILES = {
    "countries.tsv": ("name", "code"),
    "regions.tsv": ("name", "kind", "country"),
    "cities.tsv": ("name", "country"),
    "given_names.tsv": ("name", "key", "gender"),
    "enterprises.jsonl": ("name",),
    "organizations.jsonl": ("name", "kind"),
}


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(MODELS_DIR)


def rows(name: str) -> list[dict]:
    reader = read_tsv if name.endswith(".tsv") else read_jsonl
    return list(reader(MODELS_DIR / name, required=ENTITY_FILES[name]))


@pytest.mark.parametrize("name", sorted(ENTITY_FILES))
def test_data_file_has_no_duplicate_names(name):
    counts = Counter(row["name"] for row in rows(name))
    assert [key for key, count in counts.items() if count > 1] == []


def test_no_form_names_two_entities_of_one_kind(catalog):
    owners: dict[tuple[str, str], set[str]] = {}
    for entry in catalog.entries:
        if entry.label is not Label.SKIP:
            for form in entry.forms:
                owners.setdefault((entry.label.value, form.lower()), set()).add(entry.name)
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}


def test_every_spelling_of_a_given_name_has_one_gender():
    genders: dict[str, set[str]] = {}
    for row in rows("given_names.tsv"):
        assert row["gender"] in ("f", "m"), row
        genders.setdefault(row["key"], set()).add(row["gender"])
    assert {key: found for key, found in genders.items() if len(found) > 1} == {}


def test_country_codes_are_iso_3166_1():
    for row in rows("countries.tsv"):
        assert pycountry.countries.get(alpha_2=row["code"]) is not None, row


@pytest.mark.parametrize("name", ["regions.tsv", "cities.tsv"])
def test_region_codes_are_iso_3166_2_of_their_country(name):
    for row in rows(name):
        assert pycountry.countries.get(alpha_2=row["country"]) is not None, row
        if row["code"]:
            subdivision = pycountry.subdivisions.get(code=row["code"])
            assert subdivision is not None and subdivision.country_code == row["country"], row


@pytest.mark.parametrize(("name", "code"), [("Minsk", "BY-HM"), ("Moscow", "RU-MOW"), ("St. Petersburg", "RU-SPE")])
def test_cities_that_are_subdivisions_carry_their_code(catalog, name, code):
    assert catalog.entry(Label.CITY.value, name).code == code


def test_every_pattern_compiles_with_a_known_label():
    matcher = Matcher(spacy.blank("en").vocab)
    for number, row in enumerate(read_jsonl(MODELS_DIR / "patterns" / "entities.jsonl", required=("label", "pattern"))):
        assert row["label"] in {label.value for label in Label}, row
        if isinstance(row["pattern"], list):
            matcher.add(f"rule{number}", [row["pattern"]])
        else:
            assert row["label"] == Label.SKIP.value, row


def test_titles_file_rows_are_titles_references_or_offices(catalog):
    assert catalog.titles and catalog.references and catalog.office_holders
    titles = {title.title for title in catalog.titles}
    for title in catalog.references.values():
        assert title.split(" of ")[0] in titles, title


def test_non_person_words_are_unique_lower_case_words_of_known_kinds():
    rows = list(read_tsv(MODELS_DIR / "non_person_words.tsv", required=("word", "kind")))
    words = [row["word"] for row in rows]
    assert len(words) == len(set(words))
    assert all(word == word.lower() and " " not in word for word in words)
    assert {row["kind"] for row in rows} <= {"organisation", "place", "state", "award", "work"}


def test_organization_kinds_are_known():
    assert {row["kind"] for row in rows("organizations.jsonl")} <= {"government", "international", "other"}


@pytest.mark.parametrize(("name", "text", "message"), [
    ("patterns/entities.jsonl", '{"label": "PLANET", "pattern": [{"ORTH": "Mars"}]}\n',
     r"entities\.jsonl: unknown label 'PLANET'"),
    ("company_words.tsv", "word\tkind\nprom\tsuffix\n", r"company_words\.tsv: prom: unknown kind 'suffix'"),
    ("organization_words.tsv", "word\tkind\nministry\tbody\n",
     r"organization_words\.tsv: ministry: unknown kind 'body'"),
    ("organization_words.tsv", "word\tkind\nMinistry\tgovernment\n", r"Ministry: words are lower case and listed once"),
])
def test_a_bad_row_names_the_file_and_the_problem(tmp_path, name, text, message):
    shutil.copytree(MODELS_DIR, tmp_path, dirs_exist_ok=True)
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(ResourceError, match=message):
        load_catalog(tmp_path)


def test_company_word_parts_are_lower_case_and_unique(catalog):
    for kind in ("part", "not_end"):
        words = catalog.company_words[kind]
        assert len(words) == len(set(words)) and all(word == word.lower() for word in words), kind



def test_every_organization_row_says_where_it_comes_from():
    assert [row["name"] for row in rows("organizations.jsonl") if not str(row.get("source", "")).strip()] == []


@pytest.mark.parametrize(("name", "label"), [
    # news agencies and media companies are enterprises by the annotation conventions
    ("RIA Novosti", Label.ENTERPRISE), ("TASS", Label.ENTERPRISE), ("Xinhua", Label.ENTERPRISE),
    ("Reuters", Label.ENTERPRISE), ("Interfax", Label.ENTERPRISE), ("Anadolu Agency", Label.ENTERPRISE),
    ("Sputnik", Label.ENTERPRISE),
    # integration bodies of other years
    ("Customs Union", Label.ORG_INTERNATIONAL), ("Single Economic Space", Label.ORG_INTERNATIONAL),
    ("Eurasian Economic Community", Label.ORG_INTERNATIONAL), ("Eurasian Economic Commission", Label.ORG_INTERNATIONAL),
    ("Supreme Eurasian Economic Council", Label.ORG_INTERNATIONAL),
    ("Collective Security Treaty Organization", Label.ORG_INTERNATIONAL),
    ("Shanghai Cooperation Organization", Label.ORG_INTERNATIONAL), ("BRICS", Label.ORG_INTERNATIONAL),
    ("European Commission", Label.ORG_INTERNATIONAL), ("European Parliament", Label.ORG_INTERNATIONAL),
    # government bodies news text names by a short form
    ("Senate", Label.ORG_GOVERNMENT), ("Congress", Label.ORG_GOVERNMENT), ("State Department", Label.ORG_GOVERNMENT),
    ("Treasury Department", Label.ORG_GOVERNMENT), ("Securities and Exchange Commission", Label.ORG_GOVERNMENT),
    ("Federal Reserve", Label.ORG_GOVERNMENT), ("State Council of China", Label.ORG_GOVERNMENT),
    ("National Development and Reform Commission", Label.ORG_GOVERNMENT),
])
def test_bodies_and_agencies_have_their_kind(catalog, name, label):
    assert catalog.entry(label.value, name) is not None
    others = {entry.label for entry in catalog.entries if name in entry.forms and entry.label is not Label.SKIP}
    assert others == {label}


@pytest.mark.parametrize(("form", "name"), [("EurAsEC", "Eurasian Economic Community"), ("CSTO",
                                            "Collective Security Treaty Organization"),
                                            ("SEC", "Securities and Exchange Commission"), ("Fed", "Federal Reserve"),
                                            ("State Council", "State Council of China"), ("NDRC",
                                            "National Development and Reform Commission"), ("ITAR-TASS", "TASS")])
def test_abbreviations_name_their_body(catalog, form, name):
    assert {entry.name for entry in catalog.entries if form in entry.forms} == {name}
