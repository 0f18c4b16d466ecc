"""An offline Facebook Graph API on loopback, speaking the real wire format (see graph_wire).

What the bot reads: Pages, their feed/posts/visitor_posts/tagged (time paging), comments and
replies (`filter=stream`, `order=reverse_chronological`, cursor paging), Messenger
conversations with nested `messages{...}`, `/me` and `/debug_token` for `feedwatch check`.
What moderation writes: hide (POST /{comment-id} is_hidden), delete, reply, private reply
(POST /{page-id}/messages recipient={"comment_id"}: one per comment, within 7 days) and block.
A post's `updated_time` moves when someone comments, as the Post reference documents.

Tokens must carry the sandbox prefix: anything else gets Graph's own code 190, so a real token
pasted into the demo is refused before anything happens. Versioned paths only (/vNN.0/...):
the real Graph quietly serves another version to a client left on facebook-sdk's default
v2.8; the fake refuses it so that mistake shows up in tests. Not modelled: reactions, likes,
Instagram, batch requests, `fields` expansion inside `from`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any, Self

import requests

from bot.core.clock import Clock
from bot.sandbox import graph_wire as wire
from bot.sandbox.fake_x import TINY_PNG
from bot.sandbox.http_fake import FakeServer, Request, Response, json_response
from bot.sandbox.transport import FakeHostAdapter, mount_fake

SANDBOX_PREFIX = wire.SANDBOX_PREFIX
APP_ID = "100000000000001"
VERSION = re.compile(r"^v\d{2}\.0$")
ALL_PERMISSIONS = frozenset({
    "pages_show_list", "pages_read_engagement", "pages_read_user_content",
    "pages_manage_engagement", "pages_messaging", "pages_manage_metadata",
})
READ = ("pages_read_engagement", "pages_read_user_content")
FEED_EDGES = {"feed": ("own", "visitor"), "posts": ("own",), "published_posts": ("own",),
              "visitor_posts": ("visitor",), "tagged": ("tag",)}
PRIVATE_REPLY_WINDOW = wire.PRIVATE_REPLY_WINDOW
STANDARD_WINDOW = timedelta(hours=24)  # Messenger: replies to a user within 24 h of their message
Obj = wire.Obj


class FakeGraph(FakeServer):
    """Graph API for the sandbox. Thread-safe; set-up helpers below take Page names or ids."""

    name = "fake-graph"

    def __init__(self, clock: Clock | None = None, port: int = 0,
                 app_secret: str | None = None, require_proof: bool = False) -> None:
        super().__init__(clock, port)
        self.store = wire.GraphStore()
        self.versions: set[str] = set()  # Graph versions the clients asked for
        # The app's secret: a request carrying appsecret_proof must carry the right one, and
        # with "Require App Secret" on (require_proof) every request must carry it
        # (developers.facebook.com/docs/graph-api/securing-requests).
        self.app_secret, self.require_proof = app_secret, require_proof
        # Percent of the limits used, sent in the usage headers of every answer; Graph adds
        # estimated_time_to_regain_access (minutes) once a Page is throttled
        # (developers.facebook.com/docs/graph-api/overview/rate-limiting).
        self.usage_percent, self.regain_minutes = 1, 0
        r = self.route
        # Photos on Facebook's CDN (the attachment `media.image.src`), public like the real
        # scontent hosts, so media capture and evidence packs work offline. Before the Graph
        # routes: "/v/t39.30808-6/1_n.jpg" would otherwise read as /:version/:id/:edge.
        r("GET", "/v/t39.30808-6/:file", self._photo, auth=False)
        r("GET", "/:version/debug_token", self._debug_token)
        r("GET", "/:version/:id", self._get_node)
        r("GET", "/:version/:id/:edge", self._get_edge)
        r("POST", "/:version/:id", self._update)
        r("DELETE", "/:version/:id", self._delete)
        r("POST", "/:version/:id/comments", self._reply)
        r("POST", "/:version/:id/messages", self._send)
        r("POST", "/:version/:id/blocked", self._block)

    def start(self) -> Self:
        super().start()
        # Graph can answer without a Content-Type (facebook-sdk then raises KeyError). The
        # shared base always sends one, so drop an empty one on this fake's handler.
        server = self._server
        assert server is not None
        base = server.RequestHandlerClass

        class _Handler(base):  # type: ignore[valid-type, misc]
            def send_header(self, keyword: str, value: str) -> None:
                if keyword.lower() == "content-type" and not value:
                    return
                super().send_header(keyword, value)

        server.RequestHandlerClass = _Handler
        return self

    # -- scenario set-up (Python side) ----------------------------------------------------------

    def add_page(self, name: str, permissions: frozenset[str] = ALL_PERMISSIONS
                 ) -> dict[str, str]:
        """A watched Page with a sandbox Page token: {"page_id", "page_token", "name"}."""
        with self.lock:
            page = self.store.add_page(name, frozenset(permissions))
            return {"page_id": page["id"], "page_token": page["_token"], "name": name}

    def add_post(self, page: str, text: str, *, photo: bool = False, link: str | None = None,
                 created_at: datetime | None = None) -> dict[str, Any]:
        """A post by the Page itself."""
        with self.lock:
            p = self.store.page(page)
            return self._public(self.store.add_post(
                p["id"], self.store.actors[p["id"]], text, self._when(created_at), "own",
                photo, link))

    def add_visitor_post(self, page: str, author_name: str, text: str, *, photo: bool = False,
                         link: str | None = None, created_at: datetime | None = None
                         ) -> dict[str, Any]:
        with self.lock:
            p = self.store.page(page)
            return self._public(self.store.add_post(
                p["id"], self.store.actor(author_name), text, self._when(created_at),
                "visitor", photo, link))

    def add_tag_post(self, page: str, author_name: str, text: str, *, photo: bool = False,
                     link: str | None = None, created_at: datetime | None = None
                     ) -> dict[str, Any]:
        """A post elsewhere (the author's own timeline) that tags the Page."""
        with self.lock:
            p = self.store.page(page)
            return self._public(self.store.add_post(
                p["id"], self.store.actor(author_name), text, self._when(created_at), "tag",
                photo, link))

    def add_comment(self, post_id: str, author_name: str, text: str, *,
                    parent: str | None = None, photo: bool = False,
                    created_at: datetime | None = None) -> dict[str, Any]:
        """A comment (or, with `parent`, a reply). Use the Page's name to comment as the Page."""
        with self.lock:
            return self._public(self.store.add_comment(
                post_id, self.store.actor(author_name), text, self._when(created_at), parent,
                photo))

    def add_message(self, page: str, sender_name: str, text: str, *, to: str | None = None,
                    photo: bool = False, created_at: datetime | None = None) -> dict[str, Any]:
        """A Messenger message to the Page; with the Page as sender, `to` names the person."""
        with self.lock:
            p = self.store.page(page)
            sender = self.store.actor(sender_name)
            from_page = sender["id"] == p["id"]
            if from_page and not to:
                raise ValueError("a message sent by the Page needs `to`")
            person = self.store.actor(to) if from_page and to else sender
            psid = self.store.psid(p["id"], person["id"])
            when = self._when(created_at)
            conv = self.store.conversation(p["id"], psid, when)
            as_sender = sender if from_page else self.store.actors[psid]
            return self._public(self.store.add_message(conv, as_sender, text, when, photo))

    def expire_token(self, page: str) -> None:
        with self.lock:
            self.store.page(page)["_expired_at"] = self.clock.now()

    def set_permissions(self, page: str, permissions: frozenset[str]) -> None:
        with self.lock:
            self.store.page(page)["_perms"] = set(permissions)

    def rate_limit_next(self, path: str, code: int = 32, times: int = 1,
                        regain_minutes: int | None = None) -> None:
        """The next `times` requests to `path` (a route pattern) get a Graph rate-limit error.
        With `regain_minutes`, the usage headers say the Page is at 100 % and when it may
        call again, as Graph's X-Business-Use-Case-Usage does."""
        resp = wire.rate_limited(code)
        headers = {}
        if regain_minutes is not None:
            headers = self.usage_headers(None, 100, regain_minutes)
        self.inject(path, resp.status, resp.body, headers, times=times)

    def person_error_next(self, path: str, code: int, times: int = 1) -> None:
        """Graph's 102 (new token needed) or 368 (Page temporarily blocked)."""
        resp = wire.person_error(code)
        self.inject(path, resp.status, resp.body, times=times)

    def set_usage(self, percent: int, regain_minutes: int = 0) -> None:
        with self.lock:
            self.usage_percent, self.regain_minutes = percent, regain_minutes

    def usage_headers(self, page_id: str | None, percent: int,
                      regain_minutes: int) -> dict[str, str]:
        """X-App-Usage and X-Page-Usage: one object of percentages; X-Business-Use-Case-Usage:
        per business object, a list of per-type entries with the time to regain access."""
        flat = {"call_count": percent, "total_cputime": max(1, percent // 2),
                "total_time": max(1, percent // 2)}
        buc = [{"type": "pages", **flat, "estimated_time_to_regain_access": regain_minutes}]
        return {"x-app-usage": json.dumps(flat), "x-page-usage": json.dumps(flat),
                "x-business-use-case-usage": json.dumps({page_id or "0": buc})}

    def handle(self, req: Request) -> Response:
        resp = super().handle(req)
        with self.lock:
            percent, regain = self.usage_percent, self.regain_minutes
        for name, value in self.usage_headers(req.identity, percent, regain).items():
            resp.headers.setdefault(name, value)
        return resp

    def inject_non_json(self, path: str, times: int = 1) -> None:
        """An HTML error page, as a proxy or load balancer in front of Graph sends."""
        self.inject(path, 502, "<html><body><h1>502 Bad Gateway</h1></body></html>",
                    times=times, content_type="text/html")

    def inject_no_content_type(self, path: str, times: int = 1) -> None:
        """An answer without a Content-Type header (facebook-sdk raises KeyError on it)."""
        self.inject(path, 200, b"", times=times, content_type="")

    def mount(self, session: requests.Session) -> FakeHostAdapter:
        """Point a facebook-sdk GraphAPI session (graph.facebook.com), and the photo CDN, at
        this fake."""
        mount_fake(session, wire.PHOTO_HOST, self.url)
        return mount_fake(session, wire.GRAPH_BASE, self.url)

    def _photo(self, req: Request, p: dict[str, str]) -> Response:
        wanted = f"{wire.PHOTO_BASE}{p['file']}"
        with self.lock:
            known = wanted in self.store.photo_urls()
        if not known:
            return Response(404, b"", content_type="text/plain")
        return Response(200, TINY_PNG, content_type="image/png")

    # -- inspection -----------------------------------------------------------------------------

    def comment(self, comment_id: str) -> dict[str, Any]:
        """Full state of a comment, including is_hidden and deleted."""
        with self.lock:
            c = self.store.comments[comment_id]
            return {**self._public(c), "deleted": c["_deleted"], "parent": c["_parent"],
                    "post_id": c["_post"]}

    def post(self, post_id: str) -> dict[str, Any]:
        with self.lock:
            p = self.store.posts[post_id]
            return {**self._public(p), "deleted": p["_deleted"]}

    def comments_on(self, post_id: str) -> list[dict[str, Any]]:
        with self.lock:
            return [self.comment(c["id"]) for c in self.store.comments.values()
                    if c["_post"] == post_id]

    def posts_of(self, page: str) -> list[dict[str, Any]]:
        """Every post on or tagging a Page, oldest first, deleted ones included, with
        `where` (own, visitor, tag) and `comments` (full state, oldest first)."""
        with self.lock:
            page_id = self.store.page(page)["id"]
            posts = sorted((p for p in self.store.posts.values() if p["_page"] == page_id),
                           key=lambda p: p["_seq"])
            return [{**self.post(p["id"]), "where": p["_where"],
                     "comments": sorted(self.comments_on(p["id"]), key=lambda c: c["id"])}
                    for p in posts]

    def conversations_of(self, page: str) -> list[dict[str, Any]]:
        """The Page's Messenger threads: {"person", "messages" (oldest first)}."""
        with self.lock:
            page_id = self.store.page(page)["id"]
            return [{"person": self.store.actors[c["_psid"]]["name"], "psid": c["_psid"],
                     "messages": [self._public(self.store.messages[m]) for m in c["_messages"]]}
                    for c in self.store.conversations.values() if c["_page"] == page_id]

    def private_replies(self) -> list[dict[str, Any]]:
        with self.lock:
            return [dict(r) for r in self.store.private_replies]

    def blocked(self, page: str) -> set[str]:
        with self.lock:
            return set(self.store.blocked[self.store.page(page)["id"]])

    def thread(self, page: str, person_name: str) -> list[dict[str, Any]]:
        """The Messenger thread between a Page and a person, oldest first."""
        with self.lock:
            p = self.store.page(page)
            psid = self.store.psid(p["id"], self.store.actor(person_name)["id"])
            conv = self.store.conversation(p["id"], psid, self.clock.now())
            return [self._public(m) for m in reversed(self.store.messages_of(conv))]

    def tokens_used(self, path: str) -> list[str | None]:
        """The token of every request to `path` (a route pattern), in order, wherever it was
        sent (the Authorization header, or the query string or form as facebook-sdk does)."""
        return [self._token(r) or None for r in self.requests_to(path)]

    # -- webhook payloads (what Graph would POST to the bot's callback) ---------------------------

    def feed_event(self, item_id: str, verb: str = "add") -> dict[str, Any]:
        """The `feed` change for a comment or post, as Page webhooks deliver it."""
        with self.lock:
            now = int(self.clock.now().timestamp())
            found = self.store.find(item_id)
            assert found is not None, item_id
            kind, obj = found
            value: dict[str, Any] = {"from": dict(obj["from"]), "message": obj["message"],
                                     "created_time": int(obj["_created"].timestamp()),
                                     "verb": verb}
            if kind == "Comment":
                post = self.store.posts[obj["_post"]]
                value.update(item="comment", comment_id=obj["id"], post_id=post["id"],
                             parent_id=obj["_parent"] or post["id"],
                             post={"id": post["id"], "permalink_url": post["permalink_url"],
                                   "status_type": "mobile_status_update",
                                   "is_published": True, "promotion_status": "inactive",
                                   "updated_time": wire.fb_time(post["_updated"])})
                if "attachment" in obj:
                    value["photo"] = obj["attachment"]["media"]["image"]["src"]
            else:
                photos = [a for a in obj["_atts"] if a["type"] == "photo"]
                value.update(item="photo" if photos else "status", post_id=obj["id"],
                             published=1)
                if photos:
                    value["link"] = photos[0]["media"]["image"]["src"]
            page_id = obj["_page"]
        return {"object": "page", "entry": [{"id": page_id, "time": now, "changes": [
            {"field": "feed", "value": value}]}]}

    def message_event(self, mid: str) -> dict[str, Any]:
        """The `messages` webhook for a Messenger message (an echo when the Page sent it)."""
        with self.lock:
            m = self.store.messages[mid]
            conv = self.store.conversations[m["_conv"]]
            ms = int(m["_created"].timestamp() * 1000)
            echo = m["from"]["id"] == conv["_page"]
            message: dict[str, Any] = {"mid": mid, "text": m["message"]}
            if echo:
                message.update(is_echo=True, app_id=int(APP_ID))
            if m["_atts"]:
                message["attachments"] = [{"type": "image", "payload": {
                    "url": a["image_data"]["url"]}} for a in m["_atts"]]
            sender, recipient = m["from"]["id"], m["to"]["data"][0]["id"]
            return {"object": "page", "entry": [{"id": conv["_page"], "time": ms, "messaging": [
                {"sender": {"id": sender}, "recipient": {"id": recipient}, "timestamp": ms,
                 "message": message}]}]}

    # -- helpers --------------------------------------------------------------------------------

    def _when(self, created_at: datetime | None) -> datetime:
        return (created_at or self.clock.now()).astimezone(UTC)

    def _public(self, obj: dict[str, Any]) -> dict[str, Any]:
        out = {k: v for k, v in obj.items() if not k.startswith("_")}
        out["created_time"] = wire.fb_time(obj["_created"])
        return out

    # -- auth -----------------------------------------------------------------------------------

    def authorize(self, req: Request) -> Response | None:
        version = req.path.split("/")[1] if req.path.count("/") >= 1 else ""
        if not VERSION.match(version):
            return wire.graph_error(2500, f"Unknown path components: {req.path}")
        with self.lock:
            self.versions.add(version)
        token = self._token(req)
        if not token:
            return wire.graph_error(104, "An access token is required to request this resource.")
        proof = req.arg("appsecret_proof") or (
            req.form().get("appsecret_proof")
            if req.content_type == "application/x-www-form-urlencoded" else None)
        if self.app_secret and proof is not None and not hmac.compare_digest(
                proof, hmac.new(self.app_secret.encode(), token.encode(),
                                hashlib.sha256).hexdigest()):
            return wire.graph_error(100, "Invalid appsecret_proof provided in the API argument",
                                    kind="GraphMethodException")
        if self.require_proof and proof is None:
            return wire.graph_error(100, "API calls from the server require an appsecret_proof "
                                         "argument", kind="GraphMethodException")
        if not token.startswith(SANDBOX_PREFIX):
            return wire.invalid_token()  # a real token never gets further than this
        with self.lock:
            page = next((p for p in self.store.pages.values() if p["_token"] == token), None)
            if page is None:
                return wire.invalid_token()
            if page["_expired_at"] is not None:
                return wire.expired_token(page["_expired_at"], self.clock.now())
            req.identity = page["id"]
        return None

    def _token(self, req: Request) -> str:
        header = req.headers.get("authorization", "")
        form = req.form() if req.content_type == "application/x-www-form-urlencoded" else {}
        return req.arg("access_token") or form.get("access_token") or header.partition(" ")[2]

    def _ctx(self, req: Request) -> wire.Ctx:
        return wire.Ctx(self.clock.now(), req.path.split("/")[1], self._token(req))

    def not_found(self, req: Request) -> Response:
        return wire.graph_error(2500, f"Unknown path components: {req.path}")

    def _need(self, req: Request, *perms: str, code: int = 10) -> Response | None:
        granted = self.store.pages[req.identity or ""]["_perms"]
        for perm in perms:
            if perm not in granted:
                return wire.missing_permission(perm, code)
        return None

    def _fields(self, req: Request, kind: str) -> dict[str, wire.FieldSpec] | Response:
        try:
            specs = wire.parse_fields(req.arg("fields") or "")
        except ValueError as exc:
            return wire.invalid_param(f"Syntax error in fields: {exc}")
        bad = wire.check_fields(specs, kind)
        return bad if bad is not None else specs

    def _owned(self, req: Request, obj_id: str, method: str = "get"
               ) -> tuple[str, Obj] | Response:
        found = self.store.find(obj_id)
        if found is None or (found[0] != "Page"
                             and self.store.owner_page(*found) != req.identity):
            return wire.unsupported(obj_id, method)
        return found

    # -- reads ----------------------------------------------------------------------------------

    def _debug_token(self, req: Request, p: dict[str, str]) -> Response:
        # GET /debug_token?input_token=...: docs/graph-api/reference/debug_token
        token = req.arg("input_token") or ""
        with self.lock:
            page = next((x for x in self.store.pages.values() if x["_token"] == token), None)
            if page is None or page["_expired_at"] is not None:
                return json_response(200, {"data": {"is_valid": False, "scopes": [], "error": {
                    "code": 190, "message": "Invalid OAuth access token."}}})
            scopes = sorted(page["_perms"])
            now = int(self.clock.now().timestamp())
            return json_response(200, {"data": {
                "app_id": APP_ID, "type": "PAGE", "application": "feedwatch sandbox",
                "data_access_expires_at": now + 90 * 86400, "expires_at": 0, "is_valid": True,
                "issued_at": now - 3600, "profile_id": page["id"], "scopes": scopes,
                "granular_scopes": [{"scope": s, "target_ids": [page["id"]]} for s in scopes
                                    if s.startswith("pages_") and s != "pages_show_list"],
                "user_id": "100000000000000"}})

    def _get_node(self, req: Request, p: dict[str, str]) -> Response:
        obj_id = req.identity if p["id"] == "me" else p["id"]
        with self.lock:
            found = self._owned(req, obj_id or "")
            if isinstance(found, Response):
                return found
            kind, obj = found
            specs = self._fields(req, kind)
            if isinstance(specs, Response):
                return specs
            return json_response(200, self.store.render(kind, obj, specs, self._ctx(req)))

    def _get_edge(self, req: Request, p: dict[str, str]) -> Response:
        obj_id = req.identity if p["id"] == "me" else p["id"]
        edge = p["edge"]
        with self.lock:
            found = self._owned(req, obj_id or "")
            if isinstance(found, Response):
                return found
            kind, obj = found
            if kind == "Page" and obj["id"] != req.identity:
                return wire.unsupported(obj["id"])  # another Page's edges are not ours to read
            if kind == "Page" and edge in FEED_EDGES:
                return self._feed(req, obj, edge)
            if kind == "Page" and edge == "conversations":
                return self._conversations(req, obj)
            if kind in ("Post", "Comment") and edge == "comments":
                return self._comments(req, kind, obj)
            if kind == "Conversation" and edge == "messages":
                return self._messages(req, obj)
            return wire.nonexisting_field(edge, kind)

    def _feed(self, req: Request, page: Obj, edge: str) -> Response:
        # GET /{page-id}/feed|posts|visitor_posts|tagged: docs/graph-api/reference/page/feed
        need = ("pages_read_engagement",) if edge in ("feed", "posts") else READ
        if (refusal := self._need(req, *need)) is not None:
            return refusal
        return self._list(req, "Post", self.store.feed(page["id"], FEED_EDGES[edge]), True)

    def _comments(self, req: Request, kind: str, obj: Obj) -> Response:
        # GET /{object-id}/comments: docs/graph-api/reference/object/comments
        if (refusal := self._need(req, *READ)) is not None:
            return refusal
        filt, order = req.arg("filter") or "toplevel", req.arg("order") or "chronological"
        if filt not in ("toplevel", "stream"):
            return wire.invalid_param("param filter must be one of {toplevel, stream}")
        if order not in ("chronological", "reverse_chronological"):
            return wire.invalid_param("param order must be one of {chronological, "
                                      "reverse_chronological}")
        pool = self.store.comments_of(kind, obj, filt == "stream",
                                      order == "reverse_chronological")
        return self._list(req, "Comment", pool, False)

    def _conversations(self, req: Request, page: Obj) -> Response:
        # GET /{page-id}/conversations: docs/graph-api/reference/page/conversations
        if (refusal := self._need(req, "pages_messaging", code=230)) is not None:
            return refusal
        platform = req.arg("platform") or "messenger"
        if platform not in ("messenger", "instagram"):
            return wire.invalid_param("param platform must be one of {MESSENGER, INSTAGRAM}")
        pool = self.store.conversations_of(page["id"]) if platform == "messenger" else []
        if req.arg("user_id"):
            pool = [c for c in pool if c["_psid"] == req.arg("user_id")]
        return self._list(req, "Conversation", pool, False)

    def _messages(self, req: Request, conv: Obj) -> Response:
        if (refusal := self._need(req, "pages_messaging", code=230)) is not None:
            return refusal
        return self._list(req, "Message", self.store.messages_of(conv), False)

    def _list(self, req: Request, kind: str, pool: list[Obj], by_time: bool) -> Response:
        specs = self._fields(req, kind)
        if isinstance(specs, Response):
            return specs
        limit = wire.page_limit(req)
        if isinstance(limit, Response):
            return limit
        ctx = self._ctx(req)

        def render(o: Obj) -> Obj:
            return self.store.render(kind, o, specs, ctx)

        body = (wire.time_page(pool, req, limit, render) if by_time
                else wire.cursor_page(pool, req, limit, render, req.arg("after")))
        return body if isinstance(body, Response) else json_response(200, body)

    # -- writes ---------------------------------------------------------------------------------

    def _args(self, req: Request) -> dict[str, str]:
        return {**{k: v[-1] for k, v in req.query.items()}, **req.form()}

    def _update(self, req: Request, p: dict[str, str]) -> Response:
        # POST /{comment-id} is_hidden=true|false: docs/graph-api/reference/comment#updating
        value = self._args(req).get("is_hidden", "").lower()
        with self.lock:
            found = self._owned(req, p["id"], "post")
            if isinstance(found, Response):
                return found
            kind, obj = found
            if kind not in ("Comment", "Post") or value not in ("true", "false", "1", "0"):
                return wire.invalid_param("param is_hidden must be a boolean")
            if (refusal := self._need(req, "pages_manage_engagement", code=200)) is not None:
                return refusal
            obj["is_hidden"] = value in ("true", "1")
        return json_response(200, {"success": True})

    def _delete(self, req: Request, p: dict[str, str]) -> Response:
        # DELETE /{comment-id}: docs/graph-api/reference/comment#deleting
        with self.lock:
            found = self._owned(req, p["id"], "delete")
            if isinstance(found, Response):
                return found
            kind, obj = found
            if kind not in ("Comment", "Post") or obj.get("_where") == "tag":
                return wire.graph_error(200, "(#200) Permissions error", status=403)
            if (refusal := self._need(req, "pages_manage_engagement", code=200)) is not None:
                return refusal
            obj["_deleted"] = True
        return json_response(200, {"success": True})

    def _reply(self, req: Request, p: dict[str, str]) -> Response:
        # POST /{object-id}/comments message=...: the Page replies (as the Page)
        text = self._args(req).get("message", "")
        with self.lock:
            found = self._owned(req, p["id"], "post")
            if isinstance(found, Response):
                return found
            kind, obj = found
            if kind not in ("Comment", "Post"):
                return wire.nonexisting_field("comments", kind)
            if (refusal := self._need(req, "pages_manage_engagement", code=200)) is not None:
                return refusal
            if not text.strip():
                return wire.invalid_param("Missing message or attachment")
            post_id = obj["_post"] if kind == "Comment" else obj["id"]
            parent = obj["id"] if kind == "Comment" else None
            page = self.store.actors[req.identity or ""]
            made = self.store.add_comment(post_id, page, text, self.clock.now(), parent, False)
        return json_response(200, {"id": made["id"]})

    def _send(self, req: Request, p: dict[str, str]) -> Response:
        # POST /{page-id}/messages: docs/messenger-platform/send-messages and
        # docs/messenger-platform/discovery/private-replies (recipient={"comment_id": ...})
        args = self._args(req)
        try:
            recipient = json.loads(args.get("recipient") or "null")
            message = json.loads(args.get("message") or "null")
        except json.JSONDecodeError:
            return wire.invalid_param("param recipient and message must be JSON objects")
        if not isinstance(recipient, dict) or not isinstance(message, dict) or not str(
                message.get("text") or "").strip():
            return wire.invalid_param("param message must be a non-empty JSON object with text")
        with self.lock:
            if p["id"] not in (req.identity, "me"):
                return wire.unsupported(p["id"], "post")
            if (refusal := self._need(req, "pages_messaging", code=230)) is not None:
                return refusal
            if "comment_id" in recipient:
                return self._private_reply(req, str(recipient["comment_id"]), message["text"])
            return self._message_person(req, str(recipient.get("id", "")), args,
                                        message["text"])

    def _private_reply(self, req: Request, comment_id: str, text: str) -> Response:
        now = self.clock.now()
        found = self.store.find(comment_id)
        if found is None or found[0] != "Comment" or found[1]["_page"] != req.identity:
            return wire.invalid_param("param recipient[comment_id] must be a valid comment ID")
        comment = found[1]
        if comment["from"]["id"] == req.identity:
            return wire.invalid_param("Cannot send a private reply to the Page's own comment")
        if self.store.replied_privately(comment_id):
            return wire.graph_error(10900, "(#10900) Activity already replied to")
        if now - comment["_created"] > PRIVATE_REPLY_WINDOW:
            return wire.graph_error(10903, "(#10903) This activity can't be replied to")
        page = self.store.actors[req.identity or ""]
        psid = self.store.psid(page["id"], comment["from"]["id"])
        conv = self.store.conversation(page["id"], psid, now)
        sent = self.store.add_message(conv, page, text, now, False)
        self.store.private_replies.append({"comment_id": comment_id, "text": text,
                                           "message_id": sent["id"], "at": now})
        return json_response(200, {"recipient_id": psid, "message_id": sent["id"]})

    def _message_person(self, req: Request, psid: str, args: dict[str, str],
                        text: str) -> Response:
        now = self.clock.now()
        conv = next((c for c in self.store.conversations.values()
                     if c["_page"] == req.identity and c["_psid"] == psid), None)
        if conv is None:
            return wire.graph_error(100, "(#100) No matching user found", subcode=2018001)
        theirs = [m for m in self.store.messages_of(conv) if m["from"]["id"] == psid]
        human_agent = args.get("messaging_type") == "MESSAGE_TAG" and args.get("tag") == (
            "HUMAN_AGENT")
        window = PRIVATE_REPLY_WINDOW if human_agent else STANDARD_WINDOW
        if not theirs or now - theirs[0]["_created"] > window:
            return wire.graph_error(
                10, "(#10) This message is sent outside of allowed window. Learn more about the "
                "new policy here: https://developers.facebook.com/docs/messenger-platform/"
                "policy-overview", subcode=2018278)
        page = self.store.actors[req.identity or ""]
        sent = self.store.add_message(conv, page, text, now, False)
        return json_response(200, {"recipient_id": psid, "message_id": sent["id"]})

    def _block(self, req: Request, p: dict[str, str]) -> Response:
        # POST /{page-id}/blocked (user|uid|psid|asid): answers {"<id>": true|false}
        args = self._args(req)
        ids: list[str] = []
        for name in ("user", "uid", "psid", "asid"):
            raw = args.get(name)
            if raw:
                try:
                    value = json.loads(raw)
                except json.JSONDecodeError:
                    value = raw
                ids += [str(v) for v in (value if isinstance(value, list) else [value])]
        if not ids:
            return wire.invalid_param("One of the parameters user, uid, psid or asid is "
                                      "required")
        with self.lock:
            if p["id"] not in (req.identity, "me"):
                return wire.unsupported(p["id"], "post")
            if (refusal := self._need(req, "pages_manage_engagement", code=200)) is not None:
                return refusal
            result = {}
            for i in ids:
                known = i in self.store.actors and i not in self.store.pages
                if known:
                    self.store.blocked[req.identity or ""].add(i)
                result[i] = known
        return json_response(200, result)
