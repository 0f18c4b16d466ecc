"""Hate grammar: who someone is, treated as a fault. Being of a group said to be wrong, a sin
or inhuman ("being gay is a sin"), someone told to be ashamed of their group or trait ("you
should be ashamed of your colour"), and a group said to be good only for serving others.

The group is read from the lists or from its form, like the other grammar rules; the words
must be the writer's own (not quoted, reported to oppose them or negated), and shame the
writer feels about themself ("I was ashamed of being depressed") is not aimed at anyone.
"""

from __future__ import annotations

from policy.detectors.base import Analysis, Hit
from policy.detectors.group_forms import TRAITS
from policy.detectors.group_slots import Group, groups, own_words
from policy.detectors.rulekit import memo
from policy.detectors.scope import negated
from policy.lexicon.groups import RACE

# What being of a group is said to be: wrong, sinful, against nature or humanity.
_FAULT = frozenset({"wrong", "sin", "sinful", "unnatural", "disgusting", "evil", "wicked",
                    "abnormal", "perverted", "perversion", "shameful", "disgrace", "sick",
                    "filthy", "vile", "abomination", "mental", "illness", "disease",
                    "curse", "crime", "anti", "sickness", "against", "gross", "immoral",
                    "degenerate"})
_BEING = frozenset({"being", "be"})
_SHAME = frozenset({"shame", "ashamed", "embarrassed", "disgrace"})
_OF = frozenset({"of", "about", "for", "to", "at"})
_SELF = frozenset({"i", "me", "my", "we", "us", "our", "myself", "im"})
_SERVE = frozenset({"good", "fit", "useful"})
_FEEL = frozenset({"feel", "feels", "felt", "have", "has", "some", "any"})
_POSSESSIVE = frozenset({"your", "their", "his", "her"})
_BODY = frozenset({"body", "skin", "own"})
_DETERMINERS = frozenset({"a", "an", "the", "your", "their", "his", "her", "so", "such"})
# "Being Moldovan", "ashamed of being Congolese": a capitalised adjective of a people.
_PEOPLE_ADJ = ("ian", "ean", "ese", "ish", "an")


def _group_at(a: Analysis, k: int) -> Group | None:
    """A group starting at k: a listed or known group, or a group adjective on its own
    ("being gay", "ashamed of being Moldovan")."""
    g = next((g for g in groups(a) if g[0] == k), None)
    if g is not None:
        return g
    g = next((g for g in a.prefixed("GADJ:") if g[0] == k and not a.doc.quoted[k]), None)
    if g is not None:
        return g
    toks = a.doc.tokens
    if k < len(toks) and k > 0 and a.doc.caps[k] and len(toks[k]) > 4 and (
            toks[k].endswith(_PEOPLE_ADJ)):
        return (k, k + 1, RACE)
    return None


def _group_after(a: Analysis, k: int, reach: int) -> Group | None:
    """A group starting within `reach` tokens after k, past "a", "an", "your", "their"."""
    toks = a.doc.tokens
    j = k
    while j < len(toks) and j <= k + reach:
        g = _group_at(a, j)
        if g is not None:
            return g
        if toks[j] in TRAITS and j > k and toks[k] in _POSSESSIVE:
            return (k, j + 1, TRAITS[toks[j]])  # "ashamed of your (skin) colour"
        if toks[j] not in _DETERMINERS and toks[j] not in _BODY:
            return None
        j += 1
    return None


@memo
def identity_fault(a: Analysis) -> Hit | None:
    """Being of a group called a fault, or someone told to be ashamed of their group.

    Bad: Being gay is a sin
    Bad: Being bisexual is just wrong and unnatural
    Bad: You should be ashamed of being Moldovan
    Bad: She ought to feel shame to be a lesbian
    Bad: Aren't you ashamed of your colour?
    Good: Being gay is nothing to be ashamed of
    Good: I used to be ashamed of being autistic, but the ward team helped me
    Good: It is wrong that being disabled means waiting longer for a bed
    Good: Being Moldovan is not a crime
    Good: Shame on the receptionist for being so rude
    """
    toks = a.doc.tokens
    n = len(toks)
    sents = a.doc.sents
    for i, t in enumerate(toks):
        if t in _BEING and i + 1 < n:
            g = _group_after(a, i + 1, 2)
            if g is None or (i > 0 and toks[i - 1] in _OF | {"for"}) or g[1] >= n:
                continue
            k = g[1]
            if toks[k] not in ("is", "was", "=", "s"):
                continue
            end = min(n, k + 7)
            fault = next((j for j in range(k + 1, end)
                          if toks[j] in _FAULT and sents[j] == sents[k]), None)
            if fault is not None and own_words(a, fault) and own_words(a, i):
                return Hit("hate.identity_fault", i, fault + 1, 0.8, note=g[2])
        if t in _SHAME:
            hit = _ashamed(a, i)
            if hit is not None:
                return hit
    return None


def _ashamed(a: Analysis, i: int) -> Hit | None:
    """"(You should be) ashamed of being X / of your X / to be X", not of oneself."""
    toks = a.doc.tokens
    n = len(toks)
    lo = a.sentence_range(a.doc.sents[i])[0]
    if _SELF.intersection(toks[lo:i]) or not _own_shame(a, i, lo):
        return None
    if toks[i] in ("shame", "disgrace") and (i == 0 or toks[i - 1] not in _FEEL):
        return None  # "shame on the receptionist", "shame about the results": not shaming
    k = i + 1
    if k >= n or toks[k] not in _OF:
        return None
    k += 1
    if k < n and toks[k] in _BEING:
        k += 1
    g = _group_after(a, k, 2)
    if g is None or a.doc.sents[g[0]] != a.doc.sents[i]:
        return None
    return Hit("hate.identity_fault", i, g[1], 0.75, note=g[2])


def _own_shame(a: Analysis, i: int, lo: int) -> bool:
    """The shame at i is the writer's demand: not quoted or reported, and not negated
    unless the negation is a question's ("aren't you ashamed ..."). The shame word is
    itself a word of condemnation, so condemnation does not make it counter-speech here."""
    toks = a.doc.tokens
    if a.doc.quoted[i] or any(s < i for s, _ in a.in_sent("REPORT", a.doc.sents[i])):
        return False
    asked = lo < i and toks[lo] in ("are", "is", "were", "was") and "not" in toks[lo : lo + 3]
    return asked or not negated(a, i)


@memo
def only_good_for(a: Analysis) -> Hit | None:
    """A group said to be good for nothing but serving others, or for nothing at all.

    Bad: Moldovan women are only good for cleaning
    Bad: Pansexuals are good for nothing
    Bad: Women are good only for cooking and cleaning
    Good: The Moldovan nurse was good for my dad, he trusted her
    Good: Women are good at spotting when something is wrong on the ward
    Good: The new wheelchair users' ramp is only good for the side entrance
    """
    toks = a.doc.tokens
    n = len(toks)
    for g in groups(a):
        k = g[1]
        if k < n and toks[k] in ("are", "r", "were"):
            k += 1
        if k + 1 >= n:
            continue
        seq = toks[k : k + 3]
        only = (seq[:2] == ["only", "good"] or seq[:2] == ["only", "fit"]
                or (seq[0] in _SERVE and seq[1:2] == ["only"]))
        nothing = seq[0] == "good" and seq[1:3] == ["for", "nothing"]
        if (only or nothing) and own_words(a, k):
            end = k + (3 if nothing else 2)
            return Hit("hate.only_good_for", g[0], end, 0.8, note=g[2])
    return None


RULE_FUNCTIONS = (identity_fault, only_good_for)
