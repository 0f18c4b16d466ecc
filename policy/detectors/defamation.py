"""Defamation: allegations of a crime or of professional misconduct about a named or
identifiable person ("Nurse Okafor", "@handle", "the night nurse on Ward 12").

Never removed automatically: a lead decides, and the post is routed to complaints (or to
safeguarding when it alleges harm to a patient), because it may be a true report. A complaint
about how a named member of staff behaved (rude, dismissive, late) is a complaint, not an
allegation.
"""

from __future__ import annotations

import regex

from policy.detectors import rulekit
from policy.detectors.base import Analysis, Hit
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
                    ("MISTREAT_ACT", ("VICTIM",), 3))

_ROLE = (r"dr|doctor|nurse|mr|mrs|ms|miss|sister|matron|prof|professor|consultant|cllr|"
         r"councillor|sir|dame|lord|lady|rev|reverend|pc|sgt|staff\s+nurse|charge\s+nurse|"
         r"hca|support\s+worker|porter|manager|ward\s+manager|nurse\s+manager|"
         r"estates\s+manager|care\s+coordinator|psychologist|psychiatrist|director\s+of\s+\w+|"
         r"chief\s+executive|healthcare\s+assistant|ward\s+sister|volunteer|neighbour|my\s+ex|"
         r"brother-in-law|mp")
# Roles that are also said of people in one's own care ("my carer hits me"): a name after
# them counts only when it is written with a capital ("my carer Debbie").
_ROLE_PLAIN = (r"carer|care\s+worker|cleaner|receptionist|therapist|social\s+worker|gp|"
               r"paramedic|physio|pharmacist|teacher|coach|landlord|boss")
_TITLED_PLAIN = regex.compile(r"(?i:\b(?:" + _ROLE_PLAIN + r"))\s+([A-Z][a-z'\-]+)")
_NOT_NAME = frozenset(w.lower() for w in words("not_a_name", extendable=False))
_TITLED = regex.compile(r"(?i)\b(?:" + _ROLE + r")\.?\s+([a-z][a-z'\-]*)")
# "Jenny on reception", "Gary from the estates team", "Sam the HCA", "the HCA called Tony".
_PLACED = regex.compile(
    r"\b[A-Z][a-z]+\s+(?:(?:from|on|at|in)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}"
    r"(?:ward|team|unit|desk|reception|nights|days|office|estates|pharmacy|kitchen)\b|"
    r"the\s+(?:nurse|hca|porter|cleaner|receptionist|carer|manager|doctor|physio)\b)")
_CALLED = regex.compile(r"(?i)\b(?:" + _ROLE + "|" + _ROLE_PLAIN
                        + r")\s+(?:called|named)\s+[a-z]+")
# A sentence whose subject is a person named in the sentences before it.
_PRONOUN_SUBJECT = frozenset({"he", "she", "they", "hes", "shes", "theyve", "this man",
                              "this woman", "the man", "the woman"})
_HANDLE = regex.compile(r"(?<![\w@])@[A-Za-z0-9_]{2,15}\b")
_FULL_NAME = regex.compile(r"\b[A-Z][a-z]{1,}\s+[A-Z][a-z']{2,}\b")
# "the night nurse on Ward 12", "the manager of the Lowestoft crisis house".
_IDENTIFIABLE = regex.compile(
    r"(?i)\bthe\s+(?:[\w\-]+\s+){0,2}(?:nurse|manager|consultant|receptionist|matron|"
    r"psychiatrist|psychologist|doctor|sister|coordinator|hca|porter|support\s+worker)\s+"
    r"(?:on|at|of|in|from)\s+(?:the\s+)?[\w']+")
_NOT_NAMES = frozenset({"The", "This", "That", "Thank", "Thanks", "Dear", "Please", "Mental",
                        "Health", "Trust", "Hospital", "Ward", "Unit", "Team", "Service",
                        "Crisis", "First", "Response", "Norfolk", "Suffolk", "National",
                        "Foundation", "Customer", "Services", "Patient", "Advice", "Liaison",
                        "Our", "Your", "Their", "His", "Her", "My", "When", "Why", "How",
                        "What", "Who", "Where", "Then", "And", "But", "Not", "All", "Good",
                        "Great", "Happy", "Well", "Very", "Just", "Accident", "Emergency",
                        "Royal", "General", "Queen", "King", "Street", "Road", "Lane", "News",
                        "Police", "Court", "Former", "Report", "Watching"})
_SAFEGUARDING = frozenset({"raped", "rapes", "molested", "molests", "groomed", "grooms",
                           "grooming", "assaulted", "assaults", "abused", "abuses", "abusing",
                           "beats", "hit", "hits", "punched", "paedophile", "pedophile",
                           "nonce", "rapist", "predator", "sex", "harassed", "stalked",
                           "stalking", "bullies", "danger", "slapped", "slaps", "kicks",
                           "kicked", "strangled", "shoves", "pinches", "gropes", "groped",
                           "touched", "inappropriately", "perv", "paedo", "drags", "violent",
                           "beat", "sleeping", "dirty"})


def _name_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _TITLED.finditer(text) if m.group(1).lower() not in _NOT_NAME]
    spans += [m.span() for m in _TITLED_PLAIN.finditer(text)
              if m.group(1).lower() not in _NOT_NAME and m.group(1) not in _NOT_NAMES]
    spans += [m.span() for m in _HANDLE.finditer(text)]
    spans += [m.span() for m in _IDENTIFIABLE.finditer(text)]
    spans += [m.span() for m in _PLACED.finditer(text) if m.group(0).split()[0] not in _NOT_NAMES]
    spans += [m.span() for m in _CALLED.finditer(text)]
    for m in _FULL_NAME.finditer(text):
        first, last = m.group(0).split()[:2]
        if first not in _NOT_NAMES and last not in _NOT_NAMES:
            spans.append(m.span())
    return spans


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


def _allegation(a: Analysis, tag: str, rule: str,
                frames: tuple[tuple[str, tuple[str, ...], int], ...] = ()) -> Hit | None:
    found = sorted(a.get(tag) + _acts(a, frames))
    if not found or a.get("FICTION"):
        return None
    names = a.notes.get("names")
    if names is None:
        names = a.notes["names"] = _name_spans(a.doc.norm.original)
    if not names:
        return None
    doc = a.doc
    # News of a case ("jailed", "court hears") reports; an allegation elsewhere in the
    # same post still counts.
    safe = {doc.sents[s] for s, _ in a.get("DEFAME_SAFE") + a.get("REPORT")}
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
    Good: My phone was stolen on the bus
    Good: Sister Blake stole the show at the ward Christmas party with her singing
    """
    return _allegation(a, "ACCUSE_CRIME", "defamation.criminal_accusation", _CRIME_ACTS)


def professional_misconduct(a: Analysis) -> Hit | None:
    """Says a named or identifiable person is unfit, negligent, drunk at work, or falsified
    records, when no crime is alleged.

    Bad: Dr Pemberton was drunk on duty last night
    Bad: Sister Mahoney falsified my mum's notes
    Bad: Dr Quayle turns up to clinic stoned most weeks
    Good: Nurse Donnelly was rude and dismissive when I asked about my dad's care
    Good: Nurse Harding is not negligent, she's overworked like everyone else
    """
    if criminal_accusation(a) is not None:
        return None
    return _allegation(a, "ACCUSE_PRO", "defamation.professional_misconduct", _MISCONDUCT_ACTS)


RULE_FUNCTIONS = (criminal_accusation, professional_misconduct)
RULES = rulekit.rule_ids(CATEGORY, RULE_FUNCTIONS)


def detect(a: Analysis) -> list[Hit]:
    return rulekit.run(a, RULE_FUNCTIONS)
