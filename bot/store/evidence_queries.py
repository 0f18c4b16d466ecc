"""What an evidence pack gathers about one mention, beyond the mention itself (its media
captures, ledger rows and audit rows have their own modules)."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.store.schema import DecisionRow, FlagOverrideRow, MentionRow


def decisions_of_mention(session: Session, mention_id: int) -> list[DecisionRow]:
    """Every decision on the mention, oldest first (a "Flag is wrong" adds one)."""
    return list(session.execute(select(DecisionRow).where(DecisionRow.mention_id == mention_id)
                                .order_by(DecisionRow.id)).scalars().all())


def flag_overrides_of_mention(session: Session, mention_id: int) -> list[FlagOverrideRow]:
    return list(session.execute(select(FlagOverrideRow).where(
        FlagOverrideRow.mention_id == mention_id)).scalars())


def related_mentions(session: Session, row: MentionRow, limit: int = 50) -> list[MentionRow]:
    """Stored items of the same conversation on the same account, or the one this replies
    to, oldest first; none when the mention names neither."""
    conds = []
    if row.conversation_id:
        conds.append(MentionRow.conversation_id == row.conversation_id)
    if row.parent_id:
        conds.append(MentionRow.external_id == row.parent_id)
    if not conds:
        return []
    return list(session.execute(select(MentionRow).where(
        MentionRow.platform == row.platform, MentionRow.account == row.account,
        MentionRow.id != row.id, or_(*conds)).order_by(MentionRow.created_at).limit(limit)
    ).scalars())
