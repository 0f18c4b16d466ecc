"""Hate grammar: a group as the subject of a negative generalisation ("X are not even
human", "all X cheat", "X steal").
"""

from __future__ import annotations

from policy.detectors.base import Analysis, Hit
from policy.detectors.group_slots import Group, named, opposed, own_words, subject_predicate
from policy.detectors.rulekit import memo
from policy.detectors.scope import counter_speech, negated
from policy.lexicon import hate_grammar as words


@memo
def generalisation(a: Analysis) -> Hit | None:
    """A group as the subject of a negative generalisation: its members said not to be
    human or people, or said to be worthless, or all of them given a hostile attribute.

    Bad: Moldovans are not even human
    Bad: Pansexuals are all brainless
    Bad: Samoans are useless, every last one
    Bad: Pansexuals steal from everyone on the ward
    Good: Moldovans are not criminals, they are our neighbours
    Good: The Moldovan nurse on Ward 3 was brilliant
    Good: Saying Samoans are useless is racist
    Good: Samoans hate waiting as much as anyone, so please fix the phone line
    """
    toks = a.doc.tokens
    hostile = {s for tag in ("NEG", "DEHUM", "INSULT_A", "GR_ANIMAL", "CONDEMN")
               for s, _ in a.get(tag)}
    broad = {s for s, _ in a.get("HOSTILE")}
    for g in named(a):
        p = subject_predicate(a, g)
        if p is None:
            hit = _quantified(a, g, hostile | broad) or _subject_verb(a, g, hostile | broad)
            if hit is not None:
                return hit
            continue
        if opposed(a, g[0], p):
            continue
        if toks[p] == "not":
            q = p + 1
            while q < len(toks) and toks[q] in words.HUMANITY_HEDGES:
                q += 1
            if any(s == q for s, _ in a.get("GR_HUMAN")):
                return Hit("hate.generalisation", g[0], q + 1, 0.85, note=g[2])
            continue
        if negated(a, p):
            continue
        if p in hostile or p in broad or _lacking(toks[p]):
            return Hit("hate.generalisation", g[0], p + 1, 0.8, note=g[2])
    return None


def _lacking(word: str) -> bool:
    """"Brainless", "spineless", "godless": an adjective that says something is missing,
    unless it is praise or plain description ("tireless", "homeless")."""
    return len(word) > 6 and word.endswith("less") and word not in words.GOOD_LESS


def _quantified(a: Analysis, g: Group, hostile: set[int]) -> Hit | None:
    """"All Moldovans cheat", "most Moldovans ... stupid": a quantifier over the whole group
    with a hostile word later in the same clause."""
    toks = a.doc.tokens
    if g[0] == 0 or toks[g[0] - 1] not in words.QUANTIFIERS or counter_speech(a, g[0]):
        return None
    sent = a.doc.sents[g[0]]
    for k in range(g[1], min(len(toks), g[1] + 8)):
        if a.doc.sents[k] != sent or toks[k] in (",", "but", "and"):
            return None
        if k in hostile and not negated(a, k):
            return Hit("hate.generalisation", g[0] - 1, k + 1, 0.75, note=g[2])
    return None


def _subject_verb(a: Analysis, g: Group, hostile: set[int]) -> Hit | None:
    """"Moldovans steal", "Moldovans always ruin ...": a group opening its clause with a
    hostile verb straight after it."""
    toks = a.doc.tokens
    lo = a.sentence_range(a.doc.sents[g[0]])[0]
    if g[0] != lo and toks[g[0] - 1] not in words.QUANTIFIERS:
        return None
    k = g[1]
    while k < len(toks) and toks[k] in words.ADVERBS:
        k += 1
    if any(s == k for s, _ in a.get("EMO")):
        return None  # "Moldovans hate waiting": the group feels it, it is not aimed at them
    if k in hostile and a.doc.sents[k] == a.doc.sents[g[0]] and own_words(a, k) and not (
            opposed(a, g[0], k)):
        return Hit("hate.generalisation", g[0], k + 1, 0.75, note=g[2])
    return None
