"""A wish to be dead or never to have been, said of oneself ("I wish I were dead", "I'd be
better off gone"), or no point in living; a wish that others or things were gone is not it."""

from __future__ import annotations

from policy.detectors.base import FIRST_PERSON, SECOND_PERSON, Analysis, Hit
from policy.detectors.crisis_voice import PRONOUNS_OTHER, SPECIFIC, denied, post_words, recovered
from policy.detectors.scope import negated

_WISHING = frozenset({"wish", "want", "wanted", "rather", "hope", "pray", "praying", "longing",
                      "long", "wishing", "hoping", "prefer", "off"})  # "better off dead"
_DEATH_STATE = frozenset({"dead", "die", "gone", "born", "exist", "existing", "alive"})
_NO_POINT = frozenset({"point", "reason", "purpose", "sense"})
_LIVING = frozenset({"living", "live", "alive", "existing", "exist", "on", "here", "carrying"})


# Words that open a noun phrase: after "I wish", a thing or people wished gone, not the writer.
_DETERMINERS = frozenset({"the", "these", "those", "this", "that", "all", "every", "some",
                          "our", "their", "such", "any"})


def _someone_else_wished(a: Analysis, lo: int, i: int) -> bool:
    """Between the wish and the death word stands someone or something other than the writer
    ("wish the waiting list did not exist", "hope the immigrants die"), with no "I" or "my"."""
    toks = a.doc.tokens
    wish = max(j for j in range(lo, i) if toks[j] in _WISHING)
    between = set(toks[wish + 1 : i])
    if FIRST_PERSON & between:
        return False
    return bool(_DETERMINERS & between) or any(wish < g < i for g, _, _ in a.prefixed("G:"))


def death_wish(a: Analysis) -> list[Hit]:
    """The writer wishes to be dead or never to have been ("I wish I were dead", "I'd rather
    be gone", "I would be better off dead"), or sees no point in living ("there's no reason
    for me to live"); nobody else is the one wished dead."""
    doc = a.doc
    toks = doc.tokens
    words = post_words(a)
    for i, t in enumerate(toks if not _DEATH_STATE.isdisjoint(words) else ()):
        if t not in _DEATH_STATE:
            continue
        lo = a.sentence_range(doc.sents[i])[0]
        before = toks[max(lo, i - 6) : i]
        others = (PRONOUNS_OTHER | SECOND_PERSON | SPECIFIC) & set(before)
        if others or not FIRST_PERSON & set(toks[lo:i]) or not _WISHING & set(before):
            continue
        if _someone_else_wished(a, max(lo, i - 6), i):
            continue  # "I wish women didn't exist", "I hope the immigrants die": not oneself
        if t in ("born", "exist", "existing", "alive") and not {"never", "not", "no"} & set(
                before):
            continue  # "I wish I was born earlier", "I want to be alive": not a death wish
        if negated(a, i, window=3) and t not in ("born", "exist", "existing", "alive"):
            continue
        if doc.quoted[i] or recovered(a, i) or denied(a, i):
            continue
        return [Hit("crisis.suicidal", max(lo, i - 6), i + 1, 0.75)]
    for i, t in enumerate(toks if not _NO_POINT.isdisjoint(words) else ()):
        if t not in _NO_POINT or i == 0 or toks[i - 1] not in ("no", "any", "zero"):
            continue
        lo, hi = a.sentence_range(doc.sents[i])
        after = toks[i + 1 : min(hi, i + 7)]
        if _LIVING & set(after) and FIRST_PERSON & set(toks[lo:hi]) | {"im"} & set(
                toks[lo:hi]) and not recovered(a, i):
            return [Hit("crisis.indirect", i - 1, min(hi, i + 7), 0.75)]
    return []
