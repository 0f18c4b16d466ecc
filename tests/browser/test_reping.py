"""The reminder in Chromium: a crisis alert nobody takes is raised again in the channel once
REPING_MINUTES of office time have passed, and one somebody claimed is left alone.

Time passes through the stand-in's own clock control, as a person trying the page would move
it; the re-ping itself is the production job on the production scheduler.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.sandbox.standin.runtime import StandIn
from tests.browser.conftest import picture, shot
from tests.browser.helpers import alert, channel, expect, post_publicly

pytestmark = pytest.mark.slow

# Written for these tests: two people in crisis, one of whom a moderator claims at once.
UNTAKEN = ("I can't do this anymore. I've been saving my tablets and I won't be here "
           "tomorrow.")
CLAIMED = "nobody would notice if I was gone, I've written my goodbye letters tonight"
REMINDER = re.compile(r"this crisis post has waited \d+ minutes of office time")


def test_an_unclaimed_crisis_alert_is_raised_again_after_office_time(
        page: Any, standin: StandIn) -> None:
    post_publicly(page, "X", "Reply to the account's post", "kim_nights", UNTAKEN)
    untaken = alert(page, "X reply from kim_nights")
    expect(untaken).to_be_visible()
    post_publicly(page, "X", "Reply to the account's post", "lee_alone", CLAIMED)
    claimed = alert(page, "X reply from lee_alone")
    expect(claimed).to_be_visible()
    claimed.get_by_role("button", name=re.compile("^Claim")).click()
    expect(alert(page, "X reply from lee_alone")).to_contain_text("Claimed by")

    # Less than REPING_MINUTES have passed: several rounds of the job, and no reminder yet.
    standin.poller.wait_rounds(3)
    # Messages of the channel itself; a thread, once opened, holds copies of its replies.
    reminders = channel(page).locator(
        ':scope > article[aria-label*="this crisis post has waited"]')
    expect(reminders).to_have_count(0)

    page.get_by_role("button", name="Move the clock to the next opening").click()
    expect(page.locator("#clock")).to_contain_text("Office open")
    expect(reminders).to_have_count(1)
    reminder = reminders.first
    # Shown in the channel, saying which alert it is about, and kept in that alert's thread.
    expect(reminder).to_contain_text(re.compile(r"replied to a thread: .*kim_nights"))
    expect(reminder).to_contain_text("Claim it, or assign it with the picker on the alert.")
    untaken = alert(page, "X reply from kim_nights")
    untaken.get_by_role("button", name=re.compile("in thread$")).click()
    expect(untaken.get_by_role("group", name="Thread")).to_contain_text(REMINDER)
    shot(page, "reping-1-reminder")
    picture(reminder, "reping-reminder")

    # The claimed alert never got one, however many more rounds run.
    standin.poller.wait_rounds(3)
    expect(reminders).to_have_count(1)
    lee = alert(page, "X reply from lee_alone")
    lee.get_by_role("button", name=re.compile("in thread$")).click()
    lee_thread = alert(page, "X reply from lee_alone").get_by_role("group", name="Thread")
    expect(lee_thread).to_be_visible()  # what the claim said there, and nothing more
    expect(lee_thread).not_to_contain_text(REMINDER)
