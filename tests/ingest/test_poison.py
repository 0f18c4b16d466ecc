"""A post the database would refuse never stops its feed: cleaned where it comes in, and one
that still fails is set aside alone with its error while the rest of its page is stored."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import func, select, text

from bot.store.schema import AlertRow, MentionRow, QuarantinedPostRow, SourceStateRow
from tests.ingest.conftest import World

EDGE = "x:nsft:mentions"


def _count(world: World, model, *where) -> int:  # type: ignore[no-untyped-def]
    with world.db.session() as s:
        return s.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def _cursor(world: World) -> str | None:
    with world.db.session() as s:
        row = s.get(SourceStateRow, EDGE)
        return row.cursor if row else None


def _tweets(world: World, texts: list[str]) -> list[str]:
    ids = []
    for t in texts:
        world.clock.advance(1)
        ids.append(world.fake_x.add_tweet("pat", t)["id"])
    return ids


def test_lone_surrogate_and_nul_are_cleaned_and_the_page_stored(world: World) -> None:
    ids = _tweets(world, ["@NSFTtweets first", "@NSFTtweets half an emoji \ud83d here",
                          "@NSFTtweets a nul\x00 in it", "@NSFTtweets last"])
    report = world.pipeline.poll_edge(world.source("nsft"), EDGE)
    assert report.error == "" and report.new == 4
    assert _cursor(world) == ids[-1]
    with world.db.session() as s:
        texts = dict(s.execute(select(MentionRow.external_id, MentionRow.text)).all())
        raw = s.execute(select(MentionRow.raw).where(MentionRow.external_id == ids[1])
                        ).scalar_one()
    assert texts[ids[1]] == "@NSFTtweets half an emoji \ufffd here"
    assert texts[ids[2]] == "@NSFTtweets a nul in it"
    assert raw["tweet"]["text"] == "@NSFTtweets half an emoji \ufffd here"


def test_raw_payload_nul_is_cleaned(world: World) -> None:
    """PostgreSQL refuses \\u0000 inside JSONB: the raw copy is cleaned too (runs in CI)."""
    tweet = world.fake_x.add_tweet("pat", "@NSFTtweets fine text",
                                   urls=["https://example.org/a\x00b"])
    report = world.pipeline.poll_edge(world.source("nsft"), EDGE)
    assert report.error == "" and report.new == 1
    with world.db.session() as s:
        raw = s.execute(select(MentionRow.raw)).scalar_one()
    assert "\x00" not in str(raw) and raw["tweet"]["id"] == tweet["id"]


def _poison_trigger(world: World) -> None:
    """A post the database still refuses after cleaning, whatever the reason: a trigger
    aborting any insert whose text says so."""
    with world.db.session() as s:
        if world.db.dialect == "sqlite":
            s.execute(text("CREATE TRIGGER poison BEFORE INSERT ON mentions "
                           "WHEN NEW.text LIKE '%poison%' "
                           "BEGIN SELECT RAISE(ABORT, 'refused by the database'); END"))
        else:
            s.execute(text(
                "CREATE OR REPLACE FUNCTION poison() RETURNS trigger AS $$ BEGIN "
                "IF NEW.text LIKE '%poison%' THEN RAISE EXCEPTION 'refused by the database'; "
                "END IF; RETURN NEW; END $$ LANGUAGE plpgsql"))
            s.execute(text("CREATE TRIGGER poison BEFORE INSERT ON mentions "
                           "FOR EACH ROW EXECUTE FUNCTION poison()"))


@pytest.fixture
def poisoned(world: World):  # type: ignore[no-untyped-def]
    _poison_trigger(world)
    yield world
    with world.db.session() as s:
        s.execute(text("DROP TRIGGER IF EXISTS poison" +
                       ("" if world.db.dialect == "sqlite" else " ON mentions")))


def test_a_post_that_still_fails_is_quarantined_alone_and_the_feed_moves(
        poisoned: World, caplog: pytest.LogCaptureFixture) -> None:
    world = poisoned
    caplog.set_level(logging.INFO)  # post text may appear only at DEBUG
    ids = _tweets(world, ["@NSFTtweets before", "@NSFTtweets secret poison words",
                          "@NSFTtweets after"])
    report = world.pipeline.poll_edge(world.source("nsft"), EDGE)
    assert report.error == "" and report.new == 2
    assert _cursor(world) == ids[-1]
    with world.db.session() as s:
        stored = set(s.execute(select(MentionRow.external_id)).scalars())
        q = s.execute(select(QuarantinedPostRow)).scalar_one()
    assert stored == {ids[0], ids[2]}
    assert q.external_id == ids[1] and "refused by the database" in q.error
    assert "secret poison words" not in q.error
    admin = AlertRow.kind == "admin"
    assert _count(world, AlertRow, admin, AlertRow.dedupe_key.like("admin:quarantine:%")) == 1
    # The next poll goes on from the cursor: nothing re-read, no second admin alert.
    later = _tweets(world, ["@NSFTtweets next day"])
    assert world.pipeline.poll_edge(world.source("nsft"), EDGE).new == 1
    assert _cursor(world) == later[-1]
    assert _count(world, AlertRow, admin) == 1
    # No log line carries the post's text (SQLAlchemy's parameter dump included).
    assert "secret poison words" not in caplog.text


def test_engines_never_put_parameters_in_errors(world: World) -> None:
    with pytest.raises(Exception) as err, world.db.session() as s:
        s.execute(text("INSERT INTO no_such_table VALUES (:v)"), {"v": "private words"})
    assert "private words" not in str(err.value)
