"""Crisis: suicidal intent, self-harm and risk to life, including indirect phrasing.

Crisis always goes to a person with the crisis template. It is judged from the speaker's own
voice (I, me, my, or a sentence with no subject: "can't go on"); advice to someone else
("if you feel suicidal, call ...") and recovery stories ("I used to self-harm") are not crisis.
"""

from __future__ import annotations

from policy.detectors.base import FIRST_PERSON, SECOND_PERSON, Analysis, Hit
from policy.detectors.crisis_acts import about_service, crisis_acts, in_need
from policy.detectors.crisis_speech import crisis_in_grammar
from policy.detectors.scope import negated
from policy.lexicon import crisis_cues, harm

RULES = ("crisis.suicidal", "crisis.self_harm", "crisis.indirect", "crisis.risk_to_others")

PHRASES: dict[str, tuple[str, ...]] = {
    "CRISIS": harm.CRISIS_EXPLICIT,
    "CRISIS_WEAK": harm.CRISIS_WEAK,
    "CRISIS_OTHER": harm.CRISIS_OTHERS,
    "CRISIS_IND": crisis_cues.CRISIS_INDIRECT,
    # Recovery, not just the past: "I attempted suicide years ago" still matters;
    # "three years clean, now I run a peer group" is a recovery story.
    "RECOVERY": ("recovered", "recovery", "in recovery", "survivor", "no longer",
                 "got better", "clean for", "years clean", "months clean", "free for",
                 "graduated", "now i run", "doing well", "doing great",
                 "better now",
                 "much better", "proud", "thriving", "happy now", "saved my life",
                 "turned my life around", "came out the other side", "peer support"),
    "AWARENESS": ("awareness", "prevention", "campaign", "charity", "fundraiser",
                  "fundraising", "research", "statistics", "rates", "training", "webinar",
                  "article", "documentary", "podcast", "study", "talk about suicide",
                  "world suicide prevention day", "lecture", "course", "module",
                  "support a friend", "support someone", "how can i support", "how can i help",
                  "how do i help", "how to help", "how to support", "what should i do if",
                  "if someone tells", "if someone says", "signs that someone"),
}

_SELF_HARM_WORDS = frozenset({"cut", "cutting", "harm", "harming", "harmed", "hurt",
                              "hurting", "burn", "burning", "starve", "wrists", "wrist"})
_INDIRECT_WORDS = frozenset({"goodbye", "tomorrow", "around", "without", "miss", "note",
                             "post", "tweet", "forever", "anymore", "longer", "reason",
                             "point", "nothing", "funeral", "exist", "existing", "stockpiling",
                             "stockpiled", "saved"})
_OTHERS = frozenset({
    "he", "she", "they", "him", "her", "them", "his", "friend", "friends", "son", "daughter",
    "mum", "mother", "dad", "father", "brother", "sister", "partner", "husband", "wife",
    "boyfriend", "girlfriend", "someone", "somebody", "person", "man", "woman", "child", "kid",
    "people", "patient", "neighbour", "colleague", "mate", "cousin", "uncle", "aunt", "nan",
    "grandad",
})
_THIRD = frozenset({"himself", "herself", "themselves", "his", "her", "their"})
_SPECIFIC = frozenset({
    "he", "she", "friend", "son", "daughter", "mum", "mother", "dad", "father", "brother",
    "sister", "partner", "husband", "wife", "boyfriend", "girlfriend", "child", "kid",
    "neighbour", "colleague", "mate", "cousin", "uncle", "aunt", "nan", "grandad", "man",
    "woman", "girl", "boy", "lad", "flatmate", "housemate", "student", "teenager",
})
_GENERIC = frozenset({"people", "anyone", "someone", "somebody", "everyone", "those", "when",
                      "if", "whenever", "who", "often", "many", "most", "some"})
_PRONOUNS_OTHER = frozenset({"he", "she", "they", "him", "her", "them", "his", "someone",
                             "somebody", "people", "person"})
# Subjects that make a statement general ("people who kill themselves", "we tend to forget
# when feeling suicidal", "women are more likely to attempt suicide").
_GENERIC_SUBJECTS = frozenset({"we", "us", "humans", "anyone", "anybody", "everyone",
                               "everybody", "nobody", "women", "men", "teenagers", "kids"})
# "suicidal friends", "the suicidal side": the word describes someone or something else.
_DESCRIBED = frozenset({"friend", "friends", "person", "people", "side", "patient", "patients",
                        "man", "woman", "men", "women", "teen", "teens", "kids", "users",
                        "individuals", "clients", "relative", "relatives", "member", "members",
                        "brother", "sister", "son", "daughter", "partner", "part"})
# "I would never actually kill myself", "I don't think I'll attempt suicide": a denial.
_DENIALS = (("would", "never"), ("will", "never"), ("could", "never"), ("think", "i", "will"))
_SUBJECT_SKIP = frozenset({"really", "just", "honestly", "so", "seriously", "literally",
                           "actually", "kinda", "still", "and", "but", "sometimes", "often",
                           "to", "feel", "like", "feeling", "going", "gonna"})


def _voice(a: Analysis, s: int, e: int) -> str:
    """Whose words these are: 'self', 'other' (you, he, my friend) or 'none'."""
    toks = a.doc.tokens
    if FIRST_PERSON & set(toks[s:e]):
        return "self"
    lo = a.sentence_range(a.doc.sents[s])[0]
    for i in range(s - 1, max(lo, s - 7) - 1, -1):
        t = toks[i]
        if t in ("my", "our") and i + 1 < s and toks[i + 1] in _SPECIFIC:
            return "other"  # "my son bought a gun": the son is the subject, not the writer
        if t in FIRST_PERSON:
            return "self"
        if t in SECOND_PERSON or t in _PRONOUNS_OTHER or t in _GENERIC_SUBJECTS:
            return "other"
    # The nearest pronoun decides; relatives and friends named earlier do not.
    for i in range(max(lo, s - 7) - 1, lo - 1, -1):
        if toks[i] in FIRST_PERSON:
            return "self"
        if toks[i] in SECOND_PERSON or toks[i] in _PRONOUNS_OTHER:
            return "other"
    # "Can't go on." / "Want to die." - no subject: the speaker.
    hi = a.sentence_range(a.doc.sents[s])[1]
    if all(t in _SUBJECT_SKIP or t in ("can", "not", "do", "want", "will")
           for t in toks[lo:s]):
        return "self"
    if not (FIRST_PERSON | SECOND_PERSON | _PRONOUNS_OTHER) & set(toks[lo:hi]):
        return "self"  # a sentence with no person in it at all
    return "none"


def _recovered(a: Analysis, s: int) -> bool:
    """A recovery story anywhere in a short post, or a recovery or awareness word near the
    phrase ("did my research" is a plan, not an awareness post)."""
    if len(a.doc.tokens) <= 40 and a.get("RECOVERY"):
        return True
    return bool(a.near("RECOVERY", s, s + 1, 8, 8) or a.near("AWARENESS", s, s + 1, 6, 6))


def _denied(a: Analysis, s: int) -> bool:
    """"I would never (actually) kill myself", "I don't think I'll attempt suicide"."""
    toks = a.doc.tokens
    lo = a.sentence_range(a.doc.sents[s])[0]
    before = " ".join(toks[max(lo, s - 5) : s])
    return any(" ".join(d) in before for d in _DENIALS) and "not" not in toks[s - 1 : s]


def _rule_for(words: list[str]) -> str:
    if _SELF_HARM_WORDS & set(words) or words[:1] == ["self"]:
        return "crisis.self_harm"
    if _INDIRECT_WORDS & set(words):
        return "crisis.indirect"
    return "crisis.suicidal"


def detect(a: Analysis) -> list[Hit]:
    doc = a.doc
    toks = doc.tokens
    hits: list[Hit] = []
    for s, e in a.get("CRISIS"):
        # Only "not suicidal" is a denial; "I didn't kill myself tonight" is still crisis.
        # Quoted words still count: a person quoting themselves, or someone else, in crisis.
        if toks[s] == "suicidal" and s > 0 and (toks[s - 1] in ("not", "never")
                                                or negated(a, s, window=3)):
            continue  # "I have never been suicidal"
        if e < len(toks) and toks[e] in _DESCRIBED and doc.sents[e] == doc.sents[s]:
            continue  # "my suicidal friend": someone else, judged by CRISIS_OTHER
        voice = _voice(a, s, e)
        if voice != "self" or _recovered(a, s) or _denied(a, s):
            continue
        lo, hi = a.sentence_range(doc.sents[s])
        if e < hi and toks[e] == "than" and any(lo <= g < hi and g > s
                                                for g, _, _ in a.prefixed("G:")):
            continue  # "I would rather die than date a ...": a hateful idiom, not crisis
        if "if" in toks[lo:s] and any(lo <= g < s for g, _, _ in a.prefixed("G:")):
            continue  # "If I woke up as a woman I would kill myself": contempt, not intent
        hits.append(Hit(_rule_for(toks[s:e]), s, e, 0.9))
        break
    for s, e in a.get("CRISIS_OTHER"):
        if doc.quoted[s] or negated(a, s, window=2) or _recovered(a, s):
            continue
        lo = a.sentence_range(doc.sents[s])[0]
        # A particular person ("my brother", "she", "a man on the bridge"), not people in
        # general ("when someone is suicidal", "people who kill themselves").
        near = set(toks[max(lo, s - 6) : s])
        someone = bool(_SPECIFIC & near) and not _GENERIC & near
        if someone and not SECOND_PERSON & set(toks[max(0, s - 3) : s]):
            hits.append(Hit("crisis.risk_to_others", s, e, 0.8))
            break
    if not hits:
        hits.extend(_suicide_of_oneself(a))
    if not hits:
        hits.extend(_harm_to_oneself(a))
    if not hits:
        hits.extend(_death_wish(a))
    if not hits:
        hits.extend(_strong_indirect(a))
    if not hits:
        hits.extend(_indirect(a))
    if not hits:
        hits.extend(crisis_in_grammar(a, lambda s, e: _own_words(a, s, e)))
    if not hits:
        hits.extend(crisis_acts(a, lambda s, e: _own_words(a, s, e)))
    a.notes["crisis"] = bool(hits)  # read by feedback: distress is not a complaint
    return hits


def _own_words(a: Analysis, s: int, e: int) -> bool:
    """The writer speaking of themselves now: not quoted, not a recovery story, not a
    denial, and nobody else the sentence is about."""
    return (not a.doc.quoted[s] and not _recovered(a, s) and not _denied(a, s)
            and _voice(a, s, e) == "self")


def _words(a: Analysis) -> frozenset[str]:
    """The post's distinct words, once per post (several rules look before they loop)."""
    found = a.notes.get("_words")
    if not isinstance(found, frozenset):
        found = a.notes["_words"] = frozenset(a.doc.tokens)
    return found


_SUICIDE = frozenset({"suicide", "suicidal", "overdose", "overdosing"})
# Someone else whose suicide a sentence may be about ("my mum committed suicide").
_OTHER_PEOPLE = _SPECIFIC | _PRONOUNS_OTHER | SECOND_PERSON | _GENERIC_SUBJECTS | {
    "friends", "family", "parents", "cousin", "grandma", "grandpa", "ex", "classmate"}


def _suicide_of_oneself(a: Analysis) -> list[Hit]:
    """"I was this close to suicide", "suicide is all I think about": suicide named in a
    sentence whose only person is the writer (nobody else whose suicide it could be), not
    negated, not a recovery or awareness story."""
    doc = a.doc
    toks = doc.tokens
    if _SUICIDE.isdisjoint(_words(a)):
        return []
    for i, t in enumerate(toks):
        if t not in _SUICIDE or doc.quoted[i] or negated(a, i, window=3) or _recovered(a, i):
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


def _harm_to_oneself(a: Analysis) -> list[Hit]:
    """A harmful act the writer does to themselves ("shoot myself", "slash my wrists",
    "strangle myself"), or a weapon at their own body ("the barrel in my mouth"), in the
    writer's voice, not negated, not a recovery story."""
    doc = a.doc
    toks = doc.tokens
    for s, e in a.get("VIOL"):
        nxt = toks[e : e + 3]
        own = nxt[:1] == ["myself"] or (nxt[:1] == ["my"] and len(nxt) > 1
                                         and nxt[1] in _OWN_BODY)
        if not own or negated(a, s, window=3) or _recovered(a, s) or _denied(a, s):
            continue
        if _voice(a, s, e) == "self":
            return [Hit("crisis.self_harm", s, min(len(toks), e + 2), 0.75)]
    if _WEAPON.isdisjoint(_words(a)):
        return []
    for i, t in enumerate(toks):
        if t in _WEAPON and toks[i + 1 : i + 3] and toks[i + 1] in ("in", "to", "against") \
                and toks[i + 2 : i + 3] == ["my"] and toks[i + 3 : i + 4] \
                and toks[i + 3] in _IN_ME and not _recovered(a, i):
            return [Hit("crisis.suicidal", i, i + 4, 0.75)]
    return []


_WISHING = frozenset({"wish", "want", "wanted", "rather", "hope", "pray", "praying", "longing",
                      "long", "wishing", "hoping", "prefer", "off"})  # "better off dead"
_DEATH_STATE = frozenset({"dead", "die", "gone", "born", "exist", "existing", "alive"})
_NO_POINT = frozenset({"point", "reason", "purpose", "sense"})
_LIVING = frozenset({"living", "live", "alive", "existing", "exist", "on", "here", "carrying"})


def _death_wish(a: Analysis) -> list[Hit]:
    """The writer wishes to be dead or never to have been ("I wish I were dead", "I'd rather
    be gone", "I would be better off dead"), or sees no point in living ("there's no reason
    for me to live"); nobody else is the one wished dead."""
    doc = a.doc
    toks = doc.tokens
    words = _words(a)
    for i, t in enumerate(toks if not _DEATH_STATE.isdisjoint(words) else ()):
        if t not in _DEATH_STATE:
            continue
        lo = a.sentence_range(doc.sents[i])[0]
        before = toks[max(lo, i - 6) : i]
        others = (_PRONOUNS_OTHER | SECOND_PERSON | _SPECIFIC) & set(before)
        if others or not FIRST_PERSON & set(toks[lo:i]) or not _WISHING & set(before):
            continue
        if t in ("born", "exist", "existing", "alive") and not {"never", "not", "no"} & set(
                before):
            continue  # "I wish I was born earlier", "I want to be alive": not a death wish
        if negated(a, i, window=3) and t not in ("born", "exist", "existing", "alive"):
            continue
        if doc.quoted[i] or _recovered(a, i) or _denied(a, i):
            continue
        return [Hit("crisis.suicidal", max(lo, i - 6), i + 1, 0.75)]
    for i, t in enumerate(toks if not _NO_POINT.isdisjoint(words) else ()):
        if t not in _NO_POINT or i == 0 or toks[i - 1] not in ("no", "any", "zero"):
            continue
        lo, hi = a.sentence_range(doc.sents[i])
        after = toks[i + 1 : min(hi, i + 7)]
        if _LIVING & set(after) and FIRST_PERSON & set(toks[lo:hi]) | {"im"} & set(
                toks[lo:hi]) and not _recovered(a, i):
            return [Hit("crisis.indirect", i - 1, min(hi, i + 7), 0.75)]
    return []


_HELPED = frozenset({"helped", "managed", "got", "saw", "stayed"})


def _strong_indirect(a: Analysis) -> list[Hit]:
    """One strong indirect sign (finality, plans and means, a past attempt, being a burden,
    hopelessness) said by the writer of themselves: "I" in the sentence, not negated
    ("you are not a burden") and not a recovery story."""
    doc = a.doc
    toks = doc.tokens
    for s, e in a.get("CRISIS_IND"):
        # "I never once felt like a burden": the denial may stand further from the noun.
        window = 5 if "burden" in toks[s:e] else 2
        if doc.quoted[s] or negated(a, s, window=window) or _recovered(a, s):
            continue  # quoted: an example of such thoughts, not the writer's own
        if _voice(a, s, e) != "self":
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


def _indirect(a: Analysis) -> list[Hit]:
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
        if doc.quoted[s] or negated(a, s, window=2) or _recovered(a, s):
            continue
        if used & set(range(s, e)):
            continue  # "a gun" and "gun" are one sign, not two
        words = " ".join(toks[s:e])
        voice = _voice(a, s, e)
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
