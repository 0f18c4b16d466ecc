"""The audit log: append-only, each row carrying the hash of the one before.

Rows reference mentions by id and never copy post text, so erasing a person's data
later never breaks the chain.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from bot.store.closing import acts, closes_alert
from bot.store.schema import AlertRow, AuditAnchorRow, AuditRow

GENESIS = "0" * 64
SYSTEM_ACTOR = "feedwatch"


def _digest(prev_hash: str, at: datetime, actor: str, action: str, mention_id: int | None,
            outcome: str, detail: dict[str, Any], policy_version: str) -> str:
    body = json.dumps(
        {
            "prev": prev_hash,
            "at": at.isoformat(timespec="microseconds"),
            "actor": actor,
            "action": action,
            "mention_id": mention_id,
            "outcome": outcome,
            "detail": detail,
            "policy_version": policy_version,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=True,
    )
    return hashlib.sha256(body.encode()).hexdigest()


def append(
    session: Session,
    *,
    at: datetime,
    actor: str,
    action: str,
    mention_id: int | None = None,
    outcome: str = "ok",
    detail: dict[str, Any] | None = None,
    policy_version: str = "",
) -> AuditRow:
    """Add one row at the end of the chain, inside the caller's transaction."""
    if session.get_bind().dialect.name == "postgresql":
        # serialise writers so two processes never chain onto the same previous row
        session.execute(text("SELECT pg_advisory_xact_lock(4242001)"))
    prev = session.execute(
        select(AuditRow.hash).order_by(AuditRow.id.desc()).limit(1)
    ).scalar_one_or_none() or GENESIS
    detail = json.loads(json.dumps(detail or {}, default=str))  # what is stored is what is hashed
    # Hash the time as the database will give it back: UTC (both engines keep microseconds).
    at = at.astimezone(UTC)
    row = AuditRow(
        at=at,
        actor=actor,
        action=action,
        mention_id=mention_id,
        outcome=outcome,
        detail=detail,
        policy_version=policy_version,
        prev_hash=prev,
        hash=_digest(prev, at, actor, action, mention_id, outcome, detail, policy_version),
    )
    session.add(row)
    session.flush()
    # Kept on the alert too, so stats read a small index, not the whole log (bot/store/closing.py).
    for column, applies in ((AlertRow.first_action_at, acts), (AlertRow.closed_at, closes_alert)):
        if mention_id is not None and applies(actor, action, outcome):
            session.execute(update(AlertRow).where(
                AlertRow.mention_id == mention_id, AlertRow.kind == "mention",
                column.is_(None)).values({column: at}))
    return row


@dataclass(frozen=True)
class ChainProblem:
    row_id: int
    problem: str


def verify(session: Session) -> tuple[int, list[ChainProblem]]:
    """Walk the chain; return (rows checked, problems found).

    When retention has pruned the oldest rows, the chain starts at the newest anchor, which
    holds the hash of the last row pruned.
    """
    anchor = session.execute(select(AuditAnchorRow).order_by(AuditAnchorRow.id.desc())
                             .limit(1)).scalar_one_or_none()
    prev = anchor.anchor_hash if anchor else GENESIS
    problems: list[ChainProblem] = []
    count = 0
    for row in session.execute(select(AuditRow).order_by(AuditRow.id)).scalars():
        count += 1
        if anchor is not None and row.id <= anchor.through_id:
            problems.append(ChainProblem(row.id, "row older than the prune anchor still present"))
        if row.prev_hash != prev:
            problems.append(ChainProblem(row.id, "previous-hash link broken (row removed?)"))
        expected = _digest(row.prev_hash, row.at, row.actor, row.action, row.mention_id,
                           row.outcome, row.detail, row.policy_version)
        if expected != row.hash:
            problems.append(ChainProblem(row.id, "contents do not match their hash (edited?)"))
        prev = row.hash
    return count, problems
