"""Slurs: hostile unless quoted or opposed, reclaimed by the speaker, or an everyday word."""

from __future__ import annotations

from policy.detectors.base import FIRST_PERSON, Analysis, Hit
from policy.detectors.scope import counter_speech, negated
from policy.lexicon.groups import HOMONYM_CONTEXT, HOMONYM_SLURS, PEOPLE_NOUNS, SLURS

PHRASES: dict[str, tuple[str, ...]] = {
    **{"SLUR:" + char: words for char, words in SLURS.items()},
    "HOMONYM_CTX": tuple(HOMONYM_CONTEXT),
}

# Words before a homonym that show it is said of a person ("you ...", "a dirty ...").
_PERSON_BEFORE = frozenset(
    {"a", "an", "you", "the", "these", "those", "all", "dirty", "filthy", "stupid", "fucking",
     "little", "fat", "ugly", "typical", "bloody", "such", "absolute", "complete", "but",
     "that", "this", "some", "many", "are", "is", "him", "her", "them", "dumb", "old",
     "nasty", "lazy", "your", "his", "their", "of", "more", "any", "every", "no",
     "like", "for", "as", "called", "being", "another", "common", "just", "total", "real",
     "massive", "proper", "damn", "lousy", "worthless"}
)
_RECLAIM_WORDS = frozenset({"fellow", "proud", "happily", "love", "loving", "genius", "bad",
                            "hot", "my", "our", "sis", "queen", "queens", "king", "kings"})
_SOFT = frozenset({"nigga", "niggas"})  # mostly in-group use; hostile only with other cues
_PEOPLE = frozenset(PEOPLE_NOUNS)
_ADJECTIVE_HOMONYMS = frozenset({"queer", "homo", "slag", "spastic", "psycho", "loony"})
SELF_GROUP = FIRST_PERSON | {"we", "us", "our", "ourselves", "myself"}
# After a slur used of a person, the next word is usually one of these (or nothing).
_SLUR_CONTINUES = frozenset({"like", "and", "or", "but", "who", "that", "is", "are", "was",
                             "were", "in", "on", "at", "of", "for", "to", "with", ",", "you",
                             "just", "can", "should", "will", "always", "never", "get", "go",
                             "have", "has", "deserve", "deserves", "need", "needs", "must",
                             "ought", "all", "everywhere", "out", "off", "here", "there",
                             "again", "lol", "me", "them", "him", "her", "behaviour",
                             "behavior", "scum", "trash"})


def _reclaimed(toks: list[str], lo: int, hi: int, s: int, e: int) -> bool:
    """Said of oneself or with affection: "I'm the prettiest ...", "my fellow ...",
    "as a ... myself", "bad ...", "proud ..."."""
    before = toks[max(lo, s - 5) : s]
    near = toks[max(lo, s - 3) : s]
    after = toks[e : min(hi, e + 3)]
    later = toks[e : min(hi, e + 5)]
    if ("i" in before and "am" in before) or ("i" in later and "am" in later):
        return True
    if {"myself", "fellow"} & set(before + after) or after[:2] == ["like", "me"]:
        return True
    if {"we", "us", "our"} & set(before) and not {"you", "your", "them"} & set(before):
        return True
    if {"my", "our"} & set(near) and {"love", "proud", "pride", "fellow"} & set(toks[lo:hi]):
        return True  # "much love to all my ... marching with me at Pride"
    return any(t in _RECLAIM_WORDS - {"my", "our"} or (t.endswith("est") and len(t) > 4)
               for t in near) or "proud" in before


_GENDERED = frozenset({"bitch", "bitches", "whore", "slut", "hoe", "skank", "cow"})
_ONE_PERSON = frozenset({"she", "her", "mom", "mum", "mother", "sister", "ex", "girlfriend",
                         "wife", "daughter", "aunt", "nan", "boss", "teacher"})
_COPULA = frozenset({"is", "was", "are", "were", "be", "being"})
_PERSON_WORDS = frozenset({"he", "him", "i", "we", "women", "woman", "girls", "girl", "lady",
                           "ladies", "females", "wives", "feminists", "who", "that", "it"})
_FILLER = frozenset({"a", "an", "the", "such", "fucking", "right", "real", "total", "absolute",
                     "complete", "little", "massive", "big", "what", "of", "one"})


def _said_of_one_or_a_thing(toks: list[str], lo: int, s: int) -> bool:
    """"my mum is a fucking bitch", "she was a bitch" (one named person, not women), "anxiety
    is a bitch", "make depression your bitch" (a thing, not a person). "You ..." stays."""
    i = s - 1
    while i >= lo and toks[i] in _FILLER:
        i -= 1
    if i >= lo and toks[i] == "your" and i - 1 >= lo and toks[i - 1] != "you":
        return any(t in ("make", "made", "making") for t in toks[max(lo, i - 5) : i])
    if i < lo or toks[i] not in _COPULA:
        return "what" in toks[max(lo, s - 3) : s] and bool(_ONE_PERSON & set(toks[s : s + 3]))
    subject = toks[max(lo, i - 3) : i]
    if {"you", "your", "they", "them", "all", "these", "those"} & set(subject):
        return False
    return bool(_ONE_PERSON & set(subject)) or (bool(subject) and subject[-1] not in _PEOPLE
                                                and subject[-1] not in _PERSON_WORDS)



def slur_status(a: Analysis, s: int, e: int) -> str:
    """'hostile', 'counter', 'reclaimed', 'homonym' or 'insult' (one person, or an idiom) for
    the slur at tokens [s, e)."""
    doc = a.doc
    toks = doc.tokens
    word = " ".join(toks[s:e])
    sent = doc.sents[s]
    lo, hi = a.sentence_range(sent)
    if counter_speech(a, s) or negated(a, s, window=4):
        return "counter"  # quoted or opposed; or denied: "you're not being a ..."
    if e < len(toks) and toks[e] in _PEOPLE:
        return "homonym"  # "queer people": a group name, judged as such by hate
    if word in HOMONYM_SLURS:
        if a.in_sent("HOMONYM_CTX", sent):
            return "homonym"
        if word in _ADJECTIVE_HOMONYMS and e < hi and toks[e] not in _SLUR_CONTINUES:
            return "homonym"  # "queer liberation": an adjective, not said of a person
        prev = toks[max(lo, s - 2) : s]
        after = toks[e : e + 2]
        if not (set(prev) & _PERSON_BEFORE or after[:2] == ["like", "you"] or s == lo):
            return "homonym"
    if _reclaimed(toks, lo, hi, s, e):
        return "reclaimed"
    if word in _GENDERED and _said_of_one_or_a_thing(toks, lo, s):
        return "insult"  # an insult of one person (abuse decides) or an idiom, not hate
    if word in _SOFT and not (a.in_sent("NEG", sent) or a.in_sent("DEHUM", sent)
                              or a.in_sent("EMO", sent)):
        return "reclaimed"
    return "hostile"


def slur_hits(a: Analysis) -> list[Hit]:
    statuses: dict[int, str] = {}
    hits: list[Hit] = []
    for s, e, char in a.prefixed("SLUR:"):
        status = slur_status(a, s, e)
        for i in range(s, e):
            statuses[i] = status
        if status == "hostile":
            hits.append(Hit("hate.slur", s, e, 0.9, note=char))
    a.notes["slurs"] = statuses
    return hits
