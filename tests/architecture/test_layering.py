"""The house's walls: imports go one way, from the top floor down, and never round in a cycle.

Each package of bot/ says in its docstring what it may import; this test holds the code to it.
Every import counts, at module level or inside a function (an import moved into a function to
dodge a cycle is still a cycle); only imports under `if TYPE_CHECKING:` are left out, since they
never run.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Bottom to top. A module may import from its own floor or any floor below.
FLOORS: tuple[tuple[str, ...], ...] = (
    ("policy",),
    ("bot.core",),
    ("bot.store",),
    ("bot.platforms",),
    ("bot.slack",),
    ("bot.alerts",),
    ("bot.reports",),
    ("bot.office",),
    ("bot.moderation",),
    ("bot.storm",),
    ("bot.ingest",),
    ("bot.privacy",),
    ("handlers",),
    ("bot.runtime",),
    ("bot.sandbox",),
    ("bot.cli", "bot.__main__"),
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for top in ("bot", "handlers", "policy"):
        for path in (ROOT / top).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            found[module_name(path)] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node of the tree that runs, i.e. outside `if TYPE_CHECKING:` blocks (their `else`
    branches run, so they are kept)."""
    if isinstance(tree, ast.If) and _is_type_checking(tree):
        for child in tree.orelse:
            yield from runtime_nodes(child)
        return
    yield tree
    for child in ast.iter_child_nodes(tree):
        yield from runtime_nodes(child)


def imported_names(path: Path, name: str) -> set[str]:
    """Every module name an import in this file reaches for, outside TYPE_CHECKING blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    names: set[str] = set()
    for node in runtime_nodes(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = name.split(".") if is_package else name.split(".")[:-1]
                package = package[: len(package) - node.level + 1]
                base = ".".join([*package, base] if base else package)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def import_graph() -> dict[str, set[str]]:
    modules = source_modules()

    def resolve(target: str) -> str | None:
        while target and target not in modules:
            target = target.rpartition(".")[0]
        return target or None

    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges = {resolve(t) for t in imported_names(path, name)}
        graph[name] = {e for e in edges if e and e != name and not name.startswith(e + ".")}
    return graph


def floor_of(module: str) -> int | None:
    for index, floor in enumerate(FLOORS):
        if any(module == p or module.startswith(p + ".") for p in floor):
            return index
    return None


def test_every_module_has_a_floor() -> None:
    homeless = sorted(m for m in source_modules() if m not in ("bot",) and floor_of(m) is None)
    assert homeless == [], f"modules in no package of the layering: {homeless}"


def test_imports_never_climb() -> None:
    climbs = []
    for module, targets in import_graph().items():
        here = floor_of(module)
        if here is None:
            continue
        for target in targets:
            there = floor_of(target)
            if there is not None and there > here:
                climbs.append(f"{module} -> {target}")
    assert sorted(climbs) == [], "imports that climb a floor:\n" + "\n".join(sorted(climbs))


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
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
                cycles.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return cycles


def test_no_import_cycles() -> None:
    assert find_cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
