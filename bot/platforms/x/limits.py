"""X's answers that are not a simple "wait 15 minutes": the plan's usage cap, and a 200 that
carries only `errors`.

Usage cap: when a project's Post reads for the period are used up, X answers 429 with a
problem of type `.../2/problems/usage-capped` (title "UsageCapExceeded", `period` "Monthly" or
"Daily", recorded in xdevplatform/xdk issue #25), while its x-rate-limit headers still show
requests remaining. Waiting for the rate-limit reset does not help: a person must raise the
plan's spending limit or wait for the cap to reset, so one admin alert says so.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

import requests

from bot.platforms.base import PollWarning, RateLimited, SourceError

USAGE_CAPPED = "usage-capped"


def _body(response: requests.Response | None) -> dict[str, Any]:
    try:
        body = response.json() if response is not None else {}
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def usage_cap(response: requests.Response | None, account: str, what: str,
              now: datetime) -> RateLimited | None:
    """The RateLimited to raise when this 429 is X's usage cap, else None (a rate limit)."""
    body = _body(response)
    if not str(body.get("type", "")).endswith("/" + USAGE_CAPPED):
        return None
    period = str(body.get("period") or "Monthly").capitalize()
    tomorrow = datetime.combine((now.astimezone(UTC) + timedelta(days=1)).date(), time(),
                                tzinfo=UTC)
    if period == "Daily":
        resets = f"It resets at the end of the day: feedwatch tries again at {tomorrow:%H:%M} " \
                 f"UTC on {tomorrow:%d %B %Y}."
        key = f"x-usage-cap:{account}:daily:{now:%Y-%m-%d}"
    else:
        resets = ("It resets at the start of the project's next billing cycle (the day is "
                  "shown in the X Developer Console, under Usage); until then feedwatch tries "
                  f"once a day, next at {tomorrow:%H:%M} UTC on {tomorrow:%d %B %Y}.")
        key = f"x-usage-cap:{account}:monthly:{now:%Y-%m}"
    detail = str(body.get("detail") or "Usage cap exceeded")[:200]
    warning = PollWarning(
        key=key,
        title=f"X plan's {period.lower()} usage cap reached: account {account} is not polled",
        body=(f"X refused {what} for {account} because the plan's {period.lower()} cap on Post "
              f"reads is used up ({detail}). Mentions and messages sent meanwhile are not "
              f"lost while X still returns them, but none are fetched until then. {resets}"),
        fix="Raise the spending limit (or buy credits) in the X Developer Console, or wait for "
            "the reset; meanwhile read the account's mentions in the X app.",
    )
    return RateLimited(tomorrow, f"(X usage cap, {period.lower()})", warning)


def errors_only(payload: dict[str, Any], account: str, what: str) -> SourceError | None:
    """A 200 answer with `errors` and neither `data` nor `meta` is a failure (the account is
    suspended, or the configured user id is wrong), never "no new mentions"."""
    errors = payload.get("errors")
    if not errors or "data" in payload or "meta" in payload:
        return None
    first = errors[0] if isinstance(errors, list) and isinstance(errors[0], dict) else {}
    detail = str(first.get("detail") or first.get("title") or "an error")[:300]
    return SourceError(
        f"X answered {what} for account {account} with an error and no data: {detail}",
        needs_person=True,
        fix="Check that the account's user_id in FEEDWATCH_ACCOUNTS is the trust's account "
            "(`feedwatch check` prints the id the tokens belong to) and that X has not "
            "suspended or locked it (sign in to X as the account).",
    )
