"""A captured signed click replayed within Slack's five minutes does nothing, even after a
restart (another process): Hide, Unhide, then the Hide request sent again leaves it shown."""

from __future__ import annotations

from bot.slack import action_ids as A
from tests.moderation.conftest import MOD, Bot, fb_comment, wait_until
from tests.slack_http import block_action_body

ABUSE = "You lot are useless idiots, Nurse Jones is a disgrace"


def test_a_replayed_hide_after_unhide_is_dropped(bot: Bot) -> None:
    mid, cid = fb_comment(bot, ABUSE)
    url = bot.slack.response_url(bot.channel, MOD)
    hide = block_action_body(A.HIDE, str(mid), url, user=MOD, channel=bot.channel)
    assert bot.post(hide)[0] == 200
    wait_until(lambda: bot.graph.comment(cid)["is_hidden"] is True, "hidden")
    bot.settled(mid)
    unhide = block_action_body(A.UNHIDE, str(mid), url, user=MOD, channel=bot.channel)
    assert bot.post(unhide)[0] == 200
    wait_until(lambda: bot.graph.comment(cid)["is_hidden"] is False, "shown again")
    bot.settled(mid)
    wait_until(lambda: (bot.audit(mid)[-1].action, bot.audit(mid)[-1].outcome)
               == ("unhide", "ok"), "the unhide recorded")
    posts_before = len(bot.graph.requests_to("/:version/:id", "POST"))
    audit_before = len(bot.audit(mid))
    bot.restart()  # a second process over the same database sees the same history
    assert bot.post(hide)[0] == 200  # acknowledged, so Slack does not retry it
    bot.clock.advance(1)
    # A fresh click (new trigger_id and action_ts) still works afterwards, so the replay has
    # had its chance to run before it: it must have done nothing.
    other = fb_comment(bot, ABUSE + " again")[0]
    assert bot.click(A.HIDE, other) == 200
    bot.settled(other)
    assert bot.graph.comment(cid)["is_hidden"] is False
    hides = [r for r in bot.graph.requests_to("/:version/:id", "POST")[posts_before:]
             if r.path.endswith(cid)]
    assert hides == []
    assert [(a.action, a.outcome) for a in bot.audit(mid)][audit_before:] == []
