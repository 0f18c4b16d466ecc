"""The stats' counting queries against plain SQL counts of the same rows, on each engine: a
seeded mix of mentions on either side of the range's edges, some decided more than once (a
"flag is wrong" adds a decision), some never, and alerts acted on or not."""

from __future__ import annotations

import json
import random
from collections import Counter
from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from bot.store.db import Database
from bot.store.schema import AlertRow, DecisionRow, MentionRow
from bot.store.stats_queries import (
    category_counts_created_between,
    first_action_times,
    mention_counts_by_platform_and_kind,
)

START = datetime(2026, 10, 1, 0, 0, tzinfo=UTC)
END = datetime(2026, 10, 8, 0, 0, tzinfo=UTC)
KINDS = (("x", "mention"), ("x", "reply"), ("facebook", "comment"), ("facebook", "dm"))
CATEGORIES = ([], ["abuse"], ["abuse", "hate"], ["praise"], ["feedback", "personal_info"])


def seed(db: Database, n: int = 240) -> None:
    rng = random.Random(16)
    with db.session() as s:
        for mid in range(1, n + 1):
            platform, kind = rng.choice(KINDS)
            # Some exactly on the range's edges: the start counts, the end does not.
            created = rng.choice((START, END, START + timedelta(seconds=rng.random() * 10 * 86400
                                                                - 86400)))
            s.add(MentionRow(id=mid, platform=platform, account="nsft", external_id=str(mid),
                             kind=kind, author_id="a", created_at=created, ingested_at=created))
        s.flush()
        decision_id = 0
        for mid in range(1, n + 1):
            for _ in range(rng.choice((0, 1, 1, 1, 2, 3))):
                decision_id += 1
                s.add(DecisionRow(id=decision_id, mention_id=mid, policy_version="t",
                                  categories=rng.choice(CATEGORIES), action="none", detail={},
                                  decided_at=START))
            posted = START + timedelta(seconds=rng.random() * 9 * 86400 - 86400)
            acted = posted + timedelta(minutes=rng.random() * 4000) if rng.random() < 0.7 else None
            s.add(AlertRow(kind=rng.choice(("mention", "mention", "admin")),
                           dedupe_key=f"mention:{mid}", mention_id=mid, channel="C1",
                           state=rng.choice(("posted", "posted", "pending")),
                           next_attempt_at=posted, created_at=posted, posted_at=posted,
                           first_action_at=acted))


def bounds(db: Database) -> dict[str, object]:
    if db.dialect == "sqlite":  # stored as UTC text without an offset
        return {"lo": START.strftime("%Y-%m-%d %H:%M:%S.%f"),
                "hi": END.strftime("%Y-%m-%d %H:%M:%S.%f")}
    return {"lo": START, "hi": END}


def test_mention_and_category_counts_equal_plain_sql_counts(db: Database) -> None:
    seed(db)
    with db.engine.connect() as c:
        by_kind = {(p, k): n for p, k, n in c.execute(text(
            "SELECT platform, kind, count(*) FROM mentions WHERE created_at >= :lo "
            "AND created_at < :hi GROUP BY platform, kind"), bounds(db))}
        latest: dict[int, tuple[int, object]] = {}
        for mid, did, cats in c.execute(text(
                "SELECT d.mention_id, d.id, d.categories FROM decisions d JOIN mentions m "
                "ON m.id = d.mention_id WHERE m.created_at >= :lo AND m.created_at < :hi"),
                bounds(db)):
            if mid not in latest or did > latest[mid][0]:
                latest[mid] = (did, cats)
    expected: Counter[str] = Counter()
    for _, cats in latest.values():
        expected.update(json.loads(cats) if isinstance(cats, str) else cats)
    assert sum(by_kind.values()) > 0 and len(expected) > 2
    with db.session() as s:
        assert {(p, k): n for p, k, n in
                mention_counts_by_platform_and_kind(s, START, END)} == by_kind
        assert category_counts_created_between(s, START, END) == expected


def test_first_action_times_are_the_acted_alerts_as_utc_instants(db: Database) -> None:
    seed(db)
    with db.session() as s:
        expected = sorted((a.posted_at, a.first_action_at) for a in s.query(AlertRow)
                          if a.kind == "mention" and a.state == "posted"
                          and a.first_action_at is not None and START <= a.posted_at < END)
        got = first_action_times(s, START, END)
    assert len(expected) > 10
    assert sorted(got) == expected
    assert all(p.tzinfo is UTC and a.tzinfo is UTC for p, a in got)
