"""Crisis in Polish, Lithuanian, Portuguese, Romanian and Welsh: always crisis, never a threat.

The phrasings below are written for the tests, varied beyond the listed phrases' exact forms
(no accents, capitals, more words around them)."""

from __future__ import annotations

import pytest

from policy import PolicyEngine

CRISIS = [
    "Chcę się zabić, nie daję rady",
    "chce sie zabic dzisiaj w nocy",
    "Już nie chcę żyć. Przepraszam wszystkich",
    "mam myśli samobójcze od tygodnia",
    "Znowu się tnę i nie umiem przestać",
    "Wszystkim będzie lepiej beze mnie",
    "Noriu nusižudyti",
    "nebenoriu gyventi, viskas beprasmiska",
    "Vėl pjaustausi, nebegaliu taip gyventi",
    "Eu quero morrer, não aguento mais",
    "Acho que vou me matar hoje",
    "nao quero mais viver",
    "Estou me cortando outra vez",
    "Todos ficariam melhor sem mim",
    "Nu mai pot, vreau să mor",
    "vreau sa ma sinucid",
    "Mă gândesc la sinucidere în fiecare zi",
    "Toți ar fi mai bine fără mine",
    "Dw i eisiau marw",
    "Dwi ddim isio byw ddim mwy",
    "Dw i'n meddwl am ladd fy hun",
    "Byddai pawb yn well hebdda i",
    "Moja siostra mówi, że chce się zabić",  # someone else at risk: still crisis
]
NOT_CRISIS = [
    "Dziękuję za pomoc, pielęgniarki były wspaniałe",
    "Kiedy otwiera się przychodnia?",
    "Ačiū už pagalbą",
    "Essa fila vai me matar, três horas à espera",  # a figure of speech
    "Obrigado pela ajuda",
    "Mulțumesc pentru tot, echipa a fost minunată",
    "Diolch yn fawr i'r tîm",
    "Wythnos atal hunanladdiad",  # suicide prevention week
]


@pytest.mark.parametrize("text", CRISIS)
def test_crisis_in_other_languages(engine: PolicyEngine, text: str) -> None:
    d = engine.classify(text)
    assert d.categories[0] == "crisis", (text, d.categories)
    assert "crisis.other_language" in [f.rule_id for f in d.flags]
    assert (d.action, d.template, d.report_suggested) == ("escalate", "crisis", False)
    assert "violence" not in d.categories
    assert "unread_language" in d.categories  # the rest was not read: a person reads it


@pytest.mark.parametrize("text", NOT_CRISIS)
def test_ordinary_posts_in_those_languages_are_not_crisis(engine: PolicyEngine,
                                                          text: str) -> None:
    d = engine.classify(text)
    assert "crisis" not in d.categories, (text, d.flags)
    assert d.categories == ["unread_language"]


def test_a_threat_word_beside_it_never_makes_it_a_threat(engine: PolicyEngine) -> None:
    d = engine.classify("Chcę się zabić. I will stab anyone who stops me")
    assert d.categories[0] == "crisis" and "violence" not in d.categories
    assert not d.report_suggested


def test_the_evidence_is_the_phrase_as_written(engine: PolicyEngine) -> None:
    text = "Proszę, pomóżcie. Chcę się zabić."
    [f] = [f for f in engine.classify(text).flags if f.rule_id == "crisis.other_language"]
    assert f.span is not None and text[f.span[0]:f.span[1]] == "Chcę się zabić"
    assert "Polish" in f.explanation


def test_every_phrase_keeps_a_word_through_spelling_repair(engine: PolicyEngine) -> None:
    """The detector skips posts whose tokens hold none of the phrases' words; a phrase whose
    every word spelling repair rewrote ("ladd" -> "lad") would never be looked for."""
    from policy.detectors.crisis_languages import PREFILTER, _words
    from policy.lexicon.crisis_languages import CRISIS_PHRASES
    from policy.text import make_doc

    for phrases in CRISIS_PHRASES.values():
        for phrase in phrases:
            for written in (phrase, phrase.upper()):
                tokens = make_doc(written, engine._canon).tokens
                assert PREFILTER.intersection(tokens), written
                assert set(_words(phrase)) & set(tokens), written
