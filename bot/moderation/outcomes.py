"""What the moderation service answers, and how each result is told: to the moderator, on
the alert (its state line), in the alert's thread, and in the audit log."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from bot.core.models import PLATFORM_NAMES, X
from bot.moderation import ledger
from bot.platforms import writes as W
from bot.platforms.writes import ActionError
from bot.slack.escape import safe
from bot.store.schema import LedgerRow

DONE, REFUSED, DENIED, CONFLICT, FAILED, UNKNOWN = (
    "done", "refused", "denied", "conflict", "failed", "unknown")
VERBS = {"hide": "hide", "unhide": "unhide", "delete": "delete", "block": "block the author of",
         "mute": "mute the author of", "reply": "reply to", "private_message": "message",
         "claim": "claim", "assign": "assign", "no_action": "close",
         "flag_wrong": "change the flags of",
         "escalate": "escalate", "report": "report", "report_police": "report to the police"}
DONE_LINE = {"hide": "Hidden on {p}", "unhide": "Unhidden on {p}", "delete": "Deleted from {p}",
             "block": "Author blocked on {p}", "mute": "Author muted on {p}",
             "reply": "Replied on {p}", "private_message": "Private message sent on {p}"}
AUDIT_OUTCOME = {ledger.DONE: "ok", ledger.FAILED: "failed", ledger.REFUSED: "refused",
                 ledger.UNKNOWN: "unknown"}


@dataclass(frozen=True)
class Actor:
    id: str
    name: str = ""

    @property
    def label(self) -> str:
        return self.name or self.id


@dataclass(frozen=True)
class Outcome:
    status: str
    message: str

    @property
    def ok(self) -> bool:
        return self.status == DONE


# Errors that retrying will not fix: recorded as refused rather than failed.
FINAL_KINDS = frozenset({W.REFUSED, W.NOT_OWN_CONVERSATION, W.TIER, W.WINDOW_CLOSED,
                         W.ALREADY, W.NOT_FOUND})


def told_part(told: str, note: str) -> str:
    return {"sent": ", author told why",
            "not_sent": f", author not told ({note})" if note else ", author not told",
            "unknown": ", author may not have been told: please check",
            }.get(told, "")


def state_line(row: LedgerRow, state: str, platform: str, hhmm: str,
               error: ActionError | None) -> str:
    who = row.actor_name or row.actor
    if state == ledger.DONE:
        base = DONE_LINE[row.action].format(p=platform)
        if row.action == "private_message" and platform == PLATFORM_NAMES[X]:
            base = "DM sent on X"
        return f"{base} by {who} at {hhmm}{told_part(row.told, row.told_note)}"
    verb = row.action.replace("_", " ").capitalize()
    if state == ledger.UNKNOWN:
        return f"{verb} on {platform} by {who} at {hhmm}: outcome unknown, please check"
    return f"{verb} on {platform} not done at {hhmm}: {error.message if error else state}"


def thread_line(line: str, actor: str, error: ActionError | None, resumed: bool) -> str:
    # Our words with the platform's (and the author's) inside: escaped, except our mention.
    text = f"{safe(line)} (<@{actor}>)."
    if resumed:
        text += " Settled after feedwatch restarted."
    if error is not None and error.fix:
        text += f"\nWhat to do: {safe(error.fix)}"
    return text


def told_note(told: str, note: str, why: str) -> str:
    if told == "sent":
        return f"Told the author why first, privately: “{safe(why)}”"
    if told == "unknown":
        return f"Telling the author why may or may not have worked ({safe(note)}): please check."
    return f"The author was not told why first: {safe(note)}."


def audit_detail(row: LedgerRow, resumed: bool) -> dict[str, Any]:
    detail: dict[str, Any] = {"ledger": row.id, "generation": row.generation}
    for name in ("reason", "told", "told_note", "template", "error", "error_code", "result_id"):
        value = getattr(row, name)
        if value:
            detail[name] = value
    if row.text and row.action in ledger.SENDS:
        # The words we sent are in the ledger (erasable); the audit keeps their fingerprint.
        detail["text_sha256"] = hashlib.sha256(row.text.encode()).hexdigest()
    if resumed:
        detail["reconciled"] = True
    return detail
