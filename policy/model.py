"""The policy as loaded from policy.yaml: plain immutable data the engine and the bot read."""

from __future__ import annotations

import string
from dataclasses import dataclass, field

from policy.categories import Severity


@dataclass(frozen=True)
class PolicyProblem:
    """One thing wrong with a policy file, at a line (1-based; 0 when the whole file)."""

    line: int
    message: str

    def format(self, source: str) -> str:
        return f"{source}:{self.line}: {self.message}" if self.line else f"{source}: {self.message}"


class PolicyError(ValueError):
    """The policy file is invalid; the message names the file and line of each problem."""

    def __init__(self, source: str, problems: list[PolicyProblem]) -> None:
        self.source = source
        self.problems = list(problems)
        super().__init__("\n".join(p.format(source) for p in self.problems))


@dataclass(frozen=True)
class Rule:
    id: str
    description: str
    match: tuple[str, ...]
    no_match: tuple[str, ...]
    severity: Severity | None = None  # overrides the category's
    action: str | None = None  # overrides the category's
    terms: tuple[str, ...] = ()  # extra phrases that fire this rule, added by the trust
    line: int = 0

    @property
    def category(self) -> str:
        return self.id.split(".", 1)[0]


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    clause: str
    severity: Severity
    action: str
    explanation: str  # sent to the user when action is taken; why it fired, for moderators
    rules: tuple[Rule, ...]
    template: str | None = None
    escalate_to: str | None = None
    line: int = 0


@dataclass(frozen=True)
class ServiceNumber:
    id: str
    label: str
    number: str

    @property
    def digits(self) -> str:
        return "".join(ch for ch in self.number if ch.isdigit())


@dataclass(frozen=True)
class Policy:
    """A validated policy. `version` is a short sha256 of the file bytes."""

    name: str
    version: str
    source: str
    categories: dict[str, Category]
    templates: dict[str, str]
    service_numbers: dict[str, ServiceNumber]
    contacts: dict[str, str] = field(default_factory=dict)
    escalation_targets: dict[str, str] = field(default_factory=dict)
    link_lists: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The trust's edits of packaged word lists: name -> (added, removed).
    word_lists: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    template_titles: dict[str, str] = field(default_factory=dict)
    # Shorter forms of some templates for a public reply on X (280 characters), by template id.
    x_templates: dict[str, str] = field(default_factory=dict)

    @property
    def rules(self) -> dict[str, Rule]:
        return {r.id: r for c in self.categories.values() for r in c.rules}

    def template_title(self, template_id: str) -> str:
        """The template's title in words; a template without one is named from its id."""
        return self.template_titles.get(template_id) or template_id.replace("_", " ").capitalize()

    def placeholders(self) -> dict[str, str]:
        """Values every template may use: service numbers by id, and contacts."""
        values = {sid: s.number for sid, s in self.service_numbers.items()}
        values.update(self.contacts)
        return values

    def render(self, template_id: str, *, x_reply: bool = False, **values: str) -> str:
        """Fill a reply template; unknown placeholders are left visible, never dropped.
        `x_reply`: a public reply on X, which takes the template's shorter X form if it has one."""
        merged = self.placeholders()
        merged.update(values)
        body = self.x_templates.get(template_id) if x_reply else None
        return string.Formatter().vformat(body or self.templates[template_id], (), _Keep(merged))


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
