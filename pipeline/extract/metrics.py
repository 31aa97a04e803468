"""What a claim measures (`metric`) and what its figure is about (`subjects`): a stage after claims.

`metric` is one of the closed list in `models/metrics.tsv`, chosen by the cue nearest the claim's
first figure (an amount, a percentage or a count); a claim that states no figure, or whose words
name none of the list, has none. A claim whose figure is "it", "the figure" or "this indicator"
without a cue of its own measures what the statement before it measured ("Trade ... is around
$110 million. In January-November 2025, it reached $108 million").

`subjects` are the regions, enterprises and organisations the claim names, in text order, less
those that only source the statement ("according to Belstat", "the National Bank said") or stand in
a person's title ("Governor of Kirov Oblast Aleksandr Sokolov"), plus what its references stand for:
"the region", "the district", "the company", "the plant" are the nearest such entity named before;
"it" and "its" in a claim that names nothing are the subjects of the statement before it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from spacy.tokens import Doc

from pipeline.anchors import Anchored, Words
from pipeline.doctext import doc_words
from pipeline.errors import ResourceError
from pipeline.extract.claims import claim_cues, sentence_spans
from pipeline.extract.entities import Entities
from pipeline.types import Article, Claim, Money, Percentage, Period
from pipeline.resources import MODELS_DIR, read_tsv

METRICS_FILE = "metrics.tsv"

# A count: digits that are no part of a date, amount or percentage ("26,000 tractors", "5.9 million tonnes").
_NUMBER = re.compile(r"\d[\d,.]*")
# What makes a claim's figure the one of the statement before it.
_CARRIED = Anchored(re.compile(r"(?i)\b(?:it|its|this figure|the figure|this indicator|the indicator|this volume|"
                               r"the volume)\b"))
_PRONOUN = Anchored(re.compile(r"(?i)\b(?:it|its)\b"))
# Words that say where a statement comes from: the entity after them sources it, it is not its subject. (The
# lookahead of their first letters lets `re` pass over the other characters at once, which under IGNORECASE it does
# not for the branches; IGNORECASE reads these letters in a class as it reads them alone.)
_SOURCED_BY = re.compile(r"(?i)(?=[adlprt])(?:according\s+to|learned\s+from|reported\s+by|data\s+(?:of|from)|"
                         r"press\s+service\s+of|told\s+by)\s+(?:the\s+)?(?:[A-Z][\w'-]*\s+){0,4}$")
# A title between an entity and the person it belongs to ("Kirov Oblast Governor Aleksandr Sokolov").
_AUXILIARY = re.compile(r"\s*(?:(?:has|have|had)\s+)?")
_TITLE_GAP = re.compile(r"\s+(?:[A-Z][\w-]*\s+){0,4}")
# "Sergei Matveyenko, Director General of Belshina", "Anna Kovalenko, an economist at Belarusian State University"
_TITLE_BEFORE = re.compile(r",\s+(?:[\w-]+\s+){1,6}")
# References to an entity named before, with the entities they may stand for.
_REFERENCES: dict[str, tuple[str, ...]] = {
    "the region": ("region",), "the oblast": ("region",), "the krai": ("region",), "the province": ("region",),
    "the district": ("district",), "the city": ("city",), "the town": ("city",), "the capital": ("city",),
    "the country": ("country",), "the republic": ("country",),
    **{f"the {word}": ("enterprise",) for word in (
        "company", "plant", "enterprise", "factory", "holding", "works", "refinery", "mill", "airline", "producer",
        "manufacturer", "exporter", "firm", "complex", "agro-complex", "concern", "group")},
    **{f"the {word}": ("organization",) for word in (
        "ministry", "committee", "university", "museum", "theater", "theatre", "academy", "park", "center",
        "centre", "organisation", "organization", "union", "commission", "regulator")},
}
# Lower case only: "the Ministry of Industry" is a name, not a reference.
# (the words after "the " in one alternation, not "the" again in each)
_REFERENCE = Anchored(re.compile(
    r"\b[Tt]he\ (?:" + "|".join(sorted((re.escape(r.removeprefix("the ")) for r in _REFERENCES), key=len, reverse=True))
    + r")\b(?![ -][A-Z])"))


@dataclass(frozen=True, slots=True)
class Metrics:
    """The closed list: `labels` by metric, and one pattern of every cue, longest first."""
    labels: dict[str, str]
    cues: Anchored
    metric_of: tuple[tuple[re.Pattern[str], str], ...]  # each cue's own pattern and its metric, longest first
    # the metric of each cue as written, kept: finding it tries the patterns one by one
    named: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def metric(self, cue: str) -> str:
        metric = self.named.get(cue)
        if metric is None:
            metric = self.named[cue] = next(metric for pattern, metric in self.metric_of if pattern.fullmatch(cue))
        return metric


def load_metrics(path: Path) -> Metrics:
    labels: dict[str, str] = {}
    cues: list[tuple[str, str]] = []
    for number, row in enumerate(read_tsv(path, required=("metric", "label", "cues", "source")), start=2):
        if row["metric"] in labels:
            raise ResourceError(f"{path}:{number}: metric {row['metric']!r} is listed twice")
        labels[row["metric"]] = row["label"]
        cues += [(cue.strip(), row["metric"]) for cue in row["cues"].split("|") if cue.strip()]
    patterns = sorted(((cue, _cue_pattern(cue), metric) for cue, metric in cues), key=lambda p: -len(p[1]))
    # One branch per first character, its cues longest first: `re` enters every branch of an alternation in turn,
    # and under IGNORECASE it cannot skip one by its first character. The cues start with ASCII characters, no two of
    # which IGNORECASE reads alike, so at most one branch can match at a character and the cue found is the same.
    branches: dict[str, list[str]] = {}
    for cue, pattern, _ in patterns:
        first = re.escape(cue[0])  # what the pattern starts with
        branches.setdefault(cue[0].lower(), [first]).append(pattern[len(first):])
    alternation = "|".join(f"{first}(?:{'|'.join(rests)})" for first, *rests in branches.values())
    return Metrics(labels=labels, cues=Anchored(re.compile(rf"(?i)\b(?:{alternation})\b")),
                   metric_of=tuple((re.compile(p, re.IGNORECASE), metric) for _, p, metric in patterns))


def _cue_pattern(cue: str) -> str:
    """`export*` -> export\\w*; spaces match any run of white space."""
    stem, star = (cue[:-1], r"[\w-]*") if cue.endswith("*") else (cue, "")
    return r"\s+".join(map(re.escape, stem.split())) + star


@cache
def metrics(models_dir: Path = MODELS_DIR) -> Metrics:
    """The list from `models_dir/metrics.tsv`, once per process."""
    return load_metrics(models_dir / METRICS_FILE)


@dataclass(frozen=True, slots=True)
class _Said:
    """What a statement measures and what it is about by its own words, and whether it refers back for them ("it
    reached $108 million", "its exports"): then it measures, or is about, what the nearest statement before it that
    says so does."""
    metric: str | None
    subjects: tuple[str, ...]
    refers_to_metric: bool
    refers_to_subjects: bool


def add_metrics(doc: Doc, article: Article, claims: Sequence[Claim], *, entities: Entities,
                money: Sequence[Money], percentages: Sequence[Percentage], dates: Sequence[Period],
                models_dir: Path = MODELS_DIR) -> tuple[Claim, ...]:
    """The claims with `metric` and `subjects` set; every other field as it was."""
    if not claims:
        return ()
    reader = _Reader(doc_words(doc), entities, metrics(models_dir), claim_cues(models_dir).speech.pattern,
                     taken=[(item.start, item.end) for item in (*money, *percentages, *dates)],
                     figures=sorted(item.start for item in (*money, *percentages)))
    sentences = sentence_spans(doc, article)
    starts = [start for start, _ in sentences]
    claims_of: dict[int, list[tuple[int, Claim]]] = {}  # the claims of each sentence, in their order
    for index, claim in enumerate(claims):
        sentence = bisect.bisect_right(starts, claim.start) - 1
        if sentence >= 0 and claim.start < sentences[sentence][1]:
            claims_of.setdefault(sentence, []).append((index, claim))
    # the statements a claim may refer back to, in text order: each claim, and each sentence without one, up to the
    # last sentence with a claim; (start, end, the claim's index or None)
    statements: list[tuple[int, int, int | None]] = []
    for sentence, (start, end) in enumerate(sentences[:max(claims_of, default=-1) + 1]):
        parts = [(claim.start, claim.end, index) for index, claim in claims_of.get(sentence, ())]
        statements += parts or [(start, end, None)]
    said: list[_Said | None] = [None] * len(statements)

    def read(number: int) -> _Said:
        """The statement read once, and only when asked: most sentences without a claim are never referred back to."""
        if said[number] is None:
            said[number] = reader.read(*statements[number][:2])
        return said[number]

    def last(number: int, part: str) -> str | tuple[str, ...] | None:
        """What the nearest statement before the `number`th that says a `part` ("metric", "subjects") says."""
        return next((value for earlier in range(number - 1, -1, -1) if (value := getattr(read(earlier), part))), None)

    done: dict[int, Claim] = {}
    for number, (_, _, index) in enumerate(statements):
        if index is not None:
            own = read(number)
            metric = last(number, "metric") if own.refers_to_metric else own.metric
            subjects = (last(number, "subjects") or ()) if own.refers_to_subjects else own.subjects
            done[index] = replace(claims[index], metric=metric, subjects=subjects)
    # every claim lies in one of the sentences it was read from
    return tuple(done.get(index, claim) for index, claim in enumerate(claims))


class _Reader:
    def __init__(self, words: Words, entities: Entities, listed: Metrics, speech: re.Pattern[str], *,
                 taken: list[tuple[int, int]], figures: list[int]) -> None:
        self.text = words.text
        self.words = words
        self.listed = listed
        self.speech = speech
        self.taken: set[int] = set()
        for start, end in taken:
            self.taken.update(range(start, end))
        self.figures = figures
        self.people = sorted((m.start, m.end) for p in entities.people for m in p.mentions)
        self.people_starts = [start for start, _ in self.people]
        self.people_starts_set = frozenset(self.people_starts)
        self.longest_person = max((end - start for start, end in self.people), default=0)
        # (start, end, name, what it is) of every mention a subject may come from, in text order
        self.mentions = sorted(
            [(m.start, m.end, r.name, r.kind) for r in entities.regions for m in r.mentions]
            + [(m.start, m.end, e.name, "enterprise") for e in entities.enterprises for m in e.mentions]
            + [(m.start, m.end, o.name, "organization") for o in entities.organizations for m in o.mentions])
        self.mention_starts = [mention[0] for mention in self.mentions]

    def read(self, start: int, end: int) -> _Said:
        figures = self._figures(start, end)
        metric = self._metric(start, end, figures) if figures else None  # a statement without a figure measures nothing
        refers_to_metric = (metric is None and bool(figures)
                            and next(_CARRIED.finditer(self.text, self.words, start, end), None) is not None)
        first, last = bisect.bisect_left(self.mention_starts, start), bisect.bisect_right(self.mention_starts, end)
        inside = [(s, e, name) for s, e, name, _ in self.mentions[first:last] if e <= end]
        # a name that sources the statement or stands in a title is no subject of it, however else it is written
        # ("the National Statistics Committee (Belstat)")
        aside = {name for s, e, name in inside if self._source(s, e) or self._title(s, e)}
        named = [(s, name) for s, _, name in inside if name not in aside]
        for reference in _REFERENCE.finditer(self.text, self.words, start, end):
            kinds = _REFERENCES[reference.group().lower()]
            earlier = [(s, name) for s, _, name, kind in self.mentions if kind in kinds and s < reference.start()]
            if earlier:
                named.append((reference.start(), earlier[-1][1]))
        subjects = _unique(name for _, name in sorted(named))
        refers_to_subjects = (not subjects
                              and next(_PRONOUN.finditer(self.text, self.words, start, end), None) is not None)
        return _Said(metric, subjects, refers_to_metric, refers_to_subjects)

    def _figures(self, start: int, end: int) -> list[int]:
        counts = [m.start() for m in _NUMBER.finditer(self.text, start, end) if m.start() not in self.taken]
        inside = self.figures[bisect.bisect_left(self.figures, start):bisect.bisect_left(self.figures, end)]
        return sorted(inside + counts)

    def _metric(self, start: int, end: int, figures: list[int]) -> str | None:
        """The metric of the listed cue nearest the first figure."""
        cues = list(self.listed.cues.finditer(self.text, self.words, start, end))
        if not cues:
            return None
        first = figures[0]
        # the nearest cue; at equal distance the one before the figure ("exports of $5 million")
        nearest = min(cues, key=lambda m: (min(abs(m.start() - first), abs(m.end() - first)), m.start() > first))
        return self.listed.metric(nearest.group())

    def _source(self, start: int, end: int) -> bool:
        """The entity says where the statement comes from: "according to X", "X said", "X has reported"."""
        if _SOURCED_BY.search(self.text, max(0, start - 80), start):
            return True
        return bool(self.speech.match(self.text, _AUXILIARY.match(self.text, end).end()))

    def _title(self, start: int, end: int) -> bool:
        """The entity is part of a person's title, before the name or after it ("X, Director of Y,")."""
        gap = _TITLE_GAP.match(self.text, end)
        following = gap.end() if gap else end
        if following in self.people_starts_set:
            return True
        # the people mentions ending within 100 characters before it start within 100 + the longest mention
        nearby = self.people[bisect.bisect_left(self.people_starts, start - 100 - self.longest_person):
                             bisect.bisect_right(self.people_starts, start)]
        earlier = [e for _, e in nearby if e <= start and start - e < 100]
        return bool(earlier) and bool(_TITLE_BEFORE.fullmatch(self.text, earlier[-1], start))


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))
