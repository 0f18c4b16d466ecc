"""Shared by the benchmark scripts (scripts/bench*.py): synthetic posts, the fakes, settings.

The posts are generated here from a few dozen patterns a trust's account really gets (thanks,
complaints, questions, abuse, crisis, personal details, spam), so the policy engine does its
normal amount of work on each; nothing is read from the evaluation data.
"""

from __future__ import annotations

import json
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.sandbox import fake_x  # noqa: E402
from bot.sandbox.accounts import x_account_config  # noqa: E402
from bot.sandbox.fake_slack import SANDBOX_TOKEN  # noqa: E402
from bot.sandbox.testing.instance import midday_timezone  # noqa: E402

HANDLE = "NSFTtweets"
SIGNING_SECRET = "bench-signing-secret"
WARDS = ("Rose", "Cedar", "Willow", "Beech", "Poppy", "Sandringham")
SITES = ("Hellesdon", "Northgate", "Carlton Court", "the Julian Hospital", "Wedgwood House")
PATTERNS = (
    "@{h} thank you to the staff on {w} ward, you were so kind to my mum this week",
    "@{h} waited {n} weeks for a call back from the community team and still nothing",
    "@{h} when is the next recruitment open day at {s}? is there parking?",
    "@{h} you are all useless idiots and should be sacked",
    "@{h} the car park at {s} is a disgrace again today, {n} minutes to find a space",
    "@{h} brilliant talk at {s} today about recovery colleges, really helpful",
    "@{h} I can't go on any more, I just want it all to end tonight",
    "@{h} my son is on {w} ward, call me on 07700 900{n:03d} nobody is answering",
    "@{h} cheap meds no prescription needed https://pills-{n}.example.com/buy",
    "@{h} is the {w} ward team still taking referrals from GPs?",
    "@{h} the nurse on {w} ward was rude to my dad and nobody listened to us",
    "@{h} I'm going to come down to {s} and sort you lot out, watch your backs",
    "@{h} great to see the new garden at {s}, well done everyone",
    "@{h} how do I make a complaint about my care coordinator?",
    "@{h} {n} people waiting in A&E for a mental health bed, shameful",
    "@{h} happy to say my daughter is home and doing well, thank you {w} ward",
)


def post_text(i: int, rng: random.Random, handle: str = HANDLE) -> str:
    pattern = PATTERNS[rng.randrange(len(PATTERNS))]
    return pattern.format(h=handle, w=rng.choice(WARDS), s=rng.choice(SITES),
                          n=rng.randrange(1, 999)) + f" ({i})"


def plant_x(fake: fake_x.FakeX, mentions: int, authors: int = 500, seed: int = 8) -> None:
    """`mentions` posts to the watched account from `authors` people, oldest first; X's
    reach (the newest 800) is lifted in this process so one poll can read them all."""
    rng = random.Random(seed)
    for a in range(authors):
        fake.add_user(f"person{a}", f"Person {a}")
    for i in range(mentions):
        fake.add_tweet(f"person{i % authors}", post_text(i, rng))
    fake_x.MENTIONS_REACHABLE = max(fake_x.MENTIONS_REACHABLE, mentions)


def watched_account(fake: fake_x.FakeX) -> dict[str, Any]:
    return x_account_config(fake, HANDLE, "nsft")


def settings_values(database_url: str, accounts: list[dict[str, Any]], slack_url: str,
                    channel: str = "C0ALERTS") -> dict[str, Any]:
    """Settings as the bot would read them from its environment; the office always open,
    so alerts take the ordinary path (a closed office would hold them: the same work)."""
    return {
        "slack_bot_token": SANDBOX_TOKEN,
        "slack_signing_secret": SIGNING_SECRET,
        "slack_alert_channel": channel,
        "slack_api_url": slack_url,
        "feedwatch_accounts": accounts,
        "database_url": database_url,
        "office_days": "Mon-Sun",
        "office_opens": "00:00",
        "office_closes": "23:59",
        "timezone": midday_timezone(),
        "office_holidays": "none",
        "log_level": "WARNING",
    }


def as_env(values: dict[str, Any]) -> dict[str, str]:
    return {k.upper(): v if isinstance(v, str) else json.dumps(v) for k, v in values.items()}


def median(values: list[float]) -> float:
    return float(statistics.median(values))


def emit(figures: dict[str, float]) -> None:
    """The last line of every bench script: one compact JSON object."""
    print(json.dumps(figures, separators=(",", ":")), flush=True)


def last_json_line(output: str) -> dict[str, float]:
    for line in reversed(output.strip().splitlines()):
        if line.startswith("{"):
            return dict(json.loads(line))
    raise ValueError("no JSON line in the output")


@contextmanager
def fakes_process(mentions: int, authors: int = 500) -> Iterator[dict[str, Any]]:
    """scripts/bench_fakes.py in its own process; yields its urls, channel and account."""
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "bench_fakes.py"), "--mentions", str(mentions),
         "--authors", str(authors)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError("the fakes process did not start")
        yield dict(json.loads(line))
    finally:
        if proc.stdin is not None:
            proc.stdin.close()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def stored(db_file: Path) -> int:
    """Mentions in a bot's SQLite database, read from outside the bot (WAL: no blocking)."""
    try:
        with sqlite3.connect(f"file:{db_file}?mode=ro", uri=True, timeout=5) as con:
            return int(con.execute("SELECT count(*) FROM mentions").fetchone()[0])
    except sqlite3.Error:
        return 0  # not created yet
