"""Who is doing what: whether the poster is the one selling, seeking, carrying or offering, or
is telling of someone else's act in order to get help with it, to warn, or to say it was
reported or punished, or is telling a story of the past or of someone made to do it.

Shared by the content categories (illegal, weapons, sexual): the same words ("selling weed",
"carrying a knife", "nudes") are a post to remove when the poster does the act and a post to
answer when a worried parent, a victim or a bystander tells of it.
"""

from __future__ import annotations

import regex

from policy.detectors.base import Analysis
from policy.wordlists import words

PHRASES: dict[str, tuple[str, ...]] = {
    "HELP_ASK": words("help_ask"),
    "WORRY": words("worry"),
    "HANDLED": words("handled"),
    "PAST_FRAME": words("past_frame"),
    "COERCED": words("coerced"),
    "WARN": words("warn"),
    "LEGAL_ASK": words("legal_ask"),
}
# Cues that the post tells of an act rather than doing it.
CUES = ("HELP_ASK", "WORRY", "WARN", "HANDLED", "PAST_FRAME", "COERCED", "LEGAL_ASK")
# Asking, fearing, warning and reporting only: "she made me so horny" is no victim's story and
# "when I was 18" no past given up, so sexual posts are read with these.
ASKING = ("HELP_ASK", "WORRY", "WARN", "HANDLED")
# A film or a series (tagged by the defamation detector's list) too: a character's act. Only
# for detectors whose own safe words do not already cover films and games, since "been
# watching videos on how to print a gun" is a plan of the poster's, not a drama.
WITH_FICTION = (*CUES, "FICTION")
# The poster's own act: the verbs of trading, carrying and offering, tagged by the content
# detectors' lists.
_ACTS = ("TRADE", "CARRY", "SALE_STRONG", "DEAL_ACT")
_FIRST = frozenset({"i", "we", "im", "ive", "ill"})
# Between the poster and the verb: "I am still selling", "we will be bringing", "I've got".
_AUX = frozenset({"am", "is", "are", "will", "ll", "can", "have", "has", "do", "still", "always",
                  "now", "also", "just", "be", "going", "to", "gonna", "could", "would", "m",
                  "ve", "been", "usually", "sometimes", "even", "only", "currently", "happily"})
# Verbs already done: with a time long past they tell a story ("when I was 16 I sold").
_PAST_VERBS = frozenset({"sold", "brought", "bought", "took", "kept", "carried", "had", "made",
                         "dealt", "traded", "got"})
# Buying for one's own use, told by someone who cannot stop, is a habit to get help with.
_BUYING = frozenset({"buying", "buy", "bought", "getting", "score", "scoring"})
_HOOKED = regex.compile(r"\b(?:addicted|addiction|hooked|dependent|can'?t\s+stop|cannot\s+stop|"
                        r"can\s+not\s+stop)\b", regex.IGNORECASE)
# The poster's way to be reached, which makes a post an offer whatever else it says.
_CONTACT = regex.compile(
    r"\b(?:dm|pm|inbox|message|text|snap|whatsapp)\s+(?:me|us)\b|\bdm\s+for\b|\bhmu\b|"
    r"\bhit\s+me\s+up\b|\bdrop\s+me\s+a\b|\bserious\s+buyers\b|\bcash\s+only\b|\bno\s+questions\b",
    regex.IGNORECASE)


def poster_is_doer(a: Analysis, s: int) -> bool:
    """The act at token `s` has the poster as its doer, now or to come: a first-person
    subject before it across only auxiliaries, and not a past act in a post set in the past."""
    toks, sents = a.doc.tokens, a.doc.sents
    j = s - 1
    while j >= 0 and sents[j] == sents[s] and toks[j] in _AUX and s - j <= 5:
        j -= 1
    if j < 0 or sents[j] != sents[s] or toks[j] not in _FIRST:
        return False
    if toks[max(0, s - 2):s] == ["used", "to"]:
        return False
    if toks[s] in _BUYING and _HOOKED.search(a.text):
        return False
    return not (toks[s] in _PAST_VERBS or toks[s].endswith("ed")) or not a.get("PAST_FRAME")


def poster_acts(a: Analysis) -> bool:
    """The poster offers, sells, seeks or carries: a way to reach them, or a first-person act."""
    if _CONTACT.search(a.text):
        return True
    return any(poster_is_doer(a, s) for tag in _ACTS for s, _e in a.get(tag)
               if not a.doc.quoted[s])


def telling(a: Analysis, cues: tuple[str, ...] = CUES) -> bool:
    """The post tells of an act (asks for help with it, fears it, says it was reported or
    punished, sets it in the past, tells of someone made to do it, or of a character) and the
    poster does nothing of the kind themselves."""
    if not any(a.get(tag) for tag in cues):
        return False
    return not poster_acts(a)
