"""`feedwatch ingest` and `feedwatch serve` as two real processes on one SQLite file, against
the fakes: ingest polls and posts, serve answers a signed click while ingest runs, neither
does the other's work, a second of either kind is refused, and both stop cleanly."""

from __future__ import annotations

import http.client
import json
import signal
import socket
import subprocess
import sys
import time

from bot.slack import action_ids
from tests.multi.conftest import MODERATOR, PATIENCE, Fleet, wait_until
from tests.slack_http import block_action_body, signed_headers

TOKEN = "split-health-token"
SECRET = "sandbox-signing-secret"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Proc:
    def __init__(self, fleet: Fleet, role: str, **extra: str) -> None:
        self.log = fleet.workdir / f"{role}-{time.monotonic_ns()}.log"
        with self.log.open("w") as fh:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot.sandbox.testing.run_fakes", role],
                env={**fleet.env, "HEALTH_TOKEN": TOKEN, "LOG_LEVEL": "INFO", **extra},
                stdout=fh, stderr=subprocess.STDOUT, text=True)

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=60)


def get(port: int, path: str, token: bool = True) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers={"Authorization": f"Bearer {TOKEN}"} if token else {})
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def answers(port: int, path: str) -> bool:
    try:
        return get(port, path)[0] == 200
    except OSError:
        return False


def click(port: int, body: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        headers = {"Content-Type": "application/x-www-form-urlencoded",
                   **signed_headers(SECRET, body)}
        conn.request("POST", "/slack/events", body=body.encode(), headers=headers)
        resp = conn.getresponse()
        resp.read()
        return resp.status
    finally:
        conn.close()


def test_ingest_and_serve_share_one_sqlite_database(sqlite_fleet: Fleet) -> None:
    fleet = sqlite_fleet
    fleet.plant(5)
    ingest_health, serve_port = free_port(), free_port()
    ingest = Proc(fleet, "ingest", HEALTH_PORT=str(ingest_health))
    serve = Proc(fleet, "serve", PORT=str(serve_port))
    procs = (ingest.proc, serve.proc)
    try:
        wait_until("both processes answering /readyz",
                   lambda: answers(ingest_health, "/readyz") and answers(serve_port, "/readyz"))
        wait_until("5 alerts posted by ingest", lambda: fleet.counts() == (5, 5))
        fleet.assert_exactly_once(5)

        # Ingest's readiness covers its feeds; serve's is its database alone.
        status, body = get(ingest_health, "/readyz")
        checks = json.loads(body)["checks"]
        assert status == 200 and checks["feed x:nsft:mentions"]["ok"], checks
        assert set(json.loads(get(serve_port, "/readyz")[1])["checks"]) == {"database"}
        assert get(serve_port, "/readyz", token=False) == (200, b"ok\n")

        # A click reaches serve while ingest runs; serve answers it through Slack.
        url = fleet.slack.response_url(fleet.channel, MODERATOR)
        assert click(serve_port, block_action_body(action_ids.HIDE, "1", url)) == 200
        wait_until("the click answered", lambda: len(fleet.slack.responses) >= 1)
        assert fleet.slack.responses[0]["response_type"] == "ephemeral"

        # serve never polls: the reads of X are ingest's.
        assert "polling" not in serve.tail() and "x:nsft:mentions: fetched" in ingest.tail()

        # One of each kind on SQLite: a second ingest or serve is refused, saying why.
        for role, extra in (("ingest", {"HEALTH_PORT": "0"}),
                            ("serve", {"PORT": str(free_port())})):
            second = subprocess.run([sys.executable, "-m", "bot.sandbox.testing.run_fakes", role],
                                    env={**fleet.env, **extra}, capture_output=True,
                                    text=True, timeout=PATIENCE)
            assert second.returncode == 3, second.stderr
            assert "already running on this SQLite database" in second.stderr
        # ...and `run` (both in one) is refused while either runs.
        both = subprocess.run([sys.executable, "-m", "bot.sandbox.testing.run_fakes", "run"],
                              env={**fleet.env, "PORT": str(free_port())},
                              capture_output=True, text=True, timeout=PATIENCE)
        assert both.returncode == 3
    finally:
        codes = (ingest.stop(), serve.stop())
    assert codes == (0, 0), f"{ingest.tail()}\n{serve.tail()}"
    assert all(p.returncode == 0 for p in procs)
