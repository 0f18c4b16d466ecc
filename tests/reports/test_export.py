"""The audit log as CSV: every cell a spreadsheet could run as a formula is defused."""

from __future__ import annotations

import csv
import io

import pytest

from bot.core.clock import LONDON
from bot.core.figures import parse_range
from bot.reports.export import COLUMNS, audit_csv, escape_cell
from bot.store import audit
from tests.office.conftest import Desk, local


@pytest.mark.parametrize(("raw", "cell"), [
    ("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"),
    ("+44 7700 900123", "'+44 7700 900123"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"),
    ("plain", "plain"),
    ("a=b", "a=b"),
    (None, ""),
    (42, "42"),
])
def test_escape_cell(raw: object, cell: str) -> None:
    assert escape_cell(raw) == cell


def test_audit_csv_escapes_and_keeps_order(desk: Desk) -> None:
    desk.clock.set(local(2026, 11, 24, 10, 0))
    with desk.db.session() as s:
        audit.append(s, at=desk.clock.now(), actor="=cmd|' /C calc'!A0", action="hide",
                     mention_id=1, outcome="ok", detail={"note": "@everyone"})
        audit.append(s, at=desk.clock.now(), actor="U0MOD1", action="-evil", mention_id=2,
                     outcome="+1")
    desk.clock.set(local(2026, 11, 25, 10, 0))
    rng = parse_range("2026-11-24", desk.clock.now(), LONDON)
    with desk.db.session() as s:
        data, count = audit_csv(s, rng, LONDON)
    assert count == 2
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark for spreadsheets
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == COLUMNS
    first, second = (dict(zip(COLUMNS, r, strict=True)) for r in rows[1:])
    assert first["actor"] == "'=cmd|' /C calc'!A0"
    assert first["detail"] == '{"note": "@everyone"}'  # starts with "{": safe as it is
    assert first["at_local"] == "2026-11-24T10:00:00+00:00"
    assert second["action"] == "'-evil" and second["outcome"] == "'+1"
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
