"""What an edited policy does, not only whether it parses: every rule's examples, and the
bundled fair-criticism posts (policy/fair_criticism.txt), which must never be flagged for
removal. `feedwatch policy check` and the live reload refuse an edit with any problem here,
each named by the line of the policy file to look at.

Pure: the policy text and a compiled engine in, problems out (the bundled posts are package
data, read once).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from policy.categories import ACTION_HIDE, ACTION_REPORT, REMOVAL_CATEGORIES
from policy.decision import Decision
from policy.engine import PolicyEngine
from policy.examples import example_context
from policy.model import PolicyProblem
from policy.text import phrase_tokens

SHOWN = 80  # characters of a post quoted in a problem


@lru_cache(maxsize=1)
def fair_criticism() -> tuple[str, ...]:
    """The bundled fair-criticism posts, one a line ('#' lines are notes)."""
    text = resources.files("policy").joinpath("fair_criticism.txt").read_text("utf-8")
    return tuple(line.strip() for line in text.splitlines()
                 if line.strip() and not line.lstrip().startswith("#"))


@dataclass
class _RuleLines:
    line: int = 0
    examples: dict[str, int] = field(default_factory=dict)
    terms: dict[str, int] = field(default_factory=dict)


def _value(node: Node, key: str) -> Node | None:
    if isinstance(node, MappingNode):
        for k, v in node.value:
            if isinstance(k, ScalarNode) and k.value == key:
                return v
    return None


def _items(node: Node | None) -> list[Node]:
    return list(node.value) if isinstance(node, (SequenceNode, MappingNode)) else []


def _line_map(text: str) -> dict[str, _RuleLines]:
    """rule id -> the lines of the rule, its examples and its terms (1-based)."""
    out: dict[str, _RuleLines] = {}
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    for _, cat in _items(_value(root, "categories")) if root is not None else []:
        for rule in _items(_value(cat, "rules")):
            rid = _value(rule, "id")
            if not isinstance(rid, ScalarNode):
                continue
            lines = out.setdefault(str(rid.value), _RuleLines(rule.start_mark.line + 1))
            examples = _value(rule, "examples")
            for key in ("match", "no_match"):
                for item in _items(_value(examples, key) if examples is not None else None):
                    if isinstance(item, ScalarNode):
                        lines.examples[str(item.value)] = item.start_mark.line + 1
            for item in _items(_value(rule, "terms")):
                if isinstance(item, ScalarNode):
                    lines.terms[str(item.value)] = item.start_mark.line + 1
    return out


def _quote(text: str) -> str:
    return repr(text if len(text) <= SHOWN else text[: SHOWN - 1] + "…")


def flagged_for_removal(d: Decision) -> list[str]:
    """Rule ids that would have the post removed (a removal category, or hide/report)."""
    rules = [f.rule_id for f in d.flags if f.category in REMOVAL_CATEGORIES]
    if not rules and d.action in (ACTION_HIDE, ACTION_REPORT) and d.flags:
        rules = [d.flags[0].rule_id]
    return rules


def _offending_line(lines: _RuleLines | None, evidence: str) -> tuple[int, str]:
    """The line of the listed term that matched, else the rule's own line."""
    if lines is None:
        return 0, ""
    found = phrase_tokens(evidence)
    for term, line in lines.terms.items():
        toks = phrase_tokens(term)
        if toks and any(found[i:i + len(toks)] == toks for i in range(len(found))):
            return line, f"the term {term!r}"
    return lines.line, ""


def behaviour_problems(engine: PolicyEngine, text: str,
                       fair: tuple[str, ...] | None = None) -> list[PolicyProblem]:
    """Failing rule examples and fair criticism flagged for removal, each at its line."""
    lines = _line_map(text)
    problems: list[PolicyProblem] = []
    for rule in engine.policy.rules.values():
        where = lines.get(rule.id)
        for expected, examples in ((True, rule.match), (False, rule.no_match)):
            for example in examples:
                post, ctx = example_context(example)
                fired = rule.id in [f.rule_id for f in engine.classify(post, ctx).flags]
                if fired is expected:
                    continue
                line = where.examples.get(example, where.line) if where else rule.line
                what = "must match but does not" if expected else "must not match but does"
                problems.append(PolicyProblem(line, f"rule {rule.id}: example {what}: "
                                                    f"{_quote(example)}"))
    flagged: dict[tuple[int, str], list[str]] = {}
    for post in fair_criticism() if fair is None else fair:
        d = engine.classify(post)
        for rule_id in flagged_for_removal(d):
            flag = next(f for f in d.flags if f.rule_id == rule_id)
            line, term = _offending_line(lines.get(rule_id), flag.evidence)
            by = f"{term} of rule {rule_id}" if term else f"rule {rule_id}"
            flagged.setdefault((line, f"{by} ({flag.category})"), []).append(post)
    for (line, by), posts in flagged.items():
        many = f"{len(posts)} fair-criticism posts" if len(posts) > 1 else "fair criticism"
        problems.append(PolicyProblem(line, f"{by} would flag {many} for removal, e.g. "
                                            f"{_quote(posts[0])}"))
    problems.sort(key=lambda p: p.line)
    return problems
