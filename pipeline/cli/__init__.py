"""Command line: `python -m pipeline COMMAND` or the `belta-pipeline` console script.

Exit codes: 0 success; 1 some articles failed or a runtime error; 2 usage error.
"""

from __future__ import annotations

import logging

import click

from pipeline.cli.extract import extract
from pipeline.cli.store import export, load, query


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="belta-pipeline")
@click.option("-v", "--verbose", is_flag=True, help="Log debugging detail to stderr.")
def main(verbose: bool) -> None:
    """Turn BelTA-style news pages into structured JSON Lines records.

    \b
    Example:
        python -m pipeline extract samples/articles -o out/records.jsonl
    """
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


main.add_command(extract)
main.add_command(load)
main.add_command(query)
main.add_command(export)
