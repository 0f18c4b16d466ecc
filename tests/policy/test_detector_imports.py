"""The detector modules import one another without a cycle, function-local imports included:
shared grammar (negation scope, counter-speech) lives below the detectors that use it."""

from __future__ import annotations

import ast
from pathlib import Path

import policy.detectors

PACKAGE = "policy.detectors"
DIRECTORY = Path(policy.detectors.__file__).parent


def _imports(path: Path) -> set[str]:
    """Detector modules that `path` imports anywhere in its body (not just at the top)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == PACKAGE:
                found.update(alias.name for alias in node.names)
            elif node.module.startswith(PACKAGE + "."):
                found.add(node.module.split(".")[2])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[2] for a in node.names
                         if a.name.startswith(PACKAGE + "."))
    return found


def _graph() -> dict[str, set[str]]:
    modules = {p.stem for p in DIRECTORY.glob("*.py") if p.stem != "__init__"}
    return {m: _imports(DIRECTORY / f"{m}.py") & modules for m in modules}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt):], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycle_between_detectors() -> None:
    cycle = _cycle(_graph())
    assert cycle is None, " -> ".join(cycle or [])


def test_the_cycle_finder_finds_one() -> None:
    assert _cycle({"hate": {"slurs"}, "slurs": {"hate"}}) == ["hate", "slurs", "hate"]


def test_slurs_and_hate_share_scope_rather_than_each_other() -> None:
    graph = _graph()
    assert "hate" not in graph["slurs"]
    assert "scope" in graph["slurs"] and "scope" in graph["hate"]
