"""X API v2 JSON -> Mention. Pure functions that never trust the shape of what they are given:
a malformed field degrades to empty, it never raises (a poison item must not block a feed)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from bot.core.models import (
    KIND_DM,
    KIND_MENTION,
    KIND_QUOTE,
    KIND_REPLY,
    Author,
    Media,
    Mention,
    X,
)

TWEET_FIELDS = [
    "author_id",
    "created_at",
    "conversation_id",
    "in_reply_to_user_id",
    "referenced_tweets",
    "entities",
    "attachments",
    "edit_history_tweet_ids",
    "note_tweet",  # the full text of a post longer than 280 characters
    "lang",
]
EXPANSIONS = ["author_id", "attachments.media_keys", "referenced_tweets.id"]
USER_FIELDS = ["username", "name", "profile_image_url"]
MEDIA_FIELDS = ["type", "url", "preview_image_url", "alt_text"]
DM_FIELDS = ["id", "text", "event_type", "created_at", "sender_id", "dm_conversation_id",
             "participant_ids", "attachments", "entities"]

Obj = dict[str, Any]
Index = dict[str, Obj]


def as_dict(value: Any) -> Obj:
    return value if isinstance(value, dict) else {}


def _l(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def as_str(value: Any) -> str:
    """Ids and text: strings, or numbers written as strings; anything else is empty."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return ""


_X_ESCAPE = re.compile(r"&(amp|lt|gt);")
_X_UNESCAPED = {"amp": "&", "lt": "<", "gt": ">"}


def x_text(value: Any) -> str:
    """X sends text with "&", "<" and ">" HTML-escaped; undo exactly that, exactly once, in one
    pass (so a post that says "&amp;lt;" reads "&lt;", as its author typed it)."""
    return _X_ESCAPE.sub(lambda m: _X_UNESCAPED[m.group(1)], as_str(value))


def full_text(tweet: Obj) -> str:
    """A long post's `text` is cut at 280 characters; its whole text is in `note_tweet`."""
    note = as_str(as_dict(tweet.get("note_tweet")).get("text"))
    return x_text(note) if note else x_text(tweet.get("text"))


def parse_time(value: Any, fallback: datetime) -> datetime:
    try:
        parsed = datetime.fromisoformat(as_str(value).replace("Z", "+00:00"))
    except ValueError:
        return fallback
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _by(items: Any, key: str) -> Index:
    return {as_str(i[key]): i for i in _l(items) if isinstance(i, dict) and as_str(i.get(key))}


def index_includes(payload: Obj) -> tuple[Index, Index, Index]:
    """Users, media and referenced tweets from `includes`, by id."""
    inc = as_dict(payload.get("includes"))
    return _by(inc.get("users"), "id"), _by(inc.get("media"), "media_key"), \
        _by(inc.get("tweets"), "id")


def _author(user_id: str, users: Index) -> Author:
    u = as_dict(users.get(user_id))
    handle = as_str(u.get("username"))
    url = f"https://x.com/{handle}" if handle else f"https://x.com/i/user/{user_id}"
    return Author(id=user_id, handle=handle, name=as_str(u.get("name")), url=url)


def _links(entities: Any) -> tuple[str, ...]:
    out: list[str] = []
    for u in _l(as_dict(entities).get("urls")):
        if not isinstance(u, dict) or u.get("media_key"):
            continue  # the t.co link X adds for attached media is the media, not a link
        link = as_str(u.get("unwound_url")) or as_str(u.get("expanded_url")) or as_str(u.get("url"))
        if link and link not in out:
            out.append(link)
    return tuple(out)


def _media(keys: Any, media: Index) -> tuple[Media, ...]:
    out = []
    for key in _l(keys):
        m = media.get(as_str(key))
        if m is None:
            continue
        out.append(Media(key=as_str(key), type=as_str(m.get("type")) or "photo",
                         url=as_str(m.get("url")), preview_url=as_str(m.get("preview_image_url")),
                         alt_text=as_str(m.get("alt_text"))))
    return tuple(out)


def tweet_kind(tweet: Obj) -> str:
    refs = {as_str(as_dict(r).get("type")) for r in _l(tweet.get("referenced_tweets"))}
    if "replied_to" in refs:
        return KIND_REPLY
    if "quoted" in refs:
        return KIND_QUOTE
    return KIND_MENTION


def tweet_to_mention(tweet: Obj, account: str, own_user_id: str, users: Index, media: Index,
                     ref_tweets: Index, received_at: datetime) -> Mention:
    tweet_id = as_str(tweet.get("id"))
    author = _author(as_str(tweet.get("author_id")), users)
    parent = ""
    for r in _l(tweet.get("referenced_tweets")):
        if as_str(as_dict(r).get("type")) in ("replied_to", "quoted"):
            parent = as_str(r.get("id"))
            break
    conv = as_str(tweet.get("conversation_id"))
    # The account started the conversation when its root tweet is the account's own:
    # only then may it hide replies (X refuses otherwise).
    root = as_dict(ref_tweets.get(conv))
    own_conv = bool(conv) and as_str(root.get("author_id")) == own_user_id
    return Mention(
        platform=X,
        account=account,
        external_id=tweet_id,
        kind=tweet_kind(tweet),
        author=author,
        text=full_text(tweet),
        created_at=parse_time(tweet.get("created_at"), received_at),
        permalink=f"https://x.com/{author.handle or 'i'}/status/{tweet_id}",
        conversation_id=conv,
        parent_id=parent,
        # X includes the replied-to or quoted post (expansion referenced_tweets.id).
        parent_text=as_str(as_dict(ref_tweets.get(parent)).get("text")) if parent else "",
        media=_media(as_dict(tweet.get("attachments")).get("media_keys"), media),
        # A long post's links beyond the first 280 characters are in note_tweet's entities.
        links=_links(as_dict(tweet.get("note_tweet")).get("entities") or tweet.get("entities")),
        raw={"tweet": tweet, "author": as_dict(users.get(author.id))},
        in_own_conversation=own_conv,
        lang=as_str(tweet.get("lang"))[:16],
    )


def dm_to_mention(event: Obj, account: str, users: Index, media: Index,
                  received_at: datetime) -> Mention:
    sender = as_str(event.get("sender_id"))
    conv = as_str(event.get("dm_conversation_id"))
    return Mention(
        platform=X,
        account=account,
        external_id=f"dm:{as_str(event.get('id'))}",
        kind=KIND_DM,
        author=_author(sender, users),
        text=x_text(event.get("text")),
        created_at=parse_time(event.get("created_at"), received_at),
        permalink=f"https://x.com/messages/{conv}" if conv else "",
        conversation_id=conv,
        media=_media(as_dict(event.get("attachments")).get("media_keys"), media),
        links=_links(event.get("entities")),
        raw={"dm_event": event, "author": as_dict(users.get(sender))},
    )
