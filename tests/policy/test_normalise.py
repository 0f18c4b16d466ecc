"""Normalisation against evasion, and the map back to the original text."""

from __future__ import annotations

import pytest

from policy import PolicyEngine
from policy.normalise import normalise
from policy.text import make_doc


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ｓｃｕｍ", "scum"),  # fullwidth (NFKC)
        ("𝐬𝐜𝐮𝐦", "scum"),  # mathematical bold (NFKC)
        ("sсum", "scum"),  # Cyrillic es
        ("scüm", "scum"),  # combining diaeresis removed
        ("sc\u200bum", "scum"),  # zero-width space
        ("k1ll", "kill"),  # leetspeak between letters
        ("sh!t", "shit"),
        ("b@stard", "bastard"),
        ("4ssholes", "assholes"),  # leading digit
        ("crippl3", "cripple"),  # trailing digit
        ("s.c.u.m", "scum"),  # dotted letters
        ("fuuuuuck", "fuuck"),  # long repeats shortened (the vocabulary does the rest)
        ("| hate you", "i hate you"),  # OCR slip: a pipe read for an I
        ("🔪", "knife"),  # emoji used as a word
    ],
)
def test_normalised_text(raw: str, expected: str) -> None:
    assert normalise(raw).text.strip() == expected


@pytest.mark.parametrize(
    "raw", ["call 111 or 999", "10am on 3rd May, 24hrs", "covid19 and b12", "@NSFTtweets"]
)
def test_numbers_times_and_handles_are_not_leetspeak(raw: str) -> None:
    assert normalise(raw).text == raw.lower()


def test_offsets_map_back_to_the_original() -> None:
    raw = "ｙｏｕ are s\u200bc\u200bum 🔪"
    n = normalise(raw)
    i = n.text.index("scum")
    a, b = n.span(i, i + 4)
    assert raw[a:b] == "s\u200bc\u200bum"
    k = n.text.index("knife")
    a, b = n.span(k, k + 5)
    assert raw[a:b] == "🔪"


@pytest.mark.parametrize(
    ("raw", "tokens"),
    [
        ("I want to k i l l all", ["i", "want", "to", "kill", "all"]),
        ("they are a c a n c e r", ["they", "are", "a", "cancer"]),
        ("f*ck off", ["fuck", "off"]),
        ("dont do it", ["do", "not", "do", "it"]),
        ("I can't stand them", ["i", "can", "not", "stand", "them"]),
        ("klil them", ["kill", "them"]),  # swapped letters repaired
        ("Gy people", ["gay", "people"]),
        ("deathto them", ["death", "to", "them"]),  # dropped space repaired
        ("the therapist was kind", ["the", "therapist", "was", "kind"]),  # not "the rapist"
        ("the phone cuts off", ["the", "phone", "cuts", "off"]),  # real words left alone
        ("PRN on request", ["prn", "on", "request"]),  # acronyms left alone
    ],
)
def test_tokens_are_repaired_towards_the_vocabulary(
    engine: PolicyEngine, raw: str, tokens: list[str]
) -> None:
    assert make_doc(raw, engine._canon).tokens == tokens


def test_token_spans_point_at_what_was_posted(engine: PolicyEngine) -> None:
    doc = make_doc("They are s c u m!", engine._canon)
    i = doc.tokens.index("scum")
    assert doc.snippet(i, i + 1) == "s c u m"


_REPAIRS = """
import json, sys
from policy import PolicyEngine, bundled_policy_path, load_policy
engine = PolicyEngine(load_policy(bundled_policy_path().read_text("utf-8"), "policy.yaml"),
                      english=frozenset())
words = ["womn", "blck", "imigrants", "muslms", "gys", "retrds", "kil", "murdr", "scm"]
print(json.dumps([engine._canon.word(w) for w in words]))
"""


def test_spelling_repair_does_not_depend_on_the_hash_seed() -> None:
    """A misspelling one letter from two words ("womn": woman or women) must be repaired the
    same way in every process; it once followed set order, which changes with the seed."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", _REPAIRS], cwd=root, env=env,
                             capture_output=True, text=True, check=True, timeout=120)
        outputs.add(run.stdout)
    assert len(outputs) == 1, outputs


def test_look_alikes_come_from_unicode_confusables_not_a_short_table() -> None:
    # Armenian "ս", Latin small capitals and the Cyrillic palochka were all missing from the
    # hand-written table this replaced.
    assert normalise("ꜱсսm").text == "scum"
    assert normalise("ᴋɪʟʟ").text == "kill"
    assert normalise("kіӏӏ").text == "kill"
    assert normalise("ꜱᴄᴜᴍʙᴀɢ").text == "scumbag"
    from policy.lexicon.confusables import look_alike_table

    assert len(look_alike_table()) > 1000


def test_letters_of_other_languages_keep_their_base_letter() -> None:
    assert normalise("Chcę się zabić, już").text == "chce sie zabic, juz"
    assert normalise("Vreau să mor, ştiu").text == "vreau sa mor, stiu"
    assert normalise("Ŵyt ti'n iawn").text == "wyt ti'n iawn"
    assert normalise("Nusižudysiu, ačiū").text == "nusizudysiu, aciu"
