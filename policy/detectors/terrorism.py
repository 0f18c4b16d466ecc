"""Terrorism: support for terrorist groups, attackers or attacks, drawing people in, and calls
for attacks. Reporting, condemning, remembering victims, Prevent work and a worried relative
asking for help are not support."""

from __future__ import annotations

import regex

from policy.detectors import rulekit
from policy.detectors import terrorism_speech as speech
from policy.detectors.base import Analysis, Hit
from policy.detectors.hate import counter_speech
from policy.detectors.pairing import blocked, in_post, paired
from policy.wordlists import words

CATEGORY = "terrorism"
PHRASES: dict[str, tuple[str, ...]] = {
    "TERROR_ORG": words("terror_orgs"),
    "TERROR_SUPPORT": words("terror_support"),
    "TERROR_STRONG": words("terror_strong"),
    "TERROR_RECRUIT": words("terror_recruit"),
    "TERROR_CONDEMN": words("terror_condemn"),
    "ATTACK_CALL": words("attack_call"),
    "ATTACK_TARGET": words("attack_target"),
    "TERROR_CAUSE": words("terror_cause"),
    "TERROR_AGENT": words("terror_agent"),
    "TERROR_EVENT": words("terror_event"),
    "TERROR_PRAISE": words("terror_praise"),
    "TERROR_JUSTIFY": words("terror_justify"),
    "TERROR_SHARE": words("terror_share"),
    "TERROR_CONSUME": words("terror_consume"),
    "TERROR_MEDIA": words("terror_media"),
    "ATTACK_VERB": words("attack_verb"),
    "ATTACK_DONE": words("attack_done"),
    "TERROR_GROUP": words("terror_groups"),
    "TERROR_BACK": words("terror_back"),
    "ATTACK_PLACE": words("attack_place"),
}
_SAFE = speech.SAFE
_VICTIM_CARE = regex.compile(r"\b(?:victims?|survivors?|injured|wounded|treated|cared\s+for|"
                             r"looked\s+after|casualties)\b", regex.IGNORECASE)
# What ties material or praise to terrorism: a group, an attacker, an attack or a cause.
_ANCHORS = ("TERROR_ORG", "TERROR_GROUP", "TERROR_AGENT", "TERROR_EVENT", "TERROR_CAUSE",
            "TERROR_STRONG")


def _praise_said_of_attackers(a: Analysis) -> tuple[int, int] | None:
    """A praising word said of an attacker or a group, or a justifying one of an attack."""
    return (speech.said_of(a, "TERROR_AGENT", "TERROR_PRAISE")
            or speech.said_of(a, "TERROR_ORG", "TERROR_PRAISE")
            or speech.said_of(a, "TERROR_GROUP", "TERROR_PRAISE")
            or speech.backs_group(a)
            or speech.praise_of_doer(a)
            or speech.said_of(a, "TERROR_EVENT", "TERROR_JUSTIFY")
            or speech.doer_of_attack(a, "TERROR_PRAISE"))


def support(a: Analysis) -> Hit | None:
    """Praise or support for terrorist groups, attackers or attacks, extremist slogans, and
    attacks called deserved or justified.

    Bad: Long live ISIS
    Bad: The 7/7 bombers were brave men who died for the cause
    Bad: Whoever bombed that hospital is a hero
    Bad: The attack on the clinic was a good start
    Bad: I support Hamas and always will
    Good: ISIS claimed the attack, the news says
    Good: Tarrant is a murderer, not a saint, and anyone who says otherwise is sick
    Good: The nurses who cared for the victims of the attack were heroes, thank you
    Good: I support the families of the Christchurch victims, our chaplain is with them
    """
    for s, e in a.get("TERROR_STRONG"):
        if not blocked(a, s, _SAFE) and not counter_speech(a, s):
            return Hit("terrorism.support", s, e, 0.85)
    found = _praise_said_of_attackers(a)
    if found and not counter_speech(a, found[0]):
        return Hit("terrorism.support", *found, 0.8)
    found = None if _VICTIM_CARE.search(a.text) else paired(a, "TERROR_ORG", ("TERROR_SUPPORT",),
                                                             _SAFE, 14)
    if found and not counter_speech(a, found[0]):
        return Hit("terrorism.support", *found, 0.8)
    # The praise often comes a sentence after the group or attack it is about, but in a post
    # about those hurt and the people who cared for them, the praise is theirs.
    found = None if _VICTIM_CARE.search(a.text) else in_post(a, "TERROR_ORG", "TERROR_SUPPORT",
                                                               _SAFE)
    if found and not counter_speech(a, found[0]):
        return Hit("terrorism.support", *found, 0.7, note="praise in the same post")
    return None


def recruitment(a: Analysis) -> Hit | None:
    """Drawing people into a terrorist group, a cause or an attack.

    Bad: Brothers, join the caliphate and travel to Syria
    Bad: Sign up for the race war, join us on Telegram
    Good: Join our recovery college course
    Good: The documentary about the caliphate was chilling
    """
    found = paired(a, "TERROR_RECRUIT", ("TERROR_ORG", "TERROR_CAUSE"),
                   _SAFE, 10)
    return Hit("terrorism.recruitment", *found, 0.8) if found else None


def attack_call(a: Analysis) -> Hit | None:
    """A call for, or a plan of, an attack on a place, a group or for a cause.

    Bad: Next target should be the refugee hotel in Norwich, bring petrol
    Bad: I'm going to blow up the Julian Hospital for the cause
    Bad: Someone should torch the mosque on Ward Road
    Good: The exam bombed but I'm proud I sat it
    Good: Guy Fawkes night at the ward, the fireworks were lovely
    Good: I'm going to attack the backlog on the ward tomorrow, wish me luck
    """
    planned = speech.attack_on_place(a) or speech.another_attack(a)
    if planned:
        return Hit("terrorism.attack_call", *planned, 0.8)
    found = paired(a, "ATTACK_CALL", ("ATTACK_TARGET", "TERROR_CAUSE", "TERROR_ORG",
                                     "TERROR_STRONG"),
                   _SAFE, 12)
    return Hit("terrorism.attack_call", *found, 0.8) if found else None


def propaganda(a: Analysis) -> Hit | None:
    """Passing on a group's or an attacker's material, or urging others to take it in.

    Bad: Share the Christchurch manifesto before they delete it
    Bad: Everyone watch the ISIS videos, the brothers speak the truth
    Good: I'm worried my son is watching ISIS videos, who can help?
    Good: Please don't share the attack footage, report it to the police
    """
    found = speech.passes_on_material(a, _ANCHORS)
    return Hit("terrorism.propaganda", *found, 0.75) if found else None


RULE_FUNCTIONS = (support, recruitment, attack_call, propaganda)
RULES = rulekit.rule_ids(CATEGORY, RULE_FUNCTIONS)


def detect(a: Analysis) -> list[Hit]:
    return rulekit.run(a, RULE_FUNCTIONS)
