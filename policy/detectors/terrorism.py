"""Terrorism: support for terrorist groups, attackers or attacks, drawing people in, and calls
for attacks. Reporting, condemning, remembering victims, Prevent work and a worried relative
asking for help are not support."""

from __future__ import annotations

import regex

from policy.detectors import rulekit
from policy.detectors import terrorism_acts as acts
from policy.detectors import terrorism_blame as blame
from policy.detectors import terrorism_speech as speech
from policy.detectors import terrorism_threats as threats
from policy.detectors.base import Analysis, Hit
from policy.detectors.pairing import in_post, paired
from policy.detectors.terrorism_scope import blocked, counter_speech, in_history
from policy.wordlists import words

CATEGORY = "terrorism"
PHRASES: dict[str, tuple[str, ...]] = {
    "TERROR_ORG": words("terror_orgs"),
    "TERROR_SUPPORT": words("terror_support"),
    "TERROR_STRONG": words("terror_strong"),
    "TERROR_RECRUIT": words("terror_recruit"),
    "TERROR_CONDEMN": words("terror_condemn"),
    "TERROR_MENTION": words("terror_mention"),
    "TERROR_BLAME": words("terror_blame"),
    "TERROR_EVADE": words("terror_evade"),
    "TERROR_FORETELL": words("terror_foretell"),
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
            or speech.doer_of_attack(a, "TERROR_PRAISE")
            or acts.more_like(a)
            or acts.backs_by_call(a)
            or acts.celebrates_attack(a)
            or blame.backs_doer(a))


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
    Bad: We need more people like the Manchester bomber
    Bad: Every Muslim should support the mujahideen
    Good: We need more people like the nurses who looked after the Arena victims
    Bad: The BBC calls them terrorists but the 7/7 bombers were heroes
    Good: The BBC says the 7/7 bombers were called heroes by an extremist website
    Bad: Happy 9/11 anniversary everyone
    Good: Remembering the victims on the anniversary of 7/7, we will never forget
    Bad: Honestly the mosque shooting was understandable, they brought it on themselves
    Bad: Respect to the lad who drove into the crowd at the market
    Bad: That synagogue shooter is my idol
    Good: Saying the victims deserved it is disgusting and I have reported the post
    Good: The man who stabbed the attacker with a narwhal tusk deserves a medal
    Good: The nurse asked if I support ISIS because of my beard
    Good: Our Prevent lead explains extremist codes such as 1488 to new staff
    """
    for s, e in a.get("TERROR_STRONG"):
        if not blocked(a, s, _SAFE) and not counter_speech(a, s):
            return Hit("terrorism.support", s, e, 0.85)
    found = _praise_said_of_attackers(a)
    if found and not counter_speech(a, found[0]):
        return Hit("terrorism.support", *found, 0.8)
    found = blame.blames_attacked(a) or blame.praise_by_pronoun(a)
    if found:
        return Hit("terrorism.support", *found, 0.75)
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
    Bad: I'm going to Syria to join the fighters next month
    """
    found = paired(a, "TERROR_RECRUIT", ("TERROR_ORG", "TERROR_CAUSE", "TERROR_AGENT"),
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
    Bad: The IRA should start up again and bomb London
    Good: The IRA bombed Manchester in 1996 and the city rebuilt itself
    Bad: Me and the brothers have picked our target, the mosque on Friday prayers
    Good: I'm planning an attack on my to-do list this weekend
    Bad: Every mosque in Suffolk should be burned to the ground
    Bad: I've got a bomb and I'm coming to the trust headquarters tomorrow
    Good: Guy Fawkes tried to blow up parliament in 1605
    Good: I've got a bath bomb for every nurse on the ward, you'll all be next to get one
    Bad: There's a device in the building and it will go off at noon
    Good: Staff told us to leave the building because a suspicious device was found
    """
    planned = (speech.attack_on_place(a) or speech.another_attack(a)
               or acts.group_to_attack(a) or acts.plans_attack(a)
               or threats.place_wished_destroyed(a) or threats.sets_alight(a)
               or threats.time_someone_did(a) or threats.readies_device(a)
               or threats.place_to_burn(a) or threats.set_to_go_off(a)
               or threats.next_attack_here(a) or threats.foretold(a)
               or threats.enemy_threatened(a))
    if planned:
        return Hit("terrorism.attack_call", *planned, 0.8)
    found = paired(a, "ATTACK_CALL", ("ATTACK_TARGET", "TERROR_CAUSE", "TERROR_ORG",
                                     "TERROR_STRONG"),
                   _SAFE, 12)
    if found and in_history(a, found[0]):
        return None  # "Guy Fawkes tried to blow up parliament in 1605"
    return Hit("terrorism.attack_call", *found, 0.8) if found else None


def propaganda(a: Analysis) -> Hit | None:
    """Passing on a group's or an attacker's material, or urging others to take it in.

    Bad: Share the Christchurch manifesto before they delete it
    Bad: Everyone watch the ISIS videos, the brothers speak the truth
    Good: I'm worried my son is watching ISIS videos, who can help?
    Good: Please don't share the attack footage, report it to the police
    Bad: Anyone want the full Christchurch video? I've got it
    Good: Who has the number for Prevent? My son has been watching attack videos
    Bad: Here's the link to the Atomwaffen handbook, read it and act
    Good: Here's the link to the BBC documentary about the Atomwaffen handbook
    Bad: Posting the Christchurch footage here so it can't be censored
    Good: My son keeps sending me the Christchurch footage and I don't know how to stop him
    """
    found = (speech.passes_on_material(a, _ANCHORS) or acts.trades_material(a)
             or threats.ahead_of_removal(a))
    return Hit("terrorism.propaganda", *found, 0.75) if found else None


def financing(a: Analysis) -> Hit | None:
    """Asking for money for a terrorist group, its fighters or its weapons.

    Bad: Donate to the brothers fighting in Syria, every penny buys bullets
    Bad: Send money to the mujahideen, the link is in my bio
    Good: Donate to the Red Cross appeal for Gaza, they help everyone
    Good: Our fun run is funding the trauma service for survivors of the Arena bombing
    """
    found = acts.funds_fight(a)
    return Hit("terrorism.financing", *found, 0.8) if found else None


RULE_FUNCTIONS = (support, recruitment, attack_call, propaganda, financing)
RULES = rulekit.rule_ids(CATEGORY, RULE_FUNCTIONS)


def detect(a: Analysis) -> list[Hit]:
    return rulekit.run(a, RULE_FUNCTIONS)
