"""Docs are tests: every command and option of the CLI is documented in the README and its help."""

from __future__ import annotations

import re

import click
import pytest

from pipeline.cli import main

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CODE_SPANS = re.findall(r"`[^`\n]+`", README)


def shown_in_code(option: str) -> bool:
    """The option appears, as a whole word, inside a `code span` of the README."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(option)}(?![\w-])")
    return any(pattern.search(span) for span in CODE_SPANS)


def walk(command: click.Command, path: tuple[str, ...] = ()):
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in sorted(command.commands.items()):
            yield from walk(sub, (*path, name))


COMMANDS = list(walk(main))


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_command_documented_in_readme(path, command):
    if path:
        assert f"pipeline {' '.join(path)}" in README, f"README does not show `{' '.join(path)}`"
    for param in command.params:
        if isinstance(param, click.Option):
            longest = max(param.opts, key=len)
            if longest not in ("--help", "--version"):
                assert shown_in_code(longest), f"README does not show {' '.join(path)} {longest}"


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_command_help_has_an_example(path, command):
    assert "Example" in (command.help or ""), f"`{' '.join(path)}` --help has no example"
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{' '.join(path)} {param.opts} has no help text"


def _section(heading: str) -> str:
    start = README.index(f"\n## {heading}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end if end != -1 else None]


@pytest.mark.parametrize("heading", ["Python API", "spaCy components"])
def test_readme_examples_run_as_doctests(heading, tmp_path, monkeypatch):
    import doctest

    monkeypatch.chdir(tmp_path)  # the examples need no file of the checkout
    examples = "\n".join(re.findall(r"```python\n(.*?)```", _section(heading), flags=re.S))
    assert ">>>" in examples, f"README section {heading!r} has no example"
    test = doctest.DocTestParser().get_doctest(examples, {}, heading, "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
