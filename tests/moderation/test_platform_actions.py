"""Hide, Block and friends, clicked in Slack: the exact platform calls, the alert, the audit."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable

from bot.slack import action_ids as A
from bot.slack import modal_blocks as mb
from tests.moderation.conftest import (
    LEAD,
    MOD,
    MOD2,
    STRANGER,
    Bot,
    fb_comment,
    hold,
    wait_until,
    x_reply_elsewhere,
    x_reply_in_own_thread,
)
from tests.slack_http import menu_action_body

ABUSE = "You lot are useless idiots, Nurse Jones is a disgrace"


def writes(fake: object) -> list[tuple[str, str]]:
    """Every request that could change something on the platform, in order."""
    return [(r.method, r.path) for r in fake.requests  # type: ignore[attr-defined]
            if r.method in ("POST", "PUT", "DELETE")]


def test_hide_tells_the_author_why_first_then_hides(bot: Bot) -> None:
    mid, cid = fb_comment(bot, ABUSE)
    page, version = bot.page["page_id"], bot.settings.facebook_graph_version
    assert bot.click(A.HIDE, mid) == 200
    [row] = bot.settled(mid)
    assert row.state == "done" and row.told == "sent"
    # Told first (the one private reply a comment allows), then hidden: nothing else.
    assert writes(bot.graph) == [("POST", f"/{version}/{page}/messages"),
                                 ("POST", f"/{version}/{cid}")]
    told = bot.graph.requests_to("/:version/:id/messages", "POST")[0].form()
    assert json.loads(told["recipient"]) == {"comment_id": cid}
    assert "we have hidden your post because it was abusive" in json.loads(
        told["message"])["text"]
    assert bot.graph.comment(cid)["is_hidden"] is True
    bot.status_with(mid, "Hidden on Facebook by mod at 10:00, author told why")
    assert A.UNHIDE in bot.buttons(mid) and A.HIDE not in bot.buttons(mid)
    thread = wait_until(lambda: len(bot.thread(mid)) >= 2 and bot.thread(mid), "thread")
    assert thread[0].startswith("Told the author why first")
    assert "Hidden on Facebook" in thread[1]
    intent, done = [(a.action, a.outcome) for a in bot.audit(mid)][-2:]
    assert intent == ("hide", "intent") and done == ("hide", "ok")
    last = bot.audit(mid)[-1]
    assert last.actor == MOD and last.detail["told"] == "sent"
    assert last.policy_version and last.policy_version == row.policy_version
    assert bot.answers()[0].startswith("*Hide*: Done: Hidden on Facebook")


def test_hide_chosen_from_the_menu_does_what_the_button_does(bot: Bot) -> None:
    mid, cid = fb_comment(bot, ABUSE)
    assert bot.choose(A.MODERATE, A.HIDE, mid) == 200
    [row] = bot.settled(mid)
    assert row.state == "done" and row.told == "sent"
    assert bot.graph.comment(cid)["is_hidden"] is True
    assert bot.answers()[0].startswith("*Hide*: Done: Hidden on Facebook")


def test_a_menu_option_naming_no_step_is_answered_and_does_nothing(bot: Bot) -> None:
    mid, _ = fb_comment(bot, ABUSE)
    url = bot.slack.response_url(bot.channel, MOD)
    assert bot.post(menu_action_body(A.MODERATE, f"fw.nothing|{mid}", url, user=MOD,
                                     channel=bot.channel))[0] == 200
    assert "not a step feedwatch knows" in bot.answers()[0]
    assert writes(bot.graph) == []


def test_the_ack_goes_before_the_platform_answers(bot: Bot) -> None:
    mid, cid = fb_comment(bot, ABUSE)
    release = hold(bot.graph, "/:version/:id", "POST")  # the hide call hangs
    statuses: list[int] = []
    click = threading.Thread(target=lambda: statuses.append(bot.click(A.HIDE, mid)))
    click.start()
    click.join(timeout=60)  # a guard against a hang, not a measure of speed
    # Slack has its 200 while the platform is still holding the hide: the ack did not wait.
    assert statuses == [200]
    wait_until(lambda: bot.graph.requests_to("/:version/:id", "POST"), "the held hide")
    assert not release.is_set()
    assert [r.state for r in bot.ledger(mid)] == ["intent"]
    release.set()
    assert bot.settled(mid)[0].state == "done"
    assert bot.graph.comment(cid)["is_hidden"] is True


def test_double_click_and_two_moderators_make_one_platform_call(bot: Bot) -> None:
    mid, _ = fb_comment(bot, ABUSE)
    release = hold(bot.graph, "/:version/:id", "POST")
    assert bot.click(A.HIDE, mid, MOD) == 200
    wait_until(lambda: bot.graph.requests_to("/:version/:id", "POST"), "the first hide")
    assert bot.click(A.HIDE, mid, MOD) == 200  # the double click
    assert bot.click(A.HIDE, mid, MOD2) == 200  # a colleague at the same moment
    assert set(bot.answers(MOD2)) == {"*Hide*: <@U0MOD1> is already doing this (started "
                                      "10:00); nothing more was sent to the platform."}
    release.set()
    bot.settled(mid)
    assert len(bot.graph.requests_to("/:version/:id", "POST")) == 1
    assert len(bot.graph.private_replies()) == 1
    wait_until(lambda: any("Done" in a for a in bot.answers(MOD, 2)), "the first answer")
    # And once done, another click is told who did it rather than trying again.
    assert bot.click(A.HIDE, mid, MOD2) == 200
    assert "Already done by <@U0MOD1> at 10:00" in bot.answers(MOD2, 2)[-1]
    assert len(bot.graph.requests_to("/:version/:id", "POST")) == 1


def test_unauthorised_user_is_refused_privately_and_logged(bot: Bot) -> None:
    mid, _ = fb_comment(bot, ABUSE)
    assert bot.click(A.HIDE, mid, STRANGER) == 200
    [answer] = bot.answers(STRANGER)
    assert "only moderators can hide" in answer
    denied = wait_until(lambda: [a for a in bot.audit(mid) if a.action == "permission_denied"],
                        "the refusal in the audit log")
    assert denied[0].actor == STRANGER and denied[0].outcome == "denied"
    assert denied[0].detail["action"] == "hide"
    assert writes(bot.graph) == [] and bot.ledger(mid) == []


def test_x_hide_outside_the_accounts_own_thread_is_refused_plainly(bot: Bot) -> None:
    mid = x_reply_elsewhere(bot, ABUSE)
    assert A.HIDE not in bot.buttons(mid)  # not offered...
    assert bot.click(A.HIDE, mid) == 200  # ...and refused if clicked anyway (an old alert)
    [answer] = bot.answers()
    assert "hide only replies in conversations it started" in answer
    assert writes(bot.x) == []  # no hide, and no DM telling them of a hide that cannot happen
    refused = wait_until(lambda: [a for a in bot.audit(mid) if a.outcome == "refused"],
                         "the refusal")
    assert refused[0].action == "hide"


def test_x_hide_in_own_thread_dms_then_hides(bot: Bot) -> None:
    mid = x_reply_in_own_thread(bot, ABUSE)
    assert A.HIDE in bot.buttons(mid) and bot.ledger(mid) == []
    assert bot.click(A.HIDE, mid) == 200
    assert bot.settled(mid)[0].state == "done"
    paths = [p for _, p in writes(bot.x)]
    assert paths[0].startswith("/2/dm_conversations/with/") and paths[1].endswith("/hidden")
    assert len(paths) == 2


def test_x_block_refused_by_tier_says_so_and_offers_mute(bot: Bot) -> None:
    mid = x_reply_in_own_thread(bot, ABUSE)
    # Never checked: Block is not offered (X may refuse it), Mute is.
    assert A.BLOCK not in bot.buttons(mid) and A.MUTE in bot.buttons(mid)
    # A click from elsewhere (an old message) still cannot tell them something untrue: X is
    # asked first, read-only, and refuses; nothing is sent to the author.
    assert bot.click(A.BLOCK, mid) == 200
    view = bot.opened_view()
    assert view["callback_id"] == mb.CB_REASON
    status, ack = bot.submit(view, {mb.REASON: "Repeated abuse of staff"})
    assert status == 200 and ack == {}
    answer = bot.answers()[-1]
    assert "does not include blocking (error 453)" in answer and "Mute" in answer
    assert writes(bot.x) == []  # no DM, no block call
    assert [r.path for r in bot.x.requests_to("/1.1/blocks/ids.json")] == [
        "/1.1/blocks/ids.json"]
    assert bot.x.blocked(bot.x_cfg["user_id"]) == set()
    refused = bot.audit(mid)[-1]
    assert (refused.action, refused.outcome) == ("block", "refused")
    assert refused.detail["reason"] == "Repeated abuse of staff"
    assert "453" in refused.detail["error"]
    # Known now, in the database: a second Block is refused at once, without asking X.
    before = len(bot.x.requests)
    assert bot.click(A.BLOCK, mid) == 200
    assert "error 453" in bot.answers(count=2)[-1]
    assert len(bot.x.requests) == before and len(bot.slack.calls_to("views.open")) == 1
    # Mute works instead.
    assert bot.click(A.MUTE, mid) == 200
    wait_until(lambda: bot.x.muted(bot.x_cfg["user_id"]), "the mute")


def test_a_platform_500_fails_cleanly_and_can_be_retried(bot: Bot) -> None:
    mid, cid = fb_comment(bot, ABUSE)
    bot.graph.inject("/:version/:id", 500, {"error": {
        "message": "An unexpected error has occurred. Please retry your request later.",
        "type": "OAuthException", "code": 2, "is_transient": True}}, method="POST")
    assert bot.click(A.HIDE, mid) == 200
    [row] = bot.settled(mid)
    assert row.state == "failed" and row.error_code == "2"
    assert bot.graph.comment(cid)["is_hidden"] is False
    failed = bot.audit(mid)[-1]
    assert (failed.action, failed.outcome) == ("hide", "failed")
    assert "unexpected error" in failed.detail["error"]
    note = wait_until(lambda: [t for t in bot.thread(mid) if "What to do" in t], "what to do")
    assert "Try again in a few minutes" in note[0]
    assert "not done" in bot.status_line(mid) and A.HIDE in bot.buttons(mid)
    # The author was told already: the retry hides without spending another private reply.
    assert bot.click(A.HIDE, mid) == 200
    rows = bot.settled(mid, 2)
    assert rows[-1].state == "done" and rows[-1].told == "not_sent"
    assert bot.graph.comment(cid)["is_hidden"] is True
    assert len(bot.graph.private_replies()) == 1


def test_delete_asks_a_reason_and_unticking_tell_needs_one_too(bot: Bot) -> None:
    mid, cid = fb_comment(bot, ABUSE)
    assert bot.click(A.DELETE, mid) == 200
    view = bot.opened_view()
    assert [b.get("block_id") for b in view["blocks"] if b["type"] == "input"] == [
        mb.REASON, mb.TELL, mb.NO_TELL]
    status, ack = bot.submit(view, {mb.REASON: "Abuse of a named nurse", mb.TELL: []})
    assert status == 200 and ack == {"response_action": "errors", "errors": {
        mb.NO_TELL: "Say why the author is not told first."}}
    assert bot.ledger(mid) == []
    bot.submit(view, {mb.REASON: "Abuse of a named nurse", mb.TELL: [],
                      mb.NO_TELL: "Police advised no contact"})
    [row] = bot.settled(mid)
    assert (row.state, row.told, row.told_note) == ("done", "not_sent",
                                                    "Police advised no contact")
    assert writes(bot.graph) == [("DELETE", f"/{bot.settings.facebook_graph_version}/{cid}")]
    assert bot.graph.comment(cid)["deleted"] is True
    done = bot.audit(mid)[-1]
    assert (done.action, done.outcome, done.detail["reason"], done.detail["told_note"]) == (
        "delete", "ok", "Abuse of a named nurse", "Police advised no contact")
    bot.status_with(mid, "Deleted from Facebook by u0mod1 at 10:00, author not told (Police "
                         "advised no contact)")
    assert A.DELETE not in bot.buttons(mid) and A.HIDE not in bot.buttons(mid)


def test_block_and_delete_can_be_limited_to_leads(make_bot: Callable[..., Bot]) -> None:
    bot = make_bot(lead_only_actions="delete,block")
    mid, _ = fb_comment(bot, ABUSE)
    assert bot.click(A.BLOCK, mid, MOD) == 200
    assert bot.answers(MOD)[-1] == ("*Block*: Only a lead can block the author of this post. "
                                    "Ask a lead.")
    assert bot.slack.calls_to("views.open") == []
    assert bot.click(A.BLOCK, mid, LEAD) == 200
    assert bot.opened_view()["callback_id"] == mb.CB_REASON
