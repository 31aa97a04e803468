"""The product does not depend on the team's tools: no module of the pipeline imports evaluation, scoring,
benchmarking or corpus building (they may move to a package of their own without the product noticing)."""

from __future__ import annotations

import ast

from .conftest import ROOT

TOOLS = {"pipeline.evaluate", "pipeline.evaluate_public", "pipeline.scoring", "pipeline.bench", "pipeline.corpus",
         "pipeline.store.benchmark"}


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
    modules = {_module(path): path for path in (ROOT / "pipeline").rglob("*.py")}
    assert TOOLS <= set(modules), sorted(TOOLS - set(modules))
    for name, path in sorted(modules.items()):
        if name not in TOOLS:
            assert not _imports(path) & TOOLS, f"{name} imports {sorted(_imports(path) & TOOLS)}"
