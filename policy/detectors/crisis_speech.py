"""Crisis said in ordinary sentences rather than set phrases, read by their grammar.

Each kind is a short sequence of word classes in the writer's own voice: not wanting to
exist ("I don't want to wake up"), endurance run out ("I can't keep going any longer"), being
a drain on others, one's own life judged pointless, asking why one is alive, a future with no
hope for oneself, and searching for ways to die. A class slot (policy/detectors/kind_matching)
matches one or more tokens, and a few softeners ("just", "really", "even") may sit between
slots, so the kind generalises beyond any one wording. Quoted words, recovery stories and
denials are left to the caller's checks, as for the other crisis rules.
"""

from __future__ import annotations

from collections.abc import Sequence

from policy.detectors.base import Analysis, Hit
from policy.detectors.kind_matching import END, Slot, by_first_word, find_kinds

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
_END = END
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
