"""Scoring records against gold files (the format of `../shared/eval/seed_gold.json`).

The project's own scorer, so `make eval` works without `../shared`. Its rules
follow the annotation conventions: entities match by folded name against the
gold name or an alias, one-to-one; money, percentages and dates are compared
as multisets of normalised values; a claim matches when the gold `contains`
substring is in its text and its interval equals the gold one. Where a gold claim also says what it
measures (`metric`) and what its figure is about (`subjects`, gold names or aliases), matched claims are
scored on those too: metric accuracy, and subjects precision/recall/F1; gold without them is not scored.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ENTITY_FIELDS = ("people", "regions", "enterprises", "organizations")
VALUE_FIELDS = ("money", "percentages", "dates")
FIELDS = (*ENTITY_FIELDS, *VALUE_FIELDS, "claims")
NON_WORD = re.compile(r"[\W_]+")


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Scores:
    fields: dict[str, Counts] = field(default_factory=lambda: {name: Counts() for name in FIELDS})
    speakers_right: int = 0
    claims_matched: int = 0
    # what matched claims measure and are about, where the gold says (our samples' extension of the format)
    metrics_right: int = 0
    metrics_scored: int = 0
    subjects: Counts = field(default_factory=Counts)
    published_right: int = 0
    titles_right: int = 0
    articles: int = 0
    missing_records: list[str] = field(default_factory=list)
    errors: dict[str, dict[str, list[Any]]] = field(default_factory=dict)  # file -> field -> misses/extras

    @property
    def speaker_accuracy(self) -> float | None:
        return self.speakers_right / self.claims_matched if self.claims_matched else None

    @property
    def metric_accuracy(self) -> float | None:
        return self.metrics_right / self.metrics_scored if self.metrics_scored else None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {name: {"precision": round(c.precision, 3), "recall": round(c.recall, 3),
                                      "f1": round(c.f1, 3), "tp": c.tp, "fp": c.fp, "fn": c.fn}
                               for name, c in self.fields.items()}
        out["claim_speaker_accuracy"] = None if self.speaker_accuracy is None else round(self.speaker_accuracy, 3)
        out["claim_metric_accuracy"] = None if self.metric_accuracy is None else round(self.metric_accuracy, 3)
        s = self.subjects
        out["claim_subjects"] = {"precision": round(s.precision, 3), "recall": round(s.recall, 3),
                                 "f1": round(s.f1, 3), "tp": s.tp, "fp": s.fp, "fn": s.fn}
        out["published_accuracy"] = round(self.published_right / self.articles, 3) if self.articles else None
        out["title_accuracy"] = round(self.titles_right / self.articles, 3) if self.articles else None
        out["articles"] = self.articles
        return out


def fold(name: str) -> str:
    """Case-, accent-, punctuation- and whitespace-insensitive form of a name."""
    decomposed = unicodedata.normalize("NFKD", name).casefold()
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(NON_WORD.sub(" ", plain).split())


def score(records: Iterable[Mapping[str, Any]], golds: Iterable[Mapping[str, Any]]) -> Scores:
    """Score records (paired with gold by the basename of `source.path`) against gold files."""
    by_file: dict[str, Mapping[str, Any]] = {}
    for record in records:
        by_file.setdefault(Path((record.get("source") or {}).get("path") or "").name, record)
    scores = Scores()
    for gold in golds:
        record = by_file.get(gold["file"])
        if record is None:
            scores.missing_records.append(gold["file"])
            record = {}
        _score_article(record, gold, scores)
    return scores


def _score_article(record: Mapping[str, Any], gold: Mapping[str, Any], scores: Scores) -> None:
    report: dict[str, list[Any]] = {}
    for name in ENTITY_FIELDS:
        extra, missed = _match_entities(record.get(name) or [], gold.get(name) or [])
        scores.fields[name].add(len(gold.get(name) or []) - len(missed), len(extra), len(missed))
        report[name] = [*(f"+{e}" for e in extra), *(f"-{m}" for m in missed)]
    value_keys = {"money": _money_key, "percentages": _percentage_key, "dates": _period_key}
    for name, key in value_keys.items():
        predicted = Counter(map(key, record.get(name) or []))
        expected = Counter(map(key, gold.get(name) or []))
        hits = sum((predicted & expected).values())
        scores.fields[name].add(hits, sum(predicted.values()) - hits, sum(expected.values()) - hits)
        report[name] = [*(f"+{k}" for k in (predicted - expected).elements()),
                        *(f"-{k}" for k in (expected - predicted).elements())]
    report["claims"] = _score_claims(record.get("claims") or [], gold.get("claims") or [], scores,
                                     _canonical_names(gold))
    scores.articles += 1
    scores.published_right += str(record.get("published") or "")[:10] == gold.get("published")
    scores.titles_right += fold(record.get("title") or "") == fold(gold.get("title") or "")
    scores.errors[gold["file"]] = {name: misses for name, misses in report.items() if misses}


def _match_entities(predicted: list[Mapping[str, Any]], gold: list[Mapping[str, Any]]) -> tuple[list[str], list[str]]:
    """Names predicted but not in gold, and gold names not predicted (each gold entity used once)."""
    names = [{fold(g["name"]), *(fold(a) for a in g.get("aliases") or [])} for g in gold]
    free = set(range(len(gold)))
    extra = []
    for entity in predicted:
        key = fold(entity.get("name") or "")
        hit = next((i for i in sorted(free) if key in names[i]), None)
        if hit is None:
            extra.append(entity.get("name"))
        else:
            free.discard(hit)
    return extra, [gold[i]["name"] for i in sorted(free)]


def _canonical_names(gold: Mapping[str, Any]) -> dict[str, str]:
    """Folded name or alias -> folded canonical name, of the gold's regions, enterprises and organisations."""
    names = {}
    for field_name in ("regions", "enterprises", "organizations"):
        for entity in gold.get(field_name) or []:
            for name in (entity["name"], *(entity.get("aliases") or [])):
                names.setdefault(fold(name), fold(entity["name"]))
    return names


def _score_claims(predicted: list[Mapping[str, Any]], gold: list[Mapping[str, Any]], scores: Scores,
                  canonical: Mapping[str, str]) -> list[str]:
    taken: set[int] = set()
    misses = []
    for expected in gold:
        interval = (expected["start"], expected["end"])
        hit = next((i for i, claim in enumerate(predicted) if i not in taken
                    and expected["contains"] in (claim.get("text") or "") and _period_key(claim) == interval), None)
        if hit is None:
            misses.append(f"-{expected['contains']}")
            continue
        taken.add(hit)
        scores.claims_matched += 1
        scores.speakers_right += fold(predicted[hit].get("speaker") or "") == fold(expected.get("speaker") or "")
        if "metric" in expected:
            scores.metrics_scored += 1
            scores.metrics_right += predicted[hit].get("metric") == expected["metric"]
        if "subjects" in expected:
            said = {canonical.get(fold(name), fold(name)) for name in predicted[hit].get("subjects") or []}
            meant = {canonical.get(fold(name), fold(name)) for name in expected["subjects"]}
            scores.subjects.add(len(said & meant), len(said - meant), len(meant - said))
    scores.fields["claims"].add(len(taken), len(predicted) - len(taken), len(misses))
    return misses + [f"+{predicted[i].get('text', '')[:60]}" for i in range(len(predicted)) if i not in taken]


def _amount(value: Any) -> float | None:
    return None if value is None else round(float(value), 2)


def _money_key(item: Mapping[str, Any]) -> tuple[Any, ...]:
    return _amount(item.get("low")), _amount(item.get("high")), str(item.get("currency") or "").upper()


def _percentage_key(item: Mapping[str, Any]) -> float | None:
    return _amount(item.get("value"))


def _period_key(item: Mapping[str, Any]) -> tuple[Any, Any]:
    """Records say `from`/`to`, gold says `start`/`end` (gold `start` is a date string, never an offset)."""
    first = item.get("from") if "from" in item else item.get("start")
    last = item.get("to") if "to" in item else item.get("end")
    return first, last
