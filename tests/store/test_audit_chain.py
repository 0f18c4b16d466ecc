"""The audit chain under concurrency and against someone who can write the database: writers
are serialised, the chain's end is anchored by its head, and with AUDIT_HMAC_KEY an edited and
recomputed chain, deleted newest rows or a forged prune anchor all fail verification."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text

from bot.store import audit
from bot.store.db import Database
from bot.store.schema import AuditRow

KEY = b"k" * 40
T0 = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def keyed(db: Database, key: bytes | None = KEY) -> Database:
    return Database(db.url, audit_key=key)


@pytest.fixture
def signed(db: Database) -> Iterator[Database]:
    d = keyed(db)
    yield d
    d.dispose()


def write(db: Database, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        with db.session() as s:
            audit.append(s, at=T0 + timedelta(seconds=i), actor="U0MOD1", action="hide",
                         mention_id=i, detail={"n": i})


def problems(db: Database) -> list[str]:
    with db.session() as s:
        return [f"row {p.row_id}: {p.problem}" for p in audit.verify(s)[1]]


def tamper(db: Database, *statements: str, **params: object) -> None:
    """Someone with the table owner's rights, underneath the append-only triggers."""
    with db.engine.begin() as c:
        if db.dialect == "postgresql":
            c.execute(text("SET LOCAL session_replication_role = replica"))
        else:
            for name in ("audit_log_no_update", "audit_log_no_delete",
                         "audit_anchors_no_update", "audit_anchors_no_delete"):
                c.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
        for st in statements:
            c.execute(text(st), params)


def recompute_from(db: Database, first_id: int) -> None:
    """Rehash every row from `first_id` on, and point the head at the new end, as a forger
    without the key would."""
    with db.session() as s:
        rows = s.execute(select(AuditRow).order_by(AuditRow.id)).scalars().all()
    prev = audit.GENESIS
    for r in rows:
        if r.id >= first_id:
            h = audit._digest(prev, r.at, r.actor, r.action, r.mention_id, r.outcome, r.detail,
                              r.policy_version)
            tamper(db, "UPDATE audit_log SET prev_hash = :p, hash = :h WHERE id = :id",
                   p=prev, h=h, id=r.id)
            prev = h
        else:
            prev = r.hash
    tamper(db, "UPDATE audit_head SET last_hash = :h", h=prev)


def test_simultaneous_writers_never_fork_the_chain(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Eight writers at once, each with its own engine (as eight clicks in threads, or
    processes): on SQLite they used to read the same end and fork the chain."""
    url = f"sqlite:///{tmp_path}/feedwatch.db"
    Database(url).migrate()
    dbs = [Database(url) for _ in range(8)]
    barrier = threading.Barrier(8)
    errors: list[BaseException] = []

    def click(i: int) -> None:
        try:
            for round_ in range(5):
                barrier.wait()
                with dbs[i].session() as s:
                    audit.append(s, at=T0 + timedelta(seconds=round_), actor=f"U{i}",
                                 action="hide", mention_id=i)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=click, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    with dbs[0].session() as s:
        count, found = audit.verify(s)
    for d in dbs:
        d.dispose()
    assert (count, found) == (40, [])


def test_deleting_the_newest_rows_is_caught_and_named(db: Database) -> None:
    write(db, 6)
    assert problems(db) == []
    tamper(db, "DELETE FROM audit_log WHERE id > 4")
    assert problems(db) == [
        "row 6: 2 row(s) missing at the end: the head records 6 rows ending at row 6, "
        "the log ends at row 4"]


def test_a_writer_after_a_deletion_keeps_the_mismatch(signed: Database) -> None:
    write(signed, 6)
    tamper(signed, "DELETE FROM audit_log WHERE id > 4")
    write(signed, 1, start=6)
    found = problems(signed)
    assert found and "a writer found the chain altered" in found[0]


def test_edit_and_recompute_passes_without_a_key_but_fails_with_one(db: Database) -> None:
    plain = keyed(db, None)
    write(plain, 5)
    tamper(db, "UPDATE audit_log SET outcome = 'failed' WHERE id = 2")
    assert problems(plain) == ["row 2: contents do not match their hash (edited?)"]
    recompute_from(plain, 2)
    assert problems(plain) == []  # why the key matters
    plain.dispose()


def test_with_the_key_edit_and_recompute_fails(signed: Database) -> None:
    write(signed, 5)
    assert problems(signed) == []
    tamper(signed, "UPDATE audit_log SET outcome = 'failed' WHERE id = 2")
    recompute_from(signed, 2)
    assert problems(signed) == [
        "row 5: the head's signature does not match AUDIT_HMAC_KEY (rows edited and rehashed, "
        "rows removed, or written without the key)"]


def test_with_the_key_deleting_newest_rows_and_fixing_the_head_fails(signed: Database) -> None:
    write(signed, 5)
    with signed.session() as s:
        h3 = s.get(AuditRow, 3).hash  # type: ignore[union-attr]
    tamper(signed, "DELETE FROM audit_log WHERE id > 3")
    tamper(signed, "UPDATE audit_head SET last_id = 3, last_hash = :h, row_count = 3", h=h3)
    found = problems(signed)
    assert len(found) == 1 and "signature does not match" in found[0]


def test_with_the_key_a_forged_prune_anchor_fails(signed: Database) -> None:
    write(signed, 5)
    with signed.session() as s:
        h2 = s.get(AuditRow, 2).hash  # type: ignore[union-attr]
    # Rows 1-2 removed behind an anchor that makes the rest of the chain link up.
    tamper(signed, "INSERT INTO audit_anchors (through_id, anchor_hash, rows, pruned_at, mac) "
                   "VALUES (2, :h, 2, :t, '')", h=h2, t=T0)
    tamper(signed, "DELETE FROM audit_log WHERE id <= 2")
    assert problems(signed) == ["row 2: prune anchor 1 is not signed with the key (forged?)"]
    # Without the key the forgery is not visible: the head cannot tell it from retention.
    plain = keyed(signed, None)
    assert problems(plain) == []
    plain.dispose()


def test_audit_verify_command_names_the_missing_rows(
        sqlite_db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path,  # type: ignore[no-untyped-def]
        capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli.main import main

    monkeypatch.chdir(tmp_path)
    for name, value in {"DATABASE_URL": sqlite_db.url, "SLACK_BOT_TOKEN": "xoxb-sandbox-verify",
                        "SLACK_SIGNING_SECRET": "unused", "SLACK_ALERT_CHANNEL": "C0ALERTS",
                        "AUDIT_HMAC_KEY": KEY.decode(),
                        "FEEDWATCH_ACCOUNTS": '[{"platform": "x", "name": "nsft", '
                        '"user_id": "1", "consumer_key": "a", "consumer_secret": "b", '
                        '"access_token": "c", "access_token_secret": "d"}]'}.items():
        monkeypatch.setenv(name, value)
    writer = keyed(sqlite_db)
    write(writer, 4)
    writer.dispose()
    assert main(["audit", "verify"]) == 0
    assert "4 rows checked, chain intact" in capsys.readouterr().out
    tamper(sqlite_db, "DELETE FROM audit_log WHERE id = 4")
    assert main(["audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert ("row 4: 1 row(s) missing at the end: the head records 4 rows ending at row 4, "
            "the log ends at row 3") in out


def test_with_the_key_a_fresh_empty_log_verifies(signed: Database) -> None:
    """Before anything is written nothing is signed: verifying must not report tampering."""
    assert problems(signed) == []
    write(signed, 1)
    assert problems(signed) == []
