"""`feedwatch check` for one X account: the tokens are the account's, the app's permission
(X's `x-access-level` header) includes direct messages, and whether X lets this access level
block (remembered in the database, so alerts offer Block only where X allows it)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import requests

from bot.core.config import XAccount
from bot.platforms.x.actions import XWriter
from bot.store import access
from bot.store.db import Database

log = logging.getLogger(__name__)

# X's app permissions, as its `x-access-level` response header names them.
DMS_PERMITTED = "read-write-directmessages"
PERMISSION_FIX = ("In the X developer portal, set the app's User authentication settings to "
                  "\"Read and write and Direct message\", then regenerate this account's access "
                  "token and secret (old tokens keep the old permission) and update "
                  "FEEDWATCH_ACCOUNTS.")


@dataclass
class XIdentity:
    user: dict[str, Any]
    access_level: str  # "" when X sent no header


def whoami(writer: XWriter) -> XIdentity:
    """GET /2/users/me through tweepy, keeping the response headers (return_type=dict drops
    them); raises tweepy's exceptions."""
    response: requests.Response = writer.client.request("GET", "/2/users/me", user_auth=True)
    body = response.json() if response.content else {}
    user = (body or {}).get("data") or {}
    return XIdentity(user, response.headers.get("x-access-level", ""))


def permission_problem(level: str) -> str | None:
    if level == DMS_PERMITTED:
        return None
    shown = level or "not stated"
    return (f"the app's permission is {shown!r}: direct messages are not permitted, so DMs "
            "cannot be read and authors cannot be told why privately")


def learn_block(writer: XWriter, account: XAccount, db: Database | None,
                now: datetime) -> str:
    """Probe Block (read-only) and remember the answer; the words for the check line."""
    probed = writer.probe("block")
    if probed is None:
        return "Block: X did not say whether this access level allows it (asked again later)"
    ok, _why = probed
    if db is not None:
        try:
            with db.session() as s:
                access.record(s, account.name, access.X_BLOCK, ok, _why, now)
        except Exception:  # the database line of the check says what is wrong with it
            log.exception("could not remember X Block access for %s", account.name)
    if ok:
        return "Block: allowed"
    return "Block: not included in this access level (error 453), so alerts offer Mute instead"

