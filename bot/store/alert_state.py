"""Where an alert stands in its journey to Slack: one enum, stored as its value.

pending -> sending -> posted; held while the office is closed or paused. Every module that asks
about an alert's state names it here, so a typo is an AttributeError, not a silent mismatch.
"""

from __future__ import annotations

from enum import StrEnum


class AlertState(StrEnum):
    PENDING = "pending"  # queued, due at next_attempt_at
    SENDING = "sending"  # marked before the Slack call: after a crash, checked in the history
    POSTED = "posted"  # in Slack, with its channel and ts
    HELD = "held"  # waiting for the office to open (or the pause to end)
