"""PolicyEngine: text (+ context) -> Decision. Pure: no file, network or clock access.

Safety rules here are code, not policy data, so no edit of policy.yaml can weaken them:
crisis content is never violence, never a removal category and never report_suggested;
defamation goes to a lead, never straight to removal; personal information in a private
message is still flagged (the bot masks it) but never suggests removal.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import replace
from functools import lru_cache

from policy import categories as C
from policy.categories import Severity
from policy.decision import Context, Decision, Flag
from policy.detectors import DETECTORS, PHRASE_SOURCES, terms
from policy.detectors.base import Analysis, Hit, distress_context
from policy.detectors.language import READING, readable_hits
from policy.evidence import mask_evidence
from policy.inflection import inflected, single_words
from policy.language import LanguageReader
from policy.lexicon.common import COMMON_WORDS
from policy.lexicon.cues import PROFANITY_MILD, PROFANITY_STRONG
from policy.lexicon.english import english_checker, load_english
from policy.lexicon.groups import GROUP_ADJECTIVES, GROUP_NOUNS, SLURS
from policy.model import Policy
from policy.phrase_matcher import PhraseMatcher
from policy.spelling import Canon
from policy.text import make_doc, phrase_tokens
from policy.wordlists import WordList

# Which category decides the action when several fire (most urgent first).
PRIORITY: tuple[str, ...] = (
    C.CRISIS, C.VIOLENCE, C.TERRORISM, C.HATE, C.WEAPONS, C.SEXUAL, C.ABUSE, C.ILLEGAL,
    C.FINANCIAL_GAIN, C.PERSONAL_INFO, C.UPSETTING_LINK, C.DEFAMATION, C.PROFANITY,
    C.ADVERTISING, C.UNREAD_LANGUAGE, C.INDIVIDUAL_CARE, C.CLINICAL_ADVICE, C.COMPLAINT,
    C.MEDIA_REVIEW, C.PRAISE,
)
_RANK = {c: i for i, c in enumerate(PRIORITY)}
_QUIET_IN_DISTRESS = frozenset({
    "profanity.strong", "profanity.mild", "hate.hostile_mention", "advertising.promotion",
    "advertising.spam", "sexual.explicit", "upsetting_link.obfuscated",
    # Loose matches in a long post about distress; slurs, threats and calls for violence,
    # harassment and personal information still count.
    "hate.derogatory", "hate.threat", "hate.dehumanising", "hate.negated_positive",
    "hate.generalisation", "hate.removal", "hate.extermination", "hate.animal_comparison",
    "abuse.insult", "weapons.trade", "weapons.carrying", "weapons.smuggling", "weapons.display",
})


# Removal categories a crisis post keeps: personal information (so Slack masks it) and hate
# about a group (for a lead's decision once the person is looked after).
_KEPT_IN_CRISIS = frozenset({C.PERSONAL_INFO, C.HATE})
# A group named near a hostile word, with nothing tying them: too loose to keep beside crisis.
_LOOSE_HATE = frozenset({"hate.hostile_mention"})
_HATE_HELD = (" The post is also hateful about a group: a lead decides whether to hide it,"
              " after the person is looked after.")

_DM_NOTE = (" In a private message: shown masked in Slack; there is nothing to hide, since a"
            " private message cannot be hidden.")


def _in_private(flag: Flag) -> Flag:
    """Personal information sent privately to the trust: still flagged, so the bot masks it
    in Slack (data protection), but low severity and never a reason to remove."""
    return replace(flag, severity=Severity.LOW, explanation=flag.explanation + _DM_NOTE)


def _suppressed(extra: dict[str, object]) -> tuple[str, ...]:
    found = list(extra.get("suppressed") or [])  # type: ignore[call-overload]
    if extra.get("suppressed_profanity") and "profanity" not in found:
        found.append("profanity")  # swearing about one's own feelings, not flagged
    return tuple(sorted(found))


def _rank(flag: Flag, dm: bool) -> int:
    if dm and flag.category == C.PERSONAL_INFO:
        return len(PRIORITY)  # after every routing category: the DM's purpose decides
    return _RANK.get(flag.category, 99)


class PolicyEngine:
    """Classifies posts under one Policy. Build once; `classify` is cheap and thread-safe
    apart from a bounded spelling cache."""

    def __init__(self, policy: Policy, english: Container[str] | None = None,
                 language: LanguageReader | None = None) -> None:
        """`english`: real English words that spelling repair must leave alone. By default
        the word lists of the `english-words` package (read once, here, from its package
        data); pass a set to avoid that read or to use another dictionary. `language`: how
        a post's language is read (policy.language; by default with lingua)."""
        self.policy = policy
        self.version = policy.version
        self._rules = policy.rules
        self._matcher = PhraseMatcher()
        interest: set[str] = set()
        pairs: list[tuple[str, str]] = []
        for module in PHRASE_SOURCES:
            for tag, phrases in module.PHRASES.items():
                if isinstance(phrases, WordList) and phrases.name in policy.word_lists:
                    phrases = phrases.edited(*policy.word_lists[phrases.name])
                for p in phrases:
                    toks = phrase_tokens(p)
                    self._matcher.add(toks, tag)
                    interest.update(toks)
                    pairs.append((tag, " ".join(toks)))
        self._singles = single_words(pairs)
        for rule in self._rules.values():
            for term in rule.terms:
                toks = phrase_tokens(term)
                self._matcher.add(toks, terms.TERM_TAG + rule.id)
                interest.update(toks)
        words = [p for ws in SLURS.values() for p in ws] + list(PROFANITY_STRONG + PROFANITY_MILD)
        mask = {w for p in words for w in phrase_tokens(p) if w not in COMMON_WORDS and len(w) > 2}
        short = {w for ws in [*GROUP_NOUNS.values(), *GROUP_ADJECTIVES.values()] for w in ws
                 if len(w) == 3}
        english_words = english if english is not None else load_english()
        english = english_checker(english_words)
        self._canon = Canon(interest, mask, short, english)
        self._mask_words = frozenset(mask)
        self._trust_rules = frozenset(r.id for r in self._rules.values() if r.terms)
        canon = self._canon
        # Cached: a feed's words repeat, and every post's first words are looked up.
        is_english_word = lru_cache(maxsize=65_536)(lambda w: canon.is_word(w) or english(w))
        self._language = language or LanguageReader(is_english_word)

    def classify(self, text: str, context: Context | None = None, *,
                 lang: str | None = None, without: frozenset[str] = frozenset()) -> Decision:
        """`lang`: the platform's language tag for the post (X's `lang`), when known;
        overrides `context.lang`. Without one the engine detects the language itself.
        `without`: phrases (canonical words joined by spaces) to treat as if no word list
        held them; the evaluation's cross-validation uses it, the bot never does."""
        ctx = context or Context()
        full = f"{text}\n{ctx.ocr_text}" if ctx.ocr_text.strip() else text
        doc = make_doc(full, self._canon)
        found = self._matcher.find(doc.tokens)
        if without:
            found = {tag: kept for tag, spans in found.items()
                     if (kept := [(s, e) for s, e in spans
                                  if " ".join(doc.tokens[s:e]) not in without])}
        for tag, spans in inflected(doc.tokens, self._singles, found, without)[0].items():
            found[tag] = sorted(found.get(tag, []) + spans)
        a = Analysis(doc, found, ctx, self.policy, full)
        own = full is text  # no OCR text: the doc is of the post alone
        # Words the policy's own lists matched are words it reads, however rare in English.
        known = {doc.tokens[i] for spans in found.values() for s, e in spans
                 for i in range(s, e)} if own else set()
        a.notes[READING] = self._language.read(text, ctx.lang if lang is None else lang,
                                               doc.norm.text if own else None,
                                               doc.tokens if own else None, known)
        hits: list[Hit] = []
        for det in DETECTORS:
            hits.extend(det.detect(a))
        hits.extend(terms.detect(a))
        return self._decide(a, readable_hits(a, hits, self._trust_rules))

    def phrases(self, text: str) -> set[str]:
        """The listed phrases found in a text (canonical words joined by spaces)."""
        doc = make_doc(text, self._canon)
        found = self._matcher.find(doc.tokens)
        listed = {" ".join(doc.tokens[s:e]) for spans in found.values() for s, e in spans}
        # A word that could be read as the listed word it inflects counts as that word
        # found, whether or not the inflected form is listed too.
        return listed | inflected(doc.tokens, self._singles, {})[1]

    def _flag(self, a: Analysis, hit: Hit) -> Flag | None:
        rule = self._rules.get(hit.rule_id)
        if rule is None:
            return None  # the trust removed this rule from its policy
        cat = self.policy.categories[rule.category]
        doc = a.doc
        if hit.chars is not None:
            span: tuple[int, int] | None = hit.chars
        elif hit.end > hit.start:
            span = doc.original_span(hit.start, hit.end)
        else:
            span = None
        evidence = mask_evidence(a, span, self._mask_words) if span else hit.note
        why = cat.explanation.strip().split("\n")[0]
        if hit.note:
            why = f"{why} ({hit.note})"
        return Flag(cat.id, rule.severity or cat.severity, rule.id, evidence, why,
                    hit.confidence, span)

    def _decide(self, a: Analysis, hits: list[Hit]) -> Decision:
        flags: list[Flag] = []
        seen: set[str] = set()
        escalate_override: str | None = None
        for hit in hits:
            # One flag per rule, except personal details: each one found is its own flag,
            # because each flag's span is what masks that detail in Slack.
            key = (f"{hit.rule_id}@{hit.chars}" if hit.rule_id.startswith("personal_info.")
                   else hit.rule_id)
            if key in seen:
                continue
            flag = self._flag(a, hit)
            if flag is None:
                continue
            seen.add(key)
            flags.append(flag)
            if hit.escalate_to and escalate_override is None:
                escalate_override = hit.escalate_to
        extra: dict[str, object] = {}
        cats = {f.category for f in flags}
        if C.CRISIS in cats and C.VIOLENCE in cats and all(
            f.confidence < 0.7 for f in flags if f.category == C.CRISIS
        ):
            # Only weak signs of crisis beside a threat to others: the threat must be seen.
            flags = [f for f in flags if f.category != C.CRISIS]
            cats.discard(C.CRISIS)
        if C.CRISIS in cats:
            # Safety: a person in crisis is never treated as a threat or a post to remove.
            # Personal information stays flagged (low, never removal): it is what masks a phone
            # or NHS number in Slack, and the data is no less someone's for being in crisis.
            # Hate about a group stays flagged too, behind crisis, for a lead to decide on:
            # distress does not make a post's hate invisible.
            kept = [f for f in flags if f.category not in C.REMOVAL_CATEGORIES
                    or (f.category in _KEPT_IN_CRISIS and f.rule_id not in _LOOSE_HATE)]
            dropped = sorted({f.category for f in flags if f not in kept})
            if dropped:
                extra["suppressed"] = dropped
            flags = [replace(f, severity=Severity.LOW) if f.category == C.PERSONAL_INFO else f
                     for f in kept]
        if len(a.doc.tokens) >= 40 and distress_context(a):
            # Someone telling of their own distress (or supporting someone who is): incidental
            # words are not reasons to hide the post. Attacks on others still count.
            quiet = [f for f in flags if f.rule_id in _QUIET_IN_DISTRESS]
            if quiet:
                extra["suppressed"] = sorted({*extra.get("suppressed", []),  # type: ignore[misc]
                                              *(f.category for f in quiet)})
                flags = [f for f in flags if f.rule_id not in _QUIET_IN_DISTRESS]
        for key in ("suppressed_profanity", "personal_info_in_dm", "not_read"):
            if a.notes.get(key):
                extra[key] = True
        dm = a.context.kind == "dm"
        if dm:
            flags = [_in_private(f) if f.category == C.PERSONAL_INFO else f for f in flags]
        flags.sort(key=lambda f: (_rank(f, dm), -f.severity))
        return self._action(tuple(flags), escalate_override, extra, dm)

    def _action(self, flags: tuple[Flag, ...], escalate_override: str | None,
                extra: dict[str, object], dm: bool = False) -> Decision:
        version = self.version
        if not flags:
            return Decision(policy_version=version, explanation="Nothing in the policy applies.",
                            suppressed=_suppressed(extra), extra=extra)
        top = flags[0]
        cat = self.policy.categories[top.category]
        rule = self._rules[top.rule_id]
        action = rule.action or cat.action
        template = cat.template
        escalate_to = cat.escalate_to
        if top.category in (C.DEFAMATION, C.INDIVIDUAL_CARE) and escalate_override:
            escalate_to = escalate_override
        if top.category == C.CRISIS:
            action, template = C.ACTION_ESCALATE, "crisis"

        elif top.category == C.DEFAMATION:
            action = C.ACTION_LEAD_DECISION  # never removed automatically
        elif top.category == C.PERSONAL_INFO and dm:
            action, template, escalate_to = C.ACTION_NONE, None, None
        elif dm and action == C.ACTION_HIDE:
            # A private message cannot be hidden: a person reads it and decides (block, mute).
            action = C.ACTION_LEAD_DECISION if top.category == C.VIOLENCE else C.ACTION_NONE
        report = any(f.category == C.VIOLENCE for f in flags)
        explanation = f"{cat.title}: {top.explanation}"
        if top.category == C.CRISIS and any(f.category == C.HATE for f in flags):
            explanation += _HATE_HELD
        if report:
            explanation += " A lead should confirm or reject reporting it."
        return Decision(flags=flags, action=action, template=template, escalate_to=escalate_to,
                        report_suggested=report, policy_version=version,
                        explanation=explanation, suppressed=_suppressed(extra), extra=extra)
