"""What `/feedwatch` and the App Home tab answer from (bot/office/slash_replies.py): the store,
the clock, the hours and the pause, who may moderate, and the workspace's address for links.
Nothing of routing, the digest or the spike, which only the scheduler's minute runs."""

from __future__ import annotations

from dataclasses import dataclass

from slack_sdk import WebClient

from bot.core.calendar import OfficeHours
from bot.core.clock import Clock
from bot.office.pausing import Pausing
from bot.office.permissions import Permissions
from bot.slack.workspace import WorkspaceLink
from bot.store.db import Database


@dataclass(frozen=True)
class ReplyDesk:
    db: Database
    clock: Clock
    hours: OfficeHours
    permissions: Permissions
    pausing: Pausing
    link: WorkspaceLink
    slack: WebClient  # an audit export is uploaded to the person who asked
