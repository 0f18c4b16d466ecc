"""Grammar of praise that word weights alone misread: a denied improvement or fault is
praise ("nothing could have been better", "I could not fault them"), and a mild word said
of the service counts as a judgement of it ("the staff were great").

Each function returns token spans from the negator to the word it denies, so the detector
can both count the finding and drop the words inside it from the other tallies (the
"could not" of "could not have been better" is not an inability).
"""

from __future__ import annotations

from policy.detectors.base import Analysis, Spans

_NEGATORS = frozenset({"not", "no", "nothing", "never", "none", "cannot", "nowhere",
                       "hardly", "without"})
# Negators that deny a thing outright ("nothing could be better", "no improvement needed").
_NOTHING = frozenset({"nothing", "no", "none", "nowhere"})
# A denied improvement is a judgement only with a modal ("could not be better"); without one
# it reports a state ("my pain is not getting better", "it has not improved").
_MODALS = frozenset({"could", "can", "would", "cannot", "think", "see", "imagine", "need",
                     "needs", "needed", "should", "to", "wish", "ask", "asked"})
_IMPROVE = frozenset({"better", "bettered", "improve", "improved", "improvement",
                      "improvements", "differently", "change", "changed", "changes",
                      "fault", "faulted", "more", "quicker", "sooner", "faster", "anymore"})
# Words that end a negator's reach within a sentence.
_SCOPE_END = frozenset({"but", ",", "however", "because", "although", "though", "and",
                        "except", "apart", "until", "unless", "when", "if", "so", "as"})
# "Can get better", "feel better": recovery, not the care being improved.
_RECOVERY = frozenset({"get", "getting", "got", "feel", "feeling", "felt", "gets"})
_FAULTS = frozenset({"complain", "complaint", "complaints", "complaining", "fault", "faults",
                     "faulted", "problem", "problems", "issue", "issues", "criticism",
                     "criticise", "grumble", "grumbles", "concerns", "negative", "wrong",
                     "worries", "bad", "bother", "trouble", "hassle"})
# What may stand between the negator and the fault it denies ("never had any real
# problems"); any other verb makes the fault the object of a failure ("did not fix the
# problem") rather than a denied one.
_FAULT_FRAME = frozenset({"have", "had", "has", "having", "any", "a", "single", "to", "say",
                          "about", "with", "got", "find", "found", "could", "can", "would",
                          "i", "we", "really", "anything", "went", "gone", "go", "been",
                          "there", "was", "is", "are", "were", "major", "real", "big",
                          "complain", "fault", "one", "of", "the", "at", "all", "experienced",
                          "encountered", "whatsoever", "ever", "do", "did", "much"})


_AUXILIARIES = frozenset({"could", "can", "would", "do", "did", "does", "should", "will",
                          "have", "has", "had", "is", "was", "are", "were", "i"})


def _start(toks: list[str], j: int) -> int:
    """The negation's first token: its auxiliary too ("could not", "do not")."""
    return j - 1 if j > 0 and toks[j - 1] in _AUXILIARIES else j


def _modal_start(toks: list[str], j: int) -> int:
    """The denial's first token, back over a modal before it ("could have done nothing")
    so the modal is not also read as a suggestion."""
    k = j
    while k > 0 and j - k < 3 and (toks[k - 1] in _AUXILIARIES or toks[k - 1] in _MODALS
                                   or toks[k - 1] in ("done", "been", "be", "do")):
        k -= 1
    return k


def _negator_before(a: Analysis, i: int, reach: int = 8) -> int | None:
    """The nearest negator before token `i` in its clause, or None."""
    toks = a.doc.tokens
    lo = a.sentence_range(a.doc.sents[i])[0]
    for j in range(i - 1, max(lo, i - reach) - 1, -1):
        if toks[j] in _SCOPE_END:
            return None
        if toks[j] in _NEGATORS:
            return j
    return None


def no_room_to_improve(a: Analysis) -> Spans:
    """"Nothing could have been done better", "I would not change a thing", "no improvement
    needed": the writer denies that the care could be better, which is praise. "No better
    than", "not getting any better" and "has not improved" are not judgements of care."""
    toks = a.doc.tokens
    spans: Spans = []
    for i, t in enumerate(toks):
        if t not in _IMPROVE or (i + 1 < len(toks) and toks[i + 1] == "than"):
            continue
        j = _negator_before(a, i, reach=11)  # "cannot think of anything they could ..."
        if j is None:
            continue
        between = toks[j + 1 : i]
        # "could have done nothing better", "could have not done anything better": the
        # modal may stand before the negator.
        modal = bool(_MODALS.intersection(between)) or bool(
            _MODALS.intersection(toks[max(0, j - 3) : j]))
        if t == "anymore" or (t == "more" and between[-2:] == ["have", "been"]):
            pass  # "could not have been more helpful", "couldn't have done anymore"
        elif t == "more" and not {"done", "do", "ask", "asked", "wish"}.intersection(between):
            continue  # "they do not visit any more" is a complaint; "can't ask for more" is not
        if toks[i - 1] in _RECOVERY:
            continue
        outright = toks[j] == "nothing" or (toks[j] in _NOTHING and t.startswith(("improve",
                                                                             "change")))
        if modal or (outright and i - j <= 4):
            spans.append((_modal_start(toks, j), i + 1))
    return spans


def no_fault_found(a: Analysis) -> Spans:
    """"Never had any problems", "I could not complain", "nothing negative to say": a denied
    fault is praise of the service."""
    toks = a.doc.tokens
    spans: Spans = []
    for i, t in enumerate(toks):
        if t not in _FAULTS:
            continue
        j = _negator_before(a, i, reach=5)
        if j is None or toks[j] == "without" or toks[j + 1 : j + 2] == ["one"]:
            continue  # "no one told me about the problem" is a complaint
        if toks[i + 1 : i + 2] == ["of"]:
            continue  # "no fault of the staff": excusing them, not praising
        if all(w in _FAULT_FRAME for w in toks[j + 1 : i]):
            spans.append((_start(toks, j), i + 1))
    return spans


_COPULAS = frozenset({"was", "were", "is", "are", "been", "be", "being", "felt", "feel",
                      "seemed", "found"})
_EVALUATED = frozenset({"service", "services", "staff", "team", "teams", "care", "nurse",
                        "nurses", "doctor", "doctors", "crew", "paramedics", "paramedic",
                        "drivers", "driver", "experience", "treatment", "job", "everyone",
                        "everything", "they", "you", "she", "he", "all", "ward", "unit",
                        "therapist", "therapists", "hospital", "clinic", "support", "advice"})


def said_of_service(a: Analysis, tag: str) -> frozenset[int]:
    """Starts of `tag` spans predicated of the service or its staff: "the staff were great",
    "a good experience", "happy with the service", "you do a great job". A mild word said of
    the care is a judgement of it; the same word alone ("good morning") is not."""
    toks = a.doc.tokens
    sents = a.doc.sents
    out = set()
    for s, e in a.get(tag):
        lo, hi = a.sentence_range(sents[s])
        near = toks[max(lo, s - 4) : min(hi, e + 3)]
        if _EVALUATED.intersection(near) or (s > lo and toks[s - 1] in _COPULAS) \
                or toks[e : e + 1] == ["with"]:
            out.add(s)
    return frozenset(out)
