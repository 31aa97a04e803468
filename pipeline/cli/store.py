"""`load`, `query` and `export`: the facts store from the command line."""

from __future__ import annotations

import csv
import functools
import sys
from collections.abc import Callable, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

import click
import orjson

from pipeline.cli.errors import Unusable
from pipeline.store.query import QueryError, Result

_DB = click.Path(exists=True, dir_okay=False, path_type=Path)
_ROW_COUNT = click.IntRange(min=1, max=2**63 - 1)  # what SQLite's LIMIT takes
_TABLE_CELL_WIDTH = 60


@click.command()
@click.argument("records", nargs=-1, required=True, metavar="RECORDS.jsonl...")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), metavar="FACTS.sqlite",
              help="SQLite store to load into (created if missing).")
@click.option("--postgres", metavar="URL", help="PostgreSQL database to load into, e.g. postgresql://user@host/db.")
@click.option("--batch-size", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Records written per transaction.")
@click.option("-q", "--quiet", is_flag=True, help="No summary on stderr.")
def load(records: tuple[str, ...], db: Path | None, postgres: str | None, batch_size: int, quiet: bool) -> None:
    """Load RECORDS.jsonl... (record format v1, - for stdin) into the facts store.

    Loading is idempotent: records already stored are skipped, a re-extracted
    article replaces its old rows. Error records are counted and skipped; lines
    that are not valid v1 records are reported with their line number and
    skipped (exit code 1), the rest load.

    \b
    Example:
        python -m pipeline load out/records.jsonl --db out/facts.sqlite
    """
    from pipeline.store import load_files

    if db is None and postgres is None:
        raise click.UsageError("say where to load: --db FACTS.sqlite and/or --postgres URL")
    for path in records:
        if path != "-" and not Path(path).is_file():
            raise click.BadParameter(f"{path!r} is not a file", param_hint="RECORDS.jsonl")
    if "-" in records and db is not None and postgres is not None:
        raise click.UsageError("standard input can be loaded into one store at a time")

    def report_invalid(line: Any) -> None:
        click.echo(f"invalid record: {line}", err=True)

    invalid = 0
    if db is not None:
        report = _load_sqlite(records, db, on_invalid=report_invalid)
        invalid = report.invalid
        if not quiet:
            click.echo(f"{db}: {report.summary()}", err=True)
    if postgres is not None:
        from pipeline.store.postgres import PostgresSink, StoreConnectionError

        try:
            with PostgresSink.connect(postgres) as sink:
                report = load_files(records, sink, batch_size=batch_size,
                                    on_invalid=report_invalid if db is None else None)
        except StoreConnectionError as exc:
            raise Unusable(str(exc)) from exc
        invalid = report.invalid
        if not quiet:
            click.echo(f"postgres: {report.summary()}", err=True)
    if invalid:
        sys.exit(1)


@click.command()
@click.option("--db", type=_DB, required=True, metavar="FACTS.sqlite", help="The SQLite store to export.")
@click.option("--format", "format_", type=click.Choice(["parquet"]), default="parquet", show_default=True,
              help="File format.")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), required=True, metavar="DIR",
              help="Directory for one file per table.")
def export(db: Path, format_: str, output: Path) -> None:
    """Export every table of the store, one file per table (TABLE.parquet), for DuckDB and pandas.

    \b
    Example:
        python -m pipeline export --db out/facts.sqlite --format parquet -o out/parquet
    """
    from pipeline.store.parquet import export_parquet
    from pipeline.store.sqlite import connect_read_only

    counts = export_parquet(_open_store(db, connect_read_only), output)
    click.echo(f"{sum(counts.values())} rows in {len(counts)} tables written to {output}/", err=True)


@click.group()
def query() -> None:
    """Ask the facts store questions without writing SQL (or with `query sql`).

    Results are a table by default, JSON Lines with --json, CSV with --csv.

    \b
    Example:
        python -m pipeline query people --db out/facts.sqlite --top 20
    """


def _query_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options every query shares: where the store is and how to print the answer."""
    options = [
        click.option("--db", type=_DB, default="out/facts.sqlite", show_default=True, metavar="FACTS.sqlite",
                     help="The SQLite store."),
        click.option("--json", "output", flag_value="json", help="JSON Lines, one object per row."),
        click.option("--csv", "output", flag_value="csv", help="CSV with a header row."),
        click.option("--table", "output", flag_value="table", default=True, help="An aligned table (default)."),
    ]
    return functools.reduce(lambda decorated, option: option(decorated), reversed(options), command)


def _listing_options(command: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--columns", metavar="FIELD,...", default="", help="Fields to show, comma-separated."),
        click.option("--sort", metavar="FIELD", multiple=True,
                     help="Sort by FIELD (repeatable); prefix '-' (--sort=-FIELD) for descending."),
        click.option("--limit", type=_ROW_COUNT, default=None, help="At most this many rows."),
    ]
    return functools.reduce(lambda decorated, option: option(decorated), reversed(options), _query_options(command))


@query.command()
@_listing_options
@click.option("--entity", metavar="NAME", help="Only claims about this person, region or organisation.")
@click.option("--from", "first", type=click.DateTime(["%Y-%m-%d"]), help="Periods ending on or after this day.")
@click.option("--to", "last", type=click.DateTime(["%Y-%m-%d"]), help="Periods starting on or before this day.")
@click.option("--kind", type=click.Choice(["fact", "plan"]), help="Only facts or only plans.")
@click.option("--speaker", metavar="NAME", help="Only claims this person made.")
@click.option("--metric", metavar="METRIC", help="Only claims measuring this (models/metrics.tsv), e.g. exports.")
def claims(db: Path, output: str, columns: str, sort: tuple[str, ...], limit: int | None, entity: str | None,
           first: Any, last: Any, kind: str | None, speaker: str | None, metric: str | None) -> None:
    """Dated claims with their amounts and metric, optionally about an entity (and the places inside
    it) and within a period.

    \b
    Example:
        python -m pipeline query claims --entity "Kirov Oblast" --from 2025-01-01 --to 2025-12-31
    """
    from pipeline.store.query import claims_filters

    filters = claims_filters(entity=entity, first=first and first.date().isoformat(),
                             last=last and last.date().isoformat(), kind=kind, speaker=speaker, metric=metric)
    _run(db, output, "claims", filters, columns, sort, limit)


@query.command()
@_query_options
@click.option("--entity", metavar="NAME", required=True, help="The region, enterprise or organisation.")
@click.option("--metric", metavar="METRIC", help="Only figures measuring this (models/metrics.tsv), e.g. exports.")
@click.option("--currency", metavar="CODE", help="Only amounts in this ISO 4217 currency (no percentages).")
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Also draw the series into FILE (.svg, or .html: the chart and the figures).")
def timeline(db: Path, output: str, entity: str, metric: str | None, currency: str | None,
             plot_path: Path | None) -> None:
    """How a figure moved: the claims whose figure is about an entity, as a time series (a row per period and unit).

    Several articles giving a figure for the same period stand side by side
    (`also`), and `conflict` says when their figures differ.

    \b
    Example:
        python -m pipeline query timeline --entity Belarus --metric exports --currency USD --plot out/exports.svg
    """
    from pipeline.plot import PlotError, plot_format, write_plot
    from pipeline.store.sqlite import connect_read_only
    from pipeline.store.timeline import timeline as points_of, timeline_result

    try:
        if plot_path is not None:
            plot_format(plot_path)  # a file name that cannot be drawn is refused before any work
        points = points_of(_open_store(db, connect_read_only), entity, metric=metric, currency=currency)
        _emit(timeline_result(points), output)
        if plot_path is not None:
            title = " · ".join(part for part in (entity, metric, currency and currency.upper()) if part)
            write_plot(points, plot_path, title=title)
    except (PlotError, OSError) as exc:
        raise Unusable(str(exc)) from exc


def _entity_command(subject: str, example: str) -> click.Command:
    @_listing_options
    @click.option("--top", type=_ROW_COUNT, default=None, help="The N named in most articles.")
    def command(db: Path, output: str, columns: str, sort: tuple[str, ...], limit: int | None,
                top: int | None) -> None:
        _run(db, output, subject, None, columns, sort, top or limit)

    command.__doc__ = (f"Canonical {subject}, with how many articles name them and how often.\n\n"
                       f"    \b\n    Example:\n        {example}\n")
    return query.command(name=subject)(command)


for _subject, _example in (("people", "python -m pipeline query people --top 20"),
                           ("regions", "python -m pipeline query regions --top 10 --json"),
                           ("enterprises", "python -m pipeline query enterprises --top 10"),
                           ("organizations", "python -m pipeline query organizations --top 10 --csv")):
    _entity_command(_subject, _example)


@query.command()
@_listing_options
@click.option("--currency", metavar="CODE", help="ISO 4217 code, e.g. USD.")
@click.option("--min", "minimum", type=float, help="Amounts reaching at least this (base units).")
@click.option("--max", "maximum", type=float, help="Amounts starting at most at this (base units).")
def money(db: Path, output: str, columns: str, sort: tuple[str, ...], limit: int | None, currency: str | None,
          minimum: float | None, maximum: float | None) -> None:
    """Monetary amounts, largest first.

    \b
    Example:
        python -m pipeline query money --currency USD --min 1e8
    """
    from pipeline.store.query import money_filters

    _run(db, output, "money", money_filters(currency=currency, minimum=minimum, maximum=maximum),
         columns, sort, limit)


@query.command()
@click.argument("words")
@_listing_options
@click.option("--raw", is_flag=True, help="WORDS is an SQLite FTS5 query (AND, OR, NOT, \"phrases\", prefix*).")
def search(words: str, db: Path, output: str, columns: str, sort: tuple[str, ...], limit: int | None,
           raw: bool) -> None:
    """Full-text search over article texts and claims: every word must occur.

    \b
    Example:
        python -m pipeline query search "elevators" --limit 10
    """
    from pipeline.store.query import search_filters

    try:
        filters = search_filters(words, raw=raw)
    except QueryError as exc:
        raise Unusable(str(exc)) from exc
    _run(db, output, "search", filters, columns, sort, limit)


@query.command()
@click.argument("statement")
@_query_options
@click.option("-p", "--param", "params", type=(str, str), multiple=True, metavar="NAME VALUE",
              help="A value for :NAME in the statement (repeatable).")
@click.option("--limit", type=click.IntRange(min=0, max=2**63 - 1), default=10_000, show_default=True,
              help="At most this many rows (0: no limit); stderr says when there were more.")
@click.option("--timeout", type=click.FloatRange(min=0), default=60, show_default=True, metavar="SECONDS",
              help="Stop the statement after this long (0: no limit).")
def sql(statement: str, db: Path, output: str, params: tuple[tuple[str, str], ...], limit: int,
        timeout: float) -> None:
    """Run one read-only SQL statement (values go in with -p, never into the text).

    The store is opened read-only: statements that would write are refused.
    Rows are printed as they are read, at most --limit of them, and a statement
    still running after --timeout seconds is stopped.

    \b
    Example:
        python -m pipeline query sql "SELECT text, low FROM money WHERE low > :min" -p min 1e6
    """
    from pipeline.store.query import run_sql
    from pipeline.store.sqlite import connect_read_only

    connection = _open_store(db, connect_read_only)
    try:
        _emit(run_sql(connection, statement, dict(params), timeout=timeout or None), output, limit or None)
    except QueryError as exc:
        raise Unusable(str(exc)) from exc


def _run(db: Path, output: str, subject: str, filters: Any, columns: str, sort: tuple[str, ...],
         limit: int | None) -> None:
    from pipeline.store.query import run_query
    from pipeline.store.sqlite import connect_read_only

    connection = _open_store(db, connect_read_only)
    try:
        result = run_query(connection, subject, filters, columns=[c.strip() for c in columns.split(",") if c.strip()],
                           sort=sort, limit=limit)
    except QueryError as exc:
        raise Unusable(str(exc)) from exc
    _emit(result, output)


def _open_store(db: Path, connect: Callable[[Path], Any]) -> Any:
    from pipeline.store.sqlite import table_names

    connection = connect(db)
    try:
        missing = {"articles", "articles_fts"} - table_names(connection)
    except Exception as exc:  # noqa: BLE001 (any SQLite failure here means the file is not a store)
        raise Unusable(f"{db} is not an SQLite database: {exc}") from exc
    if missing:
        raise Unusable(f"{db} is not a facts store (no {', '.join(sorted(missing))} table); "
                       "fill one with `python -m pipeline load RECORDS.jsonl --db FILE`")
    return connection


def _emit(result: Result, output: str, limit: int | None = None) -> None:
    """Print the rows as they come (JSON Lines and CSV hold none in memory), at most `limit` of them."""
    rows = iter(result.rows)
    shown = islice(rows, limit)
    stdout = sys.stdout
    if output == "json":
        for row in shown:
            stdout.write(orjson.dumps(dict(zip(result.fields, row))).decode() + "\n")
    elif output == "csv":
        writer = csv.writer(stdout, lineterminator="\n")
        writer.writerow(result.fields)
        writer.writerows(shown)
    else:
        stdout.write(_table(result.fields, list(shown)))
    stdout.flush()
    if limit is not None and next(rows, None) is not None:
        click.echo(f"(more rows than the {limit:,}-row limit; --limit raises it, --limit 0 lifts it)", err=True)


def _table(fields: tuple[str, ...], rows: list[tuple[Any, ...]]) -> str:
    cells = [list(fields)] + [[_cell(value) for value in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(fields))]
    lines = ["  ".join(value.ljust(width) for value, width in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines) + f"\n({len(rows)} rows)\n"


def _cell(value: Any) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= _TABLE_CELL_WIDTH else text[:_TABLE_CELL_WIDTH - 1] + "…"


def db_option(extract_command: Callable[..., None]) -> Callable[..., None]:
    """`extract --db FACTS.sqlite`: after the run, the records written to -o are loaded into that store
    (also when some articles failed: those are error records, counted and skipped)."""
    @click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="FACTS.sqlite",
                  help="Also load the records into this SQLite facts store (needs -o OUT.jsonl).")
    @functools.wraps(extract_command)
    def command(*args: Any, db: Path | None, **kwargs: Any) -> None:
        if db is not None and kwargs.get("output", "-") == "-":
            raise click.BadParameter("loading into a store needs the records in a file: add -o OUT.jsonl",
                                     param_hint="--db")
        try:
            extract_command(*args, **kwargs)
        except SystemExit as stopped:
            if db is not None and stopped.code == 1:
                _load_extracted(kwargs["output"], db, quiet=kwargs.get("quiet", False))
            raise
        if db is not None and _load_extracted(kwargs["output"], db, quiet=kwargs.get("quiet", False)):
            sys.exit(1)

    return command


def _load_sqlite(records: Sequence[str], db: Path, *, on_invalid: Callable[[Any], None]) -> Any:
    """Load into the SQLite store; a file that is not one (or not ours) is a one-line error, not a traceback."""
    import sqlite3

    from pipeline.store import load_into_sqlite
    from pipeline.store.sqlite import StoreError

    def say_wait() -> None:
        click.echo(f"{db}: another load into this store is running; waiting for it to finish", err=True)

    try:
        return load_into_sqlite(records, db, on_invalid=on_invalid, on_wait=say_wait)
    except StoreError as exc:
        raise Unusable(str(exc)) from exc
    except sqlite3.OperationalError as exc:  # the disk is full, another program holds the file, ...
        raise Unusable(f"{db}: {exc}") from exc


def _load_extracted(output: str, db: Path, *, quiet: bool) -> int:
    """Load the run's output into `db`; returns how many lines were invalid."""
    if not Path(output).is_file():  # the run stopped before publishing its output
        return 0
    report = _load_sqlite([output], db, on_invalid=lambda line: click.echo(f"invalid record: {line}", err=True))
    if not quiet:
        click.echo(f"{db}: {report.summary()}", err=True)
    return report.invalid
