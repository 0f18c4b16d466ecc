"""Revealing masked personal information to a moderator, audited.

Alerts show "[phone number hidden]" where the policy found personal information. A moderator
may ask to see it: the values are shown to them alone (an ephemeral answer) and the audit log
records who saw which kinds of detail on which mention, never the values themselves.
"""

from __future__ import annotations

from typing import Any

from bot.core.clock import Clock
from bot.office.permissions import Permissions
from bot.slack.escape import safe, truncate
from bot.slack.masking import mask_label, pi_flags
from bot.store import audit
from bot.store.db import Database
from bot.store.mentions import load_mention
from policy.decision import Decision

Message = dict[str, Any]


def hidden_values(text: str, decision: Decision) -> list[tuple[str, str]]:
    """(label, value) for each personal detail the alert masks, once each, in text order."""
    found: dict[tuple[str, str], int] = {}
    for flag in pi_flags(decision.flags):
        if flag.span is not None:
            start, end = max(0, flag.span[0]), min(len(text), flag.span[1])
            value, at = text[start:end], start
        else:
            value, at = flag.evidence, text.find(flag.evidence)
        if value.strip():
            label = mask_label(flag).strip("[]").removesuffix(" hidden")
            found.setdefault((label, value), at if at >= 0 else len(text))
    return [pair for pair, _ in sorted(found.items(), key=lambda kv: kv[1])]


def reveal(db: Database, clock: Clock, permissions: Permissions, mention_id: int,
           user: str) -> Message:
    now = clock.now()
    with db.session() as s:
        if not permissions.is_moderator(user):
            audit.append(s, at=now, actor=user, action="permission_denied",
                         mention_id=mention_id, outcome="denied",
                         detail={"action": "reveal_pi"})
            return {"text": "Sorry, only moderators can reveal personal information."}
        loaded = load_mention(s, mention_id)
        if loaded is None:
            return {"text": "That mention is no longer stored (erased), so there is nothing "
                            "to reveal."}
        mention, decision = loaded
        values = hidden_values(mention.text, decision)
        audit.append(s, at=now, actor=user, action="reveal_pi", mention_id=mention_id,
                     detail={"kinds": sorted({label for label, _ in values}),
                             "count": len(values)},
                     policy_version=decision.policy_version)
    if not values:
        return {"text": f"Nothing to reveal on feedwatch #{mention_id} (the text may have "
                        "passed its retention period)."}
    lines = [f"*Personal information in feedwatch #{mention_id}* (shown only to you; "
             "this reveal is recorded in the audit log):"]
    lines += [f"• {safe(label)}: `{truncate(safe(value), 200)}`" for label, value in values]
    return {"text": "\n".join(lines)}
