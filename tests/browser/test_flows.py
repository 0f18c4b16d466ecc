"""The everyday flows, in Chromium, as a comms officer would do them: hide an
abusive comment, reply from a template, a slash command, and a night out of hours."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.sandbox.standin.runtime import StandIn
from tests.browser.conftest import shot
from tests.browser.helpers import alert, channel, command, expect, post_publicly, public_item

pytestmark = pytest.mark.slow

ABUSE = "You are all useless idiots and I hope the lot of you rot"
AUTHOR = "Troll Face"


def _abusive_comment_alert(page: Any) -> Any:
    post_publicly(page, "Facebook", "Comment on the Page's post", AUTHOR, ABUSE)
    found = alert(page, f"Facebook comment from {AUTHOR}")
    expect(found).to_be_visible()
    return found


def test_abusive_comment_hidden_from_the_alert_and_the_author_told_why(page: Any) -> None:
    found = _abusive_comment_alert(page)
    found.get_by_role("button", name=re.compile("^Hide: Facebook comment from")).click()
    dialog = page.get_by_role("dialog", name="Hide this comment?")
    expect(dialog).to_be_visible()
    shot(page, "hide-1-confirm")
    dialog.get_by_role("button", name="Hide", exact=True).click()

    comment = public_item(page, f"^{AUTHOR}")
    expect(comment.get_by_role("listitem").filter(has_text="Hidden")).to_be_visible()
    expect(comment).to_contain_text("Private reply sent to the author")
    updated = alert(page, f"Facebook comment from {AUTHOR}")
    expect(updated).to_contain_text(re.compile(r"Hidden on Facebook by (@?Sam Patel|sam\.patel)"))
    expect(updated.get_by_role("button", name=re.compile("^Unhide:"))).to_be_visible()
    shot(page, "hide-2-done")


def test_reply_from_a_template_through_the_modal(page: Any) -> None:
    post_publicly(page, "Facebook", "Comment on the Page's post", "Robin Shaw",
                  "What are the visiting hours on the wards please?")
    found = alert(page, "Facebook comment from Robin Shaw")
    found.get_by_role("button", name=re.compile("^Reply: Facebook comment")).click()
    modal = page.get_by_role("dialog")
    expect(modal).to_be_visible()
    text = modal.get_by_role("textbox", name="Message")
    before = text.input_value()
    modal.get_by_role("combobox", name="Start from a template").select_option(
        label="Welcome and opening hours")
    expect(text).not_to_have_value(before)  # the template's words, placeholders filled
    expect(text).to_have_value(re.compile("Robin"))
    shot(page, "reply-1-modal")
    modal.get_by_role("button", name=re.compile("send|reply|post", re.I)).last.click()
    expect(modal).to_be_hidden()

    reply = public_item(page, "the trust's account: ")
    expect(reply).to_contain_text("Reply from the Page")
    shot(page, "reply-2-sent")


def test_slash_command_answer_shows_only_to_the_person_who_asked(page: Any) -> None:
    command(page, "/feedwatch help")
    answer = alert(page, "what you can ask")
    expect(answer).to_contain_text("Only visible to you")
    expect(answer).to_contain_text("/feedwatch stats")
    shot(page, "command-help")
    command(page, "/feedwatch hours")
    expect(alert(page, "[Oo]ffice hours|[Oo]pen")).to_be_visible()

    page.get_by_role("combobox", name="You are").select_option(label="Jo Evans (not a moderator)")
    expect(channel(page).get_by_role("article", name=re.compile("what you can ask"))
           ).to_have_count(0)


def test_out_of_hours_alert_is_held_then_released_after_the_morning_digest(
        page: Any, standin: StandIn) -> None:
    page.get_by_role("button", name="Move the clock out of hours").click()
    expect(page.locator("#clock")).to_contain_text("Office closed")
    post_publicly(page, "Facebook", "Comment on the Page's post", "Morgan Lee",
                  "The car park charges at the hospital are a disgrace")
    standin.poller.wait_rounds(3)
    # The answer arrives in the same snapshot as anything posted before it, so once it shows,
    # the channel is known to be up to date and "no alert" is a real absence.
    command(page, "/feedwatch hours")
    expect(alert(page, r"[1-9]\d* held")).to_be_visible()
    expect(alert(page, "from Morgan Lee")).to_have_count(0)
    shot(page, "hours-1-held")

    page.get_by_role("button", name="Move the clock to the next opening").click()
    expect(page.locator("#clock")).to_contain_text("Office open")
    held = alert(page, "from Morgan Lee")
    expect(held).to_be_visible()
    names = [a.get_attribute("aria-label") or ""
             for a in channel(page).get_by_role("article").all()]
    digests = [i for i, n in enumerate(names) if re.search("digest", n, re.I)]
    alerted = [i for i, n in enumerate(names) if "Morgan Lee" in n]
    assert digests and alerted and digests[-1] < alerted[0], names
    shot(page, "hours-2-morning")
