"""Shared fixtures: the bundled policy and one engine for the whole session (building the
engine compiles the lexicons once, as the bot does)."""

from __future__ import annotations

import pytest

from policy import Policy, PolicyEngine, bundled_policy_path, load_policy


@pytest.fixture(scope="session")
def policy_text() -> str:
    return bundled_policy_path().read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def policy(policy_text: str) -> Policy:
    return load_policy(policy_text, "policy.yaml")


@pytest.fixture(scope="session")
def engine(policy: Policy) -> PolicyEngine:
    return PolicyEngine(policy)
