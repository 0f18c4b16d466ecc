"""What the author is told is true: the words before Delete say deleted, before Block say
blocked, before Hide hidden (threats and terrorism too); Block is offered on X only where the
account's access allows it (remembered in the database); a refusal after they were told is
recorded as such, with a follow-up."""

from __future__ import annotations

import json

from bot.slack import action_ids as A
from bot.slack import modal_blocks as mb
from bot.store import access
from policy import categories as C
from tests.moderation.conftest import Bot, fb_comment, wait_until, x_reply_in_own_thread
from tests.moderation.test_platform_actions import ABUSE, writes


def _told_on_facebook(bot: Bot) -> str:
    told = bot.graph.requests_to("/:version/:id/messages", "POST")[-1].form()
    return str(json.loads(told["message"])["text"])


def test_delete_tells_them_their_post_is_deleted(bot: Bot) -> None:
    mid, cid = fb_comment(bot, ABUSE)
    assert bot.click(A.DELETE, mid) == 200
    view = bot.opened_view()
    shown = json.dumps(view)
    assert "we have deleted your post" in shown and "hidden" not in shown
    bot.submit(view, {mb.REASON: "Abuse of a named nurse"})
    [row] = bot.settled(mid)
    assert (row.state, row.told, row.template) == ("done", "sent", "removal_delete")
    text = _told_on_facebook(bot)
    assert text.startswith("Hi ") and "we have deleted your post" in text
    assert "abuse or bullying of a person" in text and "hidden" not in text
    assert bot.graph.comment(cid)["deleted"] is True


def test_block_tells_them_they_are_blocked(bot: Bot) -> None:
    mid, _ = fb_comment(bot, ABUSE)
    assert bot.click(A.BLOCK, mid) == 200
    bot.submit(bot.opened_view(), {mb.REASON: "Repeated abuse"})
    [row] = bot.settled(mid)
    assert (row.state, row.template) == ("done", "removal_block")
    text = _told_on_facebook(bot)
    assert "we have blocked you from our account" in text and "hidden" not in text


def test_hide_still_says_hidden(bot: Bot) -> None:
    mid, _ = fb_comment(bot, ABUSE)
    assert bot.click(A.HIDE, mid) == 200
    assert bot.settled(mid)[0].template == "removal_abuse"
    assert "we have hidden your post" in _told_on_facebook(bot)


def test_x_block_is_offered_once_the_database_says_x_allows_it(bot: Bot) -> None:
    mid = x_reply_in_own_thread(bot, ABUSE)
    assert A.BLOCK not in bot.buttons(mid)
    with bot.db.session() as s:
        access.record(s, "nsft", access.X_BLOCK, True, "", bot.clock.now())
    assert bot.click(A.MUTE, mid) == 200  # any step re-renders the alert from the database
    wait_until(lambda: A.BLOCK in bot.buttons(mid), "Block offered")
    with bot.db.session() as s:
        access.record(s, "nsft", access.X_BLOCK, False, "refused", bot.clock.now())
    bot.restart()  # another process, same database: re-rendered without Block
    assert bot.click(A.CLAIM, mid) == 200
    wait_until(lambda: A.BLOCK not in bot.buttons(mid), "Block withdrawn")


def test_refusal_after_telling_is_recorded_with_a_follow_up(bot: Bot) -> None:
    bot.x.v11_blocks_allowed = True  # the probe passes...
    mid = x_reply_in_own_thread(bot, ABUSE)
    # ...but X refuses the block itself (its access changed between the two calls).
    bot.x.inject("/1.1/blocks/create.json", 403,
                 {"errors": [{"message": "You currently have access to a subset of X API V2 "
                              "endpoints", "code": 453}]})
    assert bot.click(A.BLOCK, mid) == 200
    bot.submit(bot.opened_view(), {mb.REASON: "Threats"})
    [row] = bot.settled(mid)
    assert (row.state, row.told, row.error_code) == ("refused", "sent", "453")
    paths = [p for _, p in writes(bot.x)]
    assert paths[0].startswith("/2/dm_conversations/with/") and paths[1].endswith("create.json")
    assert "we have blocked you" in bot.x.dms()[-1]["text"]
    refused = bot.audit(mid)[-1]
    assert refused.outcome == "refused"
    assert refused.detail["told_outcome"] == "told, but the action failed"
    bot.status_with(mid, "(told, but the action failed)")
    note = wait_until(lambda: [t for t in bot.thread(mid) if "correction" in t], "follow-up")
    assert "they were told they are blocked" in note[0]
    assert "Send them a short correction" in bot.answers()[-1]
    assert A.PRIVATE_MESSAGE in bot.buttons(mid)
    # X's 453 is remembered for every process: Block is not offered again.
    with bot.db.session() as s:
        assert access.allowed(s, "nsft", access.X_BLOCK) is False
    assert A.BLOCK not in bot.buttons(mid)


def test_facebook_368_on_hide_names_the_block_and_offers_the_follow_up(bot: Bot) -> None:
    mid, cid = fb_comment(bot, ABUSE)
    # The private reply goes first (POST /{page}/messages), then the hide is refused.
    bot.graph.inject(f"/:version/{cid}", 400, {"error": {
        "message": "The action attempted has been deemed abusive or is otherwise disallowed",
        "type": "OAuthException", "code": 368}}, method="POST")
    assert bot.click(A.HIDE, mid) == 200
    [row] = bot.settled(mid)
    assert (row.state, row.told, row.error_code) == ("refused", "sent", "368")
    assert "temporarily blocked the Page" in row.error
    assert bot.audit(mid)[-1].detail["told_outcome"] == "told, but the action failed"
    assert "they were told their post was hidden" in bot.answers()[-1]
    assert bot.graph.comment(cid)["is_hidden"] is False


def test_x_453_names_the_action_it_refused(bot: Bot) -> None:
    mid = x_reply_in_own_thread(bot, ABUSE)
    bot.x.inject("/2/users/:id/muting", 403,
                 {"errors": [{"message": "You currently have access to a subset of X API V2 "
                              "endpoints", "code": 453}]}, method="POST")
    assert bot.click(A.MUTE, mid) == 200
    [row] = bot.settled(mid)
    assert (row.state, row.error_code) == ("refused", "453")
    assert row.error.startswith("X refused Mute: this app's X API access level does not "
                                "include it (error 453)")
    assert "Block" not in row.error


THREAT = "I will stab the receptionist if she ignores me again"


def test_every_category_template_is_sent_before_hide_so_says_hidden(bot: Bot) -> None:
    policy = bot.services.policy.engine.policy
    for cid, category in policy.categories.items():
        if cid not in C.REMOVAL_CATEGORIES or not category.template:
            continue
        text = policy.render(category.template, name="Sam").lower()
        if "your post" not in text or "we have" not in text:
            continue  # says nothing about what was done (the defamation template)
        assert "we have hidden your post" in text, category.template
        assert not {"removed", "deleted", "blocked"} & set(text.replace(",", " ").split()), cid


def test_a_threat_hidden_says_hidden_and_deleted_says_deleted(bot: Bot) -> None:
    hidden_id, _ = fb_comment(bot, THREAT, author="Kit Hale")
    assert bot.click(A.HIDE, hidden_id) == 200
    [row] = bot.settled(hidden_id)
    assert (row.state, row.template) == ("done", "removal_violence")
    text = _told_on_facebook(bot)
    assert "we have hidden your post" in text and "removed" not in text
    assert "reported to the platform and the police" in text
    deleted_id, cid = fb_comment(bot, THREAT, author="Lee Hale")
    assert bot.click(A.DELETE, deleted_id) == 200
    bot.submit(bot.opened_view(), {mb.REASON: "A threat to a receptionist"})
    [row] = bot.settled(deleted_id)
    assert (row.state, row.template) == ("done", "removal_delete")
    text = _told_on_facebook(bot)
    assert "we have deleted your post" in text and "threats or incitement to violence" in text
    assert "hidden" not in text and "removed" not in text
    assert bot.graph.comment(cid)["deleted"] is True
