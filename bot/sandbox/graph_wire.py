"""Graph API wire format for the sandbox's FakeGraph: errors, field selection, paging, and
the store of Pages, posts, comments and Messenger threads that renders into it.

Shapes follow the Graph API reference (developers.facebook.com/docs/graph-api): errors are
{"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}} with the documented codes
(docs/graph-api/guides/error-handling), `fields` selects what a node returns (only id and a few
defaults otherwise; unknown fields are error #100), edges page with `paging.cursors` and
`paging.next` (docs/graph-api/results) and feed-like edges page by time (since/until plus an
opaque __paging_token). Times are "2026-11-24T10:00:00+0000".
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from bot.sandbox.http_fake import Request, Response, json_response

GRAPH_BASE = "https://graph.facebook.com/"
SANDBOX_PREFIX = "sandbox-"
DEFAULT_LIMIT = 25
MAX_LIMIT = 100
PRIVATE_REPLY_WINDOW = timedelta(days=7)  # one private reply per comment, within 7 days
PHOTO_HOST = "https://scontent.xx.fbcdn.net/"
PHOTO_BASE = f"{PHOTO_HOST}v/t39.30808-6/"
Obj = dict[str, Any]


def fb_time(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def parse_when(value: str) -> datetime | None:
    """since/until: a unix timestamp or an ISO date/time (Graph accepts strtotime values)."""
    value = value.strip()
    if value.lstrip("-").isdigit():
        return datetime.fromtimestamp(int(value), UTC)
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


# -- errors -------------------------------------------------------------------------------------

def graph_error(code: int, message: str, *, kind: str = "OAuthException",
                subcode: int | None = None, status: int = 400, **extra: Any) -> Response:
    error: dict[str, Any] = {"message": message, "type": kind, "code": code}
    if subcode is not None:
        error["error_subcode"] = subcode
    error.update(extra)
    error["fbtrace_id"] = "A" + secrets.token_urlsafe(16)[:22]
    return json_response(status, {"error": error})


def invalid_token() -> Response:
    return graph_error(190, "Invalid OAuth access token - Cannot parse access token")


def expired_token(expired: datetime, now: datetime) -> Response:
    fmt = "%A, %d-%b-%y %H:%M:%S UTC"
    return graph_error(
        190, f"Error validating access token: Session has expired on {expired.strftime(fmt)}. "
        f"The current time is {now.strftime(fmt)}.", subcode=463)


def missing_permission(permission: str, code: int = 10) -> Response:
    if code == 10:
        message = (f"(#10) This endpoint requires the '{permission}' permission or the 'Page "
                   "Public Content Access' feature. Refer to https://developers.facebook.com/"
                   "docs/apps/review/login-permissions#manage-pages and https://developers."
                   "facebook.com/docs/apps/review/feature#reference-PAGES_ACCESS for details.")
    else:
        message = f"(#{code}) Requires {permission} permission to manage the object"
    return graph_error(code, message, status=403)


RATE_LIMITS = {
    4: ("(#4) Application request limit reached", None),
    17: ("(#17) User request limit reached", 2446079),
    32: ("(#32) Page request limit reached", None),
    613: ("(#613) Calls to this api have exceeded the rate limit.", None),
    341: ("(#341) Application limit reached", None),
}
# Errors that need a person (Graph API error-handling reference): 102, the session or token is
# no longer valid; 368, the Page is temporarily blocked from the action.
PERSON_ERRORS = {
    102: ("Session key invalid or no longer valid", "OAuthException"),
    368: ("The action attempted has been deemed abusive or is otherwise disallowed",
          "OAuthException"),
}


def person_error(code: int) -> Response:
    message, kind = PERSON_ERRORS[code]
    return graph_error(code, message, kind=kind)


def rate_limited(code: int) -> Response:
    message, subcode = RATE_LIMITS[code]
    return graph_error(code, message, subcode=subcode, is_transient=True)


def unsupported(obj_id: str, method: str = "get") -> Response:
    return graph_error(
        100, f"Unsupported {method} request. Object with ID '{obj_id}' does not exist, cannot be "
        "loaded due to missing permissions, or does not support this operation. Please read the "
        "Graph API documentation at https://developers.facebook.com/docs/graph-api",
        kind="GraphMethodException", subcode=33)


def nonexisting_field(name: str, node_type: str) -> Response:
    return graph_error(100, f"(#100) Tried accessing nonexisting field ({name}) on node type "
                            f"({node_type})")


def invalid_param(message: str) -> Response:
    return graph_error(100, f"(#100) {message}")


# -- field selection ----------------------------------------------------------------------------

@dataclass
class FieldSpec:
    """One entry of `fields=`: `name`, `name{a,b}` or `name.limit(5){a,b}`."""

    name: str
    sub: dict[str, FieldSpec] | None = None
    limit: int | None = None
    modifiers: dict[str, str] = field(default_factory=dict)


def parse_fields(text: str) -> dict[str, FieldSpec]:
    """Parse a fields expression; ValueError on a syntax error."""
    specs, pos = _parse_list(text.replace(" ", ""), 0)
    if pos != len(text.replace(" ", "")):
        raise ValueError(f"unexpected '{text[pos:pos + 10]}'")
    return specs


def _parse_list(text: str, pos: int) -> tuple[dict[str, FieldSpec], int]:
    specs: dict[str, FieldSpec] = {}
    while pos < len(text) and text[pos] != "}":
        start = pos
        while pos < len(text) and (text[pos].isalnum() or text[pos] == "_"):
            pos += 1
        if pos == start:
            raise ValueError(f"expected a field name at '{text[pos:pos + 10]}'")
        spec = FieldSpec(text[start:pos])
        while pos < len(text) and text[pos] == ".":
            close = text.find(")", pos)
            open_ = text.find("(", pos)
            if open_ < 0 or close < open_:
                raise ValueError("bad modifier")
            spec.modifiers[text[pos + 1:open_]] = text[open_ + 1:close]
            pos = close + 1
        if "limit" in spec.modifiers:
            if not spec.modifiers["limit"].isdigit():
                raise ValueError("limit must be a number")
            spec.limit = int(spec.modifiers["limit"])
        if pos < len(text) and text[pos] == "{":
            spec.sub, pos = _parse_list(text, pos + 1)
            if pos >= len(text) or text[pos] != "}":
                raise ValueError("missing '}'")
            pos += 1
        specs[spec.name] = spec
        if pos < len(text) and text[pos] == ",":
            pos += 1
    return specs, pos


# -- paging -------------------------------------------------------------------------------------

def encode_cursor(key: str) -> str:
    return base64.urlsafe_b64encode(key.encode()).decode().rstrip("=")


def decode_cursor(token: str) -> str | None:
    try:
        return base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return None


def page_limit(req: Request, spec_limit: int | None = None) -> int | Response:
    raw = req.arg("limit") if spec_limit is None else str(spec_limit)
    if raw is None:
        return DEFAULT_LIMIT
    if not raw.isdigit() or int(raw) < 1:
        return invalid_param("The parameter limit must be a positive integer")
    return min(int(raw), MAX_LIMIT)


def next_url(req: Request, **changes: str | None) -> str:
    """The URL of another page: the request's own query (token included, as Graph does)."""
    params = {k: v[-1] for k, v in req.query.items()}
    for name, value in changes.items():
        params.pop(name, None)
        if value is not None:
            params[name] = value
    return f"{GRAPH_BASE}{req.path.lstrip('/')}?{urlencode(params)}"


Render = Callable[[dict[str, Any]], dict[str, Any]]


def cursor_page(items: list[dict[str, Any]], req: Request | None, limit: int,
                render: Render, after: str | None = None) -> dict[str, Any] | Response:
    """Cursor paging (comments, conversations, messages): {"data", "paging": {"cursors",
    "next"?, "previous"?}}. `req` is None for a nested edge (its next URL is not modelled)."""
    start = 0
    if after:
        key = decode_cursor(after)
        ids = [i["id"] for i in items]
        if key is None or key not in ids:
            return invalid_param("The after cursor is not valid")
        start = ids.index(key) + 1
    chunk = items[start:start + limit]
    body: dict[str, Any] = {"data": [render(i) for i in chunk]}
    if not chunk:
        return body
    paging: dict[str, Any] = {"cursors": {"before": encode_cursor(chunk[0]["id"]),
                                          "after": encode_cursor(chunk[-1]["id"])}}
    if req is not None and start + limit < len(items):
        paging["next"] = next_url(req, after=encode_cursor(chunk[-1]["id"]), before=None,
                                  limit=str(limit))
    if req is not None and start > 0:
        paging["previous"] = next_url(req, before=encode_cursor(chunk[0]["id"]), after=None,
                                      limit=str(limit))
    body["paging"] = paging
    return body


def time_page(items: list[dict[str, Any]], req: Request, limit: int,
              render: Render) -> dict[str, Any] | Response:
    """Time paging (feed, posts, visitor_posts, tagged), newest first: since/until bound
    `_created`, and the next URL carries until=<oldest> and __paging_token=<last id>."""
    bounds: dict[str, datetime] = {}
    for name in ("since", "until"):
        raw = req.arg(name)
        if raw is not None:
            when = parse_when(raw)
            if when is None:
                return invalid_param(f"The parameter {name} is not a valid time")
            bounds[name] = when
    pool = [i for i in items
            if ("since" not in bounds or i["_created"] >= bounds["since"])
            and ("until" not in bounds or i["_created"] <= bounds["until"])]
    token = req.arg("__paging_token")
    if token:
        last = decode_cursor(token)
        ids = [i["id"] for i in pool]
        if last in ids:
            pool = pool[ids.index(last) + 1:]
    chunk = pool[:limit]
    body: dict[str, Any] = {"data": [render(i) for i in chunk]}
    if chunk:
        paging = {"previous": next_url(req, since=str(int(chunk[0]["_created"].timestamp())),
                                       until=None, __paging_token=encode_cursor(chunk[0]["id"]),
                                       __previous="1", limit=str(limit))}
        if len(pool) > limit:
            paging["next"] = next_url(req, until=str(int(chunk[-1]["_created"].timestamp())),
                                      __paging_token=encode_cursor(chunk[-1]["id"]),
                                      __previous=None, limit=str(limit))
        body["paging"] = paging
    return body


# -- nodes: the fields each type has, and how they render -----------------------------------------

NODE_FIELDS = {
    "Page": frozenset({"id", "name", "link", "category", "fan_count", "username", "about"}),
    "Post": frozenset({"id", "message", "created_time", "updated_time", "from", "permalink_url",
                       "attachments", "comments", "status_type", "is_hidden", "is_published",
                       "to", "message_tags", "full_picture"}),
    "Comment": frozenset({"id", "message", "created_time", "from", "parent", "permalink_url",
                          "attachment", "is_hidden", "can_hide", "can_remove",
                          "can_reply_privately", "comment_count", "like_count", "comments"}),
    "Conversation": frozenset({"id", "updated_time", "link", "message_count", "unread_count",
                               "participants", "messages", "snippet", "can_reply"}),
    "Message": frozenset({"id", "message", "from", "to", "created_time", "attachments"}),
}
DEFAULT_FIELDS = {
    "Page": ("id", "name"),
    "Post": ("id", "message", "created_time"),
    "Comment": ("id", "message", "created_time", "from"),
    "Conversation": ("id", "link", "updated_time"),
    "Message": ("id", "created_time"),
}
CHILD_NODE = {("Post", "comments"): "Comment", ("Comment", "comments"): "Comment",
              ("Conversation", "messages"): "Message"}


def check_fields(specs: dict[str, FieldSpec], node_type: str) -> Response | None:
    for name, spec in specs.items():
        if name not in NODE_FIELDS[node_type]:
            return nonexisting_field(name, node_type)
        child = CHILD_NODE.get((node_type, name))
        if child and spec.sub and (bad := check_fields(spec.sub, child)) is not None:
            return bad
    return None


def project(obj: dict[str, Any], spec: FieldSpec) -> dict[str, Any]:
    """An embedded object (from, parent, to): all of it, or the sub-fields asked for."""
    if not spec.sub:
        return dict(obj)
    return {k: v for k, v in obj.items() if k in spec.sub or k == "id"}


def photo_attachment(src: str, target_id: str) -> dict[str, Any]:
    url = f"https://www.facebook.com/photo.php?fbid={target_id}"
    return {"media": {"image": {"height": 720, "src": src, "width": 960}},
            "target": {"id": target_id, "url": url}, "type": "photo", "url": url}


def share_attachment(link: str) -> dict[str, Any]:
    # Graph wraps outbound links in its l.facebook.com shim; unshimmed_url is the original.
    shim = "https://l.facebook.com/l.php?" + urlencode({"u": link, "h": "AT0sandbox"})
    return {"type": "share", "url": shim, "unshimmed_url": link, "title": link}


# -- the objects behind the wire ------------------------------------------------------------

@dataclass(frozen=True)
class Ctx:
    """What rendering needs from the request: the time, and the version and token that the
    `next` URLs of nested edges carry."""

    now: datetime
    version: str
    token: str


class GraphStore:
    """Pages, people, posts, comments and Messenger threads. Callers hold FakeGraph.lock."""

    def __init__(self) -> None:
        self.pages: dict[str, Obj] = {}
        self.actors: dict[str, Obj] = {}  # id -> {"id", "name"} for people and Pages
        self.by_name: dict[str, str] = {}
        self.posts: dict[str, Obj] = {}
        self.comments: dict[str, Obj] = {}
        self.conversations: dict[str, Obj] = {}
        self.messages: dict[str, Obj] = {}
        self.psids: dict[tuple[str, str], str] = {}  # (page id, person id) -> page-scoped id
        self.private_replies: list[Obj] = []
        self.blocked: dict[str, set[str]] = {}
        self.seq = 0

    def next(self) -> int:
        self.seq += 1
        return self.seq

    # -- people and Pages ---------------------------------------------------------------------

    def actor(self, name: str) -> Obj:
        """A Page by name or id, or a person by name (created on first use)."""
        key = self.by_name.get(name.lower(), name)
        if key not in self.actors:
            key = str(100000000000 + self.next())
            self.actors[key] = {"id": key, "name": name}
            self.by_name[name.lower()] = key
        return self.actors[key]

    def page(self, ref: str) -> Obj:
        key = ref if ref in self.pages else self.by_name.get(ref.lower(), "")
        return self.pages[key]

    def add_page(self, name: str, perms: frozenset[str]) -> Obj:
        page_id = str(1000000000000 + self.next())
        page = {"id": page_id, "name": name, "link": f"https://www.facebook.com/{page_id}",
                "category": "Hospital", "_token": f"{SANDBOX_PREFIX}page-{page_id}",
                "_perms": set(perms), "_expired_at": None}
        self.pages[page_id] = page
        self.actors[page_id] = {"id": page_id, "name": name}
        self.by_name[name.lower()] = page_id
        self.blocked[page_id] = set()
        return page

    def psid(self, page_id: str, person_id: str) -> str:
        key = (page_id, person_id)
        if key not in self.psids:
            self.psids[key] = str(7000000000000000 + self.next())
            self.actors.setdefault(self.psids[key], {"id": self.psids[key],
                                                     "name": self.actors[person_id]["name"]})
        return self.psids[key]

    # -- content ------------------------------------------------------------------------------

    def add_post(self, page_id: str, author: Obj, text: str, when: datetime, where: str,
                 photo: bool, link: str | None) -> Obj:
        n = 10000000000 + self.next()
        owner = page_id if where != "tag" else author["id"]
        post_id = f"{owner}_{n}"
        atts = []
        if photo:
            atts.append(photo_attachment(f"{PHOTO_BASE}{n}_n.jpg", str(n)))
        if link:
            atts.append(share_attachment(link))
        permalink = (f"https://www.facebook.com/{owner}/posts/{n}" if where == "own" else
                     f"https://www.facebook.com/permalink.php?story_fbid={n}&id={owner}")
        post = {"id": post_id, "message": text, "_created": when, "_updated": when,
                "from": dict(author), "permalink_url": permalink, "_page": page_id,
                "_where": where, "_atts": atts, "is_hidden": False, "_deleted": False,
                "_seq": self.seq}
        self.posts[post_id] = post
        return post

    def add_comment(self, post_id: str, author: Obj, text: str, when: datetime,
                    parent: str | None, photo: bool) -> Obj:
        post = self.posts[post_id]
        if parent is not None and self.comments[parent]["_parent"] is not None:
            parent = self.comments[parent]["_parent"]  # Graph nests replies one level only
        n = self.next()
        comment_id = f"{post_id.split('_')[1]}_{1000000000 + n}"
        link = f"{post['permalink_url']}{'&' if '?' in post['permalink_url'] else '?'}"
        link += f"comment_id={comment_id.split('_')[1]}"
        if parent is not None:
            link += f"&reply_comment_id={comment_id.split('_')[1]}"
        comment: Obj = {"id": comment_id, "message": text, "_created": when,
                        "from": dict(author), "_post": post_id, "_parent": parent,
                        "permalink_url": link, "_page": post["_page"], "is_hidden": False,
                        "_deleted": False, "_seq": n}
        if photo:
            comment["attachment"] = photo_attachment(f"{PHOTO_BASE}{n}_c.jpg", str(n))
        self.comments[comment_id] = comment
        post["_updated"] = max(post["_updated"], when)
        return comment

    def conversation(self, page_id: str, psid: str, when: datetime) -> Obj:
        for conv in self.conversations.values():
            if conv["_page"] == page_id and conv["_psid"] == psid:
                return conv
        conv_id = f"t_{1000000000000 + self.next()}"
        conv = {"id": conv_id, "_page": page_id, "_psid": psid, "_updated": when,
                "_messages": [], "link": f"/{page_id}/inbox/?selected_item_id={psid}"}
        self.conversations[conv_id] = conv
        return conv

    def add_message(self, conv: Obj, sender: Obj, text: str, when: datetime,
                    photo: bool) -> Obj:
        n = self.next()
        # Messenger message ids are long: "m_" and 86 URL-safe characters in Meta's examples.
        digest = hashlib.sha512(f"mid-{n}".encode()).digest()
        mid = "m_" + base64.urlsafe_b64encode(digest).decode().rstrip("=")
        page, person = self.actors[conv["_page"]], self.actors[conv["_psid"]]
        other = person if sender["id"] == page["id"] else page
        message: Obj = {"id": mid, "message": text, "_created": when, "_conv": conv["id"],
                        "from": {**sender, "email": f"{sender['id']}@facebook.com"},
                        "to": {"data": [{**other, "email": f"{other['id']}@facebook.com"}]},
                        "_atts": [], "_seq": n}
        if photo:
            src = f"{PHOTO_BASE}{n}_m.jpg"
            message["_atts"].append({"id": str(n), "mime_type": "image/jpeg",
                                     "name": f"image-{n}.jpg", "image_data": {
                                         "width": 960, "height": 720, "url": src,
                                         "preview_url": src}})
        self.messages[mid] = message
        conv["_messages"].append(mid)
        conv["_updated"] = max(conv["_updated"], when)
        return message

    def photo_urls(self) -> set[str]:
        """Every photo URL an attachment names: what the CDN host serves."""
        found = json.dumps([self.posts, self.comments, self.messages], default=str)
        return set(re.findall(re.escape(PHOTO_BASE) + r"[^\"]+", found))

    def find(self, obj_id: str) -> tuple[str, Obj] | None:
        for kind, table in (("Page", self.pages), ("Post", self.posts),
                            ("Comment", self.comments), ("Conversation", self.conversations),
                            ("Message", self.messages)):
            obj = table.get(obj_id)
            if obj is not None and not obj.get("_deleted"):
                return kind, obj
        return None

    def owner_page(self, kind: str, obj: Obj) -> str:
        if kind == "Page":
            return str(obj["id"])
        if kind == "Message":
            return str(self.conversations[obj["_conv"]]["_page"])
        return str(obj["_page"])

    def replied_privately(self, comment_id: str) -> bool:
        return any(r["comment_id"] == comment_id for r in self.private_replies)

    # -- lists --------------------------------------------------------------------------------

    def feed(self, page_id: str, where: tuple[str, ...]) -> list[Obj]:
        pool = [p for p in self.posts.values() if p["_page"] == page_id
                and p["_where"] in where and not p["_deleted"]]
        return sorted(pool, key=lambda p: (p["_created"], p["_seq"]), reverse=True)

    def comments_of(self, kind: str, obj: Obj, stream: bool, newest_first: bool) -> list[Obj]:
        if kind == "Post":
            pool = [c for c in self.comments.values() if c["_post"] == obj["id"]
                    and (stream or c["_parent"] is None)]
        else:
            pool = [c for c in self.comments.values() if c["_parent"] == obj["id"]]
        pool = [c for c in pool if not c["_deleted"]]
        return sorted(pool, key=lambda c: (c["_created"], c["_seq"]), reverse=newest_first)

    def conversations_of(self, page_id: str) -> list[Obj]:
        pool = [c for c in self.conversations.values() if c["_page"] == page_id]
        return sorted(pool, key=lambda c: c["_updated"], reverse=True)

    def messages_of(self, conv: Obj) -> list[Obj]:
        return [self.messages[m] for m in reversed(conv["_messages"])]

    # -- rendering ----------------------------------------------------------------------------

    def render(self, kind: str, obj: Obj, specs: dict[str, FieldSpec] | None,
               ctx: Ctx) -> Obj:
        if not specs:
            specs = {n: FieldSpec(n) for n in DEFAULT_FIELDS[kind]}
        out: Obj = {}
        for name, spec in specs.items():
            value = getattr(self, f"_{kind.lower()}_field")(obj, spec, ctx)
            if value is not None:
                out[name] = value
        out["id"] = obj["id"]  # always present
        return out

    def _page_field(self, page: Obj, spec: FieldSpec, ctx: Ctx) -> Any:
        return {"fan_count": 0, "username": None, "about": None}.get(spec.name, page.get(spec.name))

    def _post_field(self, post: Obj, spec: FieldSpec, ctx: Ctx) -> Any:
        name = spec.name
        if name in ("created_time", "updated_time"):
            return fb_time(post["_created" if name == "created_time" else "_updated"])
        if name == "from":
            return project(post["from"], spec)
        if name == "attachments":
            return {"data": post["_atts"]} if post["_atts"] else None
        if name == "full_picture":
            photos = [a for a in post["_atts"] if a["type"] == "photo"]
            return photos[0]["media"]["image"]["src"] if photos else None
        if name == "comments":
            pool = self.comments_of("Post", post, stream=False, newest_first=False)
            return self._nested(post["id"], pool, "Comment", spec, ctx)
        if name == "is_published":
            return True
        if name == "status_type":
            return "added_photos" if post["_atts"] else "mobile_status_update"
        if name in ("to", "message_tags"):
            if post["_where"] != "tag":
                return None
            page = self.actors[post["_page"]]
            if name == "to":
                return {"data": [dict(page)]}
            at = post["message"].find(page["name"])
            return [{"id": page["id"], "name": page["name"], "type": "page",
                     "offset": max(at, 0), "length": len(page["name"])}]
        if name == "message":
            return post["message"] or None  # Graph leaves out an empty message
        return post.get(name)

    def _comment_field(self, c: Obj, spec: FieldSpec, ctx: Ctx) -> Any:
        name = spec.name
        own = c["from"]["id"] == c["_page"]
        if name == "created_time":
            return fb_time(c["_created"])
        if name == "from":
            return project(c["from"], spec)
        if name == "parent":
            if c["_parent"] is None:
                return None
            p = self.comments[c["_parent"]]
            parent = {"created_time": fb_time(p["_created"]), "from": p["from"],
                      "message": p["message"], "id": p["id"]}
            return project(parent, spec)
        if name in ("can_hide", "can_remove"):
            return not own if name == "can_hide" else True
        if name == "can_reply_privately":
            return (not own and not self.replied_privately(c["id"])
                    and ctx.now - c["_created"] <= PRIVATE_REPLY_WINDOW)
        if name in ("comment_count", "comments"):
            replies = self.comments_of("Comment", c, stream=True, newest_first=False)
            if name == "comment_count":
                return len(replies)
            return self._nested(c["id"], replies, "Comment", spec, ctx)
        if name == "like_count":
            return 0
        return c.get(name)

    def _conversation_field(self, conv: Obj, spec: FieldSpec, ctx: Ctx) -> Any:
        name = spec.name
        msgs = self.messages_of(conv)
        if name == "updated_time":
            return fb_time(conv["_updated"])
        if name == "messages":
            return self._nested(conv["id"], msgs, "Message", spec, ctx)
        if name == "message_count":
            return len(msgs)
        if name == "unread_count":
            return 0
        if name == "snippet":
            return msgs[0]["message"][:100] if msgs else ""
        if name == "can_reply":
            return True
        if name == "participants":
            people = [self.actors[conv["_psid"]], self.actors[conv["_page"]]]
            return {"data": [{**p, "email": f"{p['id']}@facebook.com"} for p in people]}
        return conv.get(name)

    def _message_field(self, m: Obj, spec: FieldSpec, ctx: Ctx) -> Any:
        if spec.name == "created_time":
            return fb_time(m["_created"])
        if spec.name == "attachments":
            return {"data": m["_atts"]} if m["_atts"] else None
        if spec.name == "from":
            return project(m["from"], spec)
        return m.get(spec.name)

    def _nested(self, owner: str, pool: list[Obj], kind: str, spec: FieldSpec,
                ctx: Ctx) -> Obj:
        limit = min(spec.limit or DEFAULT_LIMIT, MAX_LIMIT)
        page = cursor_page(pool, None, limit, lambda o: self.render(kind, o, spec.sub, ctx))
        assert isinstance(page, dict)
        if len(pool) > limit:  # a nested edge's next page is the edge's own URL
            query = urlencode({"access_token": ctx.token, "limit": limit,
                               "after": page["paging"]["cursors"]["after"]})
            page["paging"]["next"] = f"{GRAPH_BASE}{ctx.version}/{owner}/{spec.name}?{query}"
        return page
