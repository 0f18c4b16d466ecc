"""What the offline sandbox (bot/sandbox/) reads to check its scenario's outcome and to play a
moderator's part; production code never calls these."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.store.alert_state import AlertState
from bot.store.schema import AlertRow, DecisionRow, MentionRow, ModerationStateRow, StormMemberRow


def mention_with_external_id(session: Session, platform: str,
                             external_id: str) -> MentionRow | None:
    return session.execute(select(MentionRow).where(
        MentionRow.platform == platform, MentionRow.external_id == external_id)
    ).scalar_one_or_none()


def only_decision_of_mention(session: Session, mention_id: int) -> DecisionRow:
    """The mention's decision; raises unless there is exactly one (nobody overrode a flag)."""
    return session.execute(select(DecisionRow).where(
        DecisionRow.mention_id == mention_id)).scalar_one()


def mention_ids_with_external_ids(session: Session, platform: str,
                                  external_ids: Collection[str]) -> list[int]:
    return list(session.execute(select(MentionRow.id).where(
        MentionRow.platform == platform,
        MentionRow.external_id.in_(list(external_ids)))).scalars().all())


def mentions_with_own_alert(session: Session, mention_ids: Collection[int]) -> set[int]:
    """Those of the mentions that have an alert of their own (not a storm's)."""
    return {mid for mid in session.execute(select(AlertRow.mention_id).where(
        AlertRow.kind == "mention", AlertRow.mention_id.in_(list(mention_ids)))).scalars()
        if mid is not None}


def mentions_in_storms(session: Session, mention_ids: Collection[int]) -> set[int]:
    """Those of the mentions folded into a storm group."""
    return set(session.execute(select(StormMemberRow.mention_id).where(
        StormMemberRow.mention_id.in_(list(mention_ids)))).scalars())


def storm_alerts(session: Session) -> list[AlertRow]:
    return list(session.execute(select(AlertRow).where(AlertRow.kind == "storm")).scalars())


def posted_unmuted_x_mention_ids(session: Session) -> list[int]:
    """X mentions with a posted alert whose author is not muted yet."""
    return [mid for mid in session.execute(
        select(AlertRow.mention_id)
        .join(MentionRow, MentionRow.id == AlertRow.mention_id)
        .outerjoin(ModerationStateRow, ModerationStateRow.mention_id == AlertRow.mention_id)
        .where(AlertRow.kind == "mention", AlertRow.state == AlertState.POSTED,
               MentionRow.platform == "x", ModerationStateRow.muted.is_not(True))
    ).scalars().all() if mid is not None]
