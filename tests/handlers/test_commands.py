"""/feedwatch through signed Slack requests into the real WSGI app and the fake Slack."""

from __future__ import annotations

import csv
import io
import itertools
import json
import time
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select

import policy
from bot.core.clock import FixedClock
from bot.runtime.app import build_app
from bot.runtime.web import make_wsgi
from bot.sandbox.fake_slack import FakeSlack
from bot.sandbox.fake_x import FakeX
from bot.store.db import Database
from bot.store.schema import AuditRow
from policy.categories import ABUSE, COMPLAINT, CRISIS, PERSONAL_INFO
from tests.harness import services_for
from tests.office.conftest import MODERATOR, OUTSIDER, Desk, flag
from tests.slack_http import block_action_body, call_wsgi, command_body, signed_headers

SECRET = "sandbox-signing-secret"


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


_EVENT_IDS = itertools.count(1)


class Bot:
    """The app as Slack sees it, over the same database as a Desk used to seed it."""

    def __init__(self, db: Database, clock: FixedClock, slack: FakeSlack, x: FakeX) -> None:
        self.desk = Desk(db, clock, slack, moderator_user_ids=MODERATOR)
        self.slack, self.clock, self.db = slack, clock, db
        self.services = services_for(self.desk.settings, clock, x)
        self.wsgi = make_wsgi(build_app(self.services), self.services)

    def command(self, text: str, user: str = MODERATOR) -> dict[str, Any]:
        before = len(self.slack.responses)
        body = command_body(text, self.slack.response_url(self.desk.alerts, user), user=user,
                            channel=self.desk.alerts)
        status, _, _ = call_wsgi(self.wsgi, "POST", "/slack/events", body,
                                 signed_headers(SECRET, body))
        assert status == 200  # acknowledged, whatever happens next
        return self.wait(lambda: len(self.slack.responses) > before)[-1] | {}

    def click(self, action_id: str, value: str, user: str = MODERATOR) -> dict[str, Any]:
        before = len(self.slack.responses)
        body = block_action_body(action_id, value,
                                 self.slack.response_url(self.desk.alerts, user), user=user,
                                 channel=self.desk.alerts)
        status, _, _ = call_wsgi(self.wsgi, "POST", "/slack/events", body,
                                 signed_headers(SECRET, body))
        assert status == 200
        return self.wait(lambda: len(self.slack.responses) > before)[-1] | {}

    def event(self, event: dict[str, Any]) -> int:
        body = json.dumps({"token": "unused", "team_id": "T0SANDBOX", "api_app_id": "A0FEEDWATCH",
                           "event": event, "type": "event_callback",
                           # Slack gives every event its own id (retries keep it)
                           "event_id": f"Ev{next(_EVENT_IDS):08d}",
                           "event_time": int(time.time())})
        headers = {**signed_headers(SECRET, body), "Content-Type": "application/json"}
        status, _, _ = call_wsgi(self.wsgi, "POST", "/slack/events", body, headers)
        return status

    def wait(self, done: Any, timeout: float = 10.0) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if done():
                return self.slack.responses
            time.sleep(0.02)
        raise AssertionError(f"nothing answered in {timeout} s: {self.slack.responses[-3:]}")

    def audit_rows(self, action: str) -> list[AuditRow]:
        with self.db.session() as s:
            return list(s.execute(select(AuditRow).where(AuditRow.action == action)
                                  .order_by(AuditRow.id)).scalars())




def test_help_and_unknown_input(bot: Bot) -> None:
    for text in ("", "help", "make me a sandwich"):
        answer = bot.command(text)
        assert answer["response_type"] == "ephemeral"
        assert "`/feedwatch stats [today|week|month" in answer["text"]
        assert "`/feedwatch pause [for 2h | until 14:00]`" in answer["text"]


def test_templates_lists_each_title_with_its_text(bot: Bot) -> None:
    answer = bot.command("templates")
    assert answer["response_type"] == "ephemeral"
    sections = {b["block_id"]: b["text"]["text"] for b in answer["blocks"]
                if b["type"] == "section"}
    crisis = sections["fw_template.crisis"]
    assert crisis.startswith("*Crisis signposting*\n> Hi [their first name], we're really sorry")
    assert "0808 196 3494" in crisis  # placeholders filled from the policy's numbers
    assert sections["fw_template.pals"].startswith("*Pass to PALS*\n")
    assert "thank_you" not in " ".join(sections.values())  # ids stay out of sight
    bundled = yaml.safe_load((Path(policy.__file__).parent / "policy.yaml").read_text("utf-8"))
    assert len(sections) == len(bundled["templates"])  # every template, each once


def test_stats_queue_and_hours_for_anyone(bot: Bot) -> None:
    mid = bot.desk.ingest("slow replies", flag(COMPLAINT))
    bot.desk.deliver()
    stats = bot.command("stats today", user=OUTSIDER)
    assert stats["text"] == "feedwatch stats for today (Tue 24 Nov)"
    body = stats["blocks"][1]["text"]["text"]
    assert "*Mentions:* 1" in body and "*Alerts still open:* 1" in body
    queue = bot.command("queue", user=OUTSIDER)
    assert queue["text"] == "1 open alert"
    assert f"#{mid} X mention" in dump(queue["blocks"])
    hours = bot.command("hours", user=OUTSIDER)
    text = dump(hours["blocks"])
    assert "open until 17:00" in text and "Monday to Friday, 09:00–17:00" in text
    assert "not paused" in text
    assert "`/feedwatch stats`: use today" in bot.command("stats yesterday")["text"]


def test_history_is_for_moderators_and_audited_without_the_handle(bot: Bot) -> None:
    mid = bot.desk.ingest("you idiots", flag(ABUSE), handle="pat")
    bot.desk.ingest("other person", flag(ABUSE), handle="sam")
    bot.desk.deliver()
    bot.desk.act(mid, "hide")
    refused = bot.command("history @pat", user=OUTSIDER)
    assert "for moderators only" in refused["text"]
    [denied] = bot.audit_rows("permission_denied")
    assert denied.actor == OUTSIDER and denied.detail == {"command": "history"}
    answer = bot.command("history @PAT")
    blocks = dump(answer["blocks"])
    assert answer["text"] == "1 stored mentions from @PAT"
    assert f"#{mid}" in blocks and "hide by <@U0MOD1>" in blocks and "sam" not in blocks
    [row] = bot.audit_rows("history_lookup")
    assert row.actor == MODERATOR and row.detail["mentions"] == [mid]
    assert "pat" not in dump(row.detail).lower()


def test_export_uploads_escaped_csv_to_the_user_privately(bot: Bot) -> None:
    bot.desk.ingest("x", flag(ABUSE))
    bot.desk.act(1, "=HYPERLINK(\"http://evil\")")
    answer = bot.command("export today")
    assert "Sent you the audit log for today" in answer["text"]
    [file] = bot.slack.files.values()
    data = bot.slack.uploaded(file["id"]).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data)))
    assert rows[0]["action"] == "'=HYPERLINK(\"http://evil\")"
    [dm] = [m for m in bot.slack.messages(MODERATOR) if m.get("files")]  # the user's DM
    assert dm["files"][0]["id"] == file["id"]
    assert bot.slack.messages(bot.desk.alerts) == []  # never in the channel
    [row] = bot.audit_rows("audit_export")
    assert row.actor == MODERATOR and row.detail["rows"] == 1
    assert "for moderators only" in bot.command("export", user=OUTSIDER)["text"]


def test_a_failure_after_the_ack_is_answered_plainly(bot: Bot) -> None:
    bot.slack.fail_next("files.getUploadURLExternal", "internal_error")
    answer = bot.command("export")
    assert answer["text"] == "Sorry, that did not work; the error is in feedwatch's log."


def test_pause_and_resume_by_moderators(bot: Bot) -> None:
    assert "for moderators only" in bot.command("pause for 1h", user=OUTSIDER)["text"]
    answer = bot.command("pause for 1h")
    assert answer["text"].startswith("Paused until Tue 24 Nov 2026 11:00 GMT")
    held = bot.desk.ingest("slow", flag(COMPLAINT))
    crisis = bot.desk.ingest("help me", flag(CRISIS))
    bot.desk.deliver()
    assert [m["metadata"]["event_payload"]["mention_id"] for m in bot.desk.posted()] == [crisis]
    assert "Paused* by <@U0MOD1> until Tue 24 Nov 2026 11:00 GMT" in dump(
        bot.command("hours")["blocks"])
    assert bot.command("resume")["text"].startswith("Resumed: 1 held alert will be posted")
    bot.desk.deliver()
    assert bot.desk.posted()[-1]["metadata"]["event_payload"]["mention_id"] == held
    assert [r.actor for r in bot.audit_rows("pause")] == [MODERATOR]
    assert [r.actor for r in bot.audit_rows("resume")] == [MODERATOR]
    assert "`/feedwatch pause`:" in bot.command("pause for ever")["text"]


def test_reveal_shows_the_values_privately_and_audits_without_them(bot: Bot) -> None:
    text = "my number is 07700 900123 thanks"
    mid = bot.desk.ingest(text, flag(PERSONAL_INFO, rule="personal_info.phone",
                                     evidence="07700 900123", span=(13, 25)))
    bot.desk.deliver()
    [alert] = bot.desk.posted()
    assert "07700" not in dump(alert)
    from bot.slack import action_ids

    refused = bot.click(action_ids.REVEAL_PI, str(mid), user=OUTSIDER)
    assert "only moderators" in refused["text"] and "07700" not in refused["text"]
    answer = bot.click(action_ids.REVEAL_PI, str(mid))
    assert answer["response_type"] == "ephemeral" and answer["replace_original"] is False
    assert "• phone number: `07700 900123`" in answer["text"]
    [row] = bot.audit_rows("reveal_pi")
    assert row.actor == MODERATOR and row.mention_id == mid
    assert row.detail == {"kinds": ["phone number"], "count": 1}
    assert "07700" not in dump(row.detail)


def test_home_tab_is_published_with_numbers_queue_and_hours(bot: Bot) -> None:
    bot.desk.ingest("slow", flag(COMPLAINT), handle="pat")
    bot.desk.deliver()
    assert bot.event({"type": "app_home_opened", "user": MODERATOR, "channel": "D0MOD",
                      "tab": "home", "event_ts": "1700000000.000100"}) == 200
    bot.wait(lambda: MODERATOR in bot.slack.home_views)
    home = dump(bot.slack.home_views[MODERATOR]["blocks"])
    assert "open until 17:00" in home and "*Mentions:* 1" in home
    assert "Pat (@pat)" in home
    assert bot.event({"type": "app_home_opened", "user": OUTSIDER, "channel": "D0VIS",
                      "tab": "home", "event_ts": "1700000000.000200"}) == 200
    bot.wait(lambda: OUTSIDER in bot.slack.home_views)
    outsider = dump(bot.slack.home_views[OUTSIDER]["blocks"])
    assert "moderators only" in outsider and "@pat" not in outsider
