"""The pipeline's exceptions, all in one tree.

    PipelineError
     ├── InputError       an article cannot be read or parsed; becomes an error record
     └── ResourceError    a data file in models/ is missing or malformed

`InputError.kind` is a stable code that ends up in the error record
(`empty`, `binary`, `encoding`, `no_body`, `json`, `html`, `unreadable`, `too_large`,
`archive`, `unsafe_path`, `worker_died`, `internal`).
"""

from __future__ import annotations


class PipelineError(Exception):
    """Base of every error the pipeline raises on purpose."""


class InputError(PipelineError):
    """An input article is unusable; `kind` is its stable code."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class ResourceError(PipelineError):
    """A file under models/ is missing or has a bad row (the message names file and line)."""
