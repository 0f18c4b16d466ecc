"""Persistence: SQLAlchemy models, queries and Alembic migrations."""

from bot.store.db import Database

__all__ = ["Database"]
