"""Which Slack channel an alert goes to.

Precedence, for a mention with several categories (it is posted once):

1. A direct message goes to the restricted DM channel when one is set: it was sent privately,
   so its text is never shown in a wider channel. (Out of hours, an urgent DM still goes to the
   out-of-hours destination: a person's safety comes before the channel's width.)
2. Otherwise the mention's *primary* category decides: crisis always comes first (a person
   who may be at risk must reach the crisis responders whatever else the post contains); then
   the category with the highest severity; ties are broken by `PRECEDENCE` below.
3. The primary category's configured channel, or the alert channel when it has none. Lesser
   categories never pull a mention into their channel (abuse with a word of thanks is not
   staff kudos).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.core.category_settings import parse_categories
from bot.core.models import KIND_DM
from policy import categories as c
from policy.categories import Severity
from policy.decision import Decision

if TYPE_CHECKING:
    from bot.core.config import Settings

# Ties between equally severe categories: risk to people first, then harm to others, then
# the trust's own duties, then the merely unwelcome, then good news.
PRECEDENCE: tuple[str, ...] = (
    c.CRISIS, c.VIOLENCE, c.TERRORISM, c.WEAPONS, c.HATE, c.SEXUAL, c.ILLEGAL, c.ABUSE,
    c.PERSONAL_INFO, c.DEFAMATION, c.UPSETTING_LINK, c.COMPLAINT, c.INDIVIDUAL_CARE,
    c.CLINICAL_ADVICE, c.FINANCIAL_GAIN, c.PROFANITY, c.ADVERTISING, c.UNREAD_LANGUAGE,
    c.MEDIA_REVIEW, c.PRAISE,
)
assert sorted(PRECEDENCE) == sorted(c.ALL_CATEGORIES), "every category needs a place"

# Crisis and threats (the policy files threats of violence under `violence`) are never held
# silently out of hours by default.
DEFAULT_URGENT: frozenset[str] = frozenset({c.CRISIS, c.VIOLENCE})
DESTINATION_ID = re.compile(r"^[CGU][A-Z0-9]{2,}$")


def primary_category(decision: Decision) -> str | None:
    """The category that decides routing (see the module docstring), or None without flags."""
    worst: dict[str, Severity] = {}
    for flag in decision.flags:
        if flag.category not in worst or flag.severity > worst[flag.category]:
            worst[flag.category] = flag.severity
    if not worst:
        return None
    if c.CRISIS in worst:
        return c.CRISIS
    rank = {cat: i for i, cat in enumerate(PRECEDENCE)}
    return min(worst, key=lambda cat: (-worst[cat], rank.get(cat, len(rank))))


def urgent_categories(settings: Settings) -> frozenset[str]:
    """Categories never held out of hours. A post nobody could check for its language is
    treated like crisis (it may be one, in words the policy cannot read) unless the trust
    turns that off with OUT_OF_HOURS_UNREAD_LANGUAGE=false."""
    urgent = parse_categories(settings.out_of_hours_categories)
    if settings.out_of_hours_unread_language:
        urgent |= {c.UNREAD_LANGUAGE}
    return urgent


@dataclass(frozen=True)
class Router:
    alert_channel: str
    category_channels: Mapping[str, str] = field(default_factory=dict)
    dm_channel: str | None = None
    urgent: frozenset[str] = DEFAULT_URGENT
    out_of_hours_destination: str | None = None  # a channel, or a user id (posted as a DM)

    @classmethod
    def from_settings(cls, settings: Settings) -> Router:
        return cls(
            alert_channel=settings.slack_alert_channel,
            category_channels=dict(settings.category_channels),
            dm_channel=settings.slack_dm_channel,
            urgent=urgent_categories(settings),
            out_of_hours_destination=settings.out_of_hours_destination,
        )

    def channel_for(self, kind: str, decision: Decision) -> str:
        if kind == KIND_DM and self.dm_channel:
            return self.dm_channel
        primary = primary_category(decision)
        return self.category_channels.get(primary or "", self.alert_channel)

    def is_urgent(self, decision: Decision) -> bool:
        return any(cat in self.urgent for cat in decision.categories)

    def out_of_hours_channel(self, kind: str, decision: Decision) -> str:
        """Where an urgent alert goes while the office is closed."""
        return self.out_of_hours_destination or self.channel_for(kind, decision)
