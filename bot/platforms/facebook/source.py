"""Facebook Page source: comments and replies, visitor posts, tags and Messenger, through
facebook-sdk's GraphAPI (one client per Page, each with its own Page token)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests

from bot.core.clock import Clock
from bot.core.config import FacebookPage
from bot.core.models import FACEBOOK, KIND_TAG, KIND_VISITOR_POST, Mention
from bot.platforms.base import EdgePoll, KnownIds, Page, PollWarning, RateLimited, SourceError
from bot.platforms.facebook import parse as fp
from bot.platforms.facebook.graph import FALLBACK_PAUSE, PageGraph, Usage, facebook
from bot.platforms.http import TimeoutSession

GraphAPIError = facebook.GraphAPIError
log = logging.getLogger(__name__)

COMMENTS, VISITOR_POSTS, TAGGED, DMS = "comments", "visitor_posts", "tagged", "dms"
# Re-read this far behind the cursor: Graph can list an item a little after its created_time.
# Re-read items are dropped by id when stored, so the overlap costs requests, never duplicates.
OVERLAP = timedelta(minutes=10)
# 80001: the Pages business-use-case limit; 341: "application limit reached" (a temporary
# limit on the app's calls: back off, a person need not act).
RATE_LIMIT_CODES = frozenset({4, 17, 32, 341, 613, 80001})
MAX_PAGES = 50  # per listing per poll: a loop guard, far above what a poll normally reads
TOKEN_FIX = (
    "Generate a new long-lived Page access token for Page {page} (from a long-lived user token "
    "of a Page admin, with the permissions in the README), put it in page_token for {page} in "
    "FEEDWATCH_ACCOUNTS, restart feedwatch and run `feedwatch check`."
)
BLOCKED_FIX = (
    "Meta has temporarily blocked Page {page} from this (Graph code 368: an action deemed "
    "abusive or against its policies). Check the Page's Account Status / Support Inbox in Meta "
    "Business Suite, and read the Page's comments there until it is lifted; feedwatch keeps "
    "trying and says nothing more until it works."
)
PERMISSION_FIX = (
    "Grant the permission named above to the Meta app (App Review: Advanced Access for a live "
    "app), re-authorise Page {page} with it, generate a new Page token, update "
    "FEEDWATCH_ACCOUNTS and run `feedwatch check`."
)


def make_graph(page: FacebookPage, version: str, session: requests.Session | None = None,
               app_secret: str | None = None) -> PageGraph:
    """The one place a GraphAPI is built (bot/platforms/facebook/graph.py: timeout, token in a
    header, appsecret_proof). facebook-sdk 3.1.0 defaults to Graph v2.8 and its constructor
    rejects two-digit versions ("21.0"), so construct without one and set it."""
    graph = PageGraph(page.page_token.get_secret_value(), session or TimeoutSession(),
                      app_secret=app_secret)
    graph.version = version
    return graph


class _Poll:
    """One poll of one edge: where to stop reading, the newest time seen (the next cursor)
    and warnings for a person."""

    def __init__(self, edge: str, cursor: str | None, now: datetime, window: timedelta) -> None:
        self.edge = edge
        self.now = now
        self.newest = fp.parse_time(cursor) if cursor else None
        self.floor = self.newest - OVERLAP if self.newest else now - window
        self.warnings: list[PollWarning] = []

    def see(self, when: datetime) -> None:
        if self.newest is None or when > self.newest:
            self.newest = when

    @property
    def cursor(self) -> str | None:
        return self.newest.isoformat() if self.newest else None


class FacebookSource:
    platform = FACEBOOK

    def __init__(self, page: FacebookPage, graph: facebook.GraphAPI, clock: Clock,
                 window_days: int = 30) -> None:
        self.page = page
        self.account = page.name
        self.graph = graph
        self.clock = clock
        self.window = timedelta(days=window_days)
        self._paused_until: datetime | None = None
        # Which edge first reported each problem (token, a permission): only that edge asks
        # for a person, so an expired token makes one admin alert, not one per edge.
        self._problem_owner: dict[str, str] = {}

    def edges(self) -> list[str]:
        return [f"facebook:{self.account}:{e}" for e in (COMMENTS, VISITOR_POSTS, TAGGED, DMS)]

    def poll(self, edge: str, cursor: str | None, known: KnownIds) -> EdgePoll:
        # `known` is not needed: reads stop at the cursor's time, and the pipeline drops
        # re-read items by id in the same transaction that stores the rest.
        state = _Poll(edge, cursor, self.clock.now(), self.window)
        if self._paused_until is not None and state.now < self._paused_until:
            # A rate limit on one edge holds back the whole Page; other Pages go on.
            raise RateLimited(self._paused_until, f"(Facebook Page {self.account})")
        readers: dict[str, Callable[[_Poll], Iterator[list[Mention]]]] = {
            COMMENTS: self._comments,
            VISITOR_POSTS: lambda st: self._posts(st, "visitor_posts", KIND_VISITOR_POST),
            TAGGED: lambda st: self._posts(st, "tagged", KIND_TAG),
            DMS: self._messages,
        }
        reader = readers.get(edge.rsplit(":", 1)[-1])
        if reader is None or not edge.startswith(f"facebook:{self.account}:"):
            raise ValueError(f"unknown edge {edge}")
        return EdgePoll(edge, self._pages(state, reader(state)), state.warnings)

    # -- paging ---------------------------------------------------------------------------

    def _pages(self, state: _Poll, batches: Iterator[list[Mention]]) -> Iterator[Page]:
        """Each batch is stored as it arrives (a failure later keeps it); the cursor comes
        last, on its own, once everything it covers is stored."""
        for batch in batches:
            if batch:
                yield Page(batch)
        yield Page([], cursor=state.cursor, final=True)
        # Resumed once more after the final page is stored: this edge works again.
        self._problem_owner = {k: v for k, v in self._problem_owner.items()
                               if v != state.edge}

    def _listing(self, state: _Poll, obj_id: str, connection: str,
                 args: dict[str, Any]) -> Iterator[list[dict[str, Any]]]:
        """The items of every page of a listing, following `paging.next`. Only its query is
        reused (without the token): requests stay on our client, host and path."""
        seen: set[tuple[tuple[str, str], ...]] = set()
        for _ in range(MAX_PAGES):
            payload = self._call(state.edge, obj_id, connection, args)
            items = [i for i in payload.get("data") or [] if isinstance(i, dict) and "id" in i]
            yield items
            nxt = (payload.get("paging") or {}).get("next")
            if not nxt or not items:
                return
            args = {k: v[-1] for k, v in parse_qs(urlsplit(str(nxt)).query).items()
                    if k != "access_token"}
            key = tuple(sorted(args.items()))
            if key in seen:
                log.warning("Facebook %s: %s/%s repeated a page; stopping there", state.edge,
                            obj_id, connection)
                return
            seen.add(key)
        state.warnings.append(PollWarning(
            key=f"fb-gap:{state.edge}:{obj_id}:{state.cursor}",
            title=f"Possible gap in Facebook {connection} for {self.account}",
            body=f"A single poll of {obj_id}/{connection} reached {MAX_PAGES} pages and stopped; "
                 "older items on it may not have been fetched.",
            fix="Review the Page's recent activity in Meta Business Suite."))

    # -- edges ----------------------------------------------------------------------------

    def _comments(self, state: _Poll) -> Iterator[list[Mention]]:
        """Comments and replies on the Page's posts (and visitor posts) of the window, newest
        first, skipping posts with no activity since the cursor."""
        own = self.page.page_id
        window_start = state.now - self.window
        posts: list[dict[str, Any]] = []
        feed_args = {"fields": fp.FEED_FIELDS, "since": int(window_start.timestamp()),
                     "limit": 100}
        for items in self._listing(state, own, "feed", feed_args):
            # updated_time moves when someone comments (Graph Post reference).
            posts += [p for p in items if fp.parse_time(p.get("updated_time")) >= state.floor
                      and fp.parse_time(p.get("created_time")) >= window_start]
            if any(fp.parse_time(p.get("created_time")) < window_start for p in items):
                break  # newest first: the rest are older than the window
        args = {"filter": "stream", "order": "reverse_chronological",
                "fields": fp.COMMENT_FIELDS, "limit": 100}
        for post in posts:
            for items in self._listing(state, str(post["id"]), "comments", dict(args)):
                batch, older = [], False
                for c in items:
                    when = fp.parse_time(c.get("created_time"))
                    if when < state.floor:
                        older = True  # newest first: everything after this was seen before
                        break
                    state.see(when)
                    if fp.from_id(c) != own:  # the Page's own comments: never alerted
                        batch.append(fp.comment_to_mention(c, self.account, post))
                yield batch
                if older:
                    break

    def _posts(self, state: _Poll, connection: str, kind: str) -> Iterator[list[Mention]]:
        """Visitor posts on the Page, or posts elsewhere that tag it."""
        own = self.page.page_id
        args = {"fields": fp.POST_FIELDS, "since": int(state.floor.timestamp()), "limit": 100}
        for items in self._listing(state, own, connection, args):
            batch, older = [], False
            for p in items:
                when = fp.parse_time(p.get("created_time"))
                if when < state.floor:
                    older = True  # newest first; `since` should have kept these out
                    break
                state.see(when)
                if fp.from_id(p) != own:
                    batch.append(fp.post_to_mention(p, self.account, kind,
                                                    own=kind == KIND_VISITOR_POST))
            yield batch
            if older:
                break

    def _messages(self, state: _Poll) -> Iterator[list[Mention]]:
        """Messenger: conversations by last activity, newest first (this edge has no time
        paging), and in each the messages since the cursor."""
        own = self.page.page_id
        args = {"platform": "messenger", "fields": fp.CONVERSATION_FIELDS, "limit": 25}
        for items in self._listing(state, own, "conversations", args):
            for conv in items:
                updated = fp.parse_time(conv.get("updated_time"))
                if updated < state.floor:
                    return  # every later conversation is older still
                state.see(updated)
                yield [fp.message_to_mention(m, self.account, conv)
                       for m in self._thread(state, conv)
                       if fp.from_id(m) != own]  # what the Page sent: never alerted

    def _thread(self, state: _Poll, conv: dict[str, Any]) -> list[dict[str, Any]]:
        """A conversation's messages since the floor: the nested first page, then the
        conversation's own /messages pages while they are still new enough."""
        page = conv.get("messages") if isinstance(conv.get("messages"), dict) else {}
        found: list[dict[str, Any]] = []
        for _ in range(MAX_PAGES):
            for m in page.get("data") or []:
                if not isinstance(m, dict) or "id" not in m:
                    continue
                if fp.parse_time(m.get("created_time")) < state.floor:
                    return found  # newest first: the rest were seen before
                found.append(m)
            nxt = (page.get("paging") or {}).get("next")
            if not nxt:
                break
            args = {k: v[-1] for k, v in parse_qs(urlsplit(str(nxt)).query).items()
                    if k != "access_token"}
            args["fields"] = fp.MESSAGE_FIELDS
            page = self._call(state.edge, str(conv["id"]), "messages", args)
        return found

    # -- calls and errors -----------------------------------------------------------------

    def _call(self, edge: str, obj_id: str, connection: str,
              args: dict[str, Any]) -> dict[str, Any]:
        what = f"{obj_id}/{connection}"
        try:
            result = self.graph.get_connections(obj_id, connection, **args)
        except facebook.GraphAPIError as exc:
            raise self._graph_error(edge, what, exc) from None
        except KeyError:
            # facebook-sdk reads headers["content-type"] without a default
            raise SourceError(f"Facebook answered {what} for Page {self.account} without a "
                              "content type") from None
        except (requests.RequestException, ValueError) as exc:
            # ValueError covers a JSON content type with a body that is not JSON
            raise SourceError(f"Facebook {what} failed for Page {self.account}: "
                              f"{type(exc).__name__}") from None
        if not isinstance(result, dict):
            raise SourceError(f"Facebook answered {what} for Page {self.account} with "
                              f"{type(result).__name__}, not an object")
        # Nearly at a limit: leave this Page alone from the next poll, for as long as the
        # usage headers say, before Graph starts refusing.
        pause = self._usage().pause(refused=False)
        if pause is not None:
            self._paused_until = self.clock.now() + pause
            log.info("Facebook Page %s: usage at %d%%; pausing polls for %s", self.account,
                     self._usage().percent, pause)
        return result

    def _usage(self) -> Usage:
        usage = getattr(self.graph, "usage", None)
        return usage if isinstance(usage, Usage) else Usage()

    def _graph_error(self, edge: str, what: str, exc: facebook.GraphAPIError) -> Exception:
        result = exc.result if isinstance(exc.result, dict) else {}
        error = result.get("error") if isinstance(result.get("error"), dict) else {}
        code = exc.code if isinstance(exc.code, int) else error.get("code")
        subcode = error.get("error_subcode")  # facebook-sdk keeps it only in .result
        if not isinstance(code, int):
            # facebook-sdk raises GraphAPIError("Maintype was not text, image, or
            # querystring") for an HTML page or other non-JSON answer
            log.warning("Facebook Page %s, %s: not a Graph answer: %s", self.account, what,
                        str(exc)[:120])
            return SourceError(f"Facebook answered {what} for Page {self.account} with "
                               "something that is not JSON")
        message = str(error.get("message") or exc)[:300]
        log.warning("Facebook Page %s, %s: Graph error code %s subcode %s type %s "
                    "fbtrace_id %s: %s", self.account, what, code, subcode,
                    error.get("type"), error.get("fbtrace_id"), message)
        detail = f"code {code}" + (f", subcode {subcode}" if subcode else "") + f": {message}"
        if code in RATE_LIMIT_CODES:
            pause = self._usage().pause(refused=True) or FALLBACK_PAUSE
            self._paused_until = self.clock.now() + pause
            return RateLimited(self._paused_until, f"(Facebook Page {self.account}, {detail})")
        if code == 102:  # the session (token) is no longer valid: a new token is needed
            return self._needs_person(edge, "token", f"Facebook says the Page token of "
                                      f"{self.account} needs renewing ({detail})", TOKEN_FIX)
        if code == 368:
            return self._needs_person(edge, "blocked", f"Facebook has temporarily blocked Page "
                                      f"{self.account} ({detail})", BLOCKED_FIX)
        if code == 190:
            return self._needs_person(edge, "token", f"Facebook refused the Page token of "
                                      f"{self.account} ({detail})", TOKEN_FIX)
        if code == 10 or 200 <= code <= 299:
            return self._needs_person(edge, f"permission:{message}", f"Facebook refused {what} "
                                      f"for Page {self.account}: missing permission ({detail})",
                                      PERMISSION_FIX)
        return SourceError(f"Facebook refused {what} for Page {self.account} ({detail})")

    def _needs_person(self, edge: str, problem: str, message: str, fix: str) -> SourceError:
        owner = self._problem_owner.setdefault(problem, edge)
        return SourceError(message, needs_person=owner == edge,
                           fix=fix.format(page=self.account))
