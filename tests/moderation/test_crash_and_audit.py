"""A crash between intent and completion, settled on restart; a tampered audit row, caught."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from bot.cli.main import main
from bot.moderation import ledger
from bot.slack import action_ids as A
from bot.store import audit
from tests.moderation.conftest import MOD, Bot, fb_comment, wait_until, x_reply_in_own_thread
from tests.moderation.test_platform_actions import ABUSE, writes


def leave_intent(bot: Bot, mention_id: int, action: str, *, text_sent: str = "",
                 told: str = "") -> None:
    """What the service commits before its platform call: a process killed right then leaves
    exactly this behind (the ledger intent and its audit row)."""
    now = bot.clock.now()
    with bot.db.session() as s:
        st = ledger.state_for(s, mention_id, now)
        row = ledger.begin(s, mention_id=mention_id, action=action, generation=st.generation,
                           actor=MOD, actor_name="mod", now=now, text=text_sent, told=told)
        assert row is not None
        audit.append(s, at=now, actor=MOD, action=action, mention_id=mention_id,
                     outcome="intent", detail={"ledger": row.id})


def test_idempotent_intent_is_settled_by_reading_the_platform(bot: Bot) -> None:
    mid, cid = fb_comment(bot, ABUSE)
    # The platform hid it, then the process died before recording that.
    leave_intent(bot, mid, "hide", told="sent")
    with bot.graph.lock:
        bot.graph.store.comments[cid]["is_hidden"] = True
    bot.clock.advance(minutes=2)
    bot.graph.clear_log()
    bot.restart()
    assert bot.services is not None
    assert bot.services.moderation.actions.reconcile() == 1
    # Read back, found done: no second hide, and nobody is told twice.
    assert [(r.method, r.path.rsplit("/", 1)[-1], r.arg("fields")) for r in bot.graph.requests
            ] == [("GET", cid, "is_hidden")]
    [row] = bot.ledger(mid)
    assert row.state == "done"
    last = bot.audit(mid)[-1]
    assert (last.action, last.outcome, last.detail["reconciled"]) == ("hide", "ok", True)
    assert "Hidden on Facebook by mod at 10:02" in bot.status_line(mid)
    assert "Settled after feedwatch restarted" in bot.thread(mid)[-1]
    assert bot.services.moderation.actions.reconcile() == 0


def test_idempotent_intent_not_yet_applied_is_made_so(bot: Bot) -> None:
    mid = x_reply_in_own_thread(bot, ABUSE)
    leave_intent(bot, mid, "mute")
    bot.clock.advance(minutes=1)
    bot.x.clear_log()
    bot.restart()
    assert bot.services is not None
    bot.services.moderation.actions.reconcile()
    account = bot.x_cfg["user_id"]
    assert [(r.method, r.path) for r in bot.x.requests] == [
        ("GET", f"/2/users/{account}/muting"), ("POST", f"/2/users/{account}/muting")]
    assert bot.x.muted(account) and bot.ledger(mid)[0].state == "done"


def test_a_send_left_in_flight_is_outcome_unknown_and_never_resent(bot: Bot) -> None:
    mid = x_reply_in_own_thread(bot, ABUSE)
    leave_intent(bot, mid, "reply", text_sent="Hi Angry, thank you for your message.")
    bot.clock.advance(minutes=1)
    bot.x.clear_log()
    bot.restart()
    assert bot.services is not None
    bot.services.moderation.actions.reconcile()
    assert writes(bot.x) == []
    [row] = bot.ledger(mid)
    assert row.state == "unknown"
    assert "outcome unknown, please check" in bot.status_line(mid)
    assert (bot.audit(mid)[-1].action, bot.audit(mid)[-1].outcome) == ("reply", "unknown")
    assert "will not resend" in bot.thread(mid)[-1]
    # Once restarted, nothing sends it later either.
    bot.services.moderation.actions.reconcile()
    assert writes(bot.x) == []


def test_tampered_audit_row_is_caught_by_audit_verify(
        bot: Bot, monkeypatch: pytest.MonkeyPatch, tmp_path: object,
        capsys: pytest.CaptureFixture[str]) -> None:
    mid, _ = fb_comment(bot, ABUSE)
    assert bot.click(A.HIDE, mid) == 200
    bot.settled(mid)
    wait_until(lambda: len(bot.audit(mid)) >= 2, "the audit rows")
    monkeypatch.chdir(tmp_path)  # type: ignore[arg-type]
    monkeypatch.setenv("DATABASE_URL", bot.db.url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-sandbox-verify")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "unused")
    monkeypatch.setenv("SLACK_ALERT_CHANNEL", bot.channel)
    monkeypatch.setenv("FEEDWATCH_ACCOUNTS", json.dumps([bot.x_cfg]))
    assert main(["audit", "verify"]) == 0
    assert "chain intact" in capsys.readouterr().out
    done = bot.audit(mid)[-1]
    assert done.outcome == "ok"
    # Someone with the table owner's rights rewrites history underneath the trigger.
    pg = bot.db.dialect == "postgresql"
    try:
        with bot.db.engine.begin() as c:
            if pg:
                c.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
            else:
                c.execute(text("DROP TRIGGER audit_log_no_update"))
            c.execute(text("UPDATE audit_log SET outcome = 'failed' WHERE id = :id"),
                      {"id": done.id})
    finally:
        if pg:  # the PostgreSQL test database is shared by later tests: put the guard back
            with bot.db.engine.begin() as c:
                c.execute(text("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only"))
    assert main(["audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert f"row {done.id}: contents do not match their hash (edited?)" in out
