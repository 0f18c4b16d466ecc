"""Clinical advice requests and someone's individual care (own or another's), including
disclosures of abuse, which go to safeguarding rather than removal.
"""

from __future__ import annotations

from policy.detectors.base import Analysis, Hit
from policy.detectors.hate import negated
from policy.lexicon import feedback as lex

RULES = ("clinical_advice.medication", "clinical_advice.diagnosis", "individual_care.own_care",
         "individual_care.safeguarding")

PHRASES: dict[str, tuple[str, ...]] = {
    "MED": lex.MEDICATION,
    "MED_GENERIC": lex.MEDICATION_GENERIC,
    "MED_USE": lex.MEDICATION_USE,
    "ASK": lex.ADVICE_ASK,
    "DX_ASK": lex.DIAGNOSIS_ASK,
    "CARE": lex.OWN_CARE,
    "CARE_ASK": lex.CARE_REQUEST,
    "SAFEGUARD": lex.SAFEGUARDING,
}


def _question_sentences(a: Analysis) -> set[int]:
    """Sentences that end in a question mark in the original text."""
    doc = a.doc
    text = doc.norm.original
    out: set[int] = set()
    last: dict[int, int] = {}
    for i, s in enumerate(doc.sents):
        last[s] = i
    for s, i in last.items():
        end = doc.original_span(i, i + 1)[1]
        tail = text[end : end + 3]
        if "?" in tail:
            out.add(s)
    return out


def detect(a: Analysis) -> list[Hit]:
    doc = a.doc
    hits: list[Hit] = []
    questions = _question_sentences(a) if "?" in doc.norm.original else set()
    for tag in ("MED", "MED_GENERIC"):
        for s, e in a.get(tag):
            sent = doc.sents[s]
            asks = a.in_sent("ASK", sent)
            advice = any(doc.tokens[x] in ("any", "advice", "recommend") for x, _ in asks)
            if not (sent in questions or advice):
                continue
            # A named medicine or a dose in a question; "meds" only when taking or dosing.
            if tag == "MED" or (asks and a.in_sent("MED_USE", sent)):
                hits.append(Hit("clinical_advice.medication", s, e, 0.8))
                break
        if hits:
            break
    for s, e in a.get("DX_ASK"):
        if doc.sents[s] in questions or doc.tokens[s] in ("i", "diagnose", "self"):
            hits.append(Hit("clinical_advice.diagnosis", s, e, 0.75))
            break
    for s, e in a.get("SAFEGUARD"):
        if not doc.quoted[s] and not negated(a, s, window=2):
            hits.append(Hit("individual_care.safeguarding", s, e, 0.8,
                            escalate_to="safeguarding"))
            break
    # "Thank you for looking after my dad": naming a relative in plain gratitude is praise,
    # not a request about someone's care; a question or a request keeps it individual care.
    thanks_only = bool(a.notes.get("plain_praise")) and not questions and not a.get("CARE_ASK")
    for s, e in a.get("CARE"):
        if not doc.quoted[s] and not thanks_only:
            hits.append(Hit("individual_care.own_care", s, e, 0.7))
            break
    return hits
