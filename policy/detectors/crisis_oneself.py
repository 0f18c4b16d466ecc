"""Crisis read from what the writer says of themselves when the listed crisis phrases do not
settle it: suicide or harm to oneself in other words, a wish to be dead, a strong indirect sign
("this is my goodbye"), and indirect cues said of oneself rather than as a topic."""

from __future__ import annotations

from policy.detectors.base import FIRST_PERSON, SECOND_PERSON, Analysis, Hit
from policy.detectors.crisis_context import about_service, in_need
from policy.detectors.crisis_voice import (
    GENERIC_SUBJECTS,
    PRONOUNS_OTHER,
    SPECIFIC,
    denied,
    post_words,
    recovered,
    voice_of,
)
from policy.detectors.scope import negated
from policy.lexicon import crisis_cues

_SUICIDE = frozenset({"suicide", "suicidal", "overdose", "overdosing"})
# Someone else whose suicide a sentence may be about ("my mum committed suicide").
_OTHER_PEOPLE = SPECIFIC | PRONOUNS_OTHER | SECOND_PERSON | GENERIC_SUBJECTS | {
    "friends", "family", "parents", "cousin", "grandma", "grandpa", "ex", "classmate"}


def suicide_of_oneself(a: Analysis) -> list[Hit]:
    """"I was this close to suicide", "suicide is all I think about": suicide named in a
    sentence whose only person is the writer (nobody else whose suicide it could be), not
    negated, not a recovery or awareness story."""
    doc = a.doc
    toks = doc.tokens
    if _SUICIDE.isdisjoint(post_words(a)):
        return []
    for i, t in enumerate(toks):
        if t not in _SUICIDE or doc.quoted[i] or negated(a, i, window=3) or recovered(a, i):
            continue
        lo, hi = a.sentence_range(doc.sents[i])
        words = set(toks[lo:hi])
        group = any(lo <= g < hi for g, _, _ in a.prefixed("G:"))  # "... should all ..."
        if FIRST_PERSON & words and not _OTHER_PEOPLE & words and not group and not a.in_sent(
                "AWARENESS", doc.sents[i]):
            return [Hit("crisis.suicidal", i, i + 1, 0.7)]
    return []


_OWN_BODY = frozenset({"wrists", "wrist", "arms", "arm", "legs", "thighs", "throat", "brains",
                       "head", "skin", "veins", "neck", "stomach"})
_WEAPON = frozenset({"gun", "pistol", "rifle", "shotgun", "bullet", "knife", "blade", "razor",
                     "barrel", "rope", "noose", "pills", "tablets"})
_IN_ME = frozenset({"mouth", "head", "brain", "temple", "neck", "hand", "lap", "throat",
                    "wrist", "wrists", "chest", "skin"})


def harm_to_oneself(a: Analysis) -> list[Hit]:
    """A harmful act the writer does to themselves ("shoot myself", "slash my wrists",
    "strangle myself"), or a weapon at their own body ("the barrel in my mouth"), in the
    writer's voice, not negated, not a recovery story."""
    doc = a.doc
    toks = doc.tokens
    for s, e in a.get("VIOL"):
        nxt = toks[e : e + 3]
        own = nxt[:1] == ["myself"] or (nxt[:1] == ["my"] and len(nxt) > 1
                                         and nxt[1] in _OWN_BODY)
        if not own or negated(a, s, window=3) or recovered(a, s) or denied(a, s):
            continue
        if voice_of(a, s, e) == "self":
            return [Hit("crisis.self_harm", s, min(len(toks), e + 2), 0.75)]
    if _WEAPON.isdisjoint(post_words(a)):
        return []
    for i, t in enumerate(toks):
        if t in _WEAPON and toks[i + 1 : i + 3] and toks[i + 1] in ("in", "to", "against") \
                and toks[i + 2 : i + 3] == ["my"] and toks[i + 3 : i + 4] \
                and toks[i + 3] in _IN_ME and not recovered(a, i):
            return [Hit("crisis.suicidal", i, i + 4, 0.75)]
    return []


_HELPED = frozenset({"helped", "managed", "got", "saw", "stayed"})


def strong_indirect(a: Analysis) -> list[Hit]:
    """One strong indirect sign (finality, plans and means, a past attempt, being a burden,
    hopelessness) said by the writer of themselves: "I" in the sentence, not negated
    ("you are not a burden") and not a recovery story."""
    doc = a.doc
    toks = doc.tokens
    for s, e in a.get("CRISIS_IND"):
        # "I never once felt like a burden": the denial may stand further from the noun.
        window = 5 if "burden" in toks[s:e] else 2
        if doc.quoted[s] or negated(a, s, window=window) or recovered(a, s):
            continue  # quoted: an example of such thoughts, not the writer's own
        if voice_of(a, s, e) != "self":
            continue
        if "burden" in toks[s:e] and about_service(a, s, e):
            continue  # "I felt a burden to the staff on the ward": a complaint of care
        if "night" in toks[s:e] and not in_need(a, s) and _HELPED & set(toks[max(0, s - 4):s]):
            continue  # "the nurse helped me get through the night": thanks
        lo, hi = a.sentence_range(doc.sents[s])
        if not FIRST_PERSON & set(toks[lo:hi]) and hi - lo > 6:
            continue  # "the parking is a burden": a long sentence about no one in particular
        return [Hit("crisis.indirect", s, e, 0.75)]
    return []


_VOCABULARY = frozenset(crisis_cues.VOCABULARY)
_STATES = frozenset(crisis_cues.STATE_WORDS)


# Before a condition word, these make it a topic or someone else's ("a talk on depression",
# "her anxiety"), not the writer's own state ("my depression").
_TOPIC_BEFORE = frozenset({"on", "about", "regarding", "re", "around", "into", "his", "her",
                           "their"})
# After it, a service, place or event named by the condition ("pain clinic", "depression
# and anxiety service", "anxiety workshop").
_TOPIC_AFTER = frozenset({"service", "services", "clinic", "clinics", "team", "teams", "ward",
                          "unit", "group", "groups", "talk", "talks", "course", "courses",
                          "awareness", "charity", "week", "month", "day", "nurse", "nurses",
                          "management", "workshop", "workshops", "relief", "research",
                          "leaflet", "app", "line", "helpline", "help", "specialist", "specialists",
                          "doctor", "doctors", "consultant", "hip", "leg", "arm", "bone",
                          "wrist", "ankle", "tooth", "clock", "phone", "screen", "window"})


def _as_topic(toks: list[str], lo: int, hi: int, s: int, e: int) -> bool:
    """The word names a subject, a service or a thing, not the writer's state."""
    if s > lo and toks[s - 1] in _TOPIC_BEFORE:
        return True
    after = toks[e : min(hi, e + 4)]
    if after[:1] and after[0] in _TOPIC_AFTER:
        return True
    # "depression and anxiety service": a second condition word, then the service noun
    return len(after) >= 3 and after[0] in ("and", "&") and after[2] in _TOPIC_AFTER


def indirect(a: Analysis) -> list[Hit]:
    """Several weaker signs of the writer's own risk ("hopeless", "a burden", "no way out").

    A person's own risk, not vocabulary: the names of conditions, treatments, services and
    plain words ("depression", "therapist", "pain", "broken") count only in a sentence where
    the writer speaks of themselves ("I am so depressed", "my depression"), and at least one
    sign must be a risk (in the writer's voice) or a state the writer says they are in, so
    topic words alone ("my therapist changed my meds") never make crisis.
    """
    doc = a.doc
    toks = doc.tokens
    cues: dict[str, tuple[int, int]] = {}
    used: set[int] = set()
    no_you = not SECOND_PERSON & set(toks)
    people = {s for s, _ in a.get("TARGET")} | {s for s, _, _ in a.prefixed("G:")}
    risk = state = False
    for s, e in sorted(a.get("CRISIS_WEAK"), key=lambda sp: sp[0] - sp[1]):  # longest first
        if doc.quoted[s] or negated(a, s, window=2) or recovered(a, s):
            continue
        if used & set(range(s, e)):
            continue  # "a gun" and "gun" are one sign, not two
        words = " ".join(toks[s:e])
        voice = voice_of(a, s, e)
        lo, hi = a.sentence_range(doc.sents[s])
        if words in _VOCABULARY:
            if voice != "self" or _as_topic(toks, lo, hi, s, e):
                continue  # "a talk on depression", "the pain clinic": nobody's own risk
            state = state or words in _STATES
        elif not (voice == "self" or (voice == "none" and no_you
                                      and not any(lo <= p < hi for p in people))):
            continue
        else:
            risk = True
        used.update(range(s, e))
        cues.setdefault(words, (s, e))
    if (risk or state) and len(cues) >= 2:
        spans = sorted(cues.values())
        return [Hit("crisis.indirect", spans[0][0], spans[0][1], 0.6,
                    note=", ".join(sorted(cues)))]
    return []
