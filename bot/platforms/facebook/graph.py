"""The Graph API client for one Page: facebook-sdk's GraphAPI with three fixes.

- An explicit timeout. facebook-sdk passes `timeout=self.timeout` (None by default) to every
  request, which overrides any session default: a hung Graph call would stall a poll or a
  click for ever.
- The Page token goes in an `Authorization: Bearer` header, never in the URL (where proxies and
  access logs keep it), and with the app secret set every call carries `appsecret_proof`,
  HMAC-SHA256 of the token keyed with the app secret, as Meta's "Securing requests" asks
  (developers.facebook.com/docs/graph-api/securing-requests).
- The usage headers of the last answer (X-App-Usage, X-Page-Usage, X-Business-Use-Case-Usage,
  developers.facebook.com/docs/graph-api/overview/rate-limiting) are kept, so a rate limit backs
  off for as long as Graph says rather than a fixed time.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import warnings
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import requests

from bot.platforms.http import DEFAULT_TIMEOUT

with warnings.catch_warnings():
    # facebook-sdk 3.1.0 has an invalid "\d" escape: compiling it (no cached bytecode yet)
    # warns, and under -W error that would be an import failure.
    warnings.simplefilter("ignore", DeprecationWarning)
    warnings.simplefilter("ignore", SyntaxWarning)
    import facebook

USAGE_HEADERS = ("x-app-usage", "x-page-usage", "x-business-use-case-usage")
# Platform rate limits count calls over a rolling hour (the rate-limiting document above).
ROLLING_WINDOW = timedelta(hours=1)
FALLBACK_PAUSE = timedelta(minutes=15)  # a rate-limit error with no usage headers at all
EASE_OFF_AT = 90  # percent of a limit: stop polling this Page for a while before Graph refuses


def appsecret_proof(token: str, app_secret: str) -> str:
    return hmac.new(app_secret.encode(), token.encode(), hashlib.sha256).hexdigest()


@dataclass
class Usage:
    """What the usage headers of one answer say: the highest percentage of any limit, and the
    longest `estimated_time_to_regain_access` (minutes) Graph gave."""

    percent: int = 0
    regain: timedelta = timedelta(0)
    seen: bool = False
    raw: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def parse(cls, headers: Any) -> Usage:
        usage = cls()
        for name in USAGE_HEADERS:
            text = headers.get(name) if headers is not None else None
            if not text:
                continue
            try:
                value = json.loads(text)
            except ValueError:
                continue
            usage.seen = True
            usage.raw[name] = value
            # X-Business-Use-Case-Usage maps object ids to lists of per-type entries;
            # the other two are one flat object.
            entries: list[Any] = [value]
            if name == "x-business-use-case-usage" and isinstance(value, dict):
                entries = [e for v in value.values() if isinstance(v, list) for e in v]
            for entry in entries:
                if not isinstance(entry, dict):
                    continue
                for key in ("call_count", "total_cputime", "total_time"):
                    if isinstance(entry.get(key), int | float):
                        usage.percent = max(usage.percent, int(entry[key]))
                minutes = entry.get("estimated_time_to_regain_access")
                if isinstance(minutes, int | float) and minutes > 0:
                    usage.regain = max(usage.regain, timedelta(minutes=minutes))
        return usage

    def pause(self, refused: bool) -> timedelta | None:
        """How long to leave the Page alone: after a rate-limit error (`refused`), or after a
        successful answer that shows a limit nearly used up; None to go on."""
        if self.regain:
            return self.regain
        if self.percent >= 100:
            return ROLLING_WINDOW  # at the limit: the rolling hour must move on
        if self.percent >= EASE_OFF_AT:
            # Nearly there: let the rolling hour drain back under the limit, longer the closer.
            return ROLLING_WINDOW * (self.percent - 80) / 100
        return FALLBACK_PAUSE if refused else None


class PageGraph(facebook.GraphAPI):  # type: ignore[misc]
    def __init__(self, token: str, session: requests.Session, *, app_secret: str | None = None,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT) -> None:
        # No access_token given to facebook-sdk, so it never adds one to the query string.
        super().__init__(access_token=None, timeout=timeout, session=session)
        self.session.headers["Authorization"] = f"Bearer {token}"
        self._proof = appsecret_proof(token, app_secret) if app_secret else None
        self.usage = Usage()
        self.session.hooks["response"].append(self._keep_usage)

    def _keep_usage(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
        self.usage = Usage.parse(response.headers)

    def request(self, path: str, args: dict[str, Any] | None = None,
                post_args: dict[str, Any] | None = None, files: Any = None,
                method: str | None = None) -> Any:
        args = dict(args or {})
        if self._proof:
            args["appsecret_proof"] = self._proof
        return super().request(path, args, post_args, files, method)

    def put_object(self, parent_object: str, connection_name: str, **data: Any) -> Any:
        # facebook-sdk asserts an access_token attribute before any write; ours travels in
        # the Authorization header instead, so the same call without that assertion.
        return self.request(f"{self.version}/{parent_object}/{connection_name}",
                            post_args=data, method="POST")
