"""Crisis in Polish, Lithuanian, Portuguese, Romanian and Welsh (policy.lexicon.crisis_languages).

Matched on the plain words of the normalised text, not on the English tokens: spelling
repair towards English words must not rewrite a Polish word, and these phrases must not
become words the English detectors repair towards. A match is always crisis, never a threat:
it is confident enough that a threat word elsewhere cannot set it aside, and the engine
never treats crisis as violence or a reason to remove.
"""

from __future__ import annotations

import regex

from policy.detectors.base import Analysis, Hit
from policy.lexicon.common import COMMON_WORDS
from policy.lexicon.crisis_languages import CRISIS_PHRASES
from policy.normalise import normalise
from policy.phrase_matcher import PhraseMatcher

RULES = ("crisis.other_language",)
PHRASES: dict[str, tuple[str, ...]] = {}
LANGUAGE_NAMES = {"pl": "Polish", "lt": "Lithuanian", "pt": "Portuguese", "ro": "Romanian",
                  "cy": "Welsh"}
_WORD = regex.compile(r"[a-z]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(normalise(text).text)


def _build() -> PhraseMatcher:
    m = PhraseMatcher()
    for lang, phrases in CRISIS_PHRASES.items():
        for p in phrases:
            m.add(tuple(_words(p)), lang)
    return m


_MATCHER = _build()  # built once at import from the lists above; never changed after
# Most posts hold none of the phrases' words among their tokens (a test checks every phrase
# keeps at least one word through spelling repair): those are passed over without matching.
# Short and everyday English words ("i", "am", "in", "de") would let every post through.
PREFILTER = frozenset(w for ps in CRISIS_PHRASES.values() for p in ps for w in _words(p)
                      if len(w) >= 3 and w not in COMMON_WORDS)


def detect(a: Analysis) -> list[Hit]:
    norm = a.doc.norm
    if PREFILTER.isdisjoint(a.doc.tokens):
        return []
    spans = [(m.start(), m.end()) for m in _WORD.finditer(norm.text)]
    words = [norm.text[s:e] for s, e in spans]
    for lang, found in _MATCHER.find(words).items():
        start, end = found[0]
        chars = norm.span(spans[start][0], spans[end - 1][1])
        return [Hit("crisis.other_language", confidence=0.9, chars=chars,
                    note=f"in {LANGUAGE_NAMES[lang]}")]
    return []
