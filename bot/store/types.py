"""Column types that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in, timezone-aware UTC out.

    SQLite has no time zones and hands back naive datetimes; PostgreSQL's timestamptz
    returns the session's zone. Both are normalised to UTC here so nothing downstream
    ever compares naive with aware.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("refusing to store a naive datetime; use timezone-aware UTC")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            # stored as ISO text without offset, always UTC
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utc_instant(value: str | datetime) -> datetime:
    """A UTCDateTime column's value as the driver hands it over, read without the per-value
    processors above (for queries that return tens of thousands of instants): SQLite's ISO
    text of a UTC instant, or PostgreSQL's aware datetime. The text is parsed with its offset
    spelt out because that is several times faster than parsing it naive and then replacing
    its tzinfo."""
    if isinstance(value, str):
        return datetime.fromisoformat(value + "+00:00")
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


JSONType = JSON().with_variant(JSONB(), "postgresql")
