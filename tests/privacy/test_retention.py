"""Retention: content, authors and the audit log age out; the audit chain still verifies."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from bot.core.retention_periods import RetentionPolicy
from bot.privacy import retention
from bot.store import audit
from bot.store.audit import verify as verify_chain
from bot.store.schema import AuditAnchorRow, AuditRow, DecisionRow, MentionRow
from policy.categories import ABUSE, PERSONAL_INFO
from tests.office.conftest import Desk, flag, local

POLICY = RetentionPolicy(content=timedelta(days=90), authors=timedelta(days=365),
                         audit_log=timedelta(days=2190))


def utc(*args: int) -> datetime:
    # audit.append hashes `at` as given and the database returns UTC: callers pass UTC.
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def mention(desk: Desk, mid: int) -> MentionRow:
    with desk.db.session() as s:
        row = s.get(MentionRow, mid)
        assert row is not None
        return row


def test_content_then_authors_age_out_and_the_chain_verifies(
        desk: Desk, caplog: pytest.LogCaptureFixture) -> None:
    text_ = "call me on 07700 900123, you idiot"
    desk.clock.set(local(2025, 10, 1, 10, 0))
    ancient = desk.ingest(text_, flag(PERSONAL_INFO, rule="personal_info.phone",
                                      evidence="07700 900123", span=(11, 23)), handle="old")
    desk.clock.set(local(2026, 8, 1, 10, 0))
    old = desk.ingest(text_, flag(PERSONAL_INFO, rule="personal_info.phone",
                                  evidence="07700 900123", span=(11, 23)), flag(ABUSE))
    with desk.db.session() as s:
        s.get(MentionRow, old).parent_text = "the post it answered"  # type: ignore[union-attr]
    desk.deliver()
    desk.act(old, "hide")
    desk.clock.set(local(2026, 11, 20, 10, 0))
    recent = desk.ingest("thanks", handle="new")
    desk.clock.set(local(2026, 11, 24, 3, 15))
    with caplog.at_level(logging.INFO, logger="bot.privacy.retention"):
        report = retention.run(desk.db, desk.clock.now(), POLICY)
    assert (report.content_erased, report.authors_erased, report.audit_rows_pruned) == (2, 1, 0)
    assert "retention: content erased 2, authors erased 1" in caplog.text
    erased = mention(desk, old)
    assert erased.text == "" and erased.raw == {} and erased.media == []
    assert erased.parent_text == ""  # the post it answered quotes someone too
    assert erased.content_erased_at == desk.clock.now()
    assert erased.author_handle == "pat"  # identity lasts longer than content
    with desk.db.session() as s:
        detail = s.execute(select(DecisionRow.detail).where(DecisionRow.mention_id == old)
                           ).scalar_one()
    assert all(f["evidence"] == "" for f in detail["flags"])  # flags no longer quote the post
    gone = mention(desk, ancient)
    assert (gone.author_id, gone.author_handle, gone.author_name, gone.permalink) == \
        ("", "", "", "")
    assert mention(desk, recent).text == "thanks"
    with desk.db.session() as s:
        assert audit.verify(s)[1] == []
        last = s.execute(select(AuditRow).order_by(AuditRow.id.desc()).limit(1)).scalar_one()
    assert last.action == "retention" and last.detail["content_erased"] == 2
    again = retention.run(desk.db, desk.clock.now(), POLICY)
    assert (again.content_erased, again.authors_erased) == (0, 0)


def test_old_audit_rows_are_pruned_behind_an_anchor(desk: Desk) -> None:
    with desk.db.session() as s:
        for year in (2019, 2019, 2020):
            audit.append(s, at=utc(year, 6, 1), actor="U0MOD1", action="hide",
                         mention_id=1)
        audit.append(s, at=utc(2026, 6, 1), actor="U0MOD1", action="hide",
                     mention_id=2)
    desk.clock.set(local(2026, 11, 24, 3, 15))
    report = retention.run(desk.db, desk.clock.now(), POLICY)
    assert report.audit_rows_pruned == 3
    with desk.db.session() as s:
        [anchor] = s.execute(select(AuditAnchorRow)).scalars().all()
        assert anchor.through_id == 3 and anchor.rows == 3
        count, problems = verify_chain(s)
        actions = [r.action for r in s.execute(select(AuditRow).order_by(AuditRow.id))
                   .scalars()]
    assert problems == [] and count == 3
    assert actions == ["hide", "audit_pruned", "retention"]
    # The database still refuses to delete anything past the anchor, or to move the anchor.
    with pytest.raises(DatabaseError, match="append-only"), desk.db.engine.begin() as c:
        c.execute(text("DELETE FROM audit_log"))
    with pytest.raises(DatabaseError, match="append-only"), desk.db.engine.begin() as c:
        c.execute(text("UPDATE audit_anchors SET through_id = 99"))


def test_tampering_after_a_prune_is_still_caught(desk: Desk) -> None:
    with desk.db.session() as s:
        audit.append(s, at=utc(2019, 6, 1), actor="U0MOD1", action="hide")
        audit.append(s, at=utc(2026, 6, 1), actor="U0MOD1", action="hide")
    desk.clock.set(local(2026, 11, 24, 3, 15))
    retention.run(desk.db, desk.clock.now(), POLICY)
    with desk.db.session() as s:
        # A forged row appended with a made-up link: the chain walk notices.
        s.add(AuditRow(at=desk.clock.now(), actor="U0X", action="hide", mention_id=None,
                       outcome="ok", detail={}, policy_version="", prev_hash="f" * 64,
                       hash="0" * 64))
    with desk.db.session() as s:
        _, problems = verify_chain(s)
    assert [p.problem for p in problems] == [
        "previous-hash link broken (row removed?)", "contents do not match their hash (edited?)",
        "the chain's end does not match its head (head: row 4, 4 rows; log: row 5, 5 rows)"]
