"""The page's JSON API: one state snapshot to poll, and one endpoint per thing a person does.

Every endpoint answers {"ok": bool, "note": what happened, in words the page shows}.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from bot.runtime.web import health
from bot.sandbox.standin.public import PublicError
from bot.slack.action_ids import CHECK_MESSAGE

if TYPE_CHECKING:
    from bot.sandbox.standin.runtime import StandIn

Answer = tuple[int, dict[str, Any]]
ACTION_KEYS = ("action_id", "block_id", "type", "value", "text", "style", "url",
               "selected_option", "selected_options", "selected_user", "selected_users",
               "selected_conversation", "selected_channel", "selected_date", "selected_time")


def _user(standin: StandIn, raw: Any) -> str:
    ids = [p["id"] for p in standin.team]
    return str(raw) if str(raw) in ids else ids[0]


def state(standin: StandIn, query: dict[str, str]) -> dict[str, Any]:
    """Everything the page shows for this person and channel; `version` lets it skip work."""
    user = _user(standin, query.get("user"))
    channel = query.get("channel") or standin.sandbox.channel
    p = standin.presenter
    sources = health(standin.sandbox.services)[1].get("sources", {})
    data = {
        "me": user, "team": standin.team, "alert_channel": standin.sandbox.channel,
        "office": standin.controls.office_state(),
        "channels": p.channels(user), "channel": p.channel(channel, user),
        "modal": p.modal(user), "home": p.home(user),
        "users": _people(standin),
        "public": standin.public.snapshot(), "feeds": sources,
        "log": list(standin.controls.log),
    }
    version = hashlib.sha1(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()
    if query.get("since") == version:
        return {"version": version, "unchanged": True}
    return {"version": version, **data}


def _people(standin: StandIn) -> list[dict[str, str]]:
    slack = standin.sandbox.fake_slack
    with slack.lock:  # the fake's request threads may add users meanwhile
        return [{"id": u["id"], "name": u["real_name"]} for u in slack.users.values()
                if not u.get("is_bot")]


def _sent_note(what: str, sent: Any) -> Answer:
    if sent is None:
        return 200, {"ok": True, "note": what}
    ok = sent.status == 200
    note = f"{what}: feedwatch answered HTTP {sent.status}"
    return 200, {"ok": ok, "note": note, "status": sent.status}


def handle_post(standin: StandIn, path: str, body: dict[str, Any]) -> Answer:
    try:
        return _route(standin, path, body)
    except (PublicError, ValueError) as exc:
        return 400, {"ok": False, "note": str(exc)}


def _route(standin: StandIn, path: str, body: dict[str, Any]) -> Answer:
    bridge, user = standin.bridge, _user(standin, body.get("user"))
    if path == "/api/action":
        raw = body.get("action") if isinstance(body.get("action"), dict) else {}
        action = {k: raw[k] for k in ACTION_KEYS if k in raw}
        if not action.get("action_id"):
            raise ValueError("an action needs an action_id")
        sent = bridge.block_action(
            user, action, channel=str(body.get("channel") or ""),
            message_ts=str(body.get("ts") or ""), ephemeral=bool(body.get("ephemeral")),
            view_id=str(body.get("view_id") or ""), values=_values(body))
        return _sent_note(f"block_actions {action['action_id']} sent, signed", sent)
    if path == "/api/shortcut":
        sent = bridge.message_shortcut(user, str(body.get("channel") or standin.sandbox.channel),
                                       str(body.get("ts") or ""), CHECK_MESSAGE)
        return _sent_note("message shortcut Check with feedwatch sent, signed", sent)
    if path == "/api/view/submit":
        sent = bridge.view_submission(user, str(body.get("view_id") or ""), _values(body))
        return _sent_note("view_submission sent, signed", sent)
    if path == "/api/view/close":
        sent = bridge.view_closed(user, str(body.get("view_id") or ""))
        return _sent_note("modal closed", sent)
    if path == "/api/command":
        text = str(body.get("text") or "").strip()
        if text.startswith("/feedwatch"):
            text = text[len("/feedwatch"):].strip()
        channel = str(body.get("channel") or standin.sandbox.channel)
        sent = bridge.command(user, channel, text)
        return _sent_note(f"/feedwatch {text} sent, signed", sent)
    if path == "/api/home":
        sent = bridge.event({"type": "app_home_opened", "user": user, "tab": "home",
                             "channel": "D" + user[1:]})
        return _sent_note("app_home_opened sent", sent)
    if path == "/api/public":
        item = standin.public.post(str(body.get("platform") or ""), str(body.get("kind") or ""),
                                   str(body.get("author") or ""), str(body.get("text") or ""),
                                   bool(body.get("image")))
        standin.controls.note(f"a member of the public posted on {body.get('platform')}")
        standin.poller.wake()
        return 200, {"ok": True, "note": "posted; the bot reads it at its next poll",
                     "id": item}
    if path == "/api/scenario/replay":
        standin.controls.play()
        return 200, {"ok": True, "note": "the scenario is being posted again, in waves"}
    if path == "/api/scenario/pile_on":
        return 200, {"ok": True, "note": standin.controls.pile_on()}
    if path == "/api/clock":
        to = body.get("to")
        if to == "out_of_hours":
            standin.controls.out_of_hours()
        elif to == "office_opens":
            standin.controls.office_opens()
        else:
            raise ValueError("the clock goes to out_of_hours or office_opens")
        return 200, {"ok": True, "note": f"it is now {standin.controls.office_state()['now']}"}
    if path == "/api/fault":
        return 200, {"ok": True, "note": standin.controls.inject(str(body.get("fault")))}
    return 404, {"ok": False, "note": f"no such endpoint: {path}"}


def _values(body: dict[str, Any]) -> dict[str, Any]:
    """view.state.values as the page collected them: {block_id: {action_id: {...}}}."""
    values = body.get("values")
    if not isinstance(values, dict):
        return {}
    return {str(b): {str(a): v for a, v in acts.items() if isinstance(v, dict)}
            for b, acts in values.items() if isinstance(acts, dict)}
