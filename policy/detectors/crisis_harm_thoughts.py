"""Thoughts of harming someone, told by the person who has them.

"I keep thinking about hurting my kids", "intrusive thoughts about stabbing my husband",
"I'm scared I'll hurt my baby": a person disclosing thoughts they fear (common in OCD and after
birth), not a threat to anyone reading. It needs a human quickly, with crisis and safeguarding
support to hand, never a police report. A thought of hurting the reader ("I keep thinking about
hurting you") is still a threat and stays with violence.
"""

from __future__ import annotations

from policy.detectors.base import Analysis, Hit
from policy.detectors.scope import negated

# The frames in which a person tells of thoughts or fears, not of plans.
_THOUGHT = frozenset({"thinking", "thoughts", "thought", "urges", "urge", "intrusive",
                      "scared", "afraid", "terrified", "frightened", "worried", "fear",
                      "fears", "imagining", "imagine", "images"})
# Whom the thoughts are about: the writer's own people, or anyone at all.
_OWN = frozenset({"my", "our"})
_ANYONE = frozenset({"someone", "somebody", "people", "anyone", "others", "strangers",
                     "children", "kids", "baby", "babies", "child"})
_HARM_TAGS = ("VIOL", "VBODY")
# What may stand between the thought and the act when the writer is the one who would act
# ("thinking about hurting", "scared I will hurt", "urges to hurt"); anything else brings in
# another actor ("thinking about the nurse who hurt my son", "worried the staff will hurt").
_BRIDGE = frozenset({"about", "of", "on", "to", "i", "will", "might", "could", "would", "may",
                     "that", "really", "actually", "just", "having", "keep", "seriously"})


def _writer_tells(toks: list[str], lo: int, s: int) -> bool:
    """The writer is the one with the thoughts ("I keep ...", "my intrusive thoughts",
    a sentence that opens on the thoughts themselves)."""
    before = toks[lo:s]
    return "i" in before or "my" in before[:3] or (bool(before) and before[0] in _THOUGHT)


def _writer_acts(toks: list[str], last_frame: int, s: int) -> bool:
    """Nobody else stands between the thought and the act."""
    return all(t in _BRIDGE for t in toks[last_frame + 1 : s])


def _victim_after(toks: list[str], e: int, hi: int) -> bool:
    """The act's object is the writer's own person ("my kids") or anyone ("someone")."""
    window = toks[e : min(hi, e + 3)]
    if not window:
        return False
    if window[0] in _OWN and len(window) > 1:
        return True
    return window[0] in _ANYONE or (window[0] in ("a", "the") and window[1:2] in
                                    (["child"], ["baby"], ["kids"], ["children"]))


def thoughts_of_harming(a: Analysis) -> list[Hit]:
    """crisis.risk_to_others: the writer tells of thoughts of harming someone.

    Bad: "I keep having intrusive thoughts about hurting my baby"
    Good: "I keep thinking about the nurse who hurt my son" (a memory, not a fear)
    """
    toks = a.doc.tokens
    for tag in _HARM_TAGS:
        for s, e in a.get(tag):
            lo, hi = a.sentence_range(a.doc.sents[s])
            frame = [i for i in range(max(lo, s - 6), s) if toks[i] in _THOUGHT]
            if not frame or negated(a, s) or negated(a, frame[0]):
                continue
            if (_writer_tells(toks, lo, s) and _writer_acts(toks, frame[-1], s)
                    and _victim_after(toks, e, hi)):
                return [Hit("crisis.risk_to_others", s, e, 0.8)]
    return []
