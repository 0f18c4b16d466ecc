"""HTTP mode: Slack events at /slack/events, Facebook webhooks at /webhooks/facebook, a
health check at /healthz (WSGI)."""

from __future__ import annotations

import hmac
import json
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.core.roles import SERVE
from bot.platforms.facebook import webhooks
from bot.runtime import heartbeat
from bot.runtime.health import Probe, make_probe
from bot.runtime.health_http import make_health_wsgi
from bot.runtime.services import Services
from bot.store.cursors import all_states

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def health(services: Services) -> tuple[int, dict[str, Any]]:
    """Healthy when the database answers; per-source last success for the curious."""
    try:
        with services.db.session() as s:
            rows = all_states(s)
            sources = {
                r.key: {"last_success_at": r.last_success_at.isoformat()
                        if r.last_success_at else None, "failing": r.consecutive_failures}
                for r in rows if r.key != heartbeat.HEARTBEAT_KEY
            }
        beat = heartbeat.last_beat(services.db)
    except Exception as exc:  # report, don't crash the web worker
        return 503, {"ok": False, "error": f"database: {type(exc).__name__}"}
    return 200, {"ok": True, "heartbeat": beat.isoformat() if beat else None,
                 "sources": sources}


def _plain(start_response: Callable[..., Any], status: str, text: str) -> Iterable[bytes]:
    data = text.encode()
    start_response(status, [("Content-Type", "text/plain"), ("Content-Length", str(len(data)))])
    return [data]


def _shows_details(services: Services, environ: dict[str, Any]) -> bool:
    token = services.settings.health_token
    if token is None:
        return False
    given = environ.get("HTTP_AUTHORIZATION", "")
    return hmac.compare_digest(given.encode(), f"Bearer {token.get_secret_value()}".encode())


def refusal(services: Services, environ: dict[str, Any]) -> tuple[str, str] | None:
    """Why a request is refused before any of its body is read, or None. The body limit holds
    whichever server runs the app (waitress also enforces it; gunicorn does not)."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return "400 Bad Request", "bad Content-Length"
    if length > services.settings.http_body_limit_bytes:
        return "413 Content Too Large", "request body too large"
    if environ.get("PATH_INFO") == "/slack/events":
        # Bolt would raise on a timestamp that is not a number (a 500); it is a bad signature.
        stamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", "")
        if not stamp.isascii() or not stamp.isdigit():
            return "401 Unauthorized", "invalid request"
    return None


def make_wsgi(app: App, services: Services, probe: Probe | None = None) -> WSGIApp:
    slack = SlackRequestHandler(app, path="/slack/events")
    checks = make_health_wsgi(probe or make_probe(services, SERVE), services.settings.health_token)
    facebook_hook = webhooks.FacebookWebhook(services.settings, services.pipeline.ingest)

    def wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        refused = refusal(services, environ)
        if refused is not None:
            return _plain(start_response, *refused)
        if path == "/healthz":
            status, body = health(services)
            # Unauthenticated callers (load balancers) learn only ok or not ok; the sources
            # and their failures are for whoever holds HEALTH_TOKEN.
            if not _shows_details(services, environ):
                body = {"ok": body["ok"]}
            data = json.dumps(body).encode()
            start_response(f"{status} {'OK' if status == 200 else 'Service Unavailable'}",
                           [("Content-Type", "application/json"),
                            ("Content-Length", str(len(data)))])
            return [data]
        if path in ("/readyz", "/metrics"):
            return checks(environ, start_response)
        if path == "/slack/events":
            return slack(environ, start_response)
        if path == webhooks.PATH:
            return webhooks.wsgi_facebook(facebook_hook, environ, start_response)
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]

    return wsgi
