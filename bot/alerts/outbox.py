"""Durable Slack delivery: every queued alert is posted exactly once.

States: pending -> sending -> posted, and `held` before pending while the office is closed or
the team has paused alerts (bot/office/holding.py releases them; a held row is never posted).
A row is marked `sending` (committed) before the Slack call. If we crash, or the answer is
lost, between Slack accepting the message and our commit, the row is still `sending` on the
next attempt: we then look for our own message (by its metadata) in the channel history
before posting again.

Several processes on one PostgreSQL database (bot/store/coordination.py): a process posts to a
channel
only while it holds that channel's claim, and takes each row with SELECT ... FOR UPDATE SKIP
LOCKED, re-checking that it is still due; so a row is never in two posts at once, and a
process that dies mid-post frees the channel for another whose history check finds the post.
"""

from __future__ import annotations

import logging
import random
import urllib.error
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.orm import Session

from bot.core import metrics
from bot.core.clock import Clock
from bot.core.crashpoints import AFTER_SLACK_POST, crashpoint
from bot.slack.digest_blocks import with_banner
from bot.store.alert_state import AlertState
from bot.store.coordination import CHANNEL, Coordinator, SoloCoordinator
from bot.store.db import Database
from bot.store.inserts import insert_ignore, insert_ignore_many
from bot.store.mentions import decision_categories_by_mention
from bot.store.outbox_queries import (
    delay_queued_alerts,
    due_alerts,
    last_posted_at_by_channel,
    lock_alert,
    retried_alerts_posted_between,
)
from bot.store.schema import AlertRow
from policy import categories as cat

log = logging.getLogger(__name__)

METADATA_EVENT = "feedwatch_alert"
# Errors that no retry will fix soon: keep the alert, retry slowly, tell the logs loudly.
CONFIG_ERRORS = {"channel_not_found", "not_in_channel", "is_archived", "invalid_auth",
                 "account_inactive", "token_revoked", "missing_scope", "invalid_blocks"}

Renderer = Callable[[Session, AlertRow], dict[str, Any]]
# A backlog (after an outage) drains these first, then in the order the posts were made.
URGENT = frozenset({cat.CRISIS, cat.VIOLENCE})


def enqueue_mention_alert(session: Session, mention_id: int, channel: str, now: datetime, *,
                          hold_reason: str = "", banner: str = "") -> None:
    """Queue a mention's alert; with a hold reason it waits, held, until released."""
    insert_ignore(session, AlertRow.__table__,  # type: ignore[arg-type]
                  mention_alert(mention_id, channel, now, hold_reason=hold_reason, banner=banner))


def enqueue_mention_alerts(session: Session, alerts: list[dict[str, Any]]) -> None:
    """Queue many (built by `mention_alert`) in multi-row statements, in list order."""
    insert_ignore_many(session, AlertRow.__table__, alerts)  # type: ignore[arg-type]


def mention_alert(mention_id: int, channel: str, now: datetime, *, hold_reason: str = "",
                  banner: str = "") -> dict[str, Any]:
    return {
        "kind": "mention",
        "dedupe_key": f"mention:{mention_id}",
        "mention_id": mention_id,
        "payload": {"banner": banner} if banner else {},
        "channel": channel,
        "state": AlertState.HELD if hold_reason else AlertState.PENDING,
        "hold_reason": hold_reason,
        "attempts": 0,
        "next_attempt_at": now,
        "last_error": "",
        "created_at": now,
    }


def enqueue_message(session: Session, kind: str, dedupe_key: str, channel: str,
                    message: dict[str, Any], now: datetime,
                    due: datetime | None = None) -> int | None:
    """Queue a ready-built message (digest, spike alert) once per dedupe key; never held.
    `due` (default now) orders it among other due alerts: the digest goes first."""
    return insert_ignore(
        session,
        AlertRow.__table__,  # type: ignore[arg-type]
        {
            "kind": kind,
            "dedupe_key": dedupe_key[:200],
            "mention_id": None,
            "payload": {"message": message},
            "channel": channel,
            "state": AlertState.PENDING,
            "hold_reason": "",
            "attempts": 0,
            "next_attempt_at": due or now,
            "last_error": "",
            "created_at": now,
        },
    )


# After an attempt whose outcome is unknown (a timeout, a 5xx), Slack may still be working on
# it: the history check waits well past the client's timeout so a slow post has landed first.
UNCERTAIN_WAIT = timedelta(seconds=60)
# Alerts posted after an uncertain attempt are checked for a late duplicate this long.
DUPLICATE_WINDOW = timedelta(minutes=15)


def backoff(attempts: int) -> timedelta:
    """Exponential with jitter: 5 s, 10 s, 20 s ... capped at 10 minutes."""
    base = min(600.0, 5.0 * 2 ** max(0, attempts - 1))
    return timedelta(seconds=base * random.uniform(0.8, 1.2))


@dataclass
class DeliveryReport:
    posted: int = 0
    recovered: int = 0  # found already in Slack after an uncertain attempt
    failed: int = 0


class Outbox:
    def __init__(
        self,
        db: Database,
        client: WebClient,
        clock: Clock,
        render: Renderer,
        min_interval: float = 1.0,
        coordinator: Coordinator | None = None,
        renderers: dict[str, Renderer] | None = None,
    ) -> None:
        self.db = db
        self.client = client
        self.clock = clock
        self.render = render
        self.min_interval = min_interval  # Slack: about one message per second per channel
        self.coordinator = coordinator or SoloCoordinator(None)
        self.renderers = renderers or {}  # by row kind, e.g. "storm" (bot/storm/groups.py)
        self._last_post: dict[str, datetime] = {}
        self._paused: dict[str, datetime] = {}  # channels Slack asked to wait, this round
        timeout = float(getattr(client, "timeout", 0) or 0)
        self.uncertain_wait = max(UNCERTAIN_WAIT, timedelta(seconds=4 * timeout))

    def deliver_due(self, limit: int = 100) -> DeliveryReport:
        report = DeliveryReport()
        now = self.clock.now()
        with self.db.session() as s:
            due = _drain_order(s, due_alerts(s, now, limit * 5))[:limit]
        self._paused = {}
        with ExitStack() as claims:
            # Claim each channel once, then post in the global order (crisis first, oldest
            # first) across the channels this process holds; others are another's to post.
            mine = {ch for ch in dict.fromkeys(c for _, c in due)
                    if claims.enter_context(self.coordinator.claim(CHANNEL, ch))}
            if self.coordinator.shared:
                self._sync_pace(mine)
            for alert_id, channel in due:
                if channel not in mine or channel in self._paused:
                    continue  # another's to post, or Slack asked this channel to wait
                outcome = self.deliver(alert_id)
                if outcome == "posted":
                    report.posted += 1
                elif outcome == "recovered":
                    report.recovered += 1
                elif outcome == "failed":
                    report.failed += 1
        return report

    def deliver(self, alert_id: int) -> str:
        """Post one alert; returns posted | recovered | failed | skipped."""
        with self.db.session() as s:
            # Taken under a row lock and re-checked: the list it came from may be stale.
            row = lock_alert(s, alert_id)
            if (row is None or row.state in (AlertState.POSTED, AlertState.HELD)
                    or row.next_attempt_at > self.clock.now()):
                return "skipped"
            if row.state == AlertState.SENDING:
                try:
                    ts = self._find_posted(row)
                except _CheckFailed as exc:
                    # Backs off as a failed post does (growing with each try), and the
                    # channel's other alerts wait too: one check at a time to a failing Slack.
                    row.attempts += 1
                    until = self.clock.now() + backoff(row.attempts)
                    row.next_attempt_at = until
                    row.last_error = str(exc)
                    self._pause_channel(s, row.channel, until)
                    return "failed"
                if ts:
                    self._mark_posted(s, row, ts)
                    log.info("alert %d was already in Slack (ts %s); not posting again", row.id, ts)
                    return "recovered"
            payload = row.payload or {}
            render = self.renderers.get(row.kind, self.render)
            message = payload.get("message") or render(s, row)
            if payload.get("banner"):
                message = with_banner(message, str(payload["banner"]))
            row.state = AlertState.SENDING
            row.attempts += 1
            channel, kind, mention_id = row.channel, row.kind, row.mention_id
        self._pace(channel)
        try:
            resp = self.client.chat_postMessage(
                channel=channel,
                text=message["text"],
                blocks=message.get("blocks"),
                metadata={
                    "event_type": METADATA_EVENT,
                    "event_payload": {"alert_id": alert_id, "kind": kind,
                                      "mention_id": mention_id or 0},
                },
                unfurl_links=False,
                unfurl_media=False,
            )
        except SlackApiError as exc:
            return self._api_failure(alert_id, exc)
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            # We cannot know whether Slack got it: stay `sending`, check history next time.
            self._retry_later(alert_id, f"network: {type(exc).__name__}", certain=False)
            log.warning("alert %d: Slack unreachable (%s); will check and retry", alert_id,
                        type(exc).__name__)
            return "failed"
        except Exception:  # e.g. an answer that is not JSON: unsure, so check before retrying
            self._retry_later(alert_id, "unexpected answer from Slack", certain=False)
            log.exception("alert %d: unexpected failure posting to Slack; will check and retry",
                          alert_id)
            return "failed"
        crashpoint(AFTER_SLACK_POST)
        with self.db.session() as s:
            row = s.get(AlertRow, alert_id)
            assert row is not None
            self._mark_posted(s, row, str(resp["ts"]), str(resp.get("channel") or channel))
        self._last_post[channel] = self.clock.now()
        return "posted"

    # -- helpers -----------------------------------------------------------------------

    def _pace(self, channel: str) -> None:
        last = self._last_post.get(channel)
        if last is not None:
            wait = self.min_interval - (self.clock.now() - last).total_seconds()
            if wait > 0:
                self.clock.sleep(min(wait, self.min_interval))

    def _sync_pace(self, channels: set[str]) -> None:
        """Another process may have posted to these channels last: start from its time."""
        if not channels:
            return
        with self.db.session() as s:
            rows = last_posted_at_by_channel(s, channels)
        for channel, posted_at in rows:
            mine = self._last_post.get(channel)
            if posted_at is not None and (mine is None or posted_at > mine):
                self._last_post[channel] = posted_at

    def _mark_posted(self, s: Session, row: AlertRow, ts: str, channel: str | None = None) -> None:
        row.state = AlertState.POSTED
        row.ts = ts
        if channel:
            row.channel = channel
        row.posted_at = self.clock.now()
        row.last_error = ""
        metrics.count_posted(row.kind)

    def _api_failure(self, alert_id: int, exc: SlackApiError) -> str:
        status = exc.response.status_code
        error = str(exc.response.get("error", "unknown"))
        if status == 429:
            retry_after = float(exc.response.headers.get("Retry-After", "30") or 30)
            self._retry_later(alert_id, "ratelimited", certain=True,
                              delay=timedelta(seconds=retry_after))
            # Slack's limit is the channel's (one message a second each): every alert in it
            # waits, not only this one.
            with self.db.session() as s:
                row = s.get(AlertRow, alert_id)
                if row is not None:
                    self._pause_channel(s, row.channel,
                                        self.clock.now() + timedelta(seconds=retry_after))
            log.warning("alert %d: Slack rate limited; retry in %.0f s", alert_id, retry_after)
            return "failed"
        # slack_sdk turns an answer that is not JSON into this error: we cannot tell what
        # Slack did, just as with a 5xx.
        garbled = error.startswith("Received a response in a non-JSON format")
        if status >= 500 or garbled:
            # Slack may or may not have posted it: check history before the next try.
            self._retry_later(alert_id, "garbled answer" if garbled else f"slack {status}",
                              certain=False)
        else:
            slow = timedelta(minutes=10) if error in CONFIG_ERRORS else None
            self._retry_later(alert_id, f"slack error: {error}", certain=True, delay=slow)
        log.error("alert %d: Slack refused chat.postMessage (%s, HTTP %s)%s", alert_id, error,
                  status, "; fix the Slack configuration, then it will be retried"
                  if error in CONFIG_ERRORS else "")
        return "failed"

    def _pause_channel(self, s: Session, channel: str, until: datetime) -> None:
        """Nothing more to this channel before `until`: this round, and (in the database, so
        for every process and after a restart) for its queued alerts."""
        self._paused[channel] = until
        delay_queued_alerts(s, channel, until)

    def _retry_later(self, alert_id: int, error: str, *, certain: bool,
                     delay: timedelta | None = None) -> None:
        with self.db.session() as s:
            row = s.get(AlertRow, alert_id)
            assert row is not None
            row.state = AlertState.PENDING if certain else AlertState.SENDING
            row.last_error = error[:500]
            wait = delay or backoff(row.attempts)
            if not certain:
                wait = max(wait, self.uncertain_wait)
            row.next_attempt_at = self.clock.now() + wait

    def _find_posted(self, row: AlertRow) -> str | None:
        """Our message for this alert in the channel history, by its metadata (the first)."""
        copies = self._copies(row)
        return min(copies, key=float) if copies else None

    def remove_duplicates(self) -> int:
        """Delete any late second copy of an alert posted after an uncertain attempt (Slack
        finished the first post after we had checked and posted again); keep the copy the
        alert records, which later updates edit. Returns how many were deleted."""
        now = self.clock.now()
        with self.db.session() as s:
            rows = retried_alerts_posted_between(s, now - DUPLICATE_WINDOW,
                                                 now - self.uncertain_wait)
        deleted = 0
        for row in rows:
            try:
                extra = [ts for ts in self._copies(row) if ts != row.ts]
                for ts in extra:
                    self.client.chat_delete(channel=row.channel, ts=ts)
                    deleted += 1
                    log.warning("alert %d: deleted a late duplicate (ts %s), kept %s", row.id,
                                ts, row.ts)
            except (SlackApiError, _CheckFailed, OSError) as exc:
                log.warning("alert %d: duplicate check failed (%s); will try again", row.id,
                            type(exc).__name__)
        return deleted

    def _copies(self, row: AlertRow) -> list[str]:
        oldest = (row.created_at - timedelta(minutes=5)).timestamp()
        found: list[str] = []
        cursor: str | None = None
        for _ in range(20):  # at most 20 x 200 messages back
            try:
                resp = self.client.conversations_history(
                    channel=row.channel, oldest=f"{oldest:.6f}", limit=200,
                    include_all_metadata=True, cursor=cursor,
                )
            except Exception as exc:  # cannot check (API error, network, garbled answer)
                # Unsure whether it was posted, and cannot check: do not post blind.
                raise_uncertain = f"history check failed: {type(exc).__name__}"
                log.warning("alert %d: %s; will try again", row.id, raise_uncertain)
                raise _CheckFailed(raise_uncertain) from None
            for msg in resp.get("messages", []):
                meta = msg.get("metadata") or {}
                payload = meta.get("event_payload") or {}
                if meta.get("event_type") == METADATA_EVENT and payload.get("alert_id") == row.id:
                    found.append(str(msg["ts"]))
            cursor = (resp.get("response_metadata") or {}).get("next_cursor") or None
            if not resp.get("has_more") or not cursor:
                break
        return found


class _CheckFailed(Exception):
    pass


def _drain_order(s: Session, rows: list[Any]) -> list[tuple[int, str]]:
    """Due alerts, most urgent first (admin alerts and digests, crisis, threats), then by the
    time of the post (an alert without one by its due time), then queue order: so after an
    outage the backlog is not drained in the jittered order of its retries."""
    mids = [r.mention_id for r in rows if r.mention_id is not None]
    cats = decision_categories_by_mention(s, mids)

    def key(r: Any) -> tuple[int, datetime, int]:
        if r.mention_id is None:  # the digest, admin alerts: in their own queue order, first
            return (0, r.next_attempt_at, r.id)
        urgent = bool(cats.get(r.mention_id, set()) & URGENT)
        return (1 if urgent else 2, r.created_at or r.next_attempt_at, r.id)

    return [(r.id, r.channel) for r in sorted(rows, key=key)]
