"""The audit log: append-only, each row carrying the hash of the one before.

Rows reference mentions by id and never copy post text, so erasing a person's data
later never breaks the chain.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.store import audit_head
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
    # Writers wait their turn (both engines), so two never chain onto the same previous row.
    audit_head.lock(session)
    head = audit_head.read(session)
    last = session.execute(
        select(AuditRow.id, AuditRow.hash).order_by(AuditRow.id.desc()).limit(1)).first()
    prev_id, prev = (last[0], last[1]) if last else (0, _start_hash(session))
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
    audit_head.advance(session, head, prev_id, prev, row.id, row.hash, at)
    # Kept on the alert too, so stats read a small index, not the whole log (bot/store/closing.py).
    for column, applies in ((AlertRow.first_action_at, acts), (AlertRow.closed_at, closes_alert)):
        if mention_id is not None and applies(actor, action, outcome):
            session.execute(update(AlertRow).where(
                AlertRow.mention_id == mention_id, AlertRow.kind == "mention",
                column.is_(None)).values({column: at}))
    return row


def _start_hash(session: Session) -> str:
    """Where a chain with no rows left starts: the newest prune anchor, else genesis."""
    anchor = session.execute(select(AuditAnchorRow.anchor_hash).order_by(
        AuditAnchorRow.id.desc()).limit(1)).scalar_one_or_none()
    return anchor or GENESIS


@dataclass(frozen=True)
class ChainProblem:
    row_id: int
    problem: str


def verify(session: Session) -> tuple[int, list[ChainProblem]]:
    """Walk the chain; return (rows checked, problems found).

    When retention has pruned the oldest rows, the chain starts at the newest anchor, which
    holds the hash of the last row pruned. The chain's end must match its head (last row, hash,
    rows ever written) and, with AUDIT_HMAC_KEY, the head's and the anchors' signatures.
    """
    anchors = session.execute(select(AuditAnchorRow).order_by(AuditAnchorRow.id)).scalars().all()
    anchor = anchors[-1] if anchors else None
    prev = anchor.anchor_hash if anchor else GENESIS
    problems: list[ChainProblem] = []
    count = 0
    last_id = 0
    for row in session.execute(select(AuditRow).order_by(AuditRow.id)).scalars():
        count += 1
        last_id = row.id
        if anchor is not None and row.id <= anchor.through_id:
            problems.append(ChainProblem(row.id, "row older than the prune anchor still present"))
        if row.prev_hash != prev:
            problems.append(ChainProblem(row.id, "previous-hash link broken (row removed?)"))
        expected = _digest(row.prev_hash, row.at, row.actor, row.action, row.mention_id,
                           row.outcome, row.detail, row.policy_version)
        if expected != row.hash:
            problems.append(ChainProblem(row.id, "contents do not match their hash (edited?)"))
        prev = row.hash
    pruned = sum(a.rows for a in anchors)
    problems += _check_head(session, last_id, prev, count + pruned, anchors)
    return count, problems


def _check_head(session: Session, last_id: int, last_hash: str, rows: int,
                anchors: list[AuditAnchorRow]) -> list[ChainProblem]:
    head = audit_head.read(session)
    key = audit_head.session_key(session)
    if head is None:
        return [] if rows == 0 else [ChainProblem(last_id, "the chain's head record is missing")]
    out: list[ChainProblem] = []
    if head.note:
        out.append(ChainProblem(head.last_id, f"a writer found the chain altered: {head.note}"))
    if head.last_id > last_id or head.row_count > rows:
        missing = head.row_count - rows
        out.append(ChainProblem(head.last_id, (
            f"{missing} row(s) missing at the end: the head records {head.row_count} rows "
            f"ending at row {head.last_id}, the log ends at row {last_id or 'none'}")))
    elif head.last_id != last_id or head.last_hash != last_hash or head.row_count != rows:
        out.append(ChainProblem(last_id, (
            f"the chain's end does not match its head (head: row {head.last_id}, "
            f"{head.row_count} rows; log: row {last_id}, {rows} rows)")))
    if key is None or (rows == 0 and head.last_id == 0 and head.signed_from is None):
        # Nothing written yet (a fresh database): nothing has been signed, so there is no
        # signature to check. (A log wiped to nothing, head included, looks the same; `audit verify`
        # prints the rows checked, and docs/operations.md says 0 on a used database is an incident.)
        return out
    if head.signed_from is None or not hmac.compare_digest(
            head.mac or "", audit_head.head_mac(key, head)):
        out.append(ChainProblem(head.last_id, (
            "the head's signature does not match AUDIT_HMAC_KEY (rows edited and rehashed, "
            "rows removed, or written without the key)")))
    for a in anchors:
        signed = head.signed_from is not None and a.through_id >= head.signed_from
        if signed and not hmac.compare_digest(a.mac or "", audit_head.anchor_mac(key, a)):
            out.append(ChainProblem(a.through_id,
                                    f"prune anchor {a.id} is not signed with the key (forged?)"))
    return out
