"""Abuse: insults, harassment or intimidation aimed at a person (staff, service users, the
public). Criticism of a service, or of how a named member of staff behaved, is a complaint:
"the receptionist was rude and unhelpful" is not abuse; "the receptionist is a fat cow" is.
"""

from __future__ import annotations

from policy.detectors.base import Analysis, Hit, distress_context
from policy.detectors.scope import counter_speech, negated
from policy.lexicon import cues

RULES = ("abuse.insult", "abuse.harassment")

PHRASES: dict[str, tuple[str, ...]] = {
    "INSULT_N": cues.INSULT_NOUNS,
    "INSULT_A": cues.INSULT_ADJECTIVES,
    "ABUSE": ("fuck you", "screw you", "go to hell", "shut up", "shut the fuck up",
              "piss off", "fuck off", "sod off", "get lost", "nobody likes you",
              "no one likes you", "i hate you", "i despise you", "i loathe you",
              "i detest you", "you disgust me", "you make me sick", "die in a fire",
              "rot in hell", "get a life", "go and die", "hope you rot", "eat shit"),
    "HARASS": ("make your life hell", "make your life a living hell", "ruin your life",
               "ruin your career", "end your career", "i will expose you", "expose you",
               "i know your address", "i know your car", "i know what car you drive",
               "waiting outside for",
               "see you outside", "i'll be outside", "following you home", "follow you home",
               "i will find out where you live", "find out where you live", "post your address",
               "share your address", "everyone will know where you live", "send people round",
               "waiting for you after", "waiting for you outside", "wait for you after",
               "i am watching you", "i'm watching you", "we are watching you",
               "keep an eye on you", "i have your number", "i've got your number",
               "i will keep messaging", "i'll keep messaging", "you cannot hide",
               "you can't hide", "i know who you are", "we know who you are"),
    "KNOW_WHERE": ("i know where", "we know where", "i found out where", "i have found out where",
                   "i know exactly where", "we found out where"),
    "STAFF": ("nurse", "doctor", "receptionist", "consultant", "psychiatrist", "therapist",
              "manager", "worker", "cpn", "gp", "paramedic", "porter", "cleaner", "matron",
              "midwife", "social worker", "care coordinator", "support worker", "woman",
              "man", "guy", "bloke", "lady", "girl", "idiot", "she", "he", "staff member",
              "student", "psychologist", "counsellor", "dr", "sister", "admin", "secretary"),
}

_COPULA = frozenset({"is", "was", "are", "were"})
_NOT_BETWEEN = frozenset({"lot", "people", "guys", "that"})
_CAUSATIVE = frozenset({"make", "makes", "made", "making", "drive", "drives", "driving", "drove",
                        "call", "calls", "called", "think", "thinks", "feel", "feels", "find",
                        "consider", "see", "sees", "let", "tell", "told"})
_INTENS = frozenset({"a", "an", "such", "just", "the", "absolute", "complete", "utter", "total",
                     "smug", "evil", "dozy", "rude", "heartless", "arrogant", "ignorant",
                     "and", "lot", "people", "guys", "cold", "nasty", "spiteful", "miserable",
                     "horrid", "bloody", "useless", "thick", "dirty", "lying", "two", "faced",
                     "fucking", "really", "so", "nothing", "but", "only", "that",
                     "pure", "proper", "right", "big", "massive", "little", "fat", "stupid",
                     "ugly", "old", "sad", "pathetic", "vile", "disgusting", "filthy",
                     "lazy", "dumb", "all", "are", "is", "were", "was",
                     "truly", "seriously", "genuinely", "horrible"})
_SERVICE_NOUNS = frozenset({"service", "services", "trust", "hospital", "ward", "system",
                            "care", "team", "nhs", "experience", "organisation", "department",
                            "place", "company", "waiting", "wait", "treatment", "day"})


def _aimed_at_you(a: Analysis, s: int) -> bool:
    """"you are (a complete) X" / "you X": an insult aimed at the reader."""
    toks = a.doc.tokens
    lo = a.sentence_range(a.doc.sents[s])[0]
    i = s - 1
    while i >= lo and toks[i] in _INTENS and toks[i] not in _NOT_BETWEEN:
        i -= 1
    if i > lo and toks[i] in ("lot", "guys", "all", "people") and toks[i - 1] == "you":
        i -= 1  # "you lot are ..."
    if i < lo or toks[i] != "you" or s - i > 6:
        return False
    # "drives you insane", "makes you worthless": about the reader, not an insult of them.
    return not (i > lo and toks[i - 1] in _CAUSATIVE)


def _aimed_at_person(a: Analysis, s: int) -> bool:
    """"that receptionist is a (fat) cow", "the nurse on reception is a useless ...": a role,
    person or name before "is/was/are", then only intensifiers up to the insult noun."""
    doc = a.doc
    toks = doc.tokens
    lo = a.sentence_range(doc.sents[s])[0]
    i = s - 1
    while i >= lo and toks[i] in _INTENS and toks[i] not in _COPULA:
        i -= 1
    if i < lo or toks[i] not in _COPULA or s - i > 6:
        return False
    subject = range(max(lo, i - 6), i)
    staff = {st for st, _ in a.in_sent("STAFF", doc.sents[s])}
    return any(k in staff or toks[k] in ("he", "she", "they") for k in subject)


_WHEREABOUTS = frozenset({"live", "lives", "living", "work", "works", "park", "parks", "sleep",
                          "sleeps", "drinks", "go", "goes"})


def _menacing_knowledge(a: Analysis, e: int) -> bool:
    """"I know where the ward manager lives": the writer knows where a member of staff or
    another person lives or works (not "I know where the clinic is")."""
    doc = a.doc
    toks = doc.tokens
    hi = a.sentence_range(doc.sents[e - 1])[1]
    verb = next((i for i in range(e, min(hi, e + 6)) if toks[i] in _WHEREABOUTS), None)
    if verb is None or verb == e:
        return False
    staff = {st for st, _ in a.get("STAFF")}
    return any(i in staff or toks[i] in ("you", "your", "he", "she", "they", "her", "his",
                                         "their") or doc.caps[i] for i in range(e, verb))


# Hostility strong enough to be abuse when the writer aims it at one person.
_HOSTILITY = frozenset({"hate", "hatred", "despise", "loathe", "loathing", "detest",
                        "can't stand", "cannot stand", "can not stand", "contempt", "disdain",
                        "disgust", "abhor", "repulse", "can't bear", "makes me sick",
                        "make me sick", "fill me with", "fills me with", "disgusted by",
                        "repulsed by", "revolted by"})
_ONE_PERSON = frozenset({"you", "him", "her"})
# After "her" these show it is the object ("I can't stand her."), not "her attitude".
_OBJECT_ENDS = frozenset({"so", "for", "and", "any", "because", "more", "now", "anymore", "too",
                          "already", "then", "at", "with", "right", "enough", "lol"})
_WRITER = frozenset({"i", "we", "me"})
_LOOSE_SERVICE = frozenset({"you", "your", "they", "them"})


def _hostility_to_person(a: Analysis) -> list[Hit]:
    """"I detest him", "I have so much hatred for you", "you make me sick": the writer's
    hostility aimed at one person. Not when the post names a service (that is a complaint,
    however angry) and not when negated or opposed."""
    doc = a.doc
    toks = doc.tokens
    if any(" ".join(toks[s:e]) not in _LOOSE_SERVICE for s, e in a.get("SERVICE")):
        return []
    if distress_context(a):
        return []  # "I hate him for what he did to me": a story of one's own pain
    for s, e in a.get("EMO"):
        if " ".join(toks[s:e]) not in _HOSTILITY or counter_speech(a, s) or negated(a, s):
            continue
        lo, hi = a.sentence_range(doc.sents[s])
        before = toks[lo:s]
        for i in range(e, min(hi, e + 5)):
            if toks[i] not in _ONE_PERSON:
                continue
            ends = i + 1 >= hi or toks[i + 1] in _OBJECT_ENDS
            story = toks[i] != "you" and len(toks) > 40  # "... and I hate him": a story
            if _WRITER & set(before) and ends and not story:
                return [Hit("abuse.insult", s, i + 1, 0.75)]
        if "you" in before[-3:] and toks[s:e] and toks[e - 1] in ("sick", "with"):
            return [Hit("abuse.insult", lo, e, 0.75)]  # "you make me sick"
    return []


def detect(a: Analysis) -> list[Hit]:
    doc = a.doc
    toks = doc.tokens
    hits: list[Hit] = []
    for tag in ("INSULT_N", "INSULT_A"):
        for s, e in a.get(tag):
            if counter_speech(a, s) or negated(a, s, window=3):
                continue
            if e < len(toks) and toks[e] in _SERVICE_NOUNS:
                continue  # "you are the worst service" is a complaint
            if a.notes.get("slurs", {}).get(s) in ("reclaimed", "homonym"):
                continue
            if _aimed_at_you(a, s) or (tag == "INSULT_N" and _aimed_at_person(a, s)):
                hits.append(Hit("abuse.insult", s, e, 0.85))
                break
        if hits:
            break
    for s, e in a.get("ABUSE"):
        reported = s > 0 and a.doc.tokens[s - 1] in ("to", "tell", "told", "said", "says")
        if not (counter_speech(a, s) or negated(a, s, window=2) or reported):
            hits.append(Hit("abuse.insult", s, e, 0.8))
            break
    if not hits:
        hits.extend(_hostility_to_person(a))
    for s, e in a.get("KNOW_WHERE"):
        if _menacing_knowledge(a, e) and not negated(a, s, window=2):
            hits.append(Hit("abuse.harassment", s, e, 0.75))
            break
    for s, e in a.get("HARASS"):
        if not (counter_speech(a, s) or negated(a, s, window=2)):
            hits.append(Hit("abuse.harassment", s, e, 0.8))
            break
    # Read by feedback: the words of an insult are not a complaint.
    a.notes["abuse"] = [(h.start, h.end) for h in hits]
    return hits
