"""/healthz, /readyz and /metrics over HTTP: beside /slack/events in HTTP mode, and on their
own small port (HEALTH_PORT) in Socket Mode and for `feedwatch ingest`.

Anyone may ask whether the process is healthy: the answer is the status code and `ok` or
`not ok`. The details (which check failed and why) and /metrics need
`Authorization: Bearer <HEALTH_TOKEN>`; without a HEALTH_TOKEN nobody gets them.
"""

from __future__ import annotations

import hmac
import json
import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from pydantic import SecretStr

from bot.core import metrics
from bot.runtime import metrics_store
from bot.runtime.health import Probe, summary

log = logging.getLogger(__name__)

PATHS = ("/healthz", "/readyz", "/metrics")
WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def authorised(environ: dict[str, Any], token: SecretStr | None) -> bool:
    if token is None:
        return False
    given = str(environ.get("HTTP_AUTHORIZATION", ""))
    expected = f"Bearer {token.get_secret_value()}"
    return hmac.compare_digest(given.encode(), expected.encode())


def _answer(start_response: Callable[..., Any], status: int, body: bytes,
            content_type: str) -> list[bytes]:
    reason = {200: "OK", 401: "Unauthorized", 404: "Not Found",
              503: "Service Unavailable"}.get(status, "")
    start_response(f"{status} {reason}", [("Content-Type", content_type),
                                          ("Content-Length", str(len(body))),
                                          ("Cache-Control", "no-store")])
    return [body]


def make_health_wsgi(probe: Probe, token: SecretStr | None) -> WSGIApp:
    store = metrics_store.store_registry(probe.db, probe.clock)

    def wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == "/metrics":
            if not authorised(environ, token):
                return _answer(start_response, 401, b"metrics need the HEALTH_TOKEN bearer\n",
                               "text/plain")
            return _answer(start_response, 200, metrics.exposition(store), metrics.CONTENT_TYPE)
        if path not in ("/healthz", "/readyz"):
            return _answer(start_response, 404, b"not found", "text/plain")
        checks = probe.liveness() if path == "/healthz" else probe.readiness()
        result = summary(checks)
        status = 200 if result["ok"] else 503
        if authorised(environ, token):
            body = json.dumps(result).encode()
            return _answer(start_response, status, body, "application/json")
        return _answer(start_response, status, b"ok\n" if result["ok"] else b"not ok\n",
                       "text/plain")

    return wsgi


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        log.debug("health http: " + format, *args)


def serve_health(app: WSGIApp, port: int, host: str = "0.0.0.0") -> WSGIServer:
    """Answer on `port` from a daemon thread; a port in use stops the process with a clear
    message rather than leaving it up with nothing to probe it by."""
    try:
        server = make_server(host, port, app, handler_class=_QuietHandler)
    except OSError as exc:
        raise SystemExit(f"feedwatch: cannot listen on HEALTH_PORT {port} ({exc.strerror}); "
                         "set HEALTH_PORT to a free port, or 0 for no health port") from None
    threading.Thread(target=server.serve_forever, name="health-http", daemon=True).start()
    log.info("health checks on port %d (/healthz, /readyz, /metrics)", server.server_port)
    return server
