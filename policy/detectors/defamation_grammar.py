"""The grammar of an allegation beyond its verbs: what the person is called, and money taken.

"Nurse Kemp is a convicted fraudster", "Gary on reception is a known liar": a copula, an
article, up to two words that qualify the noun ("convicted", "known", "total"), then a noun
for someone who commits a crime or misconduct. "took £300 from her purse": a sum of money is
a valuable whatever noun it is written with. The caller still needs a named or identifiable
person before the allegation, as for every defamation rule.
"""

from __future__ import annotations

from policy.detectors.base import Analysis

_COPULA = frozenset({"is", "was", "hes", "shes", "theyre", "are", "been", "be", "im"})
_ARTICLE = frozenset({"a", "an"})
# Between the article and the noun ("a convicted thief"), but never across a clause.
_QUALIFIERS_MAX = 2
_STOP = frozenset({",", "and", "but", "not", "never", "no"})
_CURRENCY = "£$€"
_MONEY_WORDS = frozenset({"quid", "pounds", "grand", "k"})


def called(a: Analysis, noun_tag: str) -> list[tuple[int, int]]:
    """Spans "is a [qualifier]{0,2} <noun>" where the noun carries `noun_tag`."""
    toks = a.doc.tokens
    out = []
    for s, e in a.get(noun_tag):
        i = s - 1
        skipped = 0
        while i >= 0 and toks[i] not in _ARTICLE and skipped < _QUALIFIERS_MAX:
            if toks[i] in _STOP or toks[i] in _COPULA:
                break
            i -= 1
            skipped += 1
        if i >= 1 and toks[i] in _ARTICLE and toks[i - 1] in _COPULA:
            out.append((i - 1, e))
    return out


def money(a: Analysis) -> list[tuple[int, int]]:
    """Sums of money: a number written after a currency sign, or followed by "quid"."""
    doc = a.doc
    text = doc.norm.original
    out = []
    for i, tok in enumerate(doc.tokens):
        if not tok[:1].isdigit():
            continue
        start, _ = doc.original_span(i, i + 1)
        if (start > 0 and text[start - 1] in _CURRENCY) or (
                i + 1 < len(doc.tokens) and doc.tokens[i + 1] in _MONEY_WORDS):
            out.append((i, i + 1))
    return out
