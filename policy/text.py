"""Tokens over the normalised text, spelling repaired (policy.spelling).

A `Doc` holds canonical tokens ("dont" -> "do", "not"; "klil" -> "kill"; "f*ck" -> "fuck"),
each with its span in the original post and its sentence number, so detectors reason about
words and still report the exact characters that were posted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policy.lexicon.common import CONTRACTIONS
from policy.normalise import Normalised, normalise
from policy.spelling import Canon

_TOKEN = re.compile(r"[a-z0-9*#%]*[a-z0-9][a-z0-9*#%']*|[.!?;\n\",:]")
_SENTENCE_END = frozenset({".", "!", "?", ";", "\n"})


@dataclass
class Doc:
    """Canonical tokens of one text with their original spans and sentence numbers."""

    norm: Normalised
    tokens: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # in normalised text
    sents: list[int] = field(default_factory=list)
    quoted: list[bool] = field(default_factory=list)
    caps: list[bool] = field(default_factory=list)  # original token started with a capital

    def original_span(self, start_tok: int, end_tok: int) -> tuple[int, int]:
        """Span in the original text covering tokens [start_tok, end_tok)."""
        a = self.spans[start_tok][0]
        b = self.spans[end_tok - 1][1]
        return self.norm.span(a, b)

    def snippet(self, start_tok: int, end_tok: int) -> str:
        a, b = self.original_span(start_tok, end_tok)
        return self.norm.original[a:b]


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """Canonical tokens of a lexicon phrase: normalised and contractions expanded, the same
    way posts are, but never spelling-repaired."""
    out: list[str] = []
    for m in _TOKEN.finditer(normalise(phrase).text):
        t = m.group(0)
        if t in _SENTENCE_END or t == '"':
            continue
        exp = CONTRACTIONS.get(t)
        if exp is not None:
            out.extend(exp.split())
            continue
        if t.endswith("'s"):
            t = t[:-2]
        t = t.replace("'", "")
        if t:
            out.append(t)
    return tuple(out)


# A necessary condition for letters spaced out one by one: three single letters, each one
# character apart (that character starting no token). Most posts have none, and skip the walk.
_SPACED_LETTERS = re.compile(
    r"(?<![a-z0-9*#%])[a-z][^a-z0-9*#%'.!?;\n\",:][a-z][^a-z0-9*#%'.!?;\n\",:][a-z]"
    r"(?![a-z0-9*#%'])"
)


def _raw_tokens(norm_text: str, canon: Canon) -> list[tuple[str, int, int]]:
    """Tokens with spans; letters spaced out ("k i l l", "w o m a n I see") are joined into
    the longest run that spells a word the policy knows."""
    raw = [(m[0], *m.span()) for m in _TOKEN.finditer(norm_text)]
    if not _SPACED_LETTERS.search(norm_text):
        return raw
    out: list[tuple[str, int, int]] = []
    i = 0
    n = len(raw)
    while i < n:
        j = i
        while (j < n and len(raw[j][0]) == 1 and raw[j][0].isalpha()
               and (j == i or raw[j][1] == raw[j - 1][2] + 1)):
            j += 1
        if j - i >= 3:
            k = i
            while k < j:
                for end in range(j, k + 2, -1):
                    word = "".join(t for t, _, _ in raw[k:end])
                    if canon.is_word(word):
                        out.append((word, raw[k][1], raw[end - 1][2]))
                        k = end
                        break
                else:
                    out.append(raw[k])
                    k += 1
            i = j
        else:
            out.append(raw[i])
            i += 1
    return out


def _all_caps(original: str, norm: Normalised, start: int, end: int) -> bool:
    a, b = norm.span(start, end)
    piece = original[a:b]
    return piece.isupper() and piece.isalpha()


def make_doc(text: str, canon: Canon) -> Doc:
    """Normalise, tokenise and repair `text`."""
    norm = normalise(text)
    doc = Doc(norm)
    # Bound methods and locals: this loop runs for every token of every post.
    add_token, add_span = doc.tokens.append, doc.spans.append
    add_sent, add_quoted, add_cap = doc.sents.append, doc.quoted.append, doc.caps.append
    original, offsets = norm.original, norm.offsets
    n_original = len(original)
    known, cache, repair = canon.known, canon.cache, canon.word
    sent = 0
    last_sent = -1  # sentence of the last token added
    quoted = False
    for t, m_start, m_end in _raw_tokens(norm.text, canon):
        if t in _SENTENCE_END:
            if last_sent == sent:
                sent += 1
            continue
        if t == '"':
            quoted = not quoted
            continue
        o = m_start if offsets is None else offsets[m_start]
        cap = o < n_original and original[o].isupper()
        if t == "," or t == ":":
            words: tuple[str, ...] = (t,)
        elif (2 <= len(t) <= 5 and t not in known
              and _all_caps(original, norm, m_start, m_end)):
            words = (t,)  # an acronym (PRN, SLT), never a misspelt word
        else:
            words = cache.get(t) or repair(t)
        for w in words:
            add_token(w)
            add_span((m_start, m_end))
            add_sent(sent)
            add_quoted(quoted)
            add_cap(cap)
            last_sent = sent
    return doc
