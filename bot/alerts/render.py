"""Turns an outbox row into the Slack message to post, from what is stored now."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.alerts.outbox import Renderer
from bot.slack.admin_blocks import build_admin_alert
from bot.slack.blocks import AlertView, build_mention_alert, suppressed_of
from bot.store import access
from bot.store.mentions import load_mention
from bot.store.schema import AlertRow


def make_renderer(tz: ZoneInfo, crisis_ping: str | None = None) -> Renderer:
    def render(session: Session, row: AlertRow) -> dict[str, Any]:
        if row.kind == "admin" or row.mention_id is None:
            p = row.payload or {}
            return build_admin_alert(p.get("title", "feedwatch needs attention"),
                                     p.get("body", ""), p.get("fix") or None)
        loaded = load_mention(session, row.mention_id)
        if loaded is None:  # erased since it was queued
            return build_admin_alert("A mention was removed before its alert was posted",
                                     f"Mention {row.mention_id} no longer exists.", None)
        mention, decision = loaded
        return build_mention_alert(
            AlertView(mention=mention, decision=decision, mention_db_id=row.mention_id, tz=tz,
                      unavailable=access.unavailable(session, mention.platform, mention.account),
                      crisis_ping=crisis_ping, suppressed=suppressed_of(decision))
        )

    return render
