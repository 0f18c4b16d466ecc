"""The /feedwatch slash command. Answers are ephemeral."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from bot.clock import format_local
from bot.store.schema import AlertRow, SourceStateRow

if TYPE_CHECKING:
    from slack_bolt import Ack, App, Respond

    from bot.services import Services

log = logging.getLogger(__name__)
COMMAND = "/feedwatch"

HELP = (
    "*/feedwatch* — what you can ask:\n"
    "• `/feedwatch status` — when each feed was last read, and alerts waiting to be posted\n"
    "• `/feedwatch help` — this message"
)


def status_text(services: Services) -> str:
    tz = services.settings.tz
    lines = ["*feedwatch status*"]
    with services.db.session() as s:
        for row in s.execute(select(SourceStateRow).order_by(SourceStateRow.key)).scalars():
            last = format_local(row.last_success_at, tz) if row.last_success_at else "never"
            problem = f" — failing ({row.consecutive_failures} in a row)" \
                if row.consecutive_failures else ""
            lines.append(f"• `{row.key}`: last read {last}{problem}")
        waiting = s.execute(
            select(func.count()).select_from(AlertRow).where(AlertRow.state != "posted")
        ).scalar_one()
    if len(lines) == 1:
        lines.append("• no feed has been read yet")
    lines.append(f"• alerts waiting to be posted: {waiting}")
    return "\n".join(lines)


def register(app: App, services: Services) -> None:
    @app.command(COMMAND)
    def feedwatch(ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        ack()
        words = (command.get("text") or "").strip().lower().split()
        sub = words[0] if words else "help"
        try:
            text = status_text(services) if sub == "status" else HELP
            respond(response_type="ephemeral", text=text)
        except Exception:
            log.exception("/feedwatch %s failed", sub)
            respond(response_type="ephemeral",
                    text="Sorry, that did not work; the error is in feedwatch's log.")
