"""The moderation ledger and each mention's moderation state (tables in bot/store/schema.py).

Exactly once: every platform write is a ledger row whose unique key is
mention + action + the state's generation, inserted as `intent` before the platform call. A
second click on the same state (a double click, or another moderator) cannot insert it again
and is told who got there first. The generation moves on when a write finishes, so the next
deliberate action gets a fresh key.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.store.ledger_rows import (
    actions_and_tellings,
    insert_intent,
    last_row,
    row_ids_in_state_before,
    row_with_key,
    rows_of_mention,
)

# The state row's reads, re-exported: the rest of moderation reaches them as ledger.state_for.
from bot.store.ledger_rows import peek_state as peek_state
from bot.store.ledger_rows import state_for as state_for
from bot.store.schema import LedgerRow, ModerationStateRow

INTENT, DONE, FAILED, REFUSED, UNKNOWN = "intent", "done", "failed", "refused", "unknown"
# Safe to repeat: after a crash these are made so (their effect read back where possible).
# Sends cannot be checked or repeated safely: after a crash they are "outcome unknown".
# Before TELL_FIRST actions, the author is told why privately (the policy's promise).
# All three come from the one catalogue of actions.


def key(mention_id: int, action: str, generation: int) -> str:
    return f"{mention_id}:{action}:{generation}"


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
    return insert_intent(session, {
        "key": key(mention_id, action, generation), "mention_id": mention_id,
        "action": action, "generation": generation, "actor": actor,
        "actor_name": actor_name[:100], "state": INTENT, "reason": reason, "told": told,
        "told_note": told_note[:300], "text": text, "template": template[:64],
        "result_id": "", "error": "", "error_code": "", "policy_version": policy_version,
        "requested_at": now, "completed_at": None,
    })


def by_key(session: Session, mention_id: int, action: str, generation: int) -> LedgerRow | None:
    return row_with_key(session, key(mention_id, action, generation))


def last(session: Session, mention_id: int, action: str, state: str = DONE) -> LedgerRow | None:
    return last_row(session, mention_id, action, state)


def privately_told(session: Session, mention_id: int) -> bool:
    """Has anything already gone to this author privately about this item (Facebook allows
    one private reply per comment)?"""
    rows = actions_and_tellings(session, mention_id)
    return any((a == "private_message" and s in (DONE, UNKNOWN)) or t in ("sent", "unknown")
               for a, s, t in rows)


def told_before(session: Session, mention_id: int) -> bool:
    """Was the author already told why (or may have been) by an earlier action?"""
    return any(t in ("sent", "unknown") for _, _, t in actions_and_tellings(session, mention_id))


def open_intents(session: Session, before: datetime) -> list[int]:
    """Intents written before `before` (this process's start): left by a crash."""
    return row_ids_in_state_before(session, INTENT, before)


def history(session: Session, mention_id: int) -> list[LedgerRow]:
    return rows_of_mention(session, mention_id)
