"""Hard cases for each detector, and the safety rules that no policy edit can change."""

from __future__ import annotations

import pytest

from policy import Context, PolicyEngine
from policy.categories import REMOVAL_CATEGORIES, Severity


def cats(engine: PolicyEngine, text: str, ctx: Context | None = None) -> set[str]:
    return set(engine.classify(text, ctx).categories)


def rules(engine: PolicyEngine, text: str, ctx: Context | None = None) -> set[str]:
    return {f.rule_id for f in engine.classify(text, ctx).flags}


# --- hate ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Polish people are vermin",
        "I can't stand schizophrenics",
        "Pregnant women should be banned from working here",
        "Old people are a drain and should be put down",
        "People on benefits are scum",
        "Trans people do not deserve respect",
        "Typical m0ng behaviour",  # slur with leetspeak
        "I h a t e Muslims",
    ],
)
def test_hate_is_found(engine: PolicyEngine, text: str) -> None:
    assert "hate" in cats(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        'Saying "immigrants are vermin" is disgusting and racist.',  # counter-speech, quoted
        "It's never okay to call disabled people retards.",  # counter-speech, reported
        "I don't hate gay people, I never have",  # negation
        "Muslims are not scum, stop saying that",  # negation
        "I have schizophrenia and I'm proud of how far I've come",  # own diagnosis
        "As a bipolar woman I find the ward so supportive",  # own diagnosis
        "Proud to be a queer nurse in this trust",  # reclaimed
        "My labrador bitch had puppies",  # homonym
        "The new Polish deli by the hospital is great",  # neutral mention
    ],
)
def test_hate_is_not_found(engine: PolicyEngine, text: str) -> None:
    assert "hate" not in cats(engine, text)


def test_slurs_are_masked_in_evidence(engine: PolicyEngine) -> None:
    d = engine.classify("You are nothing but a faggot")
    flag = next(f for f in d.flags if f.rule_id == "hate.slur")
    assert "faggot" not in flag.evidence and flag.evidence.startswith("f") and "*" in flag.evidence
    assert flag.span is not None


# --- violence and crisis: self-harm is never violence -------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "I want to kill myself",
        "I'm going to end my life tonight",
        "I keep cutting myself and I can't stop",
        "I should just die",
        "Going to take all my pills tonight. Goodbye everyone",
    ],
)
def test_self_harm_is_crisis_and_never_violence_or_removal(
    engine: PolicyEngine, text: str
) -> None:
    d = engine.classify(text)
    assert "crisis" in d.categories
    assert not set(d.categories) & set(REMOVAL_CATEGORIES)
    assert d.report_suggested is False
    assert d.action == "escalate" and d.template == "crisis"


def test_crisis_with_swearing_and_threat_words_stays_crisis(engine: PolicyEngine) -> None:
    d = engine.classify("I fucking hate myself, I want to kill myself, fuck this life")
    assert d.categories == ["crisis"]
    # The swearing was seen and set aside, and the record says so.
    assert d.extra.get("suppressed_profanity") or "profanity" in d.extra.get("suppressed", [])


@pytest.mark.parametrize(
    "text",
    [
        "I will kill you if I see you at the clinic again",
        "Someone should stab that psychiatrist",
        "That nurse deserves to be shot",
        "I hope you die in a fire",
        # Menace plus intent: a threat, not a complaint.
        "I know where the consultant lives. He'd better watch his back, I'm going to hurt him",
        # A conditional threat against a place with people in it.
        "If my dad dies on that ward I will burn the place down with the nurses inside",
        "I'm going to hurt her",  # "her" as the object, not "her car"
        "If only someone would strangle that receptionist",  # a wish, not a condition
    ],
)
def test_threats_are_violence_with_report_suggested(engine: PolicyEngine, text: str) -> None:
    d = engine.classify(text)
    assert "violence" in d.categories
    assert d.report_suggested is True


@pytest.mark.parametrize(
    "text",
    [
        "This waiting list is killing me",
        "I could murder a cup of tea",
        "My mum died on the ward last year and nobody told us why",
        "I had a panic attack in the waiting room",
        "Don't kill yourself, please talk to someone",
        "I'm going to burn the letters they sent me",  # the object is a thing
        "Get rid of that knife, mate, and call someone",
        "After you're dead you don't get to see things get better",
        "Get rid of all the pills so they can't tempt you",  # things, then a person later
        "If you want to hurt someone you can, but you'd end up in prison",  # hypothetical
        "I know you wish you could just die, but please stay",  # their wish, not ours
        "Don't ever think that you deserve to die",  # a denied threat phrase
    ],
)
def test_violent_words_without_a_threat(engine: PolicyEngine, text: str) -> None:
    assert "violence" not in cats(engine, text)


def test_threat_outranks_the_complaint_it_sits_in(engine: PolicyEngine) -> None:
    d = engine.classify("I know where the ward manager lives. She'd better watch her back")
    assert d.categories[0] == "violence" and d.action == "report"
    assert "complaint" not in d.categories  # "she'd better" is a warning, not a suggestion


@pytest.mark.parametrize(
    "text",
    [
        "I've got the rope and tonight is the night",  # plans and means, finality
        "I feel like such a burden on everyone",  # burden
        "honestly might just kms",  # slang
        "I don't think I can get through tonight",  # struggling to stay safe
        "I'd rather be dead than go back on that ward",  # still crisis: not an idiom here
    ],
)
def test_one_strong_indirect_sign_is_crisis(engine: PolicyEngine, text: str) -> None:
    d = engine.classify(text)
    assert "crisis" in d.categories and not set(d.categories) & set(REMOVAL_CATEGORIES)


@pytest.mark.parametrize(
    "text",
    [
        "You are not a burden, please reach out to someone",  # said to someone else
        'Thoughts like "I am worthless" are symptoms, not facts',  # quoted example
        "Women are more likely to attempt suicide than men",  # a general statement
        "I have suicidal friends and it's hard to know what to say",  # someone else
        "I would never actually kill myself, I just feel low",  # a denial
    ],
)
def test_talk_about_crisis_that_is_not_the_writers_own(engine: PolicyEngine, text: str) -> None:
    assert "crisis" not in cats(engine, text)


def test_swearing_about_ones_own_feelings_is_not_removal(engine: PolicyEngine) -> None:
    assert "profanity" not in cats(engine, "I'm a fucking mess, my anxiety is through the roof")
    assert "profanity" in cats(engine, "The fucking parking here is a joke")


def test_indirect_crisis(engine: PolicyEngine) -> None:
    assert "crisis" in cats(engine, "Everyone would be better off without me")
    assert "crisis" in cats(engine, "Thanks for trying. I won't be here tomorrow")


def test_advice_to_others_is_not_crisis(engine: PolicyEngine) -> None:
    assert "crisis" not in cats(engine, "If you feel suicidal please call Samaritans on 116 123")


# --- abuse versus complaint ------------------------------------------------------------------
def test_complaint_naming_staff_is_not_abuse(engine: PolicyEngine) -> None:
    c = cats(engine, "Nurse Jones on Poppy ward was rude to my dad and ignored him for hours")
    assert "abuse" not in c and "complaint" in c
    assert not c & set(REMOVAL_CATEGORIES)


def test_insult_at_staff_is_abuse(engine: PolicyEngine) -> None:
    assert "abuse" in cats(engine, "That receptionist is a stupid cow")


def test_gendered_insult_of_one_person_is_not_hate_against_women(engine: PolicyEngine) -> None:
    assert "hate" not in cats(engine, "My ex is a bitch")
    assert "hate" not in cats(engine, "Anxiety is a bitch some days")
    assert "hate" in cats(engine, "Women are all bitches")
    assert "hate" in cats(engine, "You are just a bitch to me")


# --- praise and individual care --------------------------------------------------------------
def test_plain_gratitude_naming_staff_and_a_relative_is_praise(engine: PolicyEngine) -> None:
    d = engine.classify("Thank you to Ruth and everyone at Larch unit. You were wonderful with "
                        "my brother and I'll never forget your kindness.")
    assert d.categories == ["praise"]


def test_gratitude_with_a_request_is_still_individual_care(engine: PolicyEngine) -> None:
    c = cats(engine, "Thank you for looking after my dad, can someone tell me when he's home?")
    assert "individual_care" in c


# --- advertising -----------------------------------------------------------------------------
def test_income_offer_with_a_call_to_act_is_advertising(engine: PolicyEngine) -> None:
    c = cats(engine, "Make £600 a week from home!! Join my Telegram t.me/richquick, few places")
    assert "advertising" in c and "crisis" not in c
    assert "advertising" not in cats(engine, "I earn £600 a week and still can't afford rent")


# --- defamation ------------------------------------------------------------------------------
def test_defamation_goes_to_a_lead_never_removal(engine: PolicyEngine) -> None:
    d = engine.classify("Dr Patel sexually assaulted my sister during her assessment")
    assert "defamation" in d.categories
    assert d.action == "lead_decision"
    assert d.escalate_to == "safeguarding"
    d = engine.classify("Dr Patel falsified my records to cover his mistakes")
    assert d.action == "lead_decision" and d.escalate_to == "complaints"


# --- personal information --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Ring my son on 07911 123456", "personal_info.phone"),
        ("NHS number 943 476 5919", "personal_info.nhs_number"),
        ("email me at sam.jones@gmail.com", "personal_info.email"),
        ("She lives at 22 Hawthorn Close, Ipswich", "personal_info.address"),
        ("his DOB is 02/05/1971", "personal_info.date_of_birth"),
        ("my hospital number is RX123456", "personal_info.hospital_number"),
    ],
)
def test_personal_information(engine: PolicyEngine, text: str, rule: str) -> None:
    assert rule in rules(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "Call First Response on 0808 196 3494 any time",
        "Our switchboard is 01603 421421",
        "Call 111 and press 2, or Samaritans on 116 123",
        "NHS number 943 476 5918",  # fails the check digit
        "I waited from 10:30 until 14:45, that's 255 minutes",
        "Parking is £3.50 for 2 hours",
        "My appointment is on 12/03/2025",
    ],
)
def test_not_personal_information(engine: PolicyEngine, text: str) -> None:
    assert "personal_info" not in cats(engine, text)


def test_contact_details_in_a_dm_are_flagged_for_masking_but_never_removal(
    engine: PolicyEngine,
) -> None:
    # The flag's span is what lets the bot mask the number in Slack (data protection);
    # a private message cannot be hidden, so it suggests no removal.
    text = "my number is 07911 123456"
    d = engine.classify(text, Context(kind="dm"))
    flag = next(f for f in d.flags if f.category == "personal_info")
    assert flag.span is not None and text[flag.span[0] : flag.span[1]] == "07911 123456"
    assert flag.severity == Severity.LOW
    assert d.action == "none" and d.template is None
    assert d.extra.get("personal_info_in_dm") is True


def test_in_a_dm_the_reason_for_writing_decides_the_action(engine: PolicyEngine) -> None:
    text = "I want to make a formal complaint about the crisis line, ring me on 07911 123456"
    d = engine.classify(text, Context(platform="facebook", kind="dm"))
    assert "personal_info" in d.categories
    assert d.action == "reply" and d.template == "complaints"
    public = engine.classify(text, Context(platform="facebook", kind="comment"))
    assert public.action == "hide"
    assert next(f for f in public.flags if f.category == "personal_info").severity > Severity.LOW


# --- links -----------------------------------------------------------------------------------
def test_links_from_context_and_text(engine: PolicyEngine) -> None:
    assert "upsetting_link.listed_domain" in rules(
        engine, "look", Context(links=("https://www.pornhub.com/x",))
    )
    assert "upsetting_link.shortener" in rules(engine, "see bit dot ly/abc")
    assert not cats(engine, "", Context(links=("https://www.nhs.uk/mental-health/",)))


# --- media -----------------------------------------------------------------------------------
def test_media_review(engine: PolicyEngine) -> None:
    photo = Context(has_media=True, media_types=("photo",))
    assert "media_review.unread_image" in rules(engine, "look at this", photo)
    read = Context(has_media=True, media_types=("photo",), ocr_text="you absolute idiot")
    assert rules(engine, "look at this", read) == {"abuse.insult"}
    video = Context(has_media=True, media_types=("video",), ocr_text="x")
    assert "media_review.video_audio" in rules(engine, "watch", video)
