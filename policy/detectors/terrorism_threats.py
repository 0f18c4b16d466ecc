"""Threats and calls for attacks said in other ways than "bomb the mosque": a place wished
destroyed ("every mosque should be burned to the ground"), set alight, wished attacked by
someone ("it's time someone shot up that synagogue"), or a bomb made ready beside a threat.

Each function returns a token span or None; terrorism.py turns them into rule hits.
"""

from __future__ import annotations

from policy.detectors.base import Analysis
from policy.detectors.terrorism_scope import SAFE, blocked

Span = tuple[int, int]
_SHOULD = frozenset({"should", "must", "need", "needs", "ought", "deserve", "deserves"})
_DESTROYED = frozenset({"burned", "burnt", "bombed", "torched", "firebombed", "razed",
                        "levelled", "leveled", "destroyed", "attacked"})
_ALIGHT = frozenset({"alight", "ablaze", "fire"})
_SOMEONE = frozenset({"someone", "somebody", "we", "you", "people"})
# Not a bomb: "a bath bomb", "a flavour bomb", "a ticking time bomb" of a waiting list.
_NOT_DEVICE = frozenset({"bath", "flavour", "flavor", "time", "glitter", "photo", "stink",
                         "seed", "calorie", "cherry", "f"})
_HAS = frozenset({"got", "have", "made", "built", "bought"})
_DEVICE = frozenset({"bomb", "bombs", "explosive", "explosives", "device", "fertiliser",
                     "fertilizer", "vest", "detonator"})
_READY = frozenset({"ready", "finished", "built", "made", "primed", "prepared", "done"})
# A threat: "make them pay", "you're next", "the unit is next", "they will all die".
_THREATS = (("make", "pay"), ("will", "pay"), ("is", "next"), ("are", "next"), ("re", "next"),
            ("will", "die"), ("all", "die"), ("will", "regret"))


def _threatens(toks: list[str]) -> bool:
    for i in range(len(toks) - 1):
        for first, then in _THREATS:
            if toks[i] == first and then in toks[i + 1:i + 6]:
                return True
    return False


def _places(a: Analysis) -> list[Span]:
    return [(s, e) for s, e in a.get("ATTACK_PLACE") if not blocked(a, s, SAFE)]


def place_wished_destroyed(a: Analysis) -> Span | None:
    """"Every mosque in Suffolk should be burned to the ground", "the asylum hotel needs to be
    torched": a place named as one that ought to be attacked."""
    toks, sents = a.doc.tokens, a.doc.sents
    for s, e in _places(a):
        for k in range(e, min(len(toks) - 2, e + 6)):
            if sents[k] != sents[s]:
                break
            if toks[k] in _SHOULD:
                rest = toks[k + 1:k + 4]
                if "be" in rest and _DESTROYED.intersection(rest):
                    return s, k + 1 + rest.index("be") + 2
    return None


def sets_alight(a: Analysis) -> Span | None:
    """"We'll set the asylum hotel alight", "someone set fire to the mosque tonight": a place
    to be set on fire. A past tale ("they set the bins alight in 1990") is history."""
    toks = a.doc.tokens
    for s, e in _places(a):
        before = toks[max(0, s - 4):s]
        after = toks[e:e + 3]
        if "set" in before and _ALIGHT.intersection(after) and _by_poster(toks, before):
            return s - len(before) + before.index("set"), e
    return None


def _by_poster(toks: list[str], before: list[str]) -> bool:
    return bool({"we", "i", "ll", "will", "gonna", "let", "lets", "should", "must",
                 "going"}.intersection(before))


def time_someone_did(a: Analysis) -> Span | None:
    """"It's time someone shot up that synagogue", "about time somebody bombed the council":
    an attack on a place wished done."""
    toks = a.doc.tokens
    for s, e in a.get("ATTACK_DONE"):
        if blocked(a, s, SAFE) or s < 2:
            continue
        if toks[s - 1] in _SOMEONE and toks[s - 2] == "time":
            target = [p for p in _places(a) if e <= p[0] <= e + 3]
            if target:
                return s - 2, target[0][1]
    return None


def readies_device(a: Analysis) -> Span | None:
    """"I'm going to make the ward staff pay, the bomb is nearly finished", "the unit is
    next, I've got the fertiliser ready": a bomb made ready beside a threat or a place. A
    bath bomb or a garden's fertiliser needs the threat to count."""
    toks, sents = a.doc.tokens, a.doc.sents
    for i, tok in enumerate(toks):
        if tok not in _DEVICE or blocked(a, i, SAFE) or (i and toks[i - 1] in _NOT_DEVICE):
            continue
        lo, hi = a.sentence_range(sents[i])
        readied = _READY.intersection(toks[max(lo, i - 4):min(hi, i + 5)])
        held = _HAS.intersection(toks[max(lo, i - 3):i]) and {"i", "we"}.intersection(
            toks[max(lo, i - 5):i])
        # "I've got a bomb and I'm coming to the trust": held, with a place it is brought to.
        if (readied and _threatens(toks)) or (held and (_threatens(toks) or _coming_to(a))):
            return i, i + 1
    return None


def _coming_to(a: Analysis) -> bool:
    toks = a.doc.tokens
    # "coming to the trust", "coming to the trust's" with a determiner between
    return any(toks[max(0, s - 3):s][:2] in (["coming", "to"], ["coming", "for"])
               or toks[max(0, s - 2):s] in (["coming", "to"], ["coming", "for"])
               for s, _e in _places(a))


_IN_FLAMES = (("up", "in", "flames"), ("will", "burn"), ("will", "explode"), ("go", "up"),
              ("goes", "up", "in"), ("will", "be", "bombed"), ("will", "be", "blown"))


def place_to_burn(a: Analysis) -> Span | None:
    """"On Monday the clinic goes up in flames", "the ward will burn with you inside": a
    place foretold destroyed."""
    toks = a.doc.tokens
    for s, e in _places(a):
        ahead = toks[e:e + 5]
        for words in _IN_FLAMES:
            n = len(words)
            if any(tuple(ahead[k:k + n]) == words for k in range(len(ahead) - n + 1)):
                return s, e + 5
    return None


_GO_OFF = (("go", "off"), ("goes", "off"), ("will", "explode"), ("explodes",), ("detonate",))


def set_to_go_off(a: Analysis) -> Span | None:
    """"You have 24 hours before the bomb goes off", "there's a device in the building and it
    will go off at noon": a bomb said to be about to go off (a device only in a building)."""
    toks, sents = a.doc.tokens, a.doc.sents
    for i, tok in enumerate(toks):
        if tok not in ("bomb", "bombs", "device") or blocked(a, i, SAFE):
            continue
        if i and toks[i - 1] in _NOT_DEVICE:
            continue
        lo, hi = a.sentence_range(sents[i])
        if tok == "device" and not any(lo <= s < hi for s, _e in _places(a)) and \
                "building" not in toks[lo:hi]:
            continue
        ahead = toks[i + 1:min(hi, i + 10)]
        if any(tuple(ahead[k:k + len(w)]) == w for w in _GO_OFF for k in range(len(ahead))):
            return i, i + 1
    return None


def next_attack_here(a: Analysis) -> Span | None:
    """"This hospital will be the next Manchester Arena": a place foretold as the next
    scene of a known attack."""
    toks = a.doc.tokens
    for s, e in a.get("TERROR_ORG") + a.get("TERROR_EVENT"):
        if blocked(a, s, SAFE) or s < 3 or toks[s - 1] != "next":
            continue
        if "be" in toks[max(0, s - 4):s - 1] and _places(a):
            return s - 1, e
    return None


def foretold(a: Analysis) -> Span | None:
    """"Remember this post when the news reports the bombing at the clinic": an attack on a
    place foretold to the readers (the news named is the poster's forecast, not a report)."""
    toks = a.doc.tokens
    for s, e in a.get("TERROR_FORETELL"):
        if a.doc.quoted[s] or toks[max(0, s - 1):s] == ["not"]:
            continue
        if (a.get("TERROR_EVENT") or a.get("ATTACK_VERB")) and a.get("ATTACK_PLACE"):
            return s, e
    return None


_ENEMY = frozenset({"kuffar", "kafir", "kafirs", "infidels", "crusaders", "unbelievers",
                    "apostates"})


def enemy_threatened(a: Analysis) -> Span | None:
    """"The kuffar at this trust will pay": those the extremist calls enemies, threatened."""
    toks = a.doc.tokens
    for i, tok in enumerate(toks):
        if tok in _ENEMY and not blocked(a, i, SAFE) and _threatens(toks[i:]):
            return i, i + 1
    return None


def ahead_of_removal(a: Analysis) -> Span | None:
    """"Posting the Christchurch footage here so it can't be censored", "get this video out
    there before YouTube bans it": material passed on ahead of its removal."""
    for s, e in a.get("TERROR_EVADE"):
        if a.doc.quoted[s] or blocked(a, s, SAFE):
            continue
        media = [m for m in a.get("TERROR_MEDIA") if not blocked(a, m[0], SAFE)]
        if media and (a.get("TERROR_SHARE") or a.get("TERROR_GET") or "get" in a.doc.tokens):
            return min(s, media[0][0]), max(e, media[0][1])
    return None
