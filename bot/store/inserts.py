"""INSERT ... ON CONFLICT DO NOTHING for both engines: duplicates are expected, not errors."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_ignore(session: Session, table: Table, values: dict[str, Any]) -> int | None:
    """Insert one row unless it violates a unique constraint; return its id or None."""
    dialect = session.get_bind().dialect.name
    mod = postgresql if dialect == "postgresql" else sqlite
    stmt = mod.insert(table).values(**values).on_conflict_do_nothing().returning(table.c.id)
    return session.execute(stmt).scalar_one_or_none()
