"""Which group a hostile word is about, for hate's co-occurrence rules: a group near the
cue in the same sentence, a group a pronoun next to the cue refers back to, and whether the
group itself is denied ("no black person ...").
"""

from __future__ import annotations

from policy.detectors.base import Analysis


def cue_target(a: Analysis, groups: list[tuple[int, int, str]], cs: int, ce: int,
               before: int, after: int) -> tuple[int, int, str] | None:
    """The first group in the cue's sentence that ends at most `after` tokens before the cue
    [cs, ce), starts at most `before` tokens after it, or holds it."""
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


def pronoun_target(a: Analysis, groups: list[tuple[int, int, str]],
                   cs: int) -> tuple[int, int, str] | None:
    """"Women are nothing like us and that's why they deserve to die": a pronoun next to the
    cue refers back to a group earlier in the same sentence."""
    sents = a.doc.sents
    sent = sents[cs]
    if not any(sents[p] == sent and 0 <= cs - p <= 4 for p, _ in a.get("PRON")):
        return None
    earlier = [g for g in groups if sents[g[0]] == sent and g[1] <= cs]
    return earlier[-1] if earlier else None


def group_negated(a: Analysis, gs: int) -> bool:
    """"No black person ought to ..." / "never any woman": the group itself is negated."""
    toks = a.doc.tokens
    return (gs > 0 and toks[gs - 1] in ("no", "never")) or (gs > 1 and toks[gs - 2] == "no")
