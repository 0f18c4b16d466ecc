"""How long each kind of stored data is kept: read from Settings, used by the nightly purge
(bot/privacy/retention.py) and shown to the team (the Home tab, the office)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.core.config import Settings


@dataclass(frozen=True)
class RetentionPolicy:
    content: timedelta = timedelta(days=90)
    authors: timedelta = timedelta(days=365)
    evidence: timedelta = timedelta(days=365)
    audit_log: timedelta = timedelta(days=2190)

    @classmethod
    def from_settings(cls, settings: Settings) -> RetentionPolicy:
        return cls(timedelta(days=settings.retention_content_days),
                   timedelta(days=settings.retention_author_days),
                   timedelta(days=settings.retention_evidence_days),
                   timedelta(days=settings.retention_audit_days))
