"""The demo scenario end to end: the real bot, the fakes, every mention in exactly one alert."""

from __future__ import annotations

import io

from bot.sandbox.demo import run_demo
from bot.sandbox.scenario import load_scenario


def test_scenario_covers_what_the_demo_promises() -> None:
    s = load_scenario()
    alerted = [i for i in s.items if i.alerted]
    assert len(alerted) >= 30
    kinds = {(i.platform, i.kind) for i in alerted}
    assert ("x", "dm") in kinds and ("facebook", "dm") in kinds
    assert ("facebook", "visitor_post") in kinds
    expected = {c for i in alerted for c in i.expect}
    for category in ("praise", "complaint", "clinical_advice", "crisis", "abuse", "hate",
                     "advertising", "personal_info", "violence"):
        assert category in expected
    assert any(not i.alerted for i in s.items if i.platform == "x")
    assert any(not i.alerted for i in s.items if i.platform == "facebook")


def test_demo_check_passes() -> None:
    out = io.StringIO()
    code = run_demo(check=True, out=out)
    assert code == 0, out.getvalue()
    assert "scenario items and the pile-on as expected" in out.getvalue()
