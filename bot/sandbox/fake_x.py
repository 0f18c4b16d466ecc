"""An offline X (Twitter) API v2 on loopback, speaking the real wire format.

Shapes follow the X API v2 reference (docs.x.com / developer.x.com "x-api"); each handler names
its endpoint page. What the real API does and the bot must cope with, the fake does too: only
id/text/edit_history_tweet_ids unless fields are asked for, includes only for requested
expansions, newest first, only the newest 800 mentions reachable, `meta` without newest/oldest
ids when empty, problem+json errors. Credentials must carry the sandbox marker (see
SANDBOX_PREFIX and SANDBOX_ACCESS_TOKEN), so a real key pasted into the demo gets X's 401
before anything else happens. Not modelled: previous_token paging, start_time/end_time,
CJK-weighted tweet length, polls, places.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import unquote

import requests

from bot.core.clock import Clock
from bot.sandbox.http_fake import FakeServer, Request, Response, compile_path, json_response
from bot.sandbox.transport import FakeHostAdapter, mount_fake

SANDBOX_PREFIX = "sandbox-"
# OAuth 1.0a access tokens are "<user id>-<secret part>" and tweepy relies on it (it takes the
# user id for mute/like/... from the token), so sandbox access tokens are "<id>-sandbox-...":
# a real token (user id, dash, 40 random characters) can never match.
SANDBOX_ACCESS_TOKEN = re.compile(r"^\d+-sandbox-")
APP_BEARER = "sandbox-app-bearer"
REAL_BASES = ("https://api.twitter.com/", "https://api.x.com/")
MEDIA_BASE = "https://pbs.twimg.com/"  # photo URLs; the fake serves them so capture stays offline
# A 1x1 PNG for media added without bytes of their own.
TINY_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
# A Post's `text` holds at most 280 characters; a longer one (a "note tweet") carries its full
# text in the `note_tweet` field, returned only when asked for in tweet.fields:
# https://docs.x.com/x-api/fundamentals/data-dictionary#tweet (note_tweet).
TEXT_LIMIT = 280
MENTIONS_REACHABLE = 800  # GET /2/users/:id/mentions: "up to the most recent 800 Tweets"
TWITTER_EPOCH_MS = 1288834974657


def snowflake(when: datetime) -> int:
    return (int(when.timestamp() * 1000) - TWITTER_EPOCH_MS) << 22


def _token(kind: str, last_id: str) -> str:
    raw = base64.b32encode(f"{kind}:{last_id}".encode()).decode().rstrip("=")
    return raw.lower()


def _untoken(token: str, kind: str) -> str | None:
    try:
        raw = base64.b32decode(token.upper() + "=" * (-len(token) % 8)).decode()
    except ValueError:
        return None
    prefix, _, last_id = raw.partition(":")
    return last_id if prefix == kind and last_id.isdigit() else None


def _oauth_params(header: str) -> dict[str, str]:
    return {k: unquote(v) for k, v in re.findall(r'(\w+)="([^"]*)"', header)}


def x_escape(text: str) -> str:
    """X sends Post and DM text HTML-escaped: "&" as "&amp;", "<" as "&lt;", ">" as "&gt;"
    (quotes are left alone). Long-standing X behaviour, confirmed by its own developers
    (tweepy issue #1080, "This is how Twitter's API represents it"; twittercommunity
    "ampersands are translated to &amp;"), so the fake does it too."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


# -- wire shapes ------------------------------------------------------------------------------
# Field names accepted per object, and the defaults returned when none are asked for:
# https://docs.x.com/x-api/fundamentals/fields and .../fundamentals/expansions
TWEET_FIELDS = _names(
    "article attachments author_id card_uri community_id context_annotations conversation_id "
    "created_at display_text_range edit_controls edit_history_tweet_ids entities geo id "
    "in_reply_to_user_id lang media_metadata non_public_metrics note_tweet organic_metrics "
    "possibly_sensitive promoted_metrics public_metrics referenced_tweets reply_settings scopes "
    "source text withheld"
)
USER_FIELDS = _names(
    "affiliation connection_status created_at description entities id location "
    "most_recent_tweet_id name pinned_tweet_id profile_banner_url profile_image_url protected "
    "public_metrics receives_your_dm subscription_type url username verified verified_type "
    "withheld"
)
MEDIA_FIELDS = _names(
    "alt_text duration_ms height media_key non_public_metrics organic_metrics preview_image_url "
    "promoted_metrics public_metrics type url variants width"
)
DM_FIELDS = _names(
    "attachments cashtags created_at dm_conversation_id entities event_type hashtags id mentions "
    "participant_ids referenced_tweets sender_id text urls"
)
EXPANSIONS = _names(
    "attachments.media_keys attachments.poll_ids author_id edit_history_tweet_ids "
    "entities.mentions.username geo.place_id in_reply_to_user_id referenced_tweets.id "
    "referenced_tweets.id.author_id sender_id participant_ids"
)
TWEET_DEFAULT = frozenset({"id", "text", "edit_history_tweet_ids"})
USER_DEFAULT = frozenset({"id", "name", "username"})
MEDIA_DEFAULT = frozenset({"media_key", "type"})
DM_DEFAULT = frozenset({"id", "event_type", "text"})
PROBLEM_TYPE = "application/problem+json"
PROBLEMS = "https://api.twitter.com/2/problems/"


def iso(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def problem(status: int, kind: str | None = None, detail: str | None = None) -> dict[str, Any]:
    """v2 error bodies (RFC 7807 "problem" objects): https://docs.x.com/x-api/fundamentals/
    response-codes-and-errors. 401 and 429 are byte-for-byte what X sends."""
    if kind == "unsupported-authentication":
        return {"title": "Unsupported Authentication",
                "detail": "Authenticating with OAuth 2.0 Application-Only is forbidden for this "
                          "endpoint.  Supported authentication types are [OAuth 1.0a User "
                          "Context, OAuth 2.0 User Context].",
                "type": PROBLEMS + kind, "status": status}
    title = {401: "Unauthorized", 403: "Forbidden", 404: "Not Found Error",
             429: "Too Many Requests", 500: "Internal Server Error",
             503: "Service Unavailable"}.get(status, "Error")
    kind_url = PROBLEMS + "resource-not-found" if status == 404 else "about:blank"
    return {"title": title, "type": kind_url, "status": status, "detail": detail or title}


def invalid_param(name: str, value: str, message: str | None = None) -> dict[str, Any]:
    return {"errors": [{"parameters": {name: [value]},
                        "message": message or f"The `{name}` query parameter value [{value}] "
                                              "is not valid"}],
            "title": "Invalid Request", "detail": "One or more parameters to your request was "
            "invalid.", "type": PROBLEMS + "invalid-request"}


def not_found(resource: str, param: str, value: str) -> dict[str, Any]:
    # Partial errors arrive with HTTP 200 beside (or instead of) `data`.
    return {"value": value, "detail": f"Could not find {resource} with {param}: [{value}].",
            "title": "Not Found Error", "resource_type": resource, "parameter": param,
            "resource_id": value, "type": PROBLEMS + "resource-not-found"}


V11_ERRORS = {
    32: "Could not authenticate you.",
    50: "User not found.",
    220: "Your credentials do not allow access to this resource.",
    453: "You currently have access to a subset of X API V2 endpoints and limited v1.1 "
         "endpoints (e.g. media post, oauth) only. If you need access to this endpoint, you may "
         "need a different access level. You can learn more here: "
         "https://developer.x.com/en/portal/product",
}


def v11_error(code: int) -> dict[str, Any]:
    # v1.1 errors: {"errors": [{"message", "code"}]}; 453 is what Free/Basic apps get.
    return {"errors": [{"message": V11_ERRORS[code], "code": code}]}


def v11_user(user: dict[str, Any]) -> dict[str, Any]:
    # v1.1 user object (blocks/create answers with the blocked user), core fields only.
    created = datetime.fromisoformat(user["created_at"].replace("Z", "+00:00"))
    return {"id": int(user["id"]), "id_str": user["id"], "name": user["name"],
            "screen_name": user["username"], "description": user.get("description", ""),
            "protected": user.get("protected", False),
            "created_at": created.strftime("%a %b %d %H:%M:%S +0000 %Y")}


def shape(obj: dict[str, Any], default: frozenset[str], asked: set[str]) -> dict[str, Any]:
    """The real API returns default fields plus those asked for, never the rest."""
    return {k: v for k, v in obj.items() if not k.startswith("_") and (k in default or k in asked)}


class Fields:
    """The *.fields and expansions query parameters of one request, validated."""

    def __init__(self, tweet: set[str], user: set[str], media: set[str], dm: set[str],
                 expansions: set[str]) -> None:
        self.tweet, self.user, self.media, self.dm = tweet, user, media, dm
        self.expansions = expansions

    @classmethod
    def parse(cls, req: Request) -> Fields | Response:
        parsed: list[set[str]] = []
        for name, allowed in (("tweet.fields", TWEET_FIELDS), ("user.fields", USER_FIELDS),
                              ("media.fields", MEDIA_FIELDS), ("dm_event.fields", DM_FIELDS),
                              ("expansions", EXPANSIONS)):
            values = {v for v in (req.arg(name) or "").split(",") if v}
            bad = sorted(values - allowed)
            if bad:
                message = (f"The `{name}` query parameter value [{bad[0]}] is not one of "
                           f"[{','.join(sorted(allowed))}]")
                return json_response(400, invalid_param(name, bad[0], message))
            parsed.append(values)
        return cls(*parsed)


def max_results(req: Request, low: int, high: int, default: int) -> int | Response:
    raw = req.arg("max_results")
    if raw is None:
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        message = f"The `max_results` query parameter value [{raw}] is not between {low} and {high}"
        return json_response(400, invalid_param("max_results", raw, message))
    return int(raw)


def weighted_length(text: str) -> int:
    # X counts every URL as 23 characters (t.co); CJK double weighting is left out.
    return len(URL_RE.sub("x" * 23, text))


URL_RE = re.compile(r"https?://\S+")
MENTION_RE = re.compile(r"(?<![\w@])@(\w{1,15})")
HASHTAG_RE = re.compile(r"(?<![\w#])#(\w+)")
MEDIA_PREFIX = {"photo": "3", "video": "7", "animated_gif": "16"}


class XStore:
    """Users, tweets, media and DM events as X holds them. Callers hold FakeX.lock."""

    def __init__(self) -> None:
        self.users: dict[str, dict[str, Any]] = {}
        self.by_name: dict[str, str] = {}
        self.tweets: dict[str, dict[str, Any]] = {}
        self.state: dict[str, dict[str, Any]] = {}  # hidden / deleted / mentioned ids
        self.media: dict[str, dict[str, Any]] = {}
        self.dms: list[dict[str, Any]] = []
        self.mutes: dict[str, set[str]] = {}
        self.blocks: dict[str, set[str]] = {}
        self._next_user = 1_000_000_001

    def user(self, ref: str) -> dict[str, Any]:
        """By id or @username; KeyError if unknown."""
        ref = ref.lstrip("@")
        return self.users[ref if ref in self.users else self.by_name[ref.lower()]]

    def add_user(self, username: str, name: str, now: datetime, **profile: Any) -> dict[str, Any]:
        # User object: https://docs.x.com/x-api/fundamentals/data-dictionary#user
        if username.lower() in self.by_name:
            raise ValueError(f"user @{username} already exists")
        user_id = str(self._next_user)
        self._next_user += 1
        user: dict[str, Any] = {
            "id": user_id, "name": name, "username": username, "created_at": iso(now),
            "description": "", "protected": False, "verified": False,
            "public_metrics": {"followers_count": 0, "following_count": 0,
                               "tweet_count": 0, "listed_count": 0},
            "_accepts_dms": True,
        }
        for key, value in profile.items():
            user["_accepts_dms" if key == "accepts_dms" else key] = value
        self.users[user_id] = user
        self.by_name[username.lower()] = user_id
        return dict(user)

    def add_tweet(self, tweet_id: str, author_id: str, text: str, when: datetime, *,
                  reply_to: str | None = None, quote_of: str | None = None,
                  media: list[dict[str, Any]] | None = None,
                  urls: list[str] | None = None, lang: str = "en") -> dict[str, Any]:
        # Tweet object: https://docs.x.com/x-api/fundamentals/data-dictionary#tweet
        author = self.users[author_id]
        tweet: dict[str, Any] = {"id": tweet_id, "edit_history_tweet_ids": [tweet_id],
                                 "author_id": author_id, "created_at": iso(when)}
        start = 0
        refs = []
        if reply_to is not None:
            parent = self.tweets[reply_to]
            handle = self.users[parent["author_id"]]["username"]
            # X puts the replied-to handle in the reply text; display_text_range starts after it.
            own = parent["author_id"] == author_id
            if not own and not text.lower().startswith(f"@{handle.lower()}"):
                text = f"@{handle} {text}"
                start = len(handle) + 2
            refs.append({"type": "replied_to", "id": reply_to})
            tweet["in_reply_to_user_id"] = parent["author_id"]
            tweet["conversation_id"] = parent["conversation_id"]
        if quote_of is not None:
            refs.append({"type": "quoted", "id": self.tweets[quote_of]["id"]})
        tweet.setdefault("conversation_id", tweet_id)
        url_entities = []
        for n, expanded in enumerate(urls or []):
            short = f"https://t.co/{tweet_id[-6:]}u{n}"
            text = text.replace(expanded, short, 1) if expanded in text else f"{text} {short}"
            url_entities.append({"url": short, "expanded_url": expanded,
                                 "display_url": expanded.split("://", 1)[-1][:26]})
        end = len(text)
        keys = []
        for n, item in enumerate(media or []):
            kind = item.get("type", "photo")
            key = f"{MEDIA_PREFIX.get(kind, '3')}_{tweet_id}{n}"
            own = {k: v for k, v in item.items() if k in MEDIA_FIELDS - {"type", "media_key"}}
            url_field = "url" if kind == "photo" else "preview_image_url"
            own.setdefault(url_field, f"{MEDIA_BASE}media/{key}.png")
            self.media[key] = {"media_key": key, "type": kind, **own,
                               "_data": item.get("data", TINY_PNG)}
            keys.append(key)
        if keys:  # one t.co link for all media, with one url entity per media item
            short = f"https://t.co/{tweet_id[-6:]}m"
            text = f"{text} {short}"
            url_entities += [{"url": short, "media_key": key, "display_url": f"pic.x.com/{key}",
                              "expanded_url": f"https://x.com/{author['username']}/status/"
                                              f"{tweet_id}/photo/{n + 1}"}
                             for n, key in enumerate(keys)]
            tweet["attachments"] = {"media_keys": keys}
        tweet["_text"] = text  # as the author wrote it; the wire text is escaped
        entities = self._entities(text, url_entities)
        if len(text) > TEXT_LIMIT:
            note: dict[str, Any] = {"text": x_escape(text)}
            if entities:
                note["entities"] = entities
            tweet["note_tweet"] = note
            text = text[:TEXT_LIMIT]
            entities = self._entities(text, [u for u in url_entities
                                             if u["url"] in text])
        tweet["text"] = x_escape(text)
        if entities:
            tweet["entities"] = entities
        if refs:
            tweet["referenced_tweets"] = refs
        tweet.update({"display_text_range": [start, end], "lang": lang,
                      "possibly_sensitive": False, "reply_settings": "everyone",
                      "public_metrics": {"retweet_count": 0, "reply_count": 0, "like_count": 0,
                                         "quote_count": 0, "bookmark_count": 0,
                                         "impression_count": 0},
                      "edit_controls": {"edits_remaining": 5, "is_edit_eligible": not keys,
                                        "editable_until": iso(when + timedelta(hours=1))}})
        mentioned = {m["id"] for m in entities.get("mentions", []) if "id" in m}
        self.tweets[tweet_id] = tweet
        self.state[tweet_id] = {"hidden": False, "deleted": False, "mentions": mentioned}
        return dict(tweet)

    def _entities(self, text: str, urls: list[dict[str, Any]]) -> dict[str, Any]:
        entities: dict[str, Any] = {}
        mentions = []
        for m in MENTION_RE.finditer(text):
            entity: dict[str, Any] = {"start": m.start(), "end": m.end(), "username": m[1]}
            if m[1].lower() in self.by_name:
                entity["id"] = self.by_name[m[1].lower()]
            mentions.append(entity)
        hashtags = [{"start": m.start(), "end": m.end(), "tag": m[1]}
                    for m in HASHTAG_RE.finditer(text)]
        for entity in urls:
            entity["start"] = text.index(entity["url"])
            entity["end"] = entity["start"] + len(entity["url"])
        for name, items in (("mentions", mentions), ("hashtags", hashtags),
                            ("urls", [{"start": u.pop("start"), "end": u.pop("end"), **u}
                                      for u in urls])):
            if items:
                entities[name] = items
        return entities

    def mentions_of(self, user_id: str) -> list[dict[str, Any]]:
        states = self.state
        return [t for t in self.tweets.values()
                if user_id in states[t["id"]]["mentions"] and not states[t["id"]]["deleted"]]

    def snapshot(self, tweet_id: str) -> dict[str, Any]:
        state = self.state[tweet_id]
        # As people see it on X: the author's own characters, not the wire's escapes.
        return {**self.tweets[tweet_id], "text": self.tweets[tweet_id]["_text"],
                "hidden": state["hidden"], "deleted": state["deleted"]}

    def check_new_tweet(self, author_id: str, text: str, reply_to: str | None) -> Response | None:
        if not text:
            return json_response(400, invalid_param("text", text))
        if weighted_length(text) > 280:
            return json_response(400, invalid_param("text", text[:20], "Your Tweet text is too "
                                                    "long. The maximum is 280 characters."))
        if reply_to is not None and self.state.get(reply_to, {"deleted": True})["deleted"]:
            detail = "You attempted to reply to a Tweet that is deleted or not visible to you."
            return json_response(403, problem(403, detail=detail), {}, PROBLEM_TYPE)
        # X refuses an identical repeat: a retried reply must not be sent twice blindly.
        for t in self.tweets.values():
            if t["author_id"] == author_id and not self.state[t["id"]]["deleted"] and (
                t["_text"] == text or t["_text"].endswith(" " + text)
            ):
                detail = "You are not allowed to create a Tweet with duplicate content."
                return json_response(403, problem(403, detail=detail), {}, PROBLEM_TYPE)
        return None

    def tweet_page(self, tweets: list[dict[str, Any]], fields: Fields) -> dict[str, Any]:
        """`data` plus `includes` for the requested expansions (only those)."""
        exp = fields.expansions
        users: dict[str, None] = {}
        media: dict[str, None] = {}
        refs: dict[str, None] = {}
        for t in tweets:
            if "author_id" in exp:
                users[t["author_id"]] = None
            if "in_reply_to_user_id" in exp and "in_reply_to_user_id" in t:
                users[t["in_reply_to_user_id"]] = None
            if "entities.mentions.username" in exp:
                for m in t.get("entities", {}).get("mentions", []):
                    if "id" in m:
                        users[m["id"]] = None
            if "attachments.media_keys" in exp:
                for key in t.get("attachments", {}).get("media_keys", []):
                    media[key] = None
            if "referenced_tweets.id" in exp:
                for ref in t.get("referenced_tweets", []):
                    if ref["id"] in self.tweets and not self.state[ref["id"]]["deleted"]:
                        refs[ref["id"]] = None
                        if "referenced_tweets.id.author_id" in exp:
                            users[self.tweets[ref["id"]]["author_id"]] = None
        body: dict[str, Any] = {"data": [shape(t, TWEET_DEFAULT, fields.tweet) for t in tweets]}
        includes: dict[str, Any] = {}
        if users:
            includes["users"] = [shape(self.users[u], USER_DEFAULT, fields.user) for u in users]
        if media:
            includes["media"] = [shape(self.media[k], MEDIA_DEFAULT, fields.media) for k in media]
        if refs:
            includes["tweets"] = [shape(self.tweets[i], TWEET_DEFAULT, fields.tweet) for i in refs]
        if includes:
            body["includes"] = includes
        return body

    def add_dm(self, event_id: str, sender: str, recipient: str, text: str,
               when: datetime) -> dict[str, Any]:
        # DM event object: https://docs.x.com/x-api/fundamentals/data-dictionary#dm-event
        # participant_ids is documented for ParticipantsJoin/Leave events, so a one-to-one
        # MessageCreate carries the pair only in dm_conversation_id ("lower-higher").
        low, high = sorted((sender, recipient), key=int)
        event = {"id": event_id, "event_type": "MessageCreate", "text": x_escape(text),
                 "sender_id": sender, "dm_conversation_id": f"{low}-{high}",
                 "created_at": iso(when), "_participants": {sender, recipient}}
        self.dms.append(event)
        return dict(event)

    def may_dm(self, sender: str, recipient: str) -> bool:
        if self.users[recipient]["_accepts_dms"]:
            return True
        return any(e["sender_id"] == recipient and sender in e["_participants"] for e in self.dms)

    def dm_page(self, events: list[dict[str, Any]], fields: Fields) -> dict[str, Any]:
        users: dict[str, None] = {}
        for e in events:
            if "sender_id" in fields.expansions:
                users[e["sender_id"]] = None
            if "participant_ids" in fields.expansions:
                users.update(dict.fromkeys(e.get("participant_ids", [])))
        body: dict[str, Any] = {"data": [shape(e, DM_DEFAULT, fields.dm) for e in events]}
        if users:
            body["includes"] = {"users": [shape(self.users[u], USER_DEFAULT, fields.user)
                                          for u in users]}
        return body


class FakeX(FakeServer):
    """X API v2 (plus v1.1 blocks/create) for the sandbox. Thread-safe."""

    name = "fake-x"

    def __init__(
        self, clock: Clock | None = None, port: int = 0, v11_blocks_allowed: bool = False
    ) -> None:
        super().__init__(clock, port)
        # Standard tiers get error 453 on v1.1 blocks/create; True simulates a tier that allows it.
        self.v11_blocks_allowed = v11_blocks_allowed
        self.store = XStore()
        self._tokens: dict[str, str] = {}  # access token -> user id
        self._last_id = 0
        self._limits: dict[tuple[str, str], tuple[int, float]] = {}
        self._hits: dict[tuple[str, str, str], list[float]] = {}
        r = self.route
        r("GET", "/2/users/me", self._me)
        r("GET", "/2/users/:id/mentions", self._mentions)
        r("GET", "/2/users/:id/muting", self._muting_list)
        r("POST", "/2/users/:id/muting", self._mute)
        r("DELETE", "/2/users/:id/muting/:target", self._unmute)
        r("GET", "/2/tweets", self._lookup)
        r("GET", "/2/tweets/:id", self._lookup)
        r("POST", "/2/tweets", self._create_tweet)
        r("DELETE", "/2/tweets/:id", self._delete_tweet)
        r("PUT", "/2/tweets/:id/hidden", self._hide)
        r("GET", "/2/dm_events", self._dm_events)
        r("POST", "/2/dm_conversations/with/:participant_id/messages", self._send_dm)
        r("POST", "/1.1/blocks/create.json", self._v11_block)
        r("POST", "/1.1/blocks/destroy.json", self._v11_block)
        r("GET", "/1.1/blocks/ids.json", self._v11_blocked_ids)
        r("GET", "/media/:file", self._media_file, auth=False)  # public, as pbs.twimg.com

    # -- scenario set-up (Python side) ----------------------------------------------------------

    def add_user(self, username: str, name: str = "", **profile: Any) -> dict[str, Any]:
        """A member of the public (or any account). Returns its user object (all fields)."""
        with self.lock:
            return self.store.add_user(username, name or username, self.clock.now(), **profile)

    def add_account(self, username: str, name: str = "", **profile: Any) -> dict[str, str]:
        """A watched account: a user plus sandbox credentials, ready for tweepy.Client(**creds).

        The bearer token is app-only (X reads mentions with it by default); the access token
        is the account's user context, which decides who "me" is for DMs, hides and deletes.
        """
        with self.lock:
            user = self.add_user(username, name, **profile)
            token = f"{user['id']}-{SANDBOX_PREFIX}{username.lower()}"
            self._tokens[token] = user["id"]
            return {
                "bearer_token": APP_BEARER,
                "consumer_key": f"{SANDBOX_PREFIX}consumer-key",
                "consumer_secret": f"{SANDBOX_PREFIX}consumer-secret",
                "access_token": token,
                "access_token_secret": f"{SANDBOX_PREFIX}token-secret-{user['id']}",
            }

    def user_id(self, ref: str) -> str:
        """Id of a user by id or @username (KeyError if unknown)."""
        with self.lock:
            return str(self.store.user(ref)["id"])

    def _new_id(self, when: datetime) -> str:
        self._last_id = max(snowflake(when), self._last_id + 1)
        return str(self._last_id)

    def add_tweet(
        self,
        author: str,
        text: str,
        *,
        reply_to: str | None = None,
        quote_of: str | None = None,
        media: Iterable[dict[str, Any]] = (),
        urls: Iterable[str] = (),
        created_at: datetime | None = None,
        lang: str = "en",
    ) -> dict[str, Any]:
        """Post as `author` (username or id). Replies get the "@parent " prefix X adds.
        `lang` is X's BCP 47 guess at the language ("und" when it cannot tell)."""
        when = (created_at or self.clock.now()).astimezone(UTC)
        with self.lock:
            tweet_id = self._new_id(when)
            return self.store.add_tweet(
                tweet_id, self.store.user(author)["id"], text, when, reply_to=reply_to,
                quote_of=quote_of, media=list(media), urls=list(urls), lang=lang,
            )

    def add_dm(
        self, sender: str, recipient: str, text: str, created_at: datetime | None = None
    ) -> dict[str, Any]:
        when = (created_at or self.clock.now()).astimezone(UTC)
        with self.lock:
            return self.store.add_dm(
                self._new_id(when), self.store.user(sender)["id"],
                self.store.user(recipient)["id"], text, when,
            )

    def set_rate_limit(self, method: str, path: str, limit: int, window_s: float = 900) -> None:
        """Enforce a real-style per-user window, e.g. hide replies: 50 per 15 minutes."""
        with self.lock:
            self._limits[(method.upper(), path)] = (limit, window_s)

    def rate_limit_next(self, path: str, reset_at: int | None = None, times: int = 1,
                        after: int = 0) -> None:
        """The next `times` requests to `path` get X's 429 with x-rate-limit-reset."""
        reset = reset_at if reset_at is not None else int(self.clock.now().timestamp()) + 900
        headers = {"x-rate-limit-limit": "0", "x-rate-limit-remaining": "0",
                   "x-rate-limit-reset": str(reset)}
        self.inject(path, 429, problem(429), headers, times, content_type=PROBLEM_TYPE,
                    after=after)

    def usage_cap_next(self, path: str, period: str = "Monthly", times: int = 1) -> None:
        """The plan's Post-read cap is used up: X's 429 "usage-capped" problem, as recorded from
        the API (xdevplatform/xdk issue #25). Unlike a rate limit, the x-rate-limit headers
        still show plenty remaining; waiting 15 minutes does not help."""
        body = {"account_id": "1", "product_name": "standard-basic", "title": "UsageCapExceeded",
                "period": period, "scope": "Product",
                "detail": f"Usage cap exceeded: {period} product cap",
                "type": PROBLEMS + "usage-capped"}
        reset = int(self.clock.now().timestamp()) + 900
        headers = {"x-rate-limit-limit": "40000", "x-rate-limit-remaining": "39999",
                   "x-rate-limit-reset": str(reset)}
        self.inject(path, 429, body, headers, times, content_type=PROBLEM_TYPE)

    def suspend(self, ref: str) -> None:
        """X suspends the account: reads about it answer 200 with only `errors` (no data,
        no meta), the shape of a v2 partial error (fundamentals/response-codes-and-errors)."""
        with self.lock:
            self.store.user(ref)["_suspended"] = True

    def set_access_level(self, ref: str, level: str) -> None:
        """The app permission X reports in the `x-access-level` header of every user-context
        answer: "read", "read-write" or "read-write-directmessages"."""
        with self.lock:
            self.store.user(ref)["_access_level"] = level

    def handle(self, req: Request) -> Response:
        resp = super().handle(req)
        if req.identity is not None:
            with self.lock:
                user = self.store.users.get(req.identity, {})
                resp.headers.setdefault("x-access-level",
                                        user.get("_access_level", "read-write-directmessages"))
        return resp

    def mount(self, session: requests.Session) -> list[FakeHostAdapter]:
        """Point a tweepy.Client/API session (api.twitter.com and api.x.com) at this fake."""
        return [mount_fake(session, base, self.url) for base in (*REAL_BASES, MEDIA_BASE)]

    # -- inspection for tests and the stand-in page ---------------------------------------------

    def tweet(self, tweet_id: str) -> dict[str, Any]:
        """Full state of a tweet: the wire object plus hidden/deleted flags."""
        with self.lock:
            return self.store.snapshot(tweet_id)

    def dms(self) -> list[dict[str, Any]]:
        """Every DM event, with its text as people read it (the wire's escapes undone)."""
        with self.lock:
            return [{**e, "text": html.unescape(e["text"])} for e in self.store.dms]

    def timeline(self) -> list[dict[str, Any]]:
        """Every tweet ever posted, oldest first, with hidden/deleted flags (deleted kept)."""
        with self.lock:
            return [self.store.snapshot(t) for t in sorted(self.store.tweets, key=int)]

    def users(self) -> list[dict[str, Any]]:
        with self.lock:
            return [shape(u, USER_DEFAULT, {"created_at"}) for u in self.store.users.values()]

    def muted(self, user_id: str) -> set[str]:
        with self.lock:
            return set(self.store.mutes.get(user_id, set()))

    def blocked(self, user_id: str) -> set[str]:
        with self.lock:
            return set(self.store.blocks.get(user_id, set()))

    # -- auth -----------------------------------------------------------------------------------

    def authorize(self, req: Request) -> Response | None:
        v11 = req.path.startswith("/1.1/")
        header = req.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        if scheme == "Bearer" and value in self._tokens:  # OAuth 2.0 user context
            req.identity = self._tokens[value]
            return self._check_limit(req)
        if scheme == "Bearer" and value.startswith(SANDBOX_PREFIX):  # app-only
            if v11:
                return json_response(403, v11_error(220))
            return self._check_limit(req)
        if scheme == "OAuth":
            params = _oauth_params(value)
            keys = params.get("oauth_consumer_key", ""), params.get("oauth_token", "")
            sandboxed = keys[0].startswith(SANDBOX_PREFIX) and SANDBOX_ACCESS_TOKEN.match(keys[1])
            if sandboxed and keys[1] in self._tokens:
                req.identity = self._tokens[keys[1]]
                return self._check_limit(req)
        # Missing, real or unknown credentials: X's own 401, nothing else.
        if v11:
            return json_response(401, v11_error(32))
        return json_response(401, problem(401), content_type=PROBLEM_TYPE)

    def _check_limit(self, req: Request) -> Response | None:
        now = self.clock.now().timestamp()
        with self.lock:
            for (method, path), (limit, window) in self._limits.items():
                if method != req.method or not compile_path(path).match(req.path):
                    continue
                hits = self._hits.setdefault((req.identity or "app", method, path), [])
                hits[:] = [t for t in hits if t > now - window]
                if len(hits) >= limit:
                    reset = str(int(hits[0] + window))
                    headers = {"x-rate-limit-limit": str(limit), "x-rate-limit-remaining": "0",
                               "x-rate-limit-reset": reset}
                    return json_response(429, problem(429), headers, PROBLEM_TYPE)
                hits.append(now)
        return None

    def _user_context(self, req: Request) -> Response | None:
        if req.identity is None:
            return json_response(403, problem(403, "unsupported-authentication"),
                                 content_type=PROBLEM_TYPE)
        return None

    # -- GET endpoints --------------------------------------------------------------------------

    def _me(self, req: Request, p: dict[str, str]) -> Response:
        # GET /2/users/me: https://docs.x.com/x-api/users/get-my-user
        if (refusal := self._user_context(req)) is not None:
            return refusal
        fields = Fields.parse(req)
        if isinstance(fields, Response):
            return fields
        with self.lock:
            return json_response(200, {"data": shape(self.store.users[req.identity],
                                                       USER_DEFAULT, fields.user)})

    def _mentions(self, req: Request, p: dict[str, str]) -> Response:
        # GET /2/users/:id/mentions: https://docs.x.com/x-api/posts/get-mentions
        fields = Fields.parse(req)
        if isinstance(fields, Response):
            return fields
        size = max_results(req, 5, 100, 10)
        if isinstance(size, Response):
            return size
        with self.lock:
            if p["id"] not in self.store.users:
                return json_response(200, {"errors": [not_found("user", "id", p["id"])]})
            if self.store.users[p["id"]].get("_suspended"):
                return json_response(200, {"errors": [{
                    "value": p["id"], "detail": f"User has been suspended: [{p['id']}].",
                    "title": "Forbidden", "resource_type": "user", "parameter": "id",
                    "resource_id": p["id"], "type": PROBLEMS + "resource-not-found"}]})
            pool = sorted(self.store.mentions_of(p["id"]), key=lambda t: -int(t["id"]))
            pool = pool[:MENTIONS_REACHABLE]
            return self._page(req, pool, size, "mentions",
                              lambda page: self.store.tweet_page(page, fields))

    def _dm_events(self, req: Request, p: dict[str, str]) -> Response:
        # GET /2/dm_events: https://docs.x.com/x-api/direct-messages/get-dm-events
        if (refusal := self._user_context(req)) is not None:
            return refusal
        fields = Fields.parse(req)
        if isinstance(fields, Response):
            return fields
        size = max_results(req, 1, 100, 100)
        if isinstance(size, Response):
            return size
        types = set((req.arg("event_types") or "MessageCreate").split(","))
        with self.lock:
            pool = [e for e in reversed(self.store.dms)
                    if req.identity in e["_participants"] and e["event_type"] in types]
            pool.sort(key=lambda e: -int(e["id"]))
            return self._page(req, pool, size, "dm_events",
                              lambda page: self.store.dm_page(page, fields))

    def _page(self, req: Request, pool: list[dict[str, Any]], size: int, kind: str,
              render: Callable[[list[dict[str, Any]]], dict[str, Any]]) -> Response:
        """Newest-first paging shared by mentions and DM events (meta per the v2 pagination doc:
        https://docs.x.com/x-api/fundamentals/pagination)."""
        since, until = req.arg("since_id"), req.arg("until_id")
        for name, value in (("since_id", since), ("until_id", until)):
            if value is not None and not value.isdigit():
                return json_response(400, invalid_param(name, value))
        if since:
            pool = [t for t in pool if int(t["id"]) > int(since)]
        if until:
            pool = [t for t in pool if int(t["id"]) < int(until)]
        token = req.arg("pagination_token")
        if token:
            after = _untoken(token, kind)
            if after is None:
                return json_response(400, invalid_param("pagination_token", token))
            pool = [t for t in pool if int(t["id"]) < int(after)]
        page, rest = pool[:size], pool[size:]
        meta: dict[str, Any] = {"result_count": len(page)}
        if not page:
            return json_response(200, {"meta": meta})
        body: dict[str, Any] = render(page)
        meta["newest_id"], meta["oldest_id"] = page[0]["id"], page[-1]["id"]
        if rest:
            meta["next_token"] = _token(kind, page[-1]["id"])
        body["meta"] = meta
        return json_response(200, body)

    def _lookup(self, req: Request, p: dict[str, str]) -> Response:
        # GET /2/tweets and /2/tweets/:id: https://docs.x.com/x-api/posts/get-posts-by-ids
        fields = Fields.parse(req)
        if isinstance(fields, Response):
            return fields
        ids = [p["id"]] if "id" in p else (req.arg("ids") or "").split(",")
        with self.lock:
            found = [self.store.tweets[i] for i in ids
                     if i in self.store.tweets and not self.store.state[i]["deleted"]]
            missing = [i for i in ids if i not in {t["id"] for t in found}]
            body = self.store.tweet_page(found, fields) if found else {}
        if "id" in p and found:
            body["data"] = body["data"][0]
        param = "id" if "id" in p else "ids"
        if missing:
            body["errors"] = [not_found("tweet", param, i) for i in missing]
        return json_response(200, body)

    def _muting_list(self, req: Request, p: dict[str, str]) -> Response:
        # GET /2/users/:id/muting: https://docs.x.com/x-api/users/get-muting
        if (refusal := self._user_context(req)) is not None:
            return refusal
        with self.lock:
            users = [shape(self.store.users[u], USER_DEFAULT, set())
                     for u in sorted(self.store.mutes.get(p["id"], set()))]
        body: dict[str, Any] = {"meta": {"result_count": len(users)}}
        if users:
            body["data"] = users
        return json_response(200, body)

    # -- write endpoints ------------------------------------------------------------------------

    def _create_tweet(self, req: Request, p: dict[str, str]) -> Response:
        # POST /2/tweets: https://docs.x.com/x-api/posts/create-post  (201 {"data": {...}})
        if (refusal := self._user_context(req)) is not None:
            return refusal
        body = req.json() or {}
        text = body.get("text", "")
        reply_to = (body.get("reply") or {}).get("in_reply_to_tweet_id")
        with self.lock:
            error = self.store.check_new_tweet(req.identity or "", text, reply_to)
            if error is not None:
                return error
            tweet = self.store.add_tweet(self._new_id(self.clock.now()), req.identity or "",
                                         text, self.clock.now(), reply_to=reply_to)
        data = {k: tweet[k] for k in ("id", "text", "edit_history_tweet_ids")}
        return json_response(201, {"data": data})

    def _delete_tweet(self, req: Request, p: dict[str, str]) -> Response:
        # DELETE /2/tweets/:id: https://docs.x.com/x-api/posts/delete-post
        if (refusal := self._user_context(req)) is not None:
            return refusal
        with self.lock:
            tweet = self.store.tweets.get(p["id"])
            if tweet is None:
                return json_response(404, problem(404), content_type=PROBLEM_TYPE)
            if tweet["author_id"] != req.identity:
                return json_response(403, problem(403, detail="You are not allowed to delete "
                                                    "a Tweet you did not author."),
                                     content_type=PROBLEM_TYPE)
            self.store.state[p["id"]]["deleted"] = True
        return json_response(200, {"data": {"deleted": True}})

    def _hide(self, req: Request, p: dict[str, str]) -> Response:
        # PUT /2/tweets/:id/hidden: https://docs.x.com/x-api/posts/hide-reply
        # "The Tweet must belong to a conversation initiated by the authenticating user."
        if (refusal := self._user_context(req)) is not None:
            return refusal
        hidden = bool((req.json() or {}).get("hidden"))
        with self.lock:
            tweet = self.store.tweets.get(p["id"])
            if tweet is None or self.store.state[p["id"]]["deleted"]:
                return json_response(404, problem(404), content_type=PROBLEM_TYPE)
            root = self.store.tweets.get(tweet["conversation_id"])
            if tweet["conversation_id"] == tweet["id"] or root is None or (
                root["author_id"] != req.identity
            ):
                return json_response(403, problem(403, detail="You can only hide replies to "
                                                    "conversations you started."),
                                     content_type=PROBLEM_TYPE)
            self.store.state[p["id"]]["hidden"] = hidden
        return json_response(200, {"data": {"hidden": hidden}})

    def _mute(self, req: Request, p: dict[str, str]) -> Response:
        # POST /2/users/:id/muting: https://docs.x.com/x-api/users/mute-user
        if (refusal := self._user_context(req)) is not None:
            return refusal
        target = str((req.json() or {}).get("target_user_id", ""))
        with self.lock:
            if p["id"] != req.identity:
                return json_response(403, problem(403), content_type=PROBLEM_TYPE)
            if target not in self.store.users:
                return json_response(400, invalid_param("target_user_id", target))
            self.store.mutes.setdefault(p["id"], set()).add(target)
        return json_response(200, {"data": {"muting": True}})

    def _unmute(self, req: Request, p: dict[str, str]) -> Response:
        # DELETE /2/users/:source_user_id/muting/:target_user_id
        if (refusal := self._user_context(req)) is not None:
            return refusal
        if p["id"] != req.identity:
            return json_response(403, problem(403), content_type=PROBLEM_TYPE)
        with self.lock:
            self.store.mutes.get(p["id"], set()).discard(p["target"])
        return json_response(200, {"data": {"muting": False}})

    def _send_dm(self, req: Request, p: dict[str, str]) -> Response:
        # POST /2/dm_conversations/with/:participant_id/messages:
        # https://docs.x.com/x-api/direct-messages/create-dm-message-by-participant-id
        if (refusal := self._user_context(req)) is not None:
            return refusal
        text = (req.json() or {}).get("text", "")
        with self.lock:
            recipient = self.store.users.get(p["participant_id"])
            if recipient is None:
                return json_response(400, invalid_param("participant_id", p["participant_id"]))
            if not text:
                return json_response(400, invalid_param("text", text))
            if not self.store.may_dm(req.identity or "", recipient["id"]):
                return json_response(403, problem(403, detail="You cannot send messages to "
                                                    "this user."), content_type=PROBLEM_TYPE)
            event = self.store.add_dm(self._new_id(self.clock.now()), req.identity or "",
                                      recipient["id"], text, self.clock.now())
        return json_response(201, {"data": {"dm_conversation_id": event["dm_conversation_id"],
                                            "dm_event_id": event["id"]}})

    def _media_file(self, req: Request, p: dict[str, str]) -> Response:
        wanted = f"{MEDIA_BASE}media/{p['file']}"
        with self.lock:
            media = self.store.media.get(p["file"].rsplit(".", 1)[0]) or next(
                (m for m in self.store.media.values()
                 if wanted in (m.get("url"), m.get("preview_image_url"))), None)
        if media is None:
            return Response(404, b"", content_type="text/plain")
        kind = "image/png" if p["file"].endswith(".png") else "image/jpeg"
        return Response(200, media["_data"], content_type=kind)

    def _v11_blocked_ids(self, req: Request, p: dict[str, str]) -> Response:
        # GET /1.1/blocks/ids.json: the same v1.1 family as blocks/create, refused alike (453)
        if not self.v11_blocks_allowed:
            return json_response(403, v11_error(453))
        with self.lock:
            ids = sorted(self.store.blocks.get(req.identity or "", set()), key=int)
        return json_response(200, {"ids": ids, "next_cursor": 0, "next_cursor_str": "0",
                                   "previous_cursor": 0, "previous_cursor_str": "0"})

    def _v11_block(self, req: Request, p: dict[str, str]) -> Response:
        # POST /1.1/blocks/create.json (v1.1; standard tiers get code 453)
        if not self.v11_blocks_allowed:
            return json_response(403, v11_error(453))
        args = {**{k: v[-1] for k, v in req.query.items()}, **req.form()}
        with self.lock:
            try:
                user = self.store.user(args.get("user_id") or args.get("screen_name") or "")
            except KeyError:
                return json_response(404, v11_error(50))
            blocks = self.store.blocks.setdefault(req.identity or "", set())
            if req.path.endswith("create.json"):
                blocks.add(user["id"])
            else:
                blocks.discard(user["id"])
            return json_response(200, v11_user(user))
