"""stats_ms: `/feedwatch stats FROM..TO` for a 30-day range over a year of history on SQLite:
1,000,000 mentions (each with its decision and its posted alert) spread evenly over 365 days,
and 200,000 moderators' actions in the audit log.

    .venv/bin/python scripts/bench_stats.py [--mentions 1000000] [--actions 200000] [--runs 3]

The database is built once with plain executemany (not timed; the bot's own write path is
what burst_per_s measures), then the answer the slash command sends (bot/office/slash_replies.py:
range
parsing, the figures, the Block Kit message) is timed `--runs` times; the median is reported.

The floor, in the same run on the same file: the same range's headline counts (mentions by
platform and kind, actions by type) read by one raw SQL statement through sqlite3, with no
application code around it (`stats_floor_ms`). `stats_vs_sql` is how many times longer the
whole answer takes (it also counts flags, escalations, overrides, response times and open
alerts, and builds the message).
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

from benchkit import emit, median, settings_values

from bot.core.clock import FixedClock
from bot.core.config import Settings
from bot.office.parts import build_office
from bot.office.slash_replies import answer
from bot.slack.client import make_slack_client
from bot.store.audit import GENESIS, _digest
from bot.store.closing import acts, closes_alert
from bot.store.db import Database

END = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)  # "now": a Tuesday morning
START = END - timedelta(days=365)
RANGE = "2026-10-01..2026-10-30"  # 30 days, well inside the year
MODERATORS = ("U0MOD1", "U0MOD2", "U0MOD3", "U0LEAD1")
ACTIONS = ("claim", "hide", "reply", "escalate", "no_action", "private_message", "mute",
           "flag_wrong", "delete")
CATEGORIES = ((), (), (), ("feedback",), ("praise",), ("abuse",), ("crisis",),
              ("personal_info",), ("spam",), ("abuse", "hate"))
KINDS = (("x", "mention"), ("x", "reply"), ("x", "dm"), ("facebook", "comment"),
         ("facebook", "visitor_post"), ("facebook", "dm"))


def stamp(dt: datetime) -> str:
    """SQLAlchemy's SQLite DATETIME text (UTC, naive), so range queries compare as it does."""
    return dt.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def build(path: Path, mentions: int, actions: int, seed: int = 30) -> None:
    rng = random.Random(seed)
    db = Database(f"sqlite:///{path}")
    db.migrate()
    db.dispose()
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")  # test data: durability is not the point here
    span = (END - START).total_seconds()
    times = sorted(START + timedelta(seconds=rng.random() * span) for _ in range(mentions))
    batch = 50_000
    for lo in range(0, mentions, batch):
        m_rows, d_rows, a_rows = [], [], []
        for i in range(lo, min(lo + batch, mentions)):
            mid, created = i + 1, times[i]
            platform, kind = KINDS[rng.randrange(len(KINDS))]
            author = rng.randrange(40_000)
            m_rows.append((mid, platform, "nsft", f"e{mid}", kind, f"a{author}",
                           f"person{author}", f"Person {author}", "",
                           f"A synthetic post number {mid} about the trust's services", "[]",
                           "[]", stamp(created), "", "", "", 0, "{}", stamp(created)))
            cats = list(CATEGORIES[rng.randrange(len(CATEGORIES))])
            d_rows.append((mid, mid, "bench", json.dumps(cats), "none",
                           json.dumps({"flags": [], "categories": cats}), stamp(created)))
            posted = created + timedelta(seconds=5 + rng.random() * 60)
            a_rows.append((mid, "mention", f"mention:{mid}", mid, "{}", "C0ALERTS", "posted",
                           f"{posted.timestamp():.6f}", 1, stamp(posted), "", stamp(created),
                           stamp(posted), "", None, None, None))
        con.executemany("INSERT INTO mentions (id, platform, account, external_id, kind, "
                        "author_id, author_handle, author_name, author_url, text, media, links, "
                        "created_at, permalink, conversation_id, parent_id, in_own_conversation,"
                        " raw, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        m_rows)
        con.executemany("INSERT INTO decisions (id, mention_id, policy_version, categories, "
                        "action, detail, decided_at) VALUES (?,?,?,?,?,?,?)", d_rows)
        con.executemany("INSERT INTO alerts (id, kind, dedupe_key, mention_id, payload, "
                        "channel, state, ts, attempts, next_attempt_at, last_error, created_at,"
                        " posted_at, hold_reason, released_at, first_action_at, closed_at) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", a_rows)
    # Actions: by moderators, on mentions chosen at random, minutes to days after them, in
    # time order and hash-chained as bot/store/audit.py writes them.
    acted = sorted((times[j], j + 1) for j in rng.sample(range(mentions), actions))
    events = sorted((t + timedelta(minutes=1 + rng.random() * 600), mid) for t, mid in acted)
    prev, rows = GENESIS, []
    for n, (at, mid) in enumerate(events, start=1):
        actor, action = rng.choice(MODERATORS), rng.choice(ACTIONS)
        detail = {"target": "pals"} if action == "escalate" else {}
        digest = _digest(prev, at, actor, action, mid, "ok", detail, "bench")
        rows.append((n, stamp(at), actor, action, mid, "ok", json.dumps(detail), "bench", prev,
                     digest))
        prev = digest
    con.executemany("INSERT INTO audit_log (id, at, actor, action, mention_id, outcome, detail,"
                    " policy_version, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    # As bot/store/audit.py does when it records an action: the alert's first action, and the
    # first that closes it.
    for column, counts in (("first_action_at", acts), ("closed_at", closes_alert)):
        first: dict[int, str] = {}
        for _, at, actor, action, mid, outcome, *_rest in rows:
            if mid not in first and counts(actor, action, outcome):
                first[mid] = at
        con.executemany(f"UPDATE alerts SET {column} = ? WHERE mention_id = ?",
                        [(at, mid) for mid, at in first.items()])
    con.commit()
    con.execute("ANALYZE")
    con.close()


FLOOR_SQL = """
SELECT 'mentions', platform || ':' || kind, count(*) FROM mentions
 WHERE created_at >= ? AND created_at < ? GROUP BY platform, kind
UNION ALL
SELECT 'actions', action, count(*) FROM audit_log
 WHERE at >= ? AND at < ? AND actor LIKE 'U%' GROUP BY action
"""


def floor_ms(path: Path, runs: int, tz: tzinfo) -> float:
    """One raw statement for the range's headline counts, between the same bounds as the
    answer's: local midnight on the first day to local midnight after the last."""
    lo, hi = RANGE.split("..")
    start = datetime.fromisoformat(lo).replace(tzinfo=tz)
    end = datetime.fromisoformat(hi).replace(tzinfo=tz) + timedelta(days=1)
    params = (stamp(start), stamp(end)) * 2
    timings = []
    with sqlite3.connect(path) as con:
        for _ in range(runs):
            t0 = time.perf_counter()
            rows = con.execute(FLOOR_SQL, params).fetchall()
            timings.append((time.perf_counter() - t0) * 1000)
    if not rows:
        raise RuntimeError("the floor query counted nothing")
    return median(timings)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mentions", type=int, default=1_000_000)
    ap.add_argument("--actions", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="fw-bench-") as tmp:
        path = Path(tmp) / "stats.db"
        t0 = time.perf_counter()
        build(path, args.mentions, args.actions)
        print(f"stats: built {args.mentions} mentions and {args.actions} actions in "
              f"{time.perf_counter() - t0:.1f} s")
        settings = Settings(_env_file=None, **settings_values(  # type: ignore[call-arg]
            f"sqlite:///{path}", [{"platform": "facebook", "name": "nsft-fb",
                                   "page_id": "1", "page_token": "sandbox-t"}],
            "http://127.0.0.1:9/api/"))
        db = Database(settings.database_url)
        office = build_office(settings, db, make_slack_client(settings), FixedClock(END))
        timings = []
        for _ in range(args.runs):
            start = time.perf_counter()
            message = answer(office.replies, "stats", RANGE, "U0MOD1")
            timings.append((time.perf_counter() - start) * 1000)
        db.dispose()
        floor = floor_ms(path, args.runs, settings.tz)
    if "blocks" not in message:
        print(f"unexpected answer: {message.get('text')}", file=sys.stderr)
        return 1
    print("stats: " + ", ".join(f"{t:.0f} ms" for t in timings) + f" for {RANGE}")
    print(f"stats floor: one raw SQL statement for the headline counts, {floor:.1f} ms")
    emit({"stats_ms": round(median(timings), 1), "stats_floor_ms": round(floor, 1),
          "stats_vs_sql": round(median(timings) / floor, 2)})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
