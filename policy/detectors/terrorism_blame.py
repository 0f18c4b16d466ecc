"""Praise and justification said in other ways than "X was a hero": blame put on those
attacked ("they brought it on themselves"), praise given through a pronoun a sentence after
the attacker is named ("now I see they were soldiers"), and respect paid to whoever did an
attack ("respect to the lad who drove into the crowd"), and attackers named by the place of
their attack ("the Finsbury Park attacker").

Each function returns a token span or None; terrorism.py turns them into rule hits.
"""

from __future__ import annotations

from policy.detectors.base import Analysis
from policy.detectors.terrorism_scope import SAFE, blocked, counter_speech

Span = tuple[int, int]
# What ties blame or praise to terrorism: an attack, an attacker or a group named in the post.
_ATTACK_NAMED = ("TERROR_EVENT", "TERROR_AGENT", "TERROR_GROUP", "TERROR_ORG")
# The words an extremist uses for those attacked; "the staff got what they deserved" names
# no attack and no such people.
_ENEMY = frozenset({"kuffar", "kafir", "kafirs", "infidels", "crusaders", "unbelievers"})
_CARE = frozenset({"victims", "survivors", "injured", "wounded", "treated", "paramedics",
                   "nurses", "doctors", "families", "bereaved"})
_PRONOUNS = frozenset({"he", "they", "she"})
_COPULA = frozenset({"is", "was", "were", "are"})
_RELATIVE = frozenset({"who", "that", "whoever"})
_DETERMINERS = frozenset({"the", "a", "an", "that", "this", "those", "these", "our", "their"})


def _named(a: Analysis, tags: tuple[str, ...]) -> list[int]:
    return [s for tag in tags for s, _e in a.get(tag) if not blocked(a, s, SAFE)]


def blames_attacked(a: Analysis) -> Span | None:
    """"The mosque shooting was understandable, they brought it on themselves", "the kuffar
    at the market got what they deserved": those attacked blamed for the attack."""
    toks = a.doc.tokens
    for s, e in a.get("TERROR_BLAME"):
        if blocked(a, s, SAFE) or counter_speech(a, s):
            continue
        if _named(a, _ATTACK_NAMED) or _ENEMY.intersection(toks) or _crowd_at_place(a):
            return s, e
    return None


def _crowd_at_place(a: Analysis) -> bool:
    """"The victims at the mosque", "those people at the concert": people named by the place
    they were attacked in."""
    toks = a.doc.tokens
    for s, _e in a.get("ATTACK_PLACE"):
        j = s - 1
        while j > 0 and toks[j] in ("the", "that", "this"):
            j -= 1
        if (j > 0 and toks[j] in ("at", "in") and not blocked(a, s, SAFE)
                and {"victims", "people", "those", "everyone"}.intersection(toks[max(0, j - 4):j])):
            return True
    return False


def praise_by_pronoun(a: Analysis) -> Span | None:
    """"I used to think the men who bombed the Arena were monsters. Now I see they were
    soldiers": a praising word said of "he" or "they" in a sentence after the one naming an
    attacker or an attack. A post about those hurt or those who cared for them is theirs."""
    toks, sents = a.doc.tokens, a.doc.sents
    if _CARE.intersection(toks):
        return None
    named = _named(a, _ATTACK_NAMED) + [s for s, _e in a.get("ATTACK_DONE")]
    if not named:
        return None
    first = min(named)
    for s, e in a.get("TERROR_PRAISE"):
        j = s - 1
        while j >= 0 and toks[j] in ("a", "an", "the", "true", "real", "brave", "just"):
            j -= 1
        if (j >= 1 and toks[j] in _COPULA and toks[j - 1] in _PRONOUNS
                and sents[j - 1] > sents[first] and not blocked(a, s, SAFE)
                and not counter_speech(a, s)):
            return j - 1, e
    return None


def backs_doer(a: Analysis) -> Span | None:
    """"Respect to the lad who drove into the crowd", "proud of the brother who blew himself
    up at the checkpoint": backing given to whoever did an attack, named by what they did."""
    toks = a.doc.tokens
    for s, e in a.get("TERROR_BACK"):
        if blocked(a, s, SAFE) or counter_speech(a, s):
            continue
        for k in range(e, min(len(toks) - 1, e + 5)):
            if toks[k] in _RELATIVE and a.near("ATTACK_DONE", k + 1, k + 2, 0, 1):
                return s, k + 2
    return None


def named_agent(a: Analysis, start: int) -> Span | None:
    """An attacker named by the place or the name of the attack: "the Finsbury Park
    attacker", "that synagogue shooter". Words between the determiner and the attacker must
    be capitalised names or places, so "the families of the attacker" is not the attacker."""
    toks, caps = a.doc.tokens, a.doc.caps
    places = {i for s, e in a.get("ATTACK_PLACE") for i in range(s, e)}
    agents = {s: (s, e) for s, e in a.get("TERROR_AGENT")}
    i = start
    while i < len(toks) and toks[i] in _DETERMINERS:
        i += 1
    k = i
    while k < len(toks) and k <= i + 3 and a.doc.sents[k] == a.doc.sents[start]:
        if k in agents:
            return agents[k] if k > i else None
        if not (caps[k] or k in places):
            return None
        k += 1
    return None
