"""BelTA news pipeline: pages in, structured records (record format 1.1) out.

`Extractor` is the Python API (pipeline/api.py); the record types are those passed between the
stages (pipeline/types.py); the exceptions are one tree (pipeline/errors.py). Anything else is
internal. The spaCy components are reached through spaCy (`nlp.add_pipe("belta_dates")`).
"""

from pipeline.errors import InputError, PipelineError, ResourceError
from pipeline.types import (Article, Claim, Dateline, Enterprise, Extraction, Failure, Mention, Money,
                              Organization, Percentage, Period, Person, Producer, RawPage, Region, Source,
                              Subdivision)

__all__ = [
    "Article", "Claim", "Dateline", "Enterprise", "Extraction", "Extractor", "Failure", "InputError", "Mention",
    "Money", "Organization", "Percentage", "Period", "Person", "PipelineError", "Producer", "RawPage", "Region",
    "ResourceError", "Source", "Subdivision",
]


def __getattr__(name: str):
    # The extractor imports spaCy: only code that asks for it pays for that (the store and the records do not).
    if name == "Extractor":
        from pipeline.api import Extractor

        return Extractor
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
