"""Graph API versions and the dates Meta retires them, from Meta's changelog
(developers.facebook.com/docs/graph-api/changelog/versions, "Available Graph API versions",
read December 2026). Meta announces a version's end two years after it releases the next one;
a version not yet dated here is dated "TBD" there. Update this table when Meta publishes more.
"""

from __future__ import annotations

from datetime import date, timedelta

from bot.core.config import DEFAULT_GRAPH_VERSION

DEFAULT_VERSION = DEFAULT_GRAPH_VERSION  # the current version (released 29 July 2026)
WARN_BEFORE = timedelta(days=90)

EXPIRES: dict[str, date | None] = {
    "v26.0": None,  # TBD
    "v25.0": date(2028, 7, 29),
    "v24.0": date(2028, 2, 18),
    "v23.0": date(2027, 10, 8),
    "v22.0": date(2027, 5, 20),
    "v21.0": date(2027, 1, 21),
    "v20.0": date(2026, 9, 24),
    "v19.0": date(2026, 5, 21),
    "v18.0": date(2026, 1, 26),
    "v17.0": date(2025, 9, 12),
}


def version_problem(version: str, today: date) -> tuple[bool, str] | None:
    """(expired, what to say) when the configured version is past or within 90 days of its
    end, or unknown to this table; None when it is fine."""
    if version not in EXPIRES:
        number = version.lstrip("v").split(".")[0]
        if number.isdigit() and int(number) > int(DEFAULT_VERSION[1:].split(".")[0]):
            return None  # newer than this table: Meta has not dated its end yet
        return True, (f"Graph {version} is not a version Meta still serves (oldest known here: "
                      f"{min(EXPIRES, key=lambda v: int(v[1:].split('.')[0]))})")
    ends = EXPIRES[version]
    if ends is None:
        return None
    if today >= ends:
        return True, f"Graph {version} was retired by Meta on {ends:%d %B %Y}"
    if today >= ends - WARN_BEFORE:
        return False, (f"Graph {version} will be retired by Meta on {ends:%d %B %Y} "
                       f"({(ends - today).days} days)")
    return None


FIX = (f"Set FACEBOOK_GRAPH_VERSION to a current version ({DEFAULT_VERSION} is the newest "
       "feedwatch knows), after reading Meta's changelog for that version's changes.")
