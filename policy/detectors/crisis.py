"""Crisis: suicidal intent, self-harm and risk to life, including indirect phrasing.

Crisis always goes to a person with the crisis template. It is judged from the speaker's own
voice (I, me, my, or a sentence with no subject: "can't go on"); advice to someone else
("if you feel suicidal, call ...") and recovery stories ("I used to self-harm") are not crisis.
"""

from __future__ import annotations

from policy.detectors.base import SECOND_PERSON, Analysis, Hit
from policy.detectors.crisis_acts import crisis_acts
from policy.detectors.crisis_death_wish import death_wish
from policy.detectors.crisis_harm_thoughts import thoughts_of_harming
from policy.detectors.crisis_oblique import oblique_crisis
from policy.detectors.crisis_oneself import (
    harm_to_oneself,
    indirect,
    strong_indirect,
    suicide_of_oneself,
)
from policy.detectors.crisis_speech import crisis_in_grammar
from policy.detectors.crisis_voice import (
    DESCRIBED,
    GENERIC,
    SPECIFIC,
    denied,
    own_words,
    recovered,
    voice_of,
)
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
        if e < len(toks) and toks[e] in DESCRIBED and doc.sents[e] == doc.sents[s]:
            continue  # "my suicidal friend": someone else, judged by CRISIS_OTHER
        voice = voice_of(a, s, e)
        if voice != "self" or recovered(a, s) or denied(a, s):
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
        if doc.quoted[s] or negated(a, s, window=2) or recovered(a, s):
            continue
        if any(h.start <= s < h.end for h in hits):
            continue  # "my suicidal thoughts", already read as the writer's own
        lo = a.sentence_range(doc.sents[s])[0]
        # A particular person ("my brother", "she", "a man on the bridge"), not people in
        # general ("when someone is suicidal", "people who kill themselves").
        near = set(toks[max(lo, s - 6) : s])
        someone = bool(SPECIFIC & near) and not GENERIC & near
        if someone and not SECOND_PERSON & set(toks[max(0, s - 3) : s]):
            hits.append(Hit("crisis.risk_to_others", s, e, 0.8))
            break
    if not hits:
        hits.extend(thoughts_of_harming(a))
    if not hits:
        hits.extend(suicide_of_oneself(a))
    if not hits:
        hits.extend(harm_to_oneself(a))
    if not hits:
        hits.extend(death_wish(a))
    if not hits:
        hits.extend(strong_indirect(a))
    if not hits:
        hits.extend(indirect(a))
    if not hits:
        hits.extend(crisis_in_grammar(a, lambda s, e: own_words(a, s, e)))
    if not hits:
        hits.extend(crisis_acts(a, lambda s, e: own_words(a, s, e)))
    if not hits:
        hits.extend(oblique_crisis(a, lambda s, e: own_words(a, s, e)))
    a.notes["crisis"] = bool(hits)  # read by feedback: distress is not a complaint
    return hits
