"""The container health check helper, against the real health server."""

from __future__ import annotations

import socket

import pytest
from pydantic import SecretStr

from bot.core.roles import INGEST
from bot.runtime.health import make_probe
from bot.runtime.health_http import make_health_wsgi, serve_health
from bot.runtime.probe import main
from tests.ops.conftest import TOKEN, Wired


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_probe_follows_the_health_port(wired: Wired) -> None:
    probe = make_probe(wired.services, INGEST)
    server = serve_health(make_health_wsgi(probe, SecretStr(TOKEN)), free_port(), "127.0.0.1")
    try:
        env = {"HEALTH_PORT": str(server.server_port), "PORT": str(free_port())}
        assert main([], env) == 0  # no scheduler watched: alive
        assert main(["--ready"], env) == 0
        wired.clock.advance(hours=1)  # the feeds are late and the heartbeat silent
        assert main(["--ready"], env) == 1
    finally:
        server.shutdown()
        server.server_close()
    assert main([], {"HEALTH_PORT": str(free_port()), "PORT": "0"}) == 1


def test_a_busy_health_port_stops_with_a_clear_message(wired: Wired) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        app = make_health_wsgi(make_probe(wired.services, INGEST), None)
        with pytest.raises(SystemExit) as exc:
            serve_health(app, port, "127.0.0.1")
    assert f"cannot listen on HEALTH_PORT {port}" in str(exc.value)
    assert "HEALTH_PORT to a free port, or 0" in str(exc.value)
