"""The page itself in Chromium: escaping, confirm dialogs, the keyboard, generic Block Kit
and modals, and 200 % zoom."""

from __future__ import annotations

import re
from typing import Any

import pytest
from slack_sdk import WebClient

from bot.sandbox.fake_slack import SANDBOX_TOKEN
from bot.sandbox.standin.runtime import StandIn
from tests.browser.conftest import shot
from tests.browser.helpers import alert, channel, command, expect, post_publicly, public_item

pytestmark = pytest.mark.slow

SCRIPT = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"> hi all'


def test_a_post_containing_script_is_shown_as_text_everywhere(page: Any) -> None:
    post_publicly(page, "Facebook", "Comment on the Page's post", "Sly <b>Fox</b>", SCRIPT)
    found = alert(page, "from Sly")
    expect(found).to_contain_text(SCRIPT)
    expect(public_item(page, "^Sly")).to_contain_text(SCRIPT)
    assert page.evaluate("window.pwned") is None
    assert page.locator("script").count() == 1  # the page's own module, nothing else
    assert page.locator("img[src='x']").count() == 0
    shot(page, "script-as-text")


def test_confirm_dialog_cancel_sends_nothing_and_confirm_sends_a_signed_click(
        page: Any, standin: StandIn) -> None:
    post_publicly(page, "X", "Mention of the account", "mo_b", "you lot are useless idiots")
    found = alert(page, "from mo_b|@mo_b")
    # Mute changes something on X: it sits in the platform menu, which confirms first.
    found.get_by_role("button", name="More actions").last.click()
    found.get_by_role("button", name="Mute", exact=True).click()
    dialog = page.get_by_role("dialog", name="Act on X?")
    expect(dialog).to_contain_text("This changes the post or its author on X.")
    sent_before = len(standin.bridge.history)
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    assert len(standin.bridge.history) == sent_before

    found.get_by_role("button", name="More actions").last.click()
    found.get_by_role("button", name="Mute", exact=True).click()
    page.get_by_role("dialog", name="Act on X?").get_by_role(
        "button", name="Go ahead", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("block_actions fw.moderate sent, "
                                                       "signed: feedwatch answered HTTP 200")
    click = standin.bridge.history[-1]["payload"]
    assert click["actions"][0]["action_id"] == "fw.moderate" and click["user"]["id"] == "U0SAM"
    assert click["actions"][0]["selected_option"]["value"].startswith("fw.mute|")


def test_the_keyboard_reaches_every_control_and_dialogs_return_focus(page: Any) -> None:
    post_publicly(page, "Facebook", "Comment on the Page's post", "Kit Vale",
                  "You are all useless idiots")
    expect(alert(page, "from Kit Vale")).to_be_visible()
    page.locator("body").focus()
    names = []
    for _ in range(80):  # bounded: the Hide button is a handful of stops in
        page.keyboard.press("Tab")
        names.append(page.evaluate("document.activeElement.textContent.trim()"))
        if names[-1] == "Hide":
            break
    assert names[-1] == "Hide", names
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Hide this comment?")
    expect(dialog).to_be_visible()
    assert page.evaluate("document.activeElement.closest('dialog') !== null")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert page.evaluate("document.activeElement.textContent.trim()") == "Hide"
    command(page, "/feedwatch status")  # typed and sent with Enter, no mouse
    expect(alert(page, "feedwatch status")).to_be_visible()


def _client(standin: StandIn) -> WebClient:
    return WebClient(token=SANDBOX_TOKEN, base_url=f"{standin.sandbox.fake_slack.url}/api/")


def _text(t: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": t}


def _options(*names: str) -> list[dict[str, Any]]:
    return [{"text": _text(n), "value": n.lower()} for n in names]


def test_any_block_kit_the_bot_sends_is_drawn_and_unknown_blocks_are_labelled(
        page: Any, standin: StandIn) -> None:
    _client(standin).chat_postMessage(channel=standin.sandbox.channel, text="Generic test", blocks=[
        {"type": "header", "text": _text("Generic test")},
        {"type": "section", "text": {"type": "mrkdwn", "text": "*Bold* and _italic_ &lt;b&gt;"},
         "fields": [{"type": "mrkdwn", "text": "*Field:* one"}],
         "accessory": {"type": "overflow", "action_id": "t.more",
                       "options": _options("Snooze", "Archive")}},
        {"type": "call", "call_id": "R0CALL"},
        {"type": "image", "image_url": "https://example.org/cat.png", "alt_text": "a cat"},
        {"type": "actions", "block_id": "t.row", "elements": [
            {"type": "static_select", "action_id": "t.team", "placeholder": _text("Pick a team"),
             "options": _options("PALS", "Complaints")},
            {"type": "users_select", "action_id": "t.who", "placeholder": _text("Pick a person")},
        ]},
        {"type": "divider"},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "context line"}]},
    ])
    msg = alert(page, "Generic test")
    expect(msg.get_by_role("heading", name="Generic test")).to_be_visible()
    expect(msg.get_by_role("note").filter(has_text='Unsupported block type "call"')
           ).to_be_visible()
    expect(msg.get_by_role("img", name=re.compile("not loaded.*a cat"))).to_be_visible()
    expect(msg.locator("strong", has_text="Bold")).to_be_visible()
    expect(msg).to_contain_text("italic <b>")
    msg.get_by_role("combobox", name="Pick a team").select_option(label="Complaints")
    expect(page.get_by_role("status")).to_contain_text("block_actions t.team sent")
    assert standin.bridge.history[-1]["payload"]["actions"][0]["selected_option"]["value"] == (
        "complaints")
    msg.get_by_role("combobox", name="Pick a person").select_option(label="Alex Morgan")
    expect(page.get_by_role("status")).to_contain_text("block_actions t.who sent")
    assert standin.bridge.history[-1]["payload"]["actions"][0]["selected_user"] == "U0ALEX"
    msg.get_by_role("button", name="More actions").click()
    msg.get_by_role("button", name="Archive").click()
    expect(page.get_by_role("status")).to_contain_text("block_actions t.more sent")
    assert standin.bridge.history[-1]["payload"]["actions"][0]["selected_option"]["value"] == (
        "archive")
    shot(page, "generic-blocks")


def test_a_modal_opened_and_updated_by_the_bot_keeps_what_was_typed_and_submits_state(
        page: Any, standin: StandIn) -> None:
    slack = _client(standin)
    note = {"type": "input", "block_id": "note", "label": _text("Your note"),
            "element": {"type": "plain_text_input", "action_id": "v", "multiline": True}}
    urgency = {"type": "input", "block_id": "urgency", "label": _text("Urgency"),
               "element": {"type": "radio_buttons", "action_id": "v",
                           "options": _options("Low", "High")}}
    view = {"type": "modal", "callback_id": "t.modal", "title": _text("Tell us more"),
            "submit": _text("Save"), "close": _text("Cancel"), "blocks": [note, urgency]}
    opened = slack.views_open(trigger_id=standin.sandbox.fake_slack.mint_trigger("U0SAM"),
                              view=view)
    dialog = page.get_by_role("dialog", name="Tell us more")
    dialog.get_by_role("textbox", name="Your note").fill("<i>typed</i> by Sam")
    dialog.get_by_role("radio", name="High").check()
    slack.views_update(view_id=opened["view"]["id"], view={
        **view, "title": _text("Tell us more, please"),
        "blocks": [note, urgency, {"type": "input", "block_id": "team", "label": _text("Team"),
                                   "element": {"type": "static_select", "action_id": "v",
                                               "options": _options("PALS", "Press")}}]})
    dialog = page.get_by_role("dialog", name="Tell us more, please")
    expect(dialog.get_by_role("textbox", name="Your note")).to_have_value("<i>typed</i> by Sam")
    dialog.get_by_role("combobox", name="Team").select_option(label="Press")
    shot(page, "modal-updated")
    dialog.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("view_submission sent, signed")
    values = standin.bridge.history[-1]["payload"]["view"]["state"]["values"]
    assert values["note"]["v"] == {"type": "plain_text_input", "value": "<i>typed</i> by Sam"}
    assert values["urgency"]["v"]["selected_option"]["value"] == "high"
    assert values["team"]["v"]["selected_option"]["value"] == "press"
    page.keyboard.press("Escape")  # no handler took it, so it is still open: Escape closes
    expect(page.get_by_role("dialog")).to_be_hidden()


def test_readable_at_200_percent_zoom(page: Any) -> None:
    page.set_viewport_size({"width": 640, "height": 900})  # 1280 px wide at 200 %
    post_publicly(page, "X", "Reply to the account's post", "ana_w",
                  "Thank you to the staff on the ward, you were wonderful to my mum")
    expect(alert(page, "from Ana|ana_w")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    for name in ("Slash command", "Author", "Text"):
        assert page.get_by_role("textbox", name=name).first.bounding_box()["width"] > 150
    expect(channel(page)).to_be_visible()
    shot(page, "zoom-200")


def test_the_home_tab_is_published_when_opened(page: Any, standin: StandIn) -> None:
    page.get_by_role("button", name="Home (feedwatch app)").click()
    expect(page.get_by_role("heading", name="Home — feedwatch")).to_be_visible()
    assert standin.bridge.history[-1]["payload"]["event"]["type"] == "app_home_opened"
    expect(page.locator("#messages .bk-blocks")).not_to_be_empty()
    shot(page, "home-tab")
