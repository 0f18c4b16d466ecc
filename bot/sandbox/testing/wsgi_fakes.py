"""The Procfile's `web:` application (bot/runtime/wsgi.py), unchanged, except that the platforms'
transport goes to the loopback fakes named by FEEDWATCH_SANDBOX_X_URL and
FEEDWATCH_SANDBOX_GRAPH_URL (Slack: SLACK_API_URL). For the benchmarks: the same gunicorn
command line as the Procfile, with `bot.sandbox.testing.wsgi_fakes:application`. Test-only.
"""

from __future__ import annotations

import os

from bot.runtime.runner import start_background
from bot.runtime.web import make_wsgi
from bot.sandbox.testing.instance import fake_sessions

_services, _app, _scheduler = start_background(fake_sessions(
    os.environ["FEEDWATCH_SANDBOX_X_URL"], os.environ.get("FEEDWATCH_SANDBOX_GRAPH_URL", "")))
application = make_wsgi(_app, _services)
