"""Queries live in bot/store: everything else calls a named function there.

Outside bot/store a module may take a `Session` to hand on, catch SQLAlchemy's exceptions, and
fetch a row by primary key (`session.get`), add one, or change a loaded row's attributes; it may
not build a query. So it imports nothing else from SQLAlchemy (at module level or inside a
function; only imports under `if TYPE_CHECKING:` are left out, since they never run), and calls
no `execute`, `query` or `scalars` on anything: `session.query(Row).filter(...)` builds a
query without importing a thing.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.architecture.test_layering import ROOT, runtime_nodes

ALLOWED_FROM = {"sqlalchemy.orm": {"Session"}, "sqlalchemy.exc": None}  # None: any name
QUERY_CALLS = frozenset({"execute", "query", "scalars", "scalar", "scalar_one",
                         "scalar_one_or_none", "execution_options"})


def _is_sqlalchemy(module: str) -> bool:
    return module == "sqlalchemy" or module.startswith("sqlalchemy.")


def query_building(source: str) -> list[str]:
    """What in this source builds a query: each as `line: what`."""
    found: list[str] = []
    for node in runtime_nodes(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend(f"{node.lineno}: import {a.name}" for a in node.names
                         if _is_sqlalchemy(a.name))
        elif isinstance(node, ast.ImportFrom) and _is_sqlalchemy(node.module or ""):
            allowed = ALLOWED_FROM.get(node.module or "", set())
            found.extend(f"{node.lineno}: from {node.module} import {a.name}"
                         for a in node.names if allowed is not None and a.name not in allowed)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in QUERY_CALLS):
            found.append(f"{node.lineno}: .{node.func.attr}(...)")
    return found


def modules_outside_store() -> list[Path]:
    store = ROOT / "bot" / "store"
    return sorted(p for top in ("bot", "handlers", "policy") for p in (ROOT / top).rglob("*.py")
                  if store not in p.parents)


def test_no_module_outside_the_store_builds_a_query() -> None:
    offences = [f"{path.relative_to(ROOT)}:{where}" for path in modules_outside_store()
                for where in query_building(path.read_text(encoding="utf-8"))]
    assert offences == [], ("queries built outside bot/store (add a named function there):\n"
                            + "\n".join(offences))


def test_the_check_sees_every_way_of_building_a_query() -> None:
    source = """
from sqlalchemy import select
import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

def later(session):
    from sqlalchemy import delete
    session.query(Row).filter(Row.id == 1)
    session.execute(Row.__table__.delete())
"""
    assert [line.split(": ", 1)[1] for line in query_building(source)] == [
        "from sqlalchemy import select", "import sqlalchemy", "from sqlalchemy.orm import aliased",
        "from sqlalchemy import delete", ".query(...)", ".execute(...)"]


def test_the_check_lets_a_session_pass_through() -> None:
    source = """
from typing import TYPE_CHECKING
from sqlalchemy.orm import Session
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

if TYPE_CHECKING:
    from sqlalchemy import Select

def one(session: Session, row_id: int):
    row = session.get(Row, row_id)
    session.add(row)
    session.flush()
"""
    assert query_building(source) == []
