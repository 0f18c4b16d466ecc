"""Graph API JSON (polled or pushed by webhooks) -> Mention. Pure functions, tolerant of
missing fields: Graph leaves out what a token may not see (e.g. `from` without
pages_read_user_content)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

from bot.core.models import (
    FACEBOOK,
    KIND_COMMENT,
    KIND_DM,
    KIND_REPLY,
    Author,
    Media,
    Mention,
)

# What each read asks for (Graph returns only id and a few defaults otherwise).
FEED_FIELDS = "id,message,created_time,updated_time"
POST_FIELDS = "id,message,created_time,from,permalink_url,attachments"
COMMENT_FIELDS = "id,message,created_time,from,parent{id,message},permalink_url,attachment"
MESSAGE_FIELDS = "id,message,from,created_time,attachments"
CONVERSATION_FIELDS = f"id,updated_time,link,messages{{{MESSAGE_FIELDS}}}"

URL_RE = re.compile(r"https?://[^\s<>\"']+")
MEDIA_TYPES = {
    "photo": "photo", "album": "photo", "sticker": "photo", "image": "photo",
    "video": "video", "video_inline": "video", "video_autoplay": "video",
    "animated_image_share": "animated_gif", "animated_image_video": "animated_gif",
    "animated_image_autoplay": "animated_gif", "audio": "audio",
}
EPOCH = datetime.fromtimestamp(0, UTC)


def parse_time(value: Any) -> datetime:
    """Graph's "2026-11-24T10:00:00+0000", or unix seconds/milliseconds from webhooks."""
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 10**11 else value
        return datetime.fromtimestamp(seconds, UTC)
    if not isinstance(value, str) or not value:
        return EPOCH
    try:
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S%z").astimezone(UTC)
    except ValueError:
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return EPOCH
        return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(UTC)


def author_of(who: Any) -> Author:
    who = who if isinstance(who, dict) else {}
    # Graph gives people page-scoped ids, which are not profile URLs: link only when given.
    return Author(id=str(who.get("id", "")), name=str(who.get("name", "")),
                  url=str(who.get("link", "") or ""))


def from_id(item: dict[str, Any]) -> str:
    who = item.get("from")
    return str(who.get("id", "")) if isinstance(who, dict) else ""


def unshim(url: str) -> str:
    """l.facebook.com/l.php?u=<target> -> <target>."""
    parts = urlsplit(url)
    if parts.hostname in ("l.facebook.com", "lm.facebook.com") and parts.path == "/l.php":
        target = parse_qs(parts.query).get("u")
        if target:
            return target[0]
    return url


def _attachment_list(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict) and isinstance(value.get("data"), list):
        value = value["data"]
    elif isinstance(value, dict):
        value = [value]
    out: list[dict[str, Any]] = []
    for a in value if isinstance(value, list) else []:
        if isinstance(a, dict):
            out.append(a)
            out += _attachment_list(a.get("subattachments"))
    return out


def media_of(value: Any) -> tuple[Media, ...]:
    """Photos and videos from post `attachments`, a comment's `attachment`, or Messenger
    message attachments (image_data / video_data)."""
    out: list[Media] = []
    for n, a in enumerate(_attachment_list(value)):
        kind = MEDIA_TYPES.get(str(a.get("type", "")))
        image = ((a.get("media") or {}).get("image") or {}) if isinstance(a.get("media"),
                                                                         dict) else {}
        url = str(image.get("src", ""))
        if "image_data" in a or "video_data" in a:  # Messenger
            data = a.get("image_data") or a.get("video_data") or {}
            kind = "photo" if "image_data" in a else "video"
            url, preview = str(data.get("url", "")), str(data.get("preview_url", ""))
        else:
            preview = url if kind != "photo" else ""
        if kind is None:
            continue
        key = str((a.get("target") or {}).get("id") or a.get("id") or n)
        out.append(Media(key=key, type=kind, url=url if kind == "photo" else "",
                         preview_url=preview, alt_text=str(a.get("description", "") or "")))
    return tuple(out)


def links_of(text: str, attachments: Any = None) -> tuple[str, ...]:
    links: list[str] = []
    for a in _attachment_list(attachments):
        if a.get("type") == "share":
            links.append(str(a.get("unshimmed_url") or unshim(str(a.get("url", "")))))
    links += [u.rstrip(".,;:!?)") for u in URL_RE.findall(text or "")]
    return tuple(dict.fromkeys(link for link in links if link))


def post_permalink(post_id: str) -> str:
    page, _, story = post_id.partition("_")
    return f"https://www.facebook.com/{page}/posts/{story}" if story else ""


def comment_to_mention(c: dict[str, Any], account: str, post: dict[str, Any]) -> Mention:
    parent = c.get("parent") if isinstance(c.get("parent"), dict) else None
    post_id = str(post.get("id", ""))
    text = str(c.get("message", "") or "")
    return Mention(
        platform=FACEBOOK,
        account=account,
        external_id=str(c["id"]),
        kind=KIND_REPLY if parent else KIND_COMMENT,
        author=author_of(c.get("from")),
        text=text,
        created_at=parse_time(c.get("created_time")),
        permalink=str(c.get("permalink_url") or post.get("permalink_url") or ""),
        conversation_id=post_id,
        parent_id=str(parent.get("id", "")) if parent else post_id,
        # A reply answers its comment; a comment sits under the post.
        parent_text=str((parent or post).get("message", "") or ""),
        media=media_of(c.get("attachment")),
        links=links_of(text, c.get("attachment")),
        raw={"comment": c, "post": {"id": post_id,
                                    "permalink_url": post.get("permalink_url", "")}},
        # A Page may hide or delete any comment on its own Page.
        in_own_conversation=True,
    )


def post_to_mention(p: dict[str, Any], account: str, kind: str, own: bool) -> Mention:
    """A visitor post (on the Page, `own`=True: the Page may hide or delete it) or a post
    elsewhere that tags the Page."""
    text = str(p.get("message", "") or "")
    return Mention(
        platform=FACEBOOK,
        account=account,
        external_id=str(p["id"]),
        kind=kind,
        author=author_of(p.get("from")),
        text=text,
        created_at=parse_time(p.get("created_time")),
        permalink=str(p.get("permalink_url") or post_permalink(str(p["id"]))),
        conversation_id=str(p["id"]),
        media=media_of(p.get("attachments")),
        links=links_of(text, p.get("attachments")),
        raw={"post": p},
        in_own_conversation=own,
    )


def message_to_mention(m: dict[str, Any], account: str, conv: dict[str, Any]) -> Mention:
    link = str(conv.get("link", "") or "")
    text = str(m.get("message", "") or "")
    sender = m.get("from") if isinstance(m.get("from"), dict) else {}
    return Mention(
        platform=FACEBOOK,
        account=account,
        external_id=str(m["id"]),
        kind=KIND_DM,
        author=author_of({k: v for k, v in sender.items() if k != "email"}),
        text=text,
        created_at=parse_time(m.get("created_time")),
        permalink=f"https://www.facebook.com{link}" if link.startswith("/") else link,
        conversation_id=str(conv.get("id", "")),
        media=media_of(m.get("attachments")),
        links=links_of(text),
        raw={"message": m, "conversation": {"id": conv.get("id"), "link": link}},
    )
