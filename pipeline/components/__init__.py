"""The project's spaCy components, one per module, each registered with `@Language.factory`.

Importing this package registers them (spaCy also finds them through the
`spacy_factories` entry point).
"""

from pipeline.components import amounts  # noqa: F401
from pipeline.components import entity_ruler  # noqa: F401
