"""/healthz, /readyz and /metrics answer the same in HTTP mode (beside /slack/events) as on
Socket Mode's HEALTH_PORT: one handler serves both, details only with the HEALTH_TOKEN bearer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from slack_bolt import App

from bot.core.roles import INGEST
from bot.runtime import heartbeat
from bot.runtime.app import build_app
from bot.runtime.health import make_probe
from bot.runtime.health_http import make_health_wsgi
from bot.runtime.web import make_wsgi
from tests.ops.conftest import BEARER, Wired, wired  # noqa: F401  (fixture)
from tests.slack_http import call_wsgi


@pytest.fixture
def app(wired: Wired) -> Iterator[App]:  # noqa: F811
    app = build_app(wired.services)
    yield app
    app.listener_runner.listener_executor.shutdown(wait=True)  # type: ignore[attr-defined]


CHECKS = ("/healthz", "/readyz")


@pytest.mark.parametrize("headers", [None, {"Authorization": "Bearer wrong"}, BEARER])
def test_http_mode_and_socket_mode_give_the_same_answers(wired: Wired, app: App,  # noqa: F811
                                                         headers: dict[str, str] | None) -> None:
    heartbeat.beat(wired.services.db, wired.clock)
    probe = make_probe(wired.services, INGEST)
    socket_mode = make_health_wsgi(probe, wired.services.settings.health_token)
    http_mode = make_wsgi(app, wired.services, probe)
    for path in CHECKS:
        beside_slack = call_wsgi(http_mode, "GET", path, headers=headers)
        on_health_port = call_wsgi(socket_mode, "GET", path, headers=headers)
        assert beside_slack == on_health_port, path
    # /metrics too (its figures move between two calls: the interpreter's own counters).
    answers = [call_wsgi(wsgi, "GET", "/metrics", headers=headers)
               for wsgi in (http_mode, socket_mode)]
    kinds = [(status, answer_headers["Content-Type"]) for status, answer_headers, _ in answers]
    assert kinds[0] == kinds[1] and kinds[0][0] == (200 if headers == BEARER else 401)
    # Not ready (a feed never read, long after the start): both say so, in the same words.
    wired.clock.advance(hours=1)
    for path in CHECKS:
        assert (call_wsgi(http_mode, "GET", path, headers=headers)
                == call_wsgi(socket_mode, "GET", path, headers=headers)), path
    assert call_wsgi(http_mode, "GET", "/readyz", headers=headers)[0] == 503
