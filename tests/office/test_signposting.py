"""Opt-in out-of-hours crisis signposting: decided once per author per night, logged, listed."""

from __future__ import annotations

from sqlalchemy import select

from bot.core.clock import FixedClock
from bot.core.models import FACEBOOK, KIND_TAG
from bot.office.signposting import AWAITING_SEND, NOT_SENT
from bot.sandbox.fake_slack import FakeSlack
from bot.store import audit
from bot.store.db import Database
from bot.store.schema import AuditRow, SignpostRow
from policy.categories import COMPLAINT, CRISIS
from tests.office.conftest import Desk, flag, local


def ledger(db: Database) -> list[tuple[int, str, str, str]]:
    with db.session() as s:
        return [(r.mention_id, r.author_id, r.night, r.status) for r in
                s.execute(select(SignpostRow).order_by(SignpostRow.id)).scalars()]


def test_off_by_default(desk: Desk) -> None:
    desk.clock.set(local(2026, 11, 28, 2, 0))
    desk.ingest("I can't go on", flag(CRISIS))
    assert ledger(desk.db) == []


def test_once_per_author_per_night_logged_and_in_the_digest(
        hours_db: Database, clock: FixedClock, fake_slack: FakeSlack) -> None:
    desk = Desk(hours_db, clock, fake_slack, crisis_signposting=True)
    clock.set(local(2026, 11, 27, 15, 0))
    desk.ingest("in hours: a person sees it", flag(CRISIS), author_id="1", handle="amy")
    clock.set(local(2026, 11, 27, 23, 0))
    first = desk.ingest("I can't go on", flag(CRISIS), author_id="1", handle="amy")
    clock.set(local(2026, 11, 28, 4, 0))
    desk.ingest("still here, still can't", flag(CRISIS), author_id="1", handle="amy")
    other = desk.ingest("me neither", flag(CRISIS), author_id="2", handle="bo")
    desk.ingest("not crisis", flag(COMPLAINT), author_id="3", handle="cy")
    # Saturday night and Sunday night end at the same opening (Monday): the same night.
    clock.set(local(2026, 11, 29, 22, 0))
    desk.ingest("again", flag(CRISIS), author_id="1", handle="amy")
    assert ledger(hours_db) == [(first, "1", "2026-11-30", AWAITING_SEND),
                                (other, "2", "2026-11-30", AWAITING_SEND)]
    # The next night is a new night.
    clock.set(local(2026, 11, 30, 18, 0))
    again = desk.ingest("tonight too", flag(CRISIS), author_id="1", handle="amy")
    assert ledger(hours_db)[-1] == (again, "1", "2026-12-01", AWAITING_SEND)
    with hours_db.session() as s:
        rows = s.execute(select(AuditRow).where(AuditRow.action == "crisis_signposting")
                         ).scalars().all()
        assert [r.mention_id for r in rows] == [first, other, again]
        assert all(r.outcome == AWAITING_SEND for r in rows)
        assert audit.verify(s)[1] == []
    # Monday's digest lists the night's signposting.
    clock.set(local(2026, 11, 30, 9, 0))
    desk.office.minute.tick()
    body = desk.digest_text()
    assert "Crisis signposting overnight" in body
    assert f"feedwatch #{first} (X, Fri 23:00): awaiting send" in body
    assert "never replied publicly" not in body


def test_no_private_route_is_recorded_as_not_sent(
        hours_db: Database, clock: FixedClock, fake_slack: FakeSlack) -> None:
    desk = Desk(hours_db, clock, fake_slack, crisis_signposting=True)
    clock.set(local(2026, 11, 28, 1, 0))
    tag = desk.ingest("tagged you, I can't go on", flag(CRISIS), platform=FACEBOOK,
                      kind=KIND_TAG)
    assert ledger(hours_db) == [(tag, "7", "2026-11-30", NOT_SENT)]
