"""The public side: what the fake X account and Facebook Page look like from outside, and
posting as a member of the public.

Everything is read from the fakes' own state, so the panel shows what the platform did, not
what the bot believes it did: a hidden comment is hidden because the Graph fake was told so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.core.clock import format_local
from bot.sandbox.fake_graph import FakeGraph
from bot.sandbox.fake_x import FakeX
from bot.sandbox.graph_wire import parse_when

X_PLATFORM, FACEBOOK_PLATFORM = "x", "facebook"
X_KINDS = ("mention", "reply", "dm")
FACEBOOK_KINDS = ("comment", "visitor_post", "message")
MAX_TEXT = 2000


class PublicError(ValueError):
    """A post the form cannot make; the message is shown to the person."""


@dataclass
class PublicSide:
    x: FakeX
    graph: FakeGraph
    x_handle: str
    page_name: str
    page_id: str

    # -- reading ---------------------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        return {"x": self._x(), "facebook": self._facebook()}

    def _x(self) -> dict[str, Any]:
        account = self.x.user_id(self.x_handle)
        users = {u["id"]: u for u in self.x.users()}
        muted, blocked = self.x.muted(account), self.x.blocked(account)

        def who(uid: str) -> dict[str, Any]:
            u = users.get(uid, {"name": uid, "username": uid})
            return {"name": u["name"], "handle": "@" + u["username"], "own": uid == account,
                    "muted": uid in muted, "blocked": uid in blocked}

        posts = []
        for t in self.x.timeline():
            involved = t["author_id"] == account or t.get("in_reply_to_user_id") == account or any(
                m.get("id") == account for m in t.get("entities", {}).get("mentions", []))
            if not involved:
                continue
            posts.append({"id": t["id"], "author": who(t["author_id"]), "text": t["text"],
                          "when": _local(t["created_at"]), "hidden": t["hidden"],
                          "deleted": t["deleted"], "reply_to": _replied_to(t),
                          "media": len(t.get("attachments", {}).get("media_keys", []))})
        dms = [{"id": e["id"], "from": who(e["sender_id"]), "text": e["text"],
                "when": _local(e["created_at"]),
                "to": who(next(iter(set(e["dm_conversation_id"].split("-")) - {e["sender_id"]}),
                               e["sender_id"]))}
               for e in self.x.dms() if account in e["dm_conversation_id"].split("-")]
        return {"handle": "@" + self.x_handle, "posts": posts, "dms": dms}

    def _facebook(self) -> dict[str, Any]:
        blocked = self.graph.blocked(self.page_name)
        explained = {r["comment_id"]: r["text"] for r in self.graph.private_replies()}
        page_id = self.page_id

        def who(actor: dict[str, Any]) -> dict[str, Any]:
            return {"name": actor.get("name", "?"), "own": actor.get("id") == page_id,
                    "blocked": actor.get("id") in blocked}

        posts = []
        for p in self.graph.posts_of(self.page_name):
            comments = [{"id": c["id"], "author": who(c["from"]), "text": c["message"],
                         "when": _local(c["created_time"]), "hidden": c["is_hidden"],
                         "deleted": c["deleted"], "reply": bool(c["parent"]),
                         "private_reply": explained.get(c["id"], ""),
                         "photo": "attachment" in c}
                        for c in p["comments"]]
            posts.append({"id": p["id"], "author": who(p["from"]), "text": p["message"],
                          "when": _local(p["created_time"]), "where": p["where"],
                          "hidden": p.get("is_hidden", False), "deleted": p["deleted"],
                          "comments": comments})
        threads = [{"person": c["person"], "blocked": c["psid"] in blocked,
                    "messages": [{"from_page": m["from"]["id"] == page_id, "text": m["message"],
                                  "when": _local(m["created_time"])} for m in c["messages"]]}
                   for c in self.graph.conversations_of(self.page_name)]
        return {"page": self.page_name, "posts": posts, "messenger": threads}

    # -- writing ---------------------------------------------------------------------------------

    def post(self, platform: str, kind: str, author: str, text: str, image: bool) -> str:
        """Post as a member of the public; returns the new item's platform id."""
        author, text = author.strip(), text.strip()
        if not author or not text:
            raise PublicError("give an author and some text")
        if len(text) > MAX_TEXT:
            raise PublicError(f"keep it under {MAX_TEXT} characters")
        if platform == X_PLATFORM and kind in X_KINDS:
            return self._post_x(kind, author, text, image)
        if platform == FACEBOOK_PLATFORM and kind in FACEBOOK_KINDS:
            return self._post_facebook(kind, author, text, image)
        raise PublicError(f"unknown platform or kind: {platform} {kind}")

    def _post_x(self, kind: str, author: str, text: str, image: bool) -> str:
        handle = re.sub(r"\W", "", author.lstrip("@"))[:15] or "someone"
        if handle.lower() == self.x_handle.lower():
            raise PublicError("post as a member of the public, not as the watched account")
        try:
            self.x.user_id(handle)
        except KeyError:
            self.x.add_user(handle, author.lstrip("@"))
        if kind == "dm":
            return "dm:" + str(self.x.add_dm(handle, self.x_handle, text)["id"])
        media = [{"type": "photo", "alt_text": "a photo"}] if image else []
        if kind == "reply":
            root = self._own_root()
            return str(self.x.add_tweet(handle, text, reply_to=root, media=media)["id"])
        if f"@{self.x_handle.lower()}" not in text.lower():
            text = f"@{self.x_handle} {text}"
        return str(self.x.add_tweet(handle, text, media=media)["id"])

    def _own_root(self) -> str:
        """The account's newest post that starts a conversation (made if there is none)."""
        account = self.x.user_id(self.x_handle)
        own = [t for t in self.x.timeline() if t["author_id"] == account
               and not t.get("referenced_tweets") and not t["deleted"]]
        if own:
            return str(own[-1]["id"])
        made = self.x.add_tweet(self.x_handle, "We're here 9 to 5 on weekdays. How can we help?")
        return str(made["id"])

    def _post_facebook(self, kind: str, author: str, text: str, image: bool) -> str:
        if author.lower() == self.page_name.lower():
            raise PublicError("post as a member of the public, not as the Page")
        if kind == "visitor_post":
            return str(self.graph.add_visitor_post(self.page_name, author, text,
                                                   photo=image)["id"])
        if kind == "message":
            return str(self.graph.add_message(self.page_name, author, text, photo=image)["id"])
        own = [p for p in self.graph.posts_of(self.page_name)
               if p["where"] == "own" and not p["deleted"]]
        post = own[-1]["id"] if own else self.graph.add_post(
            self.page_name, "Welcome to our Page. We're here 9 to 5 on weekdays.")["id"]
        return str(self.graph.add_comment(post, author, text, photo=image)["id"])


def _local(stamp: str) -> str:
    when = parse_when(stamp)
    return format_local(when) if when else stamp


def _replied_to(tweet: dict[str, Any]) -> str:
    for ref in tweet.get("referenced_tweets", []):
        if ref.get("type") == "replied_to":
            return str(ref["id"])
    return ""
