"""The per-Doc token views and the word memo of pipeline/entities/tokens.py."""

from __future__ import annotations

import spacy

from pipeline.entities.tokens import WordMemo, sentence_bounds, texts


def test_a_word_is_read_once_and_the_memo_starts_again_past_its_bound():
    calls: list[str] = []
    memo = WordMemo(lambda word: calls.append(word) or word.upper(), bound=2)
    assert [memo[w] for w in ("a", "b", "a", "b")] == ["A", "B", "A", "B"]
    assert calls == ["a", "b"]
    assert memo["c"] == "C" and len(memo) == 1  # full: emptied before "c" was kept
    assert "a" not in memo


def test_token_views_are_the_docs_and_kept_with_it():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Minsk is big. Brest is not.")
    assert texts(doc) == [token.text for token in doc]
    assert texts(doc) is texts(doc)
    starts, ends = sentence_bounds(doc)
    assert [(starts[t.i], ends[t.i]) for t in doc] == [(t.sent.start, t.sent.end) for t in doc]
