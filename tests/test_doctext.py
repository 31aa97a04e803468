"""What is read of a Doc once is read once, and goes with the Doc."""

from __future__ import annotations

import gc
import weakref

from spacy.lang.en import English

from pipeline.doctext import doc_text, per_doc, sentence_offsets


def counted_length(calls: list) -> per_doc:
    """A per-Doc reading of the Doc's length that notes each Doc it reads in `calls`."""
    @per_doc
    def length(doc):
        calls.append(doc)
        return len(doc)
    return length


def test_a_per_doc_reading_is_done_once_for_each_doc_and_forgotten_with_it():
    nlp = English()
    calls = []
    length = counted_length(calls)
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


def test_a_kept_reading_is_not_read_again():
    nlp = English()
    calls = []
    length = counted_length(calls)
    doc = nlp.make_doc("Two words")
    length.keep(doc, 7)
    assert length(doc) == 7 and calls == []


def test_an_articles_doc_holds_its_folded_text_and_what_the_components_need():
    from datetime import datetime

    from pipeline.components.article import article_doc, article_of, register_article_extensions
    from pipeline.normalize import fold_for_model
    from pipeline.types import Article, Source

    text = "MINSK, 19 January (BelTA) – Output rose by 5% in 2025 at the “Minsk” plant."
    article = Article(source=Source(path="x"), title=None, published=datetime(2026, 1, 19), category=None,
                      dateline=None, text=text)
    register_article_extensions()
    doc = article_doc(English(), article)
    assert doc_text(doc) == doc.text == fold_for_model(text)
    assert article_of(doc).text == text and article_of(doc).published == datetime(2026, 1, 19)
