"""The shape of the package: the pure core imports no I/O and no configuration loader; no import cycles."""

from __future__ import annotations

import ast
import functools
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "mailbot"
PURE_PACKAGES = ("mailbot.reader", "mailbot.stock", "mailbot.guards")
# Modules a pure package must not load: the database, the mail servers, the configuration (its
# models take plain values from it; its loader reads files and the environment).
FORBIDDEN = ("sqlalchemy", "imapclient", "smtplib", "mailbot.config", "mailbot.configfile")

IMPORT_EVERY_MODULE = """
import importlib, json, pkgutil, sys
package = importlib.import_module(sys.argv[1])
for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
    importlib.import_module(module.name)
print(json.dumps(sorted(sys.modules)))
"""


@pytest.mark.parametrize("package", PURE_PACKAGES)
def test_a_pure_package_loads_no_io_and_no_config(package: str) -> None:
    done = subprocess.run([sys.executable, "-c", IMPORT_EVERY_MODULE, package], capture_output=True, text=True,
                          timeout=60, check=True)
    loaded = set(json.loads(done.stdout))
    folder = PACKAGE / package.split(".")[1]
    assert {f"{package}.{p.stem}" for p in folder.glob("*.py") if p.stem != "__init__"} <= loaded
    assert sorted(m for m in loaded for f in FORBIDDEN if m == f or m.startswith(f + ".")) == []


# --- import cycles -------------------------------------------------------------------------------

def _modules() -> dict[str, Path]:
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if "migrations" in parts:  # Alembic's scripts, loaded by Alembic alone
            continue
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _names_type_checking(test: ast.expr) -> bool:
    """`if TYPE_CHECKING:` or `if typing.TYPE_CHECKING:` (read without unparsing every condition)."""
    return any(isinstance(n, ast.Name) and n.id == "TYPE_CHECKING"
               or isinstance(n, ast.Attribute) and n.attr == "TYPE_CHECKING" for n in ast.walk(test))


def _statements(node: ast.AST) -> list[ast.stmt]:
    """The statements directly inside *node* (a body, an else, a handler, a case): an import is a statement,
    so the walk never needs to enter an expression."""
    found: list[ast.stmt] = []
    for field in ("body", "orelse", "finalbody", "handlers", "cases"):
        for child in getattr(node, field, None) or ():
            if isinstance(child, ast.stmt):
                found.append(child)
            else:  # an except handler or a match case: its own body holds the statements
                found.extend(_statements(child))
    return found


def import_graph(*, deferred: bool) -> dict[str, set[str]]:
    """Module -> the mailbot modules it imports, read from the source.

    deferred=False: the imports that run when the module is loaded (not those inside functions or
    under `if TYPE_CHECKING:`). deferred=True: every import, those included: a dependency all the same.
    """
    return _graphs()[deferred]


@functools.cache
def _graphs() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Both graphs (loaded, every import), from one reading of each module's syntax tree, dropped once read: the
    trees of the whole package kept alive were walked again by every collection of the garbage collector, which
    cost more than parsing them."""
    modules = _modules()
    loaded: dict[str, set[str]] = {}
    every: dict[str, set[str]] = {}
    for name, path in modules.items():
        now: set[str] = set()
        later: set[str] = set()

        def visit(node: ast.AST, deferred: bool, now: set[str] = now, later: set[str] = later) -> None:
            for child in _statements(node):
                child_later = deferred or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) or (
                    isinstance(child, ast.If) and _names_type_checking(child.test))
                if isinstance(child, ast.Import | ast.ImportFrom):
                    edges = later if child_later else now
                    if isinstance(child, ast.Import):
                        edges.update(a.name for a in child.names if a.name in modules)
                    elif child.module and child.level == 0:
                        for alias in child.names:
                            full = f"{child.module}.{alias.name}"
                            if full in modules:
                                edges.add(full)
                            elif child.module in modules:
                                edges.add(child.module)
                visit(child, child_later)

        visit(ast.parse(path.read_text(encoding="utf-8")), False)
        now.discard(name)
        later.discard(name)
        loaded[name], every[name] = now, now | later
    return loaded, every


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return sorted(found)


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_is_read_from_the_source() -> None:
    graph = import_graph(deferred=False)
    assert "mailbot.stock.ledger" in graph["mailbot.stock.status"]
    assert "mailbot.routes" in graph["mailbot.pipeline"]  # `from mailbot import routes`
    assert len(graph) > 40


def test_no_import_cycle_when_modules_load() -> None:
    assert cycles(import_graph(deferred=False)) == []


def test_no_import_cycle_at_all() -> None:
    assert cycles(import_graph(deferred=True)) == []
