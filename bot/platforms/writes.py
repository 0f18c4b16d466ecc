"""What a platform's write adapter offers the moderation service, and how it fails.

Only bot/moderation/service.py calls these (the one caller of platform write APIs). Each adapter
turns its
SDK's exceptions into ActionError with a kind the service can act on and words a moderator can
act on: what happened and what to do next.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from bot.core.models import Mention

# Kinds of failure.
REFUSED = "refused"  # the platform (or its rules) will not do this; retrying will not help
NOT_OWN_CONVERSATION = "not_own_conversation"  # X hides replies only in our own threads
TIER = "tier"  # the app's API access level does not include this endpoint (X block)
WINDOW_CLOSED = "window_closed"  # Facebook private reply: 7 days have passed
ALREADY = "already"  # Facebook private reply: one per comment, already used
NOT_FOUND = "not_found"  # the post or person is gone
AUTH = "auth"  # the account's credentials were refused
RATE_LIMITED = "rate_limited"
SERVER = "server"  # the platform failed (5xx); for a send we cannot know if it went out
NETWORK = "network"  # no answer at all; the same uncertainty


class ActionError(Exception):
    """A platform write that did not (certainly) happen.

    `uncertain` is True when the request may have reached the platform and acted: a send that
    fails this way is recorded as "outcome unknown" and never sent again.
    """

    def __init__(self, message: str, *, kind: str, code: str = "", fix: str = "",
                 uncertain: bool = False, until: datetime | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.code = code
        self.fix = fix
        self.uncertain = uncertain
        self.until = until  # rate limits: when to try again


class PlatformWriter(Protocol):
    """One watched account's write calls, with that account's own credentials."""

    platform: str
    account: str

    def hide(self, m: Mention) -> None: ...

    def unhide(self, m: Mention) -> None: ...

    def delete(self, m: Mention) -> None: ...

    def block(self, m: Mention) -> None: ...

    def mute(self, m: Mention) -> None: ...

    def reply(self, m: Mention, text: str) -> str:
        """A public reply (or, to a direct message, a message back); returns the new id."""
        ...

    def private_message(self, m: Mention, text: str, now: datetime) -> str:
        """Privately to the author (X DM; Facebook private reply to a comment)."""
        ...

    def is_done(self, m: Mention, action: str) -> bool | None:
        """Whether an idempotent action's effect is in place; None when it cannot be read."""
        ...

    def report_link(self, m: Mention) -> str:
        """Where a person reports this on the platform (neither platform has a report API)."""
        ...

    def refusal(self, m: Mention, action: str) -> str | None:
        """Why this action cannot be done on this item at all (no call is made), or None."""
        ...

    def probe(self, action: str) -> tuple[bool, str] | None:
        """Whether the account's API access allows `action`, asked without side effects:
        (allowed, why not); None when there is nothing to ask or no answer."""
        ...
