"""Claim, Escalate, Report (with the evidence pack), No action, Flag is wrong; complaints."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

from sqlalchemy import select

from bot.core.calendar import OfficeHours
from bot.moderation import complaints
from bot.moderation.workflow import labelled_cases
from bot.slack import action_ids as A
from bot.slack import modal_blocks as mb
from bot.store.schema import EvidencePackRow, FlagOverrideRow
from tests.moderation.conftest import LEAD, MOD, MOD2, Bot, fb_comment, wait_until
from tests.moderation.test_messages import COMPLAINT
from tests.moderation.test_platform_actions import writes

THREAT = "I know where you live and I will stab you when you leave work tonight"


def test_claim_shows_who_is_handling_it(bot: Bot) -> None:
    mid, _ = fb_comment(bot, COMPLAINT)
    assert bot.click(A.CLAIM, mid, MOD) == 200
    bot.status_with(mid, "Claimed by <@U0MOD1>")
    assert bot.click(A.CLAIM, mid, MOD2) == 200
    assert bot.answers(MOD2)[-1] == "*Claim*: <@U0MOD1> is already handling this one."
    assert [a.action for a in bot.audit(mid) if a.actor in (MOD, MOD2)] == ["claim"]


def test_escalate_to_pals_then_offer_the_passed_on_template(bot: Bot) -> None:
    mid, _ = fb_comment(bot, COMPLAINT + ". Call me on 07700 900123")
    assert bot.click(A.ESCALATE, mid) == 200
    view = bot.opened_view()
    status, ack = bot.submit(view, {mb.TARGET: "pals", mb.NOTE: "Please call her back"})
    assert status == 200 and ack == {}
    [sent] = wait_until(lambda: bot.slack.messages(bot.pals), "the message to PALS")
    assert "Passed to PALS (Patient Advice and Liaison Service) by <@U0MOD1>" in sent["text"]
    assert "07700 900123" not in sent["text"]  # personal details stay masked
    assert "Please call her back" in sent["text"] and "Open the alert in Slack" in sent["text"]
    bot.status_with(mid, "Escalated to PALS (Patient Advice and Liaison Service) by u0mod1")
    escalated = next(a for a in bot.audit(mid) if a.action == "escalate")
    assert escalated.detail["target"] == "pals" and escalated.outcome == "ok"
    offer = bot.opened_view(2)  # the policy promises to say when a message is passed on
    assert offer["callback_id"] == mb.CB_MESSAGE
    block = next(b for b in offer["blocks"] if b.get("block_id", "").startswith(mb.TEXT))
    assert block["block_id"] == f"{mb.TEXT}.pals"
    assert "We have passed your message to our Patient Advice" in block["element"][
        "initial_value"]


def test_threat_needs_a_lead_who_reports_it_with_an_evidence_pack(bot: Bot) -> None:
    mid, _ = fb_comment(bot, THREAT)
    assert bot.click(A.REPORT, mid, MOD) == 200
    assert "Only a lead can report this post" in bot.answers(MOD)[-1]
    assert bot.click(A.NO_ACTION, mid, MOD) == 200
    assert "a lead decides" in bot.answers(MOD, 2)[-1]
    assert bot.click(A.REPORT, mid, LEAD) == 200
    view = bot.opened_view()
    status, _ = bot.submit(view, {mb.DEST: [mb.TO_PLATFORM, mb.TO_POLICE],
                                  mb.CRIME: "NC-2611-0042"}, user=LEAD)
    assert status == 200
    pack = wait_until(lambda: [a for a in bot.audit(mid) if a.action == "evidence_pack"],
                      "the evidence pack")[0]
    files = {f["name"]: f for f in bot.slack.files.values()}
    [json_name] = [n for n in files if n.endswith(".json")]
    [html_name] = [n for n in files if n.endswith(".html")]
    data = bot.slack.uploaded(files[json_name]["id"])
    assert hashlib.sha256(data).hexdigest() == pack.detail["sha256"]
    page = bot.slack.uploaded(files[html_name]["id"])
    assert hashlib.sha256(page).hexdigest() == pack.detail["html_sha256"]
    body = json.loads(data)
    assert body["post"]["text"] == THREAT and body["author"]["name"] == "Sam Smith"
    assert "violence" in body["decisions"][0]["categories"]
    assert body["decisions"][0]["policy_version"]
    assert [a["action"] for a in body["audit"]][-2:] == ["report_platform", "report_police"]
    # Uploaded into the alert's thread, with its SHA-256 there for anyone to check.
    thread = bot.thread(mid)
    assert any(pack.detail["sha256"] in t for t in thread)
    police = next(a for a in bot.audit(mid) if a.action == "report_police")
    assert police.actor == LEAD and police.detail["crime_reference"] == "NC-2611-0042"
    assert any("Report it on Facebook" in t for t in thread)
    bot.status_with(mid, "Reported to Facebook and reported to the police (crime ref "
                         "NC-2611-0042)")
    with bot.db.session() as s:
        row = s.execute(select(EvidencePackRow)).scalar_one()
        assert row.sha256 == pack.detail["sha256"] and row.report_open
    assert writes(bot.graph) == []  # Graph has no report endpoint: nothing was sent there


def test_a_lead_closes_a_false_threat_with_flag_is_wrong(bot: Bot) -> None:
    mid, _ = fb_comment(bot, THREAT)
    bot.click(A.FLAG_WRONG, mid, MOD)
    assert "Only a lead can change the flags of this post" in bot.answers(MOD)[-1]
    bot.click(A.FLAG_WRONG, mid, LEAD)
    view = bot.opened_view()
    _, ack = bot.submit(view, {}, user=LEAD)
    assert ack["response_action"] == "errors"  # nothing chosen
    remove = next(b for b in view["blocks"] if b.get("block_id") == mb.REMOVE)
    flagged = [o["value"] for o in remove["element"]["options"]]
    assert "violence" in flagged
    bot.submit(view, {mb.REMOVE: flagged, mb.REASON: "Song lyrics quoted, no threat"},
               user=LEAD)
    bot.status_with(mid, "Flags changed by u0lead1 at 10:00: removed violence")
    with bot.db.session() as s:
        case = s.execute(select(FlagOverrideRow)).scalar_one()
    assert (case.removed, case.categories_before, case.categories_after) == (
        flagged, flagged, [])
    assert case.reason == "Song lyrics quoted, no threat"
    [exported] = labelled_cases(bot.db)  # exportable as a labelled case, text included
    assert (exported["text"], exported["categories"], exported["policy_said"]) == (
        THREAT, [], flagged)
    assert bot.buttons(mid) == [A.FLAG_WRONG]  # the lead's decision closed it
    assert "no flags" in bot.alert(mid)["text"]


def test_no_action_closes_the_alert(bot: Bot) -> None:
    mid, _ = fb_comment(bot, COMPLAINT)
    bot.click(A.NO_ACTION, mid)
    bot.submit(bot.opened_view(), {mb.NOTE: "Already answered by phone"})
    bot.status_with(mid, "Closed with no action by u0mod1 at 10:00")
    assert A.HIDE not in bot.buttons(mid)
    note = next(a for a in bot.audit(mid) if a.action == "no_action")
    assert note.detail == {"note": "Already answered by phone"}


def test_unacknowledged_complaint_is_flagged_after_three_working_days(bot: Bot) -> None:
    mid, _ = fb_comment(bot, COMPLAINT)  # Tuesday 24 November, 10:00
    other, _ = fb_comment(bot, COMPLAINT)
    bot.click(A.CLAIM, other)  # acknowledged: never flagged
    bot.status_with(other, "Claimed")
    assert bot.services is not None
    hours = OfficeHours.from_settings(bot.settings)
    alerts = bot.services.moderation.alerts
    due = complaints.acknowledge_by(hours, bot.clock.now())
    assert due.isoformat() == "2026-11-27T17:00:00+00:00"  # closing on Friday
    bot.clock.set(due - timedelta(minutes=1))
    assert complaints.flag_overdue(bot.db, hours, alerts, bot.clock.now()) == 0
    bot.clock.set(due)
    assert complaints.flag_overdue(bot.db, hours, alerts, bot.clock.now()) == 1
    assert complaints.flag_overdue(bot.db, hours, alerts, bot.clock.now()) == 0  # once
    assert "Complaint not acknowledged within 3 working days" in bot.status_line(mid)
    assert "Complaint" not in bot.status_line(other)
    assert any("must be acknowledged within 3 working days" in t for t in bot.thread(mid))
