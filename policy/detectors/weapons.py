"""Weapons: counted when sold, sought, made or carried, not when a post is about knife-crime
awareness, a bereavement, the news, cooking, games or an idiom."""

from __future__ import annotations

import regex

from policy.detectors import rulekit
from policy.detectors.base import Analysis, Hit
from policy.detectors.pairing import in_post, paired
from policy.wordlists import words

CATEGORY = "weapons"
PHRASES: dict[str, tuple[str, ...]] = {
    "WEAPON": words("weapons"),
    "WEAPON_SAFE": words("weapon_safe"),
    "TRADE": words("trade"),
    "CARRY": words("carry"),
}
_SAFE = ("WEAPON_SAFE", "RECOVERY", "REPORT")
# Knife, pistol and dagger emoji stand for the word in short sales posts ("🔪 for sale dm").
_WEAPON_EMOJI = regex.compile("[\U0001F52A\U0001F52B\U0001F5E1]")
_PRICE = regex.compile(r"[£$€]\s?\d")


@rulekit.memo
def trade(a: Analysis) -> Hit | None:
    """Selling, buying, seeking or making weapons.

    Bad: Selling a zombie knife, dm me
    Bad: Need a shank, who's got one
    Bad: machete 🔪 £30 collection
    Good: Join our knife crime awareness walk
    Good: The inquiry heard the attacker bought the knife online
    """
    found = paired(a, "WEAPON", ("TRADE",), _SAFE, 6)
    if found:
        return Hit("weapons.trade", *found, 0.8)
    found = in_post(a, "WEAPON", "SALE_STRONG", _SAFE)
    if found:
        return Hit("weapons.trade", *found, 0.7, note="offered in the same post")
    mark = _WEAPON_EMOJI.search(a.text)
    if mark and (a.get("TRADE") or a.get("SALE_STRONG") or _PRICE.search(a.text)) and not any(
            a.get(t) for t in _SAFE):
        return Hit("weapons.trade", chars=mark.span(), confidence=0.7)
    return None


def carrying(a: Analysis) -> Hit | None:
    """Carrying or bringing a weapon somewhere, when it is not also traded.

    Bad: I'm bringing a machete to the clinic tomorrow
    Bad: got my shank in my waistband innit
    Good: My son was a victim of knife crime
    Good: Hospital catering please bring back proper knives, my dad can't cut his meat
    """
    if trade(a) is not None:
        return None
    found = paired(a, "WEAPON", ("CARRY",), _SAFE, 5)
    return Hit("weapons.carrying", *found, 0.75) if found else None


RULE_FUNCTIONS = (trade, carrying)
RULES = rulekit.rule_ids(CATEGORY, RULE_FUNCTIONS)


def detect(a: Analysis) -> list[Hit]:
    return rulekit.run(a, RULE_FUNCTIONS)
