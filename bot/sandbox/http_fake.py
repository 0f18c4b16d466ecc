"""A small loopback HTTP server that the platform fakes (X, Slack, later Graph) build on.

Each fake is a real HTTP server on 127.0.0.1 and an ephemeral port, so the real client
libraries (tweepy over requests, slack_sdk over urllib, facebook-sdk over requests) talk to it
exactly as they talk to the platform. The base gives every fake the same four things: a routing
table with `:name` path parameters, a request log for assertions, an error-injection queue
(status, body, headers, or a hold that simulates a hung platform) and a lock for its state.
"""

from __future__ import annotations

import json
import re
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

from bot.core.clock import Clock, SystemClock

LOOPBACK = "127.0.0.1"
JSON_TYPE = "application/json; charset=utf-8"


@dataclass
class Request:
    """One request as the fake received it; kept in the log for test assertions."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-cased names
    body: bytes
    at: datetime
    identity: str | None = None  # set by the fake's authorize hook (user id, token...)

    def arg(self, name: str, default: str | None = None) -> str | None:
        values = self.query.get(name)
        return values[-1] if values else default

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8")) if self.body else None

    def form(self) -> dict[str, str]:
        parsed = parse_qs(self.body.decode("utf-8"), keep_blank_values=True)
        return {k: v[-1] for k, v in parsed.items()}

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


@dataclass
class Response:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = JSON_TYPE


def json_response(
    status: int,
    payload: Any,
    headers: dict[str, str] | None = None,
    content_type: str = JSON_TYPE,
) -> Response:
    try:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (half an emoji) cannot be UTF-8; JSON carries it as a \uD83D escape
        # (RFC 8259 section 8.2 allows it), which is how the real platforms send such text.
        body = json.dumps(payload, ensure_ascii=True).encode("ascii")
    return Response(status, body, dict(headers or {}), content_type)


Handler = Callable[[Request, dict[str, str]], Response]


def compile_path(pattern: str) -> re.Pattern[str]:
    """'/2/users/:id/mentions' -> a regex with a named group per ':name' segment."""
    parts = [
        f"(?P<{seg[1:]}>[^/]+)" if seg.startswith(":") else re.escape(seg)
        for seg in pattern.split("/")
    ]
    return re.compile("^" + "/".join(parts) + "$")


@dataclass
class Injection:
    """The next `times` requests matching method+path get this answer instead of the real one.

    `hold`, when given, is waited on (up to `hold_timeout` seconds) before answering: tests use it
    to simulate a platform that hangs, and release it when they have seen what they need.
    A `status` of None with a hold means "hang, then answer normally".
    """

    method: str | None
    path: re.Pattern[str]
    times: int
    status: int | None
    body: bytes
    headers: dict[str, str]
    content_type: str
    hold: threading.Event | None = None
    hold_timeout: float = 30.0
    # Let this many matching requests through first (a failure on a later page).
    after: int = 0

    def matches(self, req: Request) -> bool:
        if self.method and self.method != req.method:
            return False
        return bool(self.path.match(req.path))


class FakeServer:
    """Base for the platform fakes. Subclasses add routes and override `authorize`."""

    name = "fake"

    def __init__(self, clock: Clock | None = None, port: int = 0) -> None:
        self.clock: Clock = clock or SystemClock()
        self.lock = threading.RLock()
        self.changed = threading.Condition(self.lock)  # notified on every request and answer
        self._routes: list[tuple[str, re.Pattern[str], Handler, bool]] = []
        self._log: list[Request] = []
        self._injections: list[Injection] = []
        self.internal_errors: list[str] = []  # bugs in the fake itself, surfaced to tests
        self._port = port
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -----------------------------------------------------------------------------

    def start(self) -> Self:
        if self._server is not None:
            return self
        server = ThreadingHTTPServer((LOOPBACK, self._port), _make_handler(self))
        server.daemon_threads = True
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05},
            name=f"{self.name}-http", daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        with self.lock:  # release anything a test left hanging, so threads can finish
            for inj in self._injections:
                if inj.hold is not None:
                    inj.hold.set()
        server.shutdown()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError(f"{self.name} is not started")
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """Base URL without a trailing slash, e.g. http://127.0.0.1:54321."""
        return f"http://{LOOPBACK}:{self.port}"

    # -- routing -------------------------------------------------------------------------------

    def route(self, method: str, pattern: str, handler: Handler, auth: bool = True) -> None:
        self._routes.append((method.upper(), compile_path(pattern), handler, auth))

    def authorize(self, req: Request) -> Response | None:
        """Return a refusal, or None to let the request through (and set req.identity)."""
        return None

    def not_found(self, req: Request) -> Response:
        return json_response(404, {"error": "not_found", "path": req.path})

    # -- error injection -----------------------------------------------------------------------

    def inject(
        self,
        path: str,
        status: int | None = 500,
        body: bytes | str | dict[str, Any] | list[Any] = b"",
        headers: dict[str, str] | None = None,
        times: int = 1,
        method: str | None = None,
        content_type: str = JSON_TYPE,
        hold: threading.Event | None = None,
        hold_timeout: float = 30.0,
        after: int = 0,
    ) -> Injection:
        """Answer the next `times` requests to `path` (a route pattern) with this instead,
        once `after` of them have been answered normally."""
        if isinstance(body, dict | list):
            body = json.dumps(body).encode("utf-8")
        elif isinstance(body, str):
            body = body.encode("utf-8")
        injection = Injection(
            method.upper() if method else None, compile_path(path), times, status, body,
            dict(headers or {}), content_type, hold, hold_timeout, after,
        )
        with self.lock:
            self._injections.append(injection)
        return injection

    def inject_malformed_json(self, path: str, times: int = 1, status: int = 200) -> Injection:
        """A truncated JSON body with a JSON content type, as a proxy cutting a reply short."""
        return self.inject(path, status, b'{"data": [{"id": "1', times=times)

    def clear_injections(self) -> None:
        with self.lock:
            self._injections.clear()

    def _take_injection(self, req: Request) -> Injection | None:
        with self.lock:
            for inj in self._injections:
                if inj.times > 0 and inj.matches(req):
                    if inj.after > 0:
                        inj.after -= 1
                        continue
                    inj.times -= 1
                    if inj.times == 0:
                        self._injections.remove(inj)
                    return inj
        return None

    # -- request log ---------------------------------------------------------------------------

    @property
    def requests(self) -> list[Request]:
        with self.lock:
            return list(self._log)

    def requests_to(self, path: str, method: str | None = None) -> list[Request]:
        regex = compile_path(path)
        return [
            r for r in self.requests
            if regex.match(r.path) and (method is None or r.method == method.upper())
        ]

    def clear_log(self) -> None:
        with self.lock:
            self._log.clear()

    # -- dispatch (called on the server's request threads) ---------------------------------------

    def handle(self, req: Request) -> Response:
        with self.changed:
            self._log.append(req)
            self.changed.notify_all()
        try:
            return self._dispatch(req)
        except Exception:  # a bug in the fake must be loud, not a silent 500
            text = traceback.format_exc()
            with self.lock:
                self.internal_errors.append(text)
            print(f"[{self.name}] internal error:\n{text}", file=sys.stderr)
            return json_response(500, {"error": "fake_internal_error"})
        finally:
            with self.changed:
                self.changed.notify_all()

    def _dispatch(self, req: Request) -> Response:
        matched = None
        for method, regex, handler, auth in self._routes:
            m = regex.match(req.path)
            if m and method == req.method:
                matched = (handler, m.groupdict(), auth)
                break
        # Credentials are checked before anything else, injected faults included: a real token
        # must never get anything from a fake but a refusal.
        if matched is None or matched[2]:
            refusal = self.authorize(req)
            if refusal is not None:
                return refusal
        injection = self._take_injection(req)
        if injection is not None:
            if injection.hold is not None:
                injection.hold.wait(injection.hold_timeout)
            if injection.status is not None:
                return Response(
                    injection.status, injection.body, injection.headers, injection.content_type
                )
        if matched is None:
            return self.not_found(req)
        handler, params, _ = matched
        return handler(req, params)


def _make_handler(fake: FakeServer) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        # HTTP/1.0: one request per connection, so no idle keep-alive threads outlive stop().
        protocol_version = "HTTP/1.0"
        server_version = f"feedwatch-sandbox-{fake.name}"

        def _serve(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            req = Request(
                method=self.command,
                path=parts.path,
                query=parse_qs(parts.query, keep_blank_values=True),
                headers={k.lower(): v for k, v in self.headers.items()},
                body=body,
                at=fake.clock.now(),
            )
            resp = fake.handle(req)
            self.send_response(resp.status)
            self.send_header("Content-Type", resp.content_type)
            self.send_header("Content-Length", str(len(resp.body)))
            for name, value in resp.headers.items():
                self.send_header(name, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(resp.body)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _serve

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the request log replaces stderr noise

    return _Handler
