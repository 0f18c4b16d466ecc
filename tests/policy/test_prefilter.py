"""The first look before a pattern (policy.prefilter) may skip a search only when the search
could not have matched: checked on hand-made patterns, and on every detector pattern against
every example and case text the repository holds."""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import pytest
import regex

import policy.detectors  # noqa: F401  (imports every detector module and wraps its patterns)
from policy.detectors import DETECTORS, hate_grammar, rulekit
from policy.prefilter import Prefiltered, needles, prefiltered, whole_words


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bsend\s+me\b", {"send"}),
    (r"(?:send|give|lend)\s+(?:me|us)", {"send", "give", "lend"}),
    (r"\bdm\b|inbox", {"dm", "inbox"}),
    (r"colou?r", {"color", "colour"}),
    (r"[£$]\s?\d", {"£", "$"}),
    (r"(?i)SELL", {"sell"}),
    (r"\d+\s?%\s+(?:a|per)\s+(?:day|week)", {"day", "week"}),
])
def test_needles_are_the_words_a_match_needs(pattern: str, expected: set[str]) -> None:
    assert needles(regex.compile(pattern)) == expected


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\b(?:victims?|survivors?)\b", {"victim", "victims", "survivor", "survivors"}),
    (r"\bused\s+to\b|\bclean\b", {"used", "clean"}),
    # "money" ends the pattern, so "moneybags" matches: only me/us are whole words.
    (r"(?:send|give)\s+(?:me|us)\s+money", {"me", "us"}),
    (r"send(?:me|us)", None),  # no word ends around the words: "sendme" holds neither
    (r"\bsell", None),  # "selling" holds no whole "sell"
])
def test_whole_words_need_word_ends_on_both_sides(pattern: str, expected: set[str] | None,
                                                  ) -> None:
    assert whole_words(regex.compile(pattern, regex.IGNORECASE)) == expected


def test_a_post_without_the_whole_word_is_skipped_and_one_with_it_is_not() -> None:
    pat = prefiltered(regex.compile(r"\b(?:sell|selling)\s+knives\b", regex.IGNORECASE))
    assert not pat.could_match("knivesmith reselling")  # the letters, not the words
    assert pat.search("Selling  KNIVES today") is not None


@pytest.mark.parametrize("pattern", [
    r"\w+", r"[a-z]{3}", r"(?:x)?", r"a|\d", r"(?:foo)*", r"\p{L}+",  # \p only in regex
])
def test_a_pattern_that_can_match_without_fixed_letters_is_left_alone(pattern: str) -> None:
    compiled = regex.compile(pattern)
    assert needles(compiled) is None
    assert prefiltered(compiled) is compiled


def test_ignoring_case_looks_in_lower_case_and_leaves_other_scripts_to_the_pattern() -> None:
    pat = prefiltered(regex.compile(r"\bpaypal\b", regex.IGNORECASE))
    assert isinstance(pat, Prefiltered)
    assert pat.search("Send it to my PayPal").group(0) == "PayPal"
    assert pat.search("nothing to see") is None
    # The Kelvin sign folds to k: outside ASCII the pattern decides for itself.
    kelvin = prefiltered(regex.compile("kill", regex.IGNORECASE))
    assert kelvin.search("\u212aill") is not None


def test_a_wrapped_pattern_answers_as_the_pattern_does() -> None:
    raw = regex.compile(r"\b(?:sell|selling)\s+(\w+)", regex.IGNORECASE)
    pat = prefiltered(raw)
    for text in ("I am selling knives", "nothing here", "SELL cheap", ""):
        assert [m.span() for m in pat.finditer(text)] == [m.span() for m in raw.finditer(text)]
        assert pat.findall(text) == raw.findall(text)
        assert bool(pat.match(text)) == bool(raw.match(text))
    assert pat.pattern == raw.pattern and pat.flags == raw.flags


def _texts() -> list[str]:
    """Every rule's docstring examples and every policy case text, plus each with its words
    in upper case (case-insensitive patterns must still be seen to match)."""
    out: list[str] = []
    for module in [*DETECTORS, hate_grammar]:
        for fn in getattr(module, "RULE_FUNCTIONS", ()):
            bad, good = rulekit.examples(fn)
            out += bad + good
    for path in sorted(Path(__file__).parent.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = json.loads(line).get("text", "")
                if isinstance(text, str):
                    out.append(text)
    return out + [t.upper() for t in out]


def _detector_patterns() -> list[tuple[str, Prefiltered]]:
    return [(f"{name}.{attr}", value) for name, module in sorted(sys.modules.items())
            if name.startswith("policy.detectors.")
            for attr, value in vars(module).items() if isinstance(value, Prefiltered)]


def test_the_detectors_patterns_are_wrapped() -> None:
    names = {name for name, _ in _detector_patterns()}
    assert {"policy.detectors.financial_gain._RETURN",
            "policy.detectors.weapons._SOLD_PRONOUN"} <= names
    leftover = [f"{name}.{attr}" for name, module in sys.modules.items()
                if name.startswith("policy.detectors.")
                for attr, value in vars(module).items()
                if isinstance(value, (re.Pattern, regex.Pattern)) and needles(value) is not None]
    assert leftover == []


def test_no_detector_pattern_is_skipped_where_it_matches() -> None:
    texts = _texts()
    patterns = _detector_patterns()
    assert len(texts) > 500 and len(patterns) > 30
    rng = random.Random(7)
    matched = 0
    for name, pat in patterns:
        raw = pat._pattern
        for text in texts:
            found = raw.search(text)
            if found is not None:
                matched += 1
                assert pat.could_match(text), f"{name} skipped {text!r}"
                # And on the match alone, cut from its surroundings.
                piece = found.group(0)
                if piece and raw.search(piece):
                    assert pat.could_match(piece), f"{name} skipped {piece!r}"
        # Random strings made of the pattern's own needles and filler agree too.
        pieces = [*pat._needles, " ", "a", "1", "£", "x", "\n"]
        for _ in range(200):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
            assert (raw.search(text) is None) or pat.could_match(text), f"{name}: {text!r}"
    assert matched > 100  # the examples do exercise the patterns
