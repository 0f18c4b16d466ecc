"""Tables. Changing one means a new Alembic migration in bot/store/migrations/versions/."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot.store.types import JSONType, UTCDateTime


class Base(DeclarativeBase):
    pass


class MentionRow(Base):
    """Every inbound item, stored once per platform + account + external id."""

    __tablename__ = "mentions"
    __table_args__ = (
        UniqueConstraint("platform", "account", "external_id", name="uq_mentions_platform_item"),
        # 0010: platform and kind too, so that counting a range's mentions reads the index alone
        Index("ix_mentions_created_kind", "created_at", "platform", "kind"),
        Index("ix_mentions_author", "platform", "author_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    account: Mapped[str] = mapped_column(String(40))
    external_id: Mapped[str] = mapped_column(String(255))
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
    conversation_id: Mapped[str] = mapped_column(String(255), default="")
    parent_id: Mapped[str] = mapped_column(String(255), default="")
    # (0007) the text of the post it answers; erased with the mention's own text.
    parent_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    in_own_conversation: Mapped[bool] = mapped_column(default=False)
    lang: Mapped[str] = mapped_column(String(16), default="")  # 0007: the platform's language
    raw: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Retention (0002): when the text/media/raw payload and the author identity were erased.
    content_erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    author_erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


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

    # 0010: a mention's decisions in order with their categories: the latest one's are read
    # from the index alone
    __table_args__ = (Index("ix_decisions_latest", "mention_id", "id", "categories"),)


OPEN_ALERT = sql_text("kind = 'mention' AND state = 'posted' AND closed_at IS NULL "
                  "AND mention_id IS NOT NULL")
ACTED_ALERT = sql_text("kind = 'mention' AND state = 'posted' AND first_action_at IS NOT NULL")


class AlertRow(Base):
    """The outbox: one row per Slack alert to deliver, and then its place in Slack.

    dedupe_key makes "one alert per mention" (and "one admin alert per problem") a database
    constraint rather than a hope.
    """

    __tablename__ = "alerts"
    __table_args__ = (
        UniqueConstraint("dedupe_key", name="uq_alerts_dedupe_key"),
        Index("ix_alerts_due", "state", "next_attempt_at"),
        # 0004: a mention's alert; stats by posting time; the last post in a channel
        Index("ix_alerts_mention", "mention_id"),
        Index("ix_alerts_posted_at", "posted_at"),
        Index("ix_alerts_channel_posted", "channel", "posted_at"),
        # 0006: the open alerts, oldest first; the alerts acted on, by posting time (0010:
        # both with the condition's columns too, so that reading them never reads the table)
        Index("ix_alerts_open", "posted_at", "id", "kind", "state", "closed_at", "mention_id",
              sqlite_where=OPEN_ALERT,
              postgresql_where=OPEN_ALERT),
        Index("ix_alerts_acted", "posted_at", "first_action_at", "kind", "state",
              sqlite_where=ACTED_ALERT, postgresql_where=ACTED_ALERT),
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
    # Office hours (0002): why it was held ("hours" | "pause"; kept after release) and when.
    hold_reason: Mapped[str] = mapped_column(String(16), default="")
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # 0006: when a moderator first acted on it, and first dealt with it (bot/store/closing.py; both
    # set by bot/store/audit.py as the action is recorded)
    first_action_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class AuditRow(Base):
    """Append-only, hash-chained record of everything done (who, what, when, why, outcome)."""

    __tablename__ = "audit_log"
    __table_args__ = (  # 0004: stats read actions by time and by mention
        Index("ix_audit_log_at", "at"),
        Index("ix_audit_log_mention", "mention_id"),
    )

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
    # 0007: when the current failure streak began (None while healthy): the outage alert.
    failing_since: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class OfficeStateRow(Base):
    """One row (id 1): the hand pause and the spike cool-down, so both survive a restart."""

    __tablename__ = "office_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    paused_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    paused_by: Mapped[str] = mapped_column(String(64), default="")
    paused_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_spike_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class SignpostRow(Base):
    """Out-of-hours crisis signposting: at most one per author per night (the unique key)."""

    __tablename__ = "signposts"
    __table_args__ = (
        UniqueConstraint("platform", "account", "author_id", "night", name="uq_signposts_night"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    account: Mapped[str] = mapped_column(String(40))
    author_id: Mapped[str] = mapped_column(String(64))
    night: Mapped[str] = mapped_column(String(10))  # local date of the opening that ends it
    mention_id: Mapped[int] = mapped_column(ForeignKey("mentions.id", ondelete="CASCADE"))
    template: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(24))  # awaiting_send | sent | not_sent
    reason: Mapped[str] = mapped_column(String(300), default="")
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PollGapRow(Base):
    """A stretch of time a feed was not read successfully, for the morning digest."""

    __tablename__ = "poll_gaps"
    __table_args__ = (Index("ix_poll_gaps_ended", "ended_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    edge: Mapped[str] = mapped_column(String(120))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime] = mapped_column(UTCDateTime)


class JobRunRow(Base):
    """Once-only scheduled work (the weekly report): the key is claimed before the work."""

    __tablename__ = "job_runs"
    __table_args__ = (UniqueConstraint("key", name="uq_job_runs_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(120))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)


class AuditAnchorRow(Base):
    """Where the audit chain now starts after retention pruned its oldest rows.

    The database lets audit rows be deleted only up to the newest anchor's `through_id`, and
    verification starts from `anchor_hash` (the hash of the last pruned row).
    """

    __tablename__ = "audit_anchors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    through_id: Mapped[int] = mapped_column(Integer)
    anchor_hash: Mapped[str] = mapped_column(String(64))
    rows: Mapped[int] = mapped_column(Integer)
    pruned_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # 0007: HMAC of the anchor with AUDIT_HMAC_KEY, so a forged anchor fails verification.
    mac: Mapped[str] = mapped_column(String(64), default="")


# -- moderation (0003) ------------------------------------------------------------------------


class ModerationStateRow(Base):
    """Where a mention stands after moderation: what the alert shows and which buttons fit.

    `generation` moves on each finished platform action; the ledger's unique key includes it,
    so two clicks on the same state make one platform call.
    """

    __tablename__ = "moderation_state"

    mention_id: Mapped[int] = mapped_column(
        ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True
    )
    generation: Mapped[int] = mapped_column(Integer, default=0)
    hidden: Mapped[bool] = mapped_column(default=False)
    deleted: Mapped[bool] = mapped_column(default=False)
    blocked: Mapped[bool] = mapped_column(default=False)
    muted: Mapped[bool] = mapped_column(default=False)
    claimed_by: Mapped[str] = mapped_column(String(64), default="")
    closed: Mapped[bool] = mapped_column(default=False)
    state_line: Mapped[str] = mapped_column(String(500), default="")
    report_link: Mapped[str] = mapped_column(String(500), default="")
    complaint_overdue: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LedgerRow(Base):
    """One platform write: written as `intent` before the call, completed after it.

    States: intent -> done | failed | refused | unknown. An intent left by a crash is
    reconciled on start (idempotent actions) or shown as "outcome unknown" (sends).
    """

    __tablename__ = "moderation_ledger"
    __table_args__ = (
        UniqueConstraint("key", name="uq_moderation_ledger_key"),
        Index("ix_moderation_ledger_state", "state"),
        Index("ix_moderation_ledger_mention", "mention_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(120))  # mention:action:generation
    mention_id: Mapped[int] = mapped_column(ForeignKey("mentions.id", ondelete="CASCADE"))
    action: Mapped[str] = mapped_column(String(24))
    generation: Mapped[int] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(64))
    actor_name: Mapped[str] = mapped_column(String(100), default="")
    state: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    # Tell the author why first: "" (not asked) | pending | sent | not_sent | unknown
    told: Mapped[str] = mapped_column(String(16), default="")
    told_note: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text, default="")  # what was sent (reply, DM, why)
    template: Mapped[str] = mapped_column(String(64), default="")
    result_id: Mapped[str] = mapped_column(String(255), default="")  # the platform's new id
    error: Mapped[str] = mapped_column(String(500), default="")
    error_code: Mapped[str] = mapped_column(String(32), default="")
    policy_version: Mapped[str] = mapped_column(String(64), default="")
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class EvidencePackRow(Base):
    """An evidence pack as uploaded: its content (JSON) and the SHA-256 of each file."""

    __tablename__ = "evidence_packs"
    __table_args__ = (Index("ix_evidence_packs_mention", "mention_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mention_id: Mapped[int] = mapped_column(ForeignKey("mentions.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(64))
    sha256: Mapped[str] = mapped_column(String(64))  # of the JSON file, byte for byte
    html_sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    pack: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    slack_file_ids: Mapped[list[str]] = mapped_column(JSONType, default=list)
    # Retention keeps a pack while its report is open.
    report_open: Mapped[bool] = mapped_column(default=True)


class CapturedMediaRow(Base):
    """Media of a flagged mention, fetched at ingest from the platform's own media host, so
    the evidence survives the post being deleted."""

    __tablename__ = "captured_media"
    __table_args__ = (
        UniqueConstraint("mention_id", "media_key", name="uq_captured_media_item"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mention_id: Mapped[int] = mapped_column(ForeignKey("mentions.id", ondelete="CASCADE"))
    media_key: Mapped[str] = mapped_column(String(120))
    url: Mapped[str] = mapped_column(String(1000))
    content_type: Mapped[str] = mapped_column(String(100), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    data: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    error: Mapped[str] = mapped_column(String(300), default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    captured_at: Mapped[datetime] = mapped_column(UTCDateTime)


class FlagOverrideRow(Base):
    """'Flag is wrong': a labelled case (the post, what the policy said, what a person says)."""

    __tablename__ = "flag_overrides"
    __table_args__ = (Index("ix_flag_overrides_at", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mention_id: Mapped[int] = mapped_column(ForeignKey("mentions.id", ondelete="CASCADE"))
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    removed: Mapped[list[str]] = mapped_column(JSONType, default=list)
    added: Mapped[list[str]] = mapped_column(JSONType, default=list)
    categories_before: Mapped[list[str]] = mapped_column(JSONType, default=list)
    categories_after: Mapped[list[str]] = mapped_column(JSONType, default=list)
    reason: Mapped[str] = mapped_column(Text, default="")
    policy_version: Mapped[str] = mapped_column(String(64), default="")


# -- storm mode (0005) ------------------------------------------------------------------------


class StormGroupRow(Base):
    """Near-duplicate mentions of a pile-on folded into one alert that counts up
    (bot/storm/fold.py).

    `key` is what they share: a thread, a link, or (for copied text) a MinHash band of their
    shingles, whose `shingles` are the representative a newcomer must resemble.
    """

    __tablename__ = "storm_groups"
    __table_args__ = (Index("ix_storm_groups_key", "account", "key", "last_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    account: Mapped[str] = mapped_column(String(40))
    key: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(16))  # thread | link | text
    label: Mapped[str] = mapped_column(String(300), default="")  # what they share, for people
    shingles: Mapped[list[int]] = mapped_column(JSONType, default=list)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The alert shows what is stored now; `dirty` asks for a chat.update, at most one per
    # STORM_UPDATE_SECONDS (`updated_at`).
    dirty: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # Bulk hide: who asked (one confirm) and when; each member's progress is on the member.
    hide_by: Mapped[str] = mapped_column(String(64), default="")
    hide_by_name: Mapped[str] = mapped_column(String(100), default="")
    hide_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class StormMemberRow(Base):
    """A mention folded into a storm group: stored and classified as ever, alerted here."""

    __tablename__ = "storm_members"
    __table_args__ = (Index("ix_storm_members_group", "group_id", "rank"),)

    mention_id: Mapped[int] = mapped_column(
        ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True
    )
    group_id: Mapped[int] = mapped_column(ForeignKey("storm_groups.id", ondelete="CASCADE"))
    rank: Mapped[int] = mapped_column(Integer, default=0)  # the worst flag's severity
    flagged: Mapped[bool] = mapped_column(default=False)  # a removal category: bulk-hideable
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # "" | queued | done | failed (bulk hide)
    hide_state: Mapped[str] = mapped_column(String(16), default="")
    hide_note: Mapped[str] = mapped_column(String(300), default="")


class StormMarkRow(Base):
    """What each recent mention shares with others (thread, links, text bands), counted over
    the storm window to notice a pile-on; pruned once older than a day."""

    __tablename__ = "storm_marks"
    __table_args__ = (Index("ix_storm_marks_key", "account", "key", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account: Mapped[str] = mapped_column(String(40))
    key: Mapped[str] = mapped_column(String(300))
    mention_id: Mapped[int] = mapped_column(ForeignKey("mentions.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


# -- platform access (0007) -------------------------------------------------------------------


class PlatformAccessRow(Base):
    """What a watched account's API access allows (e.g. X Block through v1.1), as learnt by
    `feedwatch check` or from the platform refusing it. Kept in the database so every process
    and every restart offers only the buttons the platform will honour."""

    __tablename__ = "platform_access"

    account: Mapped[str] = mapped_column(String(40), primary_key=True)
    capability: Mapped[str] = mapped_column(String(32), primary_key=True)
    allowed: Mapped[bool] = mapped_column(default=False)
    detail: Mapped[str] = mapped_column(String(300), default="")
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime)


class QuarantinedPostRow(Base):
    """A post that could not be stored even on its own: its ids and the database's error, so
    the rest of its page is stored, the cursor moves, and a person can look it up."""

    __tablename__ = "quarantined_posts"
    __table_args__ = (
        UniqueConstraint("platform", "account", "external_id", name="uq_quarantined_post"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    account: Mapped[str] = mapped_column(String(40))
    external_id: Mapped[str] = mapped_column(String(255))
    edge: Mapped[str] = mapped_column(String(120))
    permalink: Mapped[str] = mapped_column(String(300), default="")
    error: Mapped[str] = mapped_column(String(500))
    quarantined_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AuditHeadRow(Base):
    """Where the audit chain ends (last row, its hash, rows ever written), updated with every
    row in the same transaction and signed with AUDIT_HMAC_KEY: deleting the newest rows, or
    editing one and recomputing the later hashes, no longer matches it. Updating it first is
    also what serialises writers on SQLite. `note` keeps, signed, any mismatch a writer saw."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_id: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))
    row_count: Mapped[int] = mapped_column(Integer)
    mac: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(String(300), default="")
    # The first row written with the key set: from there on the chain is signed.
    signed_from: Mapped[int | None] = mapped_column(Integer, nullable=True)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class SeenInteractionRow(Base):
    """A signed Slack interaction already handled, kept past Slack's five-minute replay window
    so a captured request sent again (to any process) does nothing."""

    __tablename__ = "seen_interactions"
    __table_args__ = (Index("ix_seen_interactions_expires", "expires_at"),)

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
