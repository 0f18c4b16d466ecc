"""Defamation: allegations of a crime or of professional misconduct about a named or
identifiable person ("Nurse Okafor", "@handle", "the night nurse on Ward 12").

Never removed automatically: a lead decides, and the post is routed to complaints (or to
safeguarding when it alleges harm to a patient), because it may be a true report. A complaint
about how a named member of staff behaved (rude, dismissive, late) is a complaint, not an
allegation.
"""

from __future__ import annotations

from policy.detectors import rulekit
from policy.detectors.base import Analysis, Hit
from policy.detectors.defamation_grammar import called, money
from policy.detectors.defamation_names import name_spans
from policy.detectors.hate import negated
from policy.wordlists import words

CATEGORY = "defamation"
PHRASES: dict[str, tuple[str, ...]] = {
    "ACCUSE_CRIME": words("accuse_crime"),
    "ACCUSE_PRO": words("accuse_misconduct"),
    "DEFAME_SAFE": words("defamation_safe"),
    "FICTION": words("fiction"),
    # Allegations told as what someone did to whom or to what: a verb with its object.
    "HARM_ACT": words("harm_act"),
    "VICTIM": words("victim"),
    "TAKE_ACT": words("take_act"),
    "VALUABLES": words("valuables"),
    "DEAL_ACT": words("deal_act"),
    "RECORD_ACT": words("record_act"),
    "RECORD": words("record"),
    "RECORDS_BREACH": words("records_breach"),
    "UNFIT": words("unfit_state"),
    "AT_WORK": words("work_cue"),
    "SEXUAL_CONDUCT": words("sexual_conduct"),
    "LEAVE_ACT": words("leave_act"),
    "DYING": words("dying"),
    "MISTREAT_ACT": words("mistreat_act"),
    # What the person is called ("is a known thief"): defamation_grammar.called.
    "CRIME_NOUN": words("criminal_noun"),
    "MISCONDUCT_NOUN": words("misconduct_noun"),
    "SMELL_ACT": words("smell_act"),
    "INTOXICANT": words("intoxicant"),
}
# "pushed me to do my exercises", "pushed her through rehab": urging, not assault.
_URGING = frozenset({"to", "through", "forward", "on", "along", "into"})
# Acts that harm a patient: the allegation goes to safeguarding as well as to a lead.
_HARM_TAGS = ("HARM_ACT", "SEXUAL_CONDUCT", "MISTREAT_ACT", "LEAVE_ACT")
_PUSH = frozenset({"pushed", "pushes", "pushing", "pulled", "pulls", "pulling"})
# Crimes as verb and object: (verb tag, object tags, tokens the object may follow it by).
_CRIME_ACTS = (("HARM_ACT", ("VICTIM",), 2), ("TAKE_ACT", ("VALUABLES",), 5),
               ("DEAL_ACT", ("DRUG",), 4), ("SEXUAL_CONDUCT", ("VICTIM",), 3))
_MISCONDUCT_ACTS = (("RECORD_ACT", ("RECORD",), 5), ("RECORDS_BREACH", ("RECORD",), 5),
                    ("UNFIT", ("AT_WORK",), 6), ("LEAVE_ACT", ("DYING",), 4),
                    ("MISTREAT_ACT", ("VICTIM",), 3), ("SMELL_ACT", ("INTOXICANT",), 1))

# A sentence whose subject is a person named in the sentences before it.
_PRONOUN_SUBJECT = frozenset({"he", "she", "they", "hes", "shes", "theyve", "this man",
                              "this woman", "the man", "the woman"})
_SAFEGUARDING = frozenset({"raped", "rapes", "molested", "molests", "groomed", "grooms",
                           "grooming", "assaulted", "assaults", "abused", "abuses", "abusing",
                           "beats", "hit", "hits", "punched", "paedophile", "pedophile",
                           "nonce", "rapist", "predator", "sex", "harassed", "stalked",
                           "stalking", "bullies", "danger", "slapped", "slaps", "kicks",
                           "kicked", "strangled", "shoves", "pinches", "gropes", "groped",
                           "touched", "inappropriately", "perv", "paedo", "drags", "violent",
                           "beat", "sleeping", "dirty"})


def _acts(a: Analysis, frames: tuple[tuple[str, tuple[str, ...], int], ...]) -> list[
        tuple[int, int]]:
    """Verb-object allegations: "pushed my mum", "took £200 out of her purse", "changed the
    notes", "dealing weed", "comes in drunk" (the state and being at work, either order)."""
    toks = a.doc.tokens
    out = []
    for verb, objects, window in frames:
        for s, e in a.get(verb):
            before = window if verb == "UNFIT" else 0
            for obj in objects:
                near = a.near(obj, s, e, before, window)
                if not near:
                    continue
                os_, oe = near[0]
                if toks[s] in _PUSH and oe < len(toks) and toks[oe] in _URGING:
                    continue
                out.append((min(s, os_), max(e, oe)))
                break
    return sorted(out)


def _money_taken(a: Analysis) -> list[tuple[int, int]]:
    """"took £300 from her purse": a taking verb with a sum of money soon after it."""
    sums = money(a)
    sents = a.doc.sents
    return [(s, m_end) for s, e in a.get("TAKE_ACT") for m_start, m_end in sums
            if e <= m_start <= e + 3 and sents[m_start] == sents[s]]


def _allegation(a: Analysis, tag: str, rule: str,
                frames: tuple[tuple[str, tuple[str, ...], int], ...] = (),
                said: list[tuple[int, int]] | None = None) -> Hit | None:
    found = sorted(a.get(tag) + _acts(a, frames) + (said or []))
    if not found or a.get("FICTION"):
        return None
    names = a.notes.get("names")
    if names is None:
        names = a.notes["names"] = name_spans(a.doc.norm.original)
    if not names:
        return None
    doc = a.doc
    # News of a case ("jailed", "court hears") reports; an allegation elsewhere in the
    # same post still counts.
    # A report word inside the allegation itself ("is a convicted fraudster", "lied to the
    # inquest") is part of what is alleged, not a sign of news.
    safe = {doc.sents[s] for s, _ in a.get("DEFAME_SAFE")}
    safe |= {doc.sents[s] for s, _ in a.get("REPORT") if not any(fs <= s < fe for fs, fe in found)}
    for s, e in found:
        if doc.quoted[s] or doc.sents[s] in safe or negated(a, s, 3):
            continue
        acc_start, acc_end = doc.original_span(s, e)
        first, _ = a.sentence_range(doc.sents[s])
        # The sentence starts where the previous one ended (a leading "@" is not a token).
        sent_lo = doc.original_span(first - 1, first)[1] if first > 0 else 0
        # The person comes before the accusation in the same sentence.
        named = [n for n in names if sent_lo <= n[0] < acc_start and acc_start - n[1] <= 90]
        if not named and doc.tokens[first] in _PRONOUN_SUBJECT:
            # "I want to name Dr Fenwick. He has been touching patients": the person was
            # named in the sentence before.
            named = [n for n in names if n[1] <= sent_lo and sent_lo - n[1] <= 120]
        if not named:
            continue
        harmed = any(s <= hs < e for tag in _HARM_TAGS for hs, _ in a.get(tag))
        where = "safeguarding" if harmed or _SAFEGUARDING & set(doc.tokens[s:e]) else None
        return Hit(rule, s, e, 0.7, chars=(named[-1][0], acc_end), escalate_to=where)
    return None


@rulekit.memo
def criminal_accusation(a: Analysis) -> Hit | None:
    """Says a named or identifiable person committed a crime (theft, fraud, assault, abuse).

    Bad: Dr Hargreaves stole money from my dad's account
    Bad: The night nurse on Ward 12 with the red hair stole my dad's watch
    Bad: Nurse Okoro shoved my nan into her chair and laughed about it
    Bad: Gary from the estates team is a known thief, lock your lockers
    Bad: Sister Blake took £300 from my nan's handbag while she slept
    Good: My phone was stolen on the bus
    Good: Sister Blake stole the show at the ward Christmas party with her singing
    """
    return _allegation(a, "ACCUSE_CRIME", "defamation.criminal_accusation", _CRIME_ACTS,
                       called(a, "CRIME_NOUN") + _money_taken(a))


def professional_misconduct(a: Analysis) -> Hit | None:
    """Says a named or identifiable person is unfit, negligent, drunk at work, or falsified
    records, when no crime is alleged.

    Bad: Dr Pemberton was drunk on duty last night
    Bad: Sister Mahoney falsified my mum's notes
    Bad: Dr Quayle turns up to clinic stoned most weeks
    Bad: Staff nurse Shah turned up to my son's review stinking of drink
    Bad: @JWilsonNurse lied to the inquest about when she last checked on my brother
    Good: Nurse Donnelly was rude and dismissive when I asked about my dad's care
    Good: Nurse Harding is not negligent, she's overworked like everyone else
    Good: Dr Harper is not a liar, she was just given the wrong information
    """
    if criminal_accusation(a) is not None:
        return None
    return _allegation(a, "ACCUSE_PRO", "defamation.professional_misconduct", _MISCONDUCT_ACTS,
                       called(a, "MISCONDUCT_NOUN"))


RULE_FUNCTIONS = (criminal_accusation, professional_misconduct)
RULES = rulekit.rule_ids(CATEGORY, RULE_FUNCTIONS)


def detect(a: Analysis) -> list[Hit]:
    return rulekit.run(a, RULE_FUNCTIONS)
