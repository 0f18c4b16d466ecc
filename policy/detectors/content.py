"""Profanity, sexual content, weapons, terrorism and illegal activity.

Each needs more than a word: weapons and drugs count when sold, sought or carried, not when
a post is about knife-crime awareness or a recovery story; terrorism counts when supported,
not when reported.
"""

from __future__ import annotations

from policy.detectors.base import FIRST_PERSON, Analysis, Hit, distress_context
from policy.detectors.hate import counter_speech, negated
from policy.lexicon import content as lex
from policy.lexicon import cues

RULES = ("profanity.strong", "profanity.mild", "sexual.explicit", "sexual.solicitation",
         "weapons.trade", "weapons.carrying", "terrorism.support", "terrorism.recruitment",
         "illegal.drug_supply", "illegal.solicitation")

PHRASES: dict[str, tuple[str, ...]] = {
    "PROF": cues.PROFANITY_STRONG,
    "PROF_MILD": cues.PROFANITY_MILD,
    "MH": lex.MENTAL_HEALTH_CONTEXT,
    "SEX": lex.SEXUAL_EXPLICIT,
    "SEX_ASK": lex.SEXUAL_SOLICITATION,
    "SEX_SAFE": lex.SEXUAL_SAFE,
    "WEAPON": lex.WEAPONS,
    "WEAPON_SAFE": lex.WEAPON_SAFE,
    "TRADE": lex.TRADE,
    "CARRY": lex.CARRY,
    "TERROR_ORG": lex.TERROR_ORGS,
    "TERROR_SUPPORT": lex.TERROR_SUPPORT,
    "TERROR_STRONG": lex.TERROR_STRONG,
    "TERROR_RECRUIT": lex.TERROR_RECRUIT,
    "DRUG": lex.DRUGS,
    "DRUG_SAFE": lex.DRUG_SAFE,
    "ILLEGAL": lex.ILLEGAL_GOODS,
}


def _in_sentence_with(a: Analysis, tag: str, s: int, window: int) -> tuple[int, int] | None:
    for ts, te in a.near(tag, s, s + 1, window, window):
        return (ts, te)
    return None


_INSULT_WORDS = frozenset(cues.INSULT_NOUNS) | {w + "s" for w in cues.INSULT_NOUNS}


def _profanity(a: Analysis) -> list[Hit]:
    doc = a.doc
    slurs = a.notes.get("slurs", {})
    # Swearing while telling of one's own distress or feelings is not a reason to hide a
    # post ("I'm so fucking low"); swearing about a service or at a person still is.
    distress = distress_context(a) or (
        bool(FIRST_PERSON.intersection(doc.tokens)) and bool(a.get("MH") or a.get("CRISIS_WEAK"))
    )
    for tag, rule in (("PROF", "profanity.strong"), ("PROF_MILD", "profanity.mild")):
        for s, e in a.get(tag):
            if s in slurs or doc.quoted[s] or counter_speech(a, s):
                continue
            toks = doc.tokens
            aimed = (e < len(toks) and toks[e] in ("you", "u", "off")) or (
                toks[s] in _INSULT_WORDS and "you" in toks[max(0, s - 3) : s])
            # Undirected swearing inside a long personal story is not what the rule is for;
            # short posts, dense swearing and swearing at someone are.
            swears = len(a.get("PROF")) + len(a.get("PROF_MILD"))
            storytelling = len(toks) > 60 and swears < 3
            # One mild swear word ("that's shit") is not a reason to hide a post; strong
            # swearing, repeated swearing or swearing at someone is.
            lone_mild = tag == "PROF_MILD" and swears < 2 and toks[s] not in _INSULT_WORDS
            if not aimed and (distress or storytelling or lone_mild):
                a.notes["suppressed_profanity"] = True
                continue
            return [Hit(rule, s, e, 0.95 if tag == "PROF" else 0.8)]
    return []


def _paired(a: Analysis, tag: str, partner: str, safe: str, window: int, rule: str,
            conf: float = 0.8) -> list[Hit]:
    doc = a.doc
    for s, e in a.get(tag):
        if doc.quoted[s] or negated(a, s, window=3):
            continue
        if a.in_sent(safe, doc.sents[s]) or a.in_sent("RECOVERY", doc.sents[s]):
            continue
        p = _in_sentence_with(a, partner, s, window)
        if p is not None:
            return [Hit(rule, min(s, p[0]), max(e, p[1]), conf)]
    return []


def detect(a: Analysis) -> list[Hit]:
    doc = a.doc
    hits = _profanity(a)
    sex_safe = {doc.sents[s] for s, _ in a.get("SEX_SAFE")}
    for s, e in a.get("SEX_ASK"):
        if not doc.quoted[s] and not negated(a, s, 2):
            hits.append(Hit("sexual.solicitation", s, e, 0.85))
            break
    for s, e in a.get("SEX"):
        if not doc.quoted[s] and doc.sents[s] not in sex_safe and not counter_speech(a, s):
            hits.append(Hit("sexual.explicit", s, e, 0.85))
            break
    hits += _paired(a, "WEAPON", "TRADE", "WEAPON_SAFE", 6, "weapons.trade")
    if not any(h.rule_id == "weapons.trade" for h in hits):
        hits += _paired(a, "WEAPON", "CARRY", "WEAPON_SAFE", 4, "weapons.carrying", 0.75)
    for s, e in a.get("TERROR_STRONG"):
        if not doc.quoted[s] and not counter_speech(a, s) and not negated(a, s, 3):
            hits.append(Hit("terrorism.support", s, e, 0.85))
            break
    else:
        hits += _paired(a, "TERROR_ORG", "TERROR_SUPPORT", "AWARENESS", 6, "terrorism.support")
    hits += _paired(a, "TERROR_ORG", "TERROR_RECRUIT", "AWARENESS", 8, "terrorism.recruitment")
    hits += _paired(a, "DRUG", "TRADE", "DRUG_SAFE", 6, "illegal.drug_supply")
    for s, e in a.get("ILLEGAL"):
        if not doc.quoted[s] and not negated(a, s, 3) and not counter_speech(a, s):
            hits.append(Hit("illegal.solicitation", s, e, 0.8))
            break
    return hits
