"""The scheduled policy reload: picks up the comms team's edits, refuses broken ones loudly."""

from __future__ import annotations

import logging

from bot.alerts import admin
from bot.runtime.services import Services
from bot.store import audit

log = logging.getLogger(__name__)


def reload_policy(services: Services) -> str:
    """Check the policy file once; returns the outcome (unchanged, reloaded, invalid...)."""
    result = services.policy.reload_if_changed()
    now = services.clock.now()
    if result.status == "reloaded":
        log.info("policy %s loaded from %s", result.version, services.policy.path)
        with services.db.session() as s:
            audit.append(s, at=now, actor=audit.SYSTEM_ACTOR, action="policy_reloaded",
                         detail={"file": str(services.policy.path)},
                         policy_version=result.version)
    elif result.status in ("invalid", "unreadable"):
        current = services.policy.engine.version
        log.error("the edited policy was not accepted; still using policy %s:\n%s", current,
                  result.error)
        with services.db.session() as s:
            admin.raise_alert(
                s, f"policy-{result.status}:{result.version}",
                "The edited policy file was not accepted",
                f"{result.error}\n\nfeedwatch is still using the last good policy ({current}).",
                f"Fix the file and save it again; `feedwatch policy check {services.policy.path}`"
                " lists every problem with its line.",
                services.settings.admin_channel, now)
    return result.status
