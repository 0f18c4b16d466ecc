"""Suicide risk told by what the writer has done, means to do, or believes about their life.

Read by grammar, as in crisis_speech, so each kind holds for wordings no list foresaw:
getting a means (I + buy, save up or stockpile + pills, rope or a gun), a past attempt (I +
attempted, overdosed, tried to end it, took a handful of ...), a method said of oneself
(throw myself off ..., blow my brains out, hang myself), life with no meaning, the will to
live lost, being a burden, not deserving help or life, and feeling long since dead.
Flags "I've been saving up my tablets for when I'm ready", not "I saved up for a new phone".

A kind needs the writer's own voice (the caller's check) and is not counted when a negator
stands just before it ("I never felt I was a burden" has no match: "never" breaks the
sequence) or when the sentence reports a film or book ("in the film he says I'm a burden").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from policy.detectors.base import Analysis, Hit
from policy.detectors.crisis_context import (
    NOT_MEANS,
    about_service,
    in_need,
    reported_story,
    trading,
    writer_in_sentence,
)
from policy.detectors.kind_matching import ANY, END, Slot, by_first_word, find_kinds
from policy.detectors.scope import negated

_I = ("i", "im")
_OPT: tuple[str, ...] = ()  # an empty choice: the slot may be left out (listed last)
# Tense and intention between the writer and the act ("I have been", "I am going to").
_AUX = (("have", "been"), ("had", "been"), ("am", "going", "to"), ("am", "planning", "to"),
        ("plan", "to"), ("want", "to"), ("need", "to"), ("went", "and"), ("am",), ("was",),
        ("have",), ("had",), ("will",), ("started",), ("keep",), _OPT)
_ACQUIRE = ("buy", "bought", "buying", "get", "got", "getting", "order", "ordered",
            "ordering")
# Not "collect" or "stock up": "I collected my tablets from the pharmacy" is an errand.
_HOARD = ("stockpile", "stockpiled", "stockpiling", "save", "saved", "saving", "hoard",
          "hoarded", "hoarding", "stash", "stashed", "stashing")
_AMOUNT = (("enough",), ("all", "my"), ("all", "the"), ("a", "lot", "of"), ("loads", "of"),
           ("lots", "of"), ("a", "bottle", "of"), ("bottles", "of"), ("a", "box", "of"),
           ("boxes", "of"), ("packets", "of"), ("some",), ("a",), ("the",), ("my",), ("more",),
           _OPT)
_MEANS = (("rope",), ("noose",), ("gun",), ("pistol",), ("handgun",), ("shotgun",),
          ("rifle",), ("bullets",), ("ammo",))
_PILLS = (("sleeping", "pills"), ("sleeping", "tablets"), ("pills",), ("tablets",),
          ("paracetamol",), ("painkillers",), ("meds",), ("medication",))
_TO_DIE = (("die",), ("end", "it"), ("end", "my", "life"), ("kill", "myself"), ("overdose",),
           ("od",), ("do", "it"), ("take", "them", "all"), ("end", "things"))
_ENDING = (("kill", "myself"), ("end", "my", "life"), ("end", "it", "all"), ("end", "it"),
           ("end", "things"), ("take", "my", "own", "life"), ("take", "my", "life"),
           ("overdose",), ("od",), ("hang", "myself"), ("drown", "myself"),
           ("shoot", "myself"), ("poison", "myself"), ("jump", "off"), ("die",))
_SWALLOWED = (("an", "overdose"), ("a", "handful", "of"), ("a", "bottle", "of"),
              ("the", "whole", "bottle"), ("the", "whole", "box"), ("the", "whole", "packet"),
              ("all", "my", "pills"), ("all", "my", "tablets"))
_LEAP = ("jump", "jumping", "jumped", "throw", "throwing", "threw", "step", "stepping",
         "stepped", "leap", "leaping")
_HEIGHT = ("bridge", "building", "roof", "rooftop", "cliff", "balcony", "tower", "ledge",
           "overpass", "flyover", "multi", "car")  # "multi storey", "car park"
_ONTO = (("off",), ("under",), ("from",), ("into",), ("in", "front", "of"))
_VEHICLE = ("train", "bus", "lorry", "truck", "traffic", "car", "tube", "tram")
_DET = (("a",), ("the",), ("that",), ("my",), ("this",), ("some",), _OPT)
_OWN_END = ("hang", "hanging", "hanged", "hung", "drown", "drowning", "poison", "poisoning",
            "suffocate", "suffocating", "gas", "gassing", "electrocute", "starve", "starving")
_LIFE = (("my", "life"), ("this", "life"), ("my", "existence"), ("life",))
_MEANING = ("meaning", "purpose", "point", "value")
_LIVING = (("my", "life"), ("life",), ("living",), ("being", "alive"), ("existing",),
           ("anything",), ("going", "on"), ("carrying", "on"), ("waking", "up"),
           ("getting", "up"), ("live",), ("exist",), ("stay",), ("keep", "going"), ("me",))
_LOSE = (("have", "lost"), ("am", "losing"), ("have", "no"), ("lost",), ("losing",),
         ("lose",), ("no",), ("zero",), ("without",))
_WILL = ("will", "desire", "drive", "wish", "want", "motivation")
_TO_LIVE = (("live",), ("exist",), ("go", "on"), ("carry", "on"), ("keep", "going"),
            ("be", "alive"), ("stay", "alive"))
_FEEL = (("i", "am"), ("i", "was"), ("have", "become"), ("am", "becoming"), ("became",),
         ("am",), ("feel",), ("was",), ("have", "been"), ("will", "be"), ("would", "be"),
         _OPT)
_A = (("such", "a"), ("such", "an"), ("nothing", "but", "a"), ("a",), ("an",))
_BURDEN = ("burden", "inconvenience", "drain", "parasite", "liability")
_WORTH = (("to", "live"), ("to", "be", "alive"), ("to", "be", "here"), ("to", "exist"),
          ("to", "be", "happy"), ("to", "be", "loved"), ("to", "get", "better"),
          ("to", "be", "helped"), ("to", "be", "saved"), ("to", "breathe"),
          ("to", "feel", "better"), ("any", "of", "your", "help"), ("any", "help"),
          ("your", "help"), ("this", "help"), ("help",), ("love",), ("happiness",),
          ("kindness",), ("a", "life"), ("life",), ("anything", "good"), ("good", "things"))
_NOT_WORTH = (("saving",), ("helping",), ("the", "effort"), ("living",), ("keeping", "alive"),
              ("the", "oxygen"), ("the", "air"), ("anyone", "s", "time"))
_AGO = (("a", "long", "time", "ago"), ("long", "ago"), ("years", "ago"), ("ages", "ago"),
        ("a", "while", "ago"), ("months", "ago"), ("already",))
_WAS = (("have", "been"), ("am",), ("feel",), ("was",), ("have", "felt"))

# (what is said, the word classes in order). A plain string is a literal token.
KINDS: tuple[tuple[str, Sequence[Slot]], ...] = (
    ("getting a means", (_I, _AUX, _ACQUIRE, (("up",), _OPT), _AMOUNT, _MEANS)),
    ("getting a means", (("buying", "getting", "ordering"), _AMOUNT, _MEANS)),
    ("getting a means", (_I, _AUX, _HOARD, (("up",), _OPT), _AMOUNT, _PILLS)),
    ("getting a means", (_ACQUIRE, "enough", _PILLS)),
    ("getting a means", (_I, _AUX, _ACQUIRE, _AMOUNT, _PILLS, "to", _TO_DIE)),
    ("a past attempt", (_I, (("have",), ("had",), _OPT), "attempted",
                        (("suicide",), ("to",), ("twice",), ("once",), ("again",),
                         ("before",), ("three", "times"), ("last",), (END,)))),
    ("a past attempt", (_I, (("have",), ("had",), _OPT), ("overdosed", "oded"),
                        (("on", "my"), ("on", "paracetamol"), ("on", "pills"),
                         ("on", "tablets"), ("twice",), ("again",), ("last",), ("before",),
                         ("in",), ("when",), (END,)))),
    ("a past attempt", (_I, (("have",), ("had",), _OPT), ("tried", "attempted"), "to",
                        _ENDING)),
    ("a past attempt", (_I, (("have",), ("had",), _OPT), ("took", "taken", "swallowed"),
                        _SWALLOWED)),
    ("a past attempt", (("the", "my"), ("gun", "pistol", "rope", "noose"),
                        ("jammed", "misfired", "snapped", "broke"))),
    ("a history of self-harm", (_I, (("am",), ("was",), ("have", "been"), ("used", "to", "be")),
                                ("a",), (("cutter",), ("self", "harmer"), ("selfharmer",)))),
    ("the night in doubt", (("get", "make", "survive"), (("me", "through"), ("it", "through"),
                                                        ("myself", "through"), ("through",),
                                                        _OPT),
                            (("the", "night"), ("tonight",), ("this", "night")))),
    ("a method said of oneself", (("blow", "blowing", "shoot", "shooting"), "my",
                                  ("brains", "head"), ("out", "off", "in"))),
    ("a method said of oneself", (_OWN_END, "myself")),
    ("a method said of oneself", (("throw", "throwing", "hurl", "hurling"), "myself",
                                  _ONTO)),
    ("a method said of oneself", (_I, _AUX, _LEAP, ("off", "from"), _DET, _HEIGHT)),
    ("a method said of oneself", (_LEAP, ("off", "from"), _DET, _HEIGHT)),
    ("a method said of oneself", (_LEAP, ("off", "from"), _DET, ANY, _HEIGHT)),
    ("a method said of oneself", (_LEAP, (("in", "front", "of"), ("under",)), _DET, _VEHICLE)),
    ("a method said of oneself", (("slit", "slitting", "slash", "slashing", "open"), "my",
                                  ("wrists", "wrist", "throat", "veins"))),
    ("no meaning in life", (_LIFE, ("has", "holds", "had"), ("no", "zero"), _MEANING)),
    ("no meaning in life", (("no", "zero"), ("meaning", "purpose"), ("in", "to", "for"),
                            _LIVING)),
    ("no meaning in life", (_I, (("do", "not"), ("can", "not"), _OPT),
                            ("see", "find", "have", "feel"), ("no", "any", "zero"), _MEANING,
                            ("in", "to", "for", "of"), _LIVING)),
    ("no meaning in life", (_LIFE, ("is", "feels", "seems"),
                            ("meaningless", "purposeless", "futile", "pointless"))),
    ("the will to live lost", (_LOSE, (("all", "my"), ("the",), ("my",), ("all",), ("any",),
                                       _OPT), _WILL, "to", _TO_LIVE)),
    ("the will to live lost", ("my", "will", "to", "live", ("is", "has", "was"),
                               ("gone", "fading", "dying", "disappeared", "vanished",
                                "slipping", "going", "nearly", "almost", "shrinking"))),
    ("the will to live lost", (("lost", "losing"), "my", "will", (END,))),
    ("being a burden", (_I, _FEEL, _A, _BURDEN)),
    ("being a burden", (_I, (("only",), _OPT), ("burden", "inconvenience"),
                        ("everyone", "everybody", "people", "others", "my", "them", "those"))),
    ("not deserving help or life", (_I, (("do", "not"), ("never",), ("will", "never")),
                                    ("deserve", "deserved"), _WORTH)),
    ("not deserving help or life", (_I, "am", "not", "worth", _NOT_WORTH)),
    ("feeling long since dead", (_I, (("died",), ("have", "died"), ("had", "died")), _AGO)),
    ("feeling long since dead", (_I, _WAS, "already", "dead")),
    ("feeling long since dead", (_I, _WAS, "dead", (("already",), ("for", "years"),
                                                    ("for", "a", "long", "time")))),
    ("feeling long since dead", (("part", "something"), (("of", "me"), ("in", "me")), "died")),
    ("wanting to be dead", (_I, "would", (("love", "to"), ("prefer", "to"), ("to",)),
                            (("be", "dead"), ("die",), ("be", "gone"), ("not", "exist"),
                             ("not", "wake", "up")))),
    ("asking to be let die", ("let", "me", (("die",), ("be", "dead"), ("rot",),
                                            ("fade", "away"), ("disappear",)))),
)

_BY_FIRST_WORD = by_first_word(KINDS)
_METHOD = "a method said of oneself"


def crisis_acts(a: Analysis, ok: Callable[[int, int], bool]) -> list[Hit]:
    """The first kind in the writer's own voice (`ok(start, end)`: not quoted, no recovery
    story, no denial) that no negator governs.

    Bad: "I've been stockpiling my tablets", "I've lost the will to live", "I feel like a
    burden", "I don't deserve help", "I overdosed last spring".
    Good: "I never felt like a burden on the ward", "I got my tablets from the pharmacy",
    "in the film he says he will jump off a bridge".
    """
    toks = a.doc.tokens
    for kind, s, e in find_kinds(a, _BY_FIRST_WORD):
        if negated(a, s, window=3) or reported_story(a, s) or not ok(s, e):
            continue
        if not writer_in_sentence(a, s):
            continue
        if kind == "getting a means" and ((e < len(toks) and toks[e] in NOT_MEANS)
                                          or trading(a, s)):
            continue
        if kind == "the night in doubt" and not in_need(a, s):
            continue
        if kind == "being a burden" and about_service(a, s, e):
            continue
        rule = "crisis.suicidal" if kind == _METHOD else "crisis.indirect"
        return [Hit(rule, s, e, 0.75, note=kind)]
    return []
