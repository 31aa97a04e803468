"""`make eval`: precision/recall/F1 per field on the samples' gold and the seed article.

    python -m tools.evaluate [--shared ../shared] [--json out/eval.json] [--no-naive] [--verbose]

Sets: `dev` (samples/gold/dev, tuned on), `heldout` (samples/gold/heldout, never
tuned on), and, when ../shared is there, `seed` (the real article in ../shared/seed) and
`real-dev` (the real BelTA articles of ../shared/eval/real-dev, tuned on; never copied here).
Beside the pipeline's figures it prints the naive ones: en_core_web_sm entities
mapped PERSON/GPE/ORG, quantulum3 alone for money and percentages, and
dateparser's `search_dates` alone for dates, on the same bodies.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from pipeline.nlp import NlpSettings, model_name
from pipeline.process import ArticleProcessor
from pipeline.readers import read_inputs
from pipeline.resources import MODELS_DIR
from tools.scoring import FIELDS, Scores, score

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def gold_sets(samples: Path, shared: Path | None) -> dict[str, list[tuple[Path, dict[str, Any]]]]:
    """Each set's (article path, gold) pairs."""
    sets: dict[str, list[tuple[Path, dict[str, Any]]]] = {}
    for name in ("dev", "heldout"):
        pairs = []
        for gold_path in sorted((samples / "gold" / name).glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            pairs.append((samples / "articles" / gold["file"], gold))
        sets[name] = pairs
    if shared and (shared / "eval" / "seed_gold.json").exists():
        gold = json.loads((shared / "eval" / "seed_gold.json").read_text(encoding="utf-8"))
        sets["seed"] = [(shared / "seed" / gold["file"], gold)]
    real = shared / "eval" / "real-dev" if shared else None
    if real and real.is_dir():
        sets["real-dev"] = [(real / gold["file"], gold) for gold in
                            (json.loads(path.read_text(encoding="utf-8")) for path in sorted(real.glob("*.json")))]
    return sets


def extract_records(paths: Iterable[Path], processor: ArticleProcessor) -> list[dict[str, Any]]:
    pages = list(read_inputs([str(p) for p in paths]))
    return [json.loads(line) for line in processor.process_batch(pages)]


def naive_records(records: list[dict[str, Any]], model: str) -> list[dict[str, Any]]:
    """What off-the-shelf tools give on the same bodies, in the record's shape."""
    import spacy
    from dateparser.search import search_dates
    from quantulum3 import parser as quantities

    nlp = spacy.load(model)
    naive = []
    for record, doc in zip(records, nlp.pipe(r.get("text", "") for r in records)):
        labels: dict[str, set[str]] = {"PERSON": set(), "GPE": set(), "ORG": set()}
        for ent in doc.ents:
            if ent.label_ in labels:
                labels[ent.label_].add(ent.text)
        money, percentages = [], []
        for quantity in quantities.parse(record.get("text", "")):
            if quantity.unit.entity.name == "currency" and getattr(quantity.unit, "currency_code", None):
                money.append({"low": quantity.value, "high": quantity.value, "currency": quantity.unit.currency_code})
            elif quantity.unit.name == "percentage":
                percentages.append({"value": quantity.value})
        published = datetime.fromisoformat(record["published"]) if record.get("published") else None
        found = search_dates(record.get("text", ""), languages=["en"],
                             settings={"RELATIVE_BASE": published} if published else None) or []
        dates = [{"from": when.date().isoformat(), "to": when.date().isoformat()} for _, when in found]
        naive.append({"source": record.get("source"), "title": record.get("title"),
                      "published": record.get("published"),
                      "people": [{"name": n} for n in sorted(labels["PERSON"])],
                      "regions": [{"name": n} for n in sorted(labels["GPE"])],
                      "enterprises": [{"name": n} for n in sorted(labels["ORG"])],
                      "organizations": [{"name": n} for n in sorted(labels["ORG"])],
                      "money": money, "percentages": percentages, "dates": dates, "claims": []})
    return naive


def corpus_hash(sets: dict[str, list[tuple[Path, dict[str, Any]]]]) -> str:
    """A hash of every scored article and its gold: floors are only comparable on the same corpus."""
    digest = hashlib.sha256()
    for name in sorted(sets):
        for path, gold in sets[name]:
            digest.update(name.encode() + b"\0" + path.name.encode() + b"\0" + path.read_bytes())
            digest.update(json.dumps(gold, sort_keys=True).encode())
    return digest.hexdigest()


def floors_of(results: dict[str, Scores]) -> dict[str, dict[str, float]]:
    """Each set's F1 per field (and speaker accuracy), rounded down to 3 decimals."""
    floors = {}
    for name, scores in results.items():
        floors[name] = {field: math.floor(scores.fields[field].f1 * 1000) / 1000 for field in FIELDS}
        if scores.speaker_accuracy is not None:
            floors[name]["claim_speaker_accuracy"] = math.floor(scores.speaker_accuracy * 1000) / 1000
        if scores.metric_accuracy is not None:
            floors[name]["claim_metric_accuracy"] = math.floor(scores.metric_accuracy * 1000) / 1000
        if scores.subjects.tp + scores.subjects.fn:
            floors[name]["claim_subjects"] = math.floor(scores.subjects.f1 * 1000) / 1000
    return floors


def render(results: dict[str, Scores], naive: dict[str, Scores]) -> str:
    sets = list(results)
    header = f"{'field':<15}" + "".join(f"{name + ' P/R/F1':>22}" for name in sets)
    if naive:
        header += "".join(f"{'naive ' + name:>14}" for name in sets)
    lines = [header]
    for field in FIELDS:
        row = f"{field:<15}"
        for name in sets:
            c = results[name].fields[field]
            row += f"{c.precision:>8.3f}{c.recall:>7.3f}{c.f1:>7.3f}"
        if naive:
            row += "".join(f"{naive[name].fields[field].f1:>14.3f}" for name in sets)
        lines.append(row)
    lines.append(f"{'claim subjects':<15}" + "".join(
        f"{results[n].subjects.precision:>8.3f}{results[n].subjects.recall:>7.3f}{results[n].subjects.f1:>7.3f}"
        if results[n].subjects.tp + results[n].subjects.fn else f"{'':>22}" for n in sets))
    for label, attr in (("speaker accuracy", "speaker_accuracy"), ("metric accuracy", "metric_accuracy")):
        lines.append(f"{label:<15}" + "".join(
            f"{'' if getattr(results[n], attr) is None else f'{getattr(results[n], attr):.3f}':>22}" for n in sets))
    lines.append(f"{'articles':<15}" + "".join(f"{results[n].articles:>22}" for n in sets))
    lines.append(f"{'published ok':<15}" + "".join(f"{results[n].published_right:>22}" for n in sets))
    lines.append(f"{'title ok':<15}" + "".join(f"{results[n].titles_right:>22}" for n in sets))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder with seed/ and eval/ (skipped when absent)")
    parser.add_argument("--samples", type=Path, default=SAMPLES)
    parser.add_argument("--no-naive", action="store_true", help="skip the naive baselines")
    parser.add_argument("--json", type=Path, help="also write all figures to this file")
    parser.add_argument("--verbose", action="store_true", help="print each article's misses (-) and extras (+)")
    parser.add_argument("--write-floors", type=Path, metavar="FILE",
                        help="pin today's figures as the accuracy gate's floors (tests/test_eval_gate.py)")
    args = parser.parse_args(argv)
    shared = args.shared if args.shared.exists() else None
    sets = gold_sets(args.samples, shared)
    settings = NlpSettings(models_dir=MODELS_DIR)
    processor = ArticleProcessor(settings)
    model = model_name(settings)
    results, naive = {}, {}
    for name, pairs in sets.items():
        if not pairs:
            continue
        records = extract_records([path for path, _ in pairs], processor)
        golds = [gold for _, gold in pairs]
        results[name] = score(records, golds)
        if not args.no_naive:
            naive[name] = score(naive_records(records, model), golds)
        if args.verbose:
            for file, misses in results[name].errors.items():
                print(f"[{name}] {file}: {json.dumps(misses, ensure_ascii=False)}")
    print(render(results, naive))
    if shared is None:
        print("(../shared not found: the seed article was not scored)")
    if args.write_floors:
        args.write_floors.write_text(json.dumps({"corpus_sha256": corpus_hash(sets), "floors": floors_of(results)},
                                                indent=1) + "\n")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"pipeline": {k: v.as_dict() for k, v in results.items()},
                                         "naive": {k: v.as_dict() for k, v in naive.items()}}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
