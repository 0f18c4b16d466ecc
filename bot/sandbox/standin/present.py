"""The Slack side as the page shows it: channels, messages with threads, ephemeral messages,
modals and the Home tab, straight from the fake Slack's state.

Block Kit JSON goes to the page as the bot sent it, with three additions so the page never
parses markup or loads anything from outside: every mrkdwn text object gains `spans` (see
mrkdwn.py), image URLs point at the stand-in's own media routes (or are withheld), and link
buttons with an unsafe URL lose it.
"""

from __future__ import annotations

from typing import Any

from bot.sandbox.fake_slack import FakeSlack
from bot.sandbox.fake_x import MEDIA_BASE
from bot.sandbox.graph_wire import PHOTO_BASE
from bot.sandbox.standin.mrkdwn import parse, plain, safe_url

PLACEHOLDER_IMAGE = "/static/photo.svg"


def local_image(url: str) -> str | None:
    """Where the page may load this image from, or None: the page loads nothing external."""
    if url.startswith(f"{MEDIA_BASE}media/"):
        return "/media/x/" + url[len(f"{MEDIA_BASE}media/"):]
    if url.startswith(PHOTO_BASE):
        return PLACEHOLDER_IMAGE  # the Graph fake has photo URLs but no photo bytes
    return None


class Presenter:
    def __init__(self, slack: FakeSlack) -> None:
        self.slack = slack

    def _user_name(self, uid: str) -> str:
        user = self.slack.users.get(uid)
        return str(user["real_name"]) if user else uid

    def _channel_name(self, cid: str) -> str:
        ch = self.slack.channels.get(cid)
        return str(ch["name"]) if ch and ch.get("name") else cid

    def spans(self, text: str) -> list[dict[str, Any]]:
        return parse(text, self._user_name, self._channel_name)

    def prepare(self, obj: Any) -> Any:
        """A deep copy of Block Kit JSON with spans, local images and safe link URLs."""
        if isinstance(obj, list):
            return [self.prepare(x) for x in obj]
        if not isinstance(obj, dict):
            return obj
        out = {k: self.prepare(v) for k, v in obj.items()}
        if out.get("type") == "mrkdwn" and isinstance(out.get("text"), str):
            out["spans"] = self.spans(out["text"])
        if isinstance(out.get("image_url"), str):
            local = local_image(out["image_url"])
            out["withheld_url"] = "" if local else out["image_url"]
            out["image_url"] = local or ""
        if out.get("type") == "button" and isinstance(out.get("url"), str):
            out["url"] = safe_url(out["url"]) or ""
        return out

    def message(self, m: dict[str, Any], *, ephemeral: bool = False) -> dict[str, Any]:
        spans = self.spans(str(m.get("text") or ""))
        shown = {
            "ts": m.get("ts", ""), "thread_ts": m.get("thread_ts", ""),
            # An ephemeral message's "user" is who sees it; the bot wrote it.
            "author": self._user_name("U0BOT" if ephemeral else str(m.get("user") or "U0BOT")),
            "text_spans": spans, "label": plain(spans)[:160],
            "blocks": self.prepare(m.get("blocks") or []),
            "edited": bool(m.get("edited")), "ephemeral": ephemeral,
            "reply_count": int(m.get("reply_count") or 0),
            "files": [{"id": f.get("id"), "name": f.get("name"), "title": f.get("title"),
                       "size": f.get("size"), "alt": f.get("alt_txt", ""),
                       "url": f"/files/{f.get('id')}"} for f in m.get("files") or []],
        }
        return shown

    def channels(self, user: str) -> list[dict[str, Any]]:
        """Channels the bot is in, and this person's DM with the bot."""
        own_dm = "D" + user[1:]
        out = []
        for ch in self.slack.channel_list():
            if ch.get("is_im"):
                if ch["id"] != own_dm:
                    continue
                label = "feedwatch (direct message)"
            else:
                label = "#" + str(ch["name"])
            out.append({"id": ch["id"], "label": label, "count": ch["message_count"],
                        "is_im": bool(ch.get("is_im"))})
        return out

    def channel(self, channel: str, user: str) -> dict[str, Any]:
        try:
            everything = self.slack.messages(channel, include_replies=True)
        except Exception:  # a channel id the page remembers but the fake never had
            return {"id": channel, "messages": []}
        replies: dict[str, list[dict[str, Any]]] = {}
        for m in everything:
            if m.get("thread_ts") and m["thread_ts"] != m["ts"]:
                replies.setdefault(m["thread_ts"], []).append(self.message(m))
        # A reply sent "also to the channel" (a thread broadcast, e.g. the re-ping of an alert
        # nobody has taken) shows in the channel as well as in its thread, as in Slack.
        shown = {m["ts"]: self.message(m) for m in everything if _top_level(m) or _broadcast(m)}
        items = [{**shown[m["ts"]], "replies": replies.get(m["ts"], []) if _top_level(m) else [],
                  "broadcast_of": shown.get(str(m.get("thread_ts")), {}).get("label", "")
                  if _broadcast(m) else ""}
                 for m in everything if m["ts"] in shown]
        with self.slack.lock:
            mine = [dict(e) for e in self.slack.ephemeral
                    if e.get("user") == user and e.get("channel") == channel]
        items += [{**self.message(e, ephemeral=True), "replies": [], "broadcast_of": ""}
                  for e in mine]
        items.sort(key=lambda m: float(m["ts"] or 0))
        return {"id": channel, "messages": items}

    def modal(self, user: str) -> dict[str, Any] | None:
        stack = self.slack.modal_stack(user)
        if not stack:
            return None
        view = stack[-1]
        return {"id": view["id"], "hash": view.get("hash", ""), "depth": len(stack),
                "title": view.get("title"), "submit": view.get("submit"),
                "close": view.get("close"), "errors": view.get("errors") or {},
                "blocks": self.prepare(view.get("blocks") or [])}

    def home(self, user: str) -> dict[str, Any] | None:
        with self.slack.lock:
            view = self.slack.home_views.get(user)
        if view is None:
            return None
        return {"id": view["id"], "hash": view.get("hash", ""),
                "blocks": self.prepare(view.get("blocks") or [])}


def _top_level(m: dict[str, Any]) -> bool:
    return bool(m.get("thread_ts", m["ts"]) == m["ts"])


def _broadcast(m: dict[str, Any]) -> bool:
    return m.get("subtype") == "thread_broadcast" and not _top_level(m)
