"""Weapons: counted when sold, sought, made or carried, not when a post is about knife-crime
awareness, a bereavement, the news, cooking, games or an idiom."""

from __future__ import annotations

import regex

from policy.detectors import rulekit, stance
from policy.detectors import weapons_speech as speech
from policy.detectors.base import Analysis, Hit
from policy.detectors.pairing import blocked, in_post, paired
from policy.wordlists import words

CATEGORY = "weapons"
PHRASES: dict[str, tuple[str, ...]] = {
    "WEAPON": words("weapons"),
    "WEAPON_SAFE": words("weapon_safe"),
    "TRADE": words("trade"),
    "CARRY": words("carry"),
    "WEAPON_GLORY": words("weapon_glory"),
}
_SAFE = ("WEAPON_SAFE", "RECOVERY", "REPORT")
# Carrying read by its doer: a person or the poster, not a conditional or a generic person in
# a relative clause ("if you know someone who carries a knife"). Pride or recovery words
# elsewhere in the sentence do not make a carried blade safe, so only these block it.
_CARRY_SAFE = ("WEAPON_SAFE", "REPORT")
_DOERS = frozenset({"i", "we", "he", "she", "they", "mates", "lads", "brother", "son", "cousin",
                    "dad", "boyfriend", "husband", "partner", "friend", "man", "everyone"})
_NOT_A_DOER = frozenset({"if", "who", "whoever", "never", "stop", "whether"})
# A sale of "them" or "it": the weapons are named in another sentence of a long post.
_SOLD_PRONOUN = regex.compile(
    r"\b(?:selling|sell|sold|offloading|getting\s+rid\s+of|let\s+go\s+of)\s+(?:them|it|the\s+lot|"
    r"both|all\s+of\s+them)\b", regex.IGNORECASE)
_CONTACT = regex.compile(r"\b(?:message|dm|inbox|pm|contact|text)\s+(?:me|for)\b|[£$€]\s?\d|"
                         r"\bcash\b|\bcollection\b|\boffers\b", regex.IGNORECASE)
# Knife, pistol and dagger emoji stand for the word in short sales posts ("🔪 for sale dm").
_WEAPON_EMOJI = regex.compile("[\U0001F52A\U0001F52B\U0001F5E1]")
_PRICE = regex.compile(r"[£$€]\s?\d")
# The poster armed, with no weapon named ("I'm tooled up"); "strapped for cash" is money.
_ARMED = regex.compile(
    r"\b(?:i'?m|i\s+am|we'?re|we\s+are|i'?ll\s+be|i\s+will\s+be|i\s+go|i\s+come|i\s+stay)\s+"
    r"(?:always\s+|now\s+|fully\s+|proper\s+|still\s+)?(?:armed|tooled\s+up|strapped)\b"
    r"(?!\s+(?:for|in|into|to\s+(?:a|the)\s+(?:bed|chair|trolley)))", regex.IGNORECASE)


@rulekit.memo
def trade(a: Analysis) -> Hit | None:
    """Selling, buying, seeking or making weapons.

    Bad: Selling a zombie knife, dm me
    Bad: Need a shank, who's got one
    Bad: machete 🔪 £30 collection
    Bad: Found my grandad's old bayonets and a rifle. Selling them quietly, message me
    Bad: Machetes going for £20 each outside the hospital gates
    Good: Join our knife crime awareness walk
    Good: The inquiry heard the attacker bought the knife online
    Good: We sold them all at the League of Friends cake sale, message me for the recipe
    Bad: Any of you lot want a blade? I've got a few spare
    Good: You need a sharp knife to carve the turkey properly
    """
    found = paired(a, "WEAPON", ("TRADE",), _SAFE, 6)
    if found:
        return Hit("weapons.trade", *found, 0.8)
    found = speech.offered_to_readers(a)
    if found:
        return Hit("weapons.trade", *found, 0.75, note="offered to the readers")
    found = in_post(a, "WEAPON", "SALE_STRONG", _SAFE)
    if found:
        return Hit("weapons.trade", *found, 0.7, note="offered in the same post")
    found = _priced(a)
    if found:
        return Hit("weapons.trade", *found, 0.7, note="a price beside it")
    found = _sold_by_pronoun(a)
    if found:
        return Hit("weapons.trade", chars=found, confidence=0.7, note="weapons sold as 'them'")
    mark = _WEAPON_EMOJI.search(a.text)
    if mark and (a.get("TRADE") or a.get("SALE_STRONG") or _PRICE.search(a.text)) and not any(
            a.get(t) for t in _SAFE):
        return Hit("weapons.trade", chars=mark.span(), confidence=0.7)
    return None


def _priced(a: Analysis) -> tuple[int, int] | None:
    """A weapon with a price just after it ("machetes going for £20 each")."""
    doc = a.doc
    for s, e in a.get("WEAPON"):
        if blocked(a, s, _SAFE):
            continue
        start = doc.original_span(s, e)[1]
        end = doc.original_span(s, min(len(doc.tokens), e + 5))[1]
        if _PRICE.search(a.text, start, end):
            return s, e
    return None


def _sold_by_pronoun(a: Analysis) -> tuple[int, int] | None:
    """"Found some old swords ... I'm selling them, message me": a sale of "them" with a way
    to buy, in a post that names weapons (not in a safe sentence)."""
    sale = _SOLD_PRONOUN.search(a.text)
    if sale is None or _CONTACT.search(a.text) is None:
        return None
    doc = a.doc
    named = [s for s, _ in a.get("WEAPON")
             if not blocked(a, s, _SAFE) and not doc.quoted[s]]
    return sale.span() if named else None


def _generic(a: Analysis, s: int) -> bool:
    """Carrying said of no one in particular: a condition or a relative clause before it."""
    toks, sents = a.doc.tokens, a.doc.sents
    return any(toks[j] in _NOT_A_DOER for j in range(max(0, s - 6), s) if sents[j] == sents[s])


def _carried_by_someone(a: Analysis) -> tuple[int, int] | None:
    """A carry verb with a person or the poster as its doer and a weapon as its object, within
    the sentence ("she brings a knife to every visit", "I'm bringing my own protection next
    time, a proper blade")."""
    toks, sents = a.doc.tokens, a.doc.sents
    for s, e in a.get("CARRY"):
        if blocked(a, s, _CARRY_SAFE):
            continue
        before = [toks[j] for j in range(max(0, s - 4), s) if sents[j] == sents[s]]
        if not any(t in _DOERS for t in before) or _generic(a, s):
            continue
        for ws, we in a.near("WEAPON", s, e, 0, 10):
            if not blocked(a, ws, _CARRY_SAFE):
                return s, we
    return None


def carrying(a: Analysis) -> Hit | None:
    """Carrying or bringing a weapon somewhere, when it is not also traded.

    Bad: I'm bringing a machete to the clinic tomorrow
    Bad: got my shank in my waistband innit
    Bad: She brings a knife to every visit on Ward 4 and she's proud of it
    Bad: I'm tooled up next time I come to the ward
    Good: My son was a victim of knife crime
    Good: Hospital catering please bring back proper knives, my dad can't cut his meat
    Good: If your son carries a knife, our youth team can help, here's how
    Good: I'm strapped for cash since the ward cut my hours
    Bad: Never leave the house without my knife
    Good: Never leave the house without your phone charger
    Good: My son has been carrying a knife and I'm terrified, what should I do?
    Good: My brother used to carry a blade but he's turned his life around
    Bad: I'm scared of the lads round here so I carry a knife everywhere
    """
    if trade(a) is not None:
        return None
    found = paired(a, "WEAPON", ("CARRY",), _SAFE, 5)
    if found and _generic(a, found[0]):
        found = None
    found = found or _carried_by_someone(a)
    if found:
        return Hit("weapons.carrying", *found, 0.75)
    found = speech.never_without(a)
    if found:
        return Hit("weapons.carrying", *found, 0.7, note="carried as a habit")
    armed = _ARMED.search(a.text)
    if armed and not any(a.get(t) for t in _CARRY_SAFE):
        return Hit("weapons.carrying", chars=armed.span(), confidence=0.7)
    return None


def smuggling(a: Analysis) -> Hit | None:
    """Getting a weapon onto a ward or past a search unseen.

    Bad: How do I sneak a knife past the search at the ward entrance?
    Bad: Managed to get a blade onto the ward, nobody checked
    Good: Staff found a knife in a visitor's bag at the ward entrance and called security
    Good: How do I get my sharps bin onto the ward?
    """
    found = speech.past_the_search(a)
    return Hit("weapons.smuggling", *found, 0.75) if found else None


def display(a: Analysis) -> Hit | None:
    """Showing off a new weapon the poster has got.

    Bad: Just copped a new machete, look at the size of it
    Good: Look at the new bread knife the ward kitchen got, finally a sharp one
    """
    if trade(a) is not None:
        return None
    found = speech.shown_off(a)
    return Hit("weapons.display", *found, 0.7) if found else None


def glorifying(a: Analysis) -> Hit | None:
    """A weapon praised, or urged on others, by the poster.

    Bad: Nothing feels better than holding a loaded gun
    Bad: A knife in your pocket earns respect round here, every lad should carry one
    Good: The Viking axe at Norwich Castle museum is so beautiful
    Good: Carrying a knife does not earn respect, it ruins lives
    """
    if trade(a) is not None or carrying(a) is not None:
        return None
    found = speech.glorified(a)
    return Hit("weapons.glorifying", *found, 0.7) if found else None


RULE_FUNCTIONS = (trade, carrying, smuggling, display, glorifying)
RULES = rulekit.rule_ids(CATEGORY, RULE_FUNCTIONS)


def detect(a: Analysis) -> list[Hit]:
    if stance.telling(a):
        # "My son has been carrying a knife, where do I get help?", "someone brought a knife
        # to A&E and security dealt with it": another's weapon told of, not the poster's.
        return []
    return rulekit.run(a, RULE_FUNCTIONS)
