"""Golden-file comparison: the exact JSON of a message, rewritten with UPDATE_GOLDEN=1."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

GOLDEN_DIR = Path(__file__).parent / "golden"


def assert_golden(name: str, message: dict[str, Any]) -> None:
    path = GOLDEN_DIR / f"{name}.json"
    rendered = json.dumps(message, indent=2, ensure_ascii=False) + "\n"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(rendered, encoding="utf-8")
        return
    assert path.exists(), f"{path} is missing: run with UPDATE_GOLDEN=1 and review the diff"
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert message == expected, (
        f"{name}: message differs from {path}; if the change is intended, rerun with "
        "UPDATE_GOLDEN=1 and review `git diff tests/slack/golden`"
    )
