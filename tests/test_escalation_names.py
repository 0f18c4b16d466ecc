"""The escalation targets have one set of names: the policy, the settings and the README agree,
so the target a crisis alert suggests is one Escalate can reach."""

from __future__ import annotations

import re
from pathlib import Path

from bot.core.config import ESCALATION_TARGETS
from policy.loader import bundled_policy_path, load_policy

README = Path(__file__).resolve().parents[1] / "README.md"


def test_policy_targets_are_the_settings_targets() -> None:
    policy = load_policy(bundled_policy_path().read_text(encoding="utf-8"))
    assert set(policy.escalation_targets) == set(ESCALATION_TARGETS)
    suggested = {c.escalate_to for c in policy.categories.values() if c.escalate_to}
    assert suggested and suggested <= set(ESCALATION_TARGETS)
    assert policy.categories["crisis"].escalate_to == "on_call_lead"


def test_readme_lists_the_same_target_names() -> None:
    row = next(line for line in README.read_text(encoding="utf-8").splitlines()
               if line.startswith("| `ESCALATION_TARGETS`"))
    named = set(re.findall(r"`([a-z_]+)`", row.split("|")[3]))
    assert named == set(ESCALATION_TARGETS)
