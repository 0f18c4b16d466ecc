"""The retention job's erasures and prunes (bot/privacy/retention.py decides the periods).

Lists of mention ids go to the database in chunks, short enough for an IN on either engine.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from bot.store.schema import (
    AuditRow,
    CapturedMediaRow,
    DecisionRow,
    EvidencePackRow,
    LedgerRow,
    MentionRow,
    PollGapRow,
    SignpostRow,
)

CHUNK = 500


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def _rowcount(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


def mention_ids_with_content_before(session: Session, before: datetime) -> list[int]:
    """Mentions stored before then whose content is not erased yet."""
    return list(session.execute(select(MentionRow.id).where(
        MentionRow.ingested_at < before, MentionRow.content_erased_at.is_(None))).scalars())


def blank_mention_content(session: Session, mention_ids: list[int], now: datetime) -> None:
    for chunk in _chunks(mention_ids):
        session.execute(update(MentionRow).where(MentionRow.id.in_(chunk))
                        .values(text="", parent_text="", media=[], links=[], raw={},
                                content_erased_at=now))


def decisions_of_mentions(session: Session, mention_ids: list[int]) -> Iterator[DecisionRow]:
    for chunk in _chunks(mention_ids):
        yield from session.execute(select(DecisionRow).where(
            DecisionRow.mention_id.in_(chunk))).scalars()


def blank_ledger_text_and_unheld_media(session: Session, mention_ids: list[int]) -> None:
    """Blank what the team sent about the mentions, and delete their captured media unless an
    evidence pack for a report still open holds the mention."""
    for chunk in _chunks(mention_ids):
        session.execute(update(LedgerRow).where(LedgerRow.mention_id.in_(chunk)).values(text=""))
        held = select(EvidencePackRow.mention_id).where(
            EvidencePackRow.mention_id.in_(chunk), EvidencePackRow.report_open.is_(True))
        session.execute(delete(CapturedMediaRow).where(
            CapturedMediaRow.mention_id.in_(chunk), CapturedMediaRow.mention_id.not_in(held)))


def delete_closed_evidence_packs_before(session: Session, before: datetime) -> int:
    """Evidence packs created before then whose report is closed."""
    return _rowcount(session.execute(delete(EvidencePackRow).where(
        EvidencePackRow.report_open.is_(False), EvidencePackRow.created_at < before)))


def blank_authors_before(session: Session, before: datetime, now: datetime) -> int:
    """Erase who wrote the mentions stored before then, where not erased yet."""
    return _rowcount(session.execute(update(MentionRow).where(
        MentionRow.ingested_at < before, MentionRow.author_erased_at.is_(None))
        .values(author_id="", author_handle="", author_name="", author_url="", permalink="",
                author_erased_at=now)))


def delete_signposts_decided_before(session: Session, before: datetime) -> int:
    return _rowcount(session.execute(delete(SignpostRow).where(SignpostRow.decided_at < before)))


def delete_poll_gaps_ended_before(session: Session, before: datetime) -> int:
    return _rowcount(session.execute(delete(PollGapRow).where(PollGapRow.ended_at < before)))


def newest_audit_id_before(session: Session, before: datetime) -> int | None:
    return session.execute(select(func.max(AuditRow.id)).where(
        AuditRow.at < before)).scalar_one_or_none()


def audit_count_through(session: Session, through: int) -> int:
    return int(session.execute(select(func.count()).select_from(AuditRow).where(
        AuditRow.id <= through)).scalar_one())


def delete_audit_through(session: Session, through: int) -> None:
    """The database refuses this unless an anchor covering `through` exists."""
    session.execute(delete(AuditRow).where(AuditRow.id <= through))
