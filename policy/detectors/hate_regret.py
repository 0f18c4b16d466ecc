"""A wish for a group's death said as regret that it has not died: "too bad the Moldovans
did not all drown", "shame women don't know how to kill themselves". Read for
hate.extermination (hate_removal): the regret word opens the sentence, a named group is the
subject, a negation follows it, and a death word ends the clause.
"""

from __future__ import annotations

from policy.detectors.base import Analysis, Hit
from policy.detectors.group_slots import named
from policy.detectors.scope import counter_speech

_REGRET = (("too", "bad"), ("pity",), ("shame",), ("a", "pity"), ("a", "shame"),
           ("what", "a", "shame"), ("what", "a", "pity"))
# Words that make the death someone's fate in a story ("before they died waiting").
_STORY = frozenset({"before", "until", "while", "when", "waiting", "after", "because"})
_NOT = frozenset({"not", "never", "cannot"})
_OPENERS = frozenset({"that", "the", "all", "those", "these", "it", "is", "s"})


def regretted_survival(a: Analysis) -> Hit | None:
    toks = a.doc.tokens
    deaths = [s for s, _ in a.get("GR_DEATH")]
    if not deaths:
        return None
    for g in named(a):
        lo, hi = a.sentence_range(a.doc.sents[g[0]])
        opener = next((w for w in _REGRET if tuple(toks[lo : lo + len(w)]) == w), None)
        if opener is None or counter_speech(a, g[0]):
            continue
        if any(t not in _OPENERS for t in toks[lo + len(opener) : g[0]]):
            continue  # the group is the subject right after the regret
        neg = next((k for k in range(g[1], min(hi, g[1] + 4)) if toks[k] in _NOT), None)
        if neg is None:
            continue
        death = next((s for s in deaths if neg < s <= neg + 6 and s < hi
                      and not _STORY.intersection(toks[neg:s])), None)
        if death is not None:
            return Hit("hate.extermination", lo, death + 1, 0.75, note=g[2])
    return None
