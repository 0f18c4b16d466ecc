"""Hate said by denying a group its worth or its place: a positive word negated of a group
("X are not our equal", "X lives do not matter") and "no room / no place for" a group.
"""

from __future__ import annotations

from policy.detectors.base import Analysis, Hit
from policy.detectors.hate_targets import cue_target, group_negated
from policy.detectors.scope import counter_speech, negated

_ROOM = frozenset({"place", "room", "space", "home", "future", "welcome", "seat", "job",
                   "jobs", "right", "rights"})


def no_room_for(a: Analysis, groups: list[tuple[int, int, str]]) -> list[Hit]:
    """Exclusion by grammar: "no" + a place or a right + "for" + a group ("there is no room
    on this earth for ...", "no jobs for ..."), the writer's own words."""
    toks = a.doc.tokens
    for i, t in enumerate(toks):
        if t != "no" or i + 1 >= len(toks) or toks[i + 1] not in _ROOM:
            continue
        if counter_speech(a, i) or negated(a, i):
            continue
        hi = a.sentence_range(a.doc.sents[i])[1]
        for_at = next((k for k in range(i + 2, min(hi, i + 8)) if toks[k] == "for"), None)
        if for_at is None:
            continue
        tgt = next((g for g in groups if for_at < g[0] <= for_at + 3), None)
        if tgt and not group_negated(a, tgt[0]):
            return [Hit("hate.derogatory", i, tgt[1], 0.8, note=tgt[2])]
    return []


def negated_positive(a: Analysis, groups: list[tuple[int, int, str]]) -> list[Hit]:
    """"X are not our equal", "X do not deserve to live", "X lives do not matter"."""
    doc = a.doc
    out: list[Hit] = []
    hostile = [s for tag in ("VIOL", "THREAT", "NEG", "DEHUM", "EXCL") for s, _ in a.get(tag)]
    for ps, pe in a.get("POS"):
        if counter_speech(a, ps) or not negated(a, ps, window=3):
            continue
        after = doc.tokens[pe : pe + 3]
        if "less" in after or any(pe <= h <= pe + 5 for h in hostile):
            continue  # "not worth any less", "do not deserve to be tortured": protective
        tgt = cue_target(a, groups, ps, pe, 8, 8)
        if tgt is None or group_negated(a, tgt[0]):
            continue
        # "I don't trust them" is not about a group unless the group is there too.
        s, e = min(ps, tgt[0]), max(pe, tgt[1])
        out.append(Hit("hate.negated_positive", s, e, 0.8, note=tgt[2]))
        break
    return out
