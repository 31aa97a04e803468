"""How often a world-city name is a place where newswire writes it (a team tool, not part of the pipeline).

    python -m tools.measure_places /path/to/ontonotes-dev/onto.development.jsonl /path/to/conll2003-testa.jsonl

For the population thresholds and filters of tools/build_places.py, counts every capitalised occurrence of a
name the list would hold (word-bounded, as written) in the development splits' texts (OntoNotes: newswire
only) and how many fall inside a span the annotators marked as a place (GPE, or LOC in CoNLL): the precision
a matcher of the list would have there, and how many place mentions it reaches. Prints one line per variant.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import orjson

from tools import build_places as build

THRESHOLDS = (15_000, 50_000, 100_000, 250_000, 500_000, 1_000_000)
PLACE_LABELS = {"GPE", "LOC"}


def main(paths: list[str]) -> int:
    texts = []
    for path in paths:
        for line in Path(path).read_bytes().splitlines():
            doc = orjson.loads(line)
            if doc.get("genre", "nw") == "nw":
                places = [(e["start"], e["end"]) for e in doc["char_entities"] if e["label"] in PLACE_LABELS]
                texts.append((doc["text"], places))
    models = Path(__file__).resolve().parent.parent / "models"
    for filtered in (False, True):
        for threshold in THRESHOLDS:
            forms = {form for _, kept in build.selected_cities(models, threshold, filtered=filtered) for form in kept}
            hits, inside = _occurrences(texts, forms)
            print(f"population >= {threshold:>9,}  filters {'on ' if filtered else 'off'}  names {len(forms):>6}"
                  f"  occurrences {hits:>5}  in a place span {inside:>5}  precision {inside / max(hits, 1):.3f}")
    return 0


def _occurrences(texts, forms: set[str]) -> tuple[int, int]:
    pattern = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + r")\b")
    hits = inside = 0
    for text, places in texts:
        for match in pattern.finditer(text):
            hits += 1
            inside += any(start <= match.start() and match.end() <= end for start, end in places)
    return hits, inside


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
