"""Driving the bot's HTTP endpoint the way Slack does: signed, form-encoded requests."""

from __future__ import annotations

import io
import itertools
import json
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

_SEQ = itertools.count(1)


def new_trigger_id() -> str:
    """Slack mints a fresh trigger_id for every click, submission and command."""
    return f"13345224609.738474920.{next(_SEQ):031x}"


def new_action_ts() -> str:
    return f"{time.time():.6f}"


def signed_headers(secret: str, body: str, timestamp: int | None = None) -> dict[str, str]:
    ts = str(timestamp if timestamp is not None else int(time.time()))
    sig = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig}


def command_body(text: str, response_url: str, user: str = "U0MOD1",
                 channel: str = "C0ALERTS") -> str:
    return urlencode({
        "token": "unused", "team_id": "T0SANDBOX", "team_domain": "sandbox",
        "channel_id": channel, "channel_name": "alerts", "user_id": user, "user_name": "mod",
        "command": "/feedwatch", "text": text, "api_app_id": "A0FEEDWATCH",
        "response_url": response_url, "trigger_id": new_trigger_id(),
    })


def _action_payload(action: dict[str, Any], response_url: str, user: str, channel: str,
                    message_ts: str) -> str:
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": "mod", "team_id": "T0SANDBOX"},
        "api_app_id": "A0FEEDWATCH",
        "team": {"id": "T0SANDBOX", "domain": "sandbox"},
        "container": {"type": "message", "message_ts": message_ts, "channel_id": channel},
        "trigger_id": new_trigger_id(),
        "channel": {"id": channel, "name": "alerts"},
        "message": {"ts": message_ts, "text": "alert", "blocks": []},
        "response_url": response_url,
        "actions": [{"block_id": "fw_actions", "action_ts": new_action_ts()} | action],
    }
    return urlencode({"payload": json.dumps(payload)})


def block_action_body(action_id: str, value: str, response_url: str, user: str = "U0MOD1",
                      channel: str = "C0ALERTS", message_ts: str = "1700000000.000100") -> str:
    return _action_payload({"action_id": action_id, "value": value, "type": "button"},
                           response_url, user, channel, message_ts)


def menu_action_body(menu_id: str, option_value: str, response_url: str, user: str = "U0MOD1",
                     channel: str = "C0ALERTS", message_ts: str = "1700000000.000100") -> str:
    """An overflow menu choice, as Slack sends it: the option in `selected_option`, no value."""
    option = {"text": {"type": "plain_text", "text": "chosen"}, "value": option_value}
    return _action_payload({"action_id": menu_id, "type": "overflow", "selected_option": option},
                           response_url, user, channel, message_ts)


def select_user_body(action_id: str, block_id: str, selected_user: str, response_url: str,
                     user: str = "U0MOD1", channel: str = "C0ALERTS",
                     message_ts: str = "1700000000.000100") -> str:
    """A users_select choice as Slack sends it: the person chosen, no value of ours."""
    return _action_payload({"action_id": action_id, "block_id": block_id, "type": "users_select",
                            "selected_user": selected_user}, response_url, user, channel,
                           message_ts)


def message_shortcut_body(callback_id: str, text: str, response_url: str,
                          user: str = "U0MOD1", channel: str = "C0ALERTS") -> str:
    """A message shortcut as Slack sends it (type message_action): the message it was used on,
    and a response_url for the answer."""
    payload = {
        "type": "message_action", "callback_id": callback_id, "token": "unused",
        "action_ts": new_action_ts(), "trigger_id": new_trigger_id(),
        "team": {"id": "T0SANDBOX", "domain": "sandbox"},
        "user": {"id": user, "username": "mod", "team_id": "T0SANDBOX", "name": "mod"},
        "channel": {"id": channel, "name": "comms-team"},
        "is_enterprise_install": False, "enterprise": None,
        "message": {"type": "message", "user": "U0OTHER", "ts": "1700000000.000900",
                    "text": text},
        "response_url": response_url,
    }
    return urlencode({"payload": json.dumps(payload)})


def call_wsgi(app: Callable[..., Any], method: str, path: str, body: str = "",
              headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    raw = body.encode()
    environ: dict[str, Any] = {
        "REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": "",
        "CONTENT_TYPE": "application/x-www-form-urlencoded", "CONTENT_LENGTH": str(len(raw)),
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "3000", "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.input": io.BytesIO(raw), "wsgi.url_scheme": "http", "wsgi.errors": io.StringIO(),
        "wsgi.version": (1, 0), "wsgi.multithread": True, "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    for k, v in (headers or {}).items():
        environ["HTTP_" + k.upper().replace("-", "_")] = v
    captured: dict[str, Any] = {}

    def start_response(status: str, hdrs: list[tuple[str, str]], exc_info: Any = None) -> None:
        captured["status"] = int(status.split()[0])
        captured["headers"] = dict(hdrs)

    out = b"".join(app(environ, start_response))
    return captured["status"], captured["headers"], out
