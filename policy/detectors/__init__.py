"""The detectors, in the order they run (slur statuses from hate are read by later ones;
care reads whether feedback found plain praise)."""

from __future__ import annotations

import re
import sys
from types import ModuleType

import regex

from policy.detectors import (
    abuse,
    advertising,
    advertising_speech,
    care,
    context,
    crisis,
    crisis_languages,
    defamation,
    feedback,
    financial_gain,
    hate,
    illegal,
    language,
    links,
    media,
    pairing,
    personal_info,
    profanity,
    sexual,
    slurs,
    stance,
    terrorism,
    terrorism_acts,
    violence,
    weapons,
)
from policy.prefilter import prefiltered
from policy.wordlists import WordList

DETECTORS: tuple[ModuleType, ...] = (
    hate, violence, abuse, defamation, profanity, sexual, weapons, terrorism, illegal,
    advertising, financial_gain, personal_info, links, crisis, feedback, care, media,
    crisis_languages, language,
)
# Modules that contribute phrases without a detect() of their own in DETECTORS.
PHRASE_SOURCES: tuple[ModuleType, ...] = (*DETECTORS, slurs, context, pairing, stance,
                                          terrorism_acts, advertising_speech)

BUILTIN_RULES: frozenset[str] = frozenset(r for d in DETECTORS for r in d.RULES)

# Every packaged word list the detectors read through the phrase matcher, by name.
WORD_LISTS: dict[str, WordList] = {
    wl.name: wl for m in PHRASE_SOURCES for wl in m.PHRASES.values() if isinstance(wl, WordList)
}


def _prefilter_patterns() -> None:
    """Put every detector module's compiled patterns behind a first look at the words they
    cannot match without (policy.prefilter): most run over every post's whole text, and most
    posts hold none of those words. Done here, for every module of the package, so a pattern
    added later is covered without anyone remembering to."""
    for name, module in list(sys.modules.items()):
        if not name.startswith(__name__ + "."):
            continue
        for attr, value in list(vars(module).items()):
            if isinstance(value, (re.Pattern, regex.Pattern)):
                setattr(module, attr, prefiltered(value))


_prefilter_patterns()
