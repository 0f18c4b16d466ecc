"""Inflected forms of listed words, for the hate lists (pure: tokens in, spans out).

The word lists hold one form of a word, but hate is written in all of them: a group named by
the plural of its adjective ("the autistics", "hispanics" beside "autistic", "hispanic"), a
hostile adjective at its strongest ("the dirtiest", "the weirdest" beside "dirty", "weird"),
a call to kill or remove in another tense or spelling ("cleansing", "sterilize" beside
"cleanse", "sterilise"). A token the lists do not hold is read as the listed word it
inflects, for the tags below only, and only when the base is a one-word entry of that tag.
"""

from __future__ import annotations

from collections.abc import Iterable

# Which kinds of inflection each tag accepts: plurals for names of groups and things,
# degrees for adjectives, tenses and spellings for verbs.
PLURAL, DEGREE, VERB, SPELLING = "plural", "degree", "verb", "spelling"
_KINDS: dict[str, frozenset[str]] = {
    "NEG": frozenset({DEGREE, SPELLING}),
    "HOSTILE": frozenset({DEGREE, SPELLING}),
    "DEHUM": frozenset({PLURAL}),
    "GR_ANIMAL": frozenset({PLURAL}),
    "GR_DEATH": frozenset({VERB, SPELLING}),
    "GR_REMOVE": frozenset({VERB, SPELLING}),
    "GR_EXTINCT": frozenset({VERB}),
}
GROUP_NOUN, GROUP_ADJECTIVE = "G:", "GADJ:"
# Group adjectives whose "-s" form is mostly something else ("blinds", "whites" of an egg,
# "natives" as plants): only listed plurals name those groups.
_NOT_GROUP_PLURAL = frozenset({"black", "white", "brown", "blind", "deaf", "native",
                               "foreign", "ethnic", "illegal", "religious", "married",
                               "divorced", "pregnant", "elderly", "older", "young", "poor",
                               "homeless", "unemployed", "depressed", "suicidal", "addicted",
                               "obese", "disabled", "teenage", "polish", "english", "mixed",
                               "bi", "trans", "fat", "old", "male", "female"})
_VOWELS = frozenset("aeiou")


def _undouble(stem: str) -> list[str]:
    """"bigg" -> "big", "stopp" -> "stop": the doubled consonant of "-est", "-ed", "-ing"."""
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        return [stem[:-1]]
    return []


def base_forms(token: str) -> list[tuple[str, str]]:
    """(base, kind) candidates for a token: what it would be with its ending taken off."""
    t = token
    out: list[tuple[str, str]] = []
    if len(t) < 5 or not t.isalpha():
        return out
    if t.endswith("ies"):
        out.append((t[:-3] + "y", PLURAL))
    elif t.endswith("oes") or t.endswith(("ches", "shes", "sses", "xes")):
        out.append((t[:-2], PLURAL))
    elif t.endswith("s") and not t.endswith(("ss", "us", "is")):
        out.append((t[:-1], PLURAL))
    for end in ("est", "er"):
        if t.endswith(end) and len(t) - len(end) >= 3:
            stem = t[: -len(end)]
            if stem.endswith("i"):
                out.append((stem[:-1] + "y", DEGREE))
            out += [(b, DEGREE) for b in (stem, stem + "e", *_undouble(stem))]
    for end in ("ing", "ed"):
        if t.endswith(end) and len(t) - len(end) >= 3:
            stem = t[: -len(end)]
            out += [(b, VERB) for b in (stem, stem + "e", *_undouble(stem))]
    for a, b in (("ize", "ise"), ("ise", "ize"), ("izing", "ising"), ("ized", "ised"),
                 ("ization", "isation"), ("atize", "ise")):
        if t.endswith(a):
            out.append((t[: -len(a)] + b, SPELLING))
    return out


def single_words(phrases: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """tag -> its one-word entries, from (tag, phrase) pairs, for the tags inflection reads."""
    out: dict[str, set[str]] = {}
    for tag, phrase in phrases:
        if " " in phrase or not (tag in _KINDS
                                 or tag.startswith((GROUP_NOUN, GROUP_ADJECTIVE))):
            continue
        out.setdefault(tag, set()).add(phrase)
    return {tag: frozenset(words) for tag, words in out.items()}


def inflected(tokens: list[str], singles: dict[str, frozenset[str]],
              found: dict[str, list[tuple[int, int]]],
              without: frozenset[str] = frozenset()) -> tuple[dict[str, list[tuple[int, int]]],
                                                             set[str]]:
    """Spans to add, tag -> spans, for tokens that inflect a one-word entry of a tag they
    are not already found under, and the bases read. `singles`: tag -> its one-word
    entries. A base in `without` is left out as the word itself would be."""
    covered = {(tag, s) for tag, spans in found.items() for s, e in spans if e - s == 1}
    add: dict[str, list[tuple[int, int]]] = {}
    bases: set[str] = set()
    for i, t in enumerate(tokens):
        forms = base_forms(t)
        if not forms:
            continue
        for tag, words in singles.items():
            kinds = _KINDS.get(tag)
            target = tag
            if tag.startswith(GROUP_NOUN):
                kinds = frozenset({PLURAL})
            elif tag.startswith(GROUP_ADJECTIVE):
                kinds = frozenset({PLURAL})
                target = GROUP_NOUN + tag[len(GROUP_ADJECTIVE):]
            if kinds is None:
                continue
            for base, kind in forms:
                if kind not in kinds or base not in words or base in without:
                    continue
                if target != tag and base in _NOT_GROUP_PLURAL:
                    continue
                if (target, i) in covered:
                    break
                covered.add((target, i))
                add.setdefault(target, []).append((i, i + 1))
                bases.add(base)
                break
    return add, bases
