"""The command line, run as a user would: the installed `feedwatch` in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FEEDWATCH = shutil.which("feedwatch", path=str(Path(sys.executable).parent))


def run(
    args: list[str], tmp_path: Path, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("SLACK_", "FEEDWATCH_", "DATABASE_URL"))}
    assert FEEDWATCH, "the feedwatch console script is not installed in this environment"
    return subprocess.run([FEEDWATCH, *args], cwd=tmp_path, input=stdin, capture_output=True,
                          text=True, timeout=120, env={**clean, **env})


@pytest.mark.parametrize("args", [["--help"], ["run", "--help"], ["classify", "--help"],
                                  ["policy", "check", "--help"], ["demo", "--help"],
                                  ["check", "--help"], ["audit", "verify", "--help"],
                                  ["overrides", "export", "--help"]])
def test_help_everywhere(args: list[str], tmp_path: Path) -> None:
    result = run(args, tmp_path)
    assert result.returncode == 0
    assert "usage: feedwatch" in result.stdout


def test_run_without_configuration_names_each_missing_variable(tmp_path: Path) -> None:
    result = run(["run"], tmp_path)
    assert result.returncode == 2
    for var in ("SLACK_BOT_TOKEN", "SLACK_ALERT_CHANNEL", "FEEDWATCH_ACCOUNTS"):
        assert var in result.stderr
    assert not (tmp_path / "var").exists()  # nothing created before validation


def test_check_without_configuration_fails_clearly(tmp_path: Path) -> None:
    result = run(["check"], tmp_path)
    assert result.returncode == 2 and "SLACK_BOT_TOKEN: is not set" in result.stderr


def test_classify_needs_no_configuration_and_works_anywhere(tmp_path: Path) -> None:
    result = run(["classify", "I", "want", "to", "make", "a", "complaint"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "policy version" in result.stdout and "suggested action" in result.stdout


def test_classify_jsonl_one_line_out_per_line_in_in_order(tmp_path: Path) -> None:
    lines = [json.dumps({"id": i, "text": t}) for i, t in enumerate(
        ["Thank you to the team at the hospital", "call me on 07700 900123", "kill yourself"])]
    lines.insert(1, "{broken json")
    lines.insert(3, json.dumps({"id": "no-text"}))
    result = run(["classify", "--jsonl"], tmp_path, stdin="\n".join(lines) + "\n")
    assert result.returncode == 0
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(out) == len(lines)
    assert [o.get("id") for o in out] == [0, None, 1, "no-text", 2]
    assert "error" in out[1] and "error" in out[3]
    for o in (out[0], out[2], out[4]):
        assert set(o) == {"id", "categories", "flags", "action", "suppressed"}
        for f in o["flags"]:
            assert set(f) == {"category", "severity", "rule_id", "evidence"}
    assert "personal_info" in out[2]["categories"]


def test_classify_jsonl_shows_what_crisis_set_aside(tmp_path: Path) -> None:
    text = "I can't go on any more. Fucking hell, all immigrants are vermin."
    result = run(["classify", "--jsonl"], tmp_path,
                 stdin=json.dumps({"id": "c", "text": text}) + "\n")
    assert result.returncode == 0, result.stderr
    (out,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert out["categories"][0] == "crisis" and out["action"] == "escalate"
    assert "hate" in out["categories"]  # kept, behind crisis, for a lead
    assert out["suppressed"] == ["profanity"]


def test_policy_check_accepts_the_bundled_policy(tmp_path: Path) -> None:
    from policy import bundled_policy_path

    result = run(["policy", "check", str(bundled_policy_path())], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK (policy version" in result.stdout


def test_policy_check_names_the_line_of_an_error(tmp_path: Path) -> None:
    from policy import bundled_policy_path

    lines = bundled_policy_path().read_text().splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("severity:"))
    lines[at] = lines[at].split("severity:")[0] + "severity: catastrophic"
    bad = tmp_path / "policy.yaml"
    bad.write_text("\n".join(lines) + "\n")
    result = run(["policy", "check", str(bad)], tmp_path)
    assert result.returncode == 1
    assert f"{bad}:{at + 1}:" in result.stdout, result.stdout
    assert "catastrophic" in result.stdout


def test_python_dash_m_bot_is_run(tmp_path: Path) -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "FEEDWATCH_"))}
    result = subprocess.run([sys.executable, "-m", "bot"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=60, env=clean)
    assert result.returncode == 2 and "SLACK_BOT_TOKEN" in result.stderr


def test_commands_that_only_read_the_database_need_only_database_url(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/fw.db"
    export = run(["subject", "export", "@nobody"], tmp_path, DATABASE_URL=url)
    assert export.returncode == 0, export.stderr
    assert json.loads(export.stdout)["mentions"] == []
    verify = run(["audit", "verify"], tmp_path, DATABASE_URL=url)
    assert verify.returncode == 0, verify.stderr
    assert "audit log: 0 rows checked, chain intact" in verify.stdout
    overrides = run(["overrides", "export"], tmp_path, DATABASE_URL=url)
    assert overrides.returncode == 0 and overrides.stdout == ""
    # Erasing still redacts Slack alerts, so it still needs the whole configuration.
    erase = run(["subject", "erase", "@nobody", "--yes"], tmp_path, DATABASE_URL=url)
    assert erase.returncode == 2 and "SLACK_BOT_TOKEN: is not set" in erase.stderr


def test_policy_check_refuses_an_edit_that_would_remove_fair_criticism(tmp_path: Path) -> None:
    from policy import bundled_policy_path
    from tests.ingest.test_policy_fairness_reload import waiting_is_abuse

    edited, line = waiting_is_abuse(bundled_policy_path().read_text())
    bad = tmp_path / "policy.yaml"
    bad.write_text(edited)
    result = run(["policy", "check", str(bad)], tmp_path)
    assert result.returncode == 1, result.stdout
    assert f"{bad}:{line}: the term 'waiting' of rule abuse.insult" in result.stdout
    assert "not accepted" in result.stdout


def test_classify_uses_the_policy_file_the_bot_runs_with(tmp_path: Path) -> None:
    from policy import bundled_policy_path
    from tests.ingest.test_policy_fairness_reload import waiting_is_abuse

    edited, _ = waiting_is_abuse(bundled_policy_path().read_text())
    (tmp_path / "trust.yaml").write_text(edited)
    post = ["classify", "--json", "Still waiting for a callback"]
    plain = json.loads(run(post, tmp_path).stdout)
    trusts = json.loads(run(post, tmp_path, POLICY_FILE=str(tmp_path / "trust.yaml")).stdout)
    assert "abuse" not in plain["categories"] and "abuse" in trusts["categories"]
    assert trusts["policy_version"] != plain["policy_version"]
