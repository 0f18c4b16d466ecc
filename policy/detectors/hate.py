"""Hate: hostility aimed at people for who they are (protected characteristics and the
trust's own: diagnosis, social or financial status).

A hostile word only counts when it is about a group named nearby, and not when it is quoted,
reported to oppose it (counter-speech), negated, or a reclaimed or everyday use of a slur.
"""

from __future__ import annotations

from policy.detectors import hate_grammar
from policy.detectors.base import Analysis, Hit, distress_context
from policy.detectors.group_forms import form_groups
from policy.detectors.hate_denials import negated_positive, no_room_for
from policy.detectors.hate_mentions import hostile_mention, unnamed_mention
from policy.detectors.hate_targets import cue_target, group_negated, pronoun_target
from policy.detectors.intent import harm_suffered
from policy.detectors.scope import counter_speech, negated
from policy.detectors.slurs import slur_hits
from policy.lexicon import cues, harm
from policy.lexicon.groups import (
    GROUP_ADJECTIVES,
    GROUP_NOUNS,
    PEOPLE_NOUNS,
    UNNAMED,
)

# counter_speech and negated are re-exported for the detectors that import them from here.
__all__ = ["PHRASES", "RULES", "counter_speech", "detect", "negated"]

RULES = ("hate.slur", "hate.dehumanising", "hate.derogatory", "hate.negated_positive",
         "hate.threat", "hate.hostile_mention", *hate_grammar.RULES)


def _group_phrases() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for char, nouns in GROUP_NOUNS.items():
        out.setdefault("G:" + char, []).extend(nouns)
    for char, adjs in GROUP_ADJECTIVES.items():
        lst = out.setdefault("G:" + char, [])
        for adj in adjs:
            lst.extend(f"{adj} {noun}" for noun in PEOPLE_NOUNS)
        out.setdefault("GADJ:" + char, []).extend(adjs)
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
    "HOSTILE": cues.HOSTILE,
    "VIOL": harm.VIOLENT_VERBS,
    "THREAT": harm.THREAT_PHRASES,
    "PRON": ("they", "them", "these", "those", "their", "theirs", "these people",
             "those people", "that lot", "this lot", "you", "your", "you all"),
    **hate_grammar.PHRASES,
}

# (tag, rule, tokens allowed before the group, tokens allowed after the group)
_CUES = (
    ("DEHUM", "hate.dehumanising", 6, 10),
    ("THREAT", "hate.threat", 8, 10),
    ("VIOL", "hate.threat", 8, 10),
    ("EXCL", "hate.derogatory", 8, 10),
    ("EMO", "hate.derogatory", 8, 4),
    ("NEG", "hate.derogatory", 2, 9),
    ("PROF", "hate.derogatory", 2, 5),
    ("PROF_MILD", "hate.derogatory", 4, 5),
    ("VNOUN", "hate.threat", 8, 10),
)
_STRONG = frozenset({"DEHUM", "THREAT", "VIOL", "EXCL", "NEG", "EMO"})
# Cues strong enough to make hostility to an unnamed group ("people like you") hate.
_UNNAMED_CUES = frozenset({"DEHUM", "THREAT", "VIOL", "EXCL", "VNOUN"})


def detect(a: Analysis) -> list[Hit]:
    hits = _detect(a)
    grammar = hate_grammar.detect(a)
    if grammar:
        # A rule read from sentence shape outranks a loose co-occurrence of group and word.
        hits = [h for h in hits if h.rule_id != "hate.hostile_mention"] + grammar
    a.notes["hate"] = bool(hits)  # read by feedback: hate about a group is not a complaint
    return hits


def _detect(a: Analysis) -> list[Hit]:
    hits = slur_hits(a)
    doc = a.doc
    groups = sorted([g for g in a.prefixed("G:") if not doc.quoted[g[0]]] + form_groups(a))
    seen: set[tuple[str, int]] = set()
    hits.extend(_adjective_noun(a, seen))
    if not groups:
        if not hits:
            hits.extend(unnamed_mention(a))
        return hits
    pron = a.get("PRON")
    group_sents = {doc.sents[g[0]] for g in groups}
    vsafe = {i for s, e in a.get("VSAFE") for i in range(s, e)}
    for tag, rule, before, after in _CUES:
        for cs, ce in a.get(tag):
            if counter_speech(a, cs) or negated(a, cs) or cs in vsafe:
                continue
            if tag == "VIOL" and harm_suffered(a, cs):
                continue  # "women who have been abused": the group suffered the harm
            tgt = cue_target(a, groups, cs, ce, before, after)
            conf = 0.9
            if tgt is None and tag in _STRONG:
                tgt = pronoun_target(a, groups, cs)
                conf = 0.75
            if tgt is None and tag in _STRONG and len(doc.tokens) <= 60:
                # "Those women will never fit in. They ought to be executed."
                sent = doc.sents[cs]
                if (sent - 1 in group_sents or sent + 1 in group_sents) and any(
                    doc.sents[p] == sent and abs(p - cs) <= 6 for p, _ in pron
                ):
                    near = [g for g in groups if abs(doc.sents[g[0]] - sent) == 1]
                    tgt, conf = near[0], 0.7
            if tgt is None or group_negated(a, tgt[0]):
                continue
            if tgt[2] == UNNAMED and tag not in _UNNAMED_CUES:
                continue  # "those people can be cowardly": too loose without a named group
            if tag == "PROF" and a.near("PRAISE", cs, ce, 0, 3):
                continue  # "fucking amazing"
            key = (rule, doc.sents[cs])
            if key in seen:
                continue
            seen.add(key)
            s, e = min(cs, tgt[0]), max(ce, tgt[1])
            hits.append(Hit(rule, s, e, conf, note=tgt[2]))
    named = [g for g in groups if g[2] != UNNAMED]
    hits.extend(negated_positive(a, named))
    if not any(h.rule_id == "hate.derogatory" for h in hits):
        hits.extend(no_room_for(a, named))
    hits.extend(_as_violence(a, hits))
    if not hits:
        hits.extend(hostile_mention(a, named) if named else unnamed_mention(a))
    return hits


_FIRST = frozenset({"i", "we"})


def _as_violence(a: Analysis, hits: list[Hit]) -> list[Hit]:
    """A threat to a group is violence as well as hate: a lead is asked to report it."""
    out: list[Hit] = []
    if len(a.doc.tokens) >= 40 and distress_context(a):
        return out  # a loose match in a story of distress; the engine quiets hate.threat too
    for h in hits:
        if h.rule_id != "hate.threat":
            continue
        lo = a.sentence_range(a.doc.sents[h.start])[0]
        rule = ("violence.threat" if _FIRST.intersection(a.doc.tokens[lo : h.end])
                else "violence.incitement")
        out.append(Hit(rule, h.start, h.end, h.confidence, note=h.note))
    return out


def _adjective_noun(a: Analysis, seen: set[tuple[str, int]]) -> list[Hit]:
    """"black vermin", "trans scum", "black genocide": a group adjective right next to a
    hostile noun."""
    out: list[Hit] = []
    starts = {s: e for tag in ("DEHUM", "NEG", "VNOUN") for s, e in a.get(tag)}
    for s, e, char in a.prefixed("GADJ:"):
        nxt = next((k for k in (e, e + 1) if k in starts), None)
        if nxt is not None and not counter_speech(a, s) and not negated(a, s):
            e = nxt
            key = ("hate.dehumanising", a.doc.sents[s])
            if key not in seen:
                seen.add(key)
                out.append(Hit("hate.dehumanising", s, starts[nxt], 0.8, note=char))
    return out
