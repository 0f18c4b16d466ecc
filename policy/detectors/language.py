"""Posts in a language the policy cannot read are flagged so a person reads them.

The policy's word lists are English: a post in Polish or Welsh would otherwise pass with no
flags, as if it had been checked. The engine reads the language first (policy.language,
from the platform's tag or the detector) and leaves the Reading in the analysis notes.
"""

from __future__ import annotations

from policy.detectors.base import Analysis, Hit
from policy.language import Reading

RULES = ("unread_language.not_english",)
PHRASES: dict[str, tuple[str, ...]] = {}
READING = "language"  # key of the Reading in Analysis.notes


def detect(a: Analysis) -> list[Hit]:
    reading = a.notes.get(READING)
    if not isinstance(reading, Reading) or reading.english:
        return []
    how = "by the platform's language tag" if reading.source == "platform" else "detected"
    return [Hit("unread_language.not_english", note=f"{reading.name}, {how}", confidence=1.0)]
