"""Category ids: defined once, used everywhere (Slack, store, CLI, tests)."""

from __future__ import annotations

from enum import IntEnum

# Removal categories: a post in one of these may be hidden, deleted or reported.
HATE = "hate"
PROFANITY = "profanity"
VIOLENCE = "violence"
DEFAMATION = "defamation"
ABUSE = "abuse"
UPSETTING_LINK = "upsetting_link"
ILLEGAL = "illegal"
PERSONAL_INFO = "personal_info"
ADVERTISING = "advertising"
SEXUAL = "sexual"
WEAPONS = "weapons"
TERRORISM = "terrorism"
FINANCIAL_GAIN = "financial_gain"

# Routing categories: a person must see it and route it; never a reason to remove.
CRISIS = "crisis"
CLINICAL_ADVICE = "clinical_advice"
COMPLAINT = "complaint"
INDIVIDUAL_CARE = "individual_care"
PRAISE = "praise"
MEDIA_REVIEW = "media_review"
UNREAD_LANGUAGE = "unread_language"  # written in a language the policy cannot read

REMOVAL_CATEGORIES: tuple[str, ...] = (
    HATE,
    PROFANITY,
    VIOLENCE,
    DEFAMATION,
    ABUSE,
    UPSETTING_LINK,
    ILLEGAL,
    PERSONAL_INFO,
    ADVERTISING,
    SEXUAL,
    WEAPONS,
    TERRORISM,
    FINANCIAL_GAIN,
)
ROUTING_CATEGORIES: tuple[str, ...] = (
    CRISIS,
    CLINICAL_ADVICE,
    COMPLAINT,
    INDIVIDUAL_CARE,
    PRAISE,
    MEDIA_REVIEW,
    UNREAD_LANGUAGE,
)
ALL_CATEGORIES: tuple[str, ...] = REMOVAL_CATEGORIES + ROUTING_CATEGORIES


class Severity(IntEnum):
    """Severity, shown in Slack as the word (never colour or emoji alone)."""

    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @property
    def word(self) -> str:
        return self.name.lower()

    @classmethod
    def from_word(cls, word: str) -> Severity:
        try:
            return cls[word.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {word!r}; expected one of "
                + ", ".join(s.word for s in cls)
            ) from None


# Suggested actions (the one action a Decision proposes).
ACTION_NONE = "none"
ACTION_HIDE = "hide"
ACTION_REPORT = "report"
ACTION_REPLY = "reply"  # with a template: Decision.template
ACTION_ESCALATE = "escalate"  # to a target: Decision.escalate_to
ACTION_LEAD_DECISION = "lead_decision"
SUGGESTED_ACTIONS: tuple[str, ...] = (
    ACTION_NONE,
    ACTION_HIDE,
    ACTION_REPORT,
    ACTION_REPLY,
    ACTION_ESCALATE,
    ACTION_LEAD_DECISION,
)
