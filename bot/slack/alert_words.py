"""The plain words an alert uses for what the policy found, so nobody has to know a rule id.

Rule ids, category ids and template ids stay in the "Details" line and the evidence pack, for the
people who maintain the policy; the headline and the flags speak to the comms officer.
"""

from __future__ import annotations

from bot.core.config import ESCALATION_TARGETS
from policy import categories as c
from policy.decision import Decision

CRISIS_HEADLINE = "Possible crisis: a person may be at risk"
CRISIS_TODO = (
    "*What to do now:* answer them privately with crisis signposting (the first "
    "button), then tell the on-call lead. Never hide, remove or report it."
)
LEAD_TODO = "*A lead decides* whether to report it to the platform or the police."

# What each category is, as a headline noun and as the name of a flag.
CATEGORY_WORDS = {
    c.HATE: "Hateful post",
    c.PROFANITY: "Offensive language",
    c.VIOLENCE: "Threat of violence",
    c.DEFAMATION: "Allegation about a named person",
    c.ABUSE: "Abusive post",
    c.UPSETTING_LINK: "Upsetting or unchecked link",
    c.ILLEGAL: "Illegal activity",
    c.PERSONAL_INFO: "Personal details posted",
    c.ADVERTISING: "Advertising",
    c.SEXUAL: "Sexual content",
    c.WEAPONS: "Mentions weapons",
    c.TERRORISM: "Supports terrorism",
    c.FINANCIAL_GAIN: "Asks for money or looks like a scam",
    c.CRISIS: "Possible crisis",
    c.CLINICAL_ADVICE: "Asks for clinical advice",
    c.COMPLAINT: "Complaint",
    c.INDIVIDUAL_CARE: "About someone's care",
    c.PRAISE: "Praise",
    c.MEDIA_REVIEW: "For the press office",
}
# What sending each shipped template does, in a few words.
TEMPLATE_WORDS = {
    "crisis": "send crisis signposting",
    "complaints": "send the complaints route",
    "pals": "pass to PALS",
    "thank_you": "thank them",
    "clinical_advice": "explain we cannot advise online",
    "private_message": "ask them to message privately",
    "welcome": "send the welcome",
}


def category_words(category: str) -> str:
    return CATEGORY_WORDS.get(category) or category.replace("_", " ").capitalize()


def target_words(target: str) -> str:
    return ESCALATION_TARGETS.get(target) or target.replace("_", " ")


def suggestion_words(decision: Decision) -> str:
    """The suggested step in a few words ('' when nothing is suggested)."""
    action = decision.action
    if decision.report_suggested or action == c.ACTION_LEAD_DECISION:
        return "a lead decides"
    if action == c.ACTION_HIDE:
        return "suggest hide"
    if action == c.ACTION_REPORT:
        return "suggest report"
    if action == c.ACTION_REPLY:
        return TEMPLATE_WORDS.get(decision.template or "", "suggest a reply")
    if action == c.ACTION_ESCALATE:
        if decision.escalate_to:
            return f"pass to {target_words(decision.escalate_to)}"
        return "suggest escalate"
    return ""


def headline(decision: Decision, primary_category: str | None, *, hide_possible: bool) -> str:
    """'Hateful post — suggest hide', 'Complaint — send the complaints route', 'Praise'."""
    if primary_category == c.CRISIS:
        return CRISIS_HEADLINE
    if primary_category is None:
        return "Nothing flagged"
    words = suggestion_words(decision)
    if decision.action == c.ACTION_HIDE and not hide_possible:
        # The platform has no hide for this post (an X mention): say what can be done.
        words = "suggest report"
    if primary_category == c.PRAISE:
        return "Praise"
    noun = category_words(primary_category)
    return f"{noun} — {words}" if words else noun
