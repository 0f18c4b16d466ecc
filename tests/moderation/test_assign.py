"""Assign: the people picker on an alert, through signed Slack requests; the queue; re-pings."""

from __future__ import annotations

from datetime import timedelta

from bot.core.calendar import OfficeHours
from bot.moderation import reping
from bot.slack import action_ids as A
from tests.moderation.conftest import LEAD, MOD, MOD2, STRANGER, Bot, fb_comment, wait_until
from tests.moderation.test_messages import COMPLAINT
from tests.moderation.test_workflow import THREAT
from tests.slack_http import command_body, select_user_body

CRISIS_POST = "I cannot go on any more, I want to end it all tonight"


def choose(bot: Bot, mention_id: int, person: str, user: str = MOD) -> int:
    """Pick a person on the alert; returns once the picker's private answer has come (the
    listener's work, alert update and thread note included, is done by then)."""
    url = bot.slack.response_url(bot.channel, user)
    before = len([r for r in bot.slack.responses if r["user"] == user])
    status = bot.post(select_user_body(A.ASSIGN, f"fw_assign:{mention_id}", person, url,
                                       user=user, channel=bot.channel))[0]
    bot.answers(user, before + 1)
    return status


def picker(bot: Bot, mention_id: int) -> dict | None:  # type: ignore[type-arg]
    for b in bot.alert(mention_id)["blocks"]:
        if b.get("block_id") == f"fw_assign:{mention_id}":
            return b["elements"][0]
    return None


def test_assign_to_a_colleague_shows_on_the_alert_and_is_audited(bot: Bot) -> None:
    mid, _ = fb_comment(bot, COMPLAINT)
    assert picker(bot, mid) == {"type": "users_select", "action_id": A.ASSIGN,
                                "placeholder": {"type": "plain_text", "text": "Assign to…"}}
    assert choose(bot, mid, MOD2) == 200
    bot.status_with(mid, "Assigned to <@U0MOD2>")
    assert bot.answers(MOD)[-1] == ("*Assign*: Assigned to <@U0MOD2>; they are told in the "
                                    "alert's thread.")
    assert picker(bot, mid)["initial_user"] == MOD2  # type: ignore[index]
    assert any("<@U0MOD1> assigned this to <@U0MOD2>" in t for t in bot.thread(mid))
    [row] = [a for a in bot.audit(mid) if a.action == "assign"]
    assert (row.actor, row.detail, row.outcome) == (MOD, {"to": MOD2, "from": ""}, "ok")
    # Reassigning names who had it; assigning is not closing: the alert stays open.
    assert choose(bot, mid, LEAD, user=MOD2) == 200
    bot.status_with(mid, "Assigned to <@U0LEAD1>")
    assert any("(was <@U0MOD2>)" in t for t in bot.thread(mid))
    assert A.HIDE in bot.buttons(mid) or A.NO_ACTION in bot.buttons(mid)
    # Taking it yourself reads as a claim.
    assert choose(bot, mid, MOD) == 200
    bot.status_with(mid, "Claimed by <@U0MOD1>")


def test_only_moderators_assign_and_only_to_moderators(bot: Bot) -> None:
    mid, _ = fb_comment(bot, COMPLAINT)
    assert choose(bot, mid, MOD, user=STRANGER) == 200
    assert "only moderators can assign" in bot.answers(STRANGER)[-1]
    denied = [a for a in bot.audit(mid) if a.action == "permission_denied"]
    assert denied and denied[0].detail["action"] == "assign"
    assert choose(bot, mid, STRANGER) == 200
    assert bot.answers(MOD)[-1] == ("*Assign*: <@U0EVIL1> is not a moderator, so cannot act "
                                    "on alerts. A comms lead can add them to the moderators.")
    assert not [a for a in bot.audit(mid) if a.action == "assign"]
    assert "Assigned" not in bot.status_line(mid)
    # A picker that names no mention is answered, not guessed at.
    url = bot.slack.response_url(bot.channel, MOD)
    bot.post(select_user_body(A.ASSIGN, "fw_actions", MOD2, url, channel=bot.channel))
    assert bot.answers(MOD, 2)[-1] == "*Assign*: That button does not name a mention."


def test_queue_shows_who_has_each_and_queue_mine(bot: Bot) -> None:
    mine, _ = fb_comment(bot, COMPLAINT)
    theirs, _ = fb_comment(bot, COMPLAINT, author="Alex Jones")
    nobody, _ = fb_comment(bot, COMPLAINT, author="Kim Lee")
    choose(bot, mine, MOD)
    bot.status_with(mine, "Claimed by <@U0MOD1>")
    choose(bot, theirs, MOD2)
    bot.status_with(theirs, "Assigned to <@U0MOD2>")

    def ask(text: str) -> dict:  # type: ignore[type-arg]
        before = len(bot.slack.responses)
        url = bot.slack.response_url(bot.channel, MOD)
        bot.post(command_body(text, url, user=MOD, channel=bot.channel))
        wait_until(lambda: len(bot.slack.responses) > before, "the answer")
        return bot.slack.responses[-1]

    everything = str(ask("queue")["blocks"])
    assert f"#{mine} " in everything and f"#{nobody} " in everything
    assert "assigned to <@U0MOD1>" in everything and "assigned to <@U0MOD2>" in everything
    answer = ask("queue mine")
    assert answer["text"] == "1 open alert assigned to you"
    assert f"#{mine} " in str(answer["blocks"]) and f"#{theirs} " not in str(answer["blocks"])
    assert "queue mine" in ask("queue everything")["text"]


def test_unclaimed_crisis_and_threat_alerts_are_raised_again_in_office_time(bot: Bot) -> None:
    crisis, _ = fb_comment(bot, CRISIS_POST, age=timedelta(0))  # Tuesday 10:00
    threat, _ = fb_comment(bot, THREAT, age=timedelta(0), author="Lee Grant")
    taken, _ = fb_comment(bot, CRISIS_POST, age=timedelta(0), author="Jo Banks")
    complaint, _ = fb_comment(bot, COMPLAINT, age=timedelta(0), author="Pat Kerr")
    choose(bot, taken, MOD2)
    bot.status_with(taken, "Assigned to <@U0MOD2>")
    assert bot.services is not None
    hours = OfficeHours.from_settings(bot.settings)

    def run() -> int:
        assert bot.services is not None
        return reping.reping_unclaimed(bot.db, hours, bot.services.moderation.alerts,
                                       bot.services.slack, bot.clock.now(),
                                       timedelta(minutes=15), frozenset({"crisis", "violence"}),
                                       reping.ping_for(bot.settings))

    start = bot.clock.now()
    bot.clock.set(start + timedelta(minutes=14))
    assert run() == 0
    bot.clock.set(start + timedelta(minutes=15))
    assert run() == 2
    assert run() == 0  # not again until another 15 minutes
    [note] = [t for t in bot.thread(crisis) if ":rotating_light:" in t]
    assert note.startswith(":rotating_light: <@U0MOD1> <@U0MOD2> this crisis post has waited "
                           "15 minutes")
    assert any("possible threat" in t for t in bot.thread(threat))
    assert not any(":rotating_light:" in t for t in bot.thread(taken) + bot.thread(complaint))
    # The reminder is also in the channel itself (a broadcast thread reply).
    assert any(":rotating_light:" in m.get("text", "") for m in bot.slack.messages(bot.channel))
    rows = [a for a in bot.audit(crisis) if a.action == "reping"]
    assert [(r.actor, r.detail["n"]) for r in rows] == [("feedwatch", 1)]
    # The office closes at 17:00: the clock stops; at 09:15 next day it has run 15 minutes.
    bot.clock.set(start.replace(hour=16, minute=50))
    choose(bot, threat, MOD)  # somebody takes the threat
    bot.status_with(threat, "Claimed by <@U0MOD1>")
    assert run() == 1  # the crisis alone
    bot.clock.set(start.replace(hour=16, minute=59) + timedelta(days=1, hours=-7))  # 09:59
    assert run() == 1
    for extra in (15, 30, 45):
        bot.clock.set(start.replace(hour=9, minute=59) + timedelta(days=1, minutes=extra))
        run()
    assert len([a for a in bot.audit(crisis) if a.action == "reping"]) == reping.MAX_REPINGS
    assert "last reminder" in [t for t in bot.thread(crisis) if ":rotating_light:" in t][-1]


def test_ping_names_the_moderators_else_their_group_else_the_channel(bot: Bot) -> None:
    assert reping.ping_for(bot.settings) == "<@U0MOD1> <@U0MOD2>"
    group = bot.settings.model_copy(update={"moderator_user_ids": "",
                                            "moderator_usergroup": "S0MODS"})
    assert reping.ping_for(group) == "<!subteam^S0MODS>"
    nobody = group.model_copy(update={"moderator_usergroup": None})
    assert reping.ping_for(nobody) == "<!here>"


def test_an_overdue_complaint_calls_the_moderators(bot: Bot) -> None:
    from bot.moderation import complaints

    mid, _ = fb_comment(bot, COMPLAINT)
    assert bot.services is not None
    hours = OfficeHours.from_settings(bot.settings)
    bot.clock.set(complaints.acknowledge_by(hours, bot.clock.now()))
    assert complaints.flag_overdue(bot.db, hours, bot.services.moderation.alerts,
                                   bot.clock.now(), ping=reping.ping_for(bot.settings)) == 1
    assert any(t.startswith(":warning: <@U0MOD1> <@U0MOD2> Complaint not acknowledged")
               for t in bot.thread(mid))
