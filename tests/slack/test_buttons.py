"""The steps each alert offers, how they are laid out, their confirms, values and limits."""

from __future__ import annotations

import pytest

from bot.core.models import FACEBOOK, KIND_DM, KINDS, X
from bot.slack import action_ids as A
from bot.slack.blocks import build_mention_alert
from policy.categories import ACTION_NONE, ACTION_REPLY, Severity
from policy.decision import Decision, Flag
from tests.slack.factories import DB_ID, fb_item, view, x_mention
from tests.slack.helpers import action_ids, buttons, elements, menu_options

WORKFLOW = [A.ESCALATE, A.CLAIM, A.NO_ACTION, A.FLAG_WRONG]
FB_POST = [A.HIDE, A.DELETE, A.BLOCK, A.REPORT, A.REPLY, A.PRIVATE_MESSAGE, *WORKFLOW]
# A visitor post is on the Page (hide, delete) but has no private reply (comments only);
# a tag is a post on someone else's timeline: block its author or report it, nothing more.
FB_VISITOR_POST = [A.HIDE, A.DELETE, A.BLOCK, A.REPORT, A.REPLY, *WORKFLOW]
FB_TAG = [A.BLOCK, A.REPORT, A.REPLY, *WORKFLOW]
X_PUBLIC = [A.BLOCK, A.MUTE, A.REPORT, A.REPLY, A.PRIVATE_MESSAGE, *WORKFLOW]
PRAISE = Decision(flags=(Flag("praise", Severity.INFO, "praise.thanks", "thank you",
                              "Thanks the team"),), action=ACTION_REPLY, template="thank_you")
CRISIS = Decision(flags=(Flag("crisis", Severity.CRITICAL, "crisis.intent", "can't go on",
                              "May be at risk"),), action="escalate", template="crisis",
                  escalate_to="on_call_lead")


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
    assert sorted(action_ids(build_mention_alert(view(mention)))) == sorted(expected)


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


def test_closed_alert_keeps_only_undo_override_in_its_menu() -> None:
    message = build_mention_alert(view(fb_item(), hidden=True, closed=True))
    assert action_ids(message) == [A.UNHIDE, A.FLAG_WRONG]
    assert buttons(message) == []
    assert action_ids(build_mention_alert(view(x_mention(), closed=True))) == [A.FLAG_WRONG]


def test_unknown_platform_gets_only_safe_buttons() -> None:
    mention = x_mention(platform="mastodon", kind="toot", permalink="")
    assert sorted(action_ids(build_mention_alert(view(mention)))) == sorted([A.REPLY, *WORKFLOW])


ALL_CASES = [factory(kind=kind, in_own_conversation=own)
             for factory in (x_mention, fb_item) for kind in KINDS for own in (True, False)]


@pytest.mark.parametrize("decision", [None, PRAISE, CRISIS,
                                      Decision(action=ACTION_NONE)])
def test_one_primary_then_at_most_three_buttons_then_menus(decision: Decision | None) -> None:
    for mention in ALL_CASES:
        message = build_mention_alert(view(mention, decision))
        row = [b for b in message["blocks"] if b.get("block_id") == "fw_actions"]
        assert len(row) == 1
        shown = [el for el in row[0]["elements"] if el["type"] == "button"]
        menus = [el for el in row[0]["elements"] if el["type"] == "overflow"]
        assert row[0]["elements"] == shown + menus  # buttons first, menus last
        assert 1 <= len(shown) <= 4
        assert [el.get("style") for el in shown].count("primary") <= 1
        assert shown[0]["action_id"] not in (A.DELETE, A.BLOCK)  # destructive never first
        assert all(1 <= len(m["options"]) <= 5 for m in menus)
        assert [m["action_id"] for m in menus] in ([], [A.MORE], [A.MODERATE],
                                                   [A.MORE, A.MODERATE])


def test_hateful_reply_suggests_hide_as_the_primary_button() -> None:
    message = build_mention_alert(view(fb_item()))
    first = buttons(message)[0]
    assert (first["action_id"], first["style"]) == (A.HIDE, "primary")
    assert set(menu_options(message, A.MODERATE)) == {A.DELETE, A.BLOCK, A.REPORT}


def test_once_hidden_unhide_is_a_button_and_nothing_is_primary() -> None:
    shown = buttons(build_mention_alert(view(fb_item(), hidden=True)))
    assert shown[0]["action_id"] == A.UNHIDE
    assert all(el.get("style") != "primary" for el in shown)


def test_x_mention_without_hide_suggests_report_not_hide() -> None:
    message = build_mention_alert(view(x_mention(kind="mention")))
    assert buttons(message)[0]["action_id"] == A.REPORT
    assert message["blocks"][0]["text"]["text"] == "Abusive post — suggest report"


def test_praise_offers_reply_thank_and_done() -> None:
    message = build_mention_alert(view(x_mention(text="thank you"), PRAISE))
    labels = [(el["action_id"], el["text"]["text"]) for el in buttons(message)]
    assert labels == [(A.REPLY, "Reply (thank)"), (A.NO_ACTION, "Done")]
    assert buttons(message)[0]["style"] == "primary"
    assert A.BLOCK not in [el["action_id"] for el in buttons(message)]


def test_crisis_first_button_is_a_private_message_and_public_reply_confirms() -> None:
    for mention, label in ((x_mention(), "DM with crisis help"),
                           (fb_item(), "Private message with crisis help")):
        shown = buttons(build_mention_alert(view(mention, CRISIS)))
        assert (shown[0]["action_id"], shown[0]["text"]["text"]) == (A.PRIVATE_MESSAGE, label)
        assert shown[0]["style"] == "primary"
        reply = next(el for el in shown if el["action_id"] == A.REPLY)
        assert reply["text"]["text"] == "Reply in public"
        assert reply["confirm"]["title"]["text"] == "Reply in public?"
    dm_first = buttons(build_mention_alert(view(x_mention(kind=KIND_DM), CRISIS)))[0]
    assert (dm_first["action_id"], dm_first["text"]["text"]) == (A.REPLY, "Reply (DM)")
    assert "confirm" not in dm_first


def test_platform_menu_confirms_and_delete_block_buttons_are_danger() -> None:
    message = build_mention_alert(view(fb_item()))
    moderate = next(el for el in elements(message) if el.get("action_id") == A.MODERATE)
    assert moderate["confirm"]["deny"]["text"] == "Cancel"
    assert moderate["confirm"]["title"]["text"] == "Act on Facebook?"
    more = next(el for el in elements(message) if el.get("action_id") == A.MORE)
    assert "confirm" not in more
    for el in buttons(message):
        if el["action_id"] in A.DESTRUCTIVE:
            assert el["confirm"]["deny"]["text"] == "Cancel"
            assert el["confirm"]["title"]["text"].endswith("?")
        else:
            assert "confirm" not in el


def test_buttons_and_options_carry_the_database_id_only() -> None:
    mention = fb_item(text="my phone is 07700 900123")
    message = build_mention_alert(view(mention))
    for el in buttons(message):
        assert el["value"] == str(DB_ID)
    for el in elements(message):
        for option in el.get("options", []):
            assert A.parse_option(option["value"]) == (option["value"].split("|")[0], str(DB_ID))


def test_every_button_has_an_accessibility_label_naming_the_post() -> None:
    for mention in ALL_CASES:
        for el in buttons(build_mention_alert(view(mention))):
            label = el["accessibility_label"]
            assert len(label) <= 75
            assert label.startswith(el["text"]["text"] + ": ")
            assert "from Dave (@angry_dave)" in label or "from Sam Taylor" in label


def test_a_menu_option_naming_no_action_is_refused() -> None:
    assert A.parse_option("fw.hide|42") == ("fw.hide", "42")
    for bad in ("fw.hide", "fw.nothing|42", "fw.more|42", ""):
        assert A.parse_option(bad) is None


def test_labels_name_the_private_channel_per_platform() -> None:
    def labels(message: dict) -> dict[str, str]:
        found = {el["action_id"]: el["text"]["text"] for el in buttons(message)}
        for el in elements(message):
            found |= {o["value"].split("|")[0]: o["text"]["text"] for o in el.get("options", [])}
        return found

    assert labels(build_mention_alert(view(x_mention())))[A.PRIVATE_MESSAGE] == "DM"
    assert labels(build_mention_alert(view(fb_item())))[A.PRIVATE_MESSAGE] == "Private message"
    dm_labels = labels(build_mention_alert(view(x_mention(kind=KIND_DM))))
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
