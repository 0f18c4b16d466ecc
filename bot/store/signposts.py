"""Out-of-hours crisis signposting rows, as bot/office/signpost_sender.py reads them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.store.schema import SignpostRow


def signposts_with_status(session: Session, status: str) -> list[SignpostRow]:
    return list(session.execute(select(SignpostRow).where(SignpostRow.status == status)
                                ).scalars())


def signpost_ids_with_status(session: Session, status: str) -> list[int]:
    return list(session.execute(select(SignpostRow.id).where(SignpostRow.status == status)
                                ).scalars().all())
