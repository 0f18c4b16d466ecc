"""Builders of realistic mentions and decisions for the Slack message tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from bot.core.models import FACEBOOK, KIND_DM, Author, Media, Mention, X
from bot.slack.blocks import AlertView
from policy.categories import ACTION_HIDE, Severity
from policy.decision import Decision, Flag

# A Tuesday in November (GMT) and a Tuesday in July (BST): local times differ from UTC in one.
NOV_TUESDAY = datetime(2026, 11, 24, 10, 32, tzinfo=UTC)
JUL_TUESDAY = datetime(2026, 7, 14, 9, 5, tzinfo=UTC)
DB_ID = 42


def x_mention(**changes: Any) -> Mention:
    base = Mention(
        platform=X,
        account="NSFTtweets",
        external_id="1861234567890123456",
        kind="mention",
        author=Author(id="2244994945", handle="angry_dave", name="Dave",
                      url="https://x.com/angry_dave"),
        text="@NSFTtweets the staff on the ward are useless idiots",
        created_at=NOV_TUESDAY,
        permalink="https://x.com/angry_dave/status/1861234567890123456",
        conversation_id="1861234567890123456",
    )
    return replace(base, **changes)


def fb_item(**changes: Any) -> Mention:
    base = Mention(
        platform=FACEBOOK,
        account="NSFT Mental Health",
        external_id="123456789_987654321",
        kind="comment",
        author=Author(id="100012345678901", name="Sam Taylor",
                      url="https://www.facebook.com/100012345678901"),
        text="Waited 6 hours at the crisis line and nobody called back. Disgraceful.",
        created_at=JUL_TUESDAY,
        permalink="https://www.facebook.com/123456789/posts/555?comment_id=987654321",
        parent_id="123456789_555",
    )
    return replace(base, **changes)


def abuse_decision(**changes: Any) -> Decision:
    base = Decision(
        flags=(
            Flag("abuse", Severity.HIGH, "abuse.insult_staff", "useless idiots",
                 "Insults aimed at staff"),
        ),
        action=ACTION_HIDE,
        policy_version="2026.11-1",
        explanation="Abusive towards staff: hide and tell the author why",
    )
    return replace(base, **changes)


def phone_decision(text: str, number: str) -> Decision:
    start = text.index(number)
    return Decision(
        flags=(
            Flag("personal_info", Severity.MEDIUM, "personal_info.phone_uk", number,
                 "A UK phone number", span=(start, start + len(number))),
        ),
        action=ACTION_HIDE,
        policy_version="2026.11-1",
        explanation="Personal information posted publicly",
    )


def view(mention: Mention, decision: Decision | None = None, **changes: Any) -> AlertView:
    return AlertView(mention=mention, decision=decision or abuse_decision(), mention_db_id=DB_ID,
                     **changes)


def dm(platform: str) -> Mention:
    item = x_mention() if platform == X else fb_item()
    return replace(item, kind=KIND_DM, permalink="", text="Can I talk to someone please")


def media(url: str, type_: str = "photo", alt: str = "") -> Media:
    return Media(key=url.rsplit("/", 1)[-1], type=type_, url=url, alt_text=alt)
