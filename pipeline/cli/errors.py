"""The command line's one error of its own (click's cover the rest)."""

from __future__ import annotations

import click


class Unusable(click.ClickException):
    """The arguments or the environment make the command impossible: one line on stderr, exit code 2."""

    exit_code = 2
