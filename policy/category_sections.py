"""The `categories` section of policy.yaml: each category, its severity and action, and its
rules with their descriptions, examples and trust-added terms."""

from __future__ import annotations

from yaml.nodes import Node, SequenceNode

from policy.categories import ALL_CATEGORIES, REMOVAL_CATEGORIES, SUGGESTED_ACTIONS, Severity
from policy.model import Category, Rule
from policy.yaml_checker import Checker

_CATEGORY_KEYS = {"title", "clause", "severity", "action", "template", "escalate_to",
                  "explanation", "rules"}
_RULE_KEYS = {"id", "description", "examples", "severity", "action", "terms"}


def categories_section(
    c: Checker, pair: tuple[Node, Node] | None, templates: dict[str, str],
    targets: dict[str, str],
) -> dict[str, Category]:
    from policy.detectors import BUILTIN_RULES  # late: detectors import the model

    if pair is None:
        return {}
    out: dict[str, Category] = {}
    seen_rules: set[str] = set()
    for cid, (knode, v) in c.mapping(pair[1], "categories").items():
        if cid not in ALL_CATEGORIES:
            c.add(knode, f"unknown category {cid!r}")
            continue
        f = c.mapping(v, f"categories.{cid}")
        for key, (kn, _) in f.items():
            if key not in _CATEGORY_KEYS:
                c.add(kn, f"categories.{cid}: unknown field {key!r}")
        for key in ("title", "clause", "severity", "action", "explanation", "rules"):
            if key not in f:
                c.add(knode, f"categories.{cid}: missing {key!r}")
        get = {k: c.text(n, f"categories.{cid}.{k}") for k, (_, n) in f.items()
               if k not in ("rules",)}
        sev = _severity(c, f.get("severity"), f"categories.{cid}.severity")
        action = get.get("action", "none")
        if "action" in f and action not in SUGGESTED_ACTIONS:
            c.add(f["action"][1], f"categories.{cid}.action {action!r} is not one of "
                                  + ", ".join(SUGGESTED_ACTIONS))
        template = get.get("template") or None
        if template and template not in templates:
            c.add(f["template"][1], f"categories.{cid}.template {template!r} is not a template")
        if cid in REMOVAL_CATEGORIES and not template and "template" not in f:
            c.add(knode, f"categories.{cid}: a removal category needs a template explaining it")
        escalate = get.get("escalate_to") or None
        if escalate and escalate not in targets:
            c.add(f["escalate_to"][1], f"categories.{cid}.escalate_to {escalate!r} is not an "
                                       "escalation target")
        rules = _rules(c, cid, f.get("rules"), BUILTIN_RULES, seen_rules)
        out[cid] = Category(cid, get.get("title", ""), get.get("clause", ""),
                            sev or Severity.INFO, action, get.get("explanation", ""), rules,
                            template, escalate, knode.start_mark.line + 1)
    for cid in ALL_CATEGORIES:
        if cid not in out:
            c.add(pair[0], f"categories: missing category {cid!r}")
    return out


def _severity(c: Checker, pair: tuple[Node, Node] | None, what: str) -> Severity | None:
    if pair is None:
        return None
    try:
        return Severity.from_word(c.text(pair[1], what))
    except ValueError as exc:
        c.add(pair[1], f"{what}: {exc}")
        return None


def _rules(
    c: Checker, cid: str, pair: tuple[Node, Node] | None, builtin: frozenset[str],
    seen: set[str],
) -> tuple[Rule, ...]:
    if pair is None:
        return ()
    node = pair[1]
    if not isinstance(node, SequenceNode) or not node.value:
        c.add(node, f"categories.{cid}.rules must be a non-empty list")
        return ()
    out: list[Rule] = []
    for item in node.value:
        f = c.mapping(item, f"a rule of {cid}")
        for key, (kn, _) in f.items():
            if key not in _RULE_KEYS:
                c.add(kn, f"rule: unknown field {key!r}")
        rid = c.text(f["id"][1], "rule id") if "id" in f else ""
        where = f"rule {rid or '(no id)'}"
        if "id" not in f:
            c.add(item, f"a rule of {cid} has no id")
        elif not rid.startswith(cid + "."):
            c.add(f["id"][1], f"{where}: the id must start with '{cid}.'")
        elif rid in seen:
            c.add(f["id"][1], f"{where}: duplicate rule id")
        seen.add(rid)
        desc = c.text(f["description"][1], f"{where}: description") if "description" in f else ""
        if "description" not in f:
            c.add(item, f"{where}: missing description")
        ex = c.mapping(f["examples"][1], f"{where}: examples") if "examples" in f else {}
        if "examples" not in f:
            c.add(item, f"{where}: missing examples (match and no_match)")
        match = c.texts(ex["match"][1], f"{where}: examples.match") if "match" in ex else ()
        no_match = (c.texts(ex["no_match"][1], f"{where}: examples.no_match")
                    if "no_match" in ex else ())
        if "examples" in f and (not match or not no_match):
            c.add(f["examples"][1], f"{where}: needs at least one match and one no_match example")
        terms = c.texts(f["terms"][1], f"{where}: terms") if "terms" in f else ()
        if rid and rid not in builtin and not terms:
            c.add(f["id"][1] if "id" in f else item,
                  f"{where}: not a built-in rule, so it needs a 'terms' list to match")
        sev = _severity(c, f.get("severity"), f"{where}: severity")
        action = c.text(f["action"][1], f"{where}: action") if "action" in f else None
        if action is not None and action not in SUGGESTED_ACTIONS:
            c.add(f["action"][1], f"{where}: action {action!r} is not one of "
                                  + ", ".join(SUGGESTED_ACTIONS))
        out.append(Rule(rid, desc, match, no_match, sev, action, terms, item.start_mark.line + 1))
    return tuple(out)
