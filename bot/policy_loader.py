"""Loads the trust's policy file for the running bot (policy/ itself does no I/O)."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from bot.config import Settings
from policy import PolicyEngine, bundled_policy_path, load_policy
from policy.decision import Context, Decision

log = logging.getLogger(__name__)


def read_engine(path: Path | None = None) -> PolicyEngine:
    """Read and compile a policy file (the bundled one by default)."""
    path = path or bundled_policy_path()
    return PolicyEngine(load_policy(path.read_text(encoding="utf-8"), str(path)))


class PolicyHolder:
    """The engine currently in force; swapped whole, so a classification never sees half
    an edit."""

    def __init__(self, engine: PolicyEngine, path: Path | None = None) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self.path = path

    @classmethod
    def from_settings(cls, settings: Settings) -> PolicyHolder:
        engine = read_engine(settings.policy_file)
        log.info("policy %s loaded from %s", engine.version,
                 settings.policy_file or "the bundled policy")
        return cls(engine, settings.policy_file)

    @property
    def engine(self) -> PolicyEngine:
        with self._lock:
            return self._engine

    def replace(self, engine: PolicyEngine) -> None:
        with self._lock:
            self._engine = engine

    def classify(self, text: str, context: Context | None = None) -> Decision:
        return self.engine.classify(text, context)
