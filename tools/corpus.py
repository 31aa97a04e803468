"""Synthetic BelTA-style archives for benchmarks and scale tests, built from `samples/`.

Each generated article recombines a lead and body paragraphs of the sample
articles under a new dateline and publication date, with figures rescaled and
people renamed (names from the dev gold), so a corpus of thousands of articles
has varied text rather than one article repeated. Output is a stream of JSON
Lines (`{"url", "text"}`) in the page layout the parser reads; the same seed
always gives the same corpus.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from pipeline.errors import InputError
from pipeline.parse import MONTHS, parse_page
from pipeline.readers import read_inputs
from pipeline.types import RawPage

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "samples"
# Figures, but not years, days of a month, or numbers glued to words (COVID-19, B2B).
FIGURE = re.compile(rf"(?<![\w.,])(?!(?:19|20)\d\d\b)\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?![\w]| (?:{'|'.join(MONTHS)}))")


@dataclass(frozen=True, slots=True)
class Material:
    """What articles are recombined from."""

    titles: tuple[str, ...]
    places: tuple[str, ...]
    leads: tuple[str, ...]
    paragraphs: tuple[str, ...]
    first_names: tuple[str, ...]
    surnames: tuple[str, ...]


def load_material(samples_dir: Path = SAMPLES_DIR) -> Material:
    titles, places, leads, paragraphs = [], [], [], []
    for item in read_inputs([str(samples_dir / "articles")]):
        if not isinstance(item, RawPage):
            continue
        try:
            article = parse_page(item)
        except InputError:
            continue
        if article.title:
            titles.append(article.title)
        body = article.text
        if article.dateline:
            places.append(article.dateline.place)
            body = body[article.dateline.end:]
        first, *rest = [p.strip() for p in body.split("\n") if len(p.split()) >= 6]
        leads.append(first)
        paragraphs.extend(rest)
    first_names, surnames = set(), set()
    for gold in sorted((samples_dir / "gold" / "dev").glob("*.json")):
        for person in orjson.loads(gold.read_bytes()).get("people", []):
            *first, last = person["name"].split()
            if first:
                first_names.add(first[0])
                surnames.add(last)
    if not leads or not paragraphs:
        raise InputError("no_body", f"no usable sample articles under {samples_dir}")
    return Material(tuple(titles), tuple(sorted(set(places))) or ("MINSK",), tuple(leads), tuple(paragraphs),
                    tuple(sorted(first_names)), tuple(sorted(surnames)))


def generate_articles(count: int, *, seed: int = 0, material: Material | None = None) -> Iterator[bytes]:
    """`count` JSON Lines articles, one line each."""
    material = material or load_material()
    for number in range(count):
        rng = random.Random(f"{seed}:{number}")
        year, month, day = rng.choice((2024, 2025, 2026)), rng.randint(1, 12), rng.randint(1, 28)
        body_paragraphs = rng.sample(material.paragraphs, k=min(len(material.paragraphs), rng.randint(3, 7)))
        renames = _renames(material, rng)
        text = "\n".join([
            f"{day} {MONTHS[month - 1]} {year}, {rng.randint(7, 21)}:{rng.randint(0, 59):02d}", "",
            _vary(rng.choice(material.titles), rng, renames), "",
            f"{rng.choice(material.places)}, {day} {MONTHS[month - 1]} (BelTA) – "
            + _vary(rng.choice(material.leads), rng, renames),
            *(_vary(paragraph, rng, renames) for paragraph in body_paragraphs),
        ])
        yield orjson.dumps({"url": f"https://example.org/bench/{seed}/{number}", "text": text},
                           option=orjson.OPT_APPEND_NEWLINE)


def write_corpus(path: Path, count: int, *, seed: int = 0) -> Path:
    material = load_material()
    with open(path, "wb") as file:
        for line in generate_articles(count, seed=seed, material=material):
            file.write(line)
    return path


def _renames(material: Material, rng: random.Random) -> dict[str, str]:
    """Each known first name and surname to a random one, for one article."""
    return {**{first: rng.choice(material.first_names) for first in material.first_names},
            **{surname: rng.choice(material.surnames) for surname in material.surnames}}


def _vary(text: str, rng: random.Random, renames: dict[str, str]) -> str:
    if renames:  # one pass, so a name replaced is never replaced again
        names = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(renames, key=len, reverse=True))) + r")\b")
        text = names.sub(lambda match: renames[match.group(0)], text)
    return FIGURE.sub(lambda match: _rescale(match.group(0), rng.uniform(0.4, 2.5)), text)


def _rescale(figure: str, factor: float) -> str:
    decimals = len(figure.split(".")[1]) if "." in figure else 0
    value = float(figure.replace(",", "")) * factor
    return f"{value:,.{decimals}f}" if "," in figure else f"{value:.{decimals}f}"
