"""Entry point for a production WSGI server (see Procfile `web:`).

Run with ONE gunicorn worker (threads are fine): the worker also runs the scheduler, and two
schedulers would poll the same accounts twice.
"""

from __future__ import annotations

from bot.runtime.runner import start_background


def _create():  # type: ignore[no-untyped-def]
    from bot.core.roles import RUN
    from bot.runtime.health import make_probe
    from bot.runtime.web import make_wsgi

    services, app, scheduler = start_background()
    return make_wsgi(app, services, make_probe(services, RUN, scheduler))


application = _create()
