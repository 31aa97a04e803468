"""BelTA news pipeline: pages in, structured records (record format v1) out."""

from pipeline.errors import InputError, PipelineError, ResourceError
from pipeline.records import (Article, Claim, Dateline, Enterprise, Extraction, Failure, Mention, Money,
                              Organization, Percentage, Period, Person, RawPage, Region, Source, Subdivision)

__all__ = [
    "Article", "Claim", "Dateline", "Enterprise", "Extraction", "Failure", "InputError", "Mention", "Money",
    "Organization", "Percentage", "Period", "Person", "PipelineError", "RawPage", "Region", "ResourceError",
    "Source", "Subdivision",
]
