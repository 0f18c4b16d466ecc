"""Loads the trust's policy file for the running bot (policy/ itself does no I/O), and
reloads it when the comms team edits it: a bad edit never replaces the last good policy."""

from __future__ import annotations

import logging
import threading
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.core.config import Settings
from policy import PolicyEngine, PolicyError, bundled_policy_path, load_policy, policy_version
from policy.decision import Context, Decision
from policy.fairness import behaviour_problems
from policy.lexicon.english import load_english

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _english() -> Container[str]:
    return load_english()


@lru_cache(maxsize=4)
def compile_policy(text: str, source: str) -> PolicyEngine:
    """Compile policy text; cached, since an engine is immutable and takes a second to build."""
    return PolicyEngine(load_policy(text, source), english=_english())


def read_engine(path: Path | None = None) -> PolicyEngine:
    """Read and compile a policy file (the bundled one by default)."""
    return compile_policy(*read_source(path))


def read_source(path: Path | None = None) -> tuple[str, str]:
    """A policy file's text and the name its errors are reported under."""
    path = path or bundled_policy_path()
    return path.read_text(encoding="utf-8"), str(path)


@dataclass(frozen=True)
class ReloadResult:
    status: str  # unchanged | reloaded | invalid | unreadable
    version: str = ""
    error: str = ""


class PolicyHolder:
    """The engine currently in force; swapped whole, so a classification never sees half
    an edit."""

    def __init__(self, engine: PolicyEngine, path: Path | None = None,
                 source: tuple[str, str] | None = None) -> None:
        """`source`: the text and name the engine was compiled from, so that a worker process
        (bot/ingest/classify_pool.py) can compile the same policy; None: no worker can."""
        self._engine = engine
        self._source = source
        self._lock = threading.Lock()
        self.path = path

    @classmethod
    def from_settings(cls, settings: Settings) -> PolicyHolder:
        """The policy to start with. A trust file edited while the bot was stopped is held to
        the same checks as a live edit; with no last good policy to keep, it stops the start."""
        source = read_source(settings.policy_file)
        engine = compile_policy(*source)
        if settings.policy_file is not None:
            problems = behaviour_problems(engine, source[0])
            if problems:
                raise PolicyError(str(settings.policy_file), problems)
        log.info("policy %s loaded from %s", engine.version,
                 settings.policy_file or "the bundled policy")
        return cls(engine, settings.policy_file, source)

    @property
    def engine(self) -> PolicyEngine:
        with self._lock:
            return self._engine

    @property
    def current(self) -> tuple[PolicyEngine, tuple[str, str] | None]:
        """The engine in force and the source it was compiled from, read together."""
        with self._lock:
            return self._engine, self._source

    def replace(self, engine: PolicyEngine, source: tuple[str, str] | None = None) -> None:
        with self._lock:
            self._engine, self._source = engine, source

    def classify(self, text: str, context: Context | None = None) -> Decision:
        return self.engine.classify(text, context)

    def reload_if_changed(self) -> ReloadResult:
        """Re-read the trust's policy file; swap it in only if it changed and is valid."""
        if self.path is None:
            return ReloadResult("unchanged", self.engine.version)
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            return ReloadResult("unreadable", policy_version(""), f"{self.path}: {exc}")
        version = policy_version(text)
        if version == self.engine.version:
            return ReloadResult("unchanged", version)
        try:
            engine = compile_policy(text, str(self.path))
        except PolicyError as exc:
            return ReloadResult("invalid", version, str(exc))
        # Valid is not enough: an edit that breaks a rule's examples or would remove fair
        # criticism is refused the same way, and the last good policy stays in force.
        problems = behaviour_problems(engine, text)
        if problems:
            return ReloadResult("invalid", version,
                                "\n".join(p.format(str(self.path)) for p in problems))
        self.replace(engine, (text, str(self.path)))
        return ReloadResult("reloaded", version)
