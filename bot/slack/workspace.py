"""The workspace's own address (https://<workspace>.slack.com/), for links to alerts."""

from __future__ import annotations

import threading

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError


class WorkspaceLink:
    """Asks auth.test once, on first use; until Slack answers, there are no links."""

    def __init__(self, slack: WebClient) -> None:
        self._slack = slack
        self._url: str | None = None
        self._lock = threading.Lock()

    def url(self) -> str | None:
        with self._lock:
            if self._url is None:
                try:
                    self._url = str(self._slack.auth_test().get("url") or "")
                except (SlackApiError, OSError):
                    return None
            return self._url or None
