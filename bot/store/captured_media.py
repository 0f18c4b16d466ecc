"""Copies of flagged posts' media, kept as evidence (bot/moderation/media_capture.py fetches
them): one row per mention and media key, however many attempts it takes."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.store.inserts import insert_ignore
from bot.store.schema import CapturedMediaRow

KEY_LENGTH = 120


def captured_media_of(session: Session, mention_ids: Collection[int]) -> list[CapturedMediaRow]:
    """Every capture (or attempt) of these mentions' media."""
    return list(session.execute(select(CapturedMediaRow).where(
        CapturedMediaRow.mention_id.in_(list(mention_ids)))).scalars())


def captured_media_by_key(session: Session, mention_id: int) -> dict[str, CapturedMediaRow]:
    """One mention's captures, by media key."""
    return {c.media_key: c for c in captured_media_of(session, [mention_id])}


def capture_row(session: Session, mention_id: int, key: str, url: str,
                now: datetime) -> CapturedMediaRow:
    """The capture row of this media item, created empty on the first attempt."""
    insert_ignore(session, CapturedMediaRow.__table__, {  # type: ignore[arg-type]
        "mention_id": mention_id, "media_key": key[:KEY_LENGTH], "url": url[:1000],
        "content_type": "", "size": 0, "sha256": "", "data": None, "error": "",
        "attempts": 0, "captured_at": now})
    return session.execute(select(CapturedMediaRow).where(
        CapturedMediaRow.mention_id == mention_id,
        CapturedMediaRow.media_key == key[:KEY_LENGTH])).scalar_one()
