"""Evidence packs: everything a complaint review or the police may need about one post.

The post's text, media (as captured at ingest, so a deleted post keeps its evidence), author,
timestamps, permalink, thread context, the flags with the policy version, and every action
taken. Written as JSON (byte-for-byte reproducible: sorted keys) plus a readable HTML page,
uploaded with files_upload_v2 to the alert's thread or a private evidence channel. The
SHA-256 of each file is stored, audited and posted in the alert's thread.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.orm import Session

from bot.alerts.update import AlertUpdater
from bot.core.clock import Clock
from bot.core.models import X
from bot.moderation.evidence_page import pack_html, slack_names
from bot.store import audit
from bot.store.captured_media import captured_media_by_key
from bot.store.db import Database
from bot.store.evidence_queries import (
    decisions_of_mention,
    flag_overrides_of_mention,
    related_mentions,
)
from bot.store.ledger_rows import rows_of_mention
from bot.store.queue_queries import audit_rows_of_mention
from bot.store.schema import EvidencePackRow, MentionRow

log = logging.getLogger(__name__)
FORMAT_VERSION = 2  # 2: people (Slack names), thread.replying_to, audit[].what
_SLACK_USER = re.compile(r"^[UW][A-Z0-9]{2,}$")
_ACTION_WORDS = {"report_police": "reported to the police", "evidence_pack": "evidence pack made",
                 "private_message": "private message sent", "no_action": "closed, no action"}


def _iso(at: datetime | None) -> str | None:
    return at.isoformat() if at else None


def _media(s: Session, row: MentionRow) -> list[dict[str, Any]]:
    captured = captured_media_by_key(s, row.id)
    items = []
    for m in row.media or []:
        c = captured.get(str(m.get("key")))
        item: dict[str, Any] = {"key": m.get("key"), "type": m.get("type"),
                                "url": m.get("url") or m.get("preview_url"),
                                "alt_text": m.get("alt_text", ""), "captured": bool(c and c.data)}
        if c is not None and c.data:
            item.update(sha256=c.sha256, size=c.size, content_type=c.content_type,
                        captured_at=_iso(c.captured_at),
                        data_base64=base64.b64encode(c.data).decode())
        elif c is not None:
            item["capture_error"] = c.error
        items.append(item)
    return items


def _context(s: Session, row: MentionRow) -> list[dict[str, Any]]:
    """Stored items of the same conversation, or the one this replies to."""
    related = related_mentions(s, row)
    return [{"feedwatch_id": r.id, "external_id": r.external_id, "kind": r.kind,
             "author": r.author_handle or r.author_name or r.author_id, "text": r.text,
             "created_at": _iso(r.created_at), "permalink": r.permalink} for r in related]


def build_pack(s: Session, mention_id: int, now: datetime, actor: str,
               reason: str) -> dict[str, Any] | None:
    row = s.get(MentionRow, mention_id)
    if row is None:
        return None
    decisions = decisions_of_mention(s, mention_id)
    return {
        "format": f"feedwatch evidence pack v{FORMAT_VERSION}",
        "generated_at": _iso(now), "generated_by": actor, "reason": reason,
        "post": {"feedwatch_id": row.id, "platform": row.platform, "account": row.account,
                 "kind": row.kind, "external_id": row.external_id, "text": row.text,
                 "links": list(row.links or []), "permalink": row.permalink,
                 "created_at": _iso(row.created_at), "ingested_at": _iso(row.ingested_at),
                 "content_erased_at": _iso(row.content_erased_at)},
        "author": {"id": row.author_id, "handle": row.author_handle, "name": row.author_name,
                   "profile": row.author_url},
        "media": _media(s, row),
        "thread": {"conversation_id": row.conversation_id, "parent_id": row.parent_id,
                   "in_own_conversation": row.in_own_conversation,
                   # What it answers, as fetched with it (the trust's own posts are never
                   # stored as mentions, so this is often the only copy).
                   "replying_to": row.parent_text or "",
                   "related": _context(s, row)},
        "decisions": [{"decided_at": _iso(d.decided_at), "policy_version": d.policy_version,
                       "categories": list(d.categories or []), "action": d.action,
                       "flags": (d.detail or {}).get("flags", []),
                       "report_suggested": (d.detail or {}).get("report_suggested", False)}
                      for d in decisions],
        "overrides": [{"at": _iso(o.at), "by": o.actor, "removed": o.removed, "added": o.added,
                       "reason": o.reason} for o in flag_overrides_of_mention(s, mention_id)],
        "actions": [{"action": r.action, "state": r.state, "by": r.actor,
                     "requested_at": _iso(r.requested_at), "completed_at": _iso(r.completed_at),
                     "reason": r.reason, "told": r.told, "told_note": r.told_note,
                     "text_sent": r.text, "platform_id": r.result_id, "error": r.error}
                    for r in rows_of_mention(s, mention_id)],
        "audit": [{"id": a.id, "at": _iso(a.at), "actor": a.actor, "action": a.action,
                   "what": action_words(a.action, row.platform),
                   "outcome": a.outcome, "detail": a.detail, "policy_version": a.policy_version,
                   "hash": a.hash} for a in audit_rows_of_mention(s, mention_id)],
    }


def action_words(action: str, platform: str) -> str:
    """An audited step in words. X has no reporting API: a moderator opened its report link,
    which is not the same as X having received a report."""
    if action == "report_platform":
        return "report link opened" if platform == X else "reported to the platform"
    return _ACTION_WORDS.get(action, action.replace("_", " "))


def people_in(pack: dict[str, Any]) -> set[str]:
    """The Slack user ids a pack names (who made it, acted, overrode a flag)."""
    ids = {pack["generated_by"]}
    ids |= {a["actor"] for a in pack["audit"]} | {a["by"] for a in pack["actions"]}
    ids |= {o["by"] for o in pack["overrides"]}
    return {i for i in ids if i and _SLACK_USER.match(i)}


def pack_json(pack: dict[str, Any]) -> bytes:
    return json.dumps(pack, sort_keys=True, indent=2, ensure_ascii=False).encode("utf-8")


@dataclass(frozen=True)
class PackResult:
    sha256: str
    html_sha256: str
    file_ids: tuple[str, ...]
    error: str = ""


class EvidencePacks:
    def __init__(self, db: Database, slack: WebClient, clock: Clock, tz: ZoneInfo,
                 alerts: AlertUpdater, channel: str | None = None) -> None:
        self.db, self.slack, self.clock, self.tz = db, slack, clock, tz
        self.alerts, self.channel = alerts, channel

    def make(self, mention_id: int, actor: str, reason: str) -> PackResult | None:
        now = self.clock.now()
        with self.db.session() as s:
            pack = build_pack(s, mention_id, now, actor, reason)
            if pack is None:
                return None
            pack["people"] = slack_names(self.slack)(people_in(pack))
            data, page = pack_json(pack), pack_html(pack, self.tz)
            sha, html_sha = hashlib.sha256(data).hexdigest(), hashlib.sha256(page).hexdigest()
            row = EvidencePackRow(mention_id=mention_id, created_at=now, actor=actor,
                                  sha256=sha, html_sha256=html_sha, size=len(data), pack=pack,
                                  slack_file_ids=[], report_open=True)
            s.add(row)
            s.flush()
            pack_id = row.id
        result = self._upload(mention_id, data, page, sha, html_sha, now)
        with self.db.session() as s:
            row = s.get(EvidencePackRow, pack_id)
            assert row is not None
            row.slack_file_ids = list(result.file_ids)
            audit.append(s, at=now, actor=actor, action="evidence_pack", mention_id=mention_id,
                         outcome="failed" if result.error else "ok",
                         detail={"pack": pack_id, "sha256": sha, "html_sha256": html_sha,
                                 "files": list(result.file_ids), "reason": reason,
                                 "error": result.error})
        return result

    def _upload(self, mention_id: int, data: bytes, page: bytes, sha: str, html_sha: str,
                now: datetime) -> PackResult:
        stamp = now.strftime("%Y%m%dT%H%M%SZ")
        name = f"feedwatch-evidence-{mention_id}-{stamp}"
        comment = (f"Evidence pack for feedwatch #{mention_id}.\nSHA-256 of {name}.json: "
                   f"`{sha}`\nSHA-256 of {name}.html: `{html_sha}`")
        place = self.alerts.place(mention_id)
        target = self.channel or (place.channel if place else None)
        if target is None:
            return PackResult(sha, html_sha, (), "the alert is not in Slack yet")
        try:
            resp = self.slack.files_upload_v2(
                file_uploads=[
                    {"content": data, "filename": f"{name}.json", "title": f"{name}.json"},
                    {"content": page, "filename": f"{name}.html", "title": f"{name}.html"}],
                channel=target, initial_comment=comment,
                thread_ts=None if self.channel or place is None else place.ts)
        except (SlackApiError, OSError) as exc:
            why = exc.response.get("error") if isinstance(exc, SlackApiError) else type(
                exc).__name__
            log.error("evidence pack for mention %d not uploaded (%s)", mention_id, why)
            self.alerts.note(mention_id, f"The evidence pack could not be uploaded ({why}). "
                             "What to do: invite feedwatch to the evidence channel and check it "
                             "has the files:write scope, then report again.")
            return PackResult(sha, html_sha, (), str(why))
        ids = tuple(str(f.get("id")) for f in resp.get("files") or [])
        if self.channel:
            self.alerts.note(mention_id, f"Evidence pack posted in <#{self.channel}>.\n"
                             f"SHA-256 (JSON): `{sha}`\nSHA-256 (HTML): `{html_sha}`")
        return PackResult(sha, html_sha, ids)
