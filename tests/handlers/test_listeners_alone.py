"""A listener is a plain function: imported and called alone, with a recording ack and respond
and the real services (their Slack client talks to the fake Slack), it acks before anything
else and answers as it does behind Bolt."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs

from bot.slack import action_ids as A
from bot.slack import modal_blocks as mb
from handlers.actions import act_now, ask_first
from handlers.menus import menu_chosen
from policy.categories import ABUSE, PERSONAL_INFO
from tests.handlers.test_commands import Bot
from tests.office.conftest import MODERATOR, OUTSIDER, flag
from tests.slack_http import block_action_body, menu_action_body


class Recorder:
    """ack and respond as Bolt would hand them, noting the order they were called in."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def ack(self, **kwargs: Any) -> None:
        self.calls.append(("ack", kwargs))

    def respond(self, **kwargs: Any) -> None:
        self.calls.append(("respond", kwargs))

    def answers(self) -> list[dict[str, Any]]:
        return [kwargs for name, kwargs in self.calls if name == "respond"]


def payload(form: str) -> dict[str, Any]:
    return dict(json.loads(parse_qs(form)["payload"][0]))




def test_a_button_listener_acks_first_then_answers_privately(bot: Bot) -> None:
    mid = bot.desk.ingest("you are useless", flag(ABUSE))
    bot.desk.deliver()
    seen = Recorder()
    body = payload(block_action_body(A.HIDE, str(mid), "http://127.0.0.1:9/unused",
                                     user=OUTSIDER, channel=bot.desk.alerts))
    act_now(ack=seen.ack, body=body, respond=seen.respond, client=bot.services.slack,
            services=bot.services)
    assert [name for name, _ in seen.calls] == ["ack", "respond"]
    [answer] = seen.answers()
    assert answer["response_type"] == "ephemeral" and answer["replace_original"] is False
    assert answer["text"].startswith("*Hide*: ") and "moderator" in answer["text"]
    assert bot.audit_rows("permission_denied")[-1].actor == OUTSIDER


def test_a_menu_choice_reaches_the_same_work_as_the_button(bot: Bot) -> None:
    mid = bot.desk.ingest("my number is 07700 900123 thanks",
                          flag(PERSONAL_INFO, rule="personal_info.phone",
                               evidence="07700 900123", span=(13, 25)))
    bot.desk.deliver()
    seen = Recorder()
    body = payload(menu_action_body(A.MORE, A.option_value(A.REVEAL_PI, mid),
                                    "http://127.0.0.1:9/unused", user=MODERATOR,
                                    channel=bot.desk.alerts))
    menu_chosen(ack=seen.ack, body=body, respond=seen.respond, client=bot.services.slack,
                services=bot.services)
    assert seen.calls[0] == ("ack", {})
    [answer] = seen.answers()
    assert "• phone number: `07700 900123`" in answer["text"]


def test_a_modal_button_opens_its_modal_through_the_client(bot: Bot) -> None:
    mid = bot.desk.ingest("you are useless", flag(ABUSE))
    bot.desk.deliver()
    seen = Recorder()
    body = payload(block_action_body(A.NO_ACTION, str(mid), "http://127.0.0.1:9/unused",
                                     user=MODERATOR, channel=bot.desk.alerts))
    before = set(bot.slack.views)
    ask_first(ack=seen.ack, body=body, respond=seen.respond, client=bot.services.slack,
              services=bot.services)
    assert [name for name, _ in seen.calls] == ["ack"], seen.calls  # the modal is the answer
    [opened] = [bot.slack.views[v] for v in set(bot.slack.views) - before]
    assert opened["callback_id"] == mb.CB_NO_ACTION
