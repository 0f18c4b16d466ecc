"""requests sessions with a default timeout: the platform SDKs set none, and a hung poll
would stall every source behind it."""

from __future__ import annotations

from typing import Any

import requests

from bot.core import metrics

DEFAULT_TIMEOUT = (5.0, 30.0)  # connect, read


class TimeoutSession(requests.Session):
    def __init__(self, timeout: tuple[float, float] = DEFAULT_TIMEOUT) -> None:
        super().__init__()
        self.default_timeout = timeout

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        kwargs.setdefault("timeout", self.default_timeout)
        try:
            resp = super().request(method, url, *args, **kwargs)
        except requests.RequestException:
            metrics.count_call(url, None)
            raise
        metrics.count_call(url, resp.status_code)
        return resp
