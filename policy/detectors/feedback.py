"""Complaints and praise: routing, never removal. A negative post is never removed for
being negative; it is routed to the complaints process.
"""

from __future__ import annotations

from policy.detectors.base import Analysis, Hit
from policy.detectors.scope import negated
from policy.lexicon import feedback as lex

RULES = ("complaint.explicit", "complaint.negative_experience", "complaint.suggestion",
         "praise.thanks", "praise.story")

PHRASES: dict[str, tuple[str, ...]] = {
    "COMPLAIN": lex.COMPLAINT_EXPLICIT,
    "BAD": lex.NEGATIVE_STRONG,
    "SUGGEST": lex.SUGGESTION,
    "GOOD": lex.PRAISE_STRONG,
    "CONTRAST": lex.CONTRAST,
}
_IMPERATIVE = frozenset(lex.IMPERATIVES)
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
                        "comfortable", "informative", "supportive", "respectful"})
_THANKS = frozenset({"thank you", "thanks", "thankyou", "grateful", "gratitude", "appreciate",
                     "appreciated", "thankful"})


def _weighted(a: Analysis, tag: str, weak: frozenset[str]) -> tuple[float, float, list]:
    """(score, score of negated uses, spans) for a tag."""
    toks = a.doc.tokens
    score = flipped = 0.0
    spans = []
    for s, e in a.get(tag):
        w = 0.5 if " ".join(toks[s:e]) in weak else 1.0
        if s > 0 and toks[s - 1] in _INTENSIFIERS:
            w = 1.0  # "very professional"
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
    bad, bad_neg, bad_sp = _weighted(a, "BAD", _WEAK_BAD)
    good, good_neg, good_sp = _weighted(a, "GOOD", _WEAK_GOOD)
    a.found["NOT"] = nots
    bad += good_neg  # "not kind", "wasn't helpful"
    good += 0.5 * bad_neg  # "never rude"
    # "you'd better ..." is a warning, not a suggestion for the service.
    suggest = [(s, e) for s, e in a.get("SUGGEST")
               if s not in inside_good and not negated(a, s, window=2)
               and not (toks[s] == "better" and s > 0 and toks[s - 1] in ("would", "had"))]
    lo_of = {a.sentence_range(st)[0] for st in set(doc.sents)}
    suggest += [(s, s + 1) for s in sorted(lo_of) if s < len(toks) and toks[s] in _IMPERATIVE
                and not _COPULAS.intersection(toks[s + 1 : s + 4])]  # not "Call handler was"
    # "Care excellent but nurses are always rushing": what follows "but" is the point.
    contrast = [s for s, _ in a.get("CONTRAST")]
    turned = bool(contrast) and any(s > contrast[0] for s, _ in bad_sp + suggest)
    explicit = [(s, e) for s, e in a.get("COMPLAIN") if not negated(a, s, window=2)]
    # A person in crisis describing their pain is not complaining about a service: only an
    # explicit complaint ("I want to complain about ...") is routed as one beside crisis.
    in_crisis = bool(a.notes.get("crisis"))
    if explicit and not a.near("GOOD", explicit[0][0], explicit[0][1], 2, 0):
        s, e = explicit[0]
        hits.append(Hit("complaint.explicit", s, e, 0.9))
    elif in_crisis:
        pass
    elif bad >= 0.5 and (bad >= good or turned):
        s, e = bad_sp[0] if bad_sp else (0, min(len(toks), 1))
        hits.append(Hit("complaint.negative_experience", s, e, min(0.95, 0.5 + 0.1 * bad)))
    elif suggest and (good < 2 or turned) and bad + 1 >= 0.5 * good:
        s, e = suggest[0]
        hits.append(Hit("complaint.suggestion", s, e, 0.6))
    # One word that is negative only in context ("in her final weeks") does not outweigh
    # clear praise.
    faint = bad < 0.5 or (bad == 0.5 and good >= 2)
    if not hits and good >= 1 and faint and good_sp and not turned:
        s, e = good_sp[0]
        thanks = any(" ".join(toks[gs:ge]) in _THANKS for gs, ge in good_sp)
        hits.append(Hit("praise.thanks" if thanks else "praise.story", s, e,
                        min(0.95, 0.5 + 0.1 * good)))
        if not contrast:
            a.notes["plain_praise"] = True  # read by care: gratitude is not a care request
    return hits
