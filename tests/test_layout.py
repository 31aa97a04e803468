"""The product does not depend on the team's tools: no module of the package `pipeline` imports evaluation,
scoring, benchmarking or corpus building, which live in `tools/` beside it."""

from __future__ import annotations

import ast

from .conftest import ROOT

TOOLS = {"tools.evaluate", "tools.evaluate_public", "tools.scoring", "tools.bench", "tools.corpus",
         "tools.store_bench"}


def _module(path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path) -> set[str]:
    """Every module a file imports, at any depth of its code (imports inside functions count)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_no_product_module_imports_a_tool():
    tools = {_module(path) for path in (ROOT / "tools").rglob("*.py")}
    assert TOOLS <= tools, sorted(TOOLS - tools)
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        imported = {name for name in _imports(path) if name == "tools" or name.startswith("tools.")}
        assert not imported, f"{_module(path)} imports {sorted(imported)}"
