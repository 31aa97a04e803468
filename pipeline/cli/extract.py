"""`extract`: pages in, one record line per article out."""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from pathlib import Path

import click
import orjson

from pipeline.nlp import NlpSettings
from pipeline.readers import DEFAULT_MAX_BYTES, read_inputs
from pipeline.resources import MODELS_DIR
from pipeline.runner import DEFAULT_BATCH_SIZE, run_local


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", default="-", show_default=True, metavar="OUT.jsonl",
              help="Where to write the records; '-' is standard output.")
@click.option("--workers", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="all cores",
              help="Worker processes, each with its own copy of the model.")
@click.option("--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH_SIZE, show_default=True,
              help="Articles handed to a worker at a time.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Pages larger than this become error records instead of being read.")
@click.option("--model", default=None, metavar="NAME",
              help="spaCy model to load instead of the one in models/pipeline.cfg "
                   "(also BELTA_SPACY_MODEL), e.g. en_core_web_sm.")
@click.option("--models-dir", type=click.Path(file_okay=False, exists=True, path_type=Path), default=MODELS_DIR,
              show_default=True, help="Directory with pipeline.cfg, gazetteers and patterns.")
@click.option("-q", "--quiet", is_flag=True, help="No summary on stderr.")
def extract(inputs: tuple[str, ...], output: str, workers: int, batch_size: int, max_bytes: int,
            model: str | None, models_dir: Path, quiet: bool) -> None:
    """Extract records from INPUT... (files, directories, .gz, .jsonl, .zip, .tar.gz, or - for stdin).

    Every article yields exactly one line, in input order: a record, or an
    error record saying why it could not be processed. The exit code is 1 when
    any article failed.

    \b
    Example:
        python -m pipeline extract samples/articles -o out/records.jsonl --workers 2
    """
    for path in inputs:
        if path != "-" and not os.path.exists(path):
            raise click.BadParameter(f"{path!r} does not exist", param_hint="INPUT")
    settings = NlpSettings(models_dir=models_dir, model=model)
    started = time.monotonic()
    errors: Counter[str] = Counter()
    count = 0
    sink = click.open_file(output, "wb", atomic=output != "-")
    with sink:
        for lines in run_local(read_inputs(inputs, max_bytes=max_bytes), settings=settings,
                               workers=workers, batch_size=batch_size):
            for line in lines:
                count += 1
                if b'"error":{' in line:
                    errors[orjson.loads(line)["error"]["kind"]] += 1
                sink.write(line)
    if not quiet:
        failed = ", ".join(f"{kind} {n}" for kind, n in sorted(errors.items())) or "none"
        click.echo(f"{count} articles in, {count - sum(errors.values())} records, errors: {failed}; "
                   f"{time.monotonic() - started:.1f}s", err=True)
    if errors:
        sys.exit(1)
