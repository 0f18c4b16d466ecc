"""The requests adapter that sends a real platform host's traffic to a loopback fake."""

from __future__ import annotations

import pytest
import requests

from bot.sandbox.http_fake import FakeServer, Request, Response, json_response
from bot.sandbox.transport import is_loopback_url, mount_fake


class Recorder(FakeServer):
    def __init__(self) -> None:
        super().__init__()
        self.route("GET", "/2/users/:id/mentions", self._ok)

    def _ok(self, req: Request, p: dict[str, str]) -> Response:
        return json_response(200, {"id": p["id"], "since_id": req.arg("since_id")})


@pytest.fixture
def recorder():
    with Recorder() as fake:
        yield fake


def test_rewrites_host_and_keeps_path_and_query(recorder: Recorder) -> None:
    session = requests.Session()
    mount_fake(session, "https://api.twitter.com/", recorder.url)
    resp = session.get("https://api.twitter.com/2/users/7/mentions", params={"since_id": "9"})
    assert resp.json() == {"id": "7", "since_id": "9"}
    assert recorder.requests[0].path == "/2/users/7/mentions"


def test_environment_proxies_are_not_used(recorder: Recorder, monkeypatch) -> None:
    # A closed loopback port as proxy: if the adapter honoured it the request would fail.
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")
    session = requests.Session()
    mount_fake(session, "https://api.twitter.com/", recorder.url)
    assert session.get("https://api.twitter.com/2/users/1/mentions").status_code == 200


@pytest.mark.parametrize("base", ["https://example.org/", "http://10.0.0.1:80/",
                                  "https://127.0.0.1:443/", "http://api.twitter.com/"])
def test_refuses_a_non_loopback_or_non_http_fake(base: str) -> None:
    with pytest.raises(ValueError, match="non-loopback"):
        mount_fake(requests.Session(), "https://api.twitter.com/", base)


def test_loopback_detection() -> None:
    assert is_loopback_url("http://127.0.0.1:1/") and is_loopback_url("http://[::1]:1/")
    assert is_loopback_url("http://localhost:1/")
    assert not is_loopback_url("http://192.168.1.2/") and not is_loopback_url("http://x.test/")
