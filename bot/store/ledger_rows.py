"""The moderation ledger's rows and each mention's moderation state row, read and written
(what the ledger means, and when a write counts, is bot/moderation/ledger.py).

A ledger row's unique key is mention + action + the state's generation, so inserting the
intent a second time inserts nothing: that is how a double click is told apart.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.store.inserts import insert_ignore
from bot.store.schema import FlagOverrideRow, LedgerRow, MentionRow, ModerationStateRow


def state_for(session: Session, mention_id: int, now: datetime) -> ModerationStateRow:
    """The mention's state row, created on first use (two creators race harmlessly)."""
    dialect = session.get_bind().dialect.name
    mod = postgresql if dialect == "postgresql" else sqlite
    session.execute(mod.insert(ModerationStateRow.__table__).values(  # type: ignore[arg-type]
        mention_id=mention_id, generation=0, hidden=False, deleted=False, blocked=False,
        muted=False, claimed_by="", closed=False, state_line="", report_link="",
        complaint_overdue=False, updated_at=now).on_conflict_do_nothing())
    row = session.get(ModerationStateRow, mention_id, populate_existing=True)
    assert row is not None
    return row


def peek_state(session: Session, mention_id: int) -> ModerationStateRow | None:
    return session.get(ModerationStateRow, mention_id)


def insert_intent(session: Session, values: dict[str, Any]) -> LedgerRow | None:
    """Insert a ledger row; None when its key is already taken."""
    row_id = insert_ignore(session, LedgerRow.__table__, values)  # type: ignore[arg-type]
    return session.get(LedgerRow, row_id) if row_id is not None else None


def row_with_key(session: Session, key: str) -> LedgerRow | None:
    return session.execute(select(LedgerRow).where(LedgerRow.key == key)).scalar_one_or_none()


def last_row(session: Session, mention_id: int, action: str, state: str) -> LedgerRow | None:
    """The latest ledger row of this action on the mention in this state."""
    return session.execute(
        select(LedgerRow).where(LedgerRow.mention_id == mention_id, LedgerRow.action == action,
                                LedgerRow.state == state)
        .order_by(LedgerRow.id.desc()).limit(1)).scalar_one_or_none()


def actions_and_tellings(session: Session, mention_id: int) -> list[tuple[str, str, str]]:
    """(action, state, told) of every ledger row of the mention."""
    return [(a, s, t) for a, s, t in session.execute(
        select(LedgerRow.action, LedgerRow.state, LedgerRow.told).where(
            LedgerRow.mention_id == mention_id)).all()]


def row_ids_in_state_before(session: Session, state: str, before: datetime) -> list[int]:
    """Ids of the rows in this state requested before `before`, oldest first."""
    return list(session.execute(
        select(LedgerRow.id).where(LedgerRow.state == state, LedgerRow.requested_at < before)
        .order_by(LedgerRow.id)).scalars())


def rows_of_mention(session: Session, mention_id: int) -> list[LedgerRow]:
    return list(session.execute(select(LedgerRow).where(LedgerRow.mention_id == mention_id)
                                .order_by(LedgerRow.id)).scalars())


def claim_if_unclaimed(session: Session, mention_id: int, actor_id: str,
                       now: datetime) -> bool:
    """Compare-and-set: of two moderators claiming at once, exactly one wins (True)."""
    result = session.execute(update(ModerationStateRow).where(
        ModerationStateRow.mention_id == mention_id,
        ModerationStateRow.claimed_by == "").values(claimed_by=actor_id, updated_at=now))
    return bool(result.rowcount)  # type: ignore[attr-defined]


def close_if_open(session: Session, mention_id: int, state_line: str, now: datetime) -> bool:
    """Close the mention's state unless it is closed already; True when this call closed it."""
    result = session.execute(update(ModerationStateRow).where(
        ModerationStateRow.mention_id == mention_id,
        ModerationStateRow.closed.is_(False)).values(
        closed=True, state_line=state_line, updated_at=now))
    return bool(result.rowcount)  # type: ignore[attr-defined]


def flag_overrides_with_mentions(session: Session) -> list[tuple[FlagOverrideRow, str, str, str]]:
    """Every "Flag is wrong" with its mention's text, platform and kind, oldest first."""
    return [(o, text, platform, kind) for o, text, platform, kind in session.execute(
        select(FlagOverrideRow, MentionRow.text, MentionRow.platform, MentionRow.kind)
        .join(MentionRow, MentionRow.id == FlagOverrideRow.mention_id)
        .order_by(FlagOverrideRow.id)).all()]
