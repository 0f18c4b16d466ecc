"""Complaints and praise: routing, never removal. A negative post is never removed for
being negative; it is routed to the complaints process.
"""

from __future__ import annotations

from policy.detectors.base import Analysis, Hit
from policy.detectors.hate import negated
from policy.lexicon import feedback as lex

RULES = ("complaint.explicit", "complaint.negative_experience", "complaint.suggestion",
         "praise.thanks", "praise.story")

PHRASES: dict[str, tuple[str, ...]] = {
    "COMPLAIN": lex.COMPLAINT_EXPLICIT,
    "BAD": lex.NEGATIVE_STRONG,
    "SUGGEST": lex.SUGGESTION,
    "GOOD": lex.PRAISE_STRONG,
}

# Words that are negative only in context ("waiting", "hours") or praise only mildly ("good").
_WEAK_BAD = frozenset({"waiting", "waited", "wait", "waits", "hours", "weeks", "months", "left",
                       "communication", "parking", "never", "nobody", "no one", "pain",
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
                     "appreciated"})


def _weighted(a: Analysis, tag: str, weak: frozenset[str]) -> tuple[float, float, list]:
    """(score, score of negated uses, spans) for a tag."""
    toks = a.doc.tokens
    score = flipped = 0.0
    spans = []
    for s, e in a.get(tag):
        w = 0.5 if " ".join(toks[s:e]) in weak else 1.0
        if negated(a, s, window=3):
            flipped += w
        else:
            score += w
            spans.append((s, e))
    return score, flipped, spans


def detect(a: Analysis) -> list[Hit]:
    doc = a.doc
    hits: list[Hit] = []
    # "not helpful" is negative; "no complaints" / "could not fault" are praise phrases.
    good_all = a.get("GOOD")
    bad_spans = [(s, e) for s, e in a.get("BAD")
                 if not any(gs <= s and e <= ge and (ge - gs) > (e - s) for gs, ge in good_all)]
    a.found["BAD"] = bad_spans
    a.found["GOOD"] = [(s, e) for s, e in good_all
                       if not any(bs <= s and e <= be and (be - bs) > (e - s)
                                  for bs, be in bad_spans)]
    bad, bad_neg, bad_sp = _weighted(a, "BAD", _WEAK_BAD)
    good, good_neg, good_sp = _weighted(a, "GOOD", _WEAK_GOOD)
    bad += good_neg  # "not kind", "wasn't helpful"
    good += 0.5 * bad_neg  # "never rude"
    suggest = [(s, e) for s, e in a.get("SUGGEST") if not negated(a, s, window=2)]
    explicit = [(s, e) for s, e in a.get("COMPLAIN") if not negated(a, s, window=2)]
    if explicit and not a.near("GOOD", explicit[0][0], explicit[0][1], 2, 0):
        s, e = explicit[0]
        hits.append(Hit("complaint.explicit", s, e, 0.9))
    elif bad >= 1 and bad > good:
        s, e = bad_sp[0] if bad_sp else (0, min(len(doc.tokens), 1))
        hits.append(Hit("complaint.negative_experience", s, e, min(0.95, 0.5 + 0.1 * bad)))
    elif suggest and good < 1.5 and bad >= 0.5 * good:
        s, e = suggest[0]
        hits.append(Hit("complaint.suggestion", s, e, 0.6))
    if not hits and good >= 1 and bad < 0.5 and good_sp:
        s, e = good_sp[0]
        thanks = any(" ".join(doc.tokens[gs:ge]) in _THANKS for gs, ge in good_sp)
        hits.append(Hit("praise.thanks" if thanks else "praise.story", s, e,
                        min(0.95, 0.5 + 0.1 * good)))
    return hits
