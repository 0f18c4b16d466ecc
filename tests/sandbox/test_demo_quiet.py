"""The demo starts without noise: no spike alert (no week of history), no weekly report for
an empty week, and the clock controls do not read as outages in the morning digest."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.sandbox.standin.runtime import StandIn


@pytest.fixture
def standin(tmp_path: Path) -> Iterator[StandIn]:
    with StandIn(tmp_path, port=0, play=True, wave_pause=0.2, poll_seconds=0.5) as s:
        yield s


def kinds(s: StandIn) -> list[str]:
    return [str(((m.get("metadata") or {}).get("event_payload") or {}).get("kind") or "message")
            for m in s.sandbox.fake_slack.messages(s.sandbox.channel)]


def digests(s: StandIn) -> list[dict[str, Any]]:
    return [m for m in s.sandbox.fake_slack.messages(s.sandbox.channel)
            if ((m.get("metadata") or {}).get("event_payload") or {}).get("kind") == "digest"]


def test_the_demo_day_has_no_spike_report_or_outage_noise(standin: StandIn) -> None:
    deadline = time.monotonic() + 30
    while kinds(standin).count("mention") < 30 and time.monotonic() < deadline:
        standin.poller.wait_rounds(1)
    standin.controls.pile_on()
    standin.poller.wait_rounds(3)
    assert kinds(standin).count("mention") >= 30 and "storm" in kinds(standin)
    standin.controls.out_of_hours()
    standin.poller.wait_rounds(3)
    standin.controls.office_opens()
    standin.poller.wait_rounds(4)
    assert "spike" not in kinds(standin)
    # The weekly report would be a plain message with a file; the only plain messages are the
    # reminders for crisis and threat alerts nobody took (they have waited since yesterday).
    plain = [m.get("text", "") for m in standin.sandbox.fake_slack.messages(
        standin.sandbox.channel) if not (m.get("metadata") or {}).get("event_payload")]
    assert all(t.startswith(":rotating_light: <!here> this ") for t in plain), plain
    assert standin.sandbox.fake_slack.files_list() == []
    morning = str(digests(standin)[-1]["blocks"])
    assert "Tue 17:00 – Wed 09:00" in morning
    assert "not running" not in morning and "not polled" not in morning
    assert "still failing" not in morning
