"""The team's tools: evaluation, scoring, benchmarks, corpus and gazetteer building. Not part of the
product: the package `pipeline` never imports them and the wheel does not ship them (tests/test_layout.py)."""
