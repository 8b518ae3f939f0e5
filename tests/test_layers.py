"""The package's shape: layers import only downwards, no import knots, lazy imports say why."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

grimp = pytest.importorskip("grimp")

SRC = Path(__file__).resolve().parent.parent / "src" / "ftzinfo"
GENERATED = {SRC / "_store" / "index.py", SRC / "_store" / "catalog.py", SRC / "_store" / "zones"}


def _hand_written() -> list[Path]:
    return [
        p
        for p in sorted(SRC.rglob("*.py"))
        if p not in GENERATED and not any(parent in GENERATED for parent in p.parents)
    ]


def _reach(graph: Any, start: str) -> set[str]:
    """Every module ``start`` imports, directly or not."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        for w in graph.find_modules_directly_imported_by(todo.pop()):
            if w not in seen:
                seen.add(w)
                todo.append(w)
    return seen


def _cycles(graph: Any) -> list[set[str]]:
    """The groups of modules that import each other, directly or not (more than one module each)."""
    reach = {m: _reach(graph, m) for m in graph.modules}
    parts = {frozenset({m} | {w for w in reach[m] if m in reach[w]}) for m in graph.modules}
    return [set(p) for p in parts if len(p) > 1]


def test_the_only_import_cycles_are_a_module_and_its_own_parser():
    # Imports for annotations only (under TYPE_CHECKING) never run, so they cannot knot the import order.
    graph = grimp.build_graph("ftzinfo", include_external_packages=False, exclude_type_checking_imports=True)
    for part in _cycles(graph):
        assert len(part) == 2, sorted(part)
        a, b = sorted(part)
        assert b == f"{a}_parse", sorted(part)


def test_the_cycle_finder_finds_a_cycle():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}

    class Graph:
        modules = frozenset(edges)

        def find_modules_directly_imported_by(self, m: str) -> set[str]:
            return edges[m]

    assert _cycles(Graph()) == [{"a", "b", "c"}]


def test_every_import_inside_a_function_says_why():
    """A lazy import is kept for a reason (cost, an optional dependency), and says which.

    Consecutive imports in one function share the reason given on the first.
    """
    missing = []
    for path in _hand_written():
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            reason = False
            previous_end = -1
            for sub in ast.walk(node):
                if not isinstance(sub, (ast.Import, ast.ImportFrom)):
                    continue
                line = lines[sub.lineno - 1]
                if "PLC0415 - " in line:
                    reason = True
                elif not (reason and sub.lineno == previous_end + 1):
                    missing.append(f"{path.relative_to(SRC)}:{sub.lineno}: {line.strip()}")
                previous_end = sub.end_lineno or sub.lineno
    assert not missing, "\n".join(missing)


def test_no_hand_written_module_is_over_500_lines():
    long = {str(p.relative_to(SRC)): n for p in _hand_written() if (n := len(p.read_text().splitlines())) > 500}
    assert not long


def test_dataset_keeps_the_stores_job_in_at_most_30_methods():
    tree = ast.parse((SRC / "_store" / "dataset.py").read_text(encoding="utf-8"))
    (cls,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Dataset"]
    methods = [n.name for n in ast.walk(cls) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    assert len(methods) <= 30, methods
