"""The stand-in's server without a browser: the port-busy error, its defences, and a signed
round trip to the real bot in HTTP mode."""

from __future__ import annotations

import io
import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any
from urllib.error import HTTPError

import pytest

from bot.sandbox.standin.bridge import Bridge
from bot.sandbox.standin.runtime import StandIn
from bot.sandbox.standin.serve import serve
from bot.sandbox.standin.server import PortBusy, bind

NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@pytest.fixture
def busy_port() -> Iterator[int]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)
    yield sock.getsockname()[1]
    sock.close()


def test_busy_port_is_a_clear_error_naming_the_port_and_the_fix(busy_port: int) -> None:
    with pytest.raises(PortBusy) as caught:
        bind(busy_port)
    assert str(busy_port) in str(caught.value)
    assert "--port" in str(caught.value)


def test_serving_on_a_busy_port_returns_2_with_the_message(busy_port: int) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert serve(busy_port, out, err) == 2
    assert f"port {busy_port}" in err.getvalue()
    assert out.getvalue() == ""  # nothing was started, so nothing claims to be served


def test_feedwatch_demo_on_a_busy_port_exits_2_naming_it(busy_port: int) -> None:
    # The real command, in its own process: the error a person at the terminal sees.
    done = subprocess.run([sys.executable, "-m", "bot.cli.main", "demo", "--port", str(busy_port)],
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == 2, done.stderr
    assert f"port {busy_port} on 127.0.0.1 is already in use" in done.stderr
    assert "--port" in done.stderr


@pytest.fixture(scope="module")
def standin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StandIn]:
    with StandIn(tmp_path_factory.mktemp("standin"), port=0, play=False,
                 poll_seconds=0.5) as s:
        yield s


def call(s: StandIn, path: str, body: Any = None, headers: dict[str, str] | None = None
         ) -> tuple[int, dict[str, str], bytes]:
    data = None if body is None else (body if isinstance(body, bytes)
                                      else json.dumps(body).encode())
    hdrs = {"Content-Type": "application/json"} if data is not None else {}
    req = urllib.request.Request(s.url.rstrip("/") + path, data, {**hdrs, **(headers or {})},
                                 method="POST" if data is not None else "GET")
    try:
        with NO_PROXY.open(req, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except HTTPError as err:
        return err.code, dict(err.headers), err.read()


def wait_for(check: Callable[[], Any], timeout: float = 15.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError("not within the time allowed")


def state(s: StandIn, user: str = "U0SAM") -> dict[str, Any]:
    return json.loads(call(s, f"/api/state?user={user}")[2])


def test_binds_loopback_only_and_serves_the_page_with_a_strict_policy(s: StandIn) -> None:
    assert s.url.startswith("http://127.0.0.1:")
    assert s.page.server.server_address[0] == "127.0.0.1"
    status, headers, body = call(s, "/")
    assert status == 200 and b'<script type="module" src="/static/app.js">' in body
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "img-src 'self'" in headers["Content-Security-Policy"]
    assert call(s, "/static/../runtime.py")[0] == 404


@pytest.fixture
def s(standin: StandIn) -> StandIn:
    return standin


def test_cross_site_and_non_json_writes_are_refused(s: StandIn) -> None:
    body = {"text": "/feedwatch help"}
    assert call(s, "/api/command", body, {"Origin": "http://evil.example"})[0] == 403
    assert call(s, "/api/command", b"text=help",
                {"Content-Type": "application/x-www-form-urlencoded"})[0] == 415
    assert call(s, "/api/command", body, {"Host": "evil.example"})[0] == 403
    assert call(s, "/api/state", headers={"Host": "rebound.example"})[0] == 421


def test_a_slash_command_is_signed_and_its_answer_shows_only_to_its_author(s: StandIn) -> None:
    status, _, body = call(s, "/api/command", {"user": "U0ALEX", "text": "/feedwatch help"})
    assert status == 200 and json.loads(body)["ok"]
    sent = s.bridge.history[-1]
    assert sent["kind"] == "slash_command" and sent["status"] == 200
    assert sent["payload"]["command"] == "/feedwatch" and sent["payload"]["text"] == "help"
    mine = wait_for(lambda: [m for m in state(s, "U0ALEX")["channel"]["messages"]
                             if m["ephemeral"]])
    assert "what you can ask" in mine[-1]["label"]
    assert not [m for m in state(s, "U0SAM")["channel"]["messages"]
                if m["ephemeral"] and "what you can ask" in m["label"]]


def test_the_bot_refuses_a_payload_signed_with_any_other_secret(s: StandIn) -> None:
    forged = Bridge(s.sandbox.fake_slack, f"{s.bot_url}/slack/events", "a-guessed-secret")
    assert forged.command("U0SAM", s.sandbox.channel, "help").status == 401
    assert s.secret not in ("sandbox-signing-secret", "") and len(s.secret) >= 32


def test_a_public_post_reaches_the_channel_and_the_public_panel(s: StandIn) -> None:
    text = "<b>not bold</b> thanks to the ward team"
    status, _, body = call(s, "/api/public", {"platform": "facebook", "kind": "comment",
                                              "author": "Pat Kim", "text": text})
    assert status == 200, body
    wait_for(lambda: [m for m in state(s)["channel"]["messages"] if "Pat Kim" in m["label"]])
    fb = state(s)["public"]["facebook"]
    comments = [c for p in fb["posts"] for c in p["comments"]]
    assert [c["text"] for c in comments if c["author"]["name"] == "Pat Kim"] == [text]


def test_a_button_press_is_a_signed_block_action_with_the_message_and_a_response_url(
        s: StandIn) -> None:
    call(s, "/api/public", {"platform": "x", "kind": "mention", "author": "casey",
                            "text": "is anyone there?"})
    msg = wait_for(lambda: [m for m in state(s)["channel"]["messages"]
                            if "casey" in m["label"]])[0]
    button = next(e for b in msg["blocks"] if b["type"] == "actions" for e in b["elements"]
                  if e.get("action_id") == "fw.claim")
    _, _, body = call(s, "/api/action", {"user": "U0SAM", "channel": s.sandbox.channel,
                                              "ts": msg["ts"], "action": button})
    assert json.loads(body)["status"] == 200
    payload = s.bridge.history[-1]["payload"]
    assert payload["type"] == "block_actions"
    assert payload["actions"][0]["action_id"] == "fw.claim"
    assert payload["message"]["ts"] == msg["ts"] and payload["user"]["id"] == "U0SAM"
    assert payload["response_url"].startswith(s.sandbox.fake_slack.url)
    assert payload["trigger_id"] in s.sandbox.fake_slack.triggers


def test_check_with_feedwatch_is_a_signed_message_shortcut_answered_privately(
        s: StandIn) -> None:
    # A colleague pastes a post into the channel, and someone checks it.
    ts = s.sandbox.fake_slack.add_user_message(s.sandbox.channel, "U0SAM",
                                               "Seen on a forum: you lot are pathetic cowards")
    msg = wait_for(lambda: [m for m in state(s)["channel"]["messages"] if m["ts"] == ts])[0]
    status, _, body = call(s, "/api/shortcut", {"user": "U0JO", "channel": s.sandbox.channel,
                                                "ts": msg["ts"]})
    assert status == 200 and json.loads(body)["status"] == 200
    payload = s.bridge.history[-1]["payload"]
    assert (payload["type"], payload["callback_id"]) == ("message_action", "fw.check_message")
    assert payload["message"]["ts"] == msg["ts"] and payload["user"]["id"] == "U0JO"
    answer = wait_for(lambda: [m for m in state(s, "U0JO")["channel"]["messages"]
                               if m["ephemeral"] and "feedwatch's check" in m["label"]])
    assert "Abuse or bullying" in answer[-1]["label"]
    assert not [m for m in state(s, "U0SAM")["channel"]["messages"]
                if "feedwatch's check" in m["label"]]


def test_the_people_picker_assigns_through_a_signed_users_select(s: StandIn) -> None:
    call(s, "/api/public", {"platform": "x", "kind": "mention", "author": "morgan",
                            "text": "the parking charges are a disgrace"})
    msg = wait_for(lambda: [m for m in state(s)["channel"]["messages"]
                            if "morgan" in m["label"]])[0]
    block = next(b for b in msg["blocks"] if b.get("block_id", "").startswith("fw_assign:"))
    picker = block["elements"][0]
    action = {"action_id": picker["action_id"], "block_id": block["block_id"],
              "type": "users_select", "selected_user": "U0ALEX"}
    call(s, "/api/action", {"user": "U0SAM", "channel": s.sandbox.channel, "ts": msg["ts"],
                            "action": action})
    wait_for(lambda: [m for m in state(s)["channel"]["messages"] if m["ts"] == msg["ts"]
                      and "Assigned to" in json.dumps(m["blocks"])])


def test_uploaded_files_are_served_inert(s: StandIn) -> None:
    slack = s.sandbox.fake_slack
    with slack.lock:
        slack.files["F0TEST"] = {"id": "F0TEST", "name": "evidence.html",
                                 "_data": b"<script>alert(1)</script>"}
    status, headers, body = call(s, "/files/F0TEST")
    assert status == 200 and body == b"<script>alert(1)</script>"
    assert headers["Content-Type"].startswith("text/plain")
    assert "sandbox" in headers["Content-Security-Policy"]
    assert call(s, "/files/F0NOPE")[0] == 404


def test_a_pile_on_becomes_one_storm_alert_that_counts(s: StandIn) -> None:
    status, _, body = call(s, "/api/scenario/pile_on", {})
    assert status == 200 and b"pile-on" in body
    storm = wait_for(lambda: [m for m in state(s)["channel"]["messages"]
                              if "Storm: 40 replies in one thread" in json.dumps(m)])
    assert len(storm) == 1
    # Forty posts and no alert of their own: only the storm alert speaks of them (no spike
    # alert: a new install has no week of history to call forty posts unusual against).
    about = [json.dumps(m) for m in state(s)["channel"]["messages"]
             if "Pile On" in json.dumps(m) or "idiots" in json.dumps(m)]
    assert [a for a in about if "Storm: 40" not in a] == []


def test_a_closed_browser_tab_prints_no_traceback(capfd: pytest.CaptureFixture[str],
                                                  caplog: pytest.LogCaptureFixture) -> None:
    server = bind(0)
    try:
        for gone in (BrokenPipeError(32, "Broken pipe"),
                     ConnectionResetError(104, "Connection reset by peer")):
            try:
                raise gone
            except OSError:
                server.handle_error(None, ("127.0.0.1", 50000))
        assert capfd.readouterr().err == ""
        assert not [r for r in caplog.records if r.levelname != "DEBUG"]
        try:
            raise ValueError("a real bug")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 50000))
        [record] = [r for r in caplog.records if r.levelname == "ERROR"]
        assert record.exc_info and "a request failed" in record.getMessage()
    finally:
        server.server_close()
