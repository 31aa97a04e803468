"""The package's public surface is explicit and complete, and the Python API gives the command line's records."""

from __future__ import annotations

import subprocess
import sys
from types import ModuleType

import orjson
import pytest

import pipeline
import pipeline.types
from pipeline import Extractor, InputError

from .conftest import SAMPLES


def test_all_lists_every_public_name_sorted():
    """As httpx tests its own: what the package holds is what `__all__` says, no more, no less."""
    public = {name for name, value in vars(pipeline).items() if not name.startswith("_")
              and not isinstance(value, ModuleType)}
    assert set(pipeline.__all__) == public | {"Extractor"}  # Extractor is imported when asked for
    assert pipeline.__all__ == sorted(pipeline.__all__)


def test_all_lists_every_public_record_type():
    public_types = {name for name, value in vars(pipeline.types).items()
                    if isinstance(value, type) and value.__module__ == "pipeline.types"}
    assert public_types <= set(pipeline.__all__)


def test_all_names_resolve():
    for name in pipeline.__all__:
        assert getattr(pipeline, name) is not None


def test_importing_the_package_does_not_import_spacy():
    code = "import sys, pipeline, pipeline.types; print('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


PAGE = SAMPLES / "articles" / "01_minsk-tractor-works-results.txt"


def test_extract_gives_the_record_the_command_line_gives(extractor, tmp_path):
    record = extractor.extract(PAGE.read_bytes())
    (line,) = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(PAGE), "--workers", "1", "-q"],
                             capture_output=True, check=True).stdout.splitlines()
    expected = orjson.loads(line)
    assert record == {**expected, "source": {"path": "<string>", "line": None, "url": None}}


def test_extract_takes_published_title_and_url(extractor):
    body = "MINSK, 19 January (BelTA) – Belshina exported tyres worth $5 million to Russia last year."
    record = extractor.extract(body, published="2026-01-19T11:27:00+03:00", title="Tyres", url="https://x.by/1")
    assert (record["published"], record["title"], record["source"]["url"]) == (
        "2026-01-19T11:27:00+03:00", "Tyres", "https://x.by/1")
    assert record["dates"][0]["from"] == "2025-01-01"


def test_extract_of_an_unusable_page_raises_input_error(extractor):
    with pytest.raises(InputError, match="empty") as caught:
        extractor.extract("   \n")
    assert caught.value.kind == "empty"


def test_extract_many_streams_records_in_order_with_errors_in_place(extractor):
    def pages():
        yield PAGE.read_text(encoding="utf-8")
        yield {"text": "MINSK, 19 January (BelTA) – Trade grew by 5% in 2025.", "published": "2026-01-19",
               "url": "https://x.by/2"}
        yield b""
        raise AssertionError("read past what was asked for")  # records come as pages are read, a batch at a time

    records = extractor.extract_many(pages(), batch_size=3)
    first, second, third = (next(records) for _ in range(3))
    assert first["title"] and first["source"] == {"path": "<string>", "line": 1, "url": None}
    assert second["percentages"][0]["value"] == 5.0 and second["source"]["url"] == "https://x.by/2"
    assert third["error"]["kind"] == "empty" and third["source"]["line"] == 3
