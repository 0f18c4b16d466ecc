"""Checking any text against the policy from Slack: the message shortcut "Check with
feedwatch" and `/feedwatch check TEXT`. Nothing is stored and no text is logged."""

from __future__ import annotations

from typing import Any

from bot.core.policy_file import PolicyHolder
from bot.slack.check_blocks import build_check_answer, plain_from_slack

MAX_TEXT = 10_000  # longer than any post either platform allows


def check_text(policy: PolicyHolder, slack_text: str) -> dict[str, Any]:
    text = plain_from_slack(slack_text).strip()
    if not text:
        return {"text": "There is no text to check: give me some words (a message with only "
                        "a picture or a file has none)."}
    engine = policy.engine
    titles = {cid: cat.title for cid, cat in engine.policy.categories.items()}
    return build_check_answer(engine.classify(text[:MAX_TEXT]), titles)
