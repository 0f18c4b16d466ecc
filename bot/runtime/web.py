"""HTTP mode: Slack events at /slack/events, Facebook webhooks at /webhooks/facebook, and
/healthz, /readyz and /metrics answered by the same WSGI app as Socket Mode's HEALTH_PORT
(bot/runtime/health_http.py), so a probe reads the same answer in either mode."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.core.roles import SERVE
from bot.platforms.facebook import webhooks
from bot.runtime import heartbeat
from bot.runtime.health import Probe, make_probe
from bot.runtime.health_http import PATHS as HEALTH_PATHS
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
        if path in HEALTH_PATHS:
            return checks(environ, start_response)
        if path == "/slack/events":
            return slack(environ, start_response)
        if path == webhooks.PATH:
            return webhooks.wsgi_facebook(facebook_hook, environ, start_response)
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]

    return wsgi
