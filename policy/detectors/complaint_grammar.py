"""Grammar of complaints that single words miss or over-read: an excess said of the service
("the wait was far too long"), a step of care that was denied ("nobody explained the scan"),
a split "let my dad down", a request that the service change how it treats people ("staff
should involve carers"), a rhetorical "why wasn't ...?" and a fault word said of the service
or its staff ("the ward toilets were disgusting").

Each function returns token spans the detector counts as a negative experience (or, for
requests, as a suggestion); the detector counts them only when the post describes an
experience of a service, so a lone word ("too", "never", "slow") is never a complaint.
"""

from __future__ import annotations

from policy.detectors.base import Analysis, Spans
from policy.detectors.delay_grammar import delay_told
from policy.detectors.provision_grammar import missing_provision

# After "too", words that do not make an excess of the service: "too much"/"too many" are
# counted by the phrase lists; "too" before these is "also" or part of a praise idiom.
_NOT_EXCESS = frozenset({"much", "many", "and", "but", ",", "i", "we", "the", "a", "to", "as",
                         "so", "x", "xx", "thank", "thanks", "well", "kind", "good", "nice",
                         "lovely", "grateful", "helpful", "generous", "highly", "praise",
                         "thankful", "caring", "is", "was", "were", "are", "for"})
_SAID_OF = frozenset({"is", "was", "are", "were", "be", "been", "being", "seemed", "seems",
                      "felt", "feel", "far", "way", "much", "bit", "slightly", "rather",
                      "simply", "just", "all", "often", "always", "sometimes", "quite"})
_DEGREE = frozenset({"far", "way", "much", "just", "simply", "often", "always", "quite",
                     "sometimes", "a", "bit", "little"})
_DENIERS = frozenset({"never", "nobody", "noone"})
# Steps of care a patient expects; denied, they describe a failure of the service.
_CARE_STEPS = frozenset({"offered", "answered", "called", "rang", "explained", "listened",
                         "followed", "informed", "told", "contacted", "replied", "responded",
                         "checked", "visited", "returned", "updated", "asked", "bothered",
                         "introduced", "acknowledged", "came", "turned", "arrived", "apologised",
                         "helped", "seen", "examined", "assessed", "consulted", "involved",
                         # after "did not", "never": "didn't ring back", "never explain"
                         "offer", "answer", "call", "ring", "explain", "listen", "follow",
                         "inform", "tell", "contact", "reply", "respond", "check", "visit",
                         "return", "update", "help", "examine", "assess", "involve"})
# "Could not have asked for more" is praise: these are denied steps only after "nobody",
# "no one" or "never".
_ONLY_DENIED = frozenset({"asked", "bothered"})
_PATIENT = frozenset({"i", "we", "im"})
_ENOUGH = frozenset({"enough", "more"})
_PARTICLES = frozenset({"back", "up", "out", "in", "round", "over"})
# Ways of treating patients a service can be asked to change ("should involve families").
_CARE_VERBS = frozenset({"encourage", "involve", "listen", "communicate", "explain", "inform",
                         "include", "consult", "update", "respect", "treat",
                         "answer", "respond", "reply", "return", "follow", "engage", "talk",
                         "speak", "introduce", "acknowledge", "consider", "recognise",
                         "understand", "offer", "provide", "ensure", "check", "keep", "tell",
                         "contact", "call", "ring", "support", "employ", "recruit", "look"})
_ASKING_CHANGE = frozenset({"should", "must", "ought", "need", "needs"})
_NEGATED_AUX = frozenset({"is", "was", "are", "were", "can", "could", "do", "does", "did",
                          "has", "have", "had", "would", "will", "wo", "should"})


# Care verbs not already among the phrase lists' imperatives ("support" and "follow" are
# left out: "Support from the staff" opens praise as often as a request).
_OPENING_VERBS = frozenset({"encourage", "involve", "include", "consult", "engage",
                            "introduce", "acknowledge", "recognise", "understand",
                            "consider", "ensure", "respect"})
_COPULAS = frozenset({"is", "was", "are", "were", "been", "be"})
_REST_IS_FINE = ("everything else", "all else", "apart from that", "other than that")


def _sentence_start(a: Analysis, i: int) -> int:
    return a.sentence_range(a.doc.sents[i])[0]


def excess_of_service(a: Analysis) -> Spans:
    """"The wait was too long", "the nurses were far too busy to talk": an excess said of
    something (a copula or degree word before "too") is a judgement of the care. Not "me
    too", "you were too kind", "nothing is too much trouble", nor "too" misspelt for "to"
    ("I was spoken too by the nurse")."""
    toks = a.doc.tokens
    spans: Spans = []
    for i, t in enumerate(toks[:-1]):
        if t != "too" or i == 0 or toks[i + 1] in _NOT_EXCESS or not toks[i + 1].isalpha():
            continue
        lo = _sentence_start(a, i)
        if a.doc.sents[i + 1] != a.doc.sents[i] or "nothing" in toks[lo:i]:
            continue
        if toks[i - 1] in _SAID_OF or (i > 1 and toks[i - 1] in _DEGREE
                                        and toks[i - 2] in _SAID_OF):
            spans.append((i, i + 2))
    return spans


def denied_care_step(a: Analysis) -> Spans:
    """"Nobody explained the results", "I was never offered a drink", "no one called back",
    "the call was not answered": a step of care that did not happen. Not "nobody's perfect"
    or "never give up" (no step of care is denied)."""
    toks = a.doc.tokens
    spans: Spans = []
    for i, t in enumerate(toks):
        one = t == "no" and toks[i + 1 : i + 2] == ["one"]
        if t not in _DENIERS and not one and t != "not":
            continue
        passive = toks[i + 1 : i + 2] == ["been"] or toks[i - 1 : i] in (["was"], ["were"])
        if t == "not" and _PATIENT.intersection(toks[max(0, i - 3) : i]) and not passive:
            continue  # "I did not ring", "we did not need help": the patient's own doing,
            # but "I was not told", "we have not been contacted" were denied a step
        first = i + 2 if one else i + 1
        for j in range(first, min(len(toks), first + 3)):
            if a.doc.sents[j] != a.doc.sents[i] or toks[j] in (",", "but", "and"):
                break
            if toks[j] in _CARE_STEPS and not (t == "not" and toks[j] in _ONLY_DENIED):
                if toks[j] in ("came", "turned") and toks[j + 1 : j + 2] not in (["back"],
                                                                                  ["up"]):
                    break  # "never came across", but "nobody came back" is a denied step
                if _ENOUGH.intersection(toks[j + 1 : j + 4]):
                    break  # "they could not help me enough" is praise
                end = j + 2 if toks[j + 1 : j + 2] and toks[j + 1] in _PARTICLES else j + 1
                spans.append((i, end))
                break
    return spans


def split_let_down(a: Analysis) -> Spans:
    """"The night staff let my mum down", "you let us down badly": "let down" around who
    was failed. Not "let me know" or "let her sit down" (a verb between)."""
    toks = a.doc.tokens
    spans: Spans = []
    for i, t in enumerate(toks):
        if t not in ("let", "lets"):
            continue
        for j in range(i + 2, min(len(toks), i + 5)):
            if toks[j] == "down":
                spans.append((i, j + 1))
                break
            if toks[j] in (",", "and", "but", "sit", "lie", "go", "calm", "settle"):
                break
    return spans


def asks_service_to_change(a: Analysis) -> Spans:
    """"Staff should involve families", "the ward needs to communicate better", "you must
    listen to carers": a request that the service change how it treats people. Not "you
    should go to A&E" (advice to a reader: no way of treating people is named)."""
    toks = a.doc.tokens
    spans: Spans = []
    for i, t in enumerate(toks):
        if t not in _ASKING_CHANGE:
            continue
        j = i + 1
        if toks[j : j + 1] == ["to"] or toks[j : j + 1] == ["really"]:
            j += 1
        if toks[j : j + 1] == ["to"]:
            j += 1
        if j < len(toks) and toks[j] in _CARE_VERBS and not (t == "need" and i > 0
                                                             and toks[i - 1] in ("i", "we")):
            spans.append((i, j + 1))
    return spans


def why_not_question(a: Analysis) -> Spans:
    """"Why wasn't my mum told about the delay?", "why can't the clinic ring back?": a
    rhetorical question that blames the service. Not "why not pop in" (no auxiliary) or a
    plain "why is the clinic shut?" (a question, nothing denied)."""
    toks = a.doc.tokens
    spans: Spans = []
    for i, t in enumerate(toks[:-2]):
        if t == "why" and toks[i + 1] in _NEGATED_AUX and toks[i + 2] == "not":
            spans.append((i, i + 3))
    return spans


def faults_of_service(a: Analysis, said_of: frozenset[int]) -> Spans:
    """Fault words ("slow", "disgusting", "dismissive") that are said of the service or its
    staff (their starts are in `said_of`): "the toilets on the ward were disgusting", "the
    receptionist was slow and dismissive". Alone ("a slow cooker") they are not counted."""
    return [(s, e) for s, e in a.get("FAULTY") if s in said_of]


def everything_else_fine(a: Analysis) -> bool:
    """"The food was cold, everything else was fine", "apart from that the care was good":
    praise of the rest marks the post's other point as a criticism, so that praise does not
    outweigh it. Not "Everything else." alone as the answer to "what went well?"."""
    toks = a.doc.tokens
    text = " ".join(toks)
    for marker in _REST_IS_FINE:
        at = text.find(marker)
        if at < 0:
            continue
        i = text[:at].count(" ") + (1 if at else 0)
        if any(a.doc.sents[s] == a.doc.sents[i] for s, _ in a.get("GOOD")):
            return True
    return False


def opening_care_verb(a: Analysis) -> Spans:
    """"Encourage patients to join in", "Involve carers in the plan": a sentence that opens
    with a way of treating people asks the service to do it. Not "Explained everything
    clearly" (a past tense, praise) nor "Listen was the key" (a copula after)."""
    toks = a.doc.tokens
    spans: Spans = []
    for sent in sorted(set(a.doc.sents)):
        lo, hi = a.sentence_range(sent)
        if hi - lo >= 3 and toks[lo] in _OPENING_VERBS and not _COPULAS.intersection(
                toks[lo + 1 : lo + 3]):
            spans.append((lo, lo + 1))
    return spans


def denied_quality(a: Analysis) -> Spans:
    """"The consultant showed no compassion", "very little support for carers", "nothing
    was good about the stay", "can't think of anything that was useful": a quality of care
    denied outright. Not "nothing but praise",
    "no complaints" (a denied fault) or "No, the nurses were lovely" (an answer)."""
    toks = a.doc.tokens
    starts = {s: e for s, e in a.get("GOOD")}
    spans: Spans = []
    for i, t in enumerate(toks[:-1]):
        if t in ("no", "little", "without") and i + 1 in starts:
            if t == "little" and toks[i - 1 : i] not in (["very"], ["so"], ["too"]):
                continue  # "a little help" is some help; "little angels" a fond name
            if t == "no" and i == _sentence_start(a, i):
                continue  # "No, very good care": an answer
            spans.append((i, starts[i + 1]))
        elif t == "nothing" and toks[i + 1] in _COPULAS and i + 2 in starts:
            spans.append((i, starts[i + 2]))
        elif t == "anything" and "not" in toks[max(0, i - 4) : i]:
            # "I can't think of anything that was good": the good is denied too.
            j = i + 2 if toks[i + 1] in ("that", "which") else i + 1
            if j < len(toks) and toks[j] in _COPULAS and j + 1 in starts:
                spans.append((toks.index("not", max(0, i - 4)), starts[j + 1]))
    return spans


def _outside(spans: Spans, taken: Spans) -> Spans:
    return [(s, e) for s, e in spans
            if not any(ts < e and s < te for ts, te in taken)]


def complaint_findings(a: Analysis, said_of: frozenset[int]) -> tuple[Spans, Spans]:
    """(negative-experience spans, suggestion spans) found by the grammar above that the
    phrase lists did not already find, so nothing is counted twice."""
    bad = (excess_of_service(a) + denied_care_step(a) + split_let_down(a)
           + why_not_question(a) + faults_of_service(a, said_of) + denied_quality(a)
           + delay_told(a) + missing_provision(a))
    taken = list(a.get("BAD"))
    new_bad: Spans = []
    for span in sorted(bad):
        if _outside([span], taken):
            new_bad.append(span)
            taken.append(span)
    asks = asks_service_to_change(a) + opening_care_verb(a)
    return new_bad, _outside(asks, a.get("SUGGEST"))
