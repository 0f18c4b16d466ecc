"""The end of a test run: one line of skips grouped by reason, not a line per skipped test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.skip_summary import summary_line

pytest_plugins = ["pytester"]


class Report:
    def __init__(self, reason: str) -> None:
        self.longrepr = ("tests/x.py", 1, f"Skipped: {reason}")


def test_skips_are_counted_by_reason_most_common_first() -> None:
    reports = [Report("needs PostgreSQL")] * 3 + [Report("no Chromium")]
    assert summary_line(reports) == "skipped 4: 3 needs PostgreSQL; 1 no Chromium"
    assert summary_line([]) == ""


def test_a_run_ends_with_one_line_of_skips(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_many="""
        import pytest

        @pytest.mark.parametrize("n", range(30))
        def test_pg(n):
            pytest.skip("PostgreSQL tests need a server")

        def test_browser():
            pytest.skip("Chromium not found")

        def test_ok():
            pass
    """)
    root = Path(__file__).resolve().parents[1]
    pytester.syspathinsert(root)
    result = pytester.runpytest("-p", "tests.skip_summary", "-rfE", "-q")
    result.assert_outcomes(passed=1, skipped=31)
    out = result.stdout.str()
    assert "skipped 31: 30 PostgreSQL tests need a server; 1 Chromium not found" in out
    assert out.count("SKIPPED [") == 0
