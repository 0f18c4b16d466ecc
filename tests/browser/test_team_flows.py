"""The team's own steps in Chromium, as a comms officer does them: giving an alert to a
colleague with the picker, and checking a message with the shortcut."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import shot
from tests.browser.helpers import alert, expect, post_publicly

pytestmark = pytest.mark.slow

# Written for these tests.
COMPLAINT = ("Waited eight weeks for my assessment letter from the memory clinic and nobody "
             "answers the phone. Not good enough.")


def test_assign_an_alert_to_a_colleague_with_the_picker(page: Any) -> None:
    post_publicly(page, "X", "Mention of the account", "ruth_w", COMPLAINT)
    found = alert(page, "X mention from")
    expect(found).to_be_visible()
    found.get_by_role("combobox", name=re.compile("^Assign to")).select_option(
        label="Alex Morgan")
    expect(alert(page, "X mention from")).to_contain_text("Assigned to")
    shot(page, "assign-1-assigned")


def test_check_with_feedwatch_answers_only_the_person_who_asked(page: Any) -> None:
    post_publicly(page, "X", "Mention of the account", "ruth_w", COMPLAINT)
    found = alert(page, "X mention from")
    expect(found).to_be_visible()
    found.get_by_role("button", name=re.compile("^Check with feedwatch")).click()
    answer = alert(page, "feedwatch's check")
    expect(answer).to_contain_text("Only visible to you")
    shot(page, "shortcut-1-answer")

