"""The shapes feedwatch runs in: `run` does everything in one process; `ingest` polls,
classifies, delivers the outbox and runs the scheduled jobs; `serve` answers Slack (buttons,
modals, /feedwatch) and nothing else, so a backlog being classified never slows a click."""

from __future__ import annotations

from typing import Literal

Role = Literal["run", "ingest", "serve"]
RUN: Role = "run"
INGEST: Role = "ingest"
SERVE: Role = "serve"

INGESTS: frozenset[str] = frozenset({RUN, INGEST})  # poll, deliver, scheduled work
SERVES: frozenset[str] = frozenset({RUN, SERVE})  # Slack's requests
