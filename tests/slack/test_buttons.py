"""The buttons each alert offers, their confirms, values and limits."""

from __future__ import annotations

import pytest

from bot.core.models import FACEBOOK, KIND_DM, KINDS, X
from bot.slack import action_ids as A
from bot.slack.blocks import build_mention_alert
from tests.slack.factories import DB_ID, fb_item, view, x_mention
from tests.slack.helpers import action_ids, buttons

WORKFLOW = [A.ESCALATE, A.CLAIM, A.NO_ACTION, A.FLAG_WRONG]
FB_POST = [A.HIDE, A.DELETE, A.BLOCK, A.REPORT, A.REPLY, A.PRIVATE_MESSAGE, *WORKFLOW,
           A.OPEN_ORIGINAL]
# A visitor post is on the Page (hide, delete) but has no private reply (comments only);
# a tag is a post on someone else's timeline: block its author or report it, nothing more.
FB_VISITOR_POST = [A.HIDE, A.DELETE, A.BLOCK, A.REPORT, A.REPLY, *WORKFLOW, A.OPEN_ORIGINAL]
FB_TAG = [A.BLOCK, A.REPORT, A.REPLY, *WORKFLOW, A.OPEN_ORIGINAL]
X_PUBLIC = [A.BLOCK, A.MUTE, A.REPORT, A.REPLY, A.PRIVATE_MESSAGE, *WORKFLOW, A.OPEN_ORIGINAL]


@pytest.mark.parametrize(
    ("platform", "kind", "own_conversation", "expected"),
    [
        (FACEBOOK, "comment", False, FB_POST),
        (FACEBOOK, "reply", False, FB_POST),
        (FACEBOOK, "visitor_post", False, FB_VISITOR_POST),
        (FACEBOOK, "tag", False, FB_TAG),
        (FACEBOOK, KIND_DM, False, [A.REPLY, *WORKFLOW]),
        (X, "reply", True, [A.HIDE, *X_PUBLIC]),
        (X, "reply", False, X_PUBLIC),
        (X, "mention", True, X_PUBLIC),
        (X, "quote", True, X_PUBLIC),
        (X, KIND_DM, False, [A.BLOCK, A.MUTE, A.REPLY, *WORKFLOW]),
    ],
)
def test_button_set_fits_platform_and_kind(
    platform: str, kind: str, own_conversation: bool, expected: list[str]
) -> None:
    factory = x_mention if platform == X else fb_item
    permalink = "" if kind == KIND_DM else "https://example.org/p/1"
    mention = factory(kind=kind, in_own_conversation=own_conversation, permalink=permalink)
    assert action_ids(build_mention_alert(view(mention))) == expected


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("own", [True, False])
@pytest.mark.parametrize("hidden", [True, False])
@pytest.mark.parametrize("closed", [True, False])
def test_x_never_offers_delete(kind: str, own: bool, hidden: bool, closed: bool) -> None:
    mention = x_mention(kind=kind, in_own_conversation=own)
    ids = action_ids(build_mention_alert(view(mention, hidden=hidden, closed=closed)))
    assert A.DELETE not in ids
    if kind != "reply" or not own:
        assert A.HIDE not in ids


def test_hidden_item_offers_unhide_instead_of_hide() -> None:
    for mention in (fb_item(), x_mention(kind="reply", in_own_conversation=True)):
        ids = action_ids(build_mention_alert(view(mention, hidden=True)))
        assert A.UNHIDE in ids and A.HIDE not in ids


def test_closed_alert_keeps_only_undo_override_and_link() -> None:
    ids = action_ids(build_mention_alert(view(fb_item(), hidden=True, closed=True)))
    assert ids == [A.UNHIDE, A.FLAG_WRONG, A.OPEN_ORIGINAL]
    ids = action_ids(build_mention_alert(view(x_mention(), closed=True)))
    assert ids == [A.FLAG_WRONG, A.OPEN_ORIGINAL]


def test_unknown_platform_gets_only_safe_buttons() -> None:
    mention = x_mention(platform="mastodon", kind="toot", permalink="")
    assert action_ids(build_mention_alert(view(mention))) == [A.REPLY, *WORKFLOW]


def test_destructive_buttons_confirm_and_delete_block_are_danger() -> None:
    for el in buttons(build_mention_alert(view(fb_item()))):
        if el["action_id"] in A.DESTRUCTIVE:
            confirm = el["confirm"]
            assert confirm["deny"]["text"] == "Cancel"
            assert confirm["title"]["text"].endswith("?")
        else:
            assert "confirm" not in el
        expected_style = "danger" if el["action_id"] in (A.DELETE, A.BLOCK) else None
        assert el.get("style") == expected_style


def test_buttons_carry_the_database_id_only() -> None:
    mention = fb_item(text="my phone is 07700 900123")
    for el in buttons(build_mention_alert(view(mention))):
        assert el["value"] == str(DB_ID)


def test_labels_name_the_private_channel_per_platform() -> None:
    x_labels = {el["action_id"]: el["text"]["text"]
                for el in buttons(build_mention_alert(view(x_mention())))}
    fb_labels = {el["action_id"]: el["text"]["text"]
                 for el in buttons(build_mention_alert(view(fb_item())))}
    assert x_labels[A.PRIVATE_MESSAGE] == "DM"
    assert fb_labels[A.PRIVATE_MESSAGE] == "Private message"
    dm_labels = {el["action_id"]: el["text"]["text"]
                 for el in buttons(build_mention_alert(view(x_mention(kind=KIND_DM))))}
    assert dm_labels[A.REPLY] == "Reply (DM)"


def test_action_ids_are_unique_and_short() -> None:
    assert len(set(A.ALL)) == len(A.ALL)
    assert all(0 < len(a) <= 255 for a in A.ALL)
    assert set(A.ALL) >= A.DESTRUCTIVE


def test_crisis_alert_offers_no_removal_block_or_report() -> None:
    from bot.core.models import KIND_COMMENT, KIND_REPLY
    from bot.slack import action_ids as ids
    from bot.slack.buttons import platform_actions
    from tests.slack.factories import fb_item, x_mention

    for m in (x_mention(kind=KIND_REPLY, in_own_conversation=True), fb_item(kind=KIND_COMMENT)):
        assert platform_actions(m, hidden=False, closed=False, crisis=True) == []
        assert ids.HIDE in platform_actions(m, hidden=False, closed=False, crisis=False)
        # an earlier hide can still be undone
        assert platform_actions(m, hidden=True, closed=False, crisis=True) == [ids.UNHIDE]
