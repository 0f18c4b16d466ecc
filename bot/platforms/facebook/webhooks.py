"""Facebook Page webhooks (optional push beside polling): the GET verification challenge, and
signed POSTs of `feed` changes and `messages` events stored through the pipeline's own path.

The signature (`X-Hub-Signature-256: sha256=<HMAC-SHA256(app secret, raw body)>`) is checked
over the raw bytes before anything is parsed. An item pushed here and read again by the next
poll is stored once: both carry the same Graph id, and storing drops ids already stored.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs

from bot.core.config import FacebookPage, Settings
from bot.core.models import KIND_VISITOR_POST, Mention
from bot.platforms.facebook import parse as fp
from bot.platforms.facebook.source import COMMENTS, DMS, VISITOR_POSTS


@dataclass(frozen=True)
class FacebookWebhook:
    """What a webhook delivery needs: the settings that sign and list the Pages, and the
    pipeline's ingest, which stores each mention once (polling reads the same ones)."""

    settings: Settings
    ingest: Callable[[str, list[Mention]], Any]

log = logging.getLogger(__name__)

PATH = "/webhooks/facebook"
MAX_BODY = 1_000_000  # Graph batches up to 1,000 updates; far below this
CHALLENGE = re.compile(r"^[A-Za-z0-9_-]{1,200}$")  # Graph sends digits; echo nothing else
POST_ITEMS = frozenset({"post", "status", "photo", "video", "share", "link"})
Reply = tuple[int, dict[str, str], bytes]


def _text(status: int, text: str) -> Reply:
    return status, {"Content-Type": "text/plain; charset=utf-8"}, text.encode("utf-8")


def signature_ok(app_secret: str, header: str, body: bytes) -> bool:
    scheme, _, given = header.strip().partition("=")
    if scheme.lower() != "sha256" or not given:
        return False
    expected = hmac.new(app_secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode("ascii"), given.strip().lower().encode("utf-8"))


def handle_facebook_webhook(hook: FacebookWebhook, method: str, query: str,
                            headers: Mapping[str, str], body: bytes) -> Reply:
    """One request to /webhooks/facebook -> (status, headers, body)."""
    settings = hook.settings
    secret, verify_token = settings.facebook_app_secret, settings.facebook_verify_token
    if secret is None or verify_token is None:
        return _text(404, "Facebook webhooks are not configured")
    if method == "GET":
        args = {k: v[-1] for k, v in parse_qs(query).items()}
        given = args.get("hub.verify_token", "")
        if args.get("hub.mode") != "subscribe" or not hmac.compare_digest(
                given.encode("utf-8"), verify_token.get_secret_value().encode("utf-8")):
            log.warning("Facebook webhook verification refused (wrong mode or verify token)")
            return _text(403, "forbidden")
        challenge = args.get("hub.challenge", "")
        if not CHALLENGE.match(challenge):
            return _text(400, "bad challenge")
        return _text(200, challenge)
    if method != "POST":
        return _text(405, "method not allowed")
    lower = {k.lower(): v for k, v in headers.items()}
    if not signature_ok(secret.get_secret_value(), lower.get("x-hub-signature-256", ""), body):
        log.warning("Facebook webhook refused: missing or wrong X-Hub-Signature-256")
        return _text(403, "forbidden")
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return _text(400, "not JSON")
    batches = events_to_mentions(payload, settings.facebook_pages)
    try:
        for edge, mentions in batches.items():
            hook.ingest(edge, mentions)
    except Exception:  # Graph retries a failed delivery, and the next poll reads it anyway
        log.exception("Facebook webhook: storing failed")
        return _text(500, "storing failed")
    return _text(200, "EVENT_RECEIVED")


def events_to_mentions(payload: Any, pages: Iterable[FacebookPage]) -> dict[str, list[Mention]]:
    """Mentions per pipeline edge from one webhook delivery; the Page's own items left out."""
    out: dict[str, list[Mention]] = {}
    if not isinstance(payload, dict) or payload.get("object") != "page":
        return out
    by_id = {p.page_id: p for p in pages}
    for entry in payload.get("entry") or []:
        if not isinstance(entry, dict):
            continue
        page = by_id.get(str(entry.get("id", "")))
        if page is None:
            log.info("Facebook webhook for a Page not watched (%s): ignored", entry.get("id"))
            continue
        for change in entry.get("changes") or []:
            if isinstance(change, dict) and change.get("field") == "feed":
                m = feed_change_to_mention(change.get("value"), page)
                if m is not None:
                    edge = COMMENTS if m.kind != KIND_VISITOR_POST else VISITOR_POSTS
                    out.setdefault(f"facebook:{page.name}:{edge}", []).append(m)
        for event in entry.get("messaging") or []:
            m = messaging_to_mention(event, page)
            if m is not None:
                out.setdefault(f"facebook:{page.name}:{DMS}", []).append(m)
    return out


def feed_change_to_mention(value: Any, page: FacebookPage) -> Mention | None:
    """A `feed` change: a new comment or reply, or a visitor's post on the Page."""
    if not isinstance(value, dict) or value.get("verb") != "add":
        return None  # edits, hides and removals are not new items
    who = value.get("from") if isinstance(value.get("from"), dict) else {}
    if str(who.get("id", "")) == page.page_id:
        return None  # the Page's own posts and comments: never alerted
    item = value.get("item")
    photo = value.get("photo") or (value.get("link") if item == "photo" else None)
    attachment = ({"type": "photo", "media": {"image": {"src": str(photo)}}} if photo
                  else None)
    if item == "comment" and value.get("comment_id"):
        post_id = str(value.get("post_id", ""))
        parent = str(value.get("parent_id") or post_id)
        post = value.get("post") if isinstance(value.get("post"), dict) else {}
        post_link = str(post.get("permalink_url") or fp.post_permalink(post_id))
        cid = str(value["comment_id"])
        comment = {"id": cid, "message": value.get("message", ""), "from": who,
                   "created_time": value.get("created_time"), "attachment": attachment,
                   "parent": {"id": parent} if parent != post_id else None,
                   "permalink_url": f"{post_link}{'&' if '?' in post_link else '?'}"
                                    f"comment_id={cid.rsplit('_', 1)[-1]}" if post_link else ""}
        return fp.comment_to_mention(comment, page.name, {"id": post_id,
                                                          "permalink_url": post_link})
    if item in POST_ITEMS and value.get("post_id"):
        link = value.get("link") if item in ("share", "link") else None
        atts = [a for a in (attachment, {"type": "share", "url": link} if link else None) if a]
        post = {"id": str(value["post_id"]), "message": value.get("message", ""), "from": who,
                "created_time": value.get("created_time"), "attachments": atts}
        return fp.post_to_mention(post, page.name, KIND_VISITOR_POST, own=True)
    return None


def messaging_to_mention(event: Any, page: FacebookPage) -> Mention | None:
    """A Messenger message to the Page (echoes of what the Page sent, reads and deliveries
    are not)."""
    if not isinstance(event, dict):
        return None
    msg = event.get("message")
    sender = str((event.get("sender") or {}).get("id", ""))
    if not isinstance(msg, dict) or msg.get("is_echo") or not msg.get("mid"):
        return None
    if sender == page.page_id:
        return None
    atts = []
    for a in msg.get("attachments") or []:
        url = str(((a or {}).get("payload") or {}).get("url", ""))
        kind = (a or {}).get("type")
        if kind == "image":
            atts.append({"image_data": {"url": url}})
        elif kind == "video":
            atts.append({"video_data": {"url": url}})
    message = {"id": str(msg["mid"]), "message": msg.get("text", ""), "from": {"id": sender},
               "created_time": event.get("timestamp"), "attachments": atts}
    return fp.message_to_mention(message, page.name, {})


def wsgi_facebook(hook: FacebookWebhook, environ: dict[str, Any],
                  start_response: Callable[..., Any]) -> list[bytes]:
    """The WSGI side of handle_facebook_webhook, for bot/runtime/web.py."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = -1
    if length < 0 or length > MAX_BODY:
        status, headers, body = _text(413, "too large")
    else:
        raw = environ["wsgi.input"].read(length) if length else b""
        headers_in = {k[5:].replace("_", "-").lower(): v for k, v in environ.items()
                      if k.startswith("HTTP_")}
        status, headers, body = handle_facebook_webhook(
            hook, environ.get("REQUEST_METHOD", "GET"), environ.get("QUERY_STRING", ""),
            headers_in, raw)
    start_response(f"{status} {HTTPStatus(status).phrase}",
                   [*headers.items(), ("Content-Length", str(len(body)))])
    return [body]
