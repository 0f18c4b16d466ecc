"""A person's data: find it, export it (access request), erase it (erasure request).

`feedwatch subject export HANDLE` and `feedwatch subject erase HANDLE`; `/feedwatch history`
uses the same matching. A person is matched by X handle (with or without @, any case), by
platform user id, or by display name (any case, whole name), across platforms.

Erasure deletes their mentions (decisions and the signposting ledger go with them), drops any
of their alerts not yet posted, replaces their posted Slack alerts with a notice, and appends
one audit row listing the mention ids. The evidence packs the bot uploaded to Slack about
their posts (the JSON and HTML files hold the post's text) are deleted with files.delete, and
the packs' database rows go with the mentions. Audit rows reference mentions by id and never
copy post text, so the hash chain stays intact.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.orm import Session

from bot.store import audit
from bot.store.db import Database
from bot.store.evidence_queries import decisions_of_mention
from bot.store.mentions import find_mentions
from bot.store.queue_queries import audit_rows_of_mention
from bot.store.subject_rows import (
    alerts_of_mention,
    delete_mentions_and_their_rows,
    evidence_file_ids_of_mentions,
    posted_alerts_of_mentions,
    signposts_of_mention,
)

log = logging.getLogger(__name__)

ERASED_NOTICE = "This alert was removed: the person asked for their data to be erased."


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt else None


def export_subject(session: Session, who: str, now: datetime) -> dict[str, Any]:
    """Everything stored about a person, as one JSON-able document."""
    out = []
    for m in find_mentions(session, who):
        decisions = decisions_of_mention(session, m.id)
        alerts = alerts_of_mention(session, m.id)
        rows = audit_rows_of_mention(session, m.id)
        signposts = signposts_of_mention(session, m.id)
        out.append({
            "feedwatch_id": m.id, "platform": m.platform, "account": m.account,
            "external_id": m.external_id, "kind": m.kind,
            "author": {"id": m.author_id, "handle": m.author_handle, "name": m.author_name,
                       "url": m.author_url},
            "text": m.text, "media": m.media, "links": m.links,
            "created_at": _iso(m.created_at), "ingested_at": _iso(m.ingested_at),
            "permalink": m.permalink, "conversation_id": m.conversation_id,
            "parent_id": m.parent_id, "raw": m.raw,
            "content_erased_at": _iso(m.content_erased_at),
            "author_erased_at": _iso(m.author_erased_at),
            "decisions": [{"policy_version": d.policy_version, "decided_at": _iso(d.decided_at),
                           **(d.detail or {})} for d in decisions],
            "slack_alerts": [{"channel": a.channel, "ts": a.ts, "state": a.state,
                              "posted_at": _iso(a.posted_at)} for a in alerts],
            "actions": [{"at": _iso(r.at), "actor": r.actor, "action": r.action,
                         "outcome": r.outcome, "detail": r.detail} for r in rows],
            "signposting": [{"night": sp.night, "status": sp.status, "reason": sp.reason,
                             "decided_at": _iso(sp.decided_at)} for sp in signposts],
        })
    return {"subject": who, "generated_at": now.isoformat(), "mentions": out}


@dataclass(frozen=True)
class ErasureReport:
    mentions: int
    slack_alerts: int  # posted alerts about them; each redacted, or failed, or left (no client)
    slack_redacted: int
    slack_failed: int
    mention_ids: tuple[int, ...]
    files: int = 0  # evidence-pack files in Slack holding their text
    files_deleted: int = 0


def erase_subject(db: Database, who: str, now: datetime, actor: str,
                  slack: WebClient | None = None) -> ErasureReport:
    """Delete a person's mentions and what hangs off them; redact their Slack alerts."""
    with db.session() as s:
        ids = [m.id for m in find_mentions(s, who)]
        posted = [(a.channel, a.ts) for a in posted_alerts_of_mentions(s, ids) if a.ts]
        files = evidence_file_ids_of_mentions(s, ids)
        delete_mentions_and_their_rows(s, ids)
        audit.append(s, at=now, actor=actor, action="subject_erased",
                     detail={"mention_ids": ids, "mentions": len(ids),
                             "slack_alerts": len(posted), "slack_files": len(files)})
    redacted = failed = 0
    for channel, ts in posted if slack is not None else []:
        try:
            assert slack is not None
            slack.chat_update(channel=channel, ts=ts, text=ERASED_NOTICE,
                              blocks=[{"type": "section", "text": {"type": "mrkdwn",
                                                                    "text": ERASED_NOTICE}}])
            redacted += 1
        except (SlackApiError, OSError) as exc:
            failed += 1
            log.error("subject erase: could not redact Slack message %s in %s (%s)", ts,
                      channel, type(exc).__name__)
    deleted = _delete_files(slack, files) if slack is not None else 0
    log.info("subject erase: %d mention(s) deleted, %d Slack alert(s) redacted, %d failed, "
             "%d of %d evidence file(s) deleted", len(ids), redacted, failed, deleted,
             len(files))
    return ErasureReport(len(ids), len(posted), redacted, failed, tuple(ids), len(files),
                         deleted)


def _delete_files(slack: WebClient, file_ids: list[str]) -> int:
    deleted = 0
    for fid in file_ids:
        try:
            slack.files_delete(file=fid)
            deleted += 1
        except SlackApiError as exc:
            if exc.response.get("error") in ("file_not_found", "file_deleted"):
                deleted += 1  # already gone: nothing of theirs left there
                continue
            log.error("subject erase: could not delete Slack file %s (%s)", fid,
                      exc.response.get("error"))
        except OSError as exc:
            log.error("subject erase: could not delete Slack file %s (%s)", fid,
                      type(exc).__name__)
    return deleted
