"""What `/feedwatch` answers: one function per subcommand, each returning a Slack message
({"text", "blocks"}). The handler acks, checks who may ask, and responds; the work is here."""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from bot.core.clock import format_local
from bot.core.figures import parse_range
from bot.office.pausing import parse_pause
from bot.office.reply_desk import ReplyDesk
from bot.reports.export import audit_csv
from bot.reports.lookup import history_items, queue_items
from bot.reports.stats import compute
from bot.slack.escape import safe
from bot.slack.home_blocks import build_home, build_hours
from bot.slack.stats_blocks import build_history, build_queue, build_stats
from bot.store import audit
from bot.store.cursors import all_states
from bot.store.outbox_queries import unposted_alert_count

log = logging.getLogger(__name__)

Message = dict[str, Any]
MODERATORS_ONLY = frozenset({"history", "export", "pause", "resume"})

HELP = (
    "*/feedwatch* — what you can ask (answers are only shown to you):\n"
    "• `/feedwatch stats [today|week|month|2026-11-01..2026-11-30]` — the numbers\n"
    "• `/feedwatch queue [mine]` — open alerts, oldest first, and who has each; `mine`: "
    "those assigned to you\n"
    "• `/feedwatch history @handle` (or a Facebook name or id) — an author's past mentions, "
    "flags and actions _(moderators)_\n"
    "• `/feedwatch export [range]` — the audit log as CSV, sent to you privately "
    "_(moderators)_\n"
    "• `/feedwatch hours` — office hours, pause state and held alerts\n"
    "• `/feedwatch pause [for 2h | until 14:00]` — hold new alerts (never crisis or threats) "
    "_(moderators)_\n"
    "• `/feedwatch resume` — end the pause and post what it held _(moderators)_\n"
    "• `/feedwatch check TEXT` — what the policy makes of any text (also: the message "
    "shortcut *Check with feedwatch* on any message)\n"
    "• `/feedwatch status` — when each feed was last read, and alerts waiting\n"
    "• `/feedwatch templates` — every reply template, by title, with its text\n"
    "• `/feedwatch help` — this message"
)


def text(message: str) -> Message:
    return {"text": message}


def help_answer() -> Message:
    return text(HELP)


def status(desk: ReplyDesk) -> Message:
    tz = desk.hours.tz
    lines = ["*feedwatch status*"]
    with desk.db.session() as s:
        for row in all_states(s):
            last = format_local(row.last_success_at, tz) if row.last_success_at else "never"
            problem = (f" — failing ({row.consecutive_failures} in a row)"
                       if row.consecutive_failures else "")
            lines.append(f"• `{safe(row.key)}`: last read {last}{problem}")
        waiting = unposted_alert_count(s)
    if len(lines) == 1:
        lines.append("• no feed has been read yet")
    lines.append(f"• alerts waiting to be posted: {waiting}")
    return text("\n".join(lines))


def stats(desk: ReplyDesk, args: str) -> Message:
    try:
        rng = parse_range(args or "today", desk.clock.now(), desk.hours.tz)
    except ValueError as exc:
        return text(f"`/feedwatch stats`: {exc}.")
    db = desk.db
    side = db.session if db.shared_between_sessions else None  # two reads at once
    with db.session() as s:
        return build_stats(compute(s, rng, desk.hours, side))


def queue(desk: ReplyDesk, args: str, user: str) -> Message:
    words = args.strip().lower()
    if words not in ("", "mine"):
        return text("Say `/feedwatch queue` for every open alert, or `/feedwatch queue mine` "
                    "for those assigned to you.")
    url = desk.link.url()
    with desk.db.session() as s:
        items, total = queue_items(s, url, holder=user if words == "mine" else None)
    return build_queue(items, total, desk.hours.tz, mine=words == "mine")


def hours(desk: ReplyDesk) -> Message:
    return build_hours(desk.pausing.hours_view())


def history(desk: ReplyDesk, who: str, user: str) -> Message:
    if not who.strip():
        return text("Say whose history: `/feedwatch history @handle` (or a Facebook name or id).")
    now = desk.clock.now()
    with desk.db.session() as s:
        items = history_items(s, who, desk.hours.tz)
        # Who looked whom up is recorded; the handle itself is kept as a digest, so the audit
        # log (which cannot be edited) holds no name that an erasure request could not reach.
        audit.append(s, at=now, actor=user, action="history_lookup",
                     detail={"query_sha256": hashlib.sha256(who.strip().lower().encode())
                             .hexdigest(), "mentions": [i.mention_id for i in items]})
    return build_history(who.strip(), items, desk.hours.tz)


def export(desk: ReplyDesk, args: str, user: str) -> Message:
    now = desk.clock.now()
    try:
        rng = parse_range(args or "week", now, desk.hours.tz)
    except ValueError as exc:
        return text(f"`/feedwatch export`: {exc}.")
    with desk.db.session() as s:
        data, rows = audit_csv(s, rng, desk.hours.tz)
    name = f"feedwatch-audit-{rng.start.astimezone(desk.hours.tz):%Y%m%d}.csv"
    desk.slack.files_upload_v2(
        channels=[user], file=data, filename=name, title=f"feedwatch audit log: {rng.label}",
        initial_comment=f"The audit log for {rng.label}: {rows} rows.",
        request_file_info=False)
    with desk.db.session() as s:
        audit.append(s, at=now, actor=user, action="audit_export",
                     detail={"from": rng.start.isoformat(), "to": rng.end.isoformat(),
                             "rows": rows})
    return text(f"Sent you the audit log for {rng.label} ({rows} rows) as a CSV in a direct "
                "message from feedwatch.")


def pause(desk: ReplyDesk, args: str, user: str) -> Message:
    try:
        until = parse_pause(args, desk.clock.now(), desk.hours)
    except ValueError as exc:
        return text(f"`/feedwatch pause`: {exc}.")
    desk.pausing.pause(user, until)
    return text(f"Paused until {format_local(until, desk.hours.tz)}: new alerts are held, "
                "except crisis and threats, which are always posted. `/feedwatch resume` "
                "ends it sooner.")


def resume(desk: ReplyDesk, user: str) -> Message:
    was, released = desk.pausing.resume(user)
    if was is None:
        return text(f"Alerts were not paused. {released} held alerts released."
                    if released else "Alerts were not paused.")
    closed = "" if desk.hours.is_open(desk.clock.now()) else (
        " The office is closed, so held alerts wait for the morning digest.")
    return text(f"Resumed: {released} held alert{'s' if released != 1 else ''} will be "
                f"posted now, most urgent first.{closed}")


def refused(desk: ReplyDesk, sub: str, user: str) -> Message:
    with desk.db.session() as s:
        audit.append(s, at=desk.clock.now(), actor=user, action="permission_denied",
                     outcome="denied", detail={"command": sub})
    log.info("/feedwatch %s refused for %s (not a moderator)", sub, user)
    return text(f"Sorry, `/feedwatch {sub}` is for moderators only. A comms lead can add you "
                "to the moderators.")


def answer(desk: ReplyDesk, sub: str, args: str, user: str) -> Message:
    """Route a subcommand; unknown input answers with help."""
    if sub in MODERATORS_ONLY and not desk.permissions.is_moderator(user):
        return refused(desk, sub, user)
    if sub == "status":
        return status(desk)
    if sub == "stats":
        return stats(desk, args)
    if sub == "queue":
        return queue(desk, args, user)
    if sub == "hours":
        return hours(desk)
    if sub == "history":
        return history(desk, args, user)
    if sub == "export":
        return export(desk, args, user)
    if sub == "pause":
        return pause(desk, args, user)
    if sub == "resume":
        return resume(desk, user)
    return help_answer()


def home_view(desk: ReplyDesk, user: str) -> dict[str, Any]:
    """The App Home tab for one user: today's numbers, the queue (moderators), the hours."""
    now = desk.clock.now()
    moderator = desk.permissions.is_moderator(user)
    url = desk.link.url() if moderator else None
    with desk.db.session() as s:
        today = compute(s, parse_range("today", now, desk.hours.tz), desk.hours)
        items, total = queue_items(s, url, limit=15) if moderator else ([], today.open_alerts)
    return build_home(today, items, total, desk.pausing.hours_view(), moderator=moderator)
