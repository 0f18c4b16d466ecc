"""A person's rows, for an access request's export and an erasure request
(bot/privacy/data_subjects.py matches the person and talks to Slack)."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.store.alert_state import AlertState
from bot.store.schema import AlertRow, DecisionRow, EvidencePackRow, MentionRow, SignpostRow


def alerts_of_mention(session: Session, mention_id: int) -> list[AlertRow]:
    return list(session.execute(select(AlertRow).where(
        AlertRow.mention_id == mention_id)).scalars())


def signposts_of_mention(session: Session, mention_id: int) -> list[SignpostRow]:
    return list(session.execute(select(SignpostRow).where(
        SignpostRow.mention_id == mention_id)).scalars())


def posted_alerts_of_mentions(session: Session, mention_ids: list[int]) -> list[AlertRow]:
    """The mentions' alerts that are in Slack."""
    return list(session.execute(select(AlertRow).where(
        AlertRow.mention_id.in_(mention_ids), AlertRow.state == AlertState.POSTED)).scalars())


def evidence_file_ids_of_mentions(session: Session, mention_ids: list[int]) -> list[str]:
    """The Slack files of the mentions' evidence packs."""
    return [f for ids in session.execute(select(EvidencePackRow.slack_file_ids).where(
        EvidencePackRow.mention_id.in_(mention_ids))).scalars() for f in ids or []]


def delete_mentions_and_their_rows(session: Session, mention_ids: list[int]) -> None:
    """The mentions, with their evidence packs, decisions, signposting and any alert not yet
    in Slack (never to be posted). Posted alerts stay: they point at Slack messages the caller
    redacts. Audit rows stay: they hold ids, never text, and the hash chain must not break."""
    session.execute(delete(EvidencePackRow).where(EvidencePackRow.mention_id.in_(mention_ids)))
    session.execute(delete(AlertRow).where(AlertRow.mention_id.in_(mention_ids),
                                           AlertRow.state != AlertState.POSTED))
    session.execute(delete(SignpostRow).where(SignpostRow.mention_id.in_(mention_ids)))
    session.execute(delete(DecisionRow).where(DecisionRow.mention_id.in_(mention_ids)))
    session.execute(delete(MentionRow).where(MentionRow.id.in_(mention_ids)))
