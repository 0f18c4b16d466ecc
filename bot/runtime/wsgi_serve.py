"""Entry point for a production WSGI server when Slack's side runs apart from ingest (see
Procfile `serve-web:`): it answers /slack/events, /webhooks/facebook, /healthz, /readyz and
/metrics and runs no poll. Beside it run `feedwatch ingest`, on the same database.

On SQLite run ONE gunicorn worker (threads are fine): SQLite allows one serve process. On
PostgreSQL any number of workers, processes and hosts may serve.
"""

from __future__ import annotations

from bot.runtime.runner import start_background


def _create():  # type: ignore[no-untyped-def]
    from bot.core.roles import SERVE
    from bot.runtime.health import make_probe
    from bot.runtime.web import make_wsgi

    services, app, scheduler = start_background(role=SERVE)
    return make_wsgi(app, services, make_probe(services, SERVE, scheduler))


application = _create()
