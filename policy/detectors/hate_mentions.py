"""Hate read loosely, from a post as a whole: a group and a hostile word in the same short
post with no sentence tying them, and a group named only by an adjective or a slur.

These are the weakest hate rules (confidence 0.55, quiet in a story of distress); a rule that
reads the shape of a sentence outranks them.
"""

from __future__ import annotations

from policy.detectors.base import Analysis, Hit, distress_context
from policy.detectors.hate_targets import group_negated
from policy.detectors.intent import harm_suffered
from policy.detectors.scope import counter_speech, negated


def unnamed_mention(a: Analysis) -> list[Hit]:
    """No group noun: a group adjective on its own or a slur may still be the target."""
    adjs = [g for g in a.prefixed("GADJ:") if a.doc.tokens[g[0]] not in _AMBIGUOUS_ADJ]
    statuses = a.notes.get("slurs", {})
    slurs = [(s, e, c) for s, e, c in a.prefixed("SLUR:")
             if statuses.get(s) not in ("counter", "homonym", "reclaimed", "insult")]
    return hostile_mention(a, adjs + slurs) if adjs or slurs else []


_UNNEGATABLE = frozenset({"PROF", "PROF_MILD"})  # "can't do maths, f***ing ..."
_POST_CUES = ("DEHUM", "NEG", "EMO", "EXCL", "PROF", "PROF_MILD", "THREAT", "HOSTILE",
              "INSULT_N", "INSULT_A", "VNOUN", "VIOL")


def hostile_mention(a: Analysis, groups: list[tuple[int, int, str]]) -> list[Hit]:
    """A post that names a group and is hostile, though no single sentence ties the two
    together ("France is finally a shithole. Open borders did this.")."""
    doc = a.doc
    if len(doc.tokens) > 120 or distress_context(a):
        return []  # in a long post or a story of one's own distress, co-occurrence means little
    vsafe = {i for s, e in a.get("VSAFE") for i in range(s, e)}
    cues_found = sorted(
        {(s, e) for tag in _POST_CUES for s, e in a.get(tag)
         if not doc.quoted[s] and not counter_speech(a, s) and s not in vsafe
         and (tag in _UNNEGATABLE or not negated(a, s)) and not harm_suffered(a, s)}
    )
    if not cues_found:
        return []
    praise = [s for s, _ in a.get("PRAISE") if not negated(a, s)]
    if len(praise) >= len(cues_found):
        return []
    groups = [g for g in groups if not group_negated(a, g[0])]
    if not groups:
        return []
    gs, ge, char = groups[0]
    cs, ce = cues_found[0]
    return [Hit("hate.hostile_mention", min(gs, cs), max(ge, ce), 0.55, note=char)]


# Group adjectives that are mostly ordinary words ("black coffee", "old building").
_AMBIGUOUS_ADJ = frozenset({"black", "white", "brown", "old", "older", "young", "native",
                            "foreign", "ethnic", "illegal", "poor", "fat", "depressed",
                            "suicidal", "mental", "married", "divorced", "male", "female",
                            "bi", "religious", "pregnant", "blind", "deaf", "elderly",
                            "teenage", "homeless", "unemployed", "addicted", "obese"})
