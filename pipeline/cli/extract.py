"""`extract`: pages in, one record line per article out."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

import click

from pipeline.checkpoint import ResumableWriter, StreamWriter, checkpoint_temporary_path, is_complete
from pipeline.cli.errors import Unusable
from pipeline.cli.progress import progress_bar
from pipeline.cli.store import db_option
from pipeline.errors import PipelineError
from pipeline.readers import DEFAULT_MAX_BYTES, ReadItem, input_manifest, is_stream, read_inputs
from pipeline.resources import NlpSettings
from pipeline.types import printable
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
@click.option("--models-dir", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              show_default="the installed data", help="Directory with pipeline.cfg, gazetteers and patterns.")
@click.option("--resume", is_flag=True,
              help="Continue a run that was stopped or killed, from OUT.jsonl.part and its checkpoint "
                   "OUT.jsonl.ckpt; same INPUT... as the stopped run.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: worker processes on this machine; dask: a Dask cluster (pip install '.[dask]').")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="With --engine dask: the scheduler of a running cluster, e.g. tcp://10.0.0.5:8786; "
                   "without it a local cluster of --workers processes is started.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary on stderr.")
@db_option
def extract(inputs: tuple[str, ...], output: str, workers: int, batch_size: int, max_bytes: int,
            model: str | None, models_dir: Path | None, resume: bool, engine: str, scheduler: str | None,
            quiet: bool) -> None:
    """Extract records from INPUT... (files, directories, .gz, .jsonl, .zip, .tar.gz, or - for stdin).

    Every article yields exactly one line, in input order: a record, or an
    error record saying why it could not be processed. The exit code is 1 when
    any article failed. Output to a file is written to OUT.jsonl.part and
    published as OUT.jsonl when the run completes; a killed run continues with
    --resume.

    \b
    Example:
        python -m pipeline extract samples/articles -o out/records.jsonl --workers 2
    """
    for path in inputs:
        if path != "-" and not os.path.exists(path):
            raise click.BadParameter(f"{path!r} does not exist", param_hint="INPUT")
    if resume and output == "-":
        raise click.BadParameter("standard output cannot be resumed; write to a file with -o", param_hint="--resume")
    if scheduler is not None and engine != "dask":
        raise click.BadParameter("a scheduler address needs --engine dask", param_hint="--scheduler")
    if output != "-":
        _check_output(Path(output), inputs)
    if resume and is_complete(Path(output)):
        click.echo(f"{output} is complete: nothing to resume", err=True)
        return
    settings = NlpSettings(models_dir=models_dir, model=model)
    started = time.monotonic()
    writer = _open_writer(output, inputs, resume)
    try:
        items = islice(read_inputs(inputs, max_bytes=max_bytes), writer.done, None)
        with progress_bar(enabled=not quiet and sys.stderr.isatty(), initial=writer.done,
                          count_total=article_counter(inputs, max_bytes)) as bar:
            for lines in _run(engine, items, settings=settings, workers=workers, batch_size=batch_size,
                              scheduler=scheduler):
                writer.write_batch(lines)
                bar.update(len(lines))
    except PipelineError as exc:  # the environment failed the run: a full disk, a lost cluster, no model
        writer.close()
        raise Unusable(str(exc)) from exc
    except BaseException:
        writer.close()  # keeps what is written, for --resume
        raise
    try:
        writer.finish()
    except PipelineError as exc:
        raise Unusable(str(exc)) from exc
    progress = writer.progress
    if not quiet:
        failed = ", ".join(f"{kind} {n}" for kind, n in sorted(progress.errors.items())) or "none"
        click.echo(f"{progress.articles} articles in, {progress.records} records out, errors: {failed}; "
                   f"{time.monotonic() - started:.1f}s", err=True)
    if progress.errors:
        sys.exit(1)


def article_counter(inputs: tuple[str, ...], max_bytes: int) -> Callable[[], int] | None:
    """The progress bar's counting pass over `inputs`; none when one is a stream, which the pass would drain."""
    if any(map(is_stream, inputs)):
        return None
    return lambda: sum(1 for _ in read_inputs(inputs, max_bytes=max_bytes))


def _check_output(output: Path, inputs: tuple[str, ...]) -> None:
    """Refuse, before any work, an output the run could not publish or would read as input."""
    if output.is_dir():
        raise Unusable(f"-o {output} is a directory; name a file in it, e.g. {output / 'records.jsonl'}")
    longest = checkpoint_temporary_path(output).name
    if len(os.fsencode(longest)) > _name_max(output.parent):
        raise Unusable(f"-o {printable(str(output))}: the file name is too long for {longest!r}, "
                       "the checkpoint the run writes beside it")
    written = os.path.realpath(output)
    for path in inputs:
        if path == "-":
            continue
        read = os.path.realpath(path)
        if read == written:
            raise Unusable(f"-o {printable(str(output))} is also an input: the run would overwrite what it reads")
        if os.path.isdir(path) and os.path.commonpath([read, written]) == read:
            raise Unusable(f"-o {printable(str(output))} is inside the input directory {printable(path)}: "
                           "the run would read its own output; write it elsewhere")


def _name_max(directory: Path) -> int:
    """The longest file name `directory` takes (or would, once created, if it does not exist yet)."""
    while not directory.is_dir() and directory != directory.parent:
        directory = directory.parent
    try:
        return os.pathconf(directory, "PC_NAME_MAX")
    except (OSError, ValueError):  # not a question every system answers
        return 255


def _open_writer(output: str, inputs: tuple[str, ...], resume: bool) -> ResumableWriter | StreamWriter:
    if output == "-":
        return StreamWriter(sys.stdout.buffer)
    path = Path(output)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise Unusable(f"cannot create {path.parent}: {exc.strerror or exc}") from exc
    try:
        return ResumableWriter(path, inputs=[printable(name) for name in inputs], manifest=input_manifest(inputs),
                               resume=resume)
    except PipelineError as exc:
        raise Unusable(str(exc)) from exc


def _run(engine: str, items: Iterable[ReadItem], *, scheduler: str | None, **options) -> Iterator[list[bytes]]:
    if engine == "dask":
        from pipeline.dask_runner import run_dask  # imports distributed: only when asked for

        # distributed sets its own loggers to INFO on import; follow the CLI's --verbose instead
        logging.getLogger("distributed").setLevel(logging.getLogger().getEffectiveLevel())
        return run_dask(items, scheduler=scheduler, **options)
    return run_local(items, **options)
