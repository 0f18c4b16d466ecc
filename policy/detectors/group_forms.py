"""Groups that no list names, recognised by the form of the word.

Peoples, faiths and orientations are open classes: a new nationality ("Moldovans",
"Congolese", "Yemenis") or an orientation ("pansexuals") is a group even when no word list
holds it. A plural with a demonym's ending counts when capitalised anywhere, and in lower
case too when it ends like a people ("-ians", "-ese", "-sexuals"), because posts that attack a
group are often written without capitals. Professions and everyday plurals with the same
endings ("clinicians", "scans", "websites") are listed in groups.NOT_DEMONYMS.
"""

from __future__ import annotations

from policy.detectors.base import Analysis
from policy.lexicon.groups import (
    DEMONYM_ENDINGS,
    DIAGNOSIS,
    DISABILITY,
    GENDER_REASSIGNMENT,
    NOT_DEMONYMS,
    ORIENTATION,
    PEOPLE_NOUNS,
    RACE,
    RELIGION,
    SEX,
)
from policy.lexicon.hate_grammar import GOOD_LESS
from policy.text import Doc

# Endings safe to read in lower case: "-ites" and "-ans" alone are too often verbs or
# things ("writes", "invites", "loans"), so lower case needs the longer, people-like ones.
_LOWER_ENDINGS = ("ians", "ese", "anis", "enis", "alis", "aqis", "eshis")
_ORIENTATION_ENDING = "sexuals"  # homosexuals, pansexuals, asexuals ...
# "The Irish", "the Danish", "the Vietnamese": a nationality adjective used as a noun.
_NOUN_USE_ENDINGS = ("ish", "ese")
_NOT_NOUN_USE = frozenset({"rubbish", "english", "selfish", "foolish", "childish", "finish",
                           "polish", "publish", "relish", "wish", "dish", "fish", "cheese",
                           "british", "irish", "scottish", "welsh", "jewish", "obese"})


def form_groups(a: Analysis) -> list[tuple[int, int, str]]:
    """(start, end, characteristic) for each group word known by its form, not inside a
    listed group and not quoted."""
    cached = a.notes.get("form_groups")
    if isinstance(cached, list):
        return cached  # read by hate and by its grammar rules
    a.notes["form_groups"] = found = _form_groups(a)
    return found


def _form_groups(a: Analysis) -> list[tuple[int, int, str]]:
    doc = a.doc
    listed = {i for s, e, _ in a.prefixed("G:") for i in range(s, e)}
    out: list[tuple[int, int, str]] = []
    for i, t in enumerate(doc.tokens):
        if i in listed or doc.quoted[i] or len(t) < 6 or t in NOT_DEMONYMS:
            continue
        if t.endswith(_ORIENTATION_ENDING):
            out.append((i, i + 1, ORIENTATION))
        elif _people_noun(doc, i):
            out.append((i, i + 1, RACE))
        elif i + 1 < len(doc.tokens) and doc.tokens[i + 1] in _PEOPLE and _adjective(doc, i):
            out.append((i, i + 2, ORIENTATION if t.endswith("sexual") else RACE))
        elif t in _PEOPLE and i + 1 < len(doc.tokens) and doc.tokens[i + 1] in _HAVING:
            end = _condition_end(doc.tokens, i + 2, doc.sents)
            if end > i + 2:
                out.append((i, end, DIAGNOSIS))
    return (out + _adjective_people(a, listed) + _possessed_trait(a, listed)
            + _scorned_faith(a, listed))


# "Your race", "their religion": a person's characteristic named as theirs is a group target.
TRAITS: dict[str, str] = {
    "race": RACE, "skin": RACE, "colour": RACE, "color": RACE, "accent": RACE,
    "ethnicity": RACE, "nationality": RACE, "religion": RELIGION, "faith": RELIGION,
    "god": RELIGION, "sex": SEX, "gender": GENDER_REASSIGNMENT, "sexuality": ORIENTATION,
    "disability": DISABILITY,
}
_POSSESSIVE = frozenset({"your", "their"})


def _possessed_trait(a: Analysis, listed: set[int]) -> list[tuple[int, int, str]]:
    toks = a.doc.tokens
    return [(i - 1, i + 1, TRAITS[t]) for i, t in enumerate(toks)
            if t in TRAITS and i > 0 and toks[i - 1] in _POSSESSIVE and i not in listed
            and not a.doc.quoted[i]]


# "Your senseless, inane god", "his stupid religion": someone's faith named with a scornful
# word between the possessive and the faith is the faith insulted, so a group target.
_FAITH = frozenset({"god", "gods", "religion", "religions", "faith", "prophet", "beliefs"})
_HIS = frozenset({"your", "their", "his", "her", "ur"})
_SCORN_TAGS = ("NEG", "INSULT_A", "HOSTILE", "PROF", "PROF_MILD", "DEHUM")


def _scorned_faith(a: Analysis, listed: set[int]) -> list[tuple[int, int, str]]:
    toks = a.doc.tokens
    faiths = [i for i, t in enumerate(toks) if t in _FAITH and i not in listed]
    if not faiths:
        return []
    scorn = {s for tag in _SCORN_TAGS for s, _ in a.get(tag)}
    out = []
    for i in faiths:
        for k in range(i - 2, max(-1, i - 5), -1):
            if toks[k] in _HIS:
                gap = range(k + 1, i)
                if any(j in scorn or _lacking(toks[j]) for j in gap) and not (
                        a.doc.quoted[i] or a.doc.sents[k] != a.doc.sents[i]):
                    out.append((k, i + 1, RELIGION))
                break
    return out


def _lacking(word: str) -> bool:
    """"Senseless", "godless": a word saying something is missing (not "selfless")."""
    return len(word) > 6 and word.endswith("less") and word not in GOOD_LESS


def _adjective_people(a: Analysis, listed: set[int]) -> list[tuple[int, int, str]]:
    """A group adjective and a people noun ("white lads", "dyslexic kids"), read as a pair
    rather than as one listed phrase per pair."""
    toks = a.doc.tokens
    out = []
    for s, e, char in a.prefixed("GADJ:"):
        if s not in listed and e < len(toks) and toks[e] in _PEOPLE_NOUNS and not (
                a.doc.quoted[s]):
            out.append((s, e + 1, char))
    return out


_PEOPLE_NOUNS = frozenset(n for n in PEOPLE_NOUNS if " " not in n)
_PEOPLE = frozenset({"people", "persons", "men", "women", "kids", "children", "folk", "folks",
                     "guys", "girls", "boys", "individuals", "families", "communities"})
# "People with / suffering from a condition": a group defined by a diagnosis or a trait.
_HAVING = frozenset({"with", "suffering"})
_NOT_CONDITION = frozenset({"me", "us", "you", "them", "him", "her", "my", "our", "your",
                            "their", "a", "an", "the", "some", "no", "any", "this", "that",
                            "these", "those", "such", "his", "its", "money", "opinions",
                            "views", "beliefs", "ideas", "attitudes",
                            "appointments", "appointment", "children", "kids", "families",
                            "cars", "jobs", "tickets", "letters", "questions", "queries",
                            "concerns", "complaints", "bags", "dogs", "pets", "time"})
_CONDITION_STOP = frozenset({"are", "is", "were", "was", "should", "must", "need", "needs",
                             "will", "can", "have", "do", "deserve", ",", "and", "but", "to"})
# Adjective endings that name a people or an orientation ("Moldovan women", "pansexual men").
_ADJ_ENDINGS = ("ian", "ese", "sexual")
_NOT_ADJ = frozenset({w[:-1] for w in NOT_DEMONYMS if w.endswith("s")} | {
    "human", "civilian", "pedestrian", "median", "barbarian", "utopian", "draconian",
    "reptilian", "egalitarian", "authoritarian", "totalitarian", "humanitarian",
    "vegetarian", "ruffian", "simian", "cheese", "obese", "these",
})


def _adjective(doc: Doc, i: int) -> bool:
    t = doc.tokens[i]
    if len(t) < 5 or t in _NOT_ADJ:
        return False
    caps = doc.caps[i] and i > 0
    return t.endswith(_ADJ_ENDINGS) or (caps and t.endswith("an"))


def _condition_end(tokens: list[str], i: int, sents: list[int]) -> int:
    """End of the condition after "people with": up to four words before the verb."""
    if i < len(tokens) and tokens[i] == "from":
        i += 1
    if i >= len(tokens) or tokens[i] in _NOT_CONDITION:
        return i
    k = i
    while k < len(tokens) and k < i + 4 and tokens[k] not in _CONDITION_STOP and (
            sents[k] == sents[i]):
        k += 1
    return k if k < len(tokens) and tokens[k] in _CONDITION_STOP else i


def _people_noun(doc: Doc, i: int) -> bool:
    """A plural demonym ("Moldovans", "tanzanians") or a nationality adjective used as a
    noun ("the Danish are ...")."""
    t = doc.tokens[i]
    if t.endswith(_LOWER_ENDINGS) or (doc.caps[i] and t.endswith(DEMONYM_ENDINGS)):
        return True
    return (i > 0 and doc.tokens[i - 1] == "the" and t.endswith(_NOUN_USE_ENDINGS)
            and t not in _NOT_NOUN_USE and _followed_by_verb(doc.tokens, i + 1))


_VERB_AFTER_GROUP = frozenset({"are", "were", "have", "should", "must", "will", "can",
                               "do", "need", "deserve", "always", "never", "all", "just"})


def _followed_by_verb(tokens: list[str], i: int) -> bool:
    """"The Danish are ...": the word is the subject, not an adjective before a noun."""
    return i < len(tokens) and tokens[i] in _VERB_AFTER_GROUP
