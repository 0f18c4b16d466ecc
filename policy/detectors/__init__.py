"""The detectors, in the order they run (slur statuses from hate are read by later ones;
care reads whether feedback found plain praise)."""

from __future__ import annotations

from types import ModuleType

from policy.detectors import (
    abuse,
    care,
    commerce,
    content,
    crisis,
    crisis_languages,
    defamation,
    feedback,
    hate,
    language,
    links,
    media,
    personal_info,
    slurs,
    violence,
)

DETECTORS: tuple[ModuleType, ...] = (
    hate, violence, abuse, defamation, content, commerce, personal_info, links, crisis,
    feedback, care, media, crisis_languages, language,
)
# Modules that contribute phrases without a detect() of their own in DETECTORS.
PHRASE_SOURCES: tuple[ModuleType, ...] = (*DETECTORS, slurs)

BUILTIN_RULES: frozenset[str] = frozenset(r for d in DETECTORS for r in d.RULES)
