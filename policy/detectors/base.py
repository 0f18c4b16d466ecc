"""What every detector sees (an Analysis) and returns (Hits)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from policy.decision import Context
from policy.model import Policy
from policy.text import Doc

Spans = list[tuple[int, int]]


@dataclass(frozen=True)
class Hit:
    """A rule that fired, with where (token span, or a character span for raw-text rules)."""

    rule_id: str
    start: int = 0  # token index
    end: int = 0
    confidence: float = 0.9
    note: str = ""  # shown after the explanation, e.g. the characteristic or the list name
    chars: tuple[int, int] | None = None  # original character span, when not token based
    escalate_to: str | None = None  # overrides the category's target (e.g. safeguarding)


@dataclass
class Analysis:
    """The post, tokenised and tagged once, shared by every detector."""

    doc: Doc
    found: dict[str, Spans]
    context: Context
    policy: Policy
    text: str  # the full text classified (post plus OCR text)
    # Set by earlier detectors for later ones (e.g. which slurs were reclaimed).
    notes: dict[str, object] = field(default_factory=dict)
    _prefixed: dict[str, tuple[tuple[int, int, str], ...]] = field(default_factory=dict,
                                                                 repr=False)
    _as_found: tuple[tuple[str, Spans], ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        # Detectors ask for tags about a million times per thousand posts, most of them
        # absent: a defaultdict's own lookup answers without a Python call per question.
        # The tags as found, for `prefixed`: the lookups above add an empty entry per absent
        # tag asked for, which prefixed need not walk.
        self._as_found = tuple(self.found.items())
        if not isinstance(self.found, defaultdict):
            self.found = defaultdict(list, self.found)
        self.get = self.found.__getitem__  # type: ignore[method-assign]

    def get(self, tag: str) -> Spans:
        """The spans of `tag` (an empty list when none); replaced per instance above by the
        same lookup done in C."""
        return self.found.get(tag, [])

    def prefixed(self, prefix: str) -> tuple[tuple[int, int, str], ...]:
        """(start, end, suffix) for every tag starting with `prefix`, e.g. 'G:' -> group.

        Worked out once per prefix: the target and group readers ask for the same prefix
        at every word they look at, and detectors only ever rewrite plain tags (BAD, GOOD),
        never the prefixed ones."""
        cached = self._prefixed.get(prefix)
        if cached is not None:
            return cached
        out = []
        for tag, spans in self._as_found:
            if tag.startswith(prefix):
                suffix = tag[len(prefix):]
                out.extend((s, e, suffix) for s, e in spans)
        out.sort()
        self._prefixed[prefix] = result = tuple(out)
        return result

    def sent(self, i: int) -> int:
        return self.doc.sents[i] if 0 <= i < len(self.doc.sents) else -1

    def in_sent(self, tag: str, sent: int) -> Spans:
        sents = self.doc.sents
        return [(s, e) for s, e in self.get(tag) if sents[s] == sent]

    def near(self, tag: str, start: int, end: int, before: int, after: int) -> Spans:
        """Spans of `tag` in the same sentence within `before` tokens before `start` or
        `after` tokens after `end`."""
        sents = self.doc.sents
        sent = sents[start]
        return [
            (s, e)
            for s, e in self.get(tag)
            if sents[s] == sent and (start - before <= s < start or end <= s < end + after
                                     or (s <= start and e >= end))
        ]

    def has_token(self, words: frozenset[str], start: int = 0, end: int | None = None) -> bool:
        toks = self.doc.tokens
        return any(t in words for t in toks[start:end])

    def sentence_range(self, sent: int) -> tuple[int, int]:
        """[first, last + 1) token indexes of a sentence."""
        ranges = self.notes.get("_ranges")
        if ranges is None:
            table: dict[int, list[int]] = {}
            for i, s in enumerate(self.doc.sents):
                r = table.get(s)
                if r is None:
                    table[s] = [i, i + 1]
                else:
                    r[1] = i + 1
            self.notes["_ranges"] = ranges = table
        r = ranges.get(sent)  # type: ignore[union-attr]
        return (r[0], r[1]) if r else (0, 0)


FIRST_PERSON = frozenset({"i", "me", "my", "myself", "mine", "im", "id"})  # id: "Id rather"
SECOND_PERSON = frozenset({"you", "your", "yourself", "yourselves", "yours"})
# Mental-health context words too everyday to show that a post is about distress.
_EVERYDAY = frozenset({"life", "help", "family", "friends", "feel", "feeling", "feelings",
                       "felt", "hospital", "doctor", "support", "low", "relationship", "loss",
                       "i hope", "hope you", "mood", "take care", "i feel", "feel like",
                       "i felt", "my life", "talk to", "confidence", "sorry to hear",
                       "so sorry", "i am sorry", "diagnosed", "get better"})


def distress_context(a: Analysis) -> bool:
    """The writer is talking about their own feelings or mental health (or supporting someone
    who is). Swearing and loose hostile words in such a post are not reasons to remove it."""
    cached = a.notes.get("distress")
    if isinstance(cached, bool):
        return cached
    toks = a.doc.tokens
    first = sum(1 for t in toks if t in FIRST_PERSON)
    mh = len(a.get("MH")) + len(a.get("CRISIS")) + len(a.get("CRISIS_WEAK"))
    result = (first >= 1 and mh >= 2) or (first >= 1 and mh >= 1 and len(toks) >= 60)
    if not result and SECOND_PERSON.intersection(toks):
        # Talking someone else through their distress: words about mental health itself,
        # not everyday ones like "life" or "help".
        specific = sum(1 for s, e in a.get("MH") if " ".join(toks[s:e]) not in _EVERYDAY)
        specific += len(a.get("CRISIS")) + len(a.get("CRISIS_WEAK"))
        result = specific >= 2
    a.notes["distress"] = result
    return result

