"""Words about mental health and feelings, tagged MH for the detectors that ask whether a post
is someone telling of their own distress. Not extendable by the trust: which posts count as
distress decides what is kept quiet in them, so it is part of the safety rules."""

from __future__ import annotations

from policy.wordlists import words

PHRASES: dict[str, tuple[str, ...]] = {
    "MH": words("mental_health_context", extendable=False),
}
