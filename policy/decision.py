"""What the policy engine returns: plain, immutable data, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from policy.categories import ACTION_NONE, Severity


@dataclass(frozen=True)
class Context:
    """What the engine may know about a post besides its text.

    Everything is optional so `classify(text)` works on bare text (the CLI, the eval).
    """

    platform: str = ""  # "x" | "facebook"
    kind: str = ""  # mention, reply, quote, dm, comment, visitor_post, tag
    has_media: bool = False
    media_types: tuple[str, ...] = ()  # photo, video, animated_gif, audio
    links: tuple[str, ...] = ()  # expanded URLs from platform entities
    ocr_text: str = ""  # text read from images (bot/ does the OCR)
    lang: str = ""  # the platform's language tag for the post (X's `lang`), if it sent one


@dataclass(frozen=True)
class Flag:
    """One category that fired, with why."""

    category: str
    severity: Severity
    rule_id: str
    evidence: str  # the matching span as shown to moderators (slurs masked)
    explanation: str  # why this category fired, in plain words
    confidence: float = 1.0
    span: tuple[int, int] | None = None  # (start, end) in the original text, if known

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "severity": self.severity.word,
            "rule_id": self.rule_id,
            "evidence": self.evidence,
            "explanation": self.explanation,
            "confidence": round(self.confidence, 3),
            "span": list(self.span) if self.span else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Flag:
        span = data.get("span")
        return cls(
            category=data["category"],
            severity=Severity.from_word(data["severity"]),
            rule_id=data["rule_id"],
            evidence=data.get("evidence", ""),
            explanation=data.get("explanation", ""),
            confidence=float(data.get("confidence", 1.0)),
            span=(int(span[0]), int(span[1])) if span else None,
        )


@dataclass(frozen=True)
class Decision:
    """The policy's verdict on one post."""

    flags: tuple[Flag, ...] = ()
    action: str = ACTION_NONE  # one of policy.categories.SUGGESTED_ACTIONS
    template: str | None = None  # reply template id when action is reply (or crisis)
    escalate_to: str | None = None  # escalation target when action is escalate
    report_suggested: bool = False  # threats: a lead confirms or rejects
    policy_version: str = ""
    explanation: str = ""  # one line for the alert: why this action
    # Categories the rules found but the decision does not act on (crisis comes first; loose
    # words in a story of distress), so a moderator can see what was set aside.
    suppressed: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def categories(self) -> list[str]:
        """Category ids, most severe first, each once."""
        seen: dict[str, Severity] = {}
        for f in self.flags:
            if f.category not in seen or f.severity > seen[f.category]:
                seen[f.category] = f.severity
        return sorted(seen, key=lambda c: -seen[c])

    @property
    def max_severity(self) -> Severity:
        return max((f.severity for f in self.flags), default=Severity.INFO)

    def to_dict(self) -> dict[str, Any]:
        return {
            "categories": self.categories,
            "flags": [f.to_dict() for f in self.flags],
            "action": self.action,
            "template": self.template,
            "escalate_to": self.escalate_to,
            "report_suggested": self.report_suggested,
            "policy_version": self.policy_version,
            "explanation": self.explanation,
            "suppressed": list(self.suppressed),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Decision:
        return cls(
            flags=tuple(Flag.from_dict(f) for f in data.get("flags", [])),
            action=data.get("action", ACTION_NONE),
            template=data.get("template"),
            escalate_to=data.get("escalate_to"),
            report_suggested=bool(data.get("report_suggested", False)),
            policy_version=data.get("policy_version", ""),
            explanation=data.get("explanation", ""),
            suppressed=tuple(str(c) for c in data.get("suppressed", ())),
        )
