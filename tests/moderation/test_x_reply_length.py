"""Every template a moderator can post publicly on X fits X's 280, counted the way X counts:
each link as 23 characters (t.co), characters outside X's light ranges (emoji, CJK) as two.
The crisis template's full form stays for DMs and Facebook; an X reply starts from its shorter
X form, which still gives every crisis number and the help-in-a-crisis page."""

from __future__ import annotations

import re

import pytest

from bot.core.models import KIND_REPLY, Author, X
from bot.moderation import outgoing as out
from bot.slack import action_ids as A
from bot.slack import modal_blocks as mb
from policy import Policy, bundled_policy_path, load_policy
from tests.moderation.conftest import Bot, x_reply_in_own_thread
from tests.moderation.test_messages import text_block

X_REPLY_LIMIT = 280
TCO_LENGTH = 23
# X display names may be 50 characters: the worst case for {name}.
LONGEST_NAME = "B" * 50
# twitter-text's weight-1 ranges; everything else counts double.
_LIGHT = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
# A link as X finds one: with a scheme, or a bare domain (not an e-mail address).
_LINK = re.compile(r"(?<![@\w.])(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?:/[^\s]*)?",
                   re.IGNORECASE)
CRISIS = "I can't go on anymore, I want to end my life tonight"


@pytest.fixture(scope="module")
def bundled_policy() -> Policy:
    return load_policy(bundled_policy_path().read_text(encoding="utf-8"), "policy.yaml")


def x_length(text: str) -> int:
    counted = _LINK.sub("\0" * TCO_LENGTH, text)
    return sum(1 if any(lo <= ord(ch) <= hi for lo, hi in _LIGHT) else 2 for ch in counted)


def _longest_reason(policy: Policy) -> str:
    titles = [c.title for c in policy.categories.values()] + ["our house rules"]
    longest = max(titles, key=len)
    return longest[:1].lower() + longest[1:]


def test_the_x_counter_counts_links_as_23() -> None:
    assert x_length("see https://www.nsft.nhs.uk/help-in-a-crisis now") == 4 + 23 + 4
    assert x_length("go to nsft.nhs.uk") == 6 + 23
    assert x_length("email PALS@nsft.nhs.uk") == len("email PALS@nsft.nhs.uk")
    assert x_length("ok 😊") == 5


def test_every_template_usable_in_an_x_reply_fits_280(bundled_policy: Policy) -> None:
    author = Author(id="1", handle="b", name=LONGEST_NAME)
    assert out.is_x_reply(X, KIND_REPLY, "reply")
    reason = _longest_reason(bundled_policy)
    for tid in bundled_policy.templates:
        text = bundled_policy.render(tid, x_reply=True, name=out.first_name(author),
                                     reason=reason)
        assert "{" not in text, tid
        assert x_length(text) <= X_REPLY_LIMIT, (tid, x_length(text))
        assert out.weighted_length(text, X) == x_length(text), tid  # the bot counts as X does


def test_the_crisis_x_form_still_signposts_all_help(bundled_policy: Policy) -> None:
    text = bundled_policy.render("crisis", x_reply=True, name="Sam")
    full = bundled_policy.render("crisis", name="Sam")
    assert text != full and x_length(full) > X_REPLY_LIMIT  # why the X form exists
    numbers = bundled_policy.service_numbers
    for needed in ("crisis_line", "nhs_111", "samaritans", "emergency"):
        assert numbers[needed].number in text, needed
    assert "option 2" in text and "A&E" in text and "24/7" in text
    assert bundled_policy.contacts["help_in_crisis_url"] in text


def test_an_x_reply_starts_from_the_x_form_and_a_dm_from_the_full_one(bot: Bot) -> None:
    mid = x_reply_in_own_thread(bot, CRISIS, handle="pat")
    policy = bot.services.policy.engine.policy
    assert bot.click(A.REPLY, mid) == 200
    view = bot.opened_view()
    block_id, shown = text_block(view)
    assert block_id.endswith(".crisis")
    assert shown == policy.render("crisis", x_reply=True, name="Pat")
    # Unedited, the approved X form passes the outgoing check (a public crisis reply is
    # confirmed first, as always).
    status, ack = bot.submit(view, {block_id: shown, mb.PUBLIC_OK: [mb.PUBLIC_YES]})
    assert status == 200 and ack == {}
    bot.settled(mid)
    [sent] = bot.x.requests_to("/2/tweets", "POST")
    assert x_length(sent.json()["text"]) <= X_REPLY_LIMIT
    assert bot.click(A.PRIVATE_MESSAGE, mid) == 200
    _, dm = text_block(bot.opened_view(2))
    assert dm == policy.render("crisis", name="Pat")  # a DM has room for the full form
