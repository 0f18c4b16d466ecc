"""What Slack does between a person's click and the bot: build the payload, sign it, POST it.

The page tells the stand-in "Sam pressed this button on that message"; this module turns it
into the request Slack would send to the bot's Request URL (block_actions, view_submission,
view_closed, a slash command, an Events API callback), signed with the run's secret, and
applies what the bot answers in the HTTP response itself (a view_submission's
response_action, a slash command's immediate text). Shapes follow
https://docs.slack.dev/reference/interaction-payloads and .../slash-commands.
"""

from __future__ import annotations

import json
import time
import urllib.request
from collections import deque
from dataclasses import dataclass
from typing import Any
from urllib.error import HTTPError
from urllib.parse import parse_qs, urlencode

from slack_sdk.signature import SignatureVerifier

from bot.sandbox.fake_slack import APP_ID, FakeSlack, SlackError

COMMAND = "/feedwatch"


@dataclass
class Sent:
    """One delivery to the bot: what it was and how the bot answered."""

    kind: str
    status: int
    body: bytes

    def json(self) -> dict[str, Any]:
        try:
            data = json.loads(self.body.decode("utf-8")) if self.body.strip() else {}
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}


class Bridge:
    """Signed deliveries from the stand-in to the bot's /slack/events, on loopback."""

    def __init__(self, slack: FakeSlack, events_url: str, signing_secret: str) -> None:
        self.slack = slack
        self.events_url = events_url
        self._verifier = SignatureVerifier(signing_secret)
        self._event_seq = 0
        # The latest deliveries (kind, payload, bot's status), newest last: for the page's
        # "what happened" and for tests that check what Slack would have sent.
        self.history: deque[dict[str, Any]] = deque(maxlen=50)

    # -- the wire -------------------------------------------------------------------------------

    def _post(self, kind: str, body: str) -> Sent:
        # Slack signs with the real time: Bolt refuses requests older than five minutes.
        ts = str(int(time.time()))
        headers = {"Content-Type": "application/x-www-form-urlencoded",
                   "X-Slack-Request-Timestamp": ts,
                   "X-Slack-Signature": self._verifier.generate_signature(timestamp=ts,
                                                                          body=body)}
        if body.startswith("{"):
            headers["Content-Type"] = "application/json"
        req = urllib.request.Request(self.events_url, body.encode("utf-8"), headers,
                                     method="POST")
        # No proxies: a proxy variable in the environment must not carry this off the machine.
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(req, timeout=10) as resp:
                sent = Sent(kind, resp.status, resp.read())
        except HTTPError as err:
            sent = Sent(kind, err.code, err.read())
        self.history.append({"kind": kind, "payload": _decoded(body), "status": sent.status})
        return sent

    def _user(self, user: str) -> dict[str, Any]:
        info = self.slack.users.get(user, {"name": user})
        return {"id": user, "username": info.get("name", user), "name": info.get("name", user),
                "team_id": self.slack.team_id}

    def _common(self, kind: str, user: str) -> dict[str, Any]:
        return {"type": kind, "user": self._user(user), "api_app_id": APP_ID,
                "token": "sandbox-verification-token", "is_enterprise_install": False,
                "team": {"id": self.slack.team_id, "domain": self.slack.team},
                "enterprise": None}

    # -- interactions ---------------------------------------------------------------------------

    def block_action(self, user: str, action: dict[str, Any], *, channel: str = "",
                     message_ts: str = "", ephemeral: bool = False, view_id: str = "",
                     values: dict[str, Any] | None = None) -> Sent:
        """A click on a message (in a channel, ephemeral, in a thread) or inside a view."""
        payload = self._common("block_actions", user)
        payload["trigger_id"] = self.slack.mint_trigger(user)
        payload["actions"] = [{**action, "action_ts": f"{time.time():.6f}"}]
        if view_id:
            view = self._view(view_id, values)
            payload["container"] = {"type": "view", "view_id": view_id}
            payload["view"] = view
        else:
            payload["container"] = {"type": "message", "message_ts": message_ts,
                                    "channel_id": channel, "is_ephemeral": ephemeral}
            payload["channel"] = {"id": channel, "name": self._channel_name(channel)}
            payload["response_url"] = self.slack.response_url(channel, user, message_ts)
            payload["state"] = {"values": values or {}}
            if not ephemeral:
                payload["message"] = self._message(channel, message_ts)
        return self._post("block_actions", urlencode({"payload": json.dumps(payload)}))

    def view_submission(self, user: str, view_id: str, values: dict[str, Any]) -> Sent:
        """Submit a modal; applies the bot's response_action as Slack would."""
        payload = self._common("view_submission", user)
        payload["trigger_id"] = self.slack.mint_trigger(user)
        payload["view"] = self._view(view_id, values)
        payload["response_urls"] = []
        sent = self._post("view_submission", urlencode({"payload": json.dumps(payload)}))
        if sent.status == 200:
            try:
                self.slack.answer_view(user, view_id, sent.json())
            except SlackError as err:  # Slack shows its own "trouble connecting" here
                return Sent("view_submission", 200, f"invalid view: {err.code} "
                            f"{err.messages}".encode())
        return sent

    def view_closed(self, user: str, view_id: str) -> Sent | None:
        """The person closed a modal: Slack tells the bot only if the view asked for it."""
        view = self.slack.views.get(view_id, {})
        self.slack.close_views(user, view_id)
        if not view.get("notify_on_close"):
            return None
        payload = self._common("view_closed", user)
        payload["view"] = self._view(view_id, {})
        payload["is_cleared"] = False
        return self._post("view_closed", urlencode({"payload": json.dumps(payload)}))

    def message_shortcut(self, user: str, channel: str, message_ts: str,
                         callback_id: str) -> Sent:
        """A message shortcut chosen from a message's "More actions" menu (message_action):
        https://docs.slack.dev/interactivity/implementing-shortcuts (payload: callback_id,
        the message, the channel, a response_url and a trigger_id)."""
        payload = self._common("message_action", user)
        payload.update({
            "callback_id": callback_id, "trigger_id": self.slack.mint_trigger(user),
            "action_ts": f"{time.time():.6f}", "message_ts": message_ts,
            "channel": {"id": channel, "name": self._channel_name(channel)},
            "message": self._message(channel, message_ts),
            "response_url": self.slack.response_url(channel, user),
        })
        return self._post("message_action", urlencode({"payload": json.dumps(payload)}))

    # -- commands and events --------------------------------------------------------------------

    def command(self, user: str, channel: str, text: str) -> Sent:
        """`/feedwatch <text>` typed in `channel`; an immediate answer shows ephemerally."""
        body = urlencode({
            "token": "sandbox-verification-token", "team_id": self.slack.team_id,
            "team_domain": self.slack.team, "channel_id": channel,
            "channel_name": self._channel_name(channel), "user_id": user,
            "user_name": self._user(user)["username"], "command": COMMAND, "text": text,
            "api_app_id": APP_ID, "is_enterprise_install": "false",
            "response_url": self.slack.response_url(channel, user),
            "trigger_id": self.slack.mint_trigger(user),
        })
        sent = self._post("slash_command", body)
        answer = sent.json()
        if sent.status == 200 and (answer.get("text") or answer.get("blocks")):
            self.slack.add_ephemeral(channel, user, answer.get("text", ""),
                                     answer.get("blocks"))
        return sent

    def event(self, event: dict[str, Any]) -> Sent:
        """An Events API callback (JSON), e.g. app_home_opened when the Home tab is opened."""
        self._event_seq += 1
        body = json.dumps({
            "token": "sandbox-verification-token", "team_id": self.slack.team_id,
            "api_app_id": APP_ID, "type": "event_callback",
            "event": {"event_ts": f"{time.time():.6f}", **event},
            "event_id": f"Ev{self._event_seq:08d}", "event_time": int(time.time()),
            "authorizations": [{"team_id": self.slack.team_id, "user_id": "U0BOT",
                                "is_bot": True}],
        })
        return self._post("event", body)

    # -- helpers --------------------------------------------------------------------------------

    def _channel_name(self, channel: str) -> str:
        with self.slack.lock:
            ch = self.slack.channels.get(channel)
            return str(ch.get("name") or "directmessage") if ch else "unknown"

    def _message(self, channel: str, ts: str) -> dict[str, Any]:
        for m in self.slack.messages(channel, include_replies=True):
            if m["ts"] == ts:
                m.pop("metadata", None)  # Slack leaves metadata out of interaction payloads
                return m
        return {"ts": ts, "text": "", "blocks": []}

    def _view(self, view_id: str, values: dict[str, Any] | None) -> dict[str, Any]:
        with self.slack.lock:
            view = dict(self.slack.views.get(view_id) or {"id": view_id})
        view.pop("errors", None)
        view["state"] = {"values": values or {}}
        return view


def _decoded(body: str) -> dict[str, Any]:
    """A delivery's body as data: JSON events, `payload=` interactions, or command forms."""
    if body.startswith("{"):
        return dict(json.loads(body))
    form = {k: v[-1] for k, v in parse_qs(body, keep_blank_values=True).items()}
    return dict(json.loads(form["payload"])) if "payload" in form else form
