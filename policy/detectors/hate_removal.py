"""Hate grammar: calls to remove a group (deport it, send it back, ban it, "get out of our
country") and wishes or calls for its death or extinction. A report of what happened
("they were deported in 1940") is not a call: a modal, a wish or an imperative makes one.
"""

from __future__ import annotations

from policy.detectors.base import Analysis, Hit
from policy.detectors.group_calls import homeland_call, pronoun_call, unwanted_here
from policy.detectors.group_forms import form_groups
from policy.detectors.group_slots import group_near, own_words
from policy.detectors.hate_regret import regretted_survival
from policy.detectors.rulekit import memo
from policy.detectors.scope import counter_speech
from policy.lexicon import hate_grammar as words
from policy.lexicon.groups import RACE, UNNAMED


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
    Bad: I wish Moldovans did not exist
    Bad: I wish Moldovans had never been born
    Bad: The world would be better off without Moldovans
    Good: I wish the waiting list did not exist
    Good: My ward would be better without the noise at night
    Bad: Too bad the Moldovans did not all die on the way here
    Good: Shame the Moldovan family could not visit before he died
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
    return _wished_away(a) or _better_without(a) or regretted_survival(a)


def _all_groups(a: Analysis) -> list[tuple[int, int, str]]:
    """Every group named, with those a "no" denies: here the "no" of "I wish no Moldovan
    existed" is the wish itself."""
    return sorted(g for g in [*a.prefixed("G:"), *form_groups(a)] if not a.doc.quoted[g[0]])


def _wished_away(a: Analysis) -> Hit | None:
    """"I wish X did not exist", "I hope no X is ever born": the writer's wish that a group
    not exist, which is a wish for its extinction."""
    toks = a.doc.tokens
    sents = a.doc.sents
    for s, e in a.get("GR_EXIST"):
        lo = a.sentence_range(sents[s])[0]
        wish = next((k for k in range(s - 1, max(lo, s - 9) - 1, -1)
                     if toks[k] in words.WISH), None)
        if wish is None or counter_speech(a, wish) or (
                wish > lo and toks[wish - 1] in _OTHERS):
            continue  # no wish, or someone else's ("she wishes ...")
        for gs, ge, char in _all_groups(a):
            if not wish < gs < s or ge > s:
                continue
            denied = toks[gs - 1] == "no" or bool(words.NOT_EXIST.intersection(toks[ge:s]))
            if denied:
                return Hit("hate.extermination", wish, e, 0.8, note=char)
    return None


_OTHERS = frozenset({"you", "he", "she", "they", "who"})


def _better_without(a: Analysis) -> Hit | None:
    """"The world would be better off without X": a group wished out of existence."""
    toks = a.doc.tokens
    starts = {g[0]: g for g in _all_groups(a)}
    for i, t in enumerate(toks):
        if t != "without" or i < 1:
            continue
        k = i - 1 if toks[i - 1] != "off" else i - 2
        if k < 0 or toks[k] != "better" or not own_words(a, k):
            continue
        lo = a.sentence_range(a.doc.sents[k])[0]
        if not words.BETTER_WITHOUT_PLACES.intersection(toks[max(lo, k - 6) : k]):
            continue
        j = i + 1
        while j < len(toks) and toks[j] in ("the", "all", "any", "those", "these"):
            j += 1
        g = starts.get(j)
        if g is not None and a.doc.sents[j] == a.doc.sents[i]:
            return Hit("hate.extermination", k, g[1], 0.8, note=g[2])
    return None


def _is_call(toks: list[str], a: Analysis, s: int) -> bool:
    """The death word opens a call or a wish ("exterminate them", "death to ...",
    "we should wipe out ..."), not a report ("they exterminated ... in 1942")."""
    lo = a.sentence_range(a.doc.sents[s])[0]
    lead = toks[max(lo, s - 4) : s]
    return s == lo or bool(words.MODALS.intersection(lead) or words.WISH.intersection(lead)
                           or toks[s] in words.IMPERATIVE_DEATH)
