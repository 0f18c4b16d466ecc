"""Posts in other languages are never passed as checked: the reader, the flag, the tag."""

from __future__ import annotations

import pytest

from policy import PolicyEngine
from policy.decision import Context
from policy.language import LanguageReader

ENGLISH = [
    "The staff were rude and I waited four hours",
    "shocking service tbh",
    "waited 6hrs in a&e smh, absolute joke @NSFT_news #nhs",
    "u r such a scumbag lmao",
    "Sarah on Larch ward was brill",
    "Terrible",
    "ffs",
    "Nobody rang back",
    "👍👍",
    "@NSFT_news https://t.co/abc",
    "уоu аrе ѕсum",  # Cyrillic look-alikes spelling English words
]
OTHER = {
    "Nie mogę się dodzwonić do szpitala od trzech dni": "pl",
    "Kiedy będzie następna wizyta?": "pl",
    "Laukiu jau trečią savaitę, niekas neskambina": "lt",
    "Quanto tempo demora uma consulta?": "pt",
    "Aș dori o programare pentru mama mea": "ro",
    "Diolch yn fawr i'r tîm am eu help": "cy",
    "Bonjour je voudrais un rendez-vous": "fr",
    "Ich warte seit Wochen auf einen Termin": "de",
}


@pytest.fixture(scope="module")
def reader(engine: PolicyEngine) -> LanguageReader:
    return engine._language


@pytest.mark.parametrize("text", ENGLISH)
def test_english_is_read_as_english(reader: LanguageReader, text: str) -> None:
    assert reader.read(text).english, text


@pytest.mark.parametrize(("text", "lang"), OTHER.items())
def test_other_latin_script_languages_are_not_english(reader: LanguageReader, text: str,
                                                      lang: str) -> None:
    got = reader.read(text)
    assert not got.english and got.lang == lang and got.source == "detector", got


@pytest.mark.parametrize("text", ["Я хочу записаться к врачу", "أريد موعدا مع الطبيب",
                                  "আমি ডাক্তারের সাথে দেখা করতে চাই"])
def test_other_scripts_are_not_english(reader: LanguageReader, text: str) -> None:
    got = reader.read(text)
    assert not got.english and got.name == "a language other than English"


def test_the_platform_tag_is_used_and_plain_english_overrides_a_wrong_one(
        reader: LanguageReader) -> None:
    assert reader.read("Dziękuję", "pl") == reader.read("Dziękuję", "pl")
    tagged = reader.read("Dziękuję", "pl")
    assert (tagged.english, tagged.lang, tagged.source) == (False, "pl", "platform")
    assert reader.read("Thank you so much to the whole team", "pl").english
    assert reader.read("Dziękuję bardzo", "en").english  # X read it as English: trusted
    for no_language in ("und", "zxx", "qme", "qht"):  # X: nothing to tell from
        assert not reader.read("Quanto tempo demora uma consulta?", no_language).english
        assert reader.read("Thank you to the crisis team", no_language).english


def test_an_unread_post_is_flagged_for_a_person(engine: PolicyEngine) -> None:
    d = engine.classify("Quanto tempo demora uma consulta?")
    assert d.categories == ["unread_language"]
    [f] = d.flags
    assert f.rule_id == "unread_language.not_english"
    assert f.explanation.startswith("Not checked: language.")
    assert "Portuguese" in f.explanation and d.action == "lead_decision"
    assert "unread_language" not in engine.classify("How long does an appointment take?"
                                                    ).categories


def test_the_language_hint_comes_from_the_context_or_the_keyword(engine: PolicyEngine) -> None:
    text = "Dziękuję"
    assert "platform" in engine.classify(text, Context(lang="pl")).flags[0].explanation
    assert not engine.classify(text, Context(lang="pl"), lang="en").flags
    assert "unread_language" not in engine.classify("ok thanks", lang="pl").categories


def test_english_false_friends_in_another_language_do_not_fire(engine: PolicyEngine) -> None:
    # Polish "od" (from) is the English "OD" (overdose); Romanian "pula" and Portuguese
    # "puta" are words the English lists may know; none is read in a post not in English.
    for text in ("Od trzech dni czekam na telefon od lekarza",
                 "Czekam od rana, nikt nie odbiera"):
        d = engine.classify(text)
        assert d.categories == ["unread_language"], (text, d.flags)
        assert d.extra.get("not_read"), text
    d = engine.classify("Proszę dzwonić, mój numer to 07700 900123")
    assert set(d.categories) == {"personal_info", "unread_language"}  # still masked in Slack


def test_an_english_crisis_phrase_in_a_mixed_post_still_counts(engine: PolicyEngine) -> None:
    d = engine.classify("Nie wiem co robić, nikt nie słucha, I want to kill myself", lang="pl")
    assert d.categories[0] == "crisis"
