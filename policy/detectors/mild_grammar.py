"""When a mild negative word is said of the care. Words such as "late", "waiting", "hours",
"anxious" or "difficult" are negative only in context: "the ambulance was two hours late" and
"had to wait all afternoon" describe the service, while "the nurse stayed late to help me",
"the waiting room had toys" and "I was anxious before the scan" do not. `mild_said_of_care`
returns the starts of the mild spans that count as a described experience of care; the
detector drops the others, so a lone mild word is never a complaint.
"""

from __future__ import annotations

from policy.detectors.base import Analysis

_WAITING = frozenset({"waiting", "waited", "wait", "waits"})
# "the waiting room", "a waiting area": a place, not a wait.
_PLACES = frozenset({"room", "rooms", "area", "areas", "lounge", "bay"})
_DURATIONS = frozenset({"hours", "weeks", "months", "hr", "hrs"})
# A duration describes a delay only beside a wait or a delay ("took 3 hours", "waited 2 hrs",
# "arrived 4 hours late"); "seen weekly for 18 months" is the length of someone's care.
_DELAYING = frozenset({"wait", "waited", "waiting", "waits", "took", "take", "takes", "taking",
                       "taken", "delay", "delayed", "delays", "late", "until", "still",
                       "queue", "queued", "arrive", "arrived", "arrival", "later", "chase",
                       "chasing", "before", "prior", "left", "long"})
# States of the writer: negative of the care only when the care is their cause or they are
# said of it ("the process was stressful", "made me feel anxious", "upset by the doctor").
_STATES = frozenset({"lonely", "scared", "anxious", "upset", "stressed", "stressful",
                     "struggle", "struggling", "struggled", "bored", "boring", "suffering",
                     "agony", "cold", "difficult", "hard to"})
_HARD = frozenset({"difficult", "hard to"})
# What was hard to do is reaching the service ("difficult to get an appointment").
_REACHING = frozenset({"get", "reach", "contact", "speak", "access", "book", "find", "park",
                       "understand", "hear", "obtain", "arrange", "make", "talk", "see",
                       "navigate", "use", "follow"})
_CAUSES = frozenset({"by", "with", "about", "that", "because", "at"})
# "struggled to get my prescription", "might struggle with the boot": a struggle with
# something the service provides, not "help when I was struggling".
_WITH_WHAT = frozenset({"with", "to", "in", "getting"})
# "left unattended", "left waiting", "left feeling worse": left by the service.
_LEFT_HOW = frozenset({"unattended", "alone", "waiting", "feeling", "out", "to", "for",
                       "without", "in", "on", "with", "sitting", "lying", "hanging"})
_COPULAS = frozenset({"is", "was", "were", "are", "been", "be", "being", "seemed", "seems",
                      "got", "get", "found", "felt", "feels", "feel"})
# A copula after one of these reports the writer's own state ("I was anxious"), not the care.
_WRITER = frozenset({"i", "we", "im", "me", "he", "she", "mum", "dad"})
_DEGREE = frozenset({"very", "so", "really", "extremely", "quite", "a", "bit", "little",
                     "too", "always", "often", "a lot", "more", "less", "slightly", "rather"})
# "late" of an arrival or a pick-up: "arrived late", "was 20 minutes late", "late pick up".
_ARRIVING = frozenset({"arrived", "arriving", "arrive", "came", "come", "coming", "turned",
                       "running", "ran", "always", "often", "minutes", "mins", "min", "hours",
                       "hour", "hrs", "hr", "is", "was", "were", "are", "very", "bit"})
_ARRIVALS = frozenset({"arrival", "pick", "pickup", "collection", "appointment", "response",
                       "start", "starts", "discharge"})
_PASSIVE = frozenset({"was", "were", "been", "being", "got", "get", "is", "are", "be"})


def _predicated(toks: list[str], lo: int, s: int) -> bool:
    """A copula (past degree words) before `s` whose subject is not the writer: "the wait
    was very long", "it was difficult", but not "I was anxious"."""
    k = s - 1
    while k >= lo and toks[k] in _DEGREE:
        k -= 1
    if k < lo or toks[k] not in _COPULAS:
        return False
    subject = toks[k - 1] if k - 1 >= lo else ""
    return subject not in _WRITER and not (subject == "not" and toks[k - 2 : k - 1] == ["i"])


def _praised(a: Analysis, s: int) -> bool:
    """A praise word right before it ("good communication", "great parking")."""
    return any(ge == s and a.doc.sents[gs] == a.doc.sents[s] for gs, ge in a.get("GOOD"))


def _counts(a: Analysis, s: int, e: int) -> bool:
    toks = a.doc.tokens
    word = " ".join(toks[s:e])
    lo, hi = a.sentence_range(a.doc.sents[s])
    if _praised(a, s):
        return False
    if word in _WAITING:
        return toks[e : e + 1] == [] or toks[e] not in _PLACES
    if word in _DURATIONS:
        return bool(_DELAYING.intersection(toks))  # "Waited ages for the crisis line. 2 hours."
    if word == "late":
        return (toks[s - 1 : s] != [] and toks[s - 1] in _ARRIVING and s > lo) or (
            toks[e : e + 1] != [] and toks[e] in _ARRIVALS) or _predicated(toks, lo, s) \
            or (s - 2 >= lo and toks[s - 2] == "made")
    if word == "left":
        return (s > lo and toks[s - 1] in _PASSIVE) or (  # "we were left for hours"
            toks[e : e + 1] != [] and toks[e] in _LEFT_HOW)
    if word in _STATES:
        if word in _HARD:
            after = toks[e : e + 2] if word == "hard to" else toks[e + 1 : e + 3]
            if word == "difficult" and toks[e : e + 1] != ["to"]:
                return _predicated(toks, lo, s)
            return bool(_REACHING.intersection(after)) or _predicated(toks, lo, s)
        caused = "made" in toks[max(lo, s - 4) : s] or "left" in toks[max(lo, s - 3) : s]
        if word.startswith("struggl") and toks[e : e + 1] != [] and toks[e] in _WITH_WHAT:
            return True
        return caused or _predicated(toks, lo, s) or (
            toks[e : e + 1] != [] and toks[e] in _CAUSES and word == "upset")
    if word in ("lost", "cannot", "could not", "not able", "unable"):
        return "without" not in toks[e:hi]  # "I will be lost without her" is praise
    return True


def mild_said_of_care(a: Analysis, weak: frozenset[str]) -> frozenset[int]:
    """Starts of the BAD spans whose phrase is mild (in `weak`) and is said of the care:
    "the ambulance arrived late", "had to wait 3 hours", "difficult to get through", "the
    process was stressful". Not "the nurse stayed late to help me", "the waiting room had
    toys", "I was anxious but she put me at ease"."""
    toks = a.doc.tokens
    return frozenset(s for s, e in a.get("BAD")
                     if " ".join(toks[s:e]) in weak and _counts(a, s, e))
