"""Retention reaches what moderation keeps: replies sent, captured media, evidence packs."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.core.clock import FixedClock
from bot.core.models import Author, Mention, X
from bot.privacy import retention
from bot.store.audit import verify
from bot.store.db import Database
from bot.store.mentions import insert_mention
from bot.store.schema import CapturedMediaRow, EvidencePackRow, LedgerRow

POLICY = retention.RetentionPolicy(content=timedelta(days=90), authors=timedelta(days=365),
                                   evidence=timedelta(days=365), audit_log=timedelta(days=2190))


def seed(db: Database, clock: FixedClock, ext: str, report_open: bool | None) -> int:
    m = Mention(platform=X, account="nsft", external_id=ext, kind="reply",
                author=Author(id="9", handle="pat"), text="you are useless",
                created_at=clock.now())
    with db.session() as s:
        mid = insert_mention(s, m, clock.now())
        assert mid is not None
        s.add(LedgerRow(key=f"{mid}:reply:1", mention_id=mid, action="reply", generation=1,
                        actor="U1", state="done", text="We're sorry to hear this, Pat.",
                        requested_at=clock.now()))
        s.add(CapturedMediaRow(mention_id=mid, media_key="3_1", url="https://pbs.twimg.com/a",
                               data=b"png", captured_at=clock.now()))
        if report_open is not None:
            s.add(EvidencePackRow(mention_id=mid, created_at=clock.now(), actor="U1",
                                  sha256="0" * 64, html_sha256="0" * 64, size=1,
                                  pack={"text": "you are useless"}, report_open=report_open))
    return mid


def test_content_retention_blanks_replies_and_media_but_keeps_open_evidence(
        db: Database, clock: FixedClock) -> None:
    plain = seed(db, clock, "1", report_open=None)
    reported = seed(db, clock, "2", report_open=True)
    closed = seed(db, clock, "3", report_open=False)
    clock.advance(days=91)
    report = retention.run(db, clock.now(), POLICY)
    assert report.content_erased == 3
    with db.session() as s:
        assert set(s.execute(select(LedgerRow.text)).scalars()) == {""}
        media = set(s.execute(select(CapturedMediaRow.mention_id)).scalars())
        packs = set(s.execute(select(EvidencePackRow.mention_id)).scalars())
    assert media == {reported}  # the open report's evidence survives
    assert packs == {reported, closed} and plain not in packs
    clock.advance(days=300)  # past the evidence period: only the closed report's pack goes
    assert retention.run(db, clock.now(), POLICY).evidence_packs_deleted == 1
    with db.session() as s:
        assert set(s.execute(select(EvidencePackRow.mention_id)).scalars()) == {reported}
        assert verify(s)[1] == []
