"""Facebook Page write calls for one watched Page, with that Page's own token.

Hide/unhide (POST /{comment-id} is_hidden), delete (DELETE /{comment-id}), block
(POST /{page-id}/blocked), a public reply (POST /{comment-id}/comments), a Messenger reply
(POST /{page-id}/messages to the PSID) and the private reply to a comment
(POST /{page-id}/messages with recipient={"comment_id"}: one per comment, within 7 days).
Graph has no report endpoint for Pages, and a Page cannot mute anyone.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import requests

from bot.core.config import FacebookPage
from bot.core.models import FACEBOOK, KIND_COMMENT, KIND_DM, KIND_REPLY, Mention
from bot.platforms import writes as W
from bot.platforms.facebook.source import RATE_LIMIT_CODES as RATE_CODES
from bot.platforms.facebook.source import GraphAPIError, make_graph
from bot.platforms.writes import ActionError

log = logging.getLogger(__name__)

PRIVATE_REPLY_WINDOW = timedelta(days=7)
_COMMENT_KINDS = frozenset({KIND_COMMENT, KIND_REPLY})
_PERMISSION_FIX = ("Give the Page token the pages_manage_engagement and pages_messaging "
                   "permissions, update FEEDWATCH_ACCOUNTS and run `feedwatch check`.")
_RETRY_FIX = "Try again in a few minutes; if it keeps failing, act in Meta Business Suite."
_CHECK_FIX = ("Open the conversation on Facebook and check whether it was sent before sending "
              "anything again: feedwatch will not resend it.")


def make_facebook_writer(page: FacebookPage, version: str, session: requests.Session,
                         app_secret: str | None = None) -> FacebookWriter:
    return FacebookWriter(page, make_graph(page, version, session, app_secret))


def window_closed_message(created_at: datetime, now: datetime) -> str:
    days = max(7, (now - created_at).days)
    return (f"Facebook allows one private reply to a comment, within 7 days of it; this comment "
            f"is {days} days old, so that window has closed. Reply publicly instead, or ask "
            "them to message the Page.")


class FacebookWriter:
    platform = FACEBOOK

    def __init__(self, page: FacebookPage, graph: Any) -> None:
        self.page = page
        self.account = page.name
        self.graph = graph

    def refusal(self, m: Mention, action: str) -> str | None:
        if action == "mute":
            return "A Facebook Page cannot mute people; hide the comment or block the person."
        if action in ("hide", "unhide", "delete") and m.kind == KIND_DM:
            return "Messenger messages cannot be hidden or deleted by the Page."
        return None

    def probe(self, action: str) -> tuple[bool, str] | None:
        return None  # a Page token with the permissions `feedwatch check` confirms may do all

    # -- writes -----------------------------------------------------------------------------

    def hide(self, m: Mention) -> None:
        self._call("hide", lambda: self._post(m.external_id, {"is_hidden": "true"}))

    def unhide(self, m: Mention) -> None:
        self._call("unhide", lambda: self._post(m.external_id, {"is_hidden": "false"}))

    def delete(self, m: Mention) -> None:
        self._call("delete", lambda: self.graph.delete_object(m.external_id))

    def block(self, m: Mention) -> None:
        param = "psid" if m.kind == KIND_DM else "user"
        result = self._call("block", lambda: self.graph.put_object(
            self.page.page_id, "blocked", **{param: m.author.id})) or {}
        if result.get(m.author.id) is not True:
            raise ActionError("Facebook did not block this person (it answered "
                              f"{json.dumps(result)[:100]}).", kind=W.REFUSED,
                              fix="Block them from the Page's settings in Meta Business Suite.")

    def reply(self, m: Mention, text: str) -> str:
        if m.kind == KIND_DM:
            return self._send({"id": m.author.id}, text, messaging_type="RESPONSE")
        result = self._call("reply", lambda: self.graph.put_object(
            m.external_id, "comments", message=text), send=True) or {}
        return str(result.get("id") or "")

    def private_message(self, m: Mention, text: str, now: datetime) -> str:
        if m.kind == KIND_DM:
            return self.reply(m, text)
        if m.kind not in _COMMENT_KINDS:
            raise ActionError("Facebook private replies work on comments; message this person "
                              "from the Page's inbox instead.", kind=W.REFUSED)
        if now - m.created_at > PRIVATE_REPLY_WINDOW:
            raise ActionError(window_closed_message(m.created_at, now), kind=W.WINDOW_CLOSED)
        return self._send({"comment_id": m.external_id}, text)

    def _send(self, recipient: dict[str, str], text: str, **extra: str) -> str:
        args = {"recipient": json.dumps(recipient), "message": json.dumps({"text": text}),
                **extra}
        result = self._call("message", lambda: self.graph.put_object(
            self.page.page_id, "messages", **args), send=True) or {}
        return str(result.get("message_id") or "")

    def _post(self, obj_id: str, args: dict[str, str]) -> Any:
        return self.graph.request(f"{self.graph.version}/{obj_id}", post_args=dict(args))

    # -- reading state back -----------------------------------------------------------------

    def is_done(self, m: Mention, action: str) -> bool | None:
        if action in ("hide", "unhide"):
            node = self._call("read", lambda: self.graph.get_object(
                m.external_id, fields="is_hidden")) or {}
            return bool(node.get("is_hidden")) == (action == "hide")
        if action == "delete":
            try:
                self._call("read", lambda: self.graph.get_object(m.external_id, fields="id"))
            except ActionError as exc:
                if exc.kind == W.NOT_FOUND:
                    return True
                raise
            return False
        return None  # Graph offers no read of the Page's block list we rely on

    def report_link(self, m: Mention) -> str:
        return m.permalink

    # -- errors -----------------------------------------------------------------------------

    def _call(self, what: str, fn: Callable[[], Any], send: bool = False) -> Any:
        fix = _CHECK_FIX if send else _RETRY_FIX
        try:
            return fn()
        except GraphAPIError as exc:
            raise self._graph_error(what, exc, fix) from None
        except (KeyError, ValueError) as exc:
            # facebook-sdk: no content type (KeyError) or a body that is not JSON
            raise ActionError(f"Facebook gave an unreadable answer ({type(exc).__name__}).",
                              kind=W.SERVER, uncertain=True, fix=fix) from None
        except requests.RequestException as exc:
            raise ActionError(f"Facebook did not answer ({type(exc).__name__}).",
                              kind=W.NETWORK, uncertain=True, fix=fix) from None

    def _graph_error(self, what: str, exc: GraphAPIError, fix: str) -> ActionError:
        result = exc.result if isinstance(exc.result, dict) else {}
        error = result.get("error") if isinstance(result.get("error"), dict) else {}
        code = exc.code if isinstance(exc.code, int) else error.get("code")
        sub = error.get("error_subcode")
        message = str(error.get("message") or exc)[:300]
        log.warning("Facebook %s for Page %s: code %s subcode %s: %s", what, self.account,
                    code, sub, message)
        tag = f"{code}" + (f"/{sub}" if sub else "")
        if not isinstance(code, int):
            return ActionError("Facebook answered with something that is not JSON.",
                               kind=W.SERVER, uncertain=True, fix=fix)
        if code == 10900:
            return ActionError("This comment has already had its one private reply "
                               "(Facebook allows one per comment).", kind=W.ALREADY, code=tag)
        if code == 10903:
            return ActionError("Facebook says this comment can no longer be replied to "
                               "privately (7 days have passed).", kind=W.WINDOW_CLOSED, code=tag)
        if code == 10 and sub == 2018278:
            return ActionError("Messenger lets a Page reply only within 24 hours of the "
                               "person's last message, and that has passed.",
                               kind=W.WINDOW_CLOSED, code=tag,
                               fix="Reply on their post instead, or wait for them to write.")
        if code in (190, 102):  # 102: the session is no longer valid, a new token is needed
            return ActionError(f"Facebook refused the Page token of {self.account}.",
                               kind=W.AUTH, code=tag, fix=_PERMISSION_FIX)
        if code == 368:
            return ActionError("Facebook has temporarily blocked the Page from doing this "
                               "(code 368).", kind=W.REFUSED, code=tag,
                               fix="Do it in Meta Business Suite later, and check the Page's "
                                   "account status there.")
        if code in RATE_CODES:
            return ActionError("Facebook is rate-limiting the Page.", kind=W.RATE_LIMITED,
                               code=tag, fix="Wait a few minutes and try again.")
        if code == 100 and sub == 33:
            return ActionError("Facebook says this item no longer exists.", kind=W.NOT_FOUND,
                               code=tag)
        if code in (1, 2):  # "unknown error" / "service temporarily unavailable"
            return ActionError(f"Facebook failed ({message}).", kind=W.SERVER, code=tag,
                               uncertain=True, fix=fix)
        perm = code == 10 or 200 <= code <= 299
        return ActionError(f"Facebook refused {what} ({message}).", kind=W.REFUSED, code=tag,
                           fix=_PERMISSION_FIX if perm else fix)
