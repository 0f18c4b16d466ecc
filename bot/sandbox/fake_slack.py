"""An offline Slack Web API on loopback, for slack_sdk's WebClient(base_url=f"{fake.url}/api/").

Shapes follow the method pages at https://docs.slack.dev/reference/methods/<method>; each
handler names its method. As real Slack: HTTP 200 with {"ok": false, "error": code} for API
errors, HTTP 429 + Retry-After for rate limits, form-encoded or JSON bodies (JSON only with the
token in the Authorization header), Block Kit limits enforced with Slack's own error strings.
Tokens must start with the sandbox prefix ("xoxb-sandbox-"), so a real token is refused.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.core.clock import Clock
from bot.sandbox.http_fake import FakeServer, Request, Response, json_response

TOKEN_PREFIXES = ("xoxb-sandbox-", "xoxp-sandbox-")
SANDBOX_TOKEN = "xoxb-sandbox-feedwatch"
BOT_USER, BOT_ID, APP_ID = "U0BOT", "B0BOT", "A0FEEDWATCH"
MAX_BLOCKS, SECTION_TEXT, HEADER_TEXT, BUTTON_TEXT, BUTTON_VALUE = 50, 3000, 150, 75, 2000
ACTION_ID, ACTIONS_ELEMENTS, MESSAGE_TEXT, MODAL_TITLE, MODAL_BLOCKS = 255, 25, 40000, 24, 100
BLOCK_TYPES = {"section", "header", "divider", "context", "actions", "image", "input",
               "rich_text", "file", "video", "markdown", "call"}


class SlackError(Exception):
    def __init__(self, code: str, messages: list[str] | None = None) -> None:
        super().__init__(code)
        self.code, self.messages = code, messages or []


@dataclass
class SlackCall:
    """One authorised Web API call, params merged from query, form and JSON body."""

    method: str
    params: dict[str, Any]
    token: str
    at: datetime


def _jsonish(value: Any) -> Any:
    """Form-encoded calls carry blocks/metadata/view as JSON strings; JSON calls as objects."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError as exc:
            raise SlackError("invalid_arguments", [f"[ERROR] invalid JSON: {exc}"]) from exc
    return value


def _in_channel(message: dict[str, Any]) -> bool:
    """A top-level message, or a thread reply also sent to the channel."""
    return (message.get("thread_ts", message["ts"]) == message["ts"]
            or message.get("subtype") == "thread_broadcast")


def _truthy(value: Any) -> bool:
    return value in (True, 1, "1", "true", "True")


def _too_long(limit: int, pointer: str) -> str:
    return f"must be less than {limit + 1} characters [json-pointer:{pointer}]"


def _text_of(obj: Any) -> str:
    return obj.get("text", "") if isinstance(obj, dict) else ""


def block_errors(blocks: Any, pointer: str = "/blocks", max_blocks: int = MAX_BLOCKS) -> list[str]:
    """The subset of Slack's Block Kit validation the bot can trip over, with Slack's wording."""
    if not isinstance(blocks, list):
        return [f"must be an array [json-pointer:{pointer}]"]
    errors = []
    if len(blocks) > max_blocks:
        errors.append(f"no more than {max_blocks} items allowed [json-pointer:{pointer}]")
    for i, block in enumerate(blocks):
        at = f"{pointer}/{i}"
        if not isinstance(block, dict) or block.get("type") not in BLOCK_TYPES:
            errors.append(f"failed to match all allowed schemas [json-pointer:{at}]")
            continue
        kind = block["type"]
        if kind == "section" and len(_text_of(block.get("text"))) > SECTION_TEXT:
            errors.append(_too_long(SECTION_TEXT, f"{at}/text/text"))
        if kind == "section":
            for j, f in enumerate(block.get("fields", [])):
                if len(_text_of(f)) > 2000:
                    errors.append(_too_long(2000, f"{at}/fields/{j}/text"))
        if kind == "header" and len(_text_of(block.get("text"))) > HEADER_TEXT:
            errors.append(_too_long(HEADER_TEXT, f"{at}/text/text"))
        elements = block.get("elements", []) if kind == "actions" else []
        if len(elements) > ACTIONS_ELEMENTS:
            errors.append(f"no more than {ACTIONS_ELEMENTS} items allowed [json-pointer:{at}/"
                          "elements]")
        if kind == "section" and isinstance(block.get("accessory"), dict):
            elements = [block["accessory"]]
        for j, el in enumerate(elements):
            errors += _element_errors(el, f"{at}/elements/{j}")
    return errors


def _element_errors(el: dict[str, Any], at: str) -> list[str]:
    errors = []
    if el.get("type") == "button" and len(_text_of(el.get("text"))) > BUTTON_TEXT:
        errors.append(_too_long(BUTTON_TEXT, f"{at}/text/text"))
    if len(str(el.get("value", ""))) > BUTTON_VALUE:
        errors.append(_too_long(BUTTON_VALUE, f"{at}/value"))
    if len(str(el.get("action_id", ""))) > ACTION_ID:
        errors.append(_too_long(ACTION_ID, f"{at}/action_id"))
    return errors


class FakeSlack(FakeServer):
    """Slack Web API for the sandbox. Thread-safe; `wait_for_messages` blocks until posts arrive."""

    name = "fake-slack"

    def __init__(self, clock: Clock | None = None, port: int = 0, plan: str = "pro",
                 team_id: str = "T0SANDBOX", team: str = "feedwatch-sandbox") -> None:
        super().__init__(clock, port)
        self.plan, self.team_id, self.team = plan, team_id, team  # plan "free": no usergroups
        self.users: dict[str, dict[str, Any]] = {}
        self.channels: dict[str, dict[str, Any]] = {}
        self.usergroups: dict[str, dict[str, Any]] = {}
        self.views: dict[str, dict[str, Any]] = {}
        self.home_views: dict[str, dict[str, Any]] = {}
        self.files: dict[str, dict[str, Any]] = {}
        self.deleted_files: set[str] = set()
        self.ephemeral: list[dict[str, Any]] = []
        self.calls: list[SlackCall] = []
        self._last_ts = 0
        self._counter = 0
        self.add_user("feedwatch", "feedwatch", user_id=BOT_USER, is_bot=True)
        self.route("POST", "/api/:method", self._api)
        self.route("GET", "/api/:method", self._api)
        # The upload URL is a capability: real files.slack.com URLs take no token either.
        self.route("POST", "/upload/v1/:file_id", self._upload, auth=False)
        # response_url of slash commands and interactions: also a capability, no token.
        self.route("POST", "/respond/:channel/:user", self._respond, auth=False)
        self.route("POST", "/respond/:channel/:user/:ts", self._respond, auth=False)
        self.responses: list[dict[str, Any]] = []
        # trigger_id -> user, minted by the stand-in when a person clicks; views opened with a
        # minted trigger (or pushed on top) form that person's open modal stack.
        self.triggers: dict[str, str] = {}
        self.open_views: dict[str, list[str]] = {}
        self._methods = {
            "auth.test": self._auth_test, "chat.postMessage": self._post_message,
            "chat.update": self._update, "chat.delete": self._delete,
            "chat.postEphemeral": self._post_ephemeral,
            "chat.getPermalink": self._get_permalink, "conversations.history": self._history,
            "conversations.replies": self._replies, "conversations.members": self._members,
            "users.info": self._users_info, "usergroups.users.list": self._usergroup_users,
            "views.open": self._views_open, "views.update": self._views_update,
            "views.push": self._views_push, "views.publish": self._views_publish,
            "files.getUploadURLExternal": self._get_upload_url,
            "files.completeUploadExternal": self._complete_upload,
            "files.delete": self._files_delete,
        }

    # -- set-up and inspection (Python side) ----------------------------------------------------

    def _id(self, prefix: str) -> str:
        self._counter += 1
        return f"{prefix}{self._counter:08d}"

    def add_user(self, name: str, real_name: str = "", *, user_id: str | None = None,
                 is_bot: bool = False, tz: str = "Europe/London", **extra: Any) -> str:
        # User object: https://docs.slack.dev/reference/objects/user-object
        with self.lock:
            uid = user_id or self._id("U")
            real = real_name or name
            self.users[uid] = {
                "id": uid, "team_id": self.team_id, "name": name, "deleted": False,
                "real_name": real, "tz": tz, "tz_label": "Greenwich Mean Time", "tz_offset": 0,
                "profile": {"real_name": real, "display_name": name, "team": self.team_id},
                "is_admin": False, "is_owner": False, "is_bot": is_bot, "is_app_user": False,
                "updated": int(self.clock.now().timestamp()), **extra,
            }
            return uid

    def add_channel(self, name: str, members: list[str] | None = None, *,
                    is_private: bool = False, bot_member: bool = True) -> str:
        with self.lock:
            cid = self._id("G" if is_private else "C")
            people = list(members or [])
            if bot_member and BOT_USER not in people:
                people.append(BOT_USER)
            self.channels[cid] = {"id": cid, "name": name.lstrip("#"), "is_private": is_private,
                                  "members": people, "messages": []}
            return cid

    def add_usergroup(self, handle: str, users: list[str]) -> str:
        with self.lock:
            gid = self._id("S")
            self.usergroups[gid] = {"id": gid, "handle": handle, "users": list(users)}
            return gid

    def ratelimit_next(self, method: str, retry_after: int = 1, times: int = 1) -> None:
        """The next `times` calls of `method` get HTTP 429, Retry-After and error ratelimited."""
        self.inject(f"/api/{method}", 429, {"ok": False, "error": "ratelimited"},
                    {"Retry-After": str(retry_after)}, times)

    def fail_next(self, method: str, error: str, times: int = 1) -> None:
        """The next `times` calls of `method` answer {"ok": false, "error": error}."""
        self.inject(f"/api/{method}", 200, {"ok": False, "error": error}, times=times)

    def channel_id(self, ref: str) -> str:
        with self.lock:
            return self._channel(ref)["id"]

    def messages(self, channel: str, include_replies: bool = False) -> list[dict[str, Any]]:
        """Messages as they now stand (updates applied), oldest first, metadata included."""
        with self.lock:
            return [_public(m, True) for m in self._channel(channel)["messages"]
                    if include_replies or _in_channel(m)]

    def thread(self, channel: str, ts: str) -> list[dict[str, Any]]:
        with self.lock:
            return [_public(m, True) for m in self._channel(channel)["messages"]
                    if m.get("thread_ts") == ts and m["ts"] != ts]

    def wait_for_messages(self, channel: str, count: int, timeout: float = 10.0,
                          include_replies: bool = False) -> list[dict[str, Any]]:
        """Block until `channel` holds at least `count` messages; TimeoutError otherwise."""
        with self.changed:
            ok = self.changed.wait_for(
                lambda: len(self.messages(channel, include_replies)) >= count, timeout)
            found = self.messages(channel, include_replies)
        if not ok:
            raise TimeoutError(f"{len(found)} of {count} messages in {channel} after {timeout}s")
        return found

    def calls_to(self, method: str) -> list[SlackCall]:
        with self.lock:
            return [c for c in self.calls if c.method == method]

    def uploaded(self, file_id: str) -> bytes:
        with self.lock:
            return bytes(self.files[file_id].get("_data", b""))

    def add_member(self, channel: str, user: str) -> None:
        with self.lock:
            members = self._channel(channel)["members"]
            if user not in members:
                members.append(user)

    def channel_list(self) -> list[dict[str, Any]]:
        """Every conversation (channels and DMs) without its messages."""
        with self.lock:
            return [{k: v for k, v in ch.items() if k != "messages"} | {
                "message_count": len(ch["messages"])} for ch in self.channels.values()]

    def files_list(self) -> list[dict[str, Any]]:
        with self.lock:
            return [_public(f, True) | {"uploaded": "_data" in f} for f in self.files.values()]

    def mint_trigger(self, user: str) -> str:
        """A trigger_id for a click by `user`, as Slack puts in interaction payloads."""
        with self.lock:
            trigger = f"{self._id('1')}.{self.team_id}.{self._id('t')}"
            self.triggers[trigger] = user
            return trigger

    def modal_stack(self, user: str) -> list[dict[str, Any]]:
        """The modals open for `user`, bottom first (views opened with a minted trigger)."""
        with self.lock:
            return [dict(self.views[v]) for v in self.open_views.get(user, []) if v in self.views]

    def add_user_message(self, channel: str, user: str, text: str) -> str:
        """A message a person wrote in the channel (e.g. a post a colleague pasted); its ts."""
        with self.changed:
            ch = self._channel(channel)
            ts = self._next_ts()
            ch["messages"].append({"type": "message", "user": user, "team": self.team_id,
                                   "ts": ts, "text": text})
            self.changed.notify_all()
        return ts

    def add_ephemeral(self, channel: str, user: str, text: str,
                      blocks: list[dict[str, Any]] | None = None) -> None:
        """A message only `user` sees (e.g. a slash command's immediate answer)."""
        with self.changed:
            self.ephemeral.append({"channel": channel, "user": user, "ts": self._next_ts(),
                                   "text": text, "blocks": list(blocks or [])})
            self.changed.notify_all()

    def answer_view(self, user: str, view_id: str, answer: dict[str, Any]) -> None:
        """Apply a view_submission's response_action as Slack does: errors keep the modal
        open with messages by block_id; update/push show a new view; clear closes them all;
        anything else closes this one. https://docs.slack.dev/surfaces/modals"""
        action = answer.get("response_action")
        with self.changed:
            if action == "errors" and view_id in self.views:
                self.views[view_id]["errors"] = dict(answer.get("errors") or {})
            elif action in ("update", "push") and isinstance(answer.get("view"), dict):
                stored = self._store_view(self._view(answer["view"]),
                                          view_id if action == "update" else None)
                if action == "push":
                    self.open_views.setdefault(user, []).append(stored["id"])
            else:
                self.close_views(user, None if action == "clear" else view_id)
            self.changed.notify_all()

    def close_views(self, user: str, view_id: str | None = None) -> None:
        """Close the top modal (`view_id`) or, without one, every modal of `user`."""
        with self.changed:
            stack = self.open_views.get(user, [])
            if view_id is None or view_id not in stack:
                stack.clear()
            else:
                del stack[stack.index(view_id):]
            self.changed.notify_all()

    # -- wire plumbing ----------------------------------------------------------------------------

    def _params(self, req: Request) -> tuple[dict[str, Any], str]:
        params: dict[str, Any] = {k: v[-1] for k, v in req.query.items()}
        header = req.headers.get("authorization", "")
        token = header[7:] if header.startswith("Bearer ") else ""
        if req.content_type == "application/json":
            body = req.json() or {}
            body.pop("token", None)  # Slack ignores a token inside a JSON body
            params.update(body)
        elif req.content_type == "application/x-www-form-urlencoded":
            params.update(req.form())
        token = token or str(params.pop("token", ""))
        params.pop("token", None)
        return params, token

    def authorize(self, req: Request) -> Response | None:
        if not req.path.startswith("/api/"):
            return None
        try:
            _, token = self._params(req)
        except ValueError:
            return json_response(200, {"ok": False, "error": "invalid_json"})
        if not token:
            return json_response(200, {"ok": False, "error": "not_authed"})
        if not token.startswith(TOKEN_PREFIXES):
            return json_response(200, {"ok": False, "error": "invalid_auth"})
        req.identity = token
        return None

    def not_found(self, req: Request) -> Response:
        return json_response(404, {"ok": False, "error": "unknown_method"})

    def _api(self, req: Request, p: dict[str, str]) -> Response:
        params, token = self._params(req)
        method = p["method"]
        handler = self._methods.get(method)
        if handler is None:
            return json_response(404, {"ok": False, "error": "unknown_method"})
        with self.lock:
            self.calls.append(SlackCall(method, params, token, req.at))
            try:
                result = handler(params)
            except SlackError as err:
                result = {"ok": False, "error": err.code}
                if err.messages:
                    if err.code == "invalid_blocks":
                        result["errors"] = list(err.messages)
                    result["response_metadata"] = {"messages": [f"[ERROR] {m}" if not
                                                                m.startswith("[") else m
                                                                for m in err.messages]}
        return json_response(200, {"ok": True, **result} if "ok" not in result else result)

    def _upload(self, req: Request, p: dict[str, str]) -> Response:
        # Step 2 of files_upload_v2: POST the bytes to the URL from files.getUploadURLExternal.
        with self.lock:
            f = self.files.get(p["file_id"])
            if f is None:
                return Response(404, b"Not Found", content_type="text/plain")
            f["_data"] = req.body
            f["size"] = len(req.body)
        return Response(200, f"OK - {len(req.body)}".encode(), content_type="text/plain")

    def response_url(self, channel: str, user: str, ts: str | None = None) -> str:
        """A response_url as Slack puts in slash-command and interaction payloads; with the
        `ts` of the message clicked, replace_original and delete_original act on it."""
        base = f"{self.url}/respond/{channel}/{user}"
        return f"{base}/{ts}" if ts else base

    def _respond(self, req: Request, p: dict[str, str]) -> Response:
        # https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
        body = req.json() or {}
        with self.lock:
            entry = {"channel": p["channel"], "user": p["user"], **body}
            self.responses.append(entry)
            ts = p.get("ts")
            if ts and (_truthy(body.get("replace_original")) or
                       _truthy(body.get("delete_original"))):
                self._respond_to_original(p["channel"], p["user"], ts, body)
            elif body.get("response_type", "ephemeral") == "ephemeral":
                self.ephemeral.append({"channel": p["channel"], "user": p["user"],
                                       "ts": self._next_ts(), "text": body.get("text", ""),
                                       "blocks": body.get("blocks", [])})
            else:  # in_channel: a new message everyone sees
                self._post_message({"channel": p["channel"], "text": body.get("text", ""),
                                    **({"blocks": body["blocks"]} if "blocks" in body else {})})
        return Response(200, b"ok", content_type="text/plain")

    def _respond_to_original(self, channel: str, user: str, ts: str,
                             body: dict[str, Any]) -> None:
        # The message clicked is an ephemeral one of this user, or a message in the channel.
        for i, eph in enumerate(self.ephemeral):
            if eph.get("ts") == ts and eph["user"] == user:
                if _truthy(body.get("delete_original")):
                    del self.ephemeral[i]
                else:
                    eph.update(text=body.get("text", ""), blocks=body.get("blocks", []))
                return
        messages = self._channel(channel)["messages"]
        message = self._find(self._channel(channel), ts)
        if _truthy(body.get("delete_original")):
            messages.remove(message)
            return
        message.update(self._message_fields({k: body[k] for k in ("text", "blocks")
                                             if k in body}))
        message["edited"] = {"user": BOT_USER, "ts": self._next_ts()}

    # -- helpers used by the method handlers (caller holds the lock) ------------------------------

    def _channel(self, ref: str) -> dict[str, Any]:
        ref = str(ref or "")
        if ref in self.channels:
            return self.channels[ref]
        for ch in self.channels.values():
            if ch["name"] == ref.lstrip("#"):
                return ch
        if ref in self.users:  # posting to a user id opens (or reuses) the DM with them
            dm = "D" + ref[1:]
            if dm not in self.channels:
                self.channels[dm] = {"id": dm, "name": "", "is_private": True, "is_im": True,
                                     "members": [ref, BOT_USER], "messages": []}
            return self.channels[dm]
        raise SlackError("channel_not_found")

    def _next_ts(self) -> str:
        # Slack ts: "<unix seconds>.<6 digits>", unique and increasing.
        micros = int(self.clock.now().timestamp() * 1_000_000)
        self._last_ts = max(micros, self._last_ts + 100)
        return f"{self._last_ts // 1_000_000}.{self._last_ts % 1_000_000:06d}"

    def _find(self, channel: dict[str, Any], ts: str) -> dict[str, Any]:
        for m in channel["messages"]:
            if m["ts"] == ts:
                return m
        raise SlackError("message_not_found")

    def _permalink(self, cid: str, ts: str, thread_ts: str | None = None) -> str:
        link = f"{self.url}/archives/{cid}/p{ts.replace('.', '')}"
        return f"{link}?thread_ts={thread_ts}&cid={cid}" if thread_ts else link

    # -- Web API methods (caller holds the lock; return the body without "ok") -------------------

    def _auth_test(self, a: dict[str, Any]) -> dict[str, Any]:
        # https://docs.slack.dev/reference/methods/auth.test
        return {"url": f"{self.url}/", "team": self.team, "user": "feedwatch",
                "team_id": self.team_id, "user_id": BOT_USER, "bot_id": BOT_ID,
                "is_enterprise_install": False}

    def _message_fields(self, a: dict[str, Any]) -> dict[str, Any]:
        """text/blocks/metadata of chat.postMessage and chat.update, validated."""
        fields: dict[str, Any] = {}
        if "blocks" in a:
            blocks = _jsonish(a["blocks"])
            errors = block_errors(blocks)
            if errors:
                raise SlackError("invalid_blocks", errors)
            fields["blocks"] = [{"block_id": self._id("b"), **b} for b in blocks]
        text = str(a.get("text") or "")
        if len(text) > MESSAGE_TEXT:
            raise SlackError("msg_too_long")
        if "metadata" in a:
            meta = _jsonish(a["metadata"])
            if not isinstance(meta, dict) or "event_type" not in meta:
                raise SlackError("invalid_metadata_format")
            fields["metadata"] = {"event_type": meta["event_type"],
                                  "event_payload": meta.get("event_payload", {})}
        fields["text"] = text
        return fields

    def _post_message(self, a: dict[str, Any]) -> dict[str, Any]:
        # https://docs.slack.dev/reference/methods/chat.postMessage
        channel = self._channel(a.get("channel", ""))
        fields = self._message_fields(a)
        if not fields["text"] and not fields.get("blocks") and not a.get("attachments"):
            raise SlackError("no_text")
        ts = self._next_ts()
        # Message object as chat.postMessage returns it and conversations.history lists it:
        # https://docs.slack.dev/reference/methods/conversations.history (bot messages carry
        # user, bot_id and app_id; threads add thread_ts, reply_count, latest_reply).
        message = {"type": "message", "user": BOT_USER, "bot_id": BOT_ID, "app_id": APP_ID,
                   "team": self.team_id, "ts": ts, **fields}
        thread_ts = a.get("thread_ts")
        if thread_ts:
            parent = self._find(channel, str(thread_ts))
            message["thread_ts"] = parent["ts"]
            if _truthy(a.get("reply_broadcast")):
                # Shown in the channel as well as the thread, as subtype thread_broadcast:
                # https://docs.slack.dev/reference/events/message/thread_broadcast
                message["subtype"] = "thread_broadcast"
            parent["thread_ts"] = parent["ts"]
            parent["reply_count"] = parent.get("reply_count", 0) + 1
            parent["reply_users"] = sorted({*parent.get("reply_users", []), BOT_USER})
            parent["reply_users_count"] = len(parent["reply_users"])
            parent["latest_reply"] = ts
        channel["messages"].append(message)
        return {"channel": channel["id"], "ts": ts, "message": _public(message, True)}

    def _delete(self, a: dict[str, Any]) -> dict[str, Any]:
        # https://docs.slack.dev/reference/methods/chat.delete: with a bot token, only the
        # bot's own messages (cant_delete_message otherwise); message_not_found if gone.
        channel = self._channel(a.get("channel", ""))
        message = self._find(channel, str(a.get("ts", "")))
        if message.get("user") != BOT_USER:
            raise SlackError("cant_delete_message")
        channel["messages"].remove(message)
        return {"channel": channel["id"], "ts": message["ts"]}

    def _update(self, a: dict[str, Any]) -> dict[str, Any]:
        # https://docs.slack.dev/reference/methods/chat.update
        channel = self._channel(a.get("channel", ""))
        message = self._find(channel, str(a.get("ts", "")))
        if message.get("user") != BOT_USER:
            raise SlackError("cant_update_message")
        fields = self._message_fields(a)
        if "text" not in a:
            fields.pop("text")
        message.update(fields)
        message["edited"] = {"user": BOT_USER, "ts": self._next_ts()}
        return {"channel": channel["id"], "ts": message["ts"], "text": message["text"],
                "message": _public(message, True)}

    def _post_ephemeral(self, a: dict[str, Any]) -> dict[str, Any]:
        # https://docs.slack.dev/reference/methods/chat.postEphemeral
        channel = self._channel(a.get("channel", ""))
        user = str(a.get("user", ""))
        if user not in self.users:
            raise SlackError("user_not_found")
        if user not in channel["members"]:
            raise SlackError("user_not_in_channel")
        fields = self._message_fields(a)
        ts = self._next_ts()
        self.ephemeral.append({"channel": channel["id"], "user": user, "ts": ts, **fields})
        return {"message_ts": ts}

    def _get_permalink(self, a: dict[str, Any]) -> dict[str, Any]:
        # https://docs.slack.dev/reference/methods/chat.getPermalink
        channel = self._channel(a.get("channel", ""))
        message = self._find(channel, str(a.get("message_ts", "")))
        thread = message.get("thread_ts")
        link = self._permalink(channel["id"], message["ts"],
                               thread if thread and thread != message["ts"] else None)
        return {"channel": channel["id"], "permalink": link}

    def _readable(self, a: dict[str, Any]) -> dict[str, Any]:
        channel = self._channel(a.get("channel", ""))
        if BOT_USER not in channel["members"]:
            raise SlackError("not_in_channel")
        return channel

    def _page(self, items: list[dict[str, Any]], a: dict[str, Any], default: int,
              newest_first: bool) -> dict[str, Any]:
        limit = int(a.get("limit") or default)
        if a.get("cursor"):
            after = uncursor(str(a["cursor"]))
            items = [m for m in items if (m["ts"] < after if newest_first else m["ts"] > after)]
        page, more = items[:limit], len(items) > limit
        meta = _truthy(a.get("include_all_metadata"))
        body: dict[str, Any] = {"messages": [_public(m, meta) for m in page], "has_more": more}
        if more:
            body["response_metadata"] = {"next_cursor": cursor(page[-1]["ts"])}
        return body

    def _history(self, a: dict[str, Any]) -> dict[str, Any]:
        # https://docs.slack.dev/reference/methods/conversations.history
        channel = self._readable(a)
        oldest, latest = float(a.get("oldest") or 0), float(a.get("latest") or 9e12)
        inclusive = _truthy(a.get("inclusive"))
        top = [m for m in channel["messages"] if _in_channel(m)
               and (oldest <= float(m["ts"]) <= latest if inclusive
                    else oldest < float(m["ts"]) < latest)]
        top.sort(key=lambda m: m["ts"], reverse=True)
        return {**self._page(top, a, 100, True), "pin_count": 0}

    def _replies(self, a: dict[str, Any]) -> dict[str, Any]:
        # https://docs.slack.dev/reference/methods/conversations.replies
        channel = self._readable(a)
        try:
            parent = self._find(channel, str(a.get("ts", "")))
        except SlackError:
            raise SlackError("thread_not_found") from None
        thread = [parent] + [m for m in channel["messages"]
                             if m.get("thread_ts") == parent["ts"] and m is not parent]
        return self._page(thread, a, 1000, False)

    def _members(self, a: dict[str, Any]) -> dict[str, Any]:
        # https://docs.slack.dev/reference/methods/conversations.members
        channel = self._readable(a)
        return {"members": list(channel["members"]), "response_metadata": {"next_cursor": ""}}

    def _users_info(self, a: dict[str, Any]) -> dict[str, Any]:
        # https://docs.slack.dev/reference/methods/users.info
        user = self.users.get(str(a.get("user", "")))
        if user is None:
            raise SlackError("user_not_found")
        return {"user": dict(user)}

    def _usergroup_users(self, a: dict[str, Any]) -> dict[str, Any]:
        # https://docs.slack.dev/reference/methods/usergroups.users.list (paid plans only)
        if self.plan == "free":
            raise SlackError("paid_teams_only")
        group = self.usergroups.get(str(a.get("usergroup", "")))
        if group is None:
            raise SlackError("no_such_subteam")
        return {"users": list(group["users"])}

    def _view(self, raw: Any, kind: str = "modal") -> dict[str, Any]:
        view = _jsonish(raw)
        if not isinstance(view, dict) or view.get("type") not in ("modal", "home"):
            raise SlackError("invalid_arguments", ["failed to match all allowed schemas "
                                                   "[json-pointer:/view]"])
        errors = block_errors(view.get("blocks", []), "/view/blocks", MODAL_BLOCKS)
        for key in ("title", "submit", "close"):
            if len(_text_of(view.get(key))) > MODAL_TITLE:
                errors.append(_too_long(MODAL_TITLE, f"/view/{key}/text"))
        if len(str(view.get("private_metadata", ""))) > 3000:
            errors.append(_too_long(3000, "/view/private_metadata"))
        if errors:
            raise SlackError("invalid_arguments", errors)
        return view

    def _store_view(self, view: dict[str, Any], view_id: str | None = None) -> dict[str, Any]:
        # View object: https://docs.slack.dev/reference/views (views.open response example)
        vid = view_id or self._id("V")
        stored = {"id": vid, "team_id": self.team_id, "type": view["type"],
                  "blocks": view.get("blocks", []), "private_metadata":
                  view.get("private_metadata", ""), "callback_id": view.get("callback_id", ""),
                  "state": {"values": {}}, "hash": f"{self._next_ts()}.{self._id('h')}",
                  "title": view.get("title"), "submit": view.get("submit"),
                  "close": view.get("close"), "external_id": view.get("external_id", ""),
                  "root_view_id": vid, "previous_view_id": None, "app_id": APP_ID,
                  "bot_id": BOT_ID, "clear_on_close": bool(view.get("clear_on_close")),
                  "notify_on_close": bool(view.get("notify_on_close"))}
        self.views[vid] = stored
        return stored

    def _views_open(self, a: dict[str, Any]) -> dict[str, Any]:
        # https://docs.slack.dev/reference/methods/views.open (trigger_id lives 3 s in Slack;
        # the sandbox accepts any non-empty one, as the stand-in mints them)
        if not a.get("trigger_id"):
            raise SlackError("invalid_arguments", ["missing required field: trigger_id"])
        stored = self._store_view(self._view(a.get("view")))
        user = self.triggers.get(str(a["trigger_id"]))
        if user:
            self.open_views[user] = [stored["id"]]
        return {"view": dict(stored)}

    def _views_push(self, a: dict[str, Any]) -> dict[str, Any]:
        # https://docs.slack.dev/reference/methods/views.push (on top of an open modal)
        if not a.get("trigger_id"):
            raise SlackError("invalid_arguments", ["missing required field: trigger_id"])
        user = self.triggers.get(str(a["trigger_id"]))
        stored = self._store_view(self._view(a.get("view")))
        if user:
            self.open_views.setdefault(user, []).append(stored["id"])
        return {"view": dict(stored)}

    def _views_update(self, a: dict[str, Any]) -> dict[str, Any]:
        # https://docs.slack.dev/reference/methods/views.update
        vid = a.get("view_id") or next((v["id"] for v in self.views.values()
                                        if a.get("external_id") and
                                        v["external_id"] == a.get("external_id")), None)
        if vid not in self.views:
            raise SlackError("not_found")
        if a.get("hash") and a["hash"] != self.views[vid]["hash"]:
            raise SlackError("hash_conflict")
        return {"view": dict(self._store_view(self._view(a.get("view")), vid))}

    def _views_publish(self, a: dict[str, Any]) -> dict[str, Any]:
        # https://docs.slack.dev/reference/methods/views.publish
        user = str(a.get("user_id", ""))
        if user not in self.users:
            raise SlackError("user_not_found")
        stored = self._store_view(self._view(a.get("view")))
        self.home_views[user] = stored
        return {"view": dict(stored)}

    def _get_upload_url(self, a: dict[str, Any]) -> dict[str, Any]:
        # https://docs.slack.dev/reference/methods/files.getUploadURLExternal
        if not a.get("filename") or not str(a.get("length", "")).isdigit():
            raise SlackError("invalid_arguments", ["filename and length are required"])
        fid = self._id("F")
        self.files[fid] = {"id": fid, "name": a["filename"], "title": a["filename"],
                           "size": int(a["length"]), "alt_txt": a.get("alt_txt", ""),
                           "user": BOT_USER, "created": int(self.clock.now().timestamp())}
        return {"upload_url": f"{self.url}/upload/v1/{fid}", "file_id": fid}

    def _complete_upload(self, a: dict[str, Any]) -> dict[str, Any]:
        # https://docs.slack.dev/reference/methods/files.completeUploadExternal
        items = _jsonish(a.get("files", "[]"))
        done = []
        for item in items if isinstance(items, list) else []:
            f = self.files.get(str(item.get("id")))
            if f is None or "_data" not in f:
                raise SlackError("file_not_found")
            # File object: https://docs.slack.dev/reference/objects/file-object
            f["title"] = item.get("title") or f["name"]
            f["url_private"] = f"{self.url}/files-pri/{self.team_id}-{f['id']}/{f['name']}"
            done.append(_public(f, True))
        if not done:
            raise SlackError("invalid_arguments", ["files must list uploaded file ids"])
        target = a.get("channel_id") or (str(a.get("channels") or "").split(",")[0] or None)
        if target:
            self._post_message({"channel": target, "text": a.get("initial_comment") or "",
                                "thread_ts": a.get("thread_ts")} if a.get("thread_ts") else
                               {"channel": target, "text": a.get("initial_comment") or ""})
            self._channel(target)["messages"][-1]["files"] = done
        return {"files": done}


    def _files_delete(self, a: dict[str, Any]) -> dict[str, Any]:
        # https://docs.slack.dev/reference/methods/files.delete: `file` is required; a bot token
        # may delete the files the bot uploaded (cant_delete_file otherwise); file_not_found
        # for an unknown id, file_deleted for one already deleted. Messages that shared it
        # then show a tombstone in its place (the file object's mode "tombstone").
        fid = str(a.get("file") or "")
        if not fid:
            raise SlackError("invalid_arguments", ["missing required field: file"])
        f = self.files.get(fid)
        if f is None:
            raise SlackError("file_deleted" if fid in self.deleted_files else "file_not_found")
        if f.get("user") != BOT_USER:
            raise SlackError("cant_delete_file")
        del self.files[fid]
        self.deleted_files.add(fid)
        for channel in self.channels.values():
            for m in channel["messages"]:
                if any(x.get("id") == fid for x in m.get("files", [])):
                    m["files"] = [{"id": fid, "mode": "tombstone"} if x.get("id") == fid else x
                                  for x in m["files"]]
        return {}


def _public(message: dict[str, Any], with_metadata: bool) -> dict[str, Any]:
    out = {k: v for k, v in message.items() if not k.startswith("_")}
    if not with_metadata:
        out.pop("metadata", None)
    return out


def cursor(ts: str) -> str:
    # Slack cursors are base64 of "next_ts:<ts without dot>"-style markers; opaque to clients.
    return base64.b64encode(f"next_ts:{ts}".encode()).decode()


def uncursor(value: str) -> str:
    try:
        raw = base64.b64decode(value.encode()).decode()
    except ValueError as exc:
        raise SlackError("invalid_cursor") from exc
    if not raw.startswith("next_ts:"):
        raise SlackError("invalid_cursor")
    return raw[len("next_ts:"):]
