"""Where the group is in a sentence, for the hate grammar rules: the groups a post names
(listed or known by form), a group next to a cue, a group as the subject of a copula, and
whether the words are the writer's own (not quoted, reported to oppose them, or negated).
"""

from __future__ import annotations

from policy.detectors.base import Analysis
from policy.detectors.group_forms import form_groups
from policy.detectors.scope import counter_speech, negated
from policy.lexicon import hate_grammar as words
from policy.lexicon.groups import UNNAMED

Group = tuple[int, int, str]


def groups(a: Analysis) -> list[Group]:
    """Every group the post names, listed or known by form, that is not quoted or denied."""
    cached = a.notes.get("grammar_groups")
    if isinstance(cached, list):
        return cached
    toks = a.doc.tokens
    found = [g for g in a.prefixed("G:") if not a.doc.quoted[g[0]]] + form_groups(a)
    # "These rats", "those parasites": a demonstrative and an animal word point at people.
    found += [(s - 1, e, UNNAMED) for s, e in a.get("GR_ANIMAL")
              if s > 0 and toks[s - 1] in ("these", "those") and not a.doc.quoted[s]]
    found = [g for g in found if not _negated_group(toks, g[0])]
    a.notes["grammar_groups"] = found = sorted(found)
    return found


def _negated_group(toks: list[str], gs: int) -> bool:
    """"No Moldovan should ...", "not all Moldovans are ...": the group is denied."""
    before = toks[max(0, gs - 2) : gs]
    return "no" in before or "never" in before or before[-1:] == ["not"] or (
        before == ["not", "all"])


def own_words(a: Analysis, start: int) -> bool:
    """The word at `start` is the writer's own: not quoted, opposed or negated."""
    return not counter_speech(a, start) and not negated(a, start)


def named(a: Analysis) -> list[Group]:
    """The groups the post names, leaving out "these people" and the like."""
    return [g for g in groups(a) if g[2] != UNNAMED]


def group_near(a: Analysis, s: int, e: int, before: int, after: int,
               named_only: bool = False) -> Group | None:
    """A group in the sentence of the cue [s, e), ending at most `before` tokens before it
    or starting at most `after` tokens after it; "them" counts when the post names a group."""
    sents = a.doc.sents
    for g in named(a) if named_only else groups(a):
        if sents[g[0]] == sents[s] and (0 <= s - g[1] <= before or 0 <= g[0] - e <= after):
            return g
    known = named(a)
    if after and known and len(a.doc.tokens) <= 60:
        toks = a.doc.tokens
        for k in range(e, min(len(toks), e + after)):
            if toks[k] in words.REFER_BACK and sents[k] == sents[s]:
                return (k, k + 1, known[0][2])
    return None


def subject_predicate(a: Analysis, g: Group) -> int | None:
    """Index of the first word of the predicate when group g is a subject followed by a
    copula ("Moldovans are ...", "Moldovans are all just ..."), else None."""
    toks = a.doc.tokens
    i = g[1]
    while i < len(toks) and toks[i] in words.ADVERBS:
        i += 1
    if i >= len(toks) or toks[i] not in words.COPULA:
        return None
    i += 1
    while i < len(toks) and toks[i] in words.ADVERBS:
        i += 1
    return i if i < len(toks) and a.doc.sents[i] == a.doc.sents[g[0]] else None


def opposed(a: Analysis, start: int, predicate: int) -> bool:
    """Counter-speech around the generalisation, where a condemning word that is itself the
    predicate ("Moldovans are racist") is the accusation, not opposition to it."""
    if a.doc.quoted[start] or any(s < start for s, _ in a.in_sent("REPORT", a.doc.sents[start])):
        return True
    return any(s != predicate for s, _ in a.in_sent("CONDEMN", a.doc.sents[start]))
