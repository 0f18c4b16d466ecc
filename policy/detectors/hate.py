"""Hate: hostility aimed at people for who they are (protected characteristics and the
trust's own: diagnosis, social or financial status).

A hostile word only counts when it is about a group named nearby, and not when it is quoted,
reported to oppose it (counter-speech), negated, or a reclaimed or everyday use of a slur.
"""

from __future__ import annotations

from policy.detectors.base import Analysis, Hit
from policy.detectors.slurs import slur_hits
from policy.lexicon import cues, harm
from policy.lexicon.groups import GROUP_ADJECTIVES, GROUP_NOUNS, PEOPLE_NOUNS

RULES = ("hate.slur", "hate.dehumanising", "hate.derogatory", "hate.negated_positive",
         "hate.threat")


def _group_phrases() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for char, nouns in GROUP_NOUNS.items():
        out.setdefault("G:" + char, []).extend(nouns)
    for char, adjs in GROUP_ADJECTIVES.items():
        lst = out.setdefault("G:" + char, [])
        for adj in adjs:
            lst.extend(f"{adj} {noun}" for noun in PEOPLE_NOUNS)
    return {k: tuple(v) for k, v in out.items()}


PHRASES: dict[str, tuple[str, ...]] = {
    **_group_phrases(),
    "DEHUM": cues.DEHUMANISING,
    "NEG": cues.NEGATIVE_ATTRIBUTES,
    "EMO": cues.NEGATIVE_EMOTIONS,
    "EXCL": cues.EXCLUSION,
    "POS": cues.POSITIVE,
    "PRAISE": cues.POSITIVE_PRAISE,
    "NOT": cues.NEGATORS,
    "REPORT": cues.REPORTING,
    "CONDEMN": cues.CONDEMN,
    "PROF": cues.PROFANITY_STRONG,
    "VIOL": harm.VIOLENT_VERBS,
    "THREAT": harm.THREAT_PHRASES,
    "PRON": ("they", "them", "these", "those", "their", "theirs", "these people",
             "those people", "that lot", "this lot"),
}

# (tag, rule, tokens allowed before the group, tokens allowed after the group)
_CUES = (
    ("DEHUM", "hate.dehumanising", 6, 10),
    ("THREAT", "hate.threat", 8, 8),
    ("VIOL", "hate.threat", 8, 8),
    ("EXCL", "hate.derogatory", 8, 10),
    ("EMO", "hate.derogatory", 8, 4),
    ("NEG", "hate.derogatory", 2, 6),
    ("PROF", "hate.derogatory", 2, 5),
)
_STRONG = frozenset({"DEHUM", "THREAT", "VIOL", "EXCL", "NEG"})
_PROTECT = frozenset({"let", "allow", "permit", "want", "tolerate", "accept", "see"})
_NOT_NEGATING_NEXT = frozenset({"but", "better", "more", "less", "short", "other", "only"})


def counter_speech(a: Analysis, start: int) -> bool:
    """Quoted, reported or condemned: the post opposes the hostile words it contains."""
    doc = a.doc
    if doc.quoted[start]:
        return True
    sent = doc.sents[start]
    if a.in_sent("CONDEMN", sent):
        return True
    return any(s < start for s, _ in a.in_sent("REPORT", sent))


def negated(a: Analysis, start: int, window: int = 4) -> bool:
    doc = a.doc
    sent = doc.sents[start]
    for s, e in a.in_sent("NOT", sent):
        if s >= start:
            continue
        nxt = doc.tokens[e] if e < len(doc.tokens) else ""
        if nxt in _NOT_NEGATING_NEXT:
            continue
        if start - window <= e and "," not in doc.tokens[e:start]:
            return True
        # "we must not let them be attacked": protective negation covers the clause.
        if _PROTECT.intersection(doc.tokens[e : e + 2]):
            return True
    return False


def _target(a: Analysis, groups: list[tuple[int, int, str]], cs: int, ce: int,
            before: int, after: int) -> tuple[int, int, str] | None:
    sents = a.doc.sents
    sent = sents[cs]
    for gs, ge, char in groups:
        if sents[gs] != sent:
            continue
        if (ge <= cs and cs - ge <= after) or (ce <= gs and gs - ce <= before) or (
            gs <= cs < ge
        ):
            return (gs, ge, char)
    return None


def _group_negated(a: Analysis, gs: int) -> bool:
    """"No black person ought to ..." / "never any woman": the group itself is negated."""
    toks = a.doc.tokens
    return gs > 0 and toks[gs - 1] in ("no", "never") or (gs > 1 and toks[gs - 2] == "no")


def detect(a: Analysis) -> list[Hit]:
    hits = slur_hits(a)
    doc = a.doc
    groups = [g for g in a.prefixed("G:") if not doc.quoted[g[0]]]
    if not groups:
        return hits
    pron = a.get("PRON")
    group_sents = {doc.sents[g[0]] for g in groups}
    seen: set[tuple[str, int]] = set()
    for tag, rule, before, after in _CUES:
        for cs, ce in a.get(tag):
            if counter_speech(a, cs) or negated(a, cs):
                continue
            tgt = _target(a, groups, cs, ce, before, after)
            conf = 0.9
            if tgt is None and tag in _STRONG:
                # "Those women will never fit in. They ought to be executed."
                sent = doc.sents[cs]
                if (sent - 1 in group_sents or sent + 1 in group_sents) and any(
                    doc.sents[p] == sent and abs(p - cs) <= 6 for p, _ in pron
                ):
                    near = [g for g in groups if abs(doc.sents[g[0]] - sent) == 1]
                    tgt, conf = near[0], 0.7
            if tgt is None or _group_negated(a, tgt[0]):
                continue
            if tag == "PROF" and a.near("PRAISE", cs, ce, 0, 3):
                continue  # "fucking amazing"
            key = (rule, doc.sents[cs])
            if key in seen:
                continue
            seen.add(key)
            s, e = min(cs, tgt[0]), max(ce, tgt[1])
            hits.append(Hit(rule, s, e, conf, note=tgt[2]))
    hits.extend(_negated_positive(a, groups))
    return hits


def _negated_positive(a: Analysis, groups: list[tuple[int, int, str]]) -> list[Hit]:
    """"X are not our equal", "X do not deserve to live", "X lives do not matter"."""
    doc = a.doc
    out: list[Hit] = []
    for ps, pe in a.get("POS"):
        if counter_speech(a, ps) or not negated(a, ps, window=3):
            continue
        tgt = _target(a, groups, ps, pe, 8, 8)
        if tgt is None or _group_negated(a, tgt[0]):
            continue
        # "I don't trust them" is not about a group unless the group is there too.
        s, e = min(ps, tgt[0]), max(pe, tgt[1])
        out.append(Hit("hate.negated_positive", s, e, 0.8, note=tgt[2]))
        break
    return out
