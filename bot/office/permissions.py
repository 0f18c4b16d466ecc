"""Who may moderate, for the slash commands now and the buttons later.

Moderators are, in order of preference:
1. the members of the Slack user group MODERATOR_USERGROUP (usergroups.users.list; paid plans);
2. else the user ids in MODERATOR_USER_IDS (free plans have no user groups);
3. else the members of the alert channel (conversations.members).
Leads (LEAD_USER_IDS) may also moderate, and only they may do what is limited to leads.

The answer is cached for a minute (by the injected clock) so a burst of clicks makes one
Slack call. If Slack cannot be asked, the last good answer is used; with none, nobody is a
moderator: refusing a click is recoverable, letting the wrong person act is not.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core.clock import Clock

log = logging.getLogger(__name__)

CACHE_FOR = timedelta(seconds=60)


@dataclass(frozen=True)
class Moderators:
    users: frozenset[str]
    source: str  # "user group", "configured list", "alert channel members"
    at: datetime


if TYPE_CHECKING:
    from bot.core.config import Settings


class Permissions:
    def __init__(self, client: WebClient, clock: Clock, *, alert_channel: str,
                 usergroup: str | None = None, user_ids: frozenset[str] = frozenset(),
                 lead_ids: frozenset[str] = frozenset()) -> None:
        self.client = client
        self.clock = clock
        self.alert_channel = alert_channel
        self.usergroup = usergroup
        self.user_ids = user_ids
        self.lead_ids = lead_ids
        self._cached: Moderators | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings, client: WebClient, clock: Clock) -> Permissions:
        """Built once per process: the office and the moderation service share it, so a
        moderator list read from Slack is cached in one place."""
        return cls(client, clock, alert_channel=settings.slack_alert_channel,
                   usergroup=settings.moderator_usergroup, user_ids=settings.moderator_ids,
                   lead_ids=settings.lead_ids)

    def is_lead(self, user: str) -> bool:
        return user in self.lead_ids

    def is_moderator(self, user: str) -> bool:
        return self.is_lead(user) or user in self.moderators().users

    def moderators(self) -> Moderators:
        now = self.clock.now()
        with self._lock:
            if self._cached is not None and now - self._cached.at < CACHE_FOR:
                return self._cached
            try:
                fresh = self._ask(now)
            except (SlackApiError, OSError) as exc:
                detail = exc.response.get("error") if isinstance(exc, SlackApiError) else \
                    type(exc).__name__
                if self._cached is not None:
                    log.warning("moderators: Slack unavailable (%s); using the list from %s",
                                detail, self._cached.at.isoformat())
                    return self._cached
                log.error("moderators: Slack unavailable (%s) and nothing cached; refusing",
                          detail)
                return Moderators(frozenset(), "unavailable", now)
            self._cached = fresh
            return fresh

    def _ask(self, now: datetime) -> Moderators:
        if self.usergroup:
            try:
                resp = self.client.usergroups_users_list(usergroup=self.usergroup)
                return Moderators(frozenset(resp.get("users") or []), "user group", now)
            except SlackApiError as exc:
                error = exc.response.get("error")
                if error not in ("paid_teams_only", "no_such_subteam", "missing_scope",
                                 "not_allowed_token_type"):
                    raise
                log.warning("moderators: user group %s unusable (%s); falling back",
                            self.usergroup, error)
        if self.user_ids:
            return Moderators(self.user_ids, "configured list", now)
        members: set[str] = set()
        cursor: str | None = None
        for _ in range(50):  # 50 pages of 200: far more than any comms team
            resp = self.client.conversations_members(channel=self.alert_channel, limit=200,
                                                     cursor=cursor)
            members.update(resp.get("members") or [])
            cursor = (resp.get("response_metadata") or {}).get("next_cursor") or None
            if not cursor:
                break
        return Moderators(frozenset(members), "alert channel members", now)
