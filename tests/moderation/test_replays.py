"""A captured signed click replayed within Slack's five minutes does nothing, even after a
restart (another process): Hide, Unhide, then the Hide request sent again leaves it shown."""

from __future__ import annotations

import threading

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


def test_a_click_is_acknowledged_while_the_database_is_locked(bot: Bot) -> None:
    """The replay check writes to the database after the ack, not before it: a click is
    answered while another writer (ingest, say) holds the lock, and its work runs after."""
    mid, cid = fb_comment(bot, ABUSE)
    locked, release = threading.Event(), threading.Event()
    released_by_the_answer: list[bool] = []

    def hold_the_lock() -> None:
        with bot.db.engine.connect() as conn:
            if bot.db.engine.dialect.name == "sqlite":
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                conn.exec_driver_sql("BEGIN")
                conn.exec_driver_sql("LOCK TABLE seen_interactions IN ACCESS EXCLUSIVE MODE")
            locked.set()
            # Let go after 5 s regardless (under SQLite's 10 s busy timeout): an ack that
            # waited for this lock would then go through, but late, and be caught below.
            released_by_the_answer.append(release.wait(timeout=5))
            conn.exec_driver_sql("ROLLBACK")

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    assert locked.wait(timeout=10)
    status = bot.click(A.HIDE, mid)
    release.set()
    holder.join(timeout=30)
    assert status == 200
    assert released_by_the_answer == [True], "the ack waited for the database"
    wait_until(lambda: bot.graph.comment(cid)["is_hidden"] is True, "hidden after the lock")
    bot.settled(mid)
