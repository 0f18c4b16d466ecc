"""HTTP mode: Slack events at /slack/events, Facebook webhooks at /webhooks/facebook, a
health check at /healthz (WSGI)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from sqlalchemy import select

from bot.core.roles import SERVE
from bot.platforms.facebook import webhooks
from bot.runtime import heartbeat
from bot.runtime.health import Probe, make_probe
from bot.runtime.health_http import make_health_wsgi
from bot.runtime.services import Services
from bot.store.schema import SourceStateRow

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def health(services: Services) -> tuple[int, dict[str, Any]]:
    """Healthy when the database answers; per-source last success for the curious."""
    try:
        with services.db.session() as s:
            rows = s.execute(select(SourceStateRow)).scalars().all()
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


def make_wsgi(app: App, services: Services, probe: Probe | None = None) -> WSGIApp:
    slack = SlackRequestHandler(app, path="/slack/events")
    checks = make_health_wsgi(probe or make_probe(services, SERVE), services.settings.health_token)

    def wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == "/healthz":
            status, body = health(services)
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
            return webhooks.wsgi_facebook(services, environ, start_response)
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]

    return wsgi
