"""What is read of a Doc once is read once, and goes with the Doc."""

from __future__ import annotations

import gc
import weakref

from spacy.lang.en import English

from pipeline.doctext import doc_text, per_doc, sentence_offsets


def test_a_per_doc_reading_is_done_once_for_each_doc_and_forgotten_with_it():
    nlp = English()
    calls = []

    @per_doc
    def length(doc):
        calls.append(doc)
        return len(doc)

    one, other = nlp.make_doc("Two words"), nlp.make_doc("Three words here")
    assert [length(one), length(one), length(other)] == [2, 2, 3]
    assert len(calls) == 2
    calls.clear()
    gone = weakref.ref(one)
    del one
    gc.collect()
    assert gone() is None  # what is kept does not keep its Doc alive


def test_text_and_sentences_are_the_docs():
    nlp = English()
    nlp.add_pipe("sentencizer")
    doc = nlp("Minsk grew. Brest grew too.")
    assert doc_text(doc) == doc.text
    assert sentence_offsets(doc) == [(sentence.start_char, sentence.end_char) for sentence in doc.sents]
    assert sentence_offsets(nlp("")) == []
