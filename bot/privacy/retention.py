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

from sqlalchemy.orm import Session

from bot.core.retention_periods import RetentionPolicy
from bot.store import audit, audit_head
from bot.store.db import Database
from bot.store.retention_queries import (
    audit_count_through,
    blank_authors_before,
    blank_ledger_text_and_unheld_media,
    blank_mention_content,
    decisions_of_mentions,
    delete_audit_through,
    delete_closed_evidence_packs_before,
    delete_poll_gaps_ended_before,
    delete_signposts_decided_before,
    mention_ids_with_content_before,
    newest_audit_id_before,
)
from bot.store.schema import AuditAnchorRow, AuditRow
from bot.store.storm_queries import groups_last_active_before
from bot.storm.fold import prune_marks

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
    for d in decisions_of_mentions(session, mention_ids):
        detail = dict(d.detail or {})
        detail["flags"] = [{**f, "evidence": "", "span": None} for f in detail.get("flags", [])]
        d.detail = detail


def erase_content(session: Session, now: datetime, older_than: timedelta) -> int:
    ids = mention_ids_with_content_before(session, now - older_than)
    blank_mention_content(session, ids, now)
    _erase_evidence(session, ids)
    _erase_moderation_copies(session, ids)
    return len(ids)


def _erase_moderation_copies(session: Session, mention_ids: list[int]) -> None:
    """What the team sent (it answers or quotes the post) goes with the post's text; captured
    media too, unless an evidence pack for a report still open holds the mention."""
    blank_ledger_text_and_unheld_media(session, mention_ids)


def erase_storm_content(session: Session, now: datetime, older_than: timedelta) -> int:
    """A storm group quotes its posts too: the shared link in its label, the text's shingle
    hashes. They go with the posts' text; the counts stay. Marks (what recent posts share) only
    matter for minutes and are kept a day at most, even if the storm job has not run."""
    prune_marks(session, now)
    erased = 0
    for g in groups_last_active_before(session, now - older_than):
        label = ERASED_LINK_LABEL if g.kind == "link" else g.label
        if g.shingles or g.label != label:
            g.shingles, g.label = [], label
            erased += 1
    return erased


def prune_evidence(session: Session, now: datetime, older_than: timedelta) -> int:
    """Evidence packs whose report is closed, past their period (open reports keep theirs)."""
    return delete_closed_evidence_packs_before(session, now - older_than)


def erase_authors(session: Session, now: datetime, older_than: timedelta) -> int:
    return blank_authors_before(session, now - older_than, now)


def prune_audit(session: Session, now: datetime, older_than: timedelta) -> int:
    """Delete the oldest audit rows past their period, leaving an anchor for verification."""
    through = newest_audit_id_before(session, now - older_than)
    if through is None:
        return 0
    last = session.get(AuditRow, through)
    assert last is not None
    count = audit_count_through(session, through)
    anchor = AuditAnchorRow(through_id=through, anchor_hash=last.hash, rows=count, pruned_at=now)
    audit_head.sign_anchor(session, anchor)
    session.add(anchor)
    session.flush()  # the database allows the delete only once the anchor exists
    delete_audit_through(session, through)
    audit.append(session, at=now, actor=audit.SYSTEM_ACTOR, action="audit_pruned",
                 detail={"anchor_id": anchor.id, "through_id": through, "rows": count})
    return count


def run(db: Database, now: datetime, policy: RetentionPolicy) -> RetentionReport:
    with db.session() as s:
        content = erase_content(s, now, policy.content)
        authors = erase_authors(s, now, policy.authors)
        signposts = delete_signposts_decided_before(s, now - policy.authors)
        gaps = delete_poll_gaps_ended_before(s, now - policy.content)
        pruned = prune_audit(s, now, policy.audit_log)
        packs = prune_evidence(s, now, policy.evidence)
        storms = erase_storm_content(s, now, policy.content)
        report = RetentionReport(content, authors, signposts, gaps, pruned, packs, storms)
        audit.append(s, at=now, actor=audit.SYSTEM_ACTOR, action="retention",
                     detail=asdict(report))
    log.info("retention: %s", ", ".join(f"{k.replace('_', ' ')} {v}"
                                        for k, v in asdict(report).items()))
    return report
