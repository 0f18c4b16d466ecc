"""Parse and validate policy.yaml text, naming the line of every problem.

Pure: takes text, returns a Policy (or problems). Reading the file is the caller's job.
"""

from __future__ import annotations

import hashlib
import string
from pathlib import Path

import yaml
from yaml.nodes import Node

from policy.category_sections import categories_section
from policy.model import Policy, PolicyError, PolicyProblem, ServiceNumber
from policy.yaml_checker import Checker

REQUIRED_TEMPLATES = (
    "welcome", "private_message", "clinical_advice", "complaints", "pals", "thank_you", "crisis",
)
REQUIRED_SERVICE_NUMBERS = ("switchboard", "crisis_line", "nhs_111", "samaritans", "emergency")
LINK_LISTS = ("shorteners", "adult", "shock", "scam", "crypto", "trusted")
# Filled in by the bot at reply time, on top of service numbers and contacts.
RUNTIME_PLACEHOLDERS = frozenset({"name", "handle", "reason", "category", "team"})
_TOP_KEYS = {"name", "contacts", "service_numbers", "escalation_targets", "link_lists",
             "word_lists", "templates", "template_titles", "x_templates", "categories"}


def bundled_policy_path() -> Path:
    """The policy.yaml shipped inside the package."""
    return Path(__file__).with_name("policy.yaml")


def policy_version(text: str) -> str:
    """Short content hash of the file bytes: every decision records it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def load_policy(text: str, source: str = "<policy>") -> Policy:
    """Parse and validate; raise PolicyError naming file and line of each problem."""
    policy, problems = _build(text)
    if problems or policy is None:
        raise PolicyError(source, problems or [PolicyProblem(0, "empty policy")])
    return Policy(**{**policy.__dict__, "source": source})


def check_policy(text: str, source: str = "<policy>") -> list[PolicyProblem]:
    """All problems in a policy text (empty when valid), for `feedwatch policy check FILE`."""
    return _build(text)[1]


def _build(text: str) -> tuple[Policy | None, list[PolicyProblem]]:
    c = Checker()
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        return None, [PolicyProblem(line, f"not valid YAML: {getattr(exc, 'problem', exc)}")]
    if root is None:
        return None, [PolicyProblem(0, "the policy file is empty")]
    top = c.mapping(root, "the policy")
    for key, (knode, _) in top.items():
        if key not in _TOP_KEYS:
            c.add(knode, f"unknown section {key!r}; expected one of {', '.join(sorted(_TOP_KEYS))}")
    for key in ("name", "service_numbers", "templates", "categories"):
        if key not in top:
            c.add(root, f"missing section {key!r}")
    name = c.text(top["name"][1], "name") if "name" in top else ""
    contacts = _flat_texts(c, top.get("contacts"), "contacts")
    targets = _flat_texts(c, top.get("escalation_targets"), "escalation_targets")
    numbers = _service_numbers(c, top.get("service_numbers"))
    links = _link_lists(c, top.get("link_lists"))
    edits = _word_lists(c, top.get("word_lists"))
    templates = _templates(c, top.get("templates"), numbers, contacts)
    titles = _template_titles(c, top.get("template_titles"), templates)
    x_forms = _x_templates(c, top.get("x_templates"), numbers, contacts, templates)
    categories = categories_section(c, top.get("categories"), templates, targets)
    if c.problems:
        return None, c.problems
    return Policy(name=name, version=policy_version(text), source="<policy>",
                  categories=categories, templates=templates, service_numbers=numbers,
                  contacts=contacts, escalation_targets=targets, link_lists=links,
                  word_lists=edits, template_titles=titles, x_templates=x_forms), []


def _flat_texts(c: Checker, pair: tuple[Node, Node] | None, what: str) -> dict[str, str]:
    if pair is None:
        return {}
    return {k: c.text(v, f"{what}.{k}") for k, (_, v) in c.mapping(pair[1], what).items()}


def _template_titles(c: Checker, pair: tuple[Node, Node] | None,
                     templates: dict[str, str]) -> dict[str, str]:
    """What people see a template called; each title names a template that exists."""
    titles = _flat_texts(c, pair, "template_titles")
    if pair is not None:
        for tid, (knode, _) in c.mapping(pair[1], "template_titles").items():
            if tid not in templates:
                c.add(knode, f"template_titles: {tid!r} is not a template")
    return titles


def _x_templates(c: Checker, pair: tuple[Node, Node] | None, numbers: dict[str, ServiceNumber],
                 contacts: dict[str, str], templates: dict[str, str]) -> dict[str, str]:
    """Shorter forms for a public reply on X: the same placeholders, each of a template."""
    forms = _templates(c, pair, numbers, contacts, required=(), section="x_templates")
    if pair is not None:
        for tid, (knode, _) in c.mapping(pair[1], "x_templates").items():
            if tid not in templates:
                c.add(knode, f"x_templates: {tid!r} is not a template")
    return forms


def _service_numbers(c: Checker, pair: tuple[Node, Node] | None) -> dict[str, ServiceNumber]:
    if pair is None:
        return {}
    out: dict[str, ServiceNumber] = {}
    for sid, (knode, v) in c.mapping(pair[1], "service_numbers").items():
        fields = c.mapping(v, f"service_numbers.{sid}")
        where = f"service_numbers.{sid}"
        label = c.text(fields["label"][1], f"{where}.label") if "label" in fields else ""
        number = c.text(fields["number"][1], f"{where}.number") if "number" in fields else ""
        if "label" not in fields or "number" not in fields:
            c.add(knode, f"service_numbers.{sid} needs a label and a number")
        elif not any(ch.isdigit() for ch in number):
            c.add(fields["number"][1], f"service_numbers.{sid}.number has no digits")
        out[sid] = ServiceNumber(sid, label, number)
    for sid in REQUIRED_SERVICE_NUMBERS:
        if sid not in out:
            c.add(pair[0], f"service_numbers: missing {sid!r}")
    return out


def _link_lists(c: Checker, pair: tuple[Node, Node] | None) -> dict[str, tuple[str, ...]]:
    if pair is None:
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for lid, (knode, v) in c.mapping(pair[1], "link_lists").items():
        if lid not in LINK_LISTS:
            c.add(knode, f"link_lists: unknown list {lid!r}; expected one of "
                         + ", ".join(LINK_LISTS))
        out[lid] = tuple(d.lower().strip(".") for d in c.texts(v, f"link_lists.{lid}"))
    return out


def _word_lists(
    c: Checker, pair: tuple[Node, Node] | None,
) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """The trust's additions to and removals from the packaged word lists. Only extendable
    lists may be edited: those that decide what counts as distress or crisis may not."""
    from policy.detectors import WORD_LISTS  # late: detectors import the model
    from policy.text import phrase_tokens

    if pair is None:
        return {}
    out: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for name, (knode, v) in c.mapping(pair[1], "word_lists").items():
        wl = WORD_LISTS.get(name)
        if wl is None or not wl.extendable:
            why = "is not extendable (safety)" if wl is not None else "is not a word list"
            c.add(knode, f"word_lists: {name!r} {why}; extendable lists: "
                         + ", ".join(sorted(n for n, w in WORD_LISTS.items() if w.extendable)))
            continue
        fields = c.mapping(v, f"word_lists.{name}")
        for key, (kn, _) in fields.items():
            if key not in ("add", "remove"):
                c.add(kn, f"word_lists.{name}: unknown field {key!r}; use add and remove")
        add = c.texts(fields["add"][1], f"word_lists.{name}.add") if "add" in fields else ()
        remove = (c.texts(fields["remove"][1], f"word_lists.{name}.remove")
                  if "remove" in fields else ())
        for what, entries in (("add", add), ("remove", remove)):
            for i, entry in enumerate(entries):
                node = fields[what][1].value[i]
                if entry and not phrase_tokens(entry):
                    c.add(node, f"word_lists.{name}.{what}: {entry!r} has no words to match")
        known = {phrase_tokens(p) for p in wl}
        for i, entry in enumerate(remove):
            if entry and phrase_tokens(entry) not in known:
                c.add(fields["remove"][1].value[i],
                      f"word_lists.{name}.remove: {entry!r} is not in {wl.path}")
        out[name] = (add, remove)
    return out


def _templates(
    c: Checker, pair: tuple[Node, Node] | None, numbers: dict[str, ServiceNumber],
    contacts: dict[str, str], required: tuple[str, ...] = REQUIRED_TEMPLATES,
    section: str = "templates",
) -> dict[str, str]:
    if pair is None:
        return {}
    allowed = set(numbers) | set(contacts) | RUNTIME_PLACEHOLDERS
    out: dict[str, str] = {}
    for tid, (_, v) in c.mapping(pair[1], section).items():
        body = c.text(v, f"{section}.{tid}")
        try:
            fields = [f for _, f, _, _ in string.Formatter().parse(body) if f is not None]
        except ValueError as exc:
            c.add(v, f"{section}.{tid}: bad placeholder ({exc})")
            fields = []
        for f in fields:
            if f not in allowed:
                c.add(v, f"{section}.{tid}: unknown placeholder {{{f}}}; use one of "
                         + ", ".join(sorted(allowed)))
        out[tid] = body
    for tid in required:
        if tid not in out:
            c.add(pair[0], f"{section}: missing {tid!r}")
    return out
