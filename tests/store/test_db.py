from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from bot.core.models import Author, Mention, X
from bot.store import audit
from bot.store.db import Database, normalise_url
from bot.store.mentions import existing_keys, insert_mention, load_mention
from bot.store.schema import Base, MentionRow

T0 = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # the night the clocks go forward


def mention(ext: str = "1", text: str = "hello") -> Mention:
    return Mention(
        platform=X, account="nsft", external_id=ext, kind="mention",
        author=Author(id="9", handle="pat", name="Pat", url="https://x.com/pat"),
        text=text, created_at=T0,
    )


def test_migrations_match_models(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_migrate_is_idempotent_and_reaches_head(db: Database) -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from bot.store.db import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    db.migrate()
    with db.engine.connect() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == head


def test_mention_stored_once_per_platform_account_id(db: Database) -> None:
    now = T0 + timedelta(hours=1)
    with db.session() as s:
        first = insert_mention(s, mention("1"), now)
        again = insert_mention(s, mention("1", "edited"), now)
        other_account = insert_mention(s, Mention(**{**mention("1").__dict__, "account": "b"}), now)
    assert first is not None and again is None and other_account is not None
    with db.session() as s:
        assert s.execute(select(MentionRow.text).where(MentionRow.id == first)).scalar() == "hello"
        assert existing_keys(s, [(X, "nsft", "1"), (X, "nsft", "2")]) == {(X, "nsft", "1")}


def test_times_come_back_aware_utc(db: Database) -> None:
    with db.session() as s:
        mid = insert_mention(s, mention(), T0)
    with db.session() as s:
        loaded = load_mention(s, mid)
    assert loaded is not None
    assert loaded[0].created_at == T0
    assert loaded[0].created_at.tzinfo is not None
    assert loaded[0].created_at.utcoffset() == timedelta(0)


def test_naive_datetime_refused(db: Database) -> None:
    bad = Mention(**{**mention().__dict__, "created_at": datetime(2026, 1, 1)})
    with pytest.raises(Exception, match="naive"), db.session() as s:
        insert_mention(s, bad, T0)


def test_audit_log_is_append_only(db: Database) -> None:
    with db.session() as s:
        audit.append(s, at=T0, actor="U1", action="hide", mention_id=1)
    with pytest.raises(DatabaseError, match="append-only"), db.engine.begin() as c:
        c.execute(text("UPDATE audit_log SET actor = 'U2'"))
    with pytest.raises(DatabaseError, match="append-only"), db.engine.begin() as c:
        c.execute(text("DELETE FROM audit_log"))


def test_audit_chain_verifies_and_catches_tampering(db: Database) -> None:
    with db.session() as s:
        for i in range(3):
            audit.append(s, at=T0 + timedelta(seconds=i), actor="U1", action="hide",
                         mention_id=i, detail={"reason": f"r{i}"})
    with db.session() as s:
        assert audit.verify(s) == (3, [])
    # Tamper underneath the trigger, as someone with table-owner rights could.
    with db.engine.begin() as c:
        if db.dialect == "postgresql":
            # the test database is shared by later tests: the trigger must come back
            c.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
            c.execute(text("UPDATE audit_log SET actor = 'U666' WHERE id = 2"))
            c.execute(text("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only"))
        else:
            c.execute(text("DROP TRIGGER audit_log_no_update"))
            c.execute(text("UPDATE audit_log SET actor = 'U666' WHERE id = 2"))
    with db.session() as s:
        count, problems = audit.verify(s)
    assert count == 3
    assert [p.row_id for p in problems] == [2]


def test_postgres_url_forms_use_psycopg3() -> None:
    assert normalise_url("postgres://u:p@h/d") == "postgresql+psycopg://u:p@h/d"
    assert normalise_url("postgresql://h/d") == "postgresql+psycopg://h/d"
    assert normalise_url("sqlite:///x.db") == "sqlite:///x.db"


def test_network_guard_refuses_non_loopback() -> None:
    s = socket.socket()
    try:
        with pytest.raises(OSError, match="non-loopback"):
            s.connect(("192.0.2.1", 443))
    finally:
        s.close()


def _alembic(db: Database, command_name: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    from bot.store.db import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        getattr(command, command_name)(cfg, revision)


def test_acting_on_an_alert_is_recorded_on_it_and_0006_fills_in_old_alerts(db: Database) -> None:
    """alerts.first_action_at is a moderator's first action (a claim counts; a refused click
    and the bot's own do not) and closed_at the first that closes it (a hide; not a claim)
    (bot/store/closing.py). Alerts from before 0006 get both from the audit log."""
    from bot.store.schema import AlertRow

    with db.session() as s:
        ids = [insert_mention(s, mention(str(i)), T0) for i in range(3)]
        for mid in ids:
            s.add(AlertRow(kind="mention", dedupe_key=f"mention:{mid}", mention_id=mid,
                           payload={}, channel="C0ALERTS", state="posted", ts="1.2",
                           attempts=1, next_attempt_at=T0, last_error="", created_at=T0,
                           posted_at=T0, hold_reason=""))
        s.flush()
        at = [T0 + timedelta(minutes=n) for n in range(5)]
        audit.append(s, at=at[0], actor="U0MOD", action="claim", mention_id=ids[0])
        audit.append(s, at=at[1], actor="U0MOD", action="hide", mention_id=ids[0])
        audit.append(s, at=at[2], actor="U0MOD", action="delete", mention_id=ids[0])
        audit.append(s, at=at[3], actor="U0STRANGER", action="hide", mention_id=ids[1],
                     outcome="denied")
        audit.append(s, at=at[4], actor="feedwatch", action="hide", mention_id=ids[2])

    def recorded() -> list[tuple[datetime | None, datetime | None]]:
        with db.session() as s:
            return [tuple(s.execute(select(AlertRow.first_action_at, AlertRow.closed_at).where(
                AlertRow.mention_id == mid)).one()) for mid in ids]

    expected = [(at[0], at[1]), (None, None), (None, None)]
    assert recorded() == expected
    _alembic(db, "downgrade", "0005")
    _alembic(db, "upgrade", "head")
    assert recorded() == expected
