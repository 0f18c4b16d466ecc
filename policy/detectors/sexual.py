"""Sexual content: explicit words, sexual remarks aimed at a person, and offers or requests of
sexual images or contact. Sexual health, abuse disclosures, side effects of medication and
identity are not sexual content."""

from __future__ import annotations

import regex

from policy.detectors import rulekit
from policy.detectors.base import Analysis, Hit
from policy.detectors.hate import counter_speech
from policy.detectors.pairing import blocked, paired
from policy.wordlists import words

CATEGORY = "sexual"
PHRASES: dict[str, tuple[str, ...]] = {
    "SEX": words("sexual_explicit"),
    "SEX_ASK": words("sexual_solicitation"),
    "SEX_SAFE": words("sexual_safe"),
    "SEX_BODY": words("sexual_body"),
    "SEX_WANT": words("sexual_desire"),
    "SEX_QUAL": words("sexual_qualifier"),
    "SEX_CONTENT": words("sexual_content"),
}
_SAFE = ("SEX_SAFE", "REPORT")
# Emoji that carry the meaning when words are left out ("come sit on my 🍆").
_EMOJI = regex.compile("[\U0001F346\U0001F4A6\U0001F351\U0001F51E]")


def explicit(a: Analysis) -> Hit | None:
    """Explicit sexual words or references to pornography, or sexual emoji with a call to act.

    Bad: So horny tonight, who wants to help me out
    Bad: hot vids 🔞 come sit on my 🍆
    Good: Where is the sexual health clinic?
    Good: Can't orgasm since starting fluoxetine, should I ask to switch?
    """
    for s, e in a.get("SEX"):
        if not blocked(a, s, _SAFE) and not counter_speech(a, s):
            return Hit("sexual.explicit", s, e, 0.85)
    marks = list(_EMOJI.finditer(a.text))
    if marks and (len(marks) >= 2 or a.get("SEX_WANT") or a.get("SEX_QUAL")
                  or a.get("SEX_BODY")) and not a.get("SEX_SAFE"):
        return Hit("sexual.explicit", chars=marks[0].span(), confidence=0.7)
    return None


def advances(a: Analysis) -> Hit | None:
    """Sexual remarks or desire aimed at a person: wanting to see someone naked, in bed or
    undressed ("I'd take the one on the left to bed").

    Bad: I want to see the physio naked, she's so sexy
    Bad: Those legs in the photo, I bet she's amazing in bed
    Good: Our ward sister is a beautiful soul
    Good: My mum was left naked on a commode with the curtains open, no dignity at all
    """
    found = paired(a, "SEX_WANT", ("SEX_BODY",), _SAFE, 10)
    return Hit("sexual.advances", *found, 0.75) if found else None


def solicitation(a: Analysis) -> Hit | None:
    """Asking for or offering sexual images, content or contact.

    Bad: Send nudes
    Bad: Private sexy photo sets £20, PayPal, message me
    Good: Please send me the leaflet
    Good: Revenge porn was posted of me and it's destroyed my mental health
    """
    for s, e in a.get("SEX_ASK"):
        if not blocked(a, s, _SAFE, window=2):
            return Hit("sexual.solicitation", s, e, 0.85)
    found = paired(a, "SEX_QUAL", ("SEX_CONTENT",), _SAFE, 3)
    return Hit("sexual.solicitation", *found, 0.75) if found else None


RULE_FUNCTIONS = (explicit, advances, solicitation)
RULES = rulekit.rule_ids(CATEGORY, RULE_FUNCTIONS)


def detect(a: Analysis) -> list[Hit]:
    return rulekit.run(a, RULE_FUNCTIONS)
