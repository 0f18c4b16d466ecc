"""The numbers behind `/feedwatch stats`, the queue, the Home tab and the weekly report.

What counts as an *action* is read from the audit log, whose rows the moderation service
writes. The conventions this module relies on:

- a moderator's action is an audit row whose `actor` is a Slack user id (U… or W…) and which
  names a mention; looking (`reveal_pi`, `evidence_pack`) is not an action (bot/store/closing.py);
- it counts as done when `outcome` is "ok" (an intent row written before the platform call
  carries another outcome and is not counted twice); the *first* action is the earliest row
  by a person on the mention whatever its outcome, refused clicks ("denied") excepted;
- replies are `reply`, `private_message` or `dm`; escalations are `escalate` with
  `detail["target"]`; overrides are `flag_wrong`; `claim` does not close an alert, and an
  alert's closing is recorded on it as it happens (alerts.closed_at), so the open ones are
  counted from an index, not from the whole audit log.

Time to first action is counted in office hours only: an alert posted at 16:30 on Friday and
claimed at 09:15 on Monday took 45 minutes, not a weekend. Percentiles use the nearest-rank
method (the 90th percentile of 10 values is the 9th smallest), so they are always a real
observed duration.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager

from sqlalchemy.orm import Session

from bot.core.calendar import OfficeHours
from bot.core.figures import Range, Stats
from bot.core.working_time import working_seconds_each
from bot.store.closing import NOT_ACTIONS, is_person
from bot.store.queue_queries import open_alert_count
from bot.store.stats_queries import (
    category_counts_created_between,
    done_action_counts,
    done_action_details,
    first_action_times,
    held_alert_count,
    mention_counts_by_platform_and_kind,
)

# Opens a session of its own (Database.session), for reads beside the caller's.
SessionOpener = Callable[[], AbstractContextManager[Session]]
REPLY_ACTIONS = frozenset({"reply", "private_message", "dm"})
ESCALATE, FLAG_WRONG = "escalate", "flag_wrong"


def first_action_durations(session: Session, rng: Range, hours: OfficeHours) -> list[float]:
    """Office-hours seconds from each alert posted in the range to its first action."""
    return working_seconds_each(hours, first_action_times(session, rng.start, rng.end))


def compute(session: Session, rng: Range, hours: OfficeHours,
            side: SessionOpener | None = None) -> Stats:
    """The range's figures. `side` opens a second session: given one, the flag counts and the
    response times (the two longest reads) run on it in a thread while this session reads the
    rest, so the database works on both at once (SQLite and PostgreSQL drivers let go of
    Python's lock while a query runs). The two reads are moments apart, not one snapshot: a
    report, not a ledger."""
    st = Stats(rng)
    if side is None:
        _read_counts(session, rng, st)
        st.flags, st.first_action_seconds = _flags_and_times(session, rng, hours)
        return st

    def beside() -> tuple[Counter[str], list[float]]:
        with side() as other:
            return _flags_and_times(other, rng, hours)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="stats") as pool:
        later = pool.submit(beside)
        _read_counts(session, rng, st)
        st.flags, st.first_action_seconds = later.result()
    return st


def _flags_and_times(session: Session, rng: Range,
                     hours: OfficeHours) -> tuple[Counter[str], list[float]]:
    return (category_counts_created_between(session, rng.start, rng.end),
            first_action_durations(session, rng, hours))


def _read_counts(session: Session, rng: Range, st: Stats) -> None:
    for platform, kind, n in mention_counts_by_platform_and_kind(session, rng.start, rng.end):
        st.mentions[(platform, kind)] = n
    for actor, action, n in done_action_counts(session, rng.start, rng.end):
        if not is_person(actor) or action in NOT_ACTIONS:
            continue
        st.actions[action] += n
        if action in REPLY_ACTIONS:
            st.replies_sent += n
        elif action == FLAG_WRONG:
            st.overrides += n
    for actor, detail in done_action_details(session, ESCALATE, rng.start, rng.end):
        if is_person(actor):
            st.escalations[str((detail or {}).get("target") or "unspecified")] += 1
    st.open_alerts = open_alert_count(session)
    st.held_alerts = held_alert_count(session)
