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


# Detectors that do not read English words: addresses, numbers, links, media, the crisis
# phrases of other languages, this flag. The trust's own `terms` are kept too (a trust may
# list words of any language).
LANGUAGE_FREE = ("personal_info.", "upsetting_link.", "media_review.", "crisis.other_language",
                 "unread_language.")


def readable_hits(a: Analysis, hits: list[Hit], trust_rules: frozenset[str]) -> list[Hit]:
    """In a post not in English, English word lists match false friends (Polish "od", from,
    read as "OD", overdose): keep only what does not depend on reading English, the trust's
    own terms, and English crisis phrases of two words or more ("kill myself" in a mixed
    post). A person reads the whole post anyway."""
    reading = a.notes.get(READING)
    if not isinstance(reading, Reading) or reading.english:
        return hits
    kept = []
    for h in hits:
        if (h.rule_id.startswith(LANGUAGE_FREE) or h.rule_id in trust_rules
                or (h.rule_id.startswith("crisis.") and h.end - h.start >= 2)):
            kept.append(h)
    dropped = sorted({h.rule_id.split(".")[0] for h in hits if h not in kept})
    if dropped:
        a.notes["not_read"] = dropped
    return kept
