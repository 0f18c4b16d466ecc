"""What each watched account's API access allows, remembered in the database (platform_access).

Learnt two ways: `feedwatch check` probes it, and a refusal by the platform (X's error 453)
records it. Read when an alert's buttons are chosen, so a button the platform would refuse is
never offered, in any process, after any restart.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.store.schema import PlatformAccessRow

X_BLOCK = "x_block"  # v1.1 blocks/create: refused (453) below the tiers that include it


def record(session: Session, account: str, capability: str, allowed: bool, detail: str,
           now: datetime) -> None:
    row = session.get(PlatformAccessRow, (account, capability))
    if row is None:
        row = PlatformAccessRow(account=account, capability=capability)
        session.add(row)
    row.allowed, row.detail, row.checked_at = allowed, detail[:300], now


def get(session: Session, account: str, capability: str) -> PlatformAccessRow | None:
    return session.get(PlatformAccessRow, (account, capability))


def allowed(session: Session, account: str, capability: str) -> bool | None:
    """True or False as last learnt; None when it was never checked."""
    row = session.get(PlatformAccessRow, (account, capability))
    return None if row is None else row.allowed


# Platform actions that depend on the account's API access, by (platform, action).
_CAPABILITIES = {("x", "block"): X_BLOCK}


def capability_for(platform: str, action: str) -> str | None:
    return _CAPABILITIES.get((platform, action))


def unavailable(session: Session, platform: str, account: str) -> frozenset[str]:
    """Actions not to offer on this account's alerts: those its access is not known to allow
    (never checked counts as not allowed: a button must not promise what X may refuse)."""
    return frozenset(action for (p, action), cap in _CAPABILITIES.items()
                     if p == platform and allowed(session, account, cap) is not True)
