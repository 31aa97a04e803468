"""Entity knowledge shared by the entity ruler component and the entity extractor.

`catalog` loads the gazetteers, title lists and name tables of `models/` into one
immutable `Catalog`; `names` folds person names into join keys; `titles` reads the
title written around a person's name.
"""
