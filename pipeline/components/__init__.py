"""The project's spaCy components, one per module, each registered with `@Language.factory`.

Importing this package registers them (spaCy also finds them through the
`spacy_factories` entry point).
"""
