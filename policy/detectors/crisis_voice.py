"""Whose crisis a sentence speaks of: the writer's own voice (I, me, my, or no subject), not
someone else's, not a recovery story, not a denial. Shared by the crisis rules."""

from __future__ import annotations

from policy.detectors.base import FIRST_PERSON, SECOND_PERSON, Analysis

OTHERS = frozenset({
    "he", "she", "they", "him", "her", "them", "his", "friend", "friends", "son", "daughter",
    "mum", "mother", "dad", "father", "brother", "sister", "partner", "husband", "wife",
    "boyfriend", "girlfriend", "someone", "somebody", "person", "man", "woman", "child", "kid",
    "people", "patient", "neighbour", "colleague", "mate", "cousin", "uncle", "aunt", "nan",
    "grandad",
})
THIRD = frozenset({"himself", "herself", "themselves", "his", "her", "their"})
SPECIFIC = frozenset({
    "he", "she", "friend", "son", "daughter", "mum", "mother", "dad", "father", "brother",
    "sister", "partner", "husband", "wife", "boyfriend", "girlfriend", "child", "kid",
    "neighbour", "colleague", "mate", "cousin", "uncle", "aunt", "nan", "grandad", "man",
    "woman", "girl", "boy", "lad", "flatmate", "housemate", "student", "teenager",
})
GENERIC = frozenset({"people", "anyone", "someone", "somebody", "everyone", "those", "when",
                      "if", "whenever", "who", "often", "many", "most", "some"})
PRONOUNS_OTHER = frozenset({"he", "she", "they", "him", "her", "them", "his", "someone",
                             "somebody", "people", "person"})
# Subjects that make a statement general ("people who kill themselves", "we tend to forget
# when feeling suicidal", "women are more likely to attempt suicide").
GENERIC_SUBJECTS = frozenset({"we", "us", "humans", "anyone", "anybody", "everyone",
                               "everybody", "nobody", "women", "men", "teenagers", "kids"})
# "suicidal friends", "the suicidal side": the word describes someone or something else.
DESCRIBED = frozenset({"friend", "friends", "person", "people", "side", "patient", "patients",
                        "man", "woman", "men", "women", "teen", "teens", "kids", "users",
                        "individuals", "clients", "relative", "relatives", "member", "members",
                        "brother", "sister", "son", "daughter", "partner", "part"})
# "I would never actually kill myself", "I don't think I'll attempt suicide": a denial.
DENIALS = (("would", "never"), ("will", "never"), ("could", "never"), ("think", "i", "will"))
SUBJECT_SKIP = frozenset({"really", "just", "honestly", "so", "seriously", "literally",
                           "actually", "kinda", "still", "and", "but", "sometimes", "often",
                           "to", "feel", "like", "feeling", "going", "gonna"})


def voice_of(a: Analysis, s: int, e: int) -> str:
    """Whose words these are: 'self', 'other' (you, he, my friend) or 'none'."""
    toks = a.doc.tokens
    if FIRST_PERSON & set(toks[s:e]):
        return "self"
    lo = a.sentence_range(a.doc.sents[s])[0]
    for i in range(s - 1, max(lo, s - 7) - 1, -1):
        t = toks[i]
        if t in ("my", "our") and i + 1 < s and toks[i + 1] in SPECIFIC:
            return "other"  # "my son bought a gun": the son is the subject, not the writer
        if t in FIRST_PERSON:
            return "self"
        if t in SECOND_PERSON or t in PRONOUNS_OTHER or t in GENERIC_SUBJECTS:
            return "other"
    # The nearest pronoun decides; relatives and friends named earlier do not.
    for i in range(max(lo, s - 7) - 1, lo - 1, -1):
        if toks[i] in FIRST_PERSON:
            return "self"
        if toks[i] in SECOND_PERSON or toks[i] in PRONOUNS_OTHER:
            return "other"
    # "Can't go on." / "Want to die." - no subject: the speaker.
    hi = a.sentence_range(a.doc.sents[s])[1]
    if all(t in SUBJECT_SKIP or t in ("can", "not", "do", "want", "will")
           for t in toks[lo:s]):
        return "self"
    if not (FIRST_PERSON | SECOND_PERSON | PRONOUNS_OTHER) & set(toks[lo:hi]):
        return "self"  # a sentence with no person in it at all
    return "none"


def recovered(a: Analysis, s: int) -> bool:
    """A recovery story anywhere in a short post, or a recovery or awareness word near the
    phrase ("did my research" is a plan, not an awareness post)."""
    if len(a.doc.tokens) <= 40 and a.get("RECOVERY"):
        return True
    return bool(a.near("RECOVERY", s, s + 1, 8, 8) or a.near("AWARENESS", s, s + 1, 6, 6))


def denied(a: Analysis, s: int) -> bool:
    """"I would never (actually) kill myself", "I don't think I'll attempt suicide"."""
    toks = a.doc.tokens
    lo = a.sentence_range(a.doc.sents[s])[0]
    before = " ".join(toks[max(lo, s - 5) : s])
    return any(" ".join(d) in before for d in DENIALS) and "not" not in toks[s - 1 : s]


def own_words(a: Analysis, s: int, e: int) -> bool:
    """The writer speaking of themselves now: not quoted, not a recovery story, not a
    denial, and nobody else the sentence is about."""
    return (not a.doc.quoted[s] and not recovered(a, s) and not denied(a, s)
            and voice_of(a, s, e) == "self")


def post_words(a: Analysis) -> frozenset[str]:
    """The post's distinct words, once per post (several rules look before they loop)."""
    found = a.notes.get("_words")
    if not isinstance(found, frozenset):
        found = a.notes["_words"] = frozenset(a.doc.tokens)
    return found
