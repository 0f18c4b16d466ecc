"""Violence: threats and incitement against others.

Harm to oneself is crisis, never violence: a violent word needs a target that is another
person or a group ("kill myself" has none), and the engine drops violence whenever crisis fires.
"""

from __future__ import annotations

from policy.detectors.base import Analysis, Hit
from policy.detectors.hate import counter_speech, negated
from policy.lexicon import harm

RULES = ("violence.threat", "violence.incitement", "violence.wish_harm")

PHRASES: dict[str, tuple[str, ...]] = {
    "TARGET": harm.PERSON_TARGETS,
    "VNOUN": ("execution", "executions", "extermination", "eradication", "genocide",
              "annihilation", "lynching", "lynchings", "final solution", "firing squad",
              "gas chamber", "gas chambers", "bullet", "bullets", "noose"),
}

_FIRST = frozenset({"i", "we"})
_FUTURE = frozenset({"will", "going", "gonna", "want", "shall", "would", "could", "am",
                     "have", "gon", "about"})
_NORMATIVE = frozenset({"should", "ought", "must", "need", "needs", "deserve", "deserves",
                        "let", "someone", "somebody", "everyone", "hope", "wish", "love",
                        "only", "just", "better"})
_WISH = frozenset({"hope", "wish", "pray", "love"})
_PASSIVE = frozenset({"be", "been", "being", "get", "got", "getting"})
# Verbs whose victim is their subject ("you will die", "those women suffer").
_SUBJECT_VICTIM = frozenset({"die", "dies", "died", "dead", "death", "suffer", "burn", "rot"})
_DETERMINERS = frozenset({"those", "these", "their", "his", "your", "her", "every", "all"})
_SELF_INTENT = frozenset({"want", "wanted", "wanting", "thinking", "thought", "tried", "try",
                          "trying", "urge", "urges", "about", "if", "feel", "feeling", "felt",
                          "not", "never", "going", "planning", "plan", "attempt", "considered",
                          "considering", "when", "i"})


def _is_target(a: Analysis, i: int) -> bool:
    """Token i starts a person or group target (not "those balloons")."""
    doc = a.doc
    if any(s == i for s, _, _ in a.prefixed("G:")):
        return True
    for s, _ in a.get("TARGET"):
        if s == i:
            if doc.tokens[i] in _DETERMINERS:
                nxt = i + 1
                return nxt < len(doc.tokens) and (
                    any(t == nxt for t, _ in a.get("TARGET"))
                    or any(g == nxt for g, _, _ in a.prefixed("G:"))
                )
            return True
    return False


def _target_after(a: Analysis, e: int, limit: int = 5) -> bool:
    sent = a.doc.sents[e - 1]
    n = len(a.doc.tokens)
    return any(
        a.doc.sents[i] == sent and _is_target(a, i) for i in range(e, min(n, e + limit))
    )


def _target_before(a: Analysis, s: int, limit: int = 7) -> bool:
    sent = a.doc.sents[s]
    return any(a.doc.sents[i] == sent and _is_target(a, i) for i in range(max(0, s - limit), s))


def _self_harm_talk(a: Analysis, s: int) -> bool:
    """"if you want to kill yourself, talk to someone": about self-harm, not an order."""
    return bool(_SELF_INTENT.intersection(a.doc.tokens[max(0, s - 3) : s]))


def detect(a: Analysis) -> list[Hit]:
    doc = a.doc
    toks = doc.tokens
    hits: list[Hit] = []
    for s, e in a.get("THREAT"):
        if counter_speech(a, s) or negated(a, s):
            continue
        phrase = toks[s:e]
        if {"yourself", "yourselves"} & set(phrase) and _self_harm_talk(a, s):
            continue
        rule = "violence.wish_harm" if phrase[0] in _WISH or "yourself" in phrase else (
            "violence.threat" if _FIRST & set(toks[max(0, s - 4) : s]) else "violence.incitement"
        )
        hits.append(Hit(rule, s, e, 0.85))
    for s, e in a.get("VIOL") + a.get("VNOUN"):
        if counter_speech(a, s) or negated(a, s):
            continue
        lo = a.sentence_range(doc.sents[s])[0]
        before = toks[max(lo, s - 6) : s]
        word = toks[s]
        has_first = bool(_FIRST & set(before)) and bool(_FUTURE & set(before))
        normative = bool(_NORMATIVE & set(before))
        passive = bool(_PASSIVE & set(toks[max(lo, s - 2) : s]))
        imperative = s == lo or (s - lo <= 2 and set(before) <= {"just", "go", "please", "and"})
        if word in _SUBJECT_VICTIM:
            target = _target_before(a, s, 6)
            if not (target and (has_first or normative or "will" in before)):
                continue
        elif passive:
            if not (_target_before(a, s) and (normative or has_first)):
                continue
        elif toks[s] in ("execution", "extermination", "eradication", "genocide",
                         "annihilation", "final", "gas", "firing"):
            if not (_target_after(a, e, 8) or _target_before(a, s)):
                continue
            normative = True
        elif not ((has_first or normative or imperative) and _target_after(a, e)):
            continue
        if any(h.start <= s < h.end for h in hits):
            continue
        if bool(_WISH & set(before)):
            rule = "violence.wish_harm"
        elif has_first and not normative:
            rule = "violence.threat"
        else:
            rule = "violence.incitement"
        hits.append(Hit(rule, s, e, 0.8))
    return hits
