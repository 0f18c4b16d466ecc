"""The audit chain's head: where it ends and how many rows it has held, signed with the
deployment's AUDIT_HMAC_KEY.

The hash chain alone proves rows link up, but anyone able to write the database can edit a row
and recompute every later hash, delete the newest rows, or forge a prune anchor. The head is
rewritten with every row, in the same transaction, with an HMAC only the key's holder can make:
so an edited-and-recomputed chain, a missing end or an unsigned anchor no longer verifies.
Without a key the head still catches rows deleted from the end (`feedwatch check` warns).
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from bot.store.schema import AuditAnchorRow, AuditHeadRow

HEAD_ID = 1
KEY_INFO = "audit_hmac_key"


def session_key(session: Session) -> bytes | None:
    """The key the Database was opened with (bot/store/db.py puts it in every session)."""
    key = session.info.get(KEY_INFO)
    return key if isinstance(key, bytes) and key else None


def _mac(key: bytes, *parts: object) -> str:
    return hmac.new(key, "|".join(str(p) for p in parts).encode(), hashlib.sha256).hexdigest()


def head_mac(key: bytes, head: AuditHeadRow) -> str:
    return _mac(key, "head", head.last_id, head.last_hash, head.row_count, head.note,
                head.signed_from)


def anchor_mac(key: bytes, anchor: AuditAnchorRow) -> str:
    return _mac(key, "anchor", anchor.through_id, anchor.anchor_hash, anchor.rows)


def lock(session: Session) -> None:
    """Serialise writers of the chain before its end is read, so two never chain onto the same
    row. PostgreSQL: a transaction-scoped advisory lock. SQLite: a write to the head row, which
    takes the database's write lock at once (as BEGIN IMMEDIATE would; a writer already holding
    it keeps it) and waits busy_timeout for another writer to commit."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(4242001)"))
    session.execute(update(AuditHeadRow).where(AuditHeadRow.id == HEAD_ID)
                    .values(id=HEAD_ID).execution_options(synchronize_session=False))


def read(session: Session) -> AuditHeadRow | None:
    return session.execute(select(AuditHeadRow).where(AuditHeadRow.id == HEAD_ID)
                           .execution_options(populate_existing=True)).scalar_one_or_none()


def advance(session: Session, head: AuditHeadRow | None, prev_id: int, prev_hash: str,
            row_id: int, row_hash: str, now: datetime) -> None:
    """Move the head to the row just added. A head that did not match the chain's end (rows
    deleted, or a head edited without the key) is not silently re-signed: the mismatch is kept
    in its note, under the signature, for `audit verify` to report."""
    key = session_key(session)
    if head is None:
        head = AuditHeadRow(id=HEAD_ID, last_id=prev_id, last_hash=prev_hash, row_count=0,
                            mac="", note="" if prev_id == 0 else
                            f"head missing when row {row_id} was written", signed_from=None)
        session.add(head)
    else:
        problem = _mismatch(head, prev_id, prev_hash, key)
        if problem and not head.note:
            head.note = f"{problem} when row {row_id} was written"[:300]
    head.last_id, head.last_hash = row_id, row_hash
    head.row_count = (head.row_count or 0) + 1
    head.updated_at = now
    if key is not None:
        if head.signed_from is None:
            head.signed_from = row_id
        head.mac = head_mac(key, head)
    else:
        head.mac = ""
    session.flush()


def _mismatch(head: AuditHeadRow, last_id: int, last_hash: str, key: bytes | None) -> str:
    if head.last_id != last_id or head.last_hash != last_hash:
        return f"the chain ended at row {last_id} but its head said row {head.last_id}"
    if key is not None and head.signed_from is not None and not hmac.compare_digest(
            head.mac or "", head_mac(key, head)):
        return "the head's signature did not match"
    return ""


def sign_anchor(session: Session, anchor: AuditAnchorRow) -> None:
    key = session_key(session)
    anchor.mac = anchor_mac(key, anchor) if key is not None else ""
