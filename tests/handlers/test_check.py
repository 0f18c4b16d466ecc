"""What the policy makes of a text, asked from Slack: the message shortcut "Check with
feedwatch" and `/feedwatch check TEXT`, through signed requests into the real app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot.slack import action_ids as A
from bot.slack.check_blocks import plain_from_slack
from tests.handlers.test_commands import SECRET, Bot
from tests.office.conftest import OUTSIDER
from tests.slack_http import call_wsgi, message_shortcut_body, signed_headers

ABUSIVE = "you are all useless idiots and cowards"
CRISIS_POST = "I cannot go on any more, I want to end it all tonight"




def shortcut(bot: Bot, text: str, user: str = OUTSIDER) -> dict[str, Any]:
    before = len(bot.slack.responses)
    body = message_shortcut_body(A.CHECK_MESSAGE, text,
                                 bot.slack.response_url(bot.desk.alerts, user), user=user,
                                 channel=bot.desk.alerts)
    status, _, _ = call_wsgi(bot.wsgi, "POST", "/slack/events", body,
                             signed_headers(SECRET, body))
    assert status == 200
    return bot.wait(lambda: len(bot.slack.responses) > before)[-1]


def test_the_shortcut_answers_privately_with_the_policy_in_words(bot: Bot) -> None:
    answer = shortcut(bot, ABUSIVE)
    assert answer["response_type"] == "ephemeral" and answer["user"] == OUTSIDER
    assert answer["text"].startswith("feedwatch's check: Abuse or bullying of a person")
    body = str(answer["blocks"])
    assert "Suggested action:* hide" in body and "Only you can see this answer" in body
    assert "abuse." not in body  # no rule ids
    assert bot.slack.messages(bot.desk.alerts) == []  # nothing public


def test_a_crisis_message_says_help_not_moderation(bot: Bot) -> None:
    answer = shortcut(bot, CRISIS_POST)
    assert "Crisis" in answer["text"]
    assert "never hide, remove or report it" in str(answer["blocks"])


def test_slack_markup_is_read_as_words_and_the_answer_stays_escaped(bot: Bot) -> None:
    assert plain_from_slack("ring <tel:07700900123|07700 900123> &amp; <@U0X> <!here> "
                            "<https://e.g/x>") == "ring 07700 900123 & @U0X @here https://e.g/x"
    answer = shortcut(bot, "call me on 07700 900123 <script>")
    text = str(answer["blocks"]) + answer["text"]
    assert "07700" not in text and "<script>" not in text  # nothing of the text is echoed
    assert shortcut(bot, "")["text"].startswith("There is no text to check")


def test_the_slash_command_checks_text_too(bot: Bot) -> None:
    answer = bot.command(f"check {ABUSIVE}", user=OUTSIDER)
    assert answer["response_type"] == "ephemeral"
    assert answer["text"].startswith("feedwatch's check: Abuse or bullying of a person")
    assert bot.command("check thank you so much, the ward team were brilliant")[
        "text"] == "feedwatch's check: Praise worth sharing"
    assert "`/feedwatch check TEXT`" in bot.command("help")["text"]


def test_the_manifest_declares_the_shortcut_with_our_callback_id() -> None:
    with open(Path(__file__).parents[2] / "slack-manifest.yml", encoding="utf-8") as f:
        manifest = yaml.safe_load(f)
    [entry] = manifest["features"]["shortcuts"]
    assert entry == {"name": "Check with feedwatch", "type": "message",
                     "callback_id": A.CHECK_MESSAGE,
                     "description": entry["description"]}
    assert len(entry["description"]) <= 150 and len(entry["name"]) <= 24
