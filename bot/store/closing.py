"""When an alert counts as dealt with: the rule `/feedwatch stats`, the queue and the Home tab
share, and that bot/store/audit.py applies as each action is recorded (alerts.closed_at, 0006).

- a moderator's action is an audit row whose `actor` is a Slack user id (U… or W…) and which
  names a mention; looking (`reveal_pi`, `evidence_pack`) is not acting;
- the *first action* on an alert is a person's earliest, whatever its outcome, refused clicks
  ("denied") excepted;
- an alert is closed by a person's action that succeeded (outcome "ok"), except claiming,
  unclaiming or assigning it.
"""

from __future__ import annotations

import re

SLACK_USER = re.compile(r"^[UW][A-Z0-9]{2,}$")
NOT_ACTIONS = frozenset({"reveal_pi", "evidence_pack"})  # looking, not acting
NOT_CLOSING = frozenset({"claim", "unclaim", "assign", "reveal_pi"})
DONE, DENIED = "ok", "denied"


def is_person(actor: str) -> bool:
    return bool(SLACK_USER.match(actor or ""))


def closes_alert(actor: str, action: str, outcome: str) -> bool:
    return (outcome == DONE and is_person(actor) and action not in NOT_ACTIONS
            and action not in NOT_CLOSING)


def acts(actor: str, action: str, outcome: str) -> bool:
    return outcome != DENIED and is_person(actor) and action not in NOT_ACTIONS
