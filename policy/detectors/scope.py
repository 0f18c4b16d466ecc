"""Scope: whether a hostile word is the writer's own, shared by every detector.

A hostile word does not count when it is quoted, reported in order to oppose it
(counter-speech), or inside the scope of a negation ("nobody should hurt ...", "they are not
vermin"). Kept apart from the detectors so that hate, slurs, violence, abuse and the routing
detectors all read one definition and none imports another.
"""

from __future__ import annotations

from policy.detectors.base import Analysis

# "Not only", "not better", "no other": negators that do not deny what follows.
_NOT_NEGATING_NEXT = frozenset({"but", "better", "more", "less", "short", "other", "only",
                                "such"})
# "Must not let them be hurt": a protective negation covers the whole clause.
_PROTECT = frozenset({"let", "allow", "permit", "want", "tolerate", "accept", "see", "stand"})
_NOBODY = frozenset({"nobody", "noone"})


def _scope_ends(negator: str, between: list[str]) -> bool:
    """"No plan and no follow-up": a determiner "no" covers its own noun phrase, so a
    conjunction after it ends its scope; "not" carries over "or" ("not rude or dismissive")
    but ends at "and"/"but" ("not the doctor but the receptionist")."""
    if negator == "no":
        return bool({"and", "or", "but"}.intersection(between))
    return bool({"and", "but"}.intersection(between))


def counter_speech(a: Analysis, start: int) -> bool:
    """Quoted, reported or condemned: the post opposes the hostile words it contains."""
    doc = a.doc
    if doc.quoted[start]:
        return True
    sent = doc.sents[start]
    if a.in_sent("CONDEMN", sent):
        return True
    return any(s < start and not _own_saying(doc.tokens, s)
               for s, _ in a.in_sent("REPORT", sent))


# "I said it before", "I'll say it again", "as I always say": the writer saying it is the
# writer's own words, not a report of someone else's.
_SAYING = frozenset({"said", "say", "saying", "wrote", "write", "writing"})
_BEFORE_SAYING = frozenset({"have", "ve", "'ve", "will", "ll", "'ll", "always", "just", "keep",
                            "kept", "would", "d", "'d", "had", "really", "honestly", "must",
                            "gotta", "do", "again", "already", "often"})


def _own_saying(tokens: list[str], s: int) -> bool:
    """The report word at s is a verb of saying whose subject is the writer ("i", "we"),
    with no negation between ("I would never say ..." still reports to oppose)."""
    if tokens[s] not in _SAYING:
        return False
    k = s - 1
    while k >= 0 and s - k <= 4 and tokens[k] in _BEFORE_SAYING:
        k -= 1
    return k >= 0 and tokens[k] in ("i", "we")


def negated(a: Analysis, start: int, window: int = 4) -> bool:
    """The word at `start` is denied: a negator shortly before it in the same clause, a
    "nobody"/"no one" subject, or a protective negation ("we must not let them ...")."""
    doc = a.doc
    sent = doc.sents[start]
    lo = a.sentence_range(sent)[0]
    before = doc.tokens[max(lo, start - 8) : start]
    if _NOBODY.intersection(before) or "no one" in " ".join(before):
        return True  # "nobody should ever hurt ...", "no one deserves ..."
    if not a.get("NOT"):
        return False  # no negator anywhere in the post
    for s, e in a.in_sent("NOT", sent):
        if s >= start:
            continue
        if e > start:
            continue  # part of the cue itself ("not worth shit")
        if s == lo and doc.tokens[s] == "no" and e - s == 1:
            continue  # "No, your service was excellent": an answer, not a negation
        nxt = doc.tokens[e] if e < len(doc.tokens) else ""
        if nxt in _NOT_NEGATING_NEXT:
            continue
        if "why" in doc.tokens[max(lo, s - 3) : s + 1] or (
            s <= lo + 1 and nxt in ("it", "this", "that")
        ):
            continue  # "why don't we just ...", "isn't it clear ...": rhetorical
        between = doc.tokens[e:start]
        if start - window <= e and "," not in between and not _scope_ends(
                doc.tokens[s], between):
            return True
        if _PROTECT.intersection(doc.tokens[e : e + 2]):
            return True
    return False
