"""Write the rules reference page, docs/policy-rules.md, from the bundled policy.

    .venv/bin/python scripts/policy_rules.py          # rewrite the page
    .venv/bin/python scripts/policy_rules.py --check  # exit 1 if the page is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy import bundled_policy_path, load_policy  # noqa: E402
from policy.engine import _QUIET_IN_DISTRESS, PRIORITY  # noqa: E402
from policy.reference import render  # noqa: E402

PAGE = ROOT / "docs" / "policy-rules.md"


def current() -> str:
    policy = load_policy(bundled_policy_path().read_text("utf-8"), "policy.yaml")
    return render(policy, PRIORITY, _QUIET_IN_DISTRESS)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write docs/policy-rules.md.")
    ap.add_argument("--check", action="store_true", help="only check the page is current")
    args = ap.parse_args(argv)
    text = current()
    if args.check:
        if not PAGE.exists() or PAGE.read_text("utf-8") != text:
            print(f"{PAGE.relative_to(ROOT)} is out of date: run scripts/policy_rules.py",
                  file=sys.stderr)
            return 1
        return 0
    PAGE.parent.mkdir(exist_ok=True)
    PAGE.write_text(text, encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
