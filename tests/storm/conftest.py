"""Storm mode against the fakes: the real bot of tests/moderation (services, Bolt app, signed
requests; handlers/storm.py registered with the rest), with a low threshold so a pile-on is
a dozen posts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from bot.moderation.service import Actor
from bot.store.schema import AlertRow, StormGroupRow, StormMemberRow
from bot.storm.fold import group_key
from bot.storm.groups import StormDesk
from tests.moderation.conftest import Bot, fakes, make_bot  # noqa: F401  (fixtures)

THRESHOLD = 5


class Storm:
    """A Bot with storm helpers: plant a pile-on, read the group and its alert."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        assert bot.services is not None
        self.root = bot.x.add_tweet("NSFTtweets", "Our new crisis café opens today")["id"]
        self.people = 0

    @property
    def desk(self) -> StormDesk:
        assert self.bot.services is not None
        return self.bot.services.storm

    def reply(self, text: str, **kw: Any) -> str:
        """A reply in the account's own thread from a new person; returns its tweet id."""
        self.people += 1
        handle = f"pileon{self.people}"
        self.bot.x.add_user(handle, f"Pile On {self.people}")
        return str(self.bot.x.add_tweet(handle, text, reply_to=self.root, **kw)["id"])

    def mention(self, text: str, **kw: Any) -> str:
        self.people += 1
        handle = f"person{self.people}"
        self.bot.x.add_user(handle, f"Person {self.people}")
        return str(self.bot.x.add_tweet(handle, f"@NSFTtweets {text}", **kw)["id"])

    def groups(self) -> list[StormGroupRow]:
        with self.bot.db.session() as s:
            return list(s.execute(select(StormGroupRow).order_by(StormGroupRow.id)).scalars())

    def members(self, group_id: int) -> list[StormMemberRow]:
        with self.bot.db.session() as s:
            return list(s.execute(select(StormMemberRow).where(
                StormMemberRow.group_id == group_id).order_by(StormMemberRow.mention_id))
                .scalars())

    def posted(self) -> list[dict[str, Any]]:
        """Messages in the alert channel that the outbox posted (they carry its metadata)."""
        return [m for m in self.bot.slack.messages(self.bot.channel)
                if (m.get("metadata") or {}).get("event_payload")]

    def kinds(self) -> list[str]:
        return [m["metadata"]["event_payload"]["kind"] for m in self.posted()]

    def group_alert(self, group_id: int) -> dict[str, Any]:
        with self.bot.db.session() as s:
            alert = s.execute(select(AlertRow).where(
                AlertRow.dedupe_key == group_key(group_id))).scalar_one()
        [msg] = [m for m in self.posted()
                 if m["metadata"]["event_payload"]["alert_id"] == alert.id]
        return msg

    def text_of(self, message: dict[str, Any]) -> str:
        out = []
        for b in message.get("blocks") or []:
            t = b.get("text")
            out.append(t.get("text", "") if isinstance(t, dict) else "")
            for e in b.get("elements") or []:
                inner = e.get("text")
                out.append(inner if isinstance(inner, str) else (inner or {}).get("text", ""))
        return "\n".join(out)


def actor(user: str) -> Actor:
    return Actor(user, user.lower())


@pytest.fixture
def storm(make_bot: Callable[..., Bot]) -> Storm:  # noqa: F811
    return Storm(make_bot(storm_threshold=THRESHOLD, storm_update_seconds=10))
