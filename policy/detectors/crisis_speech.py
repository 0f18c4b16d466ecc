"""Crisis said in ordinary sentences rather than set phrases, read by their grammar.

Each kind is a short sequence of word classes in the writer's own voice: not wanting to
exist ("I don't want to wake up"), endurance run out ("I can't keep going any longer"), being
a drain on others, one's own life judged pointless, asking why one is alive, a future with no
hope for oneself, and searching for ways to die. A class slot matches one or more tokens, and
a few softeners ("just", "really", "even") may sit between slots, so the kind generalises
beyond any one wording. Quoted words, recovery stories and denials are left to the caller's
checks, as for the other crisis rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from policy.detectors.base import Analysis, Hit

# Words that may sit between two slots without changing what is said.
_SOFT = frozenset({"just", "really", "honestly", "even", "truly", "actually", "simply", "so",
                   "literally", "seriously", "still", "ever", "kinda", "like",
                   "feel", "feeling", "think", "such", "totally", "completely", "all"})

_I = ("i", "im")
_NOT = ("not", "never", "longer")  # "no longer want"
_WANT = ("want", "wanna", "wish", "need", "care")
_BE = ("am", "is", "was", "are", "feel", "be", "become", "became")
# Existing, and carrying on, as the thing not wanted; the open-ended ones need a time limit.
_EXIST = (("live",), ("exist",), ("be", "alive"), ("wake", "up"), ("be", "living"),
          ("see", "tomorrow"), ("see", "another", "day"), ("be", "in", "this", "world"))
_CARRY_ON = (("be", "here"), ("be", "around"), ("go", "on"), ("carry", "on"),
             ("keep", "going"), ("keep", "living"), ("keep", "fighting"), ("keep", "trying"),
             ("do", "this"), ("do", "it"), ("take", "it"), ("take", "this"), ("cope",),
             ("hold", "on"), ("keep", "doing", "this"), ("live", "like", "this"),
             ("handle", "this"), ("handle", "it"), ("handle", "life"), ("fight",),
             ("face", "another", "day"), ("keep", "on"), ("keep", "my", "head", "up"))
# Said as a whole sentence ("I can't go on."), these need no time limit.
_CARRY_ON_ENDS = (("go", "on"), ("carry", "on"), ("keep", "going"), ("do", "this"),
                  ("keep", "doing", "this"), ("take", "it"), ("take", "this"), ("hold", "on"),
                  ("live", "like", "this"), ("keep", "fighting"), ("keep", "living"))
_END = "$"  # the end of the sentence or of its clause
END = _END  # for kinds written in other modules
ANY = "*"  # any one word of the clause ("off the [hospital] roof")
_CLAUSE_ENDS = frozenset({",", "and", "but", "anymore"})
_NO_LONGER = (("anymore",), ("any", "more"), ("any", "longer"), ("much", "longer"),
              ("for", "long"), ("for", "much", "longer"), ("another", "day"))
_DRAIN = ("drain", "burden", "weight", "nuisance", "inconvenience", "disappointment",
          "waste", "parasite", "mistake")
_ON_OTHERS = ("on", "to", "for")
_OTHERS = ("everyone", "everybody", "people", "my", "them", "the", "those", "anyone")
_LIFE = ("life", "existence")
_WORTHLESS = (("pointless",), ("worthless",), ("meaningless",), ("over",), ("empty",),
              ("hopeless",), ("a", "waste"), ("not", "worth", "living"), ("nothing",),
              ("ruined",), ("a", "joke"), ("a", "mistake"), ("not", "worth", "it"))
_ALIVE = (("alive",), ("here",), ("exist",), ("live",), ("bother",), ("wake", "up"),
          ("keep", "going"), ("try",), ("still", "alive"))
_BETTER = (("get", "better"), ("be", "better"), ("be", "happy"), ("be", "okay"),
           ("be", "ok"), ("be", "normal"), ("feel", "better"), ("be", "loved"),
           ("improve",), ("change",), ("be", "fixed"))
_DIE = (("die",), ("end", "it"), ("end", "my", "life"), ("kill", "myself"), ("end", "it", "all"),
        ("go", "to", "sleep", "forever"), ("disappear",), ("not", "wake", "up"))
_VANISH = (("disappear",), ("vanish",), ("fade", "away"), ("cease", "to", "exist"),
           ("not", "be", "here"), ("be", "gone"), ("not", "exist"), ("stop", "existing"))
_INTEND = (("am", "going", "to"), ("will",), ("am", "gonna"), ("plan", "to"),
           ("am", "planning", "to"))
_WHEN = (("tonight",), ("tomorrow",), ("today",), ("soon",), ("this", "weekend"),
         ("this", "week"))
_DEATH = (("dying",), ("death",), ("being", "dead"), ("not", "existing"),
          ("not", "being", "here"), ("disappearing",), ("ending", "it"), ("ending", "my"),
          ("my", "death"), ("my", "funeral"), ("how", "to", "die"))
_POINT_OF = (("of", "living"), ("in", "living"), ("of", "life"), ("of", "anything"),
             ("anymore",), ("any", "more"), ("of", "trying"), ("of", "going", "on"),
             ("in", "going", "on"), ("in", "anything"), ("in", "trying"), ("of", "me"),
             ("of", "being", "alive"), ("of", "existing"), ("in", "existing"), (_END,))
_WAYS = ("ways", "way", "methods", "method", "plan", "plans", "how")

Slot = str | tuple[str, ...] | tuple[tuple[str, ...], ...]

# (what is said, the word classes in order). A plain string is a literal token.
KINDS: tuple[tuple[str, Sequence[Slot]], ...] = (
    ("not wanting to exist", (_I, ("do", "no"), _NOT, _WANT, "to", _EXIST)),
    ("not wanting to exist", (_I, ("do", "no"), _NOT, _WANT, "to", _CARRY_ON, _NO_LONGER)),
    ("endurance run out", (_I, "can", "not", _CARRY_ON, _NO_LONGER)),
    ("endurance run out", (_I, "can", "not", _CARRY_ON_ENDS, _END)),
    ("endurance run out", ("how", "much", "longer", _I, "can", _CARRY_ON)),
    ("endurance run out", (_I, "will", "not", "be", ("around", "here"), _NO_LONGER)),
    ("endurance run out", (_I, "do", "not", _I, "will", "be", ("around", "here"),
                           _NO_LONGER)),
    ("a drain on others", (_I, _BE, ("a", "an"), _DRAIN, _ON_OTHERS, _OTHERS)),
    ("one's own life pointless", ("my", _LIFE, ("is", "was", "feels", "seems"), _WORTHLESS)),
    ("why one is alive", ("why", ("am", "do", "should", "would"), _I, _ALIVE)),
    ("a future with no hope", (_I, "will", "never", _BETTER)),
    ("a future with no hope", (("nothing", "things", "it", "life"), ("will", "is", "are"),
                               (("never",), ("not", "going", "to"), ("never", "going", "to"),
                                ("going", "to")), _BETTER, "for", "me")),
    ("searching for ways to die", (_WAYS, "to", _DIE)),
    ("why one is alive", ("why", _I, ("am", "do", "should", "would"), _ALIVE)),
    ("why one is alive", (_I, "do", "not", "see", "why", _I, ("should", "would"),
                          (*_CARRY_ON_ENDS, ("continue",), ("bother",), ("live",)))),
    ("no point in living", ("what", "is", "the", "point", _POINT_OF)),
    ("no point in living", (_I, "do", "not", "see", "the", "point", _POINT_OF)),
    ("wanting to vanish", (_I, (("should",), ("want", "to"), ("wanna",), ("wish", "i", "could"),
                                ("need", "to")), _VANISH)),
    ("a plan with a time", (_I, _INTEND, (("do", "it"),), "tonight")),
    ("a plan with a time", (_I, _INTEND, (("end", "it"), ("go", "through", "with", "it")),
                            _WHEN)),
    ("dwelling on death", (_I, (("think",), ("keep", "thinking"), ("thought",), ("dream",),
                                ("keep", "dreaming"), ("fantasize",), ("fantasise",),
                                ("am", "thinking"), ("have", "been", "thinking")),
                           ("about", "of"), _DEATH)),
    ("hating being alive", (_I, "hate", (("my", "life"), ("being", "alive"), ("existing",),
                                         ("my", "existence"), ("living",)))),
    ("deserving to die", (_I, "deserve", "to", ("die", "be", "rot"))),
)


def _choices(slot: Slot) -> tuple[tuple[str, ...], ...]:
    if isinstance(slot, str):
        return ((slot,),)
    if slot and isinstance(slot[0], tuple):
        return slot  # type: ignore[return-value]
    return tuple((w,) for w in slot)  # type: ignore[union-attr]


def _at(toks: list[str], i: int, hi: int, choice: tuple[str, ...]) -> int | None:
    """End of `choice` when it starts at token i; the end-of-sentence mark needs no token."""
    if choice == (_END,):
        return i if i >= hi or toks[i] in _CLAUSE_ENDS else None
    if choice == (ANY,):
        return i + 1 if i < hi and toks[i] not in _CLAUSE_ENDS else None
    if len(choice) == 1:  # most choices are one word: no slice to build
        return i + 1 if i < hi and toks[i] == choice[0] else None
    return i + len(choice) if tuple(toks[i : i + len(choice)]) == choice else None


# Each slot, compiled so that at a token only the choices that can start there are compared:
# `firsts`, the words its choices start with (None when some choice needs no word: the end of
# the clause, any word, or nothing); `choices` in their listed order; `by_first`, for each word,
# the choices starting with it or needing no word, in listed order; `unworded`, the choices
# needing no word; `one_word`, every choice a single word, so a word in `firsts` is the match.
class CompiledSlot(NamedTuple):
    firsts: frozenset[str] | None
    choices: tuple[tuple[str, ...], ...]
    by_first: dict[str, tuple[tuple[str, ...], ...]]
    unworded: tuple[tuple[str, ...], ...]
    one_word: bool


Compiled = tuple[CompiledSlot, ...]


def _compile(slot: Slot) -> CompiledSlot:
    choices = _choices(slot)
    unworded = tuple(c for c in choices if not c or c[0] in (_END, ANY))
    words = frozenset(c[0] for c in choices if c not in unworded)
    by_first = {w: tuple(c for c in choices if c in unworded or c[0] == w) for w in words}
    return CompiledSlot(None if unworded else words, choices, by_first, unworded,
                        not unworded and all(len(c) == 1 for c in choices))


def _match(toks: list[str], i: int, hi: int, slots: Compiled) -> int | None:
    """End of the kind when it starts at token i, else None; softeners may sit between."""
    for n, (_firsts, _choices, by_first, unworded, one_word) in enumerate(slots):
        if n:
            while i < hi and toks[i] in _SOFT:
                i += 1
        if i >= hi:
            candidates = unworded
        else:
            candidates = by_first.get(toks[i], unworded)
            if one_word and candidates:  # the word is the choice: nothing to compare
                i += 1
                continue
        for c in candidates:
            end = _at(toks, i, hi, c)
            if end is not None:
                i = end
                break
        else:
            return None
    return i


Kinds = Sequence[tuple[str, Sequence[Slot]]]


Listed = tuple[int, str, Compiled]  # (place in the list, kind, slots)


class KindIndex:
    """The kinds that can start at a word, narrowed by the word after it (softeners
    skipped, as the match skips them): a post is read once, and at a common word such as
    "i" only the few kinds whose second slot fits the next word are tried."""

    def __init__(self, kinds: Kinds) -> None:
        self.pairs: dict[tuple[str, str], list[Listed]] = {}
        self.firsts: dict[str, list[Listed]] = {}  # kinds any next word may continue
        self.words: set[str] = set()
        for place, (kind, slots) in enumerate(kinds):
            compiled = tuple(_compile(slot) for slot in slots)
            entry = (place, kind, compiled)
            opening = compiled[0].choices
            for choice in opening:
                if not choice or choice[0] in (_END, ANY):
                    raise ValueError(f"kind {kind!r} must start with a word")
            second = compiled[1].firsts if len(compiled) > 1 else None
            for word in dict.fromkeys(c[0] for c in opening):
                self.words.add(word)
                # Only one-word openings know where the second slot starts.
                if second is None or any(len(c) > 1 for c in opening):
                    self.firsts.setdefault(word, []).append(entry)
                else:
                    for nxt in second:
                        self.pairs.setdefault((word, nxt), []).append(entry)

    def at(self, word: str, nxt: str) -> list[Listed]:
        """The kinds to try at `word` followed by `nxt`, in their listed order."""
        pair = self.pairs.get((word, nxt), [])
        first = self.firsts.get(word, [])
        if not pair or not first:
            return pair or first
        return sorted(pair + first)


def by_first_word(kinds: Kinds) -> KindIndex:
    """The index of `kinds` that find_kinds reads (the first slot of every kind must name
    its words: no empty choice, no end mark, no wildcard)."""
    return KindIndex(kinds)


def find_kinds(a: Analysis, index: KindIndex) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every kind of the index (by_first_word) found, by sentence: at
    most one kind starts at each token (the first listed)."""
    toks = a.doc.tokens
    n = len(toks)
    words = index.words
    out = []
    for i, t in enumerate(toks):
        if t not in words:
            continue
        hi = a.sentence_range(a.doc.sents[i])[1]
        j = i + 1
        while j < hi and toks[j] in _SOFT:
            j += 1
        for _place, kind, slots in index.at(t, toks[j] if j < hi and j < n else ""):
            end = _match(toks, i, hi, slots)
            if end is not None:
                out.append((kind, i, end))
                break
    return out


_BY_FIRST_WORD = by_first_word(KINDS)


def kinds_of_crisis_speech(a: Analysis) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every kind of crisis speech found, by sentence."""
    return find_kinds(a, _BY_FIRST_WORD)


def crisis_in_grammar(a: Analysis, ok: object) -> list[Hit]:
    """The first kind whose span the caller's `ok(start, end)` accepts (not quoted, not a
    recovery story, not a denial), as an indirect sign of crisis."""
    for kind, s, e in kinds_of_crisis_speech(a):
        if ok(s, e):  # type: ignore[operator]
            return [Hit("crisis.indirect", s, e, 0.75, note=kind)]
    return []
