"""Complaints and praise: routing, never removal. A negative post is never removed for
being negative; it is routed to the complaints process.
"""

from __future__ import annotations

from policy.detectors import complaint_grammar, praise_grammar
from policy.detectors.base import Analysis, Hit
from policy.detectors.delay_grammar import asks_for_speed, delay_told
from policy.detectors.feedback_grammar import (
    no_fault_found,
    no_room_to_improve,
    said_of_service,
)
from policy.detectors.mild_grammar import mild_said_of_care
from policy.detectors.provision_grammar import unneeded
from policy.detectors.scope import negated
from policy.lexicon import feedback as lex
from policy.wordlists import words

RULES = ("complaint.explicit", "complaint.negative_experience", "complaint.suggestion",
         "praise.thanks", "praise.story")

PHRASES: dict[str, tuple[str, ...]] = {
    "COMPLAIN": lex.COMPLAINT_EXPLICIT,
    "BAD": lex.NEGATIVE_STRONG,
    "SUGGEST": lex.SUGGESTION,
    "GOOD": lex.PRAISE_STRONG,
    "CONTRAST": lex.CONTRAST,
    "SERVICE": lex.SERVICE,
    "FAULTY": words("service_faults"),
}
_GENERIC = frozenset(lex.GENERIC_NEGATIVE)
# Service words too loose to show, beside crisis, that a service is being complained about.
_LOOSE_SERVICE = frozenset({"you", "your", "they", "them", "place", "room", "stay", "letter",
                            "letters", "group", "groups", "visit", "experience", "phone",
                            "called", "care"})
# Someone telling what happened to them or theirs: an experience, even with no service named.
_NARRATOR = frozenset({"i", "me", "my", "we", "us", "our", "im"})
_TOLD = frozenset({"was", "were", "had", "been", "did", "got", "went", "took", "told", "said",
                   "asked", "left", "came", "saw", "felt", "waited", "tried", "spent"})
# A sentence that opens with these asks a question ("Is it safe to stop ...?").
_ASKING = frozenset({"is", "are", "can", "could", "do", "does", "did", "should", "will",
                     "would", "what", "how", "why", "when", "where", "who", "has", "have",
                     "am", "may", "anyone"})
# "Please call me", "please can someone look at ...": a request for one's own care.
_REQUEST = frozenset({"call", "ring", "contact", "can", "could", "let", "help", "look",
                      "check", "get", "phone", "email", "send", "advise", "tell", "someone"})
# Orders that are advice to a reader ("Ring the switchboard and ask for PALS") unless a
# problem is described beside them ("Call people back when you say you will!").
_ADVICE = frozenset({"ring", "call", "ask", "contact", "try", "phone", "email", "check",
                     "get"})


_COMPARATIVES = frozenset({"more", "less", "fewer", "better", "quicker", "faster", "sooner",
                           "shorter", "longer", "later", "earlier", "greater", "clearer"})


_DOING = frozenset({"listen", "communicate", "help", "explain", "care", "talk", "visit",
                    "engage", "interact", "things", "it", "them", "us", "patients", "people",
                    "staff", "often", "quickly", "time", "information", "support"})


_READ = frozenset({"read", "learn", "find", "see", "know", "hear", "watch", "discover"})


def _question(a: Analysis, lo: int, hi: int) -> bool:
    """The sentence ends in a question mark ("Could I stop taking it?"), not a survey answer
    that opens with a modal ("Could have more staff")."""
    start, end = a.doc.original_span(lo, hi)
    return "?" in a.text[start : end + 2]


def _asks_for_information(a: Analysis, s: int) -> bool:
    """The sentence holding token s is a question opening with an asking word other than
    "why" ("Is there parking?", "Does the ward allow visitors after 8?")."""
    lo, hi = a.sentence_range(a.doc.sents[s])
    first = a.doc.tokens[lo]
    return first in _ASKING and first != "why" and _question(a, lo, hi)


def _signposts(a: Analysis, s: int) -> bool:
    lo = a.sentence_range(a.doc.sents[s])[0]
    return a.doc.tokens[lo] in _ADVICE


def _asks_for_change(a: Analysis, s: int, e: int, bad: float,
                     speedy: frozenset[int] = frozenset()) -> bool:
    """A suggestion for the service: not a question, not a request for one's own care, and
    an order counts only beside a problem."""
    toks = a.doc.tokens
    lo = a.sentence_range(a.doc.sents[s])[0]
    hi = a.sentence_range(a.doc.sents[s])[1]
    if toks[lo] in _ASKING and _question(a, lo, hi):
        return False
    if toks[s] == "please" and toks[s + 1 : s + 2] and toks[s + 1] in _REQUEST:
        return False
    if s == lo and e - s == 1 and toks[s] in _ADVICE and bad < 0.5:
        return False
    if toks[s] == "more" and s > lo and toks[s - 1] in _READ:
        return False  # "read more at the link"
    if toks[s] in _COMPARATIVES and toks[e : e + 1] == ["than"] and toks[s] != "more":
        return False  # "arrived quicker than we expected": a comparison, not a request
    if toks[s] in _COMPARATIVES and e - s == 1 and e == hi and hi - lo > 3:
        # At the end of a sentence, "listen more", "explain things better" ask for change;
        # "... and more" after a list or a link does not.
        return toks[s - 1] in _IMPERATIVE or toks[s - 1] in _DOING or s in speedy
    return True
_IMPERATIVE = frozenset(lex.IMPERATIVES)


def _apart_from_praise(a: Analysis, suggest: list[tuple[int, int]],
                       praise: list[tuple[int, int]]) -> bool:
    """"Staff are lovely. Could be more organised": a suggestion in a sentence of its own
    beside praise is still a request for change (the post is mixed, not plain praise)."""
    praised = {a.doc.sents[s] for s, _ in praise}
    return any(a.doc.sents[s] not in praised for s, _ in suggest)
_COPULAS = frozenset({"was", "were", "is", "are", "been", "be"})
_INTENSIFIERS = frozenset({"very", "so", "really", "extremely", "absolutely", "incredibly",
                           "truly", "most", "always", "highly", "super"})

# Words that are negative only in context ("waiting", "hours") or praise only mildly ("good").
_WEAK_BAD = frozenset({"waiting", "waited", "wait", "waits", "hours", "weeks", "months", "left",
                       "communication", "parking", "nobody", "no one", "pain", "hr", "hrs",
                       "difficult", "hard to", "late", "lonely", "scared", "anxious",
                       "struggle", "struggling", "struggled", "upset", "cold", "chase",
                       "chasing", "lost", "cannot", "could not", "not able", "unable",
                       "stressful", "stressed", "suffering", "agony", "bored", "boring",
                       "lack", "sent home", "expensive"})
_WEAK_GOOD = frozenset({"good", "nice", "fine", "ok", "okay", "happy", "quick", "quickly", "fast",
                        "clear", "safe", "calm", "clean", "easy", "love", "loved", "best",
                        "kind", "caring", "helpful", "friendly", "professional", "great",
                        "pleasant", "polite", "understanding", "listened", "100", "star",
                        "stars", "patient", "proud", "efficient", "prompt", "on time",
                        "comfortable", "informative", "supportive", "respectful", "useful",
                        "reliable"})
_THANKS = frozenset({"thank you", "thanks", "thankyou", "grateful", "gratitude", "appreciate",
                     "appreciated", "thankful"})


def _weighted(a: Analysis, tag: str, weak: frozenset[str],
              firm: frozenset[int] = frozenset(), mild: frozenset[int] | None = None,
              ) -> tuple[float, float, list]:
    """(score, score of negated uses, spans) for a tag; a weak word said of the service
    (a token index in `firm`) counts in full."""
    toks = a.doc.tokens
    score = flipped = 0.0
    spans = []
    for s, e in a.get(tag):
        w = 0.5 if " ".join(toks[s:e]) in weak else 1.0
        if w < 1 and mild is not None and s not in mild:
            continue
        if (s > 0 and toks[s - 1] in _INTENSIFIERS) or s in firm:
            w = 1.0  # "very professional", "the staff were great"
        if negated(a, s, window=3):
            flipped += w
        else:
            score += w
            spans.append((s, e))
    return score, flipped, spans


def detect(a: Analysis) -> list[Hit]:
    doc = a.doc
    toks = doc.tokens
    hits: list[Hit] = []
    # Praise phrases win over the words inside them ("could not have done better",
    # "no complaints"), and "not helpful" is a complaint phrase, not praise.
    # Suggestion phrases win over praise words inside them ("would have helped").
    inside_suggest = {i for ss, se in a.get("SUGGEST") if se - ss > 1 for i in range(ss, se)}
    good_all = [(s, e) for s, e in a.get("GOOD") if s not in inside_suggest]
    inside_good = {i for gs, ge in good_all if ge - gs > 1 for i in range(gs, ge)}
    a.found["BAD"] = [(s, e) for s, e in a.get("BAD") if s not in inside_good]
    bad_spans = a.get("BAD")
    a.found["GOOD"] = [(s, e) for s, e in good_all
                       if not any(bs <= s and e <= be and (be - bs) > (e - s)
                                  for bs, be in bad_spans)]
    # A negator inside a praise phrase ("I'll never forget your kindness", "can't fault")
    # negates nothing after it.
    nots = a.found.get("NOT", [])
    a.found["NOT"] = [(s, e) for s, e in nots if s not in inside_good]
    # An insult of a person is abuse, not a described experience ("she is a useless cow").
    insults: list[tuple[int, int]] = a.notes.get("abuse") or []  # type: ignore[assignment]
    # "a useless stupid cow": the adjectives before the insult belong to it.
    inside = {i for s, e in insults for i in range(max(0, s - 5), e)
              if doc.sents[i] == doc.sents[s]}
    if insults:
        a.found["BAD"] = [(s, e) for s, e in a.get("BAD") if s not in inside]
    # A denied step of care ("nobody explained the scan") is itself an experience of care.
    experience = bool(a.get("SERVICE")) or (bool(_NARRATOR.intersection(toks))
                                            and bool(_TOLD.intersection(toks))) \
        or bool(complaint_grammar.denied_care_step(a)) or bool(delay_told(a))
    if not experience:
        # A single negative word is not a complaint: without a service, a member of staff or
        # a step of care in the post, only clearly evaluative words count.
        a.found["BAD"] = [(s, e) for s, e in a.get("BAD")
                          if " ".join(toks[s:e]) not in _GENERIC]
    # "Is there parking at the Hellesdon site?": a question asking for information is not a
    # described experience, so its mild and generic words do not count ("why" is left out:
    # "why does nobody ring back?" complains).
    asking = {doc.sents[s] for s, _ in a.get("BAD") if _asks_for_information(a, s)}
    a.found["BAD"] = [(s, e) for s, e in a.get("BAD")
                      if doc.sents[s] not in asking
                      or (" ".join(toks[s:e]) not in _GENERIC
                          and " ".join(toks[s:e]) not in _WEAK_BAD)]
    # "Can't wait for the fete": eagerness, not inability.
    a.found["BAD"] = [(s, e) for s, e in a.get("BAD") if toks[e : e + 1] != ["wait"]
                      and not unneeded(toks, s, e)]  # nor is "no help needed" a lack
    if experience:
        # Grammar the word lists miss: "far too slow", "nobody explained", "let my mum
        # down", "staff should involve carers", "why wasn't I told?".
        more_bad, more_suggest = complaint_grammar.complaint_findings(
            a, said_of_service(a, "FAULTY"))
        a.found["BAD"] = sorted(a.get("BAD") + [(s, e) for s, e in more_bad
                                                if s not in inside])
        a.found["SUGGEST"] = sorted(a.get("SUGGEST") + more_suggest)
    # Praise is not spoilt by a negative that is not about the care ("seen twice, both
    # times brilliant", "can't remember her name"); "no words to thank them" is praise.
    incidental = set(praise_grammar.incidental_negatives(a, a.get("BAD")))
    a.found["BAD"] = [span for span in a.get("BAD") if span not in incidental]
    gratitude = (praise_grammar.gratitude_beyond_words(a) + praise_grammar.praise_said_as_denial(a)
                 + praise_grammar.stay_as_you_are(a) + praise_grammar.nothing_to_change(a))
    intensifying = praise_grammar.more_than_praise(a, a.get("GOOD"))
    # "Nothing could have been better", "never had any problems": a denied improvement or
    # fault is praise, and the words inside it ("could not", "better") are not counted apart.
    denied = no_room_to_improve(a) + no_fault_found(a) + gratitude
    inside_denied = {i for ds, de in denied for i in range(ds, de)}
    for tag in ("BAD", "SUGGEST", "GOOD", "COMPLAIN"):
        a.found[tag] = [(s, e) for s, e in a.get(tag)
                        if inside_denied.isdisjoint(range(s, e))]
    # "The ambulance was late" counts; "the nurse stayed late to help me" does not.
    bad, bad_neg, bad_sp = _weighted(a, "BAD", _WEAK_BAD, mild=mild_said_of_care(a, _WEAK_BAD))
    good, good_neg, good_sp = _weighted(a, "GOOD", _WEAK_GOOD, said_of_service(a, "GOOD"))
    good += len(denied)
    good_sp = sorted(good_sp + denied)
    a.found["NOT"] = nots
    bad += good_neg if experience else 0.0  # "not kind", "wasn't helpful" (of a service)
    good += 0.5 * bad_neg  # "never rude"
    # "you'd better ..." is a warning, not a suggestion for the service.
    suggest = [(s, e) for s, e in a.get("SUGGEST")
               if s not in inside_good and s not in intensifying
               and not negated(a, s, window=2)
               and not (toks[s] == "better" and s > 0 and toks[s - 1] in ("would", "had"))]
    lo_of = {a.sentence_range(st)[0] for st in set(doc.sents)}
    suggest += [(s, s + 1) for s in sorted(lo_of) if s < len(toks) and toks[s] in _IMPERATIVE
                and not _COPULAS.intersection(toks[s + 1 : s + 4])  # not "Call handler was"
                and s not in inside_denied]  # not "Keep doing what you are doing"
    # A suggestion asks the service to change ("more staff on the ward", "quicker
    # appointments"); a question, a request for one's own care or advice to a reader does not.
    # "Get to the patient quicker": a sentence ending in a speed asks the service for it.
    speedy = frozenset(s for s, _ in asks_for_speed(a))
    suggest = sorted(set(suggest) | {(s, s + 1) for s in speedy})
    suggest = [(s, e) for s, e in suggest if _asks_for_change(a, s, e, bad, speedy)]
    # "Care excellent but nurses are always rushing": what follows "but" is the point.
    contrast = [s for s, _ in a.get("CONTRAST")]
    turned = bool(contrast) and any(s > contrast[0] for s, _ in bad_sp + suggest)
    # "The food was cold. Everything else was fine": the criticism is the point.
    turned = turned or (bool(bad_sp or suggest) and complaint_grammar.everything_else_fine(a))
    explicit = [(s, e) for s, e in a.get("COMPLAIN") if not negated(a, s, window=2)]
    # A person in crisis describing their pain is not complaining about a service: beside
    # crisis, a complaint needs the service named ("nobody from the crisis team called").
    in_crisis = bool(a.notes.get("crisis")) and not any(
        " ".join(toks[s:e]) not in _LOOSE_SERVICE for s, e in a.get("SERVICE"))
    # "Ring the switchboard and ask for PALS": signposting a reader, not a complaint.
    explicit = [(s, e) for s, e in explicit if not _signposts(a, s)]
    if explicit and not a.near("GOOD", explicit[0][0], explicit[0][1], 2, 0):
        s, e = explicit[0]
        hits.append(Hit("complaint.explicit", s, e, 0.9))
    elif in_crisis or a.notes.get("hate"):
        pass  # distress, or hate about a group, is not fair criticism of a service
    elif bad >= 0.5 and (bad >= good or turned):
        s, e = bad_sp[0] if bad_sp else (0, min(len(toks), 1))
        hits.append(Hit("complaint.negative_experience", s, e, min(0.95, 0.5 + 0.1 * bad)))
    elif suggest and (((good < 2 or turned) and bad + 1 >= 0.5 * good)
                      or _apart_from_praise(a, suggest, good_sp)):
        s, e = suggest[0]
        hits.append(Hit("complaint.suggestion", s, e, 0.6))
    # One word that is negative only in context ("in her final weeks") does not outweigh
    # clear praise.
    faint = bad < 0.5 or (bad == 0.5 and good >= 2)
    if not hits and good >= 1 and faint and good_sp and not turned:
        s, e = good_sp[0]
        thanks = bool(gratitude) or any(" ".join(toks[gs:ge]) in _THANKS
                                        for gs, ge in good_sp)
        hits.append(Hit("praise.thanks" if thanks else "praise.story", s, e,
                        min(0.95, 0.5 + 0.1 * good)))
        if not contrast:
            a.notes["plain_praise"] = True  # read by care: gratitude is not a care request
    return hits
