"""Safety kinds, each with many phrasings of its own: crisis is a person's own risk (not the
vocabulary of mental health), crisis comes first without hiding hate, and every threat to
people or premises is violence with a report suggested."""

from __future__ import annotations

import pytest

from policy import PolicyEngine
from policy.categories import ACTION_ESCALATE

# Words about mental health, treatment and pain with nobody's own risk in them.
VOCABULARY_ONLY = [
    "Huge thank you to the Depression and Anxiety Service for the support group last week",
    "Going to a talk on depression and anxiety at the library tonight, open to everyone",
    "Broke my hip in the snow, now at the pain clinic and the meds are finally helping",
    "Our charity's anxiety and panic workshop is full, the next one opens in March",
    "My therapist changed my meds again and the pain in my back is better",
    "The psych ward has new visiting hours, the depression team told us on Monday",
    "Is the pain management clinic open at the weekend? My meds run out on Sunday",
    "Great article on depression, anxiety and sleep in the Guardian this morning",
    "Dead tired after the fun run for the anxiety charity, bored to death of stretching",
    "Depression and anxiety helpline number please? Asking for the school leaflet",
    "The broken lift at the pain clinic is still broken, third week now",
]

# The writer's own risk from weaker signs: their state and their hopelessness together.
OWN_RISK = [
    "I feel hopeless and so alone tonight",
    "Everything is pointless now. I'm just a burden",
    "I am so depressed and I can't cope anymore",
    "I'm numb, empty, and there's no way out of this",
    "Nothing matters any more, I hate myself",
    "I'm worthless and I can't take it anymore",
]


@pytest.mark.parametrize("text", VOCABULARY_ONLY)
def test_mental_health_vocabulary_alone_is_not_crisis(engine: PolicyEngine, text: str) -> None:
    assert "crisis" not in engine.classify(text).categories


@pytest.mark.parametrize("text", OWN_RISK)
def test_the_writers_own_risk_from_weak_signs_is_crisis(engine: PolicyEngine, text: str) -> None:
    assert engine.classify(text).categories[0] == "crisis"


DISTRESSED_AND_HATEFUL = [
    "I can't go on any more. All immigrants are vermin and ruined my life",
    "I want to end my life. Muslims are scum, every one of them",
    "I'm going to kill myself tonight, and trans people are disgusting freaks",
    "I just want to die. Women are parasites, all of them",
]


@pytest.mark.parametrize("text", DISTRESSED_AND_HATEFUL)
def test_crisis_comes_first_and_the_hate_stays_for_a_lead(engine: PolicyEngine,
                                                          text: str) -> None:
    d = engine.classify(text)
    assert d.categories[0] == "crisis" and d.flags[0].category == "crisis"
    assert "hate" in d.categories
    assert d.action == ACTION_ESCALATE and d.template == "crisis"
    assert d.report_suggested is False and "violence" not in d.categories
    assert "lead decides" in d.explanation


def test_what_crisis_sets_aside_is_on_the_decision(engine: PolicyEngine) -> None:
    d = engine.classify("I can't go on any more, fucking hell, I'm done with it all")
    assert d.categories == ["crisis"]
    assert d.suppressed == ("profanity",)
    assert d.to_dict()["suppressed"] == ["profanity"]
    assert type(d).from_dict(d.to_dict()).suppressed == ("profanity",)


THREATS = [
    # to premises
    "going to bomb your headquarters",
    "I'm going to burn your offices to the ground",
    "we will torch the hospital tonight",
    "Gonna shoot up the clinic on Friday",
    "There will be a bomb at your clinic on Monday",
    "I'll put a brick through your window",
    "Someone should set fire to the mental health unit with the managers inside",
    # to one person
    "I will find the nurse who did this and break her neck",
    "gonna stab that receptionist next time I see her",
    "You will die for what you did to my mum",
    "you're going to get hurt if you keep ignoring me",
    "I'm coming down to the ward with a knife",
    "I am going to smash Dr Patel's face in",
    "next time I see the manager I'm going to knock him out",
    "I swear I will kill the next nurse who touches me",
    # to a group (also hate)
    "we are going to shoot all the gay people we see",
    "trans people should be hunted down",
    "If I see a muslim on my street I'll beat him to death",
]


@pytest.mark.parametrize("text", THREATS)
def test_every_threat_to_people_or_premises_is_violence(engine: PolicyEngine,
                                                        text: str) -> None:
    d = engine.classify(text)
    assert "violence" in d.categories
    assert d.report_suggested is True


@pytest.mark.parametrize("text", [
    "we are going to shoot all the gay people we see",
    "Black people should all be shot",
    "I'm going to kill the next disabled person I see",
])
def test_a_threat_to_a_group_is_hate_and_violence(engine: PolicyEngine, text: str) -> None:
    d = engine.classify(text)
    assert {"hate", "violence"} <= set(d.categories) and d.report_suggested


@pytest.mark.parametrize("text", [
    "I'm going to bomb the exam tomorrow lol",
    "The ward was a bomb site when we visited",
    "going to smash this marathon on Sunday",
    "I will kill for a cup of tea right now",
    "I'm going to shoot you an email about the appointment",
    "the fire alarm went off in your headquarters",
    "My dad broke his neck falling off a ladder and the nurses were brilliant",
    "the staff are going to burn out if they keep working like this",
    "I will find the receptionist who helped me and thank her",
    "I'm going to break the news to my family tonight",
    "You will die waiting for a bed on this ward, it's a disgrace",
    "Knock down the old block and build a proper unit",
])
def test_harm_words_that_are_not_threats(engine: PolicyEngine, text: str) -> None:
    assert "violence" not in engine.classify(text).categories


@pytest.mark.parametrize("text", [
    "I was this close to suicide last winter",
    "Suicide is all I think about lately and I'm scared",
    "I keep coming back to suicide as my way out",
])
def test_suicide_named_of_oneself_is_crisis(engine: PolicyEngine, text: str) -> None:
    assert engine.classify(text).categories[0] == "crisis"


@pytest.mark.parametrize("text", [
    "My mum committed suicide when I was ten",  # someone else's
    "I'm doing a sponsored walk for suicide prevention",  # awareness
    "I have never been suicidal, but I know people who have",  # denied
    "Immigrants should all commit suicide, I would laugh",  # contempt for a group
])
def test_suicide_named_of_someone_else_or_denied_is_not_the_writers_crisis(
        engine: PolicyEngine, text: str) -> None:
    assert "crisis" not in engine.classify(text).categories


@pytest.mark.parametrize("text", [
    "Honestly, I detest her",
    "We loathe you and everything about you",
    "I just can't stand him any more",
    "Honestly I despise you",
    "All I have left is contempt for you",
])
def test_the_writers_hostility_aimed_at_one_person_is_abuse(engine: PolicyEngine,
                                                           text: str) -> None:
    assert "abuse" in engine.classify(text).categories


@pytest.mark.parametrize("text", [
    "I can't stand her attitude on reception, she never listens",  # about a service
    "I hate it when the bus to the hospital is late",
    "I don't hate him, I just miss him",  # negated
    "Nobody should say 'I despise you' to a nurse",  # quoted to oppose it
])
def test_hostile_words_not_aimed_at_a_person_are_not_abuse(engine: PolicyEngine,
                                                           text: str) -> None:
    assert "abuse" not in engine.classify(text).categories


@pytest.mark.parametrize("text", [
    "sometimes I want to stab myself in the leg",
    "I'm going to slash my wrists tonight",
    "held the knife to my throat for an hour last night",
    "I keep thinking I should strangle myself with the cable",
])
def test_a_harmful_act_on_oneself_is_crisis_never_violence(engine: PolicyEngine,
                                                           text: str) -> None:
    d = engine.classify(text)
    assert d.categories[0] == "crisis"
    assert "violence" not in d.categories and not d.report_suggested


@pytest.mark.parametrize("text", [
    "I used to cut myself but I'm in recovery now and doing well",
    "I would never poison myself",
    "they slashed the prices at the hospital shop",
])
def test_harm_words_near_oneself_that_are_not_crisis(engine: PolicyEngine, text: str) -> None:
    assert "crisis" not in engine.classify(text).categories


@pytest.mark.parametrize("text", [
    "Honestly I wish I were dead",
    "I'd rather be gone than face another week of this",
    "there's no reason for me to keep living",
    "I wish I had never been born, truly",
])
def test_the_writers_wish_to_be_dead_is_crisis(engine: PolicyEngine, text: str) -> None:
    assert engine.classify(text).categories[0] == "crisis"


@pytest.mark.parametrize("text", [
    "I hope my cat doesn't die, she's very old",
    "no point in me going to the party really",
    "I wish I was born in the sixties, the music was better",
])
def test_wishes_and_pointlessness_that_are_not_a_death_wish(engine: PolicyEngine,
                                                            text: str) -> None:
    assert "crisis" not in engine.classify(text).categories


@pytest.mark.parametrize("text", [
    "Moldovans are vermin and should all go home",
    "honestly the Congolese are all thieves",
    "Yemenis are parasites, every one of them",
])
def test_a_people_no_list_names_is_found_by_its_form(engine: PolicyEngine, text: str) -> None:
    assert "hate" in engine.classify(text).categories


@pytest.mark.parametrize("text", [
    "The Physicians on the ward were brilliant",
    "Musicians are playing in the hospital garden today",
    "Moldovans and Congolese are welcome at our Saturday drop-in",
])
def test_capitalised_plurals_without_hostility_are_not_hate(engine: PolicyEngine,
                                                            text: str) -> None:
    assert "hate" not in engine.classify(text).categories


@pytest.mark.parametrize("text", [
    "There is no room on this earth for Muslims",
    "no jobs for immigrants in this town, ever",
    "No future for disabled people in this country",
])
def test_no_place_for_a_group_is_exclusion(engine: PolicyEngine, text: str) -> None:
    assert "hate" in engine.classify(text).categories


@pytest.mark.parametrize("text", [
    "There's no room for racism in our trust, all Muslims are welcome",
    "No place for homophobia here, gay people are welcome",
    "Nobody says there is no room for refugees, that's a lie",
])
def test_no_place_for_hate_is_not_hate(engine: PolicyEngine, text: str) -> None:
    assert "hate" not in engine.classify(text).categories
