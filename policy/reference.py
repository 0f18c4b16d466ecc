"""The rules reference page (docs/policy-rules.md), generated from the policy and the
detectors so it cannot drift from them. Pure: a Policy in, Markdown out."""

from __future__ import annotations

from types import ModuleType

from policy.detectors import DETECTORS, PHRASE_SOURCES, rulekit
from policy.model import Policy
from policy.wordlists import WordList

HEADER = """# Policy rules reference

Generated from `policy/policy.yaml`, the detectors in `policy/detectors/` and the word lists
in `policy/lexicon/lists/` by `python scripts/policy_rules.py`; do not edit by hand (a test
checks that this page is current).
"""


def _module_of(rule_id: str) -> ModuleType | None:
    for m in DETECTORS:
        if rule_id in m.RULES:
            return m
    return None


def _file(m: ModuleType) -> str:
    return f"policy/detectors/{m.__name__.rsplit('.', 1)[-1]}.py"


def _function(m: ModuleType, rule_id: str) -> rulekit.RuleFunction | None:
    for fn in getattr(m, "RULE_FUNCTIONS", ()):
        if rulekit.rule_id(m.CATEGORY, fn) == rule_id:
            return fn
    return None


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def word_lists() -> list[tuple[WordList, list[str]]]:
    """Every packaged list the matcher reads, with the modules and tags that read it."""
    seen: dict[str, tuple[WordList, list[str]]] = {}
    for m in PHRASE_SOURCES:
        for tag, phrases in m.PHRASES.items():
            if isinstance(phrases, WordList):
                entry = seen.setdefault(phrases.name, (phrases, []))
                entry[1].append(f"{m.__name__.rsplit('.', 1)[-1]} ({tag})")
    return [seen[k] for k in sorted(seen)]


def render(policy: Policy, priority: tuple[str, ...], quiet: frozenset[str]) -> str:
    out = [HEADER]
    out.append("## Which category decides the action\n")
    out.append("When several categories fire, the first in this order decides the suggested "
               "action: " + ", ".join(f"`{c}`" for c in priority) + ".\n")
    out.append("In a long post about the writer's own distress these rules are kept quiet: "
               + ", ".join(f"`{r}`" for r in sorted(quiet)) + ".\n")
    for cat in policy.categories.values():
        out.append(f"## {cat.id}: {cat.title}\n")
        out.append(f"{_cell(cat.clause)}\n")
        target = f", escalates to `{cat.escalate_to}`" if cat.escalate_to else ""
        out.append(f"Severity `{cat.severity.word}`, action `{cat.action}`{target}.\n")
        for rule in cat.rules:
            m = _module_of(rule.id)
            fn = _function(m, rule.id) if m else None
            where = (f"`{_file(m)}` `{fn.__name__}()`" if fn and m else
                     f"`{_file(m)}`" if m else "terms listed in policy.yaml")
            extra = []
            if rule.severity is not None:
                extra.append(f"severity `{rule.severity.word}`")
            if rule.action:
                extra.append(f"action `{rule.action}`")
            if rule.terms:
                extra.append(f"{len(rule.terms)} listed terms")
            suffix = f" ({', '.join(extra)})" if extra else ""
            out.append(f"### `{rule.id}`{suffix}\n")
            out.append(f"{_cell(rule.description)}\n")
            out.append(f"Detector: {where}.\n")
            bad, good = rulekit.examples(fn) if fn else (list(rule.match), list(rule.no_match))
            out.extend(f"- flagged: {_cell(t)}" for t in bad)
            out.extend(f"- not flagged: {_cell(t)}" for t in good)
            out.append("")
    out.append("## Word lists\n")
    out.append("Extendable lists may be changed by the trust in policy.yaml (`word_lists:`, "
               "with `add` and `remove`); the others decide what counts as distress and may "
               "not.\n")
    out.append("| list | entries | extendable | read by | what it holds |")
    out.append("| --- | --- | --- | --- | --- |")
    for wl, users in word_lists():
        out.append(f"| [`{wl.name}`](../{wl.path}) | {len(wl)} | "
                   f"{'yes' if wl.extendable else 'no'} | {', '.join(users)} | "
                   f"{_cell(wl.description)} |")
    return "\n".join(out).rstrip() + "\n"
