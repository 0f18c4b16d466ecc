"""`feedwatch classify` and `feedwatch policy check`: no configuration, no network."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import IO

from bot.core.policy_file import read_engine
from policy import PolicyEngine, PolicyError, check_policy
from policy.decision import Decision
from policy.fairness import behaviour_problems, fair_criticism

log = logging.getLogger(__name__)


def decision_line(item_id: object, d: Decision) -> dict[str, object]:
    return {
        "id": item_id,
        "categories": d.categories,
        "flags": [
            {"category": f.category, "severity": f.severity.word, "rule_id": f.rule_id,
             "evidence": f.evidence}
            for f in d.flags
        ],
        "action": d.action,
        "suppressed": list(d.suppressed),
    }


def _classify_line(line: str, lineno: int, engine: PolicyEngine) -> dict[str, object]:
    if not line.strip():
        return {"id": None, "error": f"line {lineno}: empty line"}
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"line {lineno}: not JSON ({exc.msg})"}
    if not isinstance(item, dict):
        return {"id": None, "error": f"line {lineno}: expected a JSON object"}
    text = item.get("text")
    if not isinstance(text, str):
        return {"id": item.get("id"), "error": f'line {lineno}: "text" must be a string'}
    try:
        return decision_line(item.get("id"), engine.classify(text))
    except Exception:  # one bad input must not stop the stream
        log.exception("classify --jsonl: line %d could not be classified", lineno)
        return {"id": item.get("id"), "error": f"line {lineno}: internal error (see stderr)"}


def classify_jsonl(stdin: IO[str], stdout: IO[str], policy_path: Path | None = None) -> int:
    """One output line per input line, in order, flushed; errors as {"id","error"}."""
    engine = read_engine(policy_path)
    for lineno, line in enumerate(stdin, start=1):
        out = _classify_line(line, lineno, engine)
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        stdout.flush()
    return 0


def classify_text(text: str, policy_path: Path | None = None, as_json: bool = False) -> int:
    engine = read_engine(policy_path)
    d = engine.classify(text)
    if as_json:
        print(json.dumps(d.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(f"policy version: {d.policy_version}")
    if not d.flags:
        print("no flags")
    for f in d.flags:
        print(f"- {f.category} ({f.severity.word}), rule {f.rule_id}, confidence "
              f"{f.confidence:.2f}\n    evidence: {f.evidence!r}\n    why: {f.explanation}")
    action = d.action
    if d.template:
        action += f" (template: {d.template})"
    if d.escalate_to:
        action += f" (to: {d.escalate_to})"
    if d.report_suggested:
        action += " — report suggested, for a lead to confirm"
    print(f"suggested action: {action}")
    if d.suppressed:
        print(f"also found, not acted on: {', '.join(d.suppressed)}")
    if d.explanation:
        print(f"because: {d.explanation}")
    return 0


def check_policy_file(path: Path) -> int:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        print(f"{path}: cannot read: {exc.strerror}", file=sys.stderr)
        return 2
    problems = check_policy(text, str(path))
    for p in problems:
        print(f"{path}:{p.line}: {p.message}")
    if problems:
        print(f"{len(problems)} problem(s); the policy was not accepted")
        return 1
    try:
        engine = read_engine(path)
    except PolicyError as exc:
        print(exc)
        return 1
    behaviour = behaviour_problems(engine, text)
    for p in behaviour:
        print(p.format(str(path)))
    if behaviour:
        print(f"{len(behaviour)} problem(s) in what the policy does; the policy was not accepted")
        return 1
    examples = sum(len(r.match) + len(r.no_match) for r in engine.policy.rules.values())
    print(f"{path}: OK (policy version {engine.version}; {examples} rule examples and "
          f"{len(fair_criticism())} fair-criticism posts checked)")
    return 0
