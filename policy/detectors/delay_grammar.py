"""Grammar of time: a delay told as how long something took ("took ages to get through",
"it took over an hour for the ambulance"), a step that did not happen until late ("the
transport did not arrive until 10am"), and a request that the service be quicker ("get to
the patient quicker", "answer the phone sooner").

A delay told this way is itself an experience of the service, with or without a service
named; "it only took ten minutes" and "she took time to listen" are not delays.
"""

from __future__ import annotations

from policy.detectors.base import Analysis, Spans

_TOOK = frozenset({"took", "takes", "take", "taking", "taken"})
_LONG = frozenset({"ages", "forever", "while", "lifetime", "long", "eternity"})
_UNITS = frozenset({"hours", "hour", "hrs", "hr", "days", "day", "weeks", "week", "months",
                    "month", "years", "year"})
_MINUTES = frozenset({"minutes", "mins", "min"})
_OVER = frozenset({"over", "almost", "nearly", "more", "least", "around", "about", "another",
                   "further", "extra"})
# "only took ten minutes", "took no time at all", "did not take long": quick, not a delay.
_QUICK = frozenset({"only", "just", "no", "not", "less", "under", "within", "never", "barely",
                    "hardly"})
# What may stand between "took" and how long ("took a very long time", "took us over an hour").
_BETWEEN = frozenset({"a", "an", "very", "really", "so", "too", "far", "way", "us", "me",
                      "them", "him", "her", "quite", "such", "the", "ambulance", "it"})
# After "not ... until": a time ("until around 10am", "until the next day").
_TIMES = frozenset({"afternoon", "morning", "evening", "night", "tomorrow", "later", "next",
                    "after", "around", "about", "gone", "past", "midnight", "lunchtime",
                    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                    "sunday", "the", "last"})
_SPEED = frozenset({"quicker", "sooner", "faster", "earlier", "quieter"})
_NEGATORS = frozenset({"not", "never", "no", "cannot", "nothing"})


def _number(tok: str) -> int | None:
    digits = "".join(ch for ch in tok if ch.isdigit())
    return int(digits) if digits and digits == tok else None


def _long_enough(toks: list[str], j: int) -> bool:
    """How long, from token j: "ages", "a long time", "2 hours", "45 minutes", "over 20 mins"."""
    t = toks[j]
    if t in _LONG or t in _UNITS or t.endswith(("hrs", "hours")):
        return True
    n = _number(t)
    if n is not None and j + 1 < len(toks):
        unit = toks[j + 1]
        if unit in _UNITS:
            return True
        if unit in _MINUTES:
            return n >= 30 or (j > 0 and toks[j - 1] in _OVER)
    return False


def delay_told(a: Analysis) -> Spans:
    """"Took ages to get through", "it took over 2 hours for the crew to arrive", "the
    transport did not arrive until 10am", "was not seen until the next day". Not "it only
    took 10 minutes", "she took time to listen" or "don't rush until you are ready"."""
    toks = a.doc.tokens
    sents = a.doc.sents
    spans: Spans = []
    for i, t in enumerate(toks):
        if t in _TOOK:
            if _QUICK.intersection(toks[max(0, i - 2) : i]):
                continue
            j = i + 1
            while j < len(toks) and sents[j] == sents[i] and j - i < 5:
                if toks[j] in _QUICK:
                    break
                if toks[j] in _OVER or toks[j] in _BETWEEN:
                    j += 1
                    continue
                if _long_enough(toks, j):
                    spans.append((i, j + 1))
                break
        elif t == "until" and i + 1 < len(toks) and sents[i + 1] == sents[i]:
            lo = a.sentence_range(sents[i])[0]
            after = toks[i + 1]
            if "not" in toks[max(lo, i - 6) : i] and (after in _TIMES
                                                      or _number(after[:1]) is not None):
                spans.append((toks.index("not", max(lo, i - 6)), i + 2))
    return spans


def asks_for_speed(a: Analysis) -> Spans:
    """A sentence that ends in "quicker", "sooner" or "earlier" asks for the service to be
    quicker: "get to the patient quicker", "answered the phone sooner", "start the treatment
    earlier". Not "could not have come quicker" (praise), nor "quicker than expected"."""
    toks = a.doc.tokens
    spans: Spans = []
    for sent in sorted(set(a.doc.sents)):
        lo, hi = a.sentence_range(sent)
        last = hi - 1
        if hi - lo < 3 or toks[last] not in _SPEED:
            continue
        if _NEGATORS.intersection(toks[lo:last]):
            continue
        spans.append((last, hi))
    return spans
