"""Grammar of praise that a negative word inside it would otherwise spoil: negatives that
are not about the care ("I came in twice", "can't remember her name"), "no words to thank
them" (gratitude put as a denial) and "more than satisfied" (an intensifier, not a request
for more).

`incidental_negatives` returns the negative spans to drop; `gratitude_beyond_words` the
spans of thanks said as a denial (counted like a denied fault: the words inside are not
counted apart); `more_than_praise` the "more" spans that are not suggestions.
"""

from __future__ import annotations

from policy.detectors.base import Analysis, Spans

# Counting words: a complaint only beside a failure ("rang twice and nobody answered").
_REPEATS = frozenset({"twice", "again", "third time"})
_FORGETTING = frozenset({"remember", "recall", "catch", "know", "recollect"})
_NAMES = frozenset({"name", "names", "her", "his", "their"})
# "Words cannot describe how awful ..." is not thanks: a thanks or praise word must follow.
_THANKING = frozenset({"thank", "thanks", "grateful", "gratitude", "praise", "appreciation"})


def _phrase(a: Analysis, s: int, e: int) -> str:
    return " ".join(a.doc.tokens[s:e])


def incidental_negatives(a: Analysis, bad: Spans) -> Spans:
    """Negative spans in `bad` that are not about the care: a count ("seen twice, both
    times brilliant") when nothing else in the post is negative, and a forgotten name
    ("a lovely nurse, can't remember her name"). "Rang twice, nobody answered" keeps its
    count because a failure stands beside it."""
    toks = a.doc.tokens
    out: Spans = []
    others = [(s, e) for s, e in bad if _phrase(a, s, e) not in _REPEATS]
    for s, e in bad:
        if _phrase(a, s, e) in _REPEATS and not others:
            out.append((s, e))
            continue
        after = toks[e : e + 4]
        if _FORGETTING.intersection(after[:2]) and _NAMES.intersection(after):
            out.append((s, e))  # "cannot remember her name"
    return out


def gratitude_beyond_words(a: Analysis) -> Spans:
    """"There are no words to thank the maternity team", "words cannot express how
    grateful we are": gratitude said as a denial is praise. Not "no words of explanation"
    (nothing thanked)."""
    toks = a.doc.tokens
    spans: Spans = []
    for i, t in enumerate(toks):
        if t != "words":
            continue
        lo, hi = a.sentence_range(a.doc.sents[i])
        denied = (i > lo and toks[i - 1] in ("no", "enough")) or (
            toks[i + 1 : i + 2] == ["cannot"] or (toks[i + 1 : i + 2] in (["can"], ["could"])
                                                  and toks[i + 2 : i + 3] == ["not"]))
        window = range(i, min(hi, i + 6))
        thanked = [k for k in window if toks[k] in _THANKING] + [
            e - 1 for s, e in a.get("GOOD") if s in window]
        if denied and thanked:
            spans.append((i - 1 if toks[i - 1] in ("no", "enough") else i, max(thanked) + 1))
    return spans


def more_than_praise(a: Analysis, good: Spans) -> frozenset[int]:
    """Starts of "more" that intensify praise ("more than satisfied", "more than happy with
    the clinic"), so they are not read as asking for more."""
    toks = a.doc.tokens
    starts = {s for s, _ in good}
    return frozenset(i for i, t in enumerate(toks[:-2])
                     if t == "more" and toks[i + 1] == "than"
                     and (i + 2 in starts or i + 3 in starts))


_NEGATORS = frozenset({"not", "never", "cannot"})
_GIVING_UP = frozenset({"give", "gave", "giving", "given"})
_LET = frozenset({"let", "lets", "letting"})
_PEOPLE = frozenset({"me", "us", "him", "her", "them", "my", "our"})
# What one could not have done without the care ("got through", "coped", "survived").
_MANAGED = frozenset({"got", "get", "coped", "cope", "managed", "survived", "made", "done"})
_NOBODY = frozenset({"nobody", "no one", "noone"})
# "can't thank them enough", "cannot praise the crew enough", "can't recommend it enough".
_ENOUGH_OF = frozenset({"thank", "praise", "recommend"})


def praise_said_as_denial(a: Analysis) -> Spans:
    """Praise put as a negative: thanks that cannot be enough ("can't thank the team
    enough"), steadfastness ("they never gave up on me", "never once let us down"), and a
    counterfactual debt ("I couldn't have got through it without the crisis team", "nobody
    could have done more"). Not "they gave up on me" or "I couldn't get through to anyone"
    (no "have ... without"): those are failures."""
    toks = a.doc.tokens
    spans: Spans = []
    for i, t in enumerate(toks):
        if t not in _NEGATORS and t not in _NOBODY:
            continue
        hi = a.sentence_range(a.doc.sents[i])[1]
        after = toks[i + 1 : min(hi, i + 8)]
        if t in _NEGATORS:
            if _ENOUGH_OF.intersection(after[:3]) and "enough" in after:
                spans.append((i, i + 2 + after.index("enough")))
            elif _GIVING_UP.intersection(after[:2]) and "up" in after[:3] and "on" in after[:4]:
                spans.append((i, i + 1 + after.index("on") + 1))
            elif _LET.intersection(after[:2]) and "down" in after[:5] and (
                    _PEOPLE.intersection(after[:4])):
                spans.append((i, i + 1 + after.index("down") + 1))
            elif after[:1] == ["have"] and _MANAGED.intersection(after[1:3]) and (
                    "without" in toks[i + 2 : hi]):
                spans.append((i, toks.index("without", i + 2) + 1))
        elif after[:3] == ["could", "have", "done"] and "more" in after[3:5]:
            spans.append((i, i + 1 + after.index("more") + 1))
    return spans


_KEEP = frozenset({"keep", "continue", "carry"})
# "keep doing what you are doing", "keep it up", "carry on as you are", "continue the good
# work": what follows asks the service to stay as it is. Not "keep me updated" (a request).
_AS_YOU_ARE = frozenset({"doing", "up", "going", "on", "what", "as", "the", "with", "it"})
_STAY = frozenset({"doing", "up", "going", "what", "as", "same", "good", "work", "great",
                   "are", "is", "professionalism"})
_DID = frozenset({"done", "did", "do", "does", "doing", "tried"})
_ALL_THEY_COULD = frozenset({"they", "you", "he", "she", "possible", "possibly", "right",
                             "could", "can", "we", "needed", "asked"})


def stay_as_you_are(a: Analysis) -> Spans:
    """Praise put as a wish that nothing change or as everything done: "keep doing what
    you're doing", "just carry on as you are", "keep up the good work", "they did everything
    they possibly could". Not "keep me updated", "continue the medication" or "did everything
    wrong"."""
    toks = a.doc.tokens
    spans: Spans = []
    for i, t in enumerate(toks):
        if t not in _KEEP and t != "everything":
            continue
        hi = a.sentence_range(a.doc.sents[i])[1]
        after = toks[i + 1 : min(hi, i + 6)]
        if t in _KEEP and after[:1] and after[0] in _AS_YOU_ARE and (
                t != "carry" or after[0] == "on") and _STAY.intersection(after[1:]):
            spans.append((i, i + 1 + len(after)))
        elif t == "everything" and _DID.intersection(toks[max(0, i - 2) : i]) and (
                _ALL_THEY_COULD.intersection(after[:3])) and "wrong" not in after:
            spans.append((i - 1, i + 1 + min(3, len(after))))
    return spans


_NOTHING_ELSE = frozenset({"nothing", "not", "a", "thing", "really", "at", "all", "on", "this",
                           "occasion", "whatsoever", "just", "absolutely", "and", "i", "mean",
                           "none", "honestly", "that", "can", "think", "of", "time"})


def nothing_to_change(a: Analysis) -> Spans:
    """A sentence that is only "nothing" ("Nothing really.", "On this occasion nothing.",
    "Not a thing.") answers "what could we do better?" with praise."""
    toks = a.doc.tokens
    spans: Spans = []
    if a.get("BAD") or a.get("SUGGEST"):
        return spans  # "Nothing really. Letters came late": the rest is the point
    for sent in sorted(set(a.doc.sents)):
        lo, hi = a.sentence_range(sent)
        words = toks[lo:hi]
        if words and ("nothing" in words or words[:3] == ["not", "a", "thing"]) and all(
                w in _NOTHING_ELSE for w in words):
            spans.append((lo, hi))
    return spans
