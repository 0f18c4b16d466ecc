"""Calls to kill or remove a whole group that the post refers to only by a pronoun: "kill
them all", "deport them all", "ban every one of them".

"Them all" and "every one of them" name no group, but as the object of a call to kill or
remove they speak of a whole set of people, which is how hate that names its group in an
earlier post, a picture or a headline reads. A report ("the cuts will kill them all", "they
sent them all back") is not a call: another subject, an auxiliary or an infinitive before the
verb makes it one's account of what others do or will do.
"""

from __future__ import annotations

from policy.detectors.agents import done_by_a_thing
from policy.detectors.base import Analysis
from policy.detectors.group_forms import form_groups
from policy.detectors.group_slots import own_words
from policy.lexicon.groups import UNNAMED

# The whole of a group, said with a pronoun ("em all" is read as "them all").
_WHOLE: tuple[tuple[str, ...], ...] = (
    ("them", "all"), ("all", "of", "them"), ("every", "one", "of", "them"),
    ("every", "last", "one", "of", "them"), ("each", "and", "every", "one", "of", "them"),
    ("each", "of", "them"),
)
# Words before the verb that make it someone else's act or a report, not the writer's call.
_NOT_A_CALL = frozenset({"he", "she", "it", "they", "who", "which", "will", "would", "could",
                         "might", "may", "can", "to", "did", "does", "do", "was", "were",
                         "had", "has", "have", "is", "are", "been", "if", "when", "you"})
# "We will ...", "I would ...": the writer's own intent is still a call.
_FIRST = frozenset({"i", "we"})
# "Need to", "have to", "ought to": an infinitive after these is still a call.
_MUST_TO = frozenset({"need", "needs", "have", "got", "ought", "want", "wanna", "gotta"})


# Past forms that are not made with -ed.
_IRREGULAR_PAST = frozenset({"shot", "slew", "hung", "burnt", "sent", "threw", "drove", "beat",
                             "froze", "stabbed", "gassed"})
# A past participle after these is a passive call ("should be killed", "get them all shot").
_PASSIVE = frozenset({"be", "get", "got", "being"})


def _reported(toks: list[str], lo: int, s: int) -> bool:
    """The verb is in the past tense after its subject, outside a passive: what was done ("the
    soldiers killed them all", "the virus wiped them all out"), not the writer's call. With no
    subject ("gassed them all, good") it may be the writer's approval, so it stays a call."""
    verb = toks[s]
    past = verb in _IRREGULAR_PAST or (verb.endswith("ed") and len(verb) > 4)
    return past and s > lo and toks[s - 1] not in _PASSIVE


def whole_group_end(toks: list[str], i: int) -> int:
    """End of a "them all" phrase starting at token i, or -1."""
    for words in _WHOLE:
        if tuple(toks[i : i + len(words)]) == words:
            return i + len(words)
    return -1


def is_call(a: Analysis, s: int) -> bool:
    """The verb at s is the writer's call or wish, not a report of someone else's act."""
    toks = a.doc.tokens
    if done_by_a_thing(a, s):
        return False  # "the chemo should kill them all": what a treatment does to cells
    lo = a.sentence_range(a.doc.sents[s])[0]
    if _reported(toks, lo, s):
        return False
    start = max(lo, s - 5)
    for k in range(start, s):
        t = toks[k]
        if t not in _NOT_A_CALL:
            continue
        prev = toks[k - 1] if k > start else ""
        if t == "to" and prev in _MUST_TO:
            continue
        if t in ("will", "would") and prev in _FIRST:
            continue
        return False
    return own_words(a, s)


def pronoun_call(a: Analysis, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first kill or removal word in `spans` whose object is a whole group said with a
    pronoun, as a call: (start, end) of the call."""
    toks = a.doc.tokens
    for s, e in spans:
        end = whole_group_end(toks, e)
        if end > 0 and not a.doc.quoted[e] and is_call(a, s):
            return (s, end)
    return None


# Telling people to go back to "your" or "their" country: a call to remove them for their
# national origin, whatever verb carries it ("go back", "return", "fly back", "piss off back").
_GO = frozenset({"go", "return", "get", "fly", "swim", "sail", "head", "piss", "fuck", "crawl",
                 "run", "move", "ship", "send", "sent"})
_ON_THE_WAY = frozenset({"back", "off", "home", "them", "all", "you", "yourselves", "right"})
_WHOSE = frozenset({"your", "their", "ur"})
_HOMELANDS = frozenset({"country", "countries", "homeland", "homelands", "land", "lands",
                        "continent", "continents", "nation", "nations", "shithole",
                        "shitholes"})


def homeland_call(a: Analysis) -> tuple[int, int] | None:
    """(start, end) of "go back to your own country" and the like, said as a call."""
    toks = a.doc.tokens
    n = len(toks)
    for i, t in enumerate(toks):
        if t not in _GO:
            continue
        k = i + 1
        while k < n and k < i + 4 and toks[k] in _ON_THE_WAY:
            k += 1
        if k + 2 >= n or toks[k] != "to" or toks[k + 1] not in _WHOSE:
            continue
        k += 2
        if toks[k] == "own":
            k += 1
        if k < n and toks[k] in _HOMELANDS and not a.doc.quoted[i] and is_call(a, i):
            return (i, k + 1)
    return None


# "We don't want Moldovans here", "we want no more Moldovans in our country".
_DENY_WANT = frozenset({"not", "never", "no"})
_FILLER = frozenset({"any", "more", "the", "these", "those", "no", "all", "of"})
_OURS = frozenset({"our", "this", "my"})
_PLACES = _HOMELANDS | frozenset({"town", "towns", "city", "cities", "street", "streets",
                                  "area", "areas", "neighbourhood", "neighborhood",
                                  "schools", "society", "culture", "continent", "europe"})


def unwanted_here(a: Analysis) -> tuple[int, int, str] | None:
    """(start, end, characteristic) of a named group said not to be wanted here or in "our"
    country, town or streets. The "no" of "no more Moldovans" is the shape itself, so the
    group is read before the grammar rules set denied groups aside."""
    toks = a.doc.tokens
    n = len(toks)
    starts = {g[0]: g for g in [*a.prefixed("G:"), *form_groups(a)] if g[2] != UNNAMED}
    for i, t in enumerate(toks):
        if t != "want" or i == 0:
            continue
        k = i + 1
        while k < n and k < i + 4 and toks[k] in _FILLER:
            k += 1
        g = starts.get(k)
        if g is None or a.doc.quoted[i]:
            continue
        if toks[i - 1] not in _DENY_WANT and "no" not in toks[i + 1 : k]:
            continue
        e = g[1]
        here = e < n and toks[e] == "here"
        ours = (e + 2 < n and toks[e] == "in" and toks[e + 1] in _OURS
                and toks[e + 2] in _PLACES)
        if here or ours:
            return (i - 1, e + (1 if here else 3), g[2])
    return None
