"""Access and erasure requests: `feedwatch subject export|erase HANDLE`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.cli.main import main
from bot.reports.lookup import history_items
from bot.store import audit
from bot.store.schema import AlertRow, AuditRow, DecisionRow, MentionRow
from policy.categories import ABUSE, COMPLAINT
from tests.office.conftest import UNUSED_X, Desk, flag, local


@pytest.fixture
def cli_env(desk: Desk, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no stray .env
    for var, value in {
        "SLACK_BOT_TOKEN": desk.settings.slack_bot_token.get_secret_value(),
        "SLACK_SIGNING_SECRET": "sandbox-signing-secret",
        "SLACK_ALERT_CHANNEL": desk.alerts, "SLACK_API_URL": f"{desk.slack.url}/api/",
        "FEEDWATCH_ACCOUNTS": json.dumps([UNUSED_X]), "DATABASE_URL": desk.db.url,
    }.items():
        monkeypatch.setenv(var, value)


def seed(desk: Desk) -> tuple[int, int, int]:
    desk.clock.set(local(2026, 11, 24, 10, 0))
    posted = desk.ingest("you idiots", flag(ABUSE), handle="Pat", author_id="77")
    other = desk.ingest("slow replies", flag(COMPLAINT), handle="sam", author_id="88")
    desk.deliver()
    desk.act(posted, "hide")
    desk.clock.set(local(2026, 11, 28, 10, 0))
    held = desk.ingest("and again", flag(ABUSE), handle="pat", author_id="77")
    return posted, other, held


def test_export_lists_everything_about_the_person(
        desk: Desk, cli_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    posted, _, held = seed(desk)
    assert main(["subject", "export", "@PAT"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["subject"] == "@PAT"
    assert sorted(m["feedwatch_id"] for m in doc["mentions"]) == [posted, held]
    first = next(m for m in doc["mentions"] if m["feedwatch_id"] == posted)
    assert first["text"] == "you idiots" and first["author"]["id"] == "77"
    assert first["decisions"][0]["categories"] == [ABUSE]
    assert [a["action"] for a in first["actions"]] == ["hide"]
    assert first["slack_alerts"][0]["state"] == "posted"
    # by platform id, to a file
    out = Path("export.json")
    assert main(["subject", "export", "77", "--out", str(out)]) == 0
    assert len(json.loads(out.read_text())["mentions"]) == 2


def test_erase_removes_their_data_redacts_slack_and_keeps_the_chain(
        desk: Desk, cli_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    posted, other, held = seed(desk)
    slack_ts = desk.alert(posted).ts
    assert main(["subject", "erase", "pat", "--yes"]) == 0
    assert "erased 2 mention(s); Slack alerts redacted: 1 of 1" in capsys.readouterr().out
    with desk.db.session() as s:
        assert s.execute(select(MentionRow.id)).scalars().all() == [other]
        assert s.execute(select(func.count()).select_from(DecisionRow)).scalar_one() == 1
        # the held alert is gone (never posted); the posted one keeps only channel and ts
        alerts = s.execute(select(AlertRow.mention_id, AlertRow.ts)).all()
        assert sorted(alerts, key=str) == sorted([(None, slack_ts),
                                                  (other, desk.alert(other).ts)], key=str)
        count, problems = audit.verify(s)
        assert problems == [] and count >= 2
        row = s.execute(select(AuditRow).where(AuditRow.action == "subject_erased")
                        ).scalar_one()
        assert sorted(row.detail["mention_ids"]) == sorted([posted, held])
        assert row.actor.startswith("cli:")
        assert "pat" not in json.dumps(row.detail).lower()
        assert history_items(s, "@pat", desk.office.hours.tz) == []
    [message] = [m for m in desk.posted() if m["ts"] == slack_ts]
    assert "asked for their data to be erased" in message["text"]
    assert "idiots" not in json.dumps(message)
    desk.clock.set(local(2026, 11, 30, 9, 0))
    desk.office.minute.tick()
    desk.deliver()
    assert "and again" not in json.dumps(desk.posted())


def test_erase_asks_first_and_reports_nothing_found(
        desk: Desk, cli_env: None, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    seed(desk)
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    assert main(["subject", "erase", "pat"]) == 1
    assert "nothing erased" in capsys.readouterr().out
    assert main(["subject", "erase", "nobody"]) == 0
    assert "nothing stored for nobody" in capsys.readouterr().out
    with desk.db.session() as s:
        assert s.execute(select(func.count()).select_from(MentionRow)).scalar_one() == 3
