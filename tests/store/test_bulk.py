"""Storing a page in bulk (the burst benchmark): the same rows as one at a time, on both
engines: new mentions get ids, duplicates are skipped, alerts keep the page's order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.core.models import Author, Mention, X
from bot.office.holding import HOLD_PAUSE, Placer, set_pause
from bot.office.routing import Router
from bot.store.db import Database
from bot.store.mentions import insert_decisions, insert_mention, insert_mentions, load_mention
from bot.store.schema import AlertRow, DecisionRow
from policy.categories import ABUSE, CRISIS, Severity
from policy.decision import Decision, Flag

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def mention(ext: str, text: str = "hello", minutes: int = 0) -> Mention:
    return Mention(platform=X, account="nsft", external_id=ext, kind="mention",
                   author=Author(id=f"a{ext}", handle=f"p{ext}", name="P", url=""),
                   text=text, created_at=NOW + timedelta(minutes=minutes), links=("https://a.b",),
                   raw={"id": ext})


def test_insert_mentions_stores_each_new_one_once(db: Database) -> None:
    with db.session() as s:
        first = insert_mention(s, mention("1"), NOW)
    page = [mention("1"), mention("2", "two"), mention("3", "three")]
    with db.session() as s:
        ids = insert_mentions(s, page, NOW)
    assert set(ids) == {(X, "nsft", "2"), (X, "nsft", "3")}  # "1" was already stored
    assert first not in ids.values()
    with db.session() as s:
        got = load_mention(s, ids[(X, "nsft", "3")])
    assert got is not None
    stored, _ = got
    assert (stored.text, stored.links, stored.raw) == ("three", ("https://a.b",), {"id": "3"})


def test_insert_decisions_in_bulk(db: Database) -> None:
    with db.session() as s:
        ids = insert_mentions(s, [mention("1"), mention("2")], NOW)
        decided = [(ids[(X, "nsft", "1")], Decision(action="none", policy_version="v1")),
                   (ids[(X, "nsft", "2")], Decision(action="hide", policy_version="v1"))]
        insert_decisions(s, decided, NOW)
    with db.session() as s:
        rows = s.execute(select(DecisionRow.mention_id, DecisionRow.action)
                         .order_by(DecisionRow.mention_id)).all()
    assert [tuple(r) for r in rows] == [(mid, d.action) for mid, d in decided]


def test_enqueue_many_keeps_order_and_holds_as_one_at_a_time_would(db: Database) -> None:
    placer = Placer(Router("C0ALERTS"))
    abuse = Decision(flags=(Flag(ABUSE, Severity.HIGH, "abuse.x", "idiot", "insult"),),
                     action="hide", policy_version="v1")
    crisis = Decision(flags=(Flag(CRISIS, Severity.CRITICAL, "crisis.x", "end it", "x"),),
                      action="escalate", policy_version="v1")
    page = [mention(str(i), minutes=i) for i in range(5)]
    with db.session() as s:
        set_pause(s, NOW + timedelta(hours=1), "U0LEAD", NOW)
        ids = insert_mentions(s, page, NOW)
        items = [(ids[m.key], m, crisis if i == 3 else abuse) for i, m in enumerate(page)]
        placements = placer.enqueue_many(s, items, NOW)
    assert [p.hold for p in placements] == [HOLD_PAUSE] * 3 + [""] + [HOLD_PAUSE]
    with db.session() as s:
        alerts = s.execute(select(AlertRow).order_by(AlertRow.id)).scalars().all()
    assert [a.mention_id for a in alerts] == [mid for mid, _, _ in items]  # the page's order
    assert [a.state for a in alerts] == ["held"] * 3 + ["pending"] + ["held"]
    with db.session() as s:  # queued twice (a retried page): still one alert each
        placer.enqueue_many(s, items, NOW)
        assert len(s.execute(select(AlertRow.id)).all()) == 5
