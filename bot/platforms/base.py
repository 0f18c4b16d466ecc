"""What every platform source gives the pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from bot.core.models import Mention


@dataclass
class Page:
    """One page of new items from one edge of a source.

    `cursor` is set only on the last page of a poll: the cursor may advance only once
    everything it covers is committed, so a crash mid-poll re-reads instead of skipping.
    """

    mentions: list[Mention]
    cursor: str | None = None
    final: bool = False


@dataclass
class PollWarning:
    """Something a person should know about (e.g. a possible gap), raised once per key."""

    key: str
    title: str
    body: str
    fix: str = ""


@dataclass
class EdgePoll:
    """A poll of one edge (e.g. X mentions of account nsft) from a stored cursor."""

    state_key: str
    pages: Iterator[Page]
    warnings: list[PollWarning] = field(default_factory=list)


class RateLimited(Exception):
    """The platform said slow down; skip this source until `until`.

    `warning`, when set, is something a person must know (a plan's usage cap is reached, not
    a passing rate limit): raised once as an admin alert under its key.
    """

    def __init__(self, until: datetime, detail: str = "",
                 warning: PollWarning | None = None) -> None:
        super().__init__(f"rate limited until {until.isoformat()} {detail}".strip())
        self.until = until
        self.warning = warning


class SourceError(Exception):
    """A poll failed in a way the source could explain (auth, permission, server)."""

    def __init__(self, message: str, *, needs_person: bool = False, fix: str = "") -> None:
        super().__init__(message)
        self.needs_person = needs_person
        self.fix = fix


class Source(Protocol):
    platform: str
    account: str

    def edges(self) -> list[str]:
        """State keys of the edges this source polls, e.g. ['x:nsft:mentions', 'x:nsft:dms']."""
        ...

    def poll(self, edge: str, cursor: str | None, known: KnownIds) -> EdgePoll: ...


class KnownIds(Protocol):
    """Lets a source stop paging once it reaches items already stored (DMs have no since_id)."""

    def __call__(self, external_ids: list[str]) -> set[str]: ...
