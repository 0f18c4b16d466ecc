"""feedwatch's policy: the trust's social media policy as data, and a pure engine applying it.

    policy = load_policy(bundled_policy_path().read_text(), "policy.yaml")
    engine = PolicyEngine(policy)
    decision = engine.classify("text of a post", Context(platform="x", kind="mention"))

Nothing here reads files (except `bundled_policy_path`, which only names one), opens
connections or reads the clock; the bot loads, reloads and OCRs.
"""

from __future__ import annotations

from policy.decision import Context, Decision, Flag
from policy.engine import PolicyEngine
from policy.loader import bundled_policy_path, check_policy, load_policy, policy_version
from policy.model import Category, Policy, PolicyError, PolicyProblem, Rule, ServiceNumber

__all__ = [
    "Category",
    "Context",
    "Decision",
    "Flag",
    "Policy",
    "PolicyEngine",
    "PolicyError",
    "PolicyProblem",
    "Rule",
    "ServiceNumber",
    "bundled_policy_path",
    "check_policy",
    "load_policy",
    "policy_version",
]
