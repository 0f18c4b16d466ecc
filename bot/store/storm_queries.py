"""Storm groups, their marks and their members (bot/storm/fold.py folds mentions into them,
bot/storm/groups.py renders and lists them)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from bot.store.schema import DecisionRow, StormGroupRow, StormMarkRow, StormMemberRow


def groups_on_keys_since(session: Session, account: str, keys: list[str],
                         since: datetime) -> list[StormGroupRow]:
    """The account's groups on these keys with a member since then, oldest first."""
    return list(session.execute(select(StormGroupRow).where(
        StormGroupRow.account == account, StormGroupRow.key.in_(keys),
        StormGroupRow.last_at >= since).order_by(StormGroupRow.id)).scalars())


def mark_counts_since(session: Session, account: str, keys: list[str],
                      since: datetime) -> dict[str, int]:
    """How many marks each of the account's keys has had since then."""
    return {key: int(n) for key, n in session.execute(
        select(StormMarkRow.key, func.count()).where(
            StormMarkRow.account == account, StormMarkRow.key.in_(keys),
            StormMarkRow.at >= since).group_by(StormMarkRow.key))}


def delete_marks_before(session: Session, before: datetime) -> int:
    result = session.execute(delete(StormMarkRow).where(StormMarkRow.at < before))
    return int(getattr(result, "rowcount", 0) or 0)


def groups_last_active_before(session: Session, before: datetime) -> list[StormGroupRow]:
    return list(session.execute(select(StormGroupRow).where(
        StormGroupRow.last_at < before)).scalars())


def dirty_groups(session: Session) -> list[StormGroupRow]:
    """Groups changed since their alert was last updated, oldest first."""
    return list(session.execute(select(StormGroupRow).where(
        StormGroupRow.dirty.is_(True)).order_by(StormGroupRow.id)).scalars())


def member_hide_states(session: Session, group_id: int) -> Counter[str]:
    """Members per hide state ("" for not asked to hide)."""
    return Counter({state: n for state, n in session.execute(
        select(StormMemberRow.hide_state, func.count()).where(
            StormMemberRow.group_id == group_id).group_by(StormMemberRow.hide_state))})


def flagged_unqueued_count(session: Session, group_id: int) -> int:
    """Flagged members nobody has asked to hide yet."""
    return int(session.execute(select(func.count()).select_from(StormMemberRow).where(
        StormMemberRow.group_id == group_id, StormMemberRow.flagged.is_(True),
        StormMemberRow.hide_state == "")).scalar_one())


def flagged_unqueued_members(session: Session, group_id: int) -> list[StormMemberRow]:
    return list(session.execute(select(StormMemberRow).where(
        StormMemberRow.group_id == group_id, StormMemberRow.flagged.is_(True),
        StormMemberRow.hide_state == "")).scalars().all())


def member_category_counts(session: Session, group_id: int) -> Counter[str]:
    """Members' decisions per category (a decision counts once for each of its categories)."""
    cats: Counter[str] = Counter()
    for c, n in session.execute(select(DecisionRow.categories, func.count()).join(
            StormMemberRow, StormMemberRow.mention_id == DecisionRow.mention_id).where(
            StormMemberRow.group_id == group_id).group_by(DecisionRow.categories)):
        cats.update({cat: n for cat in c or []})
    return cats


def worst_member_ids(session: Session, group_id: int, limit: int) -> list[int]:
    """The most severe members, the newest first among equals."""
    return list(session.execute(select(StormMemberRow.mention_id).where(
        StormMemberRow.group_id == group_id).order_by(
        StormMemberRow.rank.desc(), StormMemberRow.added_at.desc(),
        StormMemberRow.mention_id.desc()).limit(limit)).scalars().all())


def member_ids_and_hide_states(session: Session, group_id: int) -> list[tuple[int, str]]:
    """Every member in the order it joined, with its hide state."""
    return [(mid, state) for mid, state in session.execute(
        select(StormMemberRow.mention_id, StormMemberRow.hide_state).where(
            StormMemberRow.group_id == group_id).order_by(
            StormMemberRow.added_at, StormMemberRow.mention_id)).all()]
