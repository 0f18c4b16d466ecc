"""The readable page of an evidence pack, for a complaint review or the police: people by name,
times local to the second with the zone, media and the conversation it sits in."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

log = logging.getLogger(__name__)


def local_time(iso: str | None, tz: ZoneInfo) -> str:
    """'Tue 24 Nov 2026 10:32:05 GMT': local, to the second, with the zone."""
    if not iso:
        return "-"
    return datetime.fromisoformat(iso).astimezone(tz).strftime("%a %d %b %Y %H:%M:%S %Z")


def pack_html(pack: dict[str, Any], tz: ZoneInfo) -> bytes:
    e = html.escape
    post, author = pack["post"], pack["author"]
    people: dict[str, str] = pack.get("people") or {}

    def who(uid: str) -> str:
        return f"{people[uid]} ({uid})" if uid in people else uid

    def when(iso: str | None) -> str:
        return local_time(iso, tz)

    rows = [("Platform", post["platform"]), ("Account", post["account"]),
            ("Kind", post["kind"]), ("Posted", when(post["created_at"])),
            ("Fetched", when(post["ingested_at"])), ("Link", post["permalink"]),
            ("Author", f"{author['name']} @{author['handle']} ({author['id']})")]
    parts = [f"<!doctype html><meta charset='utf-8'><title>Evidence pack feedwatch "
             f"#{post['feedwatch_id']}</title>",
             f"<h1>Evidence pack: feedwatch #{post['feedwatch_id']}</h1>",
             f"<p>Made {e(when(pack['generated_at']))} by {e(who(pack['generated_by']))} "
             f"({e(pack['reason'])}). Times are local time in {e(str(tz))}, to the second; "
             "the JSON file has them in UTC.</p><table>"]
    parts += [f"<tr><th>{e(k)}</th><td>{e(str(v))}</td></tr>" for k, v in rows]
    parts.append(f"</table><h2>Text</h2><pre>{e(post['text'])}</pre><h2>Media</h2>")
    if not pack["media"]:
        parts.append("<p>No media attached.</p>")
    for m in pack["media"]:
        state = (f"captured {e(when(m.get('captured_at')))}, SHA-256 {e(m['sha256'])}"
                 if m["captured"] else "not captured")
        parts.append(f"<p>{e(str(m['type']))} {e(str(m['url']))}: {state}</p>")
        if m["captured"] and str(m.get("content_type", "")).startswith("image/"):
            parts.append(f"<img alt='{e(m.get('alt_text') or 'captured media')}' "
                         f"src='data:{e(m['content_type'])};base64,{m['data_base64']}'>")
    thread = pack["thread"]
    parts.append("<h2>Thread</h2><ul>")
    if thread.get("replying_to"):
        parts.append(f"<li>In reply to (post {e(str(thread['parent_id']))}): "
                     f"{e(thread['replying_to'])}</li>")
    parts += [f"<li>{e(when(r['created_at']))} {e(r['author'])}: {e(r['text'])}</li>"
              for r in thread["related"]]
    if not thread.get("replying_to") and not thread["related"]:
        parts.append("<li>Not part of a conversation feedwatch has seen.</li>")
    parts.append("</ul><h2>Policy flags</h2><ul>")
    for d in pack["decisions"]:
        for f in d["flags"]:
            parts.append(f"<li>{e(f.get('category', ''))} ({e(f.get('severity', ''))}, "
                         f"rule {e(f.get('rule_id', ''))}, policy {e(d['policy_version'])}): "
                         f"{e(f.get('explanation', ''))}</li>")
    parts.append("</ul><h2>Actions</h2><ul>")
    parts += [f"<li>{e(when(a['at']))} {e(who(a['actor']))}: "
              f"{e(a.get('what') or a['action'])} ({e(a['outcome'])})</li>"
              for a in pack["audit"]]
    parts.append("</ul>")
    return "\n".join(parts).encode("utf-8")


def slack_names(slack: WebClient) -> Callable[[set[str]], dict[str, str]]:
    """Slack user ids to the names people know them by (users.info); an id that cannot be
    looked up stays as it is."""
    def look_up(ids: set[str]) -> dict[str, str]:
        names: dict[str, str] = {}
        for uid in sorted(ids):
            try:
                user = slack.users_info(user=uid).get("user") or {}
            except (SlackApiError, OSError) as exc:
                log.warning("evidence pack: no name for %s (%s)", uid, type(exc).__name__)
                continue
            profile = user.get("profile") or {}
            name = (profile.get("real_name") or user.get("real_name")
                    or profile.get("display_name") or user.get("name") or "")
            if name:
                names[uid] = str(name)
        return names

    return look_up
