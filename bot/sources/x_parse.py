"""X API v2 JSON -> Mention. Pure functions, tolerant of missing fields."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.models import (
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
]
EXPANSIONS = ["author_id", "attachments.media_keys", "referenced_tweets.id"]
USER_FIELDS = ["username", "name", "profile_image_url"]
MEDIA_FIELDS = ["type", "url", "preview_image_url", "alt_text"]
DM_FIELDS = ["id", "text", "event_type", "created_at", "sender_id", "dm_conversation_id",
             "participant_ids", "attachments", "entities"]


def parse_time(value: str | None) -> datetime:
    if not value:
        return datetime.fromtimestamp(0, UTC)
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)


def _author(user_id: str, users: dict[str, dict[str, Any]]) -> Author:
    u = users.get(user_id, {})
    handle = u.get("username", "")
    url = f"https://x.com/{handle}" if handle else f"https://x.com/i/user/{user_id}"
    return Author(id=user_id, handle=handle, name=u.get("name", ""), url=url)


def _links(entities: dict[str, Any] | None) -> tuple[str, ...]:
    urls = (entities or {}).get("urls") or []
    out = []
    for u in urls:
        if not isinstance(u, dict) or u.get("media_key"):
            continue  # the t.co link X adds for attached media is the media, not a link
        link = u.get("unwound_url") or u.get("expanded_url") or u.get("url")
        if isinstance(link, str) and link not in out:
            out.append(link)
    return tuple(out)


def _media(keys: list[str], media: dict[str, dict[str, Any]]) -> tuple[Media, ...]:
    out = []
    for k in keys:
        m = media.get(k)
        if m is None:
            continue
        out.append(
            Media(
                key=k,
                type=m.get("type", "photo"),
                url=m.get("url", ""),
                preview_url=m.get("preview_image_url", ""),
                alt_text=m.get("alt_text", "") or "",
            )
        )
    return tuple(out)


Index = dict[str, dict[str, Any]]


def _by(items: Any, key: str) -> Index:
    return {i[key]: i for i in items or [] if isinstance(i, dict) and key in i}


def index_includes(payload: dict[str, Any]) -> tuple[Index, Index, Index]:
    """Users, media and referenced tweets from `includes`, by id."""
    inc = payload.get("includes") or {}
    users = _by(inc.get("users"), "id")
    media = _by(inc.get("media"), "media_key")
    tweets = _by(inc.get("tweets"), "id")
    return users, media, tweets


def tweet_kind(tweet: dict[str, Any]) -> str:
    refs = {r.get("type") for r in tweet.get("referenced_tweets") or [] if isinstance(r, dict)}
    if "replied_to" in refs:
        return KIND_REPLY
    if "quoted" in refs:
        return KIND_QUOTE
    return KIND_MENTION


def tweet_to_mention(
    tweet: dict[str, Any],
    account: str,
    own_user_id: str,
    users: dict[str, Any],
    media: dict[str, Any],
    ref_tweets: dict[str, Any],
) -> Mention:
    author = _author(str(tweet.get("author_id", "")), users)
    parent = ""
    for r in tweet.get("referenced_tweets") or []:
        if r.get("type") in ("replied_to", "quoted"):
            parent = str(r.get("id", ""))
            break
    conv = str(tweet.get("conversation_id", ""))
    # The account started the conversation when its root tweet is the account's own:
    # only then may it hide replies (X refuses otherwise).
    root = ref_tweets.get(conv) or {}
    own_conv = bool(conv) and str(root.get("author_id", "")) == own_user_id
    handle = author.handle or "i"
    return Mention(
        platform=X,
        account=account,
        external_id=str(tweet["id"]),
        kind=tweet_kind(tweet),
        author=author,
        text=str(tweet.get("text", "")),
        created_at=parse_time(tweet.get("created_at")),
        permalink=f"https://x.com/{handle}/status/{tweet['id']}",
        conversation_id=conv,
        parent_id=parent,
        media=_media((tweet.get("attachments") or {}).get("media_keys") or [], media),
        links=_links(tweet.get("entities")),
        raw={"tweet": tweet, "author": users.get(author.id, {})},
        in_own_conversation=own_conv,
    )


def dm_to_mention(
    event: dict[str, Any], account: str, users: dict[str, Any], media: dict[str, Any]
) -> Mention:
    sender = str(event.get("sender_id", ""))
    conv = str(event.get("dm_conversation_id", ""))
    return Mention(
        platform=X,
        account=account,
        external_id=f"dm:{event['id']}",
        kind=KIND_DM,
        author=_author(sender, users),
        text=str(event.get("text", "")),
        created_at=parse_time(event.get("created_at")),
        permalink=f"https://x.com/messages/{conv}" if conv else "",
        conversation_id=conv,
        media=_media((event.get("attachments") or {}).get("media_keys") or [], media),
        links=_links(event.get("entities")),
        raw={"dm_event": event, "author": users.get(sender, {})},
    )
