"""Is this post in English, the only language the policy's word lists can read?

Pure: text (and the platform's language tag, when it sent one) in, a Reading out. The
statistical detector is lingua (lingua-language-detector), whose models are compiled into
the package: nothing is downloaded. It runs in low-accuracy mode (trigrams only) over a
bounded set of languages, about 45 MB and some 30,000 texts a second, because its full
models for these languages take about 180 MB per process.

Lingua alone is wrong on short English ("shocking service tbh" reads as Tagalog), and,
held to a few languages, it forces any other language into the nearest of them (French
read as English). So a post is "not English" only when two signals agree: lingua's best
guess is another language, and the post's words are mostly not English words. Texts too
short to tell are read as English: the policy still reads them, so nothing is passed
unread by that choice.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from policy.normalise import normalise

ENGLISH = "en"
# X's tags for posts with no language in them to read (media only, hashtags only, ...):
# the detector decides, as for a Facebook post with no tag at all.
NO_LANGUAGE_TAGS = frozenset({"", "und", "zxx", "qme", "qht", "qam", "qct", "qst", "art",
                              "qmt"})
# The languages most spoken in the trust's area after English, Welsh, and the languages
# lingua would otherwise mistake them for or force other Latin-script posts into.
DETECTED = ("ENGLISH", "POLISH", "LITHUANIAN", "PORTUGUESE", "ROMANIAN", "WELSH", "LATVIAN",
            "FRENCH", "GERMAN", "SPANISH", "ITALIAN", "DUTCH", "TURKISH", "HUNGARIAN",
            "SLOVAK", "CZECH", "TAGALOG", "SOMALI", "ALBANIAN")
_NAMES = {
    "pl": "Polish", "lt": "Lithuanian", "pt": "Portuguese", "ro": "Romanian", "cy": "Welsh",
    "lv": "Latvian", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
    "nl": "Dutch", "tr": "Turkish", "hu": "Hungarian", "sk": "Slovak", "cs": "Czech",
    "tl": "Tagalog", "so": "Somali", "sq": "Albanian", "bg": "Bulgarian", "ru": "Russian",
    "uk": "Ukrainian", "ar": "Arabic", "ur": "Urdu", "bn": "Bengali", "pa": "Punjabi",
    "zh": "Chinese", "fa": "Persian", "ku": "Kurdish", "el": "Greek", "hi": "Hindi",
    "ta": "Tamil", "gu": "Gujarati", "ja": "Japanese", "ko": "Korean", "th": "Thai",
}
_NOT_WORDS = regex.compile(r"https?://\S+|www\.\S+|[@#]\w+")
_WORD = regex.compile(r"[a-z]{2,}")
_OTHER_SCRIPT = regex.compile(r"[^\P{L}\p{Latin}]")  # letters of any script but Latin
_LATIN = regex.compile(r"\p{Latin}")
SAMPLE = 1000  # characters read: enough to tell a language, bounded for very long posts
WORDS_SAMPLE = 300  # of which the words are weighed
MAX_WORDS = 16  # words weighed: the first ones tell the language as well as all
MIN_WORDS = 3  # fewer words than this: too short to call another language from words
MIN_GUESS = 0.5  # lingua's confidence needed to call a short post another language


@dataclass(frozen=True)
class Reading:
    """What language a post is in, as far as the policy is concerned."""

    english: bool
    lang: str = ENGLISH  # ISO 639-1 code, or "" when only "not English" is known
    source: str = "detector"  # "platform" (its language tag) or "detector"

    @property
    def name(self) -> str:
        return _NAMES.get(self.lang, "a language other than English")


class LanguageReader:
    """Decides English or not for each post. Build once; `read` is thread-safe."""

    def __init__(self, is_english_word: Callable[[str], bool],
                 detector: Any | None = None) -> None:
        """`is_english_word`: the engine's dictionary test; `detector`: a lingua detector
        (by default built from DETECTED when a post first needs it)."""
        self.is_english_word = is_english_word
        self._detector = detector

    @property
    def detector(self) -> Any:
        # Most posts are settled by their words alone, so lingua's models (about 30 MB) are
        # loaded only when a post first needs them: a feed that is all English never pays.
        if self._detector is None:
            self._detector = lingua_detector()
        return self._detector

    def read(self, text: str, tag: str | None = None, normalised: str | None = None,
             tokens: list[str] | None = None, known: Collection[str] = ()) -> Reading:
        """`tag`: the platform's language tag (X's `lang`), if it sent one; `normalised` and
        `tokens`: policy.text's normalised text and tokens of `text`, when the caller has them;
        `known`: words of the post that the policy's own word lists hold ("wtb", "hmu", a
        banned group's name), read as English too: a short post of dealer's or extremist's
        slang is English the policy reads, not another language."""
        tag = (tag or "").strip().lower().split("-")[0]
        if tag == ENGLISH:
            return Reading(True)
        if tokens is not None and tag in NO_LANGUAGE_TAGS and text.isascii():
            # The common case, cheaply: plain text whose first words are all English words.
            sample = [t for t in tokens[: MAX_WORDS * 2] if t.isalpha()][:MAX_WORDS]
            misses = sum(1 for t in sample if t not in known and not self.is_english_word(t))
            if len(sample) >= 2 and misses <= len(sample) // 8:  # a name or two is allowed
                return Reading(True)
        text = text[:SAMPLE]
        words, other_script = self._words(text, normalised)
        looks_english = self._looks_english(text, words, other_script, known)
        if tag not in NO_LANGUAGE_TAGS:
            # The platform read another language; only a post that plainly reads as English
            # (X tags short English posts wrongly) is left to the English policy.
            if looks_english is True:
                return Reading(True, source="detector")
            return Reading(False, tag, "platform")
        if looks_english is False:
            return Reading(False, self._guess(text), "detector")
        return Reading(True)

    def _words(self, text: str, normalised: str | None) -> tuple[list[str], bool]:
        """Words of the normalised text (look-alike letters made Latin), and whether the
        post as written is mostly in another script."""
        other_script = False
        if not text.isascii():
            bare = _NOT_WORDS.sub(" ", text)
            other = len(_OTHER_SCRIPT.findall(bare))
            other_script = other > 0 and other > len(_LATIN.findall(bare))
        norm = normalised[:WORDS_SAMPLE] if normalised is not None else (
            normalise(text[:WORDS_SAMPLE]).text)
        words = _WORD.findall(_NOT_WORDS.sub(" ", norm))
        return words[:MAX_WORDS], other_script

    def _looks_english(self, text: str, words: list[str], other_script: bool,
                       known: Collection[str] = ()) -> bool | None:
        """True plainly English, False plainly not, None too little to tell."""
        listed = sum(1 for w in words if w in known)
        share = sum(1 for w in words if w in known or self.is_english_word(w)) / len(
            words) if words else 0.0
        if listed >= 2 and share >= 0.6:
            return True  # "wtb a strap, norwich, hmu": slang the policy's lists hold
        if words and (share == 1.0 or (share >= 0.8 and len(words) >= 4)):
            return True  # also Cyrillic look-alikes spelling English words ("ѕсum")
        if other_script:
            return False  # Cyrillic, Arabic, Bengali ...: lingua is not given these scripts
        if not words:
            return None
        best, english_conf = self._confidences(text)
        if best is None or best[0] == ENGLISH or english_conf >= 0.2:
            return True if len(words) >= MIN_WORDS and share >= 0.5 else None
        if len(words) < MIN_WORDS and best[1] < MIN_GUESS:
            return None
        return False if share < 0.8 else None

    def _confidences(self, text: str) -> tuple[tuple[str, float] | None, float]:
        values = self.detector.compute_language_confidence_values(_NOT_WORDS.sub(" ", text))
        best: tuple[str, float] | None = None
        english = 0.0
        for v in values:
            code = v.language.iso_code_639_1.name.lower()
            if best is None:
                best = (code, v.value)
            if code == ENGLISH:
                english = v.value
        return best, english

    def _guess(self, text: str) -> str:
        best, _ = self._confidences(text)
        return best[0] if best and best[1] >= MIN_GUESS and best[0] != ENGLISH else ""


_BUILDING = threading.Lock()


def lingua_detector() -> Any:
    """One detector per process (it is immutable), built once even when several threads
    first need it together."""
    with _BUILDING:
        return _build_detector()


@lru_cache(maxsize=1)
def _build_detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in DETECTED]
    detector = LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()
    # Its models load on first use (about 0.3 s): pay that once, here, under the lock.
    detector.compute_language_confidence_values("warm up the models")
    return detector
