"""The redesigned alert in Chromium, one of each kind, as a comms officer meets it: the plain
headline, the one primary button, the menus, and a handled alert collapsing to two lines.

`UPDATE_SCREENSHOTS=1` writes each alert's picture to docs/screenshots/ (shown in the README);
otherwise they go to test-output/browser/ with the rest.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import picture
from tests.browser.helpers import alert, expect, post_publicly

pytestmark = pytest.mark.slow

# Written for these tests: one post of each kind the team meets most.
KINDS = [
    ("crisis", "X", "Reply to the account's post", "kim_nights",
     "I can't do this anymore. I've been saving my tablets and I won't be here tomorrow.",
     "X reply from", "Possible crisis: a person may be at risk", "^DM with crisis help:"),
    ("hateful", "Facebook", "Comment on the Page's post", "Mark Steele",
     "Gay people are disgusting and should never be allowed to work with vulnerable patients",
     "Facebook comment from Mark Steele", "Hateful post — suggest hide", "^Hide:"),
    ("complaint", "X", "Mention of the account", "tom_b77",
     "waited six weeks for a call back from the community team and still nothing. This is "
     "not good enough.", "X mention from", "Complaint — ", "^Reply:"),
    ("praise", "Facebook", "Comment on the Page's post", "Helen Carter",
     "Thank you to Ruth and everyone at the Woodlands unit. You were wonderful with my sister.",
     "Facebook comment from Helen Carter", "Praise", "^Reply \\(thank\\):"),
]


@pytest.mark.parametrize("kind", KINDS, ids=[k[0] for k in KINDS])
def test_each_kind_of_alert_reads_at_a_glance(page: Any, kind: tuple[str, ...]) -> None:
    name, platform, how, author, text, fallback, headline, primary = kind
    post_publicly(page, platform, how, author, text)
    found = alert(page, re.escape(fallback))
    expect(found).to_be_visible()
    expect(found.get_by_role("heading", name=re.compile("^" + re.escape(headline)))
           ).to_be_visible()
    buttons = found.get_by_role("button")
    expect(buttons.first).to_have_accessible_name(re.compile(primary))
    # Every button names the post for a screen reader; the rest are in the menus.
    expect(found.get_by_role("button", name="More actions").first).to_be_visible()
    expect(found).to_contain_text("Details · rules ")
    if name == "crisis":
        expect(found).to_contain_text("What to do now")
        expect(found).to_contain_text("please look now")  # the on-call group is pinged
    picture(found, f"alert-{name}")


def test_a_handled_alert_collapses_to_two_lines_with_its_state(page: Any) -> None:
    _, platform, how, author, text, fallback, _, _ = KINDS[3]
    post_publicly(page, platform, how, author, text)
    found = alert(page, re.escape(fallback))
    found.get_by_role("button", name=re.compile("^Done:")).click()
    modal = page.get_by_role("dialog")
    expect(modal).to_be_visible()
    modal.get_by_role("button", name=re.compile("close|save|done", re.I)).last.click()
    expect(modal).to_be_hidden()
    done = alert(page, re.escape(fallback))
    expect(done).to_contain_text(re.compile(r"✓ Done — Closed with no action by"))
    expect(done.get_by_role("heading")).to_have_count(0)  # no headline, no buttons row
    expect(done.get_by_role("button", name=re.compile("^Reply"))).to_have_count(0)
    picture(done, "alert-done")
