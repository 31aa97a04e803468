"""The project's spaCy components, one per module, each registered with `@Language.factory`.

    belta_amounts        amounts.py       money and percentages      (needs nothing)
    belta_entity_ruler   entity_ruler.py  people, places, companies  (after the model's `ner`)
    belta_dates          dates.py         dates and periods          (doc._.belta_published: article.py)
    belta_claims         claims.py        dated claims               (after the three above)

spaCy finds them through the `spacy_factories` entry point (`nlp.add_pipe("belta_dates")` in any
pipeline); `pipeline.nlp` imports them. What they find is kept on the Doc as span groups and plain
Doc extensions (spans.py); results.py reads it back into the stages' types.
"""
