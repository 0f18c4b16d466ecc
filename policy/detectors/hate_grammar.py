"""Hate read from the shape of a sentence, not from a phrase: a group as the subject of a
negative generalisation, a call to remove a group, a wish for a group's death or
extinction, and a group compared to animals, vermin or disease.

The rules live in hate_generalisation, hate_removal, hate_identity, hate_likened and here
(animal_comparison).
The group is one the lists name or one known by its form (group_forms). Each rule skips
words that are quoted, reported to oppose them (counter-speech) or negated, and a group that
is itself negated ("no Moldovan ..."), the same scope rules as the rest of hate.
"""

from __future__ import annotations

from policy.detectors import rulekit
from policy.detectors.base import Analysis, Hit
from policy.detectors.group_slots import group_near, groups, own_words, subject_predicate
from policy.detectors.hate_generalisation import generalisation
from policy.detectors.hate_identity import identity_fault, only_good_for
from policy.detectors.hate_likened import likened
from policy.detectors.hate_removal import extermination, removal
from policy.detectors.rulekit import memo
from policy.lexicon import hate_grammar as words
from policy.lexicon.groups import UNNAMED

CATEGORY = "hate"
PHRASES: dict[str, tuple[str, ...]] = {
    "GR_HUMAN": words.HUMANITY,
    "GR_REMOVE": words.REMOVAL,
    "GR_DEATH": words.DEATH,
    "GR_EXTINCT": words.EXTINCT,
    "GR_ANIMAL": words.ANIMALS,
    "GR_EXIST": words.EXIST,
}


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
    Bad: Stop the Moldovans coming. They will multiply like rats
    Good: Once the mould got in, it spread like a disease through the ward
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
        if compared and _bred_by_them(toks, s) and groups(a):
            # "Stop the Moldovans coming. They breed like rabbits": people the post names
            # said to multiply as animals do ("they" with no group may be the hamsters)
            return Hit("hate.animal_comparison", s - 2, e, 0.75, note=groups(a)[0][2])
        g = group_near(a, s, e, 8, 0, named_only=True)
        if g is None or g[1] > s:
            continue
        if compared and words.MISTREATED.intersection(toks[g[1] : s]):
            continue  # "treated like animals": a complaint about how they were treated
        p = subject_predicate(a, g)
        if compared or (p is not None and p <= s <= p + 2):
            return Hit("hate.animal_comparison", g[0], e, 0.85, note=g[2])
    return None


def _bred_by_them(toks: list[str], s: int) -> bool:
    """"They breed like ...", "they will multiply like ...": the animal word at s follows
    "like" after a verb of breeding or swarming whose subject is "they"."""
    if s < 3 or toks[s - 1] != "like" or toks[s - 2] not in words.BREEDING:
        return False
    lead = toks[max(0, s - 6) : s - 2]
    return "they" in lead and not words.ENDEARING.intersection(lead)


RULE_FUNCTIONS = (generalisation, removal, extermination, animal_comparison, identity_fault,
                  only_good_for, likened)
RULES = rulekit.rule_ids(CATEGORY, RULE_FUNCTIONS)


def detect(a: Analysis) -> list[Hit]:
    return [h for fn in RULE_FUNCTIONS if (h := fn(a)) is not None]
