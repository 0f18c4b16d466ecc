"""What mentions of a pile-on share: the thread, a link, or (near-)copied text. Pure functions.

Text similarity is the Jaccard index of normalised word shingles: the text is NFKC-normalised
and case-folded, @handles and links are dropped, what is left is split into words, and every
run of three consecutive words is one shingle (a text of fewer words is one shingle). Two posts
are near-duplicates at Jaccard >= STORM_SIMILARITY (0.8 by default: "you are all useless and
should be sacked" and "YOU are all useless and should be sacked!!" are; two different
complaints about the car park are not).

To find candidates without comparing each post with every other, each text also gets BANDS
MinHash *bands* of ROWS minimum hashes each (locality-sensitive hashing): two texts of Jaccard J
share a given band with probability J**ROWS, and at least one of the bands with probability
1 - (1 - J**ROWS)**BANDS: 96 % at J = 0.8, 36 % at J = 0.5, 5 % at J = 0.3. So a band shared by
many recent posts means many near-copies; a shared band alone only makes two posts candidates,
and joining a group checks the Jaccard itself.
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

from bot.core.models import KIND_DM, Mention

SHINGLE_WORDS = 3
BANDS, ROWS = 6, 4
# BANDS * ROWS independent 64-bit hashes of a shingle: eight per keyed BLAKE2b digest (fixed
# keys, so every process, and every key stored, agrees).
_PERSONS = tuple(f"fw-mh-{i}".encode() for i in range(-(-BANDS * ROWS // 8)))
_EIGHT = struct.Struct(">8Q")
_HANDLE = re.compile(r"(?<!\w)@\w+")
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|s|t|ref_src|ref_url)=", re.IGNORECASE)


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _URL.sub(" ", _HANDLE.sub(" ", text))
    return _WORD.findall(text)


def _stable(value: str) -> int:
    # Not hash(): Python salts it per process, and these values are stored and compared.
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8"), digest_size=8).digest(), "big")


def shingles(text: str) -> frozenset[int]:
    w = words(text)
    if not w:
        return frozenset()
    if len(w) < SHINGLE_WORDS:
        return frozenset({_stable(" ".join(w))})
    return frozenset(_stable(" ".join(w[i:i + SHINGLE_WORDS]))
                     for i in range(len(w) - SHINGLE_WORDS + 1))


def jaccard(a: Iterable[int], b: Iterable[int]) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def _hashes(x: int) -> tuple[int, ...]:
    raw = x.to_bytes(8, "big")
    out: tuple[int, ...] = ()
    for person in _PERSONS:
        out += _EIGHT.unpack(hashlib.blake2b(raw, digest_size=64, person=person).digest())
    return out


def bands(sh: frozenset[int]) -> list[str]:
    if not sh:
        return []
    mins = list(map(min, zip(*(_hashes(x) for x in sh), strict=True)))
    return [f"{band}:" + _short(mins[band * ROWS:(band + 1) * ROWS]) for band in range(BANDS)]


def _short(values: list[int]) -> str:
    return hashlib.blake2b(repr(values).encode(), digest_size=8).hexdigest()


def normal_link(url: str) -> str:
    """The same link however it was written: scheme, www., case of the host, trailing slash,
    fragment and tracking parameters do not count."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    query = "&".join(p for p in parts.query.split("&") if p and not _TRACKING.match(p))
    return urlunsplit(("", host, parts.path.rstrip("/"), query, "")).lstrip("/")


def thread_of(m: Mention) -> str | None:
    """The conversation a reply or comment belongs to (a post standing alone has none)."""
    if m.conversation_id and m.conversation_id != m.external_id:
        return m.conversation_id
    return None


def marks(m: Mention, sh: frozenset[int]) -> list[tuple[str, str]]:
    """(kind, key) of everything this mention shares with others, most specific first.
    Direct messages share nothing here: each is one person writing privately."""
    if m.kind == KIND_DM:
        return []
    out: list[tuple[str, str]] = []
    thread = thread_of(m)
    if thread:
        out.append(("thread", f"thread:{m.platform}:{thread}"))
    out += [("link", f"link:{link}") for link in dict.fromkeys(normal_link(u) for u in m.links)
            if link]
    out += [("text", f"text:{band}") for band in bands(sh)]
    return [(kind, key[:300]) for kind, key in out]
