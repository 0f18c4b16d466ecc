"""Retention, enforced by a nightly job that logs and audits its counts.

- Mention content (text, media, links, raw payload, and the flags' evidence quoting it) is
  erased after RETENTION_CONTENT_DAYS (default 90); the row stays, so the numbers still add up.
- Author identity (id, handle, name, profile link, permalink, signposting ledger) is erased
  after RETENTION_AUTHOR_DAYS (default 365).
- Evidence packs: RETENTION_EVIDENCE_DAYS, held while a report is open. Packs are stored by the
  moderation service; this job has nothing to prune until they exist.
- The audit log is pruned after RETENTION_AUDIT_DAYS (default 6 years) from its oldest end. An
  anchor records the hash of the last pruned row; the database refuses to delete audit rows
  beyond the newest anchor, and `audit.verify` checks the chain from the anchor onwards.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from bot.core.retention_periods import RetentionPolicy
from bot.store import audit, audit_head
from bot.store.db import Database
from bot.store.schema import (
    AuditAnchorRow,
    AuditRow,
    CapturedMediaRow,
    DecisionRow,
    EvidencePackRow,
    LedgerRow,
    MentionRow,
    PollGapRow,
    SignpostRow,
    StormGroupRow,
)
from bot.storm.fold import prune_marks

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)
ERASED_LINK_LABEL = "posts sharing one link"


@dataclass(frozen=True)
class RetentionReport:
    content_erased: int
    authors_erased: int
    signposts_deleted: int
    poll_gaps_deleted: int
    audit_rows_pruned: int
    evidence_packs_deleted: int = 0
    storm_groups_erased: int = 0


def _erase_evidence(session: Session, mention_ids: list[int]) -> None:
    """Flags quote the post (evidence): blank those quotes with the text."""
    for start in range(0, len(mention_ids), 500):
        for d in session.execute(select(DecisionRow).where(
                DecisionRow.mention_id.in_(mention_ids[start:start + 500]))).scalars():
            detail = dict(d.detail or {})
            detail["flags"] = [{**f, "evidence": "", "span": None}
                               for f in detail.get("flags", [])]
            d.detail = detail


def erase_content(session: Session, now: datetime, older_than: timedelta) -> int:
    ids = list(session.execute(select(MentionRow.id).where(
        MentionRow.ingested_at < now - older_than, MentionRow.content_erased_at.is_(None)))
        .scalars())
    for start in range(0, len(ids), 500):
        session.execute(update(MentionRow).where(MentionRow.id.in_(ids[start:start + 500]))
                        .values(text="", parent_text="", media=[], links=[], raw={},
                                content_erased_at=now))
    _erase_evidence(session, ids)
    _erase_moderation_copies(session, ids)
    return len(ids)


def _erase_moderation_copies(session: Session, mention_ids: list[int]) -> None:
    """What the team sent (it answers or quotes the post) goes with the post's text; captured
    media too, unless an evidence pack for a report still open holds the mention."""
    for start in range(0, len(mention_ids), 500):
        chunk = mention_ids[start:start + 500]
        session.execute(update(LedgerRow).where(LedgerRow.mention_id.in_(chunk)).values(text=""))
        held = select(EvidencePackRow.mention_id).where(
            EvidencePackRow.mention_id.in_(chunk), EvidencePackRow.report_open.is_(True))
        session.execute(delete(CapturedMediaRow).where(
            CapturedMediaRow.mention_id.in_(chunk), CapturedMediaRow.mention_id.not_in(held)))


def erase_storm_content(session: Session, now: datetime, older_than: timedelta) -> int:
    """A storm group quotes its posts too: the shared link in its label, the text's shingle
    hashes. They go with the posts' text; the counts stay. Marks (what recent posts share) only
    matter for minutes and are kept a day at most, even if the storm job has not run."""
    prune_marks(session, now)
    erased = 0
    for g in session.execute(select(StormGroupRow).where(
            StormGroupRow.last_at < now - older_than)).scalars():
        label = ERASED_LINK_LABEL if g.kind == "link" else g.label
        if g.shingles or g.label != label:
            g.shingles, g.label = [], label
            erased += 1
    return erased


def prune_evidence(session: Session, now: datetime, older_than: timedelta) -> int:
    """Evidence packs whose report is closed, past their period (open reports keep theirs)."""
    result = session.execute(delete(EvidencePackRow).where(
        EvidencePackRow.report_open.is_(False), EvidencePackRow.created_at < now - older_than))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def erase_authors(session: Session, now: datetime, older_than: timedelta) -> int:
    cutoff = now - older_than
    result = session.execute(update(MentionRow).where(
        MentionRow.ingested_at < cutoff, MentionRow.author_erased_at.is_(None))
        .values(author_id="", author_handle="", author_name="", author_url="", permalink="",
                author_erased_at=now))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def prune_audit(session: Session, now: datetime, older_than: timedelta) -> int:
    """Delete the oldest audit rows past their period, leaving an anchor for verification."""
    through = session.execute(select(func.max(AuditRow.id)).where(
        AuditRow.at < now - older_than)).scalar_one_or_none()
    if through is None:
        return 0
    last = session.get(AuditRow, through)
    assert last is not None
    count = int(session.execute(select(func.count()).select_from(AuditRow).where(
        AuditRow.id <= through)).scalar_one())
    anchor = AuditAnchorRow(through_id=through, anchor_hash=last.hash, rows=count, pruned_at=now)
    audit_head.sign_anchor(session, anchor)
    session.add(anchor)
    session.flush()  # the database allows the delete only once the anchor exists
    session.execute(delete(AuditRow).where(AuditRow.id <= through))
    audit.append(session, at=now, actor=audit.SYSTEM_ACTOR, action="audit_pruned",
                 detail={"anchor_id": anchor.id, "through_id": through, "rows": count})
    return count


def run(db: Database, now: datetime, policy: RetentionPolicy) -> RetentionReport:
    with db.session() as s:
        content = erase_content(s, now, policy.content)
        authors = erase_authors(s, now, policy.authors)
        signposts = int(s.execute(delete(SignpostRow).where(
            SignpostRow.decided_at < now - policy.authors)).rowcount or 0)  # type: ignore[attr-defined]
        gaps = int(s.execute(delete(PollGapRow).where(
            PollGapRow.ended_at < now - policy.content)).rowcount or 0)  # type: ignore[attr-defined]
        pruned = prune_audit(s, now, policy.audit_log)
        packs = prune_evidence(s, now, policy.evidence)
        storms = erase_storm_content(s, now, policy.content)
        report = RetentionReport(content, authors, signposts, gaps, pruned, packs, storms)
        audit.append(s, at=now, actor=audit.SYSTEM_ACTOR, action="retention",
                     detail=asdict(report))
    log.info("retention: %s", ", ".join(f"{k.replace('_', ' ')} {v}"
                                        for k, v in asdict(report).items()))
    return report
