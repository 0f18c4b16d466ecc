"""INSERT ... ON CONFLICT DO NOTHING for both engines: duplicates are expected, not errors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Column, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_ignore(session: Session, table: Table, values: dict[str, Any]) -> int | None:
    """Insert one row unless it violates a unique constraint; return its id or None."""
    dialect = session.get_bind().dialect.name
    mod = postgresql if dialect == "postgresql" else sqlite
    stmt = mod.insert(table).values(**values).on_conflict_do_nothing().returning(table.c.id)
    return session.execute(stmt).scalar_one_or_none()


def insert_ignore_many(session: Session, table: Table, rows: Sequence[dict[str, Any]],
                       returning: Sequence[Column[Any]] = ()) -> list[tuple[Any, ...]]:
    """Insert many rows, skipping those that violate a unique constraint; returns the
    `returning` columns of the rows inserted (in no promised order). One statement compiled
    once, sent as SQLAlchemy's batched multi-row INSERTs ("insertmanyvalues")."""
    if not rows:
        return []
    dialect = session.get_bind().dialect.name
    mod = postgresql if dialect == "postgresql" else sqlite
    stmt = mod.insert(table).on_conflict_do_nothing()
    if not returning:
        session.execute(stmt, list(rows))
        return []
    return [tuple(r) for r in session.execute(stmt.returning(*returning), list(rows))]
