"""Hate grammar: a person mocked by being likened to a member of a group ("you look like a
Down's syndrome kid", "he sounds like a gay cartoon"), where the group is the insult.

Only the groups people are mocked as (disability, diagnosis, orientation, gender identity)
count, and only when the likeness is said of a person by a pronoun or opens the sentence
("looks like ..."). A clause after "like" ("you look like you have had a rough night",
"it looks like mental health services are stretched") is a guess or a report, not a
likeness, so a verb between the comparison and the group ends it.
"""

from __future__ import annotations

from policy.detectors.base import Analysis, Hit
from policy.detectors.group_slots import own_words
from policy.detectors.rulekit import memo
from policy.lexicon.groups import DIAGNOSIS, DISABILITY, GENDER_REASSIGNMENT, ORIENTATION

_LOOK = frozenset({"look", "looks", "looking", "sound", "sounds", "sounding", "act", "acts",
                   "acting", "walk", "walks", "talk", "talks"})
_PERSON = frozenset({"you", "u", "ya", "he", "she", "they"})
_MOCKED = frozenset({DISABILITY, DIAGNOSIS, ORIENTATION, GENDER_REASSIGNMENT})
# Words that open a clause after "like": the likeness is a guess about a state, not a person.
_CLAUSE = frozenset({"you", "he", "she", "they", "it", "i", "we", "has", "have", "had", "is",
                     "are", "was", "were", "been", "got", "need", "needs", "should", "could",
                     "would", "might", "there", "this", "that", "services", "service"})


@memo
def likened(a: Analysis) -> Hit | None:
    """A person likened to a member of a group people are mocked as.

    Bad: You look like a walrus with Down's syndrome
    Bad: He sounds like a retarded autistic parrot
    Bad: Looks like the gay mascot of a cheap cruise
    Good: You look like you have not slept, is the depression back?
    Good: It looks like mental health services are stretched this winter
    Good: My son looks like any other autistic teenager and that is fine
    """
    toks = a.doc.tokens
    n = len(toks)
    groups = [g for tag in ("G:", "GADJ:") for g in a.prefixed(tag) if g[2] in _MOCKED]
    if not groups:
        return None
    for i, t in enumerate(toks[:-1]):
        if t not in _LOOK or toks[i + 1] != "like":
            continue
        lo = a.sentence_range(a.doc.sents[i])[0]
        if not (i == lo or (i > lo and toks[i - 1] in _PERSON)) or not own_words(a, i):
            continue
        for gs, ge, char in groups:
            if not i + 2 <= gs <= i + 8 or a.doc.sents[gs] != a.doc.sents[i]:
                continue
            between = toks[i + 2 : gs]
            if _CLAUSE.intersection(between) or a.doc.quoted[gs]:
                continue
            if "any" in between or "other" in between:
                continue  # "like any other autistic teenager": likeness to the ordinary
            return Hit("hate.likened", i - (0 if i == lo else 1), min(ge, n), 0.75, note=char)
    return None


RULE_FUNCTIONS = (likened,)
