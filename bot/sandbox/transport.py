"""Send a client's requests for a real platform host to a loopback fake instead.

tweepy.Client hard-codes https://api.twitter.com in `Client.request`, but sends everything
through its `client.session` (a requests.Session). Mounting this adapter on that session for the
real base URL rewrites each request to the fake's address and sends it with an ordinary
HTTPAdapter, so the client code path stays exactly the production one. The same works for
facebook-sdk's `GraphAPI(session=...)` when the Graph fake arrives.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter


def is_loopback_url(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class FakeHostAdapter(HTTPAdapter):
    """Rewrites `real_base...` to `fake_base...` and sends over plain HTTP to loopback."""

    def __init__(self, real_base: str, fake_base: str, **kwargs: Any) -> None:
        if not is_loopback_url(fake_base) or urlsplit(fake_base).scheme != "http":
            raise ValueError(f"refusing to redirect to a non-loopback address: {fake_base!r}")
        super().__init__(**kwargs)
        self.real_base = real_base if real_base.endswith("/") else real_base + "/"
        self.fake_base = fake_base if fake_base.endswith("/") else fake_base + "/"

    def send(
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: Any = None,
        verify: bool | str = True,
        cert: Any = None,
        proxies: Mapping[str, str] | None = None,
    ) -> requests.Response:
        url = request.url or ""
        if not url.startswith(self.real_base):
            # Mounted for real_base only, so this means a mis-mount: never let it reach the net.
            raise ValueError(f"{url!r} is not under {self.real_base!r}")
        request.url = self.fake_base + url[len(self.real_base):]
        # No proxies: an HTTP(S)_PROXY in the environment must not carry sandbox traffic away.
        return super().send(request, stream=stream, timeout=timeout, verify=verify,
                            cert=cert, proxies={})


def mount_fake(session: requests.Session, real_base: str, fake_base: str) -> FakeHostAdapter:
    """Route every request `session` makes under `real_base` to the loopback `fake_base`.

    Example: mount_fake(client.session, "https://api.twitter.com/", fake_x.url)
    """
    adapter = FakeHostAdapter(real_base, fake_base)
    session.mount(adapter.real_base, adapter)
    return adapter
