"""Profanity: swearing, not when a person tells of their own distress or in a long story."""

from __future__ import annotations

from policy.detectors import rulekit
from policy.detectors.base import FIRST_PERSON, Analysis, Hit, distress_context
from policy.detectors.hate import counter_speech
from policy.lexicon import cues

CATEGORY = "profanity"
PHRASES: dict[str, tuple[str, ...]] = {
    "PROF": cues.PROFANITY_STRONG,
    "PROF_MILD": cues.PROFANITY_MILD,
}
_INSULT_WORDS = frozenset(cues.INSULT_NOUNS) | {w + "s" for w in cues.INSULT_NOUNS}


def _swearing(a: Analysis, tag: str) -> tuple[int, int] | None:
    doc = a.doc
    slurs = a.notes.get("slurs", {})
    # Swearing while telling of one's own distress or feelings is not a reason to hide a
    # post ("I'm so fucking low"); swearing about a service or at a person still is.
    distress = distress_context(a) or (
        bool(FIRST_PERSON.intersection(doc.tokens)) and bool(a.get("MH") or a.get("CRISIS_WEAK"))
    )
    toks = doc.tokens
    swears = len(a.get("PROF")) + len(a.get("PROF_MILD"))
    for s, e in a.get(tag):
        if s in slurs or doc.quoted[s] or counter_speech(a, s):  # type: ignore[operator]
            continue
        aimed = (e < len(toks) and toks[e] in ("you", "u", "off")) or (
            toks[s] in _INSULT_WORDS and "you" in toks[max(0, s - 3): s])
        # Undirected swearing inside a long personal story is not what the rule is for;
        # short posts, dense swearing and swearing at someone are.
        storytelling = len(toks) > 60 and swears < 3
        # One mild swear word ("that's shit") is not a reason to hide a post; strong
        # swearing, repeated swearing or swearing at someone is.
        lone_mild = tag == "PROF_MILD" and swears < 2 and toks[s] not in _INSULT_WORDS
        if not aimed and (distress or storytelling or lone_mild):
            a.notes["suppressed_profanity"] = True
            continue
        return s, e
    return None


def strong(a: Analysis) -> Hit | None:
    """Strong swear words (the f-word, the c-word and their disguises).

    Bad: This parking situation is f*cking ridiculous
    Good: I'm so fucking depressed and anxious tonight
    """
    found = _swearing(a, "PROF")
    return Hit("profanity.strong", *found, 0.95) if found else None


def mild(a: Analysis) -> Hit | None:
    """Milder swearing, repeated or used as an insult, when no strong swearing fired.

    Bad: The car park is shite and the food is crap
    Good: Honestly the parking here is shite
    """
    if _swearing(a, "PROF") is not None:
        return None
    found = _swearing(a, "PROF_MILD")
    return Hit("profanity.mild", *found, 0.8) if found else None


RULE_FUNCTIONS = (strong, mild)
RULES = rulekit.rule_ids(CATEGORY, RULE_FUNCTIONS)


def detect(a: Analysis) -> list[Hit]:
    return rulekit.run(a, RULE_FUNCTIONS)
