"""More shapes of terrorist speech, by what the poster does: wishes for more attackers, pays
for the fight, trades a group's or an attack's material, backs a group through a call to
everyone ("every Muslim should support ...") or a wish to bring it back.

Each function returns a token span or None; terrorism.py turns them into rule hits.
"""

from __future__ import annotations

from policy.detectors.base import Analysis
from policy.detectors.terrorism_scope import SAFE, blocked
from policy.wordlists import words

Span = tuple[int, int]
PHRASES: dict[str, tuple[str, ...]] = {
    "TERROR_FUND": words("terror_fund"),
    "TERROR_FIGHT": words("terror_fight"),
    "TERROR_GET": words("terror_get"),
    "TERROR_GLEE": words("terror_celebrate"),
    "TERROR_PLAN": words("terror_plan"),
    "TERROR_PLANNED": words("terror_plan_object"),
}
_ANCHORS = ("TERROR_ORG", "TERROR_GROUP", "TERROR_AGENT", "TERROR_EVENT", "TERROR_CAUSE")
_WISH = frozenset({"need", "needs", "want", "wants", "should", "could", "do", "bring", "give",
                   "deserve", "deserves", "hope", "wish", "pray", "make"})
_NORM = frozenset({"should", "must", "ought", "has", "have", "needs", "need"})
_DETERMINERS = frozenset({"the", "a", "an", "our", "their", "this", "that", "to", "be", "proud",
                          "am", "are", "is", "i", "we", "being"})


def _free(a: Analysis, tag: str) -> list[Span]:
    return [(s, e) for s, e in a.get(tag) if not blocked(a, s, SAFE)]


def more_like(a: Analysis) -> Span | None:
    """"We need more people like the Manchester bomber", "we want thousands more like
    Tarrant": more attackers wished for."""
    toks, sents = a.doc.tokens, a.doc.sents
    for i, tok in enumerate(toks):
        if tok != "more" or blocked(a, i, SAFE):
            continue
        rest = toks[i + 1:i + 4]
        if "like" not in rest:
            continue
        k = i + 1 + rest.index("like")
        named = any(a.near(tag, k, k + 1, 0, 4) for tag in _ANCHORS)
        wished = any(toks[j] in _WISH for j in range(max(0, i - 4), i) if sents[j] == sents[i])
        if named and wished:
            return i, k + 1
    return None


def funds_fight(a: Analysis) -> Span | None:
    """"Donate to the brothers fighting in Syria", "send money to the mujahideen", "PayPal me
    and it goes to the fighters": money asked for a group, its fighters or its weapons."""
    for s, e in _free(a, "TERROR_FUND"):
        lo, hi = a.sentence_range(a.doc.sents[s])
        for tag in ("TERROR_FIGHT", "TERROR_GROUP", "TERROR_CAUSE"):
            for fs, fe in a.get(tag):
                if not blocked(a, fs, SAFE) and (lo <= fs < hi or len(a.doc.tokens) <= 30):
                    return min(s, fs), max(e, fe)
    return None


def trades_material(a: Analysis) -> Span | None:
    """"Anyone want the full Christchurch video? I've got it", "who has the beheading video,
    send it to me", "I've got the manifesto as a pdf, DM me": a group's or an attack's material
    offered or sought by the poster, in a short post."""
    if len(a.doc.tokens) > 40 or not a.get("TERROR_GET"):
        return None
    for s, e in _free(a, "TERROR_MEDIA"):
        # The offer or request must be of this material: in its sentence.
        if any(a.near(tag, s, e, 6, 6) for tag in _ANCHORS) and any(
                not blocked(a, gs, SAFE) for gs, _ in a.near("TERROR_GET", s, e, 8, 8)):
            return s, e
    return None


def backs_by_call(a: Analysis) -> Span | None:
    """"Every Muslim should support the mujahideen", "proud to be a member of the Base",
    "bring back the caliphate": a group backed through a call to all, a membership, or a wish
    for its return."""
    toks = a.doc.tokens
    for s, e in _free(a, "TERROR_BACK"):
        j = s - 1
        while j >= 0 and toks[j] in _DETERMINERS and s - j <= 5:
            j -= 1
        before = toks[max(0, j - 2):s]
        member = toks[s:e][-1:] == ["of"]
        if not (_NORM.intersection(before) or member or toks[s:e] == ["bring", "back"]):
            continue
        k = e
        while k < len(toks) and toks[k] in ("the", "a", "our", "back") and k < e + 2:
            k += 1
        for tag in ("TERROR_GROUP", "TERROR_AGENT"):
            for gs, ge in a.get(tag):
                if gs == k:
                    return s, ge
    return None


# Attacks known by their date or place ("9/11", "7/7", "Christchurch"), and attacks as such.
_ATTACKS = ("TERROR_EVENT", "TERROR_ORG")
_MODAL = frozenset({"should", "must", "will", "gonna", "going", "need", "needs", "ought",
                    "shall", "to", "start", "up", "again", "and", "finally", "please"})


def celebrates_attack(a: Analysis) -> Span | None:
    """"Happy 9/11 anniversary", "celebrating the anniversary of 7/7", "the shooting
    livestream was hilarious": glee at an attack. "Happy" must stand right before the attack
    ("happy to support the Arena survivors" is not glee)."""
    toks = a.doc.tokens
    for s, e in _free(a, "TERROR_GLEE"):
        word = toks[s]
        reach = 1 if word == "happy" else 4
        after = [span for tag in _ATTACKS for span in a.near(tag, s, e, 0, reach)
                 if not blocked(a, span[0], SAFE)]
        if after and not _VICTIMS.intersection(toks):
            return s, after[0][1]
        if word != "happy":
            before = [span for tag in _ATTACKS for span in a.near(tag, s, e, 6, 0)
                      if not blocked(a, span[0], SAFE)]
            if before and _COPULA.intersection(toks[before[0][1]:s]):
                return before[0][0], e
    return None


_VICTIMS = frozenset({"victims", "survivors", "survivor", "remembering", "remember", "memorial",
                      "vigil", "families", "fundraiser", "charity"})
_COPULA = frozenset({"was", "is", "were", "are"})


def group_to_attack(a: Analysis) -> Span | None:
    """"The IRA should start up again and bomb London", "ISIS will strike Britain": a group
    or its fighters called on, or foretold, to attack."""
    toks, sents = a.doc.tokens, a.doc.sents
    for s, e in _free(a, "ATTACK_VERB"):
        lo = a.sentence_range(sents[s])[0]
        for tag in ("TERROR_GROUP", "TERROR_AGENT"):
            for gs, ge in a.get(tag):
                if not (lo <= gs and ge <= s and s - ge <= 6):
                    continue
                between = toks[ge:s]
                if between and _MODAL.intersection(between) and all(
                        t in _MODAL or t in ("they", "them", "it", "the", "brothers")
                        for t in between):
                    return gs, e
    return None


_POSTER = frozenset({"i", "we", "me", "us", "brothers", "im"})
_PEOPLE = frozenset({"staff", "nurses", "doctors", "patients", "you", "your", "them", "they"})
_PLAN_TARGETS = ("ATTACK_PLACE", "ATTACK_TARGET", "TERROR_CAUSE", "TERROR_GROUP")


def plans_attack(a: Analysis) -> Span | None:
    """"I'm planning an attack on the Julian Hospital", "me and the brothers have picked our
    target, the mosque", "the ward staff will all die when I set off the bomb": the poster
    readying an attack on a place or a people. "Planning an attack on my to-do list" names
    no place or people."""
    toks, sents = a.doc.tokens, a.doc.sents
    for s, e in _free(a, "TERROR_PLAN"):
        lo, hi = a.sentence_range(sents[s])
        # "the council offices are our target", "your staff are legitimate targets now"
        own = toks[s] in ("our", "my", "legitimate")
        if not (own or _POSTER.intersection(toks[max(lo, s - 5):s]) or s == lo
                or toks[s - 1] == ","):
            continue
        objects = [span for span in a.near("TERROR_PLANNED", s, e, 0, 5)]
        marked = toks[s] in ("legitimate", "soft") or toks[s:e][-1:] == ["target"]
        if not objects and not marked:
            continue
        aimed = any(lo <= ts < hi and not blocked(a, ts, SAFE)
                    for tag in _PLAN_TARGETS for ts, _ in a.get(tag))
        # "your staff are legitimate targets": people named as targets.
        aimed = aimed or (marked and bool(_PEOPLE.intersection(toks[lo:hi])))
        bomb = any(toks[os:oe][-1:] in (["bomb"], ["vest"]) for os, oe in objects)
        if aimed or bomb:
            return s, (objects[0][1] if objects else e)
    return None
