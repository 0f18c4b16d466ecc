"""X write calls for one watched account, with that account's own user-context credentials.

Hide/unhide (PUT /2/tweets/:id/hidden) works only on replies in conversations the account
started. Block has no v2 endpoint below Enterprise, so it goes through v1.1 blocks/create; whether
the app's access level includes it is probed with the read-only v1.1 blocks/ids (the same
family of endpoints, refused with error 453 alike) before anyone is told they are blocked, and
the answer is kept in the database (bot/store/access.py). Nobody can delete someone else's post,
and X has no report API.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

import requests
import tweepy

from bot.core.config import XAccount
from bot.core.models import KIND_DM, KIND_REPLY, Mention, X
from bot.platforms import writes as W
from bot.platforms.writes import ActionError
from bot.platforms.x.source import make_client

log = logging.getLogger(__name__)
T = TypeVar("T")

TIER_MESSAGE = ("X refused Block: this app's X API access level does not include blocking "
                "(error 453). Mute the author instead; to block, use the X app itself.")
_ACTION_NAMES = {"hide": "Hide", "unhide": "Unhide", "mute": "Mute", "block": "Block",
                 "reply": "the reply", "dm": "the direct message", "read": "reading the post"}


def tier_message(what: str) -> str:
    """X's 453, naming the action it refused."""
    if what == "block":
        return TIER_MESSAGE
    name = _ACTION_NAMES.get(what, what)
    return (f"X refused {name}: this app's X API access level does not include it "
            "(error 453). Do it in the X app, or move the app to an access level that does.")
NOT_OWN = ("X lets an account hide only replies in conversations it started; this reply is in "
           "someone else's conversation, so it cannot be hidden from here.")


def make_x_writer(account: XAccount, session: requests.Session) -> XWriter:
    client = make_client(account, session)
    auth = tweepy.OAuth1UserHandler(
        account.consumer_key.get_secret_value(), account.consumer_secret.get_secret_value(),
        account.access_token.get_secret_value(), account.access_token_secret.get_secret_value())
    api = tweepy.API(auth, timeout=30, wait_on_rate_limit=False)
    api.session = session  # the same transport as the client (the sandbox mounts it)
    return XWriter(account, client, api)


class XWriter:
    platform = X

    def __init__(self, account: XAccount, client: tweepy.Client, api: tweepy.API) -> None:
        self.account_cfg = account
        self.account = account.name
        self.client = client
        self.api = api

    # -- what cannot be done at all ---------------------------------------------------------

    def refusal(self, m: Mention, action: str) -> str | None:
        if action in ("hide", "unhide"):
            if m.kind != KIND_REPLY:
                return "X lets an account hide replies only, not mentions, quotes or messages."
            if not m.in_own_conversation:
                return NOT_OWN
        if action == "delete":
            return ("X does not let an account delete someone else's post. Hide it (a reply in "
                    "the account's own thread), or mute or block the author.")
        return None

    def probe(self, action: str) -> tuple[bool, str] | None:
        """Whether the app's X access level allows `action`, asked without side effects:
        (allowed, why not), or None when it cannot be told (X did not answer)."""
        if action != "block":
            return None
        try:
            self._call("block", lambda: self.api.get_blocked_ids(stringify_ids=True))
        except ActionError as exc:
            if exc.kind == W.TIER:
                return False, exc.message
            return None
        return True, ""

    # -- writes -----------------------------------------------------------------------------

    def hide(self, m: Mention) -> None:
        self._call("hide", lambda: self.client.hide_reply(m.external_id, user_auth=True))

    def unhide(self, m: Mention) -> None:
        self._call("unhide", lambda: self.client.unhide_reply(m.external_id, user_auth=True))

    def delete(self, m: Mention) -> None:
        raise ActionError(self.refusal(m, "delete") or "", kind=W.REFUSED)

    def mute(self, m: Mention) -> None:
        self._call("mute", lambda: self.client.mute(m.author.id, user_auth=True))

    def block(self, m: Mention) -> None:
        self._call("block", lambda: self.api.create_block(user_id=m.author.id))

    def reply(self, m: Mention, text: str) -> str:
        if m.kind == KIND_DM:
            return self._dm(m, text)
        body = self._call("reply", lambda: self.client.create_tweet(
            text=text, in_reply_to_tweet_id=m.external_id, user_auth=True), send=True)
        return str(((body or {}).get("data") or {}).get("id") or "")

    def private_message(self, m: Mention, text: str, now: datetime) -> str:
        return self._dm(m, text)

    def _dm(self, m: Mention, text: str) -> str:
        body = self._call("dm", lambda: self.client.create_direct_message(
            participant_id=m.author.id, text=text, user_auth=True), send=True)
        return str(((body or {}).get("data") or {}).get("dm_event_id") or "")

    # -- reading state back (reconciliation after a crash) ----------------------------------

    def is_done(self, m: Mention, action: str) -> bool | None:
        if action == "mute":
            return m.author.id in self._muted()
        if action in ("hide", "unhide"):
            # X does not say whether a reply is hidden; check it still exists, then the
            # caller re-applies the (idempotent) hide.
            body = self._call("read", lambda: self.client.get_tweet(m.external_id,
                                                                    user_auth=True))
            if not (body or {}).get("data"):
                raise ActionError("The reply no longer exists on X.", kind=W.NOT_FOUND)
        return None

    def _muted(self) -> set[str]:
        found: set[str] = set()
        token: str | None = None
        for _ in range(20):
            params = {"max_results": 1000, "pagination_token": token}
            body = self._call("read", lambda p=params: self.client.get_muted(  # type: ignore[misc]
                **p, user_auth=True)) or {}
            found.update(str(u.get("id")) for u in body.get("data") or [])
            token = (body.get("meta") or {}).get("next_token")
            if not token:
                break
        return found

    def report_link(self, m: Mention) -> str:
        return m.permalink

    # -- errors -----------------------------------------------------------------------------

    def _call(self, what: str, fn: Callable[[], T], send: bool = False) -> T:
        try:
            return fn()
        except tweepy.TooManyRequests as exc:
            until = datetime.fromtimestamp(exc.reset_time, UTC) if exc.reset_time else None
            raise ActionError(f"X is rate-limiting {what} for {self.account}.",
                              kind=W.RATE_LIMITED, code="429", until=until,
                              fix="Wait a few minutes and try again.") from None
        except tweepy.HTTPException as exc:
            raise self._http_error(what, exc, send) from None
        except (requests.RequestException, tweepy.TweepyException) as exc:
            log.warning("X %s for %s: no answer (%s)", what, self.account, type(exc).__name__)
            raise ActionError(f"X did not answer ({type(exc).__name__}).", kind=W.NETWORK,
                              uncertain=True, fix=_CHECK_FIX if send else _RETRY_FIX) from None

    def _http_error(self, what: str, exc: tweepy.HTTPException, send: bool) -> ActionError:
        status = exc.response.status_code
        codes = [int(c) for c in getattr(exc, "api_codes", []) or [] if str(c).isdigit()]
        detail = "; ".join(str(m) for m in getattr(exc, "api_messages", []) or [])[:300]
        log.warning("X %s for %s: HTTP %s %s", what, self.account, status, detail or codes)
        code = str(codes[0]) if codes else str(status)
        if 453 in codes:
            return ActionError(tier_message(what), kind=W.TIER, code="453")
        if isinstance(exc, tweepy.TwitterServerError):
            return ActionError(f"X failed with a server error ({status}).", kind=W.SERVER,
                               code=code, uncertain=True,
                               fix=_CHECK_FIX if send else _RETRY_FIX)
        if isinstance(exc, tweepy.Unauthorized):
            return ActionError(f"X refused the credentials of account {self.account} (401).",
                               kind=W.AUTH, code=code, fix="Regenerate the access token and "
                               "secret, update FEEDWATCH_ACCOUNTS and run `feedwatch check`.")
        if isinstance(exc, tweepy.NotFound):
            return ActionError("X says the post or person no longer exists.", kind=W.NOT_FOUND,
                               code=code)
        if "conversations you started" in detail:
            return ActionError(NOT_OWN, kind=W.NOT_OWN_CONVERSATION, code=code)
        return ActionError(f"X refused {what} ({status}: {detail or 'no detail'}).",
                           kind=W.REFUSED, code=code, fix=_refusal_fix(detail))


_RETRY_FIX = "Try again in a few minutes; if it keeps failing, act in the X app."
_CHECK_FIX = ("Open the post on X and check whether it was sent before sending anything again: "
              "feedwatch will not resend it.")


def _refusal_fix(detail: str) -> str:
    if "duplicate content" in detail:
        return "X refuses an identical repeat: change the wording."
    if "cannot send messages" in detail:
        return "They do not accept direct messages from the account: reply publicly instead."
    return "Check the account's X app permissions (Read, Write and Direct Messages)."
