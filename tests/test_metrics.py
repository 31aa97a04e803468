"""What claims measure (`metric`) and what their figures are about (`subjects`), and models/metrics.tsv."""

from __future__ import annotations

import re

import pytest

from pipeline.errors import ResourceError
from pipeline.extract.metrics import _cue_pattern, load_metrics
from pipeline.resources import MODELS_DIR, read_tsv

from .conftest import SAMPLES

METRICS_TSV = MODELS_DIR / "metrics.tsv"

# (body published 19 January 2026, [(metric, subjects) of each claim in order])
METRIC_FORMS = [
    # the example: "it" carries the metric and subjects of the sentence before, which is no claim
    ("Trade between Belarus and Kirov Oblast is around $110 million. In January-November 2025, it reached "
     "$108 million, which was 35% higher than in 2024.",
     [("foreign_trade", ["Belarus", "Kirov Oblast"])]),
    ("Minsk Tractor Works increased its exports by 12.7% in 2024, Director General Vitaly Korolkov told "
     "reporters on Monday.",
     [("exports", ["Minsk Tractor Works"])]),
    # a source is no subject; the nearest cue to the figure decides (inflation, not the National Bank's rate)
    ("According to the National Bank of Belarus, consumer prices rose by 4.6% in January-September 2025.",
     [("inflation", [])]),
    # "the plant" stands for the enterprise named before; a count is a figure
    ("Director General of Belshina Sergei Matveyenko visited Bobruisk. Last year the plant produced over "
     "26,000 tyres.",
     [("units_produced", ["Belshina"])]),
    # no figure: no metric, but still subjects
    ("The Grodno Oblast Executive Committee will open a museum in Lida in December.",
     [(None, ["Grodno Oblast Executive Committee", "Lida"])]),
    ("In 2025 Belarus signed contracts worth $40 million with Uzbekistan.",
     [("contracts", ["Belarus", "Uzbekistan"])]),
    ("The refinancing rate will be lowered to 9.25% from 1 March, the National Bank said.",
     [("refinancing_rate", [])]),
]


@pytest.mark.parametrize(("body", "expected"), METRIC_FORMS, ids=[b[:40] for b, _ in METRIC_FORMS])
def test_metric_and_subjects_of_claims(record_of, body, expected):
    record = record_of(body)
    assert [(c["metric"], c["subjects"]) for c in record["claims"]] == expected


def test_every_metric_of_a_record_is_listed(record_of):
    listed = load_metrics(METRICS_TSV).labels
    record = record_of("In 2025 the district harvested 120,000 tonnes of grain. The average salary reached Br2,157 "
                       "in December.")
    metrics = [c["metric"] for c in record["claims"]]
    assert metrics == ["harvest", "wages"] and set(metrics) <= set(listed)


def test_metrics_file_has_unique_metrics_cues_and_a_source_for_each():
    rows = list(read_tsv(METRICS_TSV, required=("metric", "label", "cues", "source")))
    metrics = [row["metric"] for row in rows]
    cues = [cue for row in rows for cue in row["cues"].split("|")]
    assert len(metrics) == len(set(metrics)) and len(cues) == len(set(cues))
    assert all(cue == cue.lower().strip() and cue for cue in cues)
    assert {"foreign_trade", "exports", "imports", "investment", "gdp", "industrial_output", "agricultural_output",
            "harvest", "inflation", "refinancing_rate", "wages", "budget", "trade_balance", "contracts",
            "units_produced", "units_delivered"} <= set(metrics)


def test_cues_grouped_by_first_character_match_as_one_alternation_does():
    cues = [cue.strip() for row in read_tsv(METRICS_TSV, required=("metric", "cues"))
            for cue in row["cues"].split("|") if cue.strip()]
    plain = re.compile(r"(?i)\b(?:" + "|".join(sorted(map(_cue_pattern, cues), key=len, reverse=True)) + r")\b")
    grouped = load_metrics(METRICS_TSV).cues.pattern
    # every cue, in capitals and run into the next ("EXPORTS OF GOODS"), then the sample articles
    texts = [" ".join(cue.rstrip("*").upper() for cue in cues), " ".join(cue.rstrip("*") + "s" for cue in cues)]
    texts += [path.read_text(encoding="utf-8") for path in sorted((SAMPLES / "articles").glob("*.txt"))]
    for text in texts:
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_metrics_file_with_a_metric_twice_is_refused(tmp_path):
    path = tmp_path / "metrics.tsv"
    path.write_text("metric\tlabel\tcues\tsource\nexports\texports\texport*\tx\nexports\texports\tsold\tx\n")
    with pytest.raises(ResourceError, match=r"metrics.tsv:3: metric 'exports' is listed twice"):
        load_metrics(path)


def test_metrics_file_row_without_a_source_is_refused(tmp_path):
    path = tmp_path / "metrics.tsv"
    path.write_text("metric\tlabel\tcues\tsource\nexports\texports\texport*\t\n")
    with pytest.raises(ResourceError, match=r"metrics.tsv:2: missing source"):
        load_metrics(path)
