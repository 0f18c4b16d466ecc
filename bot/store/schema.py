"""Tables. Changing one means a new Alembic migration in bot/store/migrations/versions/."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot.store.types import JSONType, UTCDateTime


class Base(DeclarativeBase):
    pass


class MentionRow(Base):
    """Every inbound item, stored once per platform + account + external id."""

    __tablename__ = "mentions"
    __table_args__ = (
        UniqueConstraint("platform", "account", "external_id", name="uq_mentions_platform_item"),
        Index("ix_mentions_created_at", "created_at"),
        Index("ix_mentions_author", "platform", "author_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    account: Mapped[str] = mapped_column(String(40))
    external_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    author_id: Mapped[str] = mapped_column(String(64))
    author_handle: Mapped[str] = mapped_column(String(64), default="")
    author_name: Mapped[str] = mapped_column(String(200), default="")
    author_url: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    media: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    links: Mapped[list[str]] = mapped_column(JSONType, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    permalink: Mapped[str] = mapped_column(String(300), default="")
    conversation_id: Mapped[str] = mapped_column(String(64), default="")
    parent_id: Mapped[str] = mapped_column(String(64), default="")
    in_own_conversation: Mapped[bool] = mapped_column(default=False)
    raw: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DecisionRow(Base):
    """The policy's verdict on a mention and the policy version that made it."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mention_id: Mapped[int] = mapped_column(ForeignKey("mentions.id", ondelete="CASCADE"))
    policy_version: Mapped[str] = mapped_column(String(64))
    categories: Mapped[list[str]] = mapped_column(JSONType, default=list)
    action: Mapped[str] = mapped_column(String(32))
    detail: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_decisions_mention", "mention_id"),)


class AlertRow(Base):
    """The outbox: one row per Slack alert to deliver, and then its place in Slack.

    dedupe_key makes "one alert per mention" (and "one admin alert per problem") a database
    constraint rather than a hope.
    """

    __tablename__ = "alerts"
    __table_args__ = (
        UniqueConstraint("dedupe_key", name="uq_alerts_dedupe_key"),
        Index("ix_alerts_due", "state", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # mention | admin
    dedupe_key: Mapped[str] = mapped_column(String(200))
    mention_id: Mapped[int | None] = mapped_column(
        ForeignKey("mentions.id", ondelete="SET NULL"), nullable=True
    )
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    channel: Mapped[str] = mapped_column(String(32))
    # pending -> sending -> posted; sending survives a crash and means "check Slack first"
    state: Mapped[str] = mapped_column(String(16), default="pending")
    ts: Mapped[str | None] = mapped_column(String(32), nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_error: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    posted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class AuditRow(Base):
    """Append-only, hash-chained record of everything done (who, what, when, why, outcome)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(64))  # Slack user id, or "feedwatch"
    action: Mapped[str] = mapped_column(String(48))
    mention_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    outcome: Mapped[str] = mapped_column(String(32), default="ok")
    detail: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    policy_version: Mapped[str] = mapped_column(String(64), default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class SourceStateRow(Base):
    """Per-source cursor (X since_id, newest DM event id, ...) and health."""

    __tablename__ = "source_state"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)  # platform:account:edge
    cursor: Mapped[str | None] = mapped_column(String(64), nullable=True)
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    backoff_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(String(500), default="")
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
