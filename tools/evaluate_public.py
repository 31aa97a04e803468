"""Scores on public news annotated by others (see ../shared/eval/public/README.md).

    python -m tools.evaluate_public [--public-dir DIR ...] [--baseline]

Each `--public-dir` is searched for the development splits it may hold (`CORPORA`): MEANTIME dev
(`meantime-dev.jsonl`, in ../shared), and, made with the converters of ../shared/eval/public/scripts
from the git snapshots it lists, OntoNotes 5.0 dev (`ontonotes-dev/onto.development.jsonl`; its
newswire, and the Xinhua part of it apart), CoNLL-2003 testa (`conll2003-testa.jsonl`) and the
TempEval-3 training data (`timebank.jsonl`, `aquaint.jsonl`). The test splits are never read.

Each article goes through the pipeline's spaCy `Language` and the extraction stages, with its
document creation time (where the corpus gives one) as the publication date. Each metric is one
function `(articles, docs) -> list[Score]`; a corpus lists the metrics its annotation supports.

Entities (OntoNotes, CoNLL): our mentions against the gold spans, people<->PERSON/PER,
regions<->GPE (CoNLL: LOC), enterprises+organisations<->ORG, beside the bare model's own
PERSON, GPE and ORG entities on the same Doc. Only named mentions of ours count (a descriptive
reference such as "the president" or "The minister" is no named entity in these corpora). Like with like: where the
gold has a historical state as a GPE ("the Soviet Union", "West Germany"), which our conventions
take for no region, neither we nor the bare model are scored.

Money and percentages are compared as character spans. MEANTIME and OntoNotes spans keep
qualifiers ("about US$ 16 million") that our conventions leave out, so the headline figure is
*overlap* match (a predicted and a gold span that share a character, paired one to one, in
order); *exact* match is printed beside it. MEANTIME also groups some amounts that belong
together ("$381 million, or $0.67", "20 to 25 percent") and annotates each part as well: a gold
span that contains another gold span of its type is dropped, like with like. MEANTIME annotates
only the start of each article (the headline, the date line and the first sentences, one a
line): predictions are scored up to the end of the line that holds the article's last
annotation of any kind.

Date values (MEANTIME, TimeBank, AQUAINT) are scored the way the TempEval-3 scorer scores
values: a gold TIMEX3 DATE whose value is a calendar span counts as found when a predicted date
overlapping it has the same interval.

Organisation names on MEANTIME compare our enterprise and organisation mentions with its named
ORG and FIN mentions, where MEANTIME annotated anything (see `organization_names`).

`--baseline` adds the naive figures: quantulum3 alone on every sentence, a quantity counting
as money when its unit is a currency and as a percentage when its unit is a percentage;
dateparser's `search_dates`; the model's own ORG entities.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import click
import orjson
from spacy.tokens import Doc

from pipeline.components.entity_ruler import CATALOG_ATTR
from pipeline.extract.date_resolver import month_interval, ten_days, year_interval
from pipeline.extract.dates import extract_dates
from pipeline.extract.entities import extract_entities
from pipeline.extract.money import extract_money, in_dateline
from pipeline.extract.percentages import extract_percentages
from pipeline.nlp import build_language
from pipeline.normalize import fold_for_model
from pipeline.types import Article, Dateline, Source
from tools.scoring import Counts

MEANTIME_FILE = "meantime-dev.jsonl"
TIMEX_PARTS = {"START": 0, "MID": 1, "END": 2}  # TIMEX3 `mod` of a part of a named month ("mid-November")
MONTH_NAME = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")
Span = tuple[int, int]


@dataclass(slots=True, kw_only=True)
class Score(Counts):
    """Precision, recall and F1 of one metric under one matching rule."""

    name: str

    def line(self) -> str:
        return (f"{self.name:<34} P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"
                f"   (tp {self.tp}, fp {self.fp}, fn {self.fn})")


@dataclass(frozen=True, slots=True, kw_only=True)
class PublicArticle:
    article: Article
    gold: dict  # the MEANTIME row as read
    scope_end: int  # the annotated part of the text ends here


Metric = Callable[[Sequence[PublicArticle], Sequence[Doc]], list[Score]]


def read_meantime(path: Path) -> list[PublicArticle]:
    articles = []
    for number, line in enumerate(path.read_bytes().splitlines(), start=1):
        if not line.strip():
            continue
        row = orjson.loads(line)
        dct = row["dct"]
        created = date.fromisoformat(dct["value"][:10])
        article = Article(source=Source(path=str(path), line=number), title=None,
                          published=datetime(created.year, created.month, created.day), category=None,
                          dateline=Dateline(place="", date=created, start=dct["start"], end=dct["end"]),
                          text=row["text"])
        articles.append(PublicArticle(article=article, gold=row, scope_end=_annotated_end(row)))
    return articles


# Gold entity labels of each corpus, by our field: people, regions (places that are states or settlements)
# and organisations (our enterprises and organisations together).
ENTITY_LABELS = {"PERSON": "people", "PER": "people", "GPE": "regions", "ORG": "organisations"}
CONLL_LABELS = {"PER": "people", "LOC": "regions", "ORG": "organisations"}
MODEL_LABELS = {"PERSON": "people", "GPE": "regions", "ORG": "organisations"}
ENTITY_FIELDS = ("people", "regions", "organisations")


def read_entity_corpus(path: Path, *, labels: dict[str, str], sources: tuple[str, ...] | None = None
                       ) -> list[PublicArticle]:
    """Converted OntoNotes or CoNLL-2003 rows (`text`, `char_entities`), optionally only some OntoNotes
    sources ("wsj", "xinhua"; newswire is every `nw` source). Entities become `entities` by our field,
    MONEY and PERCENT spans `values`, as in MEANTIME."""
    articles = []
    for number, line in enumerate(path.read_bytes().splitlines(), start=1):
        row = orjson.loads(line)
        if sources is not None and (row.get("genre") != "nw" or (sources and row.get("source") not in sources)):
            continue
        spans = row["char_entities"]
        gold = {"entities": [{"start": e["start"], "end": e["end"], "field": labels[e["label"]]}
                             for e in spans if e["label"] in labels],
                "values": [{"type": e["label"], "start": e["start"], "end": e["end"]}
                           for e in spans if e["label"] in ("MONEY", "PERCENT")],
                "timexes": [], "entity_mentions": []}
        article = Article(source=Source(path=str(path), line=number), title=None, published=None, category=None,
                          dateline=None, text=row["text"])
        articles.append(PublicArticle(article=article, gold=gold, scope_end=len(row["text"])))
    return articles


def read_timeml(path: Path) -> list[PublicArticle]:
    """TempEval-3 training documents converted by timeml_stats.py: `dct`, `text`, `timexes`."""
    articles = []
    for number, line in enumerate(path.read_bytes().splitlines(), start=1):
        row = orjson.loads(line)
        created = date.fromisoformat(row["dct"]["value"][:10])
        article = Article(source=Source(path=str(path), line=number), title=None,
                          published=datetime(created.year, created.month, created.day), category=None,
                          dateline=None, text=row["text"])
        gold = {"timexes": row["timexes"], "values": [], "entity_mentions": []}
        articles.append(PublicArticle(article=article, gold=gold, scope_end=len(row["text"])))
    return articles


def _annotated_end(row: dict) -> int:
    ends = [m["end"] for key in ("entity_mentions", "values", "timexes") for m in row[key] if "end" in m]
    line_end = row["text"].find("\n", max(ends, default=0))
    return len(row["text"]) if line_end < 0 else line_end


# -- matching ------------------------------------------------------------------------------------

def exact_counts(predicted: Sequence[Span], gold: Sequence[Span]) -> tuple[int, int, int]:
    remaining = list(gold)
    tp = 0
    for span in predicted:
        if span in remaining:
            remaining.remove(span)
            tp += 1
    return tp, len(predicted) - tp, len(remaining)


def overlap_counts(predicted: Sequence[Span], gold: Sequence[Span]) -> tuple[int, int, int]:
    """One-to-one pairing of spans that share at least one character, greedy in text order."""
    used: set[int] = set()
    tp = 0
    for start, end in sorted(predicted):
        for index, (g_start, g_end) in enumerate(sorted(gold)):
            if index not in used and start < g_end and g_start < end:
                used.add(index)
                tp += 1
                break
    return tp, len(predicted) - tp, len(gold) - tp


def gold_spans(item: PublicArticle, kind: str) -> list[Span]:
    """The article's MEANTIME spans of `kind` outside the DCT line, groups of spans dropped."""
    spans = sorted({(v["start"], v["end"]) for v in item.gold["values"] if v["type"] == kind
                    and not in_dateline(item.article, v["start"], v["end"])})
    return [s for s in spans if not any(o != s and s[0] <= o[0] and o[1] <= s[1] for o in spans)]


def in_scope(item: PublicArticle, spans: Iterable[Span]) -> list[Span]:
    return [(start, end) for start, end in spans if end <= item.scope_end]


def span_scores(name: str, pairs: Iterable[tuple[list[Span], list[Span]]]) -> list[Score]:
    """Totals over articles of (predicted, gold) span lists, under both matching rules."""
    totals = {"exact": [0, 0, 0], "overlap": [0, 0, 0]}
    for predicted, gold in pairs:
        for rule, count in (("exact", exact_counts), ("overlap", overlap_counts)):
            for slot, value in enumerate(count(predicted, gold)):
                totals[rule][slot] += value
    return [Score(name=f"{name} ({rule})", tp=tp, fp=fp, fn=fn) for rule, (tp, fp, fn) in totals.items()]


# -- metrics -------------------------------------------------------------------------------------

def money_spans(articles: Sequence[PublicArticle], docs: Sequence[Doc]) -> list[Score]:
    return span_scores("money spans", (
        (in_scope(item, ((m.start, m.end) for m in extract_money(doc, item.article))), gold_spans(item, "MONEY"))
        for item, doc in zip(articles, docs)))


def percentage_spans(articles: Sequence[PublicArticle], docs: Sequence[Doc]) -> list[Score]:
    return span_scores("percentage spans", (
        (in_scope(item, ((p.start, p.end) for p in extract_percentages(doc, item.article))),
         gold_spans(item, "PERCENT"))
        for item, doc in zip(articles, docs)))


def baseline_spans(articles: Sequence[PublicArticle], docs: Sequence[Doc]) -> list[Score]:
    found = [naive_quantulum(doc, item.article) for item, doc in zip(articles, docs)]
    return [
        *span_scores("baseline money spans",
                     ((in_scope(i, f["money"]), gold_spans(i, "MONEY")) for i, f in zip(articles, found))),
        *span_scores("baseline percentage spans",
                     ((in_scope(i, f["percentages"]), gold_spans(i, "PERCENT")) for i, f in zip(articles, found))),
    ]


def timex_interval(value: str) -> tuple[date, date] | None:
    """A TIMEX3 DATE value as an inclusive interval; None for values that are no calendar span
    (PAST_REF, seasons, times of day)."""
    parts = value.split("-")
    try:
        year = int(parts[0])
        if len(parts[0]) == 3:  # "197": the 1970s
            return year_interval(year * 10)[0], year_interval(year * 10 + 9)[1]
        if len(parts[0]) != 4:
            return None
        if len(parts) == 1:
            return year_interval(year)
        if parts[1].startswith("Q") and len(parts) == 2:
            quarter = int(parts[1][1:])
            return month_interval(year, 3 * quarter - 2, 3 * quarter)
        if parts[1].startswith("W"):
            monday = date.fromisocalendar(year, int(parts[1][1:]), 1)
            if len(parts) == 3 and parts[2] == "WE":
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return (monday, monday + timedelta(days=6)) if len(parts) == 2 else None
        if len(parts) == 2:
            return month_interval(year, int(parts[1]))
        day = date(year, int(parts[1]), int(parts[2]))
        return (day, day) if len(parts) == 3 else None
    except ValueError:
        return None


def timex_dates(item: PublicArticle) -> list[tuple[Span, tuple[date, date]]]:
    """The article's DATE timexes in the text (some have no span), outside the DCT line, whose value
    is a calendar span. Like with like: TIMEX3 writes "mid-November" as the month with `mod` MID (START, END
    for "early", "late", "the end of"), where our conventions place the middle (first, last) ten days of a
    named month; such a month is compared as those ten days ("earlier this month" stays the month)."""
    found = []
    for timex in item.gold["timexes"]:
        interval = timex_interval(timex["value"]) if timex["type"] == "DATE" and "start" in timex else None
        if interval and timex.get("functionInDocument") != "CREATION_TIME" \
                and not in_dateline(item.article, timex["start"], timex["end"]):
            part = TIMEX_PARTS.get(timex.get("mod", ""))
            if part is not None and interval == month_interval(interval[0].year, interval[0].month) \
                    and MONTH_NAME.search(timex.get("text", "")):
                interval = ten_days(interval[0].year, interval[0].month, part)
            found.append(((timex["start"], timex["end"]), interval))
    return found


def same_value(gold: tuple[Span, tuple[date, date]], predicted: tuple[Span, tuple[date, date]]) -> bool:
    """Like with like: our conventions join "from 2009 to 2011" and "since 1987" into one period where
    TIMEX3 gives each year alone, so a timex strictly inside a predicted span counts when its interval
    opens or closes that period."""
    (g_start, g_end), (first, last) = gold
    (start, end), (p_first, p_last) = predicted
    if (first, last) == (p_first, p_last):
        return True
    inside = start <= g_start and g_end <= end and (start, end) != (g_start, g_end)
    return inside and (first == p_first or last == p_last)


def value_scores(name: str, pairs: Iterable[tuple[list[tuple[Span, tuple[date, date]]],
                                                  list[tuple[Span, tuple[date, date]]]]]) -> list[Score]:
    """tp: a gold timex overlapped by a prediction of the same value; fp: overlapped only by others;
    fn: no prediction of its value. Recall is the share of TIMEX3 values reproduced."""
    tp = fp = fn = 0
    for predicted, gold in pairs:
        for timex in gold:
            (g_start, g_end), _ = timex
            overlapping = [p for p in predicted if p[0][0] < g_end and g_start < p[0][1]]
            hit = any(same_value(timex, p) for p in overlapping)
            tp += hit
            fp += bool(overlapping) and not hit
            fn += not hit
    return [Score(name=name, tp=tp, fp=fp, fn=fn)]


def date_values(articles: Sequence[PublicArticle], docs: Sequence[Doc]) -> list[Score]:
    return value_scores("date values (TIMEX3 DATE)", (
        ([((p.start, p.end), (p.first, p.last)) for p in extract_dates(doc, item.article)], timex_dates(item))
        for item, doc in zip(articles, docs)))


def baseline_dates(articles: Sequence[PublicArticle], docs: Sequence[Doc]) -> list[Score]:
    return value_scores("baseline date values (search_dates)", (
        (naive_search_dates(item.article), timex_dates(item)) for item in articles))


def organization_names(articles: Sequence[PublicArticle], docs: Sequence[Doc]) -> list[Score]:
    """Our enterprise and organisation mentions against MEANTIME's named ORG and FIN mentions. MEANTIME
    annotates only the entities its events involve, so a mention of ours counts only where MEANTIME
    annotated something (of any type): precision then says how often we take a person or place for an
    organisation, not how many real companies MEANTIME left out."""
    pairs = []
    for item, doc in zip(articles, docs):
        found = extract_entities(doc, item.article)
        ours = [(m.start, m.end) for entity in (*found.enterprises, *found.organizations) for m in entity.mentions]
        pairs.append(_named_organization_pairs(item, ours))
    return span_scores("organisation names", pairs)[1:]  # overlap only: MEANTIME spans keep "the" and titles


def baseline_organizations(articles: Sequence[PublicArticle], docs: Sequence[Doc]) -> list[Score]:
    pairs = [_named_organization_pairs(item, [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG"])
             for item, doc in zip(articles, docs)]
    return span_scores("baseline organisation names", pairs)[1:]


def _named_organization_pairs(item: PublicArticle, predicted: Iterable[Span]) -> tuple[list[Span], list[Span]]:
    mentions = [m for m in item.gold["entity_mentions"] if not in_dateline(item.article, m["start"], m["end"])]
    annotated = [(m["start"], m["end"]) for m in mentions]
    gold = sorted({(m["start"], m["end"]) for m in mentions
                   if m["type"] in ("ORG", "FIN") and m["syntactic_type"] in ("NAM", "PRE.NAM")})
    kept = [(start, end) for start, end in in_scope(item, predicted)
            if any(start < e and s < end for s, e in annotated)]
    return kept, gold


def entity_spans(articles: Sequence[PublicArticle], docs: Sequence[Doc]) -> list[Score]:
    """Our named mentions per field beside the bare model's entities of the same Doc, against the gold."""
    ours: dict[str, list[tuple[list[Span], list[Span]]]] = {field: [] for field in ENTITY_FIELDS}
    model: dict[str, list[tuple[list[Span], list[Span]]]] = {field: [] for field in ENTITY_FIELDS}
    for item, doc in zip(articles, docs):
        text = item.article.text
        states = doc._.get(CATALOG_ATTR).historical_states
        # Like with like: our conventions take no historical state for a region ("the Soviet Union"), so neither
        # side is scored where the gold has one.
        unscored = [(e["start"], e["end"]) for e in item.gold["entities"] if e["field"] == "regions"
                    and _bare_name(text[e["start"]:e["end"]]) in states]
        gold = {field: sorted((e["start"], e["end"]) for e in item.gold["entities"] if e["field"] == field
                              and (e["start"], e["end"]) not in unscored) for field in ENTITY_FIELDS}
        found = extract_entities(doc, item.article)
        mine = {"people": found.people, "regions": found.regions,
                "organisations": (*found.enterprises, *found.organizations)}
        for field in ENTITY_FIELDS:
            spans = sorted((m.start, m.end) for entity in mine[field] for m in entity.mentions
                           if not m.text[:1].islower() and not m.text.lower().startswith("the "))
            ours[field].append((_scored(spans, unscored), gold[field]))
            model[field].append((_scored([(e.start_char, e.end_char) for e in doc.ents
                                          if MODEL_LABELS.get(e.label_) == field], unscored), gold[field]))
    scores = []
    for field in ENTITY_FIELDS:
        scores += span_scores(field, ours[field])[::-1]
        scores += span_scores(f"bare model {field}", model[field])[::-1]
    return scores


def _bare_name(text: str) -> str:
    """'The Soviet Union's' -> 'soviet union'."""
    text = text.lower().removesuffix("'s").removesuffix("'")
    return text.removeprefix("the ")


def _scored(spans: list[Span], unscored: list[Span]) -> list[Span]:
    return [(start, end) for start, end in spans if not any(start < e and s < end for s, e in unscored)]


METRICS: tuple[Metric, ...] = (money_spans, percentage_spans, date_values, organization_names)


def naive_search_dates(article: Article) -> list[tuple[Span, tuple[date, date]]]:
    """dateparser.search_dates alone on the body, each hit taken as the single day it returns."""
    from dateparser.search import search_dates

    published = article.published or datetime.now()
    hits = search_dates(article.text, languages=["en"], settings={"RELATIVE_BASE": published}) or []
    found, cursor = [], 0
    for text, moment in hits:
        start = article.text.find(text, cursor)
        if start < 0:
            continue
        cursor = start + len(text)
        if not in_dateline(article, start, cursor):
            found.append(((start, cursor), (moment.date(), moment.date())))
    return found


def naive_quantulum(doc: Doc, article: Article) -> dict[str, list[Span]]:
    """quantulum3 alone, sentence by sentence: the figure the grammar is measured against."""
    from quantulum3 import parser  # heavy: only the baseline needs it whole

    money: list[Span] = []
    percentages: list[Span] = []
    for sentence in doc.sents:
        for quantity in parser.parse(article.text[sentence.start_char:sentence.end_char]):
            start, end = (sentence.start_char + offset for offset in quantity.span)
            if in_dateline(article, start, end):
                continue
            if quantity.unit.entity.name == "currency":
                money.append((start, end))
            elif quantity.unit.name == "percentage":
                percentages.append((start, end))
    return {"money": money, "percentages": percentages}


def evaluate(articles: Sequence[PublicArticle], metrics: Sequence[Metric], nlp) -> list[Score]:
    docs = list(nlp.pipe(fold_for_model(item.article.text) for item in articles))
    return [score for metric in metrics for score in metric(articles, docs)]


@dataclass(frozen=True, slots=True)
class Corpus:
    name: str
    file: str  # under a --public-dir
    read: Callable[[Path], list[PublicArticle]]
    metrics: tuple[Metric, ...]
    baselines: tuple[Metric, ...] = ()


_ONTONOTES = "ontonotes-dev/onto.development.jsonl"
CORPORA = (
    Corpus("MEANTIME dev", MEANTIME_FILE, read_meantime, METRICS,
           (baseline_spans, baseline_dates, baseline_organizations)),
    Corpus("OntoNotes dev newswire", _ONTONOTES,
           lambda path: read_entity_corpus(path, labels=ENTITY_LABELS, sources=()),
           (entity_spans, money_spans, percentage_spans), (baseline_spans,)),
    Corpus("OntoNotes dev Xinhua", _ONTONOTES,
           lambda path: read_entity_corpus(path, labels=ENTITY_LABELS, sources=("xinhua",)), (entity_spans,)),
    Corpus("CoNLL-2003 testa", "conll2003-testa.jsonl",
           lambda path: read_entity_corpus(path, labels=CONLL_LABELS), (entity_spans,)),
    Corpus("TimeBank", "timebank.jsonl", read_timeml, (date_values,), (baseline_dates,)),
    Corpus("AQUAINT", "aquaint.jsonl", read_timeml, (date_values,), (baseline_dates,)),
)


@click.command()
@click.option("--public-dir", "public_dirs", type=click.Path(file_okay=False, path_type=Path), multiple=True,
              default=(Path("../shared/eval/public"),), show_default=True,
              help="A folder holding public development splits (repeatable).")
@click.option("--only", "only", multiple=True, help="Score only the corpora whose name starts with this.")
@click.option("--baseline", is_flag=True, help="Also score the naive tools (slow: quantulum3 parses every sentence).")
def main(public_dirs: tuple[Path, ...], only: tuple[str, ...], baseline: bool) -> None:
    """Entity, money, percentage and date scores on public news, beside the bare model and naive tools.

    Example: python -m tools.evaluate_public --public-dir ../shared/eval/public --public-dir ../public-data
    """
    nlp = None
    found = 0
    for corpus in CORPORA:
        if only and not any(corpus.name.lower().startswith(prefix.lower()) for prefix in only):
            continue
        path = next((d / corpus.file for d in public_dirs if (d / corpus.file).is_file()), None)
        if path is None:
            continue
        found += 1
        nlp = nlp or build_language()
        articles = corpus.read(path)
        metrics = (*corpus.metrics, *corpus.baselines) if baseline else corpus.metrics
        click.echo(f"\n{corpus.name}: {len(articles)} articles from {path}; overlap is the headline rule")
        for score in evaluate(articles, metrics, nlp):
            click.echo(score.line())
    if not found:
        click.echo(f"no public development split found in {', '.join(map(str, public_dirs))}: nothing to evaluate "
                   "(the public sets live outside the project).")


if __name__ == "__main__":
    sys.exit(main())
