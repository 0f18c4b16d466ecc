"""The moderation ledger and each mention's moderation state (tables in bot/store/schema.py).

Exactly once: every platform write is a ledger row whose unique key is
mention + action + the state's generation, inserted as `intent` before the platform call. A
second click on the same state (a double click, or another moderator) cannot insert it again
and is told who got there first. The generation moves on when a write finishes, so the next
deliberate action gets a fresh key.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.store.inserts import insert_ignore
from bot.store.schema import LedgerRow, ModerationStateRow

INTENT, DONE, FAILED, REFUSED, UNKNOWN = "intent", "done", "failed", "refused", "unknown"
# Safe to repeat: after a crash these are made so (their effect read back where possible).
# Sends cannot be checked or repeated safely: after a crash they are "outcome unknown".
# Before TELL_FIRST actions, the author is told why privately (the policy's promise).
# All three come from the one catalogue of actions.


def key(mention_id: int, action: str, generation: int) -> str:
    return f"{mention_id}:{action}:{generation}"


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


def already(state: ModerationStateRow, action: str) -> bool:
    """Is this action's effect already in place?"""
    return {
        "hide": state.hidden, "unhide": not state.hidden, "delete": state.deleted,
        "block": state.blocked, "mute": state.muted,
    }.get(action, False)


def apply_effect(state: ModerationStateRow, action: str) -> None:
    if action in ("hide", "unhide"):
        state.hidden = action == "hide"
    elif action == "delete":
        state.deleted = True
        state.closed = True  # nothing is left on the platform to act on
    elif action == "block":
        state.blocked = True
    elif action == "mute":
        state.muted = True


def begin(session: Session, *, mention_id: int, action: str, generation: int, actor: str,
          actor_name: str, now: datetime, reason: str = "", text: str = "", template: str = "",
          told: str = "", told_note: str = "", policy_version: str = "") -> LedgerRow | None:
    """Write the intent; None when this mention/action/generation is already taken."""
    row_id = insert_ignore(session, LedgerRow.__table__, {  # type: ignore[arg-type]
        "key": key(mention_id, action, generation), "mention_id": mention_id,
        "action": action, "generation": generation, "actor": actor,
        "actor_name": actor_name[:100], "state": INTENT, "reason": reason, "told": told,
        "told_note": told_note[:300], "text": text, "template": template[:64],
        "result_id": "", "error": "", "error_code": "", "policy_version": policy_version,
        "requested_at": now, "completed_at": None,
    })
    return session.get(LedgerRow, row_id) if row_id is not None else None


def by_key(session: Session, mention_id: int, action: str, generation: int) -> LedgerRow | None:
    return session.execute(select(LedgerRow).where(
        LedgerRow.key == key(mention_id, action, generation))).scalar_one_or_none()


def last(session: Session, mention_id: int, action: str, state: str = DONE) -> LedgerRow | None:
    return session.execute(
        select(LedgerRow).where(LedgerRow.mention_id == mention_id, LedgerRow.action == action,
                                LedgerRow.state == state)
        .order_by(LedgerRow.id.desc()).limit(1)).scalar_one_or_none()


def privately_told(session: Session, mention_id: int) -> bool:
    """Has anything already gone to this author privately about this item (Facebook allows
    one private reply per comment)?"""
    rows = session.execute(select(LedgerRow.action, LedgerRow.state, LedgerRow.told).where(
        LedgerRow.mention_id == mention_id)).all()
    return any((a == "private_message" and s in (DONE, UNKNOWN)) or t in ("sent", "unknown")
               for a, s, t in rows)


def told_before(session: Session, mention_id: int) -> bool:
    """Was the author already told why (or may have been) by an earlier action?"""
    return any(t in ("sent", "unknown") for t in session.execute(
        select(LedgerRow.told).where(LedgerRow.mention_id == mention_id)).scalars())


def open_intents(session: Session, before: datetime) -> list[int]:
    """Intents written before `before` (this process's start): left by a crash."""
    return list(session.execute(
        select(LedgerRow.id).where(LedgerRow.state == INTENT, LedgerRow.requested_at < before)
        .order_by(LedgerRow.id)).scalars())


def history(session: Session, mention_id: int) -> list[LedgerRow]:
    return list(session.execute(select(LedgerRow).where(LedgerRow.mention_id == mention_id)
                                .order_by(LedgerRow.id)).scalars())
