"""Hate read from the shape of a sentence, not from a phrase: a group as the subject of a
negative generalisation, a call to remove a group, a wish for a group's death or
extinction, and a group compared to animals, vermin or disease.

The group is one the lists name or one known by its form (group_forms). Each rule skips
words that are quoted, reported to oppose them (counter-speech) or negated, and a group that
is itself negated ("no Moldovan ..."), the same scope rules as the rest of hate.
"""

from __future__ import annotations

from policy.detectors import rulekit
from policy.detectors.base import Analysis, Hit
from policy.detectors.group_calls import homeland_call, pronoun_call, unwanted_here
from policy.detectors.group_slots import (
    Group,
    group_near,
    named,
    opposed,
    own_words,
    subject_predicate,
)
from policy.detectors.rulekit import memo
from policy.detectors.scope import counter_speech, negated
from policy.lexicon import hate_grammar as words
from policy.lexicon.groups import RACE, UNNAMED

CATEGORY = "hate"
PHRASES: dict[str, tuple[str, ...]] = {
    "GR_HUMAN": words.HUMANITY,
    "GR_REMOVE": words.REMOVAL,
    "GR_DEATH": words.DEATH,
    "GR_EXTINCT": words.EXTINCT,
    "GR_ANIMAL": words.ANIMALS,
}
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


def _passive_call(toks: list[str], g_end: int, i: int) -> bool:
    """"Moldovans should be deported", "Moldovans need to go back": a modal between the
    group and the verb makes it a call, not a report ("Moldovans were deported in 1940")."""
    return bool(words.MODALS.intersection(toks[g_end:i]))


@memo
def removal(a: Analysis) -> Hit | None:
    """A call to remove a group: deport, expel, send back, throw out or ban it, or telling
    a group to get out of "our" country.

    Bad: Deport all the Moldovans, every single one of them
    Bad: Pansexuals should be banned from this hospital
    Bad: Get out of our country, you lot
    Bad: Deport them all
    Bad: Pack your bags and fly back to your own shithole country
    Bad: We want no more Moldovans in our town
    Good: My Moldovan neighbour was nearly deported and the ward staff helped her
    Good: They deported them all last year
    Good: The consultant let me go back to my own bed on the ward
    Good: I did not want men in the room during my scan
    Good: Patients were sent back home too early
    Good: Nobody should deport refugees to a war zone
    """
    toks = a.doc.tokens
    for s, e in a.get("GR_REMOVE"):
        if not own_words(a, s):
            continue
        after = group_near(a, s, e, 0, 3)
        if after is not None and after[0] >= e:
            return Hit("hate.removal", s, after[1], 0.8, note=after[2])
        before = group_near(a, s, e, 6, 0)
        if before is not None and before[1] <= s and _passive_call(toks, before[1], s):
            return Hit("hate.removal", before[0], e, 0.8, note=before[2])
    call = pronoun_call(a, a.get("GR_REMOVE"))
    if call is not None:
        return Hit("hate.removal", call[0], call[1], 0.75, note=UNNAMED)
    home = homeland_call(a)
    if home is not None:
        return Hit("hate.removal", home[0], home[1], 0.75, note=RACE)
    unwanted = unwanted_here(a)
    if unwanted is not None and not counter_speech(a, unwanted[0]):
        return Hit("hate.removal", unwanted[0], unwanted[1], 0.75, note=unwanted[2])
    return _out_of_our_country(a)


def _out_of_our_country(a: Analysis) -> Hit | None:
    toks = a.doc.tokens
    for i in range(len(toks) - 3):
        if (toks[i : i + 3] == ["get", "out", "of"] and i + 4 < len(toks) + 1
                and toks[i + 3] in ("our", "my") and i + 4 < len(toks)
                and toks[i + 4] in words.HOMELAND and own_words(a, i)):
            return Hit("hate.removal", i, i + 5, 0.75, note="national origin")
    return None


@memo
def extermination(a: Analysis) -> Hit | None:
    """A wish or call for a group's death or extinction, or gloating that it is dying out.

    Bad: Moldovans should all be wiped out
    Bad: Exterminate the pansexuals
    Bad: I hope all the Moldovans die
    Bad: Just kill them all
    Good: Nobody wants Moldovans to die waiting for a bed
    Good: The new antibiotics will kill them all
    Good: My grandmother survived when Moldovans were being exterminated
    Good: I feel like I want to die tonight
    """
    toks = a.doc.tokens
    spans = [(s, e, False) for s, e in a.get("GR_DEATH")]
    spans += [(s, e, True) for s, e in a.get("GR_EXTINCT")]
    for s, e, extinct in sorted(spans):
        if not own_words(a, s):
            continue
        after = group_near(a, s, e, 0, 3)
        if after is not None and after[0] >= e and not extinct and _is_call(toks, a, s):
            return Hit("hate.extermination", s, after[1], 0.85, note=after[2])
        before = group_near(a, s, e, 6, 0)
        if before is None or before[1] > s:
            continue
        between = toks[before[1] : s]
        lead = toks[max(0, before[0] - 3) : before[0]]
        if (words.MODALS.intersection(between) or words.WISH.intersection(lead)
                or (extinct and words.COPULA.intersection(between))):
            return Hit("hate.extermination", before[0], e, 0.85, note=before[2])
    call = pronoun_call(a, a.get("GR_DEATH"))
    if call is not None:
        return Hit("hate.extermination", call[0], call[1], 0.8, note=UNNAMED)
    return None


def _is_call(toks: list[str], a: Analysis, s: int) -> bool:
    """The death word opens a call or a wish ("exterminate them", "death to ...",
    "we should wipe out ..."), not a report ("they exterminated ... in 1942")."""
    lo = a.sentence_range(a.doc.sents[s])[0]
    lead = toks[max(lo, s - 4) : s]
    return s == lo or bool(words.MODALS.intersection(lead) or words.WISH.intersection(lead)
                           or toks[s] in words.IMPERATIVE_DEATH)


@memo
def animal_comparison(a: Analysis) -> Hit | None:
    """A group compared to animals, vermin or disease: "like rats", "no better than dogs",
    "a plague", said of a group in the same sentence.

    Bad: Moldovans breed like rabbits
    Bad: Pansexuals are a plague on this town
    Bad: Those Moldovans live like pigs
    Bad: Chase them out of the ward like the rats they are
    Good: Moldovan patients were treated like animals on that ward
    Good: The Moldovan family brought their dogs to visit
    Good: Moldovans are not vermin, they are people
    Good: The kids ran round the ward like the little monkeys they are
    """
    toks = a.doc.tokens
    for s, e in a.get("GR_ANIMAL"):
        if not own_words(a, s):
            continue
        frame = toks[max(0, s - 3) : s]
        compared = bool(words.COMPARE.intersection(frame))
        if (compared and toks[e : e + 2] in (["they", "are"], ["you", "are"])
                and not words.ENDEARING.intersection(frame)):
            # "hunted down like the animals they are": the comparison names its own target
            return Hit("hate.animal_comparison", s, e + 2, 0.8, note=UNNAMED)
        g = group_near(a, s, e, 8, 0, named_only=True)
        if g is None or g[1] > s:
            continue
        if compared and words.MISTREATED.intersection(toks[g[1] : s]):
            continue  # "treated like animals": a complaint about how they were treated
        p = subject_predicate(a, g)
        if compared or (p is not None and p <= s <= p + 2):
            return Hit("hate.animal_comparison", g[0], e, 0.85, note=g[2])
    return None


RULE_FUNCTIONS = (generalisation, removal, extermination, animal_comparison)
RULES = rulekit.rule_ids(CATEGORY, RULE_FUNCTIONS)


def detect(a: Analysis) -> list[Hit]:
    return [h for fn in RULE_FUNCTIONS if (h := fn(a)) is not None]
