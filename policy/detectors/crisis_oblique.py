"""Crisis said obliquely: in asking for help rather than in naming a wish to die.

Kinds clinicians count as warning signs though no word of suicide is said of oneself, each read
by its grammar (first person, then the act or the wish):
- meaning to admit oneself to a psychiatric ward ("I'm thinking of checking myself in");
- finding suicide too hard to tell those close to one ("I've never known how to talk to my mum
  about suicide"): the suicide is the writer's own secret, not a topic;
- hoping to be killed ("I hope I get hit by a bus", "I was glad, I'd enlist and get shot");
- asking for help in a sentence that names suicide ("I came here for help, not to be told to
  kill myself");
- hoping to survive as someone else did ("glad you didn't kill yourself, it gives me hope I
  can make it too").
The caller's `ok(start, end)` keeps out quoted words, recovery stories and denials.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from policy.detectors.base import SECOND_PERSON, Analysis, Hit
from policy.detectors.crisis_voice import PRONOUNS_OTHER, SPECIFIC
from policy.detectors.kind_matching import END, Slot, by_first_word, find_kinds

_I = ("i",)
_OPT: tuple[str, ...] = ()
# Meaning to, not having done: "I checked myself in and the staff were lovely" is a story of
# care, told after the crisis.
_MEANING_TO = (("am", "considering"), ("am", "thinking", "of"), ("am", "thinking", "about"),
               ("have", "been", "thinking", "of"), ("have", "been", "thinking", "about"),
               ("was", "thinking", "of"), ("am", "going", "to"), ("want", "to"), ("need", "to"),
               ("should",), ("might",), ("may", "have", "to"), ("will", "have", "to"),
               ("am", "about", "to"), ("might", "have", "to"), ("will",))
_ADMIT = ("check", "checking", "admit", "admitting", "section", "sectioning")
# "In" alone, or into a psychiatric place; not "in at the front desk", "into a hotel".
_WHERE = (("in", END), ("in", "tonight"), ("in", "tomorrow"), ("in", "today"),
          ("in", "again"), ("in", "soon"), ("into", "psych"), ("into", "a", "psych"),
          ("into", "the", "psych"), ("into", "a", "psychiatric"), ("into", "psychiatric"),
          ("into", "the", "psychiatric"), ("into", "a", "mental"), ("into", "the", "mental"),
          ("into", "a", "crisis"), ("into", "the", "crisis"), ("to", "the", "psych"),
          ("to", "a", "psych"), ("to", "psych"), ("to", "the", "psychiatric"),
          ("to", "a", "psychiatric"), ("to", "a", "mental"), ("to", "the", "crisis"))
# Hoping to be survived, as another did: "I can make it too".
_HOPE = (("gives", "me", "hope"), ("give", "me", "hope"), ("makes", "me", "hope"),
         ("hope",), ("am", "hoping"), ("pray",))
_SURVIVE = (("make", "it"), ("get", "through", "this"), ("get", "through", "it"),
            ("pull", "through"), ("survive",), ("survive", "this"))

KINDS: tuple[tuple[str, Sequence[Slot]], ...] = (
    ("meaning to admit oneself", (_I, _MEANING_TO, _ADMIT, "myself", _WHERE)),
    ("hoping to survive too", (_HOPE, (("that",), _OPT), _I, (("can",), ("will",), ("could",),
                                                              _OPT),
                               _SURVIVE, (("too",), ("as", "well"), ("also",)))),
)
_BY_FIRST_WORD = by_first_word(KINDS)
_SURVIVE_TOO = "hoping to survive too"

# Suicide named in a sentence: of oneself, of the reader, or as a topic.
_SUICIDE = frozenset({"suicide", "suicidal", "suicidality"})
_KILLING = frozenset({"kill", "killing", "killed"})
_SELVES = frozenset({"myself", "yourself", "yourselves", "themselves"})

# Telling: a verb of telling, then "about" and the suicide, with the difficulty before it.
_TELL = frozenset({"talk", "talking", "tell", "telling", "speak", "speaking", "open", "mention",
                   "mentioning", "admit", "admitting", "bring", "confide", "explain"})
_HARD = frozenset({"never", "not", "how", "hard", "difficult", "scared", "afraid", "ashamed",
                   "struggle", "struggled", "struggling", "unable", "embarrassed", "terrified"})
# Listeners in one's care or charge: "I find it hard to talk to my students about suicide"
# is a teacher's worry, not the writer's own risk.
_IN_MY_CARE = frozenset({"students", "pupils", "class", "kids", "children", "son", "daughter",
                         "patients", "clients", "team", "staff", "learners", "child",
                         "teenagers", "teens"})
_SOMEONE_ELSES = frozenset({"his", "her", "their", "s"}) | SPECIFIC


def _telling_is_hard(a: Analysis, i: int, ok: Callable[[int, int], bool]) -> Hit | None:
    """Suicide as the thing the writer cannot tell: "I don't know how to tell my mum about
    suicide"; not "their uncle's suicide" nor a teacher's talk to a class."""
    toks = a.doc.tokens
    lo = a.sentence_range(a.doc.sents[i])[0]
    about = next((j for j in range(i - 1, max(lo, i - 5) - 1, -1) if toks[j] == "about"), None)
    if about is None or _SOMEONE_ELSES & set(toks[about + 1 : i]):
        return None
    tell = next((j for j in range(about - 1, max(lo, about - 6) - 1, -1) if toks[j] in _TELL),
                None)
    if tell is None or _IN_MY_CARE & set(toks[tell:about]):
        return None
    before = toks[lo:tell]
    if "i" not in before or not _HARD & set(before):
        return None
    return Hit("crisis.indirect", lo, i + 1, 0.75, note="suicide too hard to tell") \
        if ok(lo, i + 1) else None


# Hoping to be killed: a wish, then the writer getting killed, with nobody else between.
_WISHING = frozenset({"hope", "hoping", "wish", "wishing", "pray", "praying", "overjoyed",
                      "glad", "happy", "relieved", "excited", "love", "want", "wanted"})
_GET = frozenset({"get", "getting", "be", "being"})
_KILLED = frozenset({"shot", "killed", "murdered", "stabbed", "hit", "run"})
_NEGATORS = frozenset({"not", "never", "no"})
_OTHERS = PRONOUNS_OTHER | SECOND_PERSON | SPECIFIC


def _hoping_to_be_killed(a: Analysis, i: int, ok: Callable[[int, int], bool]) -> Hit | None:
    toks = a.doc.tokens
    lo = a.sentence_range(a.doc.sents[i])[0]
    if i + 1 >= len(toks) or toks[i + 1] not in _KILLED:
        return None
    if toks[i + 1] == "run" and toks[i + 2 : i + 3] != ["over"]:
        return None
    if toks[i + 1] == "hit" and not {"by", "with"} & set(toks[i + 2 : i + 4]):
        return None  # "get hit by a bus", not "get hit the hardest by the cuts"
    wish = next((j for j in range(i - 1, max(lo, i - 8) - 1, -1) if toks[j] in _WISHING), None)
    if wish is None or "i" not in toks[max(lo, wish - 3) : wish]:
        return None
    between = toks[wish + 1 : i]
    if set(between) & _NEGATORS or set(between) & _OTHERS:
        return None  # "I hope I don't get hit", "I hope he gets shot"
    # The writer is the one killed: "I hope to get shot", "glad because I would ... get shot";
    # not "I wish all protesters would be shot", "I love watching believers get killed".
    if between[:1] != ["to"] and (between[:1] not in (["i"], ["that"], ["because"], ["if"],
                                                      ["when"]) or "i" not in between):
        return None
    if any(wish < g < i for g, _, _ in a.prefixed("G:")) or any(
            wish < t < i for t, _ in a.get("TARGET")):
        return None
    return Hit("crisis.indirect", wish, i + 2, 0.75, note="hoping to be killed") \
        if ok(wish, i + 2) else None


# Asking for help: "I came here for help", "I need help", "please help me".
_HELP_ASKED = (("came", "here", "for", "help"), ("come", "here", "for", "help"),
               ("am", "here", "for", "help"), ("posted", "here", "for", "help"),
               ("am", "asking", "for", "help"), ("need", "help"), ("please", "help", "me"))


def _help_beside_suicide(a: Analysis, lo: int, hi: int,
                         ok: Callable[[int, int], bool]) -> Hit | None:
    """Help asked for by the writer in a sentence that names suicide, with no third person
    whose suicide it could be ("I need help, my brother is suicidal" is about the brother)."""
    toks = a.doc.tokens
    words = toks[lo:hi]
    if "i" not in words and words[:1] != ["please"]:
        return None
    if ((PRONOUNS_OTHER | SPECIFIC) - {"someone", "somebody", "people"}) & set(words):
        return None
    for j in range(lo, hi):
        for ask in _HELP_ASKED:
            if tuple(toks[j : j + len(ask)]) == ask and (ask[0] == "please"
                                                           or "i" in toks[max(lo, j - 2) : j]):
                return Hit("crisis.indirect", j, j + len(ask), 0.75,
                           note="help asked beside suicide") if ok(j, j + len(ask)) else None
    return None


def _names_suicide(toks: list[str], lo: int, hi: int) -> bool:
    return any(t in _SUICIDE or (t in _KILLING and k + 1 < hi and toks[k + 1] in _SELVES)
               for k, t in enumerate(toks[lo:hi], lo))


def oblique_crisis(a: Analysis, ok: Callable[[int, int], bool]) -> list[Hit]:
    """The first oblique sign of the writer's own crisis.

    Bad: "I'm thinking of checking myself in tonight", "I've never known how to talk to my
    parents about suicide", "I hope I get hit by a bus", "I came here for help, not to be told
    I have no reason to kill myself", "glad you didn't kill yourself, it gives me hope I can
    make it too".
    Good: "I checked myself in at the front desk", "I find it hard to talk to my students about
    suicide prevention", "I hope I don't get hit by a car", "I came here for help with my
    drain", "I hope I can make it to the party too".
    """
    doc = a.doc
    toks = doc.tokens
    for kind, s, e in find_kinds(a, _BY_FIRST_WORD):
        lo, hi = a.sentence_range(doc.sents[s])
        if kind == _SURVIVE_TOO and not _names_suicide(toks, lo, hi):
            continue  # "I hope I can make it too" with no suicide near is a plan to come
        if ok(s, e):
            return [Hit("crisis.indirect", s, e, 0.75, note=kind)]
    seen: set[int] = set()
    for i, t in enumerate(toks):
        hit = None
        if t in _SUICIDE:
            hit = _telling_is_hard(a, i, ok)
        elif t in _GET:
            hit = _hoping_to_be_killed(a, i, ok)
        if hit is None and (t in _SUICIDE or t in _KILLING) and doc.sents[i] not in seen:
            lo, hi = a.sentence_range(doc.sents[i])
            if _names_suicide(toks, lo, hi):
                seen.add(doc.sents[i])
                hit = _help_beside_suicide(a, lo, hi, ok)
        if hit is not None:
            return [hit]
    return []
