"""Violence: threats and incitement against others.

Harm to oneself is crisis, never violence: a violent word needs a target that is another
person or a group ("kill myself" has none), and the engine drops violence whenever crisis fires.
"""

from __future__ import annotations

from policy.detectors.agents import done_by_a_thing
from policy.detectors.base import Analysis, Hit, distress_context
from policy.detectors.intent import (
    harm_suffered,
    reader_warned,
    wishes_own_death,
    writer_intends,
)
from policy.detectors.scope import counter_speech, negated
from policy.detectors.targets import is_target, place_after, target_after, target_before
from policy.detectors.violence_grammar import (
    SUBJECTS,
    armed_threat,
    conditional,
    self_subject,
    told_to,
)
from policy.lexicon import agents, harm

RULES = ("violence.threat", "violence.incitement", "violence.wish_harm")

PHRASES: dict[str, tuple[str, ...]] = {
    "TARGET": harm.PERSON_TARGETS,
    "PLACE": harm.PLACE_TARGETS,
    "VSAFE": ("hang out", "hanging out", "hang in there", "hang on", "hung out", "hang around",
              "suffer from", "suffering from", "suffers from", "suffered from", "burn bridges",
              "burn some bridges", "burn the bridges", "drown out", "drown them out",
              "drowned out", "drown it out", "kill the pain", "killing the pain",
              "asthma attack", "heart attack", "panic attack", "panic attacks",
              "anxiety attack", "anxiety attacks", "attack of", "kill time", "killing time",
              "dressed to kill", "killing it", "killed it", "shot of", "flu shot",
              "booster shot", "photo shoot", "shoot me an email", "shoot me a message",
              "shoot you an", "shoot you a", "burn out", "burnt out", "burned out",
              "burning out", "bomb site", "kill for a", "smash it", "smashed it"),
    # Acts that are violent only when done to a body ("break her neck", not "break the news").
    "VBODY": ("break", "snap", "crack", "bust", "smash in", "cave in", "rip off", "gouge"),
    "ARMED": harm.ARMED,
    # A medicine, chemical or the weather as the subject: "the antibiotics will kill them".
    "AGENT": agents.NON_HUMAN_AGENTS,
    "VNOUN": ("execution", "executions", "extermination", "eradication", "genocide",
              "annihilation", "lynching", "lynchings", "final solution", "firing squad",
              "gas chamber", "gas chambers"),
}

_FIRST = frozenset({"i", "we"})
_FUTURE = frozenset({"will", "going", "gonna", "want", "shall", "would", "could", "gon",
                     "about", "start", "starting", "keep", "begin", "gotta"})
# Past tense tells of something that happened ("someone would have died"), not a threat,
# unless passive after should/deserve ("should be shot").
_PAST = frozenset({"killed", "murdered", "slaughtered", "exterminated", "eradicated",
                   "wiped out", "gassed", "hanged", "hung", "lynched", "shot", "stabbed",
                   "beheaded", "burned", "burnt", "executed", "tortured", "raped", "beaten",
                   "battered", "punched", "harmed", "attacked", "strangled", "drowned",
                   "bombed", "smashed", "kicked", "butchered", "assaulted", "choked",
                   "died", "eliminated", "annihilated", "hurt", "cut", "beat"})
_NORMATIVE = frozenset({"should", "ought", "must", "need", "needs", "deserve", "deserves",
                        "let", "hope", "wish", "love", "better"})
_WISH = frozenset({"hope", "wish", "pray", "love"})
_IN_PHRASE_TARGETS = frozenset({"you", "your", "yourself", "yourselves", "them", "him", "her",
                                "they", "he", "she", "his", "their"})
_PASSIVE = frozenset({"be", "been", "being", "get", "got", "getting"})
# Verbs whose victim is their subject ("you will die", "those women suffer").
_SUBJECT_VICTIM = frozenset({"die", "dies", "died", "dead", "death", "suffer", "burn", "rot"})
# Acts against a place ("burn that place down", "blow up the clinic"): a threat to the people
# in it, so a place is a target for these verbs only.
_DESTROY = frozenset({"burn", "torch", "bomb", "blow", "nuke", "set", "petrol", "firebomb"})
# Past forms that are also the present ("I'm going to hurt her", "I will cut you").
_PRESENT_TOO = frozenset({"hurt", "cut", "beat", "shot", "put", "set", "hit"})
_INFINITIVE = frozenset({"to", "will", "would", "shall", "can", "could", "might", "must",
                         "gonna", "should", "i", "we", "and"})
_MENACE = frozenset({"watch", "know", "coming", "find", "dead"})
_REFLEXIVE = frozenset({"yourself", "yourselves", "myself", "himself", "herself", "themselves",
                        "ourselves", "itself"})


# "You will die waiting for a bed": a complaint about waiting, not a threat.
_WAITING = frozenset({"waiting", "wait", "queue", "list", "lists", "before", "because"})


def detect(a: Analysis) -> list[Hit]:
    doc = a.doc
    toks = doc.tokens
    hits: list[Hit] = []
    for s, e in a.get("THREAT"):
        if counter_speech(a, s) or negated(a, s) or done_by_a_thing(a, s):
            continue
        phrase = toks[s:e]
        if {"yourself", "yourselves"} & set(phrase) and not told_to(a, s):
            continue  # talk about self-harm ("enough to kill yourself"), not an order
        if phrase[-1] in ("of", "to") and not target_after(a, e):
            continue  # "kick the shit out of everything"
        if (not set(phrase) & _IN_PHRASE_TARGETS and self_subject(a, s)
                and not (target_after(a, e) or place_after(a, e))):
            continue  # "I deserve to die": crisis, never violence
        lo = a.sentence_range(doc.sents[s])[0]
        if conditional(toks, max(lo, s - 3), s):
            continue  # "it will matter when you're dead"
        if toks[lo] == "no" and s - lo <= 8:
            continue  # "no woman deserves to die"
        if phrase[0] in _WISH or "yourself" in phrase:
            rule = "violence.wish_harm"
        elif _FIRST & set(toks[max(0, s - 4) : s]) or _MENACE & set(phrase):
            rule = "violence.threat"  # "I know where you live", "she'd better watch her back"
        else:
            rule = "violence.incitement"
        hits.append(Hit(rule, s, e, 0.85))
    denied = [(ts, te) for ts, te in a.get("THREAT") if negated(a, ts)]
    hits.extend(armed_threat(a))
    for s, e in a.get("VIOL") + a.get("VNOUN") + a.get("VBODY"):
        if counter_speech(a, s) or negated(a, s) or done_by_a_thing(a, s):
            continue
        if harm_suffered(a, s):
            continue  # "patients who were attacked": a harm they suffered, no threat
        if any(ts <= s < te for ts, te in denied):
            continue  # inside a denied threat phrase: "don't think you deserve to die"
        lo = a.sentence_range(doc.sents[s])[0]
        before = toks[max(lo, s - 8) : s]
        if {"nobody", "noone"} & set(before) or "no one" in " ".join(before):
            continue  # "no one should be hurt"
        if before[:1] == ["no"] or (s - lo <= 8 and toks[lo] == "no"):
            continue  # "no disabled person ought to be executed"
        word = toks[s]
        # "I will ...", "we are going to ...": the writer is the subject of the act.
        # Another person named after "I" is the nearer subject ("I'm worried the staff will
        # hurt my mum"), unless the writer's own intention came first (writer_intends).
        subj = [t if t in SUBJECTS else "" for i, t in enumerate(before, s - len(before))
                if t in SUBJECTS or is_target(a, i)]
        has_first = ((bool(subj) and subj[-1] in _FIRST and bool(_FUTURE & set(before)))
                     or writer_intends(a, s))
        # Told to the reader: only outside a story of distress ("you will die one day too").
        warned = (reader_warned(a, s) and not a.has_token(_WAITING, lo, s + 8)
                  and not distress_context(a))
        normative = bool(_NORMATIVE & set(before)) or any(
            toks[i] == "if" and toks[i + 1] == "only" for i in range(lo, s - 1)
        )  # "if only someone would ...": a wish
        # "should be shot", "get hurt"; not "there will be a bomb".
        passive = s > lo and (toks[s - 1] in _PASSIVE or (
            s - 2 >= lo and toks[s - 2] in _PASSIVE and toks[s - 1] not in ("a", "an", "the")))
        imperative = s == lo or (s - lo <= 2 and set(before) <= {"just", "go", "please", "and"})
        present = word in _PRESENT_TOO and s > lo and toks[s - 1] in _INFINITIVE
        if word in _PAST and not passive and not present and " ".join(toks[s:e]) in _PAST:
            continue
        if a.in_sent("VSAFE", doc.sents[s]):
            continue  # "asthma attack", "heart attack"
        if conditional(toks, max(lo, s - 4), s):
            continue  # "if you should die", "when they die": not a call to harm
        if not has_first and conditional(toks, lo, s):
            continue  # "If you want to murder someone, you could kill them": a hypothetical
        wisher = next((toks[i - 1] for i in range(max(lo + 1, s - 6), s) if toks[i] in _WISH),
                      None)
        if wisher in ("you", "he", "she", "they"):
            continue  # "I know you wish you could just die": their wish, not the writer's
        if e < len(toks) and (toks[e] in _REFLEXIVE or toks[e : e + 2] == ["your", "self"]):
            continue  # "going to kill yourself": self-harm talk, never violence
        acts_on = target_after(a, e) or (word in _DESTROY and place_after(a, e))
        if word in _SUBJECT_VICTIM and not acts_on and wishes_own_death(toks, lo, s):
            continue  # "there are nights you want to die": a wish to die, crisis not threat
        if word in _SUBJECT_VICTIM and not (word in _DESTROY and acts_on):
            if self_subject(a, s):
                continue  # "I should die": the writer, so crisis, never violence
            target = target_before(a, s, 6)
            if not ((target and (has_first or normative)) or warned):
                continue
        elif passive:
            if not ((target_before(a, s) and (normative or has_first)) or warned):
                continue
        elif toks[s] in ("execution", "extermination", "eradication", "genocide",
                         "annihilation", "final", "gas", "firing"):
            if not (target_after(a, e, 8) or target_before(a, s)):
                continue
            normative = True
        elif not ((has_first or normative or imperative) and acts_on):
            continue
        if any(h.start <= s < h.end for h in hits):
            continue
        if bool(_WISH & set(before)):
            rule = "violence.wish_harm"
        elif (has_first or warned) and not normative:
            rule = "violence.threat"
        else:
            rule = "violence.incitement"
        hits.append(Hit(rule, s, e, 0.8))
    return hits
