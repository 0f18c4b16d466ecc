"""Sexual content: explicit words, sexual remarks aimed at a person, and offers or requests of
sexual images or contact.

Read by kind rather than by word. Vulgar and pornographic words count anywhere except in a
report; plain words about sex count only outside a health, care, education or safety context
(sex after a birth, orgasm on an antidepressant, a sexual-safety policy); everyday body and
bed words count only beside desire and a come-on; a contact ("check my profile") counts only
in a post that also says something sexual. A post that reports, condemns or asks for help
with sexual behaviour (a patient exposing himself, unwanted pictures) is never flagged.
"""

from __future__ import annotations

import regex

from policy.detectors import rulekit, stance
from policy.detectors.base import Analysis, Hit
from policy.detectors.pairing import blocked, paired
from policy.wordlists import words

CATEGORY = "sexual"
PHRASES: dict[str, tuple[str, ...]] = {
    "SEX": words("sexual_explicit"),
    "SEX_ACT": words("sexual_act"),
    "SEX_ASK": words("sexual_solicitation"),
    "SEX_CHANNEL": words("sexual_channel"),
    "SEX_SAFE": words("sexual_safe"),
    "SEX_CARE": words("sexual_care"),
    "SEX_REPORT": words("sexual_report"),
    "SEX_BODY": words("sexual_body"),
    "SEX_BODY_WEAK": words("sexual_body_weak"),
    "SEX_WANT": words("sexual_desire"),
    "SEX_QUAL": words("sexual_qualifier"),
    "SEX_CONTENT": words("sexual_content"),
    "SEX_FLIRT": words("sexual_flirt"),
    "SEX_PLATFORM": words("sexual_platform"),
    "SEX_INVITE": words("sexual_invite"),
}
_SAFE = ("SEX_SAFE",)
# Emoji that carry the meaning when words are left out ("come sit on my 🍆").
_EMOJI = regex.compile("[\U0001F346\U0001F4A6\U0001F351\U0001F51E]")
# The adults-only sign beside pictures, videos or a way to reach the poster.
_ADULT = regex.compile("\U0001F51E")
# Emoji of a come-on (a kiss, a wink, a devil grin): sexual only beside something sexual.
_FLIRT_EMOJI = regex.compile("[\U0001F48B\U0001F618\U0001F608\U0001F60F]")
# "I'd ruin her", "I would have him": a first-person wish done to a person ("I'd" is
# read as "i would").
_WISH = frozenset({"would", "wanna"})
_PERSON = frozenset({"her", "him", "them", "you", "the", "that", "every", "those"})
_SEX_VERBS = frozenset({"fuck", "shag", "bonk", "screw", "ride", "ruin", "have", "do", "smash"})


def _reported(a: Analysis) -> bool:
    """The post tells of sexual words or behaviour to report, condemn or get help with: a
    parent asking what to do about what their child was sent, someone warning others."""
    return bool(a.get("SEX_REPORT")) or stance.telling(a, stance.ASKING)


def _care(a: Analysis) -> bool:
    """The post talks about sex as a patient, parent or service does."""
    return bool(a.get("SEX_CARE")) or bool(a.get("SEX_SAFE"))


def _come_on(a: Analysis) -> bool:
    """Something in the post marks it as a come-on: an emoji, a flirt, a sexual qualifier."""
    return bool(_EMOJI.search(a.text) or _FLIRT_EMOJI.search(a.text) or a.get("SEX_FLIRT")
                or a.get("SEX_QUAL"))


def _free(a: Analysis, tag: str) -> tuple[int, int] | None:
    """The first span not quoted, negated or condemned ("disgusting" beside it). Reported
    speech is left to SEX_REPORT: "just saying" or "she said" does not report sexual words."""
    for s, e in a.get(tag):
        if not blocked(a, s, _SAFE) and not a.in_sent("CONDEMN", a.doc.sents[s]):
            return s, e
    return None


def _sexual_signal(a: Analysis) -> bool:
    """Anything in the post that is sexual on its own."""
    return bool(_free(a, "SEX") or (_free(a, "SEX_ACT") and not _care(a))
                or a.get("SEX_QUAL") or a.get("SEX_BODY") or a.get("SEX_FLIRT")
                or _EMOJI.search(a.text) or _FLIRT_EMOJI.search(a.text))


def explicit(a: Analysis) -> Hit | None:
    """Explicit sexual words or references to pornography, or sexual emoji with a call to act.

    Bad: So horny tonight, who wants to help me out
    Bad: hot vids 🔞 come sit on my 🍆
    Good: Where is the sexual health clinic?
    Good: How long after my c-section can I have sex again?
    Good: A patient was masturbating in the day room and the nurses handled it calmly
    Good: My 13 year old has been watching porn on his phone, what should I do?
    Good: She graduated magna cum laude and now she's a consultant
    """
    if _reported(a):
        return None
    found = _free(a, "SEX")
    if found is None and not _care(a):
        found = _free(a, "SEX_ACT")
    if found is not None:
        return Hit("sexual.explicit", *found, 0.85)
    marks = list(_EMOJI.finditer(a.text))
    if marks and (len(marks) >= 2 or _FLIRT_EMOJI.search(a.text) or a.get("SEX_WANT")
                  or a.get("SEX_FLIRT") or a.get("SEX_QUAL") or a.get("SEX_BODY")) \
            and not _care(a):
        return Hit("sexual.explicit", chars=marks[0].span(), confidence=0.7)
    return None


def _wish_at_person(a: Analysis) -> tuple[int, int] | None:
    """"I'd ruin her", "I'd fuck the lady": a first-person wish with a sex verb or aimed at a
    person, in a post that also names a body or marks a come-on."""
    toks = a.doc.tokens
    for i, tok in enumerate(toks):
        if tok not in _WISH or (tok == "would" and (i == 0 or toks[i - 1] != "i")):
            continue
        verb = toks[i + 1] if i + 1 < len(toks) else ""
        target = toks[i + 2] if i + 2 < len(toks) else ""
        if verb in ("fuck", "shag", "bonk") and target in _PERSON:
            return i, i + 3
        if verb in _SEX_VERBS and target in ("her", "him") and (a.get("SEX_BODY") or _come_on(a)):
            return i, i + 3
    return None


def advances(a: Analysis) -> Hit | None:
    """Sexual remarks or desire aimed at a person: wanting to see someone naked, in bed or
    undressed ("I'd take the one on the left to bed 😏").

    Bad: I want to see the physio naked, she's so sexy
    Bad: Those legs in the photo 😏 I bet she's wild in bed
    Good: Our ward sister is a beautiful soul
    Good: I bet she's glad to be back in her own bed after three weeks on the ward
    Good: My mum was left naked on a commode with the curtains open, no dignity at all
    Bad: Any hot nurses want to come to my room tonight? 😏
    Good: Come round to mine for a cuppa after group, all welcome
    """
    if _reported(a):
        return None
    found = paired(a, "SEX_WANT", ("SEX_BODY",), _SAFE, 10)
    if found is None and _come_on(a) and not _care(a):
        found = paired(a, "SEX_WANT", ("SEX_BODY_WEAK",), _SAFE, 10)
    if found is None:
        found = _wish_at_person(a)
    if found is None and _come_on(a) and not _care(a):
        found = _free(a, "SEX_INVITE")
    return Hit("sexual.advances", *found, 0.75) if found else None


# Words that make a paid-content site the poster's plug: theirs, or pushed at the reader.
_PLUG = frozenset({"my", "our", "subscribe", "sub", "subs", "check", "link", "bio", "dm", "join",
                   "follow", "preview", "inbox", "message", "page"})


def _platform_plug(a: Analysis) -> tuple[int, int] | None:
    """A paid-content site named as the poster's own or pushed at the reader ("my OnlyFans",
    "subscribe", "DM me"), or beside anything sexual; "OnlyFans creators need support too" and
    "her OnlyFans paid for her therapy" talk about it."""
    toks, sents = a.doc.tokens, a.doc.sents
    for s, e in a.get("SEX_PLATFORM"):
        if blocked(a, s, _SAFE):
            continue
        lo, hi = a.sentence_range(sents[s])
        if _PLUG.intersection(toks[lo:hi]) or _come_on(a) or _sexual_signal(a):
            return s, e
    return None


def solicitation(a: Analysis) -> Hit | None:
    """Asking for or offering sexual images, content or contact.

    Bad: Send nudes
    Bad: Private sexy photo sets £20, PayPal, message me
    Bad: Lonely girl looking for fun 💋 click my bio
    Good: Please send me the leaflet
    Good: Check my profile for the link to our ward fundraiser
    Good: Revenge porn was posted of me and it's destroyed my mental health
    Bad: Only fans girl, DM me for a free preview
    Bad: Selling videos of me and my wife, DM for prices 🔞
    Good: OnlyFans creators deserve mental health support like anyone else
    """
    if _reported(a):
        return None
    for s, e in a.get("SEX_ASK"):
        if not blocked(a, s, _SAFE, window=2):
            return Hit("sexual.solicitation", s, e, 0.85)
    if _care(a):
        return None
    found = _platform_plug(a) or paired(a, "SEX_QUAL", ("SEX_CONTENT",), _SAFE, 3)
    adult = _ADULT.search(a.text)
    if found is None and adult and (a.get("SEX_CONTENT") or a.get("SEX_CHANNEL")):
        return Hit("sexual.solicitation", chars=adult.span(), confidence=0.7,
                   note="adults-only content offered")
    if found is None and _sexual_signal(a):
        found = _free(a, "SEX_CHANNEL")
    return Hit("sexual.solicitation", *found, 0.75) if found else None


RULE_FUNCTIONS = (explicit, advances, solicitation)
RULES = rulekit.rule_ids(CATEGORY, RULE_FUNCTIONS)


def detect(a: Analysis) -> list[Hit]:
    return rulekit.run(a, RULE_FUNCTIONS)
