"""Shapes of terrorist speech, read from the grammar around classes of words rather than from
whole phrases: who a praising word is said of, who passes material on, who will attack what.

Each function returns a token span or None; terrorism.py turns them into rule hits.
"""

from __future__ import annotations

from policy.detectors.base import Analysis
from policy.detectors.terrorism_blame import named_agent
from policy.detectors.terrorism_scope import SAFE, blocked

Span = tuple[int, int]
_COPULA = frozenset({"is", "are", "was", "were", "be", "been", "am", "remain", "remains",
                     "had", "will"})
# Words that may stand between a subject and its verb, or a verb and its object.
_FILLER = frozenset({"the", "a", "an", "all", "so", "such", "true", "real", "absolute", "total",
                     "honestly", "truly", "really", "just", "still", "always", "our", "their",
                     "that", "this", "those", "these", "every", "local", "nearest", "big",
                     "fucking", "bloody", "of", "them", "proper", "actual", "my", "old",
                     "former", "new", "full", "whole", "be"})
# Said of a subject with a verb other than "is": "Tarrant deserves a statue", "the attacker
# did the right thing".
_SAYS = _COPULA | {"deserves", "deserve", "did", "does"}
_DETERMINERS = frozenset({"the", "a", "an", "that", "this", "those", "these", "our", "their"})
_PREPOSITIONS = frozenset({"at", "in", "of", "on", "from", "by", "after", "since", "during",
                           "before", "with", "about", "against", "to", "for"})
_PLACE_PREPOSITIONS = frozenset({"on", "at", "in", "against"})
_RELATIVE = frozenset({"who", "that", "which", "whoever"})
# Doers standing for the poster or called on by the poster: first person, "someone should".
_CALLERS = frozenset({"i", "we", "us", "someone", "somebody", "everyone", "everybody",
                      "people", "you", "lets", "brothers", "patriots", "anyone", "it"})
_AUX = frozenset({"will", "would", "am", "are", "going", "to", "gonna", "should", "must",
                  "need", "needs", "ought", "have", "has", "got", "can", "could", "about",
                  "plan", "planning", "want", "wanna", "intend", "really", "just", "please",
                  "go", "finally", "also", "all", "then", "now", "tomorrow", "soon",
                  "shall", "let", "do", "definitely", "proud", "ready", "willing", "happy",
                  "time", "is"})
_FUTURE = frozenset({"will", "going", "gonna", "plan", "planning", "want", "wanna", "intend",
                     "about", "shall", "tomorrow", "soon", "should", "must", "need", "needs",
                     "ought", "let", "lets", "to"})


def _first_after(a: Analysis, tag: str, start: int, limit: int) -> Span | None:
    """The first `tag` span beginning within `limit` tokens after `start`, across only filler
    words, in the same sentence."""
    toks, sents = a.doc.tokens, a.doc.sents
    by_start = {s: (s, e) for s, e in a.get(tag)}
    i = start
    while i < len(toks) and i <= start + limit and sents[i] == sents[start]:
        if i in by_start:
            return by_start[i]
        if toks[i] not in _FILLER:
            return None
        i += 1
    return None


def said_of(a: Analysis, subject: str, predicate: str) -> Span | None:
    """A `predicate` word said of a `subject` through "is/was/were": "the bombers were heroes",
    "the attack was a good start". The subject must head its clause: "the nurses who treated
    the bomber were heroes" praises the nurses, so an earlier relative clause rules it out."""
    toks, sents = a.doc.tokens, a.doc.sents
    for s, e in a.get(subject):
        if blocked(a, s, SAFE):
            continue
        back = range(max(0, s - 12), s)
        # "that" just before the subject is its determiner ("that shooter", "that synagogue
        # shooter"), not a clause.
        named = {i for ps, pe in a.get("ATTACK_PLACE") for i in range(ps, pe)}
        if any(toks[j] in _RELATIVE and sents[j] == sents[s]
               and not (toks[j] == "that" and all(k in named or a.doc.caps[k]
                                                  for k in range(j + 1, s))) for j in back):
            continue
        head = s - 1
        while head >= 0 and toks[head] in _DETERMINERS:
            head -= 1
        if head >= 0 and sents[head] == sents[s] and toks[head] in _PREPOSITIONS:
            continue  # "the victims at the Arena were": the Arena is not the subject
        j = e
        if j < len(toks) and toks[j] in _PLACE_PREPOSITIONS:
            j += 1  # "the attack on the clinic was": skip what the attack was on
            while j < len(toks) and toks[j] not in _SAYS and j < e + 5:
                j += 1
        while j < len(toks) and toks[j] in _FILLER and j < e + 3:
            j += 1
        if j >= len(toks) or toks[j] not in _SAYS:
            continue
        found = _first_after(a, predicate, j + 1, 4)
        if found and not blocked(a, found[0], SAFE):
            return s, found[1]
    return None


def doer_of_attack(a: Analysis, predicate: str) -> Span | None:
    """"Whoever did the stabbings is a hero", "the men who attacked the concert were
    soldiers": a relative clause whose verb is an attack makes its head an attacker."""
    toks = a.doc.tokens
    for i, tok in enumerate(toks):
        if tok not in _RELATIVE or blocked(a, i, SAFE):
            continue
        clause = range(i + 1, min(len(toks), i + 12))
        acted = any(a.near("ATTACK_DONE", k, k + 1, 0, 1) or a.near("ATTACK_VERB", k, k + 1, 0, 1)
                    for k in clause[:2]) or (
            toks[i + 1:i + 2] == ["did"] and a.near("TERROR_EVENT", i + 1, i + 2, 0, 4))
        if not acted:
            continue
        for k in clause:
            if a.near("TERROR_AGENT", k, k + 1, 0, 0):
                break  # "the man who stabbed the attacker is a hero": he stopped an attack
            if toks[k] in _COPULA or toks[k] in ("deserves", "deserve"):
                found = _first_after(a, predicate, k + 1, 4)
                if found and not blocked(a, found[0], SAFE):
                    return i, found[1]
                break
    return None


def _called_by_poster(a: Analysis, verb: int, future: bool) -> bool:
    """The verb's doer is the poster, the poster's side or someone the poster calls on ("I'll",
    "we are going to", "someone should", "let's"), or it is an order at the start of a
    sentence. With `future`, a plain past ("I shared") does not count: it must be a plan."""
    toks, sents = a.doc.tokens, a.doc.sents
    j = verb - 1
    saw_future = False
    while j >= 0 and sents[j] == sents[verb] and toks[j] in _AUX and verb - j <= 5:
        saw_future = saw_future or toks[j] in _FUTURE
        j -= 1
    if j < 0 or sents[j] != sents[verb] or toks[j] in (",", ":", "!"):
        return True  # an order, or a plan with the doer left out ("gonna bomb the ...")
    if toks[j] == "us" and j > 0 and toks[j - 1] == "let":
        return True  # "let's hit the march": a call to the poster's side
    if toks[j] not in _CALLERS:
        return False
    return saw_future or not future


def attack_on_place(a: Analysis) -> Span | None:
    """"I'm going to bomb the mosque", "someone should torch the refugee hotel": an attack verb
    with a place or a crowd as its object, planned by the poster or called for."""
    for s, e in a.get("ATTACK_VERB"):
        if blocked(a, s, SAFE) or not _called_by_poster(a, s, future=True):
            continue
        target = _first_after(a, "ATTACK_PLACE", e, 3)
        if target:
            return s, target[1]
    return None


def passes_on_material(a: Analysis, anchors: tuple[str, ...]) -> Span | None:
    """"Share the manifesto", "I'll upload the beheading video", "everyone watch the
    Christchurch footage": the poster passing on, or urging others to take in, material of a
    group or an attack (a group, attacker or attack named in the same sentence)."""
    toks = a.doc.tokens
    for tag in ("TERROR_SHARE", "TERROR_CONSUME"):
        for s, e in a.get(tag):
            if blocked(a, s, SAFE):
                continue
            urged = tag == "TERROR_SHARE" or s == 0 or toks[s - 1] in (
                "everyone", "should", "must", "go", "please", ",")
            given = "here" in toks[max(0, s - 3):s]  # "here's the link to the handbook"
            # "everyone needs to hear", "should be read by every white man": urged on all.
            modal = bool(_URGE.intersection(toks[max(0, s - 3):s]))
            if not (urged or modal) or not (given or modal
                                             or _called_by_poster(a, s, future=False)):
                continue
            # The material may come first: "our leaflets are ready, spread the word".
            media = a.near("TERROR_MEDIA", s, e, 6, 10)
            if not media:
                continue
            if any(a.near(anchor, s, e, 4, 10) for anchor in anchors):
                return s, media[0][1]
    return None


_URGE = frozenset({"should", "must", "needs", "everyone", "everybody"})


def backs_group(a: Analysis) -> Span | None:
    """"I support Hamas", "proud member of the Base", "long live the Taliban": the poster
    backing a proscribed group by name. The group must be the verb's object, so "I support
    the families after the attack" is not support."""
    for s, e in a.get("TERROR_BACK"):
        if blocked(a, s, SAFE) or not _called_by_poster(a, s, future=False):
            continue
        group = (_first_after(a, "TERROR_GROUP", e, 3) or _first_after(a, "TERROR_AGENT", e, 3)
                 or named_agent(a, e))
        if group:
            return s, group[1]
    return None


_WISH = frozenset({"let", "lets", "need", "needs", "want", "time", "should", "give", "do",
                   "hope", "pray", "deserve", "deserves", "bring"})


def another_attack(a: Analysis) -> Span | None:
    """"Let's give them another Christchurch", "we need another 7/7": an attack named as one
    more wished for. "I pray there is never another 9/11" is negated."""
    toks, sents = a.doc.tokens, a.doc.sents
    for i, tok in enumerate(toks):
        if tok != "another" or blocked(a, i, SAFE):
            continue
        named = _first_after(a, "TERROR_ORG", i + 1, 0) or _first_after(a, "TERROR_EVENT", i + 1, 1)
        wished = any(toks[j] in _WISH for j in range(max(0, i - 5), i) if sents[j] == sents[i])
        if named and wished:
            return i, named[1]
    return None


def praise_of_doer(a: Analysis) -> Span | None:
    """"Rest in power to the hero who drove into the crowd": a praising noun whose relative
    clause is an attack."""
    toks = a.doc.tokens
    for s, e in a.get("TERROR_PRAISE"):
        if (e < len(toks) and toks[e] in _RELATIVE and not blocked(a, s, SAFE)
                and a.near("ATTACK_DONE", e + 1, e + 2, 0, 1)):
            return s, e + 2
    return None
