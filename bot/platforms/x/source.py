"""X (Twitter) source: mentions and DMs through tweepy.Client, API v2."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import requests
import tweepy

from bot.core.clock import Clock
from bot.core.config import XAccount
from bot.core.models import Mention, X
from bot.platforms.base import EdgePoll, KnownIds, Page, PollWarning, RateLimited, SourceError
from bot.platforms.http import TimeoutSession
from bot.platforms.x import parse as x_parse
from bot.platforms.x.limits import errors_only, usage_cap

log = logging.getLogger(__name__)

MENTIONS = "mentions"
DMS = "dms"
DM_PAGE_LIMIT = 30  # 30 x 100 events per poll; a poll that stops short resumes


def make_client(account: XAccount, session: requests.Session | None = None) -> tweepy.Client:
    """A user-context client; `session` lets the sandbox mount its transport adapter."""
    client = tweepy.Client(
        consumer_key=account.consumer_key.get_secret_value(),
        consumer_secret=account.consumer_secret.get_secret_value(),
        access_token=account.access_token.get_secret_value(),
        access_token_secret=account.access_token_secret.get_secret_value(),
        return_type=dict,
        # Never sleep inside a scheduler job: we skip the source until reset instead.
        wait_on_rate_limit=False,
    )
    client.session = session or TimeoutSession()
    return client


class XSource:
    platform = X

    def __init__(
        self,
        account: XAccount,
        client: tweepy.Client,
        clock: Clock,
        reach: int = 800,
    ) -> None:
        self.account_cfg = account
        self.account = account.name
        self.client = client
        self.clock = clock
        self.reach = reach

    def edges(self) -> list[str]:
        return [f"x:{self.account}:{MENTIONS}", f"x:{self.account}:{DMS}"]

    def poll(self, edge: str, cursor: str | None, known: KnownIds) -> EdgePoll:
        warnings: list[PollWarning] = []
        if edge.endswith(MENTIONS):
            return EdgePoll(edge, self._mention_pages(cursor, warnings), warnings)
        if edge.endswith(DMS):
            return EdgePoll(edge, self._dm_pages(cursor, known), warnings)
        raise ValueError(f"unknown edge {edge}")

    # -- calls -------------------------------------------------------------------------

    def _call(self, fn: Callable[..., Any], **kwargs: Any) -> dict[str, Any]:
        try:
            result = fn(**kwargs, user_auth=True)
        except tweepy.TooManyRequests as exc:
            capped = usage_cap(exc.response, self.account, fn.__name__, self.clock.now())
            if capped is not None:
                raise capped from None
            reset = exc.reset_time
            until = (
                datetime.fromtimestamp(reset, UTC)
                if reset
                else self.clock.now() + timedelta(minutes=15)
            )
            raise RateLimited(until, f"(X {fn.__name__})") from None
        except tweepy.Unauthorized:
            raise SourceError(
                f"X refused the credentials of account {self.account} (401)",
                needs_person=True,
                fix="Regenerate the access token and secret in the X developer portal and "
                "update FEEDWATCH_ACCOUNTS, then run `feedwatch check`.",
            ) from None
        except tweepy.Forbidden as exc:
            raise SourceError(
                f"X forbade {fn.__name__} for account {self.account} (403: {_api_errors(exc)})",
                needs_person=True,
                fix="Check the app's access level and that it has Read and Direct message "
                "permissions; regenerate the tokens after changing permissions.",
            ) from None
        except tweepy.HTTPException as exc:
            raise SourceError(
                f"X answered {exc.response.status_code} to {fn.__name__}: {_api_errors(exc)}"
            ) from None
        except (requests.RequestException, ValueError) as exc:
            # ValueError covers a body that is not JSON (requests' JSONDecodeError)
            raise SourceError(f"X {fn.__name__} failed: {type(exc).__name__}") from None
        if not isinstance(result, dict):
            raise SourceError(f"X {fn.__name__} returned {type(result).__name__}, not an object")
        failed = errors_only(result, self.account, fn.__name__)
        if failed is not None:
            raise failed
        return result

    # -- mentions ----------------------------------------------------------------------

    def _mention_pages(self, since_id: str | None, warnings: list[PollWarning]) -> Iterator[Page]:
        own = self.account_cfg.user_id
        token: str | None = None
        newest: str | None = None
        fetched = 0
        while True:
            params: dict[str, Any] = {
                "id": own,
                "max_results": 100,
                "expansions": x_parse.EXPANSIONS,
                "tweet_fields": x_parse.TWEET_FIELDS,
                "user_fields": x_parse.USER_FIELDS,
                "media_fields": x_parse.MEDIA_FIELDS,
            }
            if since_id:
                params["since_id"] = since_id
            if token:
                params["pagination_token"] = token
            payload = self._call(self.client.get_users_mentions, **params)
            meta = x_parse.as_dict(payload.get("meta"))
            newest = newest or x_parse.as_str(meta.get("newest_id")) or None
            users, media, refs = x_parse.index_includes(payload)
            mentions: list[Mention] = []
            now = self.clock.now()
            for tweet in _items(payload):
                fetched += 1
                if x_parse.as_str(tweet.get("author_id")) == own:
                    continue  # our own posts and replies: never alerted (no echo loop)
                mentions.append(
                    x_parse.tweet_to_mention(tweet, self.account, own, users, media, refs, now)
                )
            token = x_parse.as_str(meta.get("next_token")) or None
            if not token:
                if since_id and fetched >= self.reach:
                    warnings.append(self._gap_warning(since_id, payload))
                yield Page(mentions, cursor=newest or since_id, final=True)
                return
            yield Page(mentions)

    def _gap_warning(self, since_id: str, payload: dict[str, Any]) -> PollWarning:
        oldest = x_parse.as_str(x_parse.as_dict(payload.get("meta")).get("oldest_id")) or "?"
        return PollWarning(
            key=f"x-gap:{self.account}:{since_id}",
            title=f"Possible gap in X mentions for {self.account}",
            body=(
                f"X returns only the newest {self.reach} mentions, and this poll reached that many "
                f"without getting back to the last one seen (tweet {since_id}). Mentions between "
                f"tweet {since_id} and tweet {oldest} may not have been fetched."
            ),
            fix="Search X for mentions of the account over that period and review them there.",
        )

    # -- direct messages ---------------------------------------------------------------

    def _dm_pages(self, cursor: str | None, known: KnownIds) -> Iterator[Page]:
        """DM events newest first, back to the stored cursor: the newest event of the last poll
        that reached it. X has no since_id for DMs, and pages already stored do not mean the
        rest is: a poll cut short (a 429 or 503 on a later page) leaves the cursor where it was,
        so the next poll reads past the stored pages to the ones it missed."""
        own = self.account_cfg.user_id
        token: str | None = None
        newest: str | None = None
        for _ in range(DM_PAGE_LIMIT):
            params: dict[str, Any] = {
                "max_results": 100,
                "event_types": "MessageCreate",
                "dm_event_fields": x_parse.DM_FIELDS,
                "expansions": ["sender_id", "attachments.media_keys"],
                "user_fields": x_parse.USER_FIELDS,
                "media_fields": x_parse.MEDIA_FIELDS,
            }
            if token:
                params["pagination_token"] = token
            payload = self._call(self.client.get_direct_message_events, **params)
            users, media, _ = x_parse.index_includes(payload)
            events = _items(payload)
            if newest is None and events:
                newest = str(events[0]["id"])
            ids = [f"dm:{e['id']}" for e in events]
            already = known(ids)
            now = self.clock.now()
            mentions = [
                x_parse.dm_to_mention(e, self.account, users, media, now)
                for e in events
                if e.get("event_type", "MessageCreate") == "MessageCreate"
                and str(e.get("sender_id")) != own  # DMs the team sent: never alerted
                and f"dm:{e['id']}" not in already
            ]
            token = x_parse.as_str(x_parse.as_dict(payload.get("meta")).get("next_token")) or None
            reached = cursor is not None and any(_not_newer(str(e["id"]), cursor)
                                                 for e in events)
            if not token or reached:
                yield Page(mentions, cursor=newest or cursor, final=True)
                return
            yield Page(mentions)
        # Page limit reached before the cursor: keep it, so the next poll reads on from there
        # rather than skipping what is older.
        log.warning("x:%s:dms: %d pages read without reaching the last poll's newest DM",
                    self.account, DM_PAGE_LIMIT)
        yield Page([], cursor=None, final=True)


def _not_newer(event_id: str, cursor: str) -> bool:
    """X ids are snowflakes: a larger number is a later event."""
    try:
        return int(event_id) <= int(cursor)
    except ValueError:
        return event_id == cursor


def _items(payload: dict[str, Any]) -> list[dict[str, Any]]:
    """The `data` items that have an id; anything else is logged (by id-less count), not fatal."""
    data = payload.get("data")
    items = data if isinstance(data, list) else []
    good = [i for i in items if isinstance(i, dict) and x_parse.as_str(i.get("id"))]
    if len(good) != len(items):
        log.warning("X returned %d item(s) without an id; skipped", len(items) - len(good))
    return good


def _api_errors(exc: tweepy.HTTPException) -> str:
    msgs = list(getattr(exc, "api_messages", None) or getattr(exc, "api_errors", None) or [])
    return "; ".join(str(m) for m in msgs)[:300] or "no detail"
