"""The package's public surface is explicit and complete."""

from __future__ import annotations

import pipeline
import pipeline.records


def test_all_lists_every_public_record_type():
    public_types = {name for name, value in vars(pipeline.records).items()
                    if isinstance(value, type) and value.__module__ == "pipeline.records"}
    assert public_types <= set(pipeline.__all__)


def test_all_names_resolve():
    for name in pipeline.__all__:
        assert getattr(pipeline, name) is not None
