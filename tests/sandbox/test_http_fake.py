"""The shared fake server base: loopback binding, routing, request log, error injection."""

from __future__ import annotations

import threading

import pytest
import requests

from bot.sandbox.http_fake import FakeServer, Request, Response, json_response


class Echo(FakeServer):
    name = "echo"

    def __init__(self) -> None:
        super().__init__()
        self.route("GET", "/things/:id", self._thing)
        self.route("POST", "/boom", self._boom)

    def _thing(self, req: Request, p: dict[str, str]) -> Response:
        return json_response(200, {"id": p["id"], "q": req.arg("q")})

    def _boom(self, req: Request, p: dict[str, str]) -> Response:
        raise RuntimeError("bug in the fake")


@pytest.fixture
def echo():
    with Echo() as fake:
        yield fake


def test_binds_loopback_on_distinct_ephemeral_ports(echo: Echo) -> None:
    with Echo() as other:
        assert echo.url.startswith("http://127.0.0.1:")
        assert echo.port != other.port


def test_routes_path_parameters_and_logs_the_request(echo: Echo) -> None:
    resp = requests.get(f"{echo.url}/things/42?q=x", headers={"X-Test": "yes"}, timeout=5)
    assert resp.json() == {"id": "42", "q": "x"}
    [logged] = echo.requests_to("/things/:id", "GET")
    assert (logged.path, logged.query, logged.headers["x-test"]) == ("/things/42", {"q": ["x"]},
                                                                     "yes")


def test_unknown_path_is_404(echo: Echo) -> None:
    assert requests.get(f"{echo.url}/nope", timeout=5).status_code == 404


def test_injection_answers_the_next_n_matching_requests_then_stops(echo: Echo) -> None:
    echo.inject("/things/:id", 503, {"error": "down"}, {"X-Why": "test"}, times=2)
    first = requests.get(f"{echo.url}/things/1", timeout=5)
    second = requests.get(f"{echo.url}/things/2", timeout=5)
    third = requests.get(f"{echo.url}/things/3", timeout=5)
    assert [first.status_code, second.status_code, third.status_code] == [503, 503, 200]
    assert first.headers["X-Why"] == "test" and first.json() == {"error": "down"}


def test_injection_can_be_limited_to_a_method(echo: Echo) -> None:
    echo.inject("/things/:id", 500, method="DELETE")
    assert requests.get(f"{echo.url}/things/1", timeout=5).status_code == 200


def test_malformed_json_injection(echo: Echo) -> None:
    echo.inject_malformed_json("/things/:id")
    resp = requests.get(f"{echo.url}/things/1", timeout=5)
    with pytest.raises(requests.exceptions.JSONDecodeError):
        resp.json()


def test_hold_keeps_the_request_hanging_until_released(echo: Echo) -> None:
    release = threading.Event()
    echo.inject("/things/:id", None, hold=release)
    result: dict[str, int] = {}
    worker = threading.Thread(
        target=lambda: result.update(status=requests.get(f"{echo.url}/things/1", timeout=30)
                                     .status_code))
    worker.start()
    with echo.changed:  # the request is logged before the hold; wait for it to arrive
        assert echo.changed.wait_for(lambda: len(echo.requests) == 1, timeout=10)
    assert "status" not in result
    release.set()
    worker.join(timeout=10)
    assert result == {"status": 200}


def test_a_bug_in_the_fake_is_a_500_and_recorded(echo: Echo) -> None:
    assert requests.post(f"{echo.url}/boom", timeout=5).status_code == 500
    assert "bug in the fake" in echo.internal_errors[0]


def test_stop_frees_the_port_and_is_idempotent() -> None:
    fake = Echo().start()
    url = fake.url
    fake.stop()
    fake.stop()
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(f"{url}/things/1", timeout=5)
