"""Mentions and their decisions: stored once, read back as domain objects."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select, tuple_
from sqlalchemy.orm import Session

from bot.core.models import Author, Media, Mention
from bot.store.inserts import insert_ignore, insert_ignore_many
from bot.store.schema import DecisionRow, MentionRow
from policy.decision import Decision


def existing_keys(
    session: Session, keys: Iterable[tuple[str, str, str]]
) -> set[tuple[str, str, str]]:
    """Which of these (platform, account, external_id) keys are already stored."""
    keys = list(keys)
    if not keys:
        return set()
    cols = (MentionRow.platform, MentionRow.account, MentionRow.external_id)
    found: set[tuple[str, str, str]] = set()
    for start in range(0, len(keys), 200):  # stay under SQLite's parameter limit
        chunk = keys[start : start + 200]
        rows = session.execute(select(*cols).where(tuple_(*cols).in_(chunk)))
        found.update((p, a, e) for p, a, e in rows)
    return found


def insert_mention(session: Session, m: Mention, now: datetime) -> int | None:
    """Store a mention; None when it is already stored (dedupe is the unique constraint)."""
    table = MentionRow.__table__
    return insert_ignore(session, table, mention_values(m, now))  # type: ignore[arg-type]


def insert_mentions(session: Session, mentions: Sequence[Mention],
                    now: datetime) -> dict[tuple[str, str, str], int]:
    """Store many at once (a page): the ids of those newly stored, by key; a mention already
    stored is left out. In batches, not a round trip each."""
    table = MentionRow.__table__
    rows = insert_ignore_many(
        session, table, [mention_values(m, now) for m in mentions],  # type: ignore[arg-type]
        returning=(table.c.id, table.c.platform, table.c.account, table.c.external_id))
    return {(p, a, e): mid for mid, p, a, e in rows}


def mention_values(m: Mention, now: datetime) -> dict[str, Any]:
    return {
        "platform": m.platform,
        "account": m.account,
        "external_id": m.external_id,
        "kind": m.kind,
        "author_id": m.author.id,
        "author_handle": m.author.handle,
        "author_name": m.author.name,
        "author_url": m.author.url,
        "text": m.text,
        "media": [asdict(x) for x in m.media],
        "links": list(m.links),
        "created_at": m.created_at,
        "permalink": m.permalink,
        "conversation_id": m.conversation_id,
        "parent_id": m.parent_id,
        "parent_text": m.parent_text,
        "in_own_conversation": m.in_own_conversation,
        "lang": m.lang[:16],
        "raw": m.raw,
        "ingested_at": now,
    }


def insert_decisions(session: Session, decided: Sequence[tuple[int, Decision]],
                     now: datetime) -> None:
    """Many decisions in one executemany."""
    if decided:
        session.execute(DecisionRow.__table__.insert(), [  # type: ignore[attr-defined]
            {"mention_id": mid, "policy_version": d.policy_version, "categories": d.categories,
             "action": d.action, "detail": d.to_dict(), "decided_at": now}
            for mid, d in decided])


def insert_decision(session: Session, mention_id: int, d: Decision, now: datetime) -> None:
    session.add(
        DecisionRow(
            mention_id=mention_id,
            policy_version=d.policy_version,
            categories=d.categories,
            action=d.action,
            detail=d.to_dict(),
            decided_at=now,
        )
    )


def mention_from_row(row: MentionRow) -> Mention:
    return Mention(
        platform=row.platform,
        account=row.account,
        external_id=row.external_id,
        kind=row.kind,
        author=Author(
            id=row.author_id, handle=row.author_handle, name=row.author_name, url=row.author_url
        ),
        text=row.text,
        created_at=row.created_at,
        permalink=row.permalink,
        conversation_id=row.conversation_id,
        parent_id=row.parent_id,
        parent_text=row.parent_text or "",
        media=tuple(Media(**x) for x in row.media or []),
        links=tuple(row.links or []),
        raw=row.raw or {},
        in_own_conversation=row.in_own_conversation,
        lang=row.lang or "",
    )


def load_mention(session: Session, mention_id: int) -> tuple[Mention, Decision] | None:
    """A stored mention with its latest decision."""
    row = session.get(MentionRow, mention_id)
    if row is None:
        return None
    drow = session.execute(
        select(DecisionRow)
        .where(DecisionRow.mention_id == mention_id)
        .order_by(DecisionRow.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    decision = Decision.from_dict(drow.detail) if drow else Decision()
    return mention_from_row(row), decision


def latest_decision(session: Session, mention_id: int) -> Decision:
    """A mention's latest decision (a "flag is wrong" adds one); empty when none is stored."""
    row = session.execute(select(DecisionRow).where(DecisionRow.mention_id == mention_id)
                          .order_by(DecisionRow.id.desc()).limit(1)).scalar_one_or_none()
    return Decision.from_dict(row.detail or {}) if row else Decision()


def decision_categories_by_mention(session: Session,
                                   mention_ids: Sequence[int]) -> dict[int, set[str]]:
    """Every category any stored decision gave each of these mentions (in chunks, under
    SQLite's parameter limit)."""
    cats: dict[int, set[str]] = {}
    for start in range(0, len(mention_ids), 500):
        chunk = mention_ids[start:start + 500]
        for mid, categories in session.execute(
                select(DecisionRow.mention_id, DecisionRow.categories)
                .where(DecisionRow.mention_id.in_(chunk))):
            cats.setdefault(mid, set()).update(categories or [])
    return cats


def latest_categories_by_mention(session: Session,
                                 mention_ids: Sequence[int]) -> dict[int, list[str]]:
    """The categories of each of these mentions' latest decision ("Flag is wrong" adds one);
    a mention without a decision is left out."""
    latest: dict[int, list[str]] = {}
    for start in range(0, len(mention_ids), 500):
        chunk = mention_ids[start:start + 500]
        for mid, cats in session.execute(select(DecisionRow.mention_id, DecisionRow.categories)
                                         .where(DecisionRow.mention_id.in_(chunk))
                                         .order_by(DecisionRow.id)):
            latest[mid] = list(cats or [])  # the newest decision wins
    return latest


def recent_media_of_unerased_mentions(session: Session,
                                      since: datetime) -> list[tuple[int, list[Any]]]:
    """(id, media) of each mention stored since `since` whose content is not erased."""
    return [(mid, media) for mid, media in session.execute(
        select(MentionRow.id, MentionRow.media).where(
            MentionRow.ingested_at >= since, MentionRow.content_erased_at.is_(None))).all()]


def find_mentions(session: Session, who: str) -> list[MentionRow]:
    """A person's mentions, newest first, by @handle, user id or display name."""
    who = who.strip()
    handle = who.lstrip("@").lower()
    if not handle:
        return []
    conditions = [func.lower(MentionRow.author_handle) == handle,
                  MentionRow.author_id == who.lstrip("@"),
                  func.lower(MentionRow.author_name) == who.lower()]
    return list(session.execute(
        select(MentionRow).where(or_(*conditions)).order_by(MentionRow.created_at.desc(),
                                                            MentionRow.id.desc())
    ).scalars())
