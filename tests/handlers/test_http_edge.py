"""The HTTP edge cannot be tied up: slow clients are dropped while others are served, bodies
over the limit are refused unread, a malformed timestamp is a 401, and /healthz tells details
only to the holder of HEALTH_TOKEN. Through `feedwatch run`'s real server on a socket."""

from __future__ import annotations

import io
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from bot.core.clock import FixedClock
from bot.runtime.app import build_app
from bot.runtime.http_server import make_server
from bot.runtime.web import make_wsgi
from bot.sandbox.accounts import x_account_config
from bot.sandbox.fake_slack import SANDBOX_TOKEN, FakeSlack
from bot.sandbox.fake_x import FakeX
from bot.store.db import Database
from tests.harness import make_settings, services_for
from tests.slack_http import command_body, signed_headers

SECRET = "sandbox-signing-secret"
TOKEN = "health-token-for-tests"


@pytest.fixture
def edge(sqlite_db: Database, clock: FixedClock) -> Iterator[tuple[str, Any]]:
    x, slack = FakeX(clock=clock).start(), FakeSlack(clock=clock).start()
    channel = slack.add_channel("social-alerts")
    settings = make_settings(sqlite_db, [x_account_config(x, "NSFTtweets", "nsft")],
                             slack_url=f"{slack.url}/api/", slack_bot_token=SANDBOX_TOKEN,
                             slack_alert_channel=channel, slack_signing_secret=SECRET,
                             health_token=TOKEN, http_body_limit_bytes=65536,
                             http_client_timeout_seconds=1)
    services = services_for(settings, clock, x)
    wsgi = make_wsgi(build_app(services), services)
    server = make_server(wsgi, settings, host="127.0.0.1", port=0, cleanup_interval=0.2)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}", wsgi
    server.close()
    services.db.dispose()
    x.stop()
    slack.stop()


def test_slow_clients_are_dropped_and_others_served_meanwhile(edge) -> None:  # type: ignore[no-untyped-def]
    base, _ = edge
    port = int(base.rsplit(":", 1)[1])
    slow = []
    for _ in range(12):  # more than the server's threads
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Le")
        slow.append(s)
    started = time.monotonic()
    assert requests.get(f"{base}/healthz", timeout=5).text == "ok\n"
    assert time.monotonic() - started < 2
    for s in slow:
        s.settimeout(10)
        assert s.recv(100) == b""  # closed by the server after the client timeout
        s.close()


def test_a_body_over_the_limit_is_refused_before_it_is_read(edge) -> None:  # type: ignore[no-untyped-def]
    base, wsgi = edge
    port = int(base.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\n"
                  b"Content-Type: application/x-www-form-urlencoded\r\n"
                  b"Content-Length: 67108864\r\n\r\n")  # 64 MiB announced, none sent
        s.settimeout(5)
        assert s.recv(100).startswith(b"HTTP/1.1 413")

    class Unreadable(io.RawIOBase):
        def read(self, *_: object) -> bytes:
            raise AssertionError("the body was read")

    # The same limit when another server (gunicorn) runs the app.
    captured: dict[str, str] = {}
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/slack/events",
               "CONTENT_LENGTH": str(64 * 1024 * 1024), "wsgi.input": Unreadable()}
    b"".join(wsgi(environ, lambda status, headers: captured.update(status=status)))
    assert captured["status"].startswith("413")


@pytest.mark.parametrize("stamp", ["soon", "1e9", "", "١٢٣"])
def test_a_timestamp_that_is_not_a_number_is_401(edge, stamp: str) -> None:  # type: ignore[no-untyped-def]
    base, _ = edge
    body = command_body("help", "http://127.0.0.1:9/unused")
    headers = signed_headers(SECRET, body)
    headers["X-Slack-Request-Timestamp"] = stamp
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    resp = requests.post(f"{base}/slack/events", data=body.encode(),
                         headers={k: v.encode() for k, v in headers.items()}, timeout=5)
    assert resp.status_code == 401


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_details_only_with_the_token(edge, path: str) -> None:  # type: ignore[no-untyped-def]
    base, _ = edge
    plain = requests.get(f"{base}{path}", timeout=5)
    assert plain.status_code == 200 and plain.text == "ok\n"
    wrong = requests.get(f"{base}{path}", headers={"Authorization": "Bearer nope"}, timeout=5)
    assert wrong.text == "ok\n"
    full = requests.get(f"{base}{path}", headers={"Authorization": f"Bearer {TOKEN}"},
                        timeout=5).json()
    assert full["ok"] is True and full["checks"]
