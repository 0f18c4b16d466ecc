"""The stand-in's own web server (standard library only), bound to 127.0.0.1.

Serves the page and its static files, images from the X fake, files the bot uploaded, and the
JSON API (api.py). Defences, because the API can click buttons as a moderator: loopback
only; the Host header must name this server (no DNS rebinding); writes need a JSON body and a
same-origin Origin when one is sent (no cross-site form posts); a strict Content-Security-
Policy (no inline script, nothing loaded from elsewhere); uploaded files served as inert.
"""

from __future__ import annotations

import errno
import json
import logging
import sys
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from bot.sandbox.http_fake import LOOPBACK
from bot.sandbox.standin.api import handle_post, state

log = logging.getLogger(__name__)

STATIC = Path(__file__).with_name("static")
TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
         ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
       "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
MAX_BODY = 64 * 1024


class PortBusy(OSError):
    """The page's port is taken; the message says what to do."""


# A browser tab closed, reloaded or navigated away mid-answer: normal, nothing to report.
GONE = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError)


class _PageHTTPServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # socketserver's default prints a traceback to the demo's terminal for every one.
        if isinstance(sys.exc_info()[1], GONE):
            log.debug("stand-in page: the browser went away mid-answer")
            return
        log.exception("stand-in page: a request failed")


def bind(port: int) -> ThreadingHTTPServer:
    """Bind the page's socket on loopback (port 0: any free port)."""
    try:
        server = _PageHTTPServer((LOOPBACK, port), _Handler)
    except OSError as exc:
        if exc.errno in (errno.EADDRINUSE, errno.EACCES):
            raise PortBusy(
                f"port {port} on {LOOPBACK} is already in use (is another `feedwatch demo` "
                f"running?). Stop it, or choose another port: feedwatch demo --port "
                f"{port + 1}") from exc
        raise
    server.daemon_threads = True
    return server


class PageServer:
    def __init__(self, server: ThreadingHTTPServer, standin: Any) -> None:
        self.server = server
        server.standin = standin  # type: ignore[attr-defined]
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}/"

    def start(self) -> None:
        self._thread = threading.Thread(target=self.server.serve_forever,
                                        kwargs={"poll_interval": 0.1}, name="standin-page",
                                        daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _Handler(BaseHTTPRequestHandler):
    server_version = "feedwatch-standin"
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the page polls every second; a line per request would drown the terminal

    # -- plumbing -------------------------------------------------------------------------------

    def _send(self, status: int, body: bytes, content_type: str,
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        headers = {"Content-Type": content_type, "Content-Length": str(len(body)),
                   "Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                   "Referrer-Policy": "no-referrer", "Cache-Control": "no-store",
                   **(extra or {})}
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, data: Any) -> None:
        self._send(status, json.dumps(data).encode("utf-8"), "application/json; charset=utf-8")

    def _host_ok(self) -> bool:
        port = self.server.server_address[1]
        return self.headers.get("Host", "") in (f"{LOOPBACK}:{port}", f"localhost:{port}")

    # -- GET ------------------------------------------------------------------------------------

    def do_GET(self) -> None:
        if not self._host_ok():
            self._send(421, b"wrong host", "text/plain")
            return
        parts = urlsplit(self.path)
        path, query = parts.path, {k: v[-1] for k, v in parse_qs(parts.query).items()}
        standin = self.server.standin  # type: ignore[attr-defined]
        if path == "/":
            self._static("index.html")
        elif path == "/favicon.ico":
            self._send(204, b"", "image/x-icon")
        elif path.startswith("/static/"):
            self._static(path[len("/static/"):])
        elif path.startswith("/media/x/"):
            self._x_media(standin, path[len("/media/x/"):])
        elif path.startswith("/files/"):
            self._file(standin, path[len("/files/"):])
        elif path == "/api/state":
            self._json(200, state(standin, query))
        else:
            self._send(404, b"not found", "text/plain")

    do_HEAD = do_GET

    def _static(self, name: str) -> None:
        # Only plain names of files that ship with the page: no paths, so no traversal.
        target = STATIC / name
        if "/" in name or "\\" in name or name.startswith(".") or not target.is_file() or (
                target.suffix not in TYPES):
            self._send(404, b"not found", "text/plain")
            return
        self._send(200, target.read_bytes(), TYPES[target.suffix])

    def _x_media(self, standin: Any, name: str) -> None:
        if "/" in name or not name:
            self._send(404, b"not found", "text/plain")
            return
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(f"{standin.sandbox.fake_x.url}/media/{name}", timeout=5) as resp:
                data, kind = resp.read(), resp.headers.get("Content-Type", "")
        except OSError:
            self._send(404, b"not found", "text/plain")
            return
        self._send(200, data, kind if kind.startswith("image/") else "application/octet-stream")

    def _file(self, standin: Any, file_id: str) -> None:
        slack = standin.sandbox.fake_slack
        try:
            data = slack.uploaded(file_id)
        except KeyError:
            self._send(404, b"not found", "text/plain")
            return
        # An evidence pack's HTML holds the public's text: never render it as a page here.
        kind = "image/png" if data.startswith(b"\x89PNG") else "text/plain; charset=utf-8"
        self._send(200, data, kind, {"Content-Security-Policy": "sandbox; default-src 'none'"})

    # -- POST -----------------------------------------------------------------------------------

    def do_POST(self) -> None:
        origin = self.headers.get("Origin")
        port = self.server.server_address[1]
        same_origin = origin is None or origin in (f"http://{LOOPBACK}:{port}",
                                                   f"http://localhost:{port}")
        if not self._host_ok() or not same_origin:
            self._send(403, b"cross-site request refused", "text/plain")
            return
        if self.headers.get("Content-Type", "").split(";")[0].strip() != "application/json":
            self._send(415, b"JSON only", "text/plain")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._send(413, b"too large", "text/plain")
            return
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
        except ValueError:
            self._json(400, {"ok": False, "error": "invalid JSON"})
            return
        status, answer = handle_post(self.server.standin, urlsplit(self.path).path,  # type: ignore[attr-defined]
                                     body if isinstance(body, dict) else {})
        self._json(status, answer)
