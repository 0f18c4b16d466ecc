"""What the storm bulk hide queue reads (bot/storm/bulk_hide.py works it)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.store.schema import LedgerRow, MentionRow, StormMemberRow


def hide_times_since(session: Session, account: str, since: datetime) -> list[datetime]:
    """When each hide on the account was requested since then, bulk or one by one, oldest
    first: the platforms' limits count both."""
    return list(session.execute(select(LedgerRow.requested_at).join(
        MentionRow, MentionRow.id == LedgerRow.mention_id).where(
        LedgerRow.action == "hide", MentionRow.account == account,
        LedgerRow.requested_at >= since).order_by(LedgerRow.requested_at)).scalars())


def members_in_hide_state(session: Session,
                          state: str) -> list[tuple[int, int, str, str]]:
    """(mention id, group id, account, platform) of members in this hide state: group by
    group, the most severe first."""
    return [(mid, gid, account, platform) for mid, gid, account, platform in session.execute(
        select(StormMemberRow.mention_id, StormMemberRow.group_id, MentionRow.account,
               MentionRow.platform)
        .join(MentionRow, MentionRow.id == StormMemberRow.mention_id)
        .where(StormMemberRow.hide_state == state)
        .order_by(StormMemberRow.group_id, StormMemberRow.rank.desc(),
                  StormMemberRow.mention_id)).all()]
