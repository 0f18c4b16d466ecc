"""Opt-in out-of-hours crisis signposting reaches the person privately, once, never publicly."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

from bot.store.schema import SignpostRow
from tests.harness import services_for
from tests.ingest.conftest import World

TUESDAY_NIGHT = datetime(2026, 11, 24, 22, 30, tzinfo=ZoneInfo("Europe/London"))
CRISIS = "@NSFTtweets I can't go on any more. I've said my goodbyes and I won't be here tomorrow"


def test_crisis_out_of_hours_gets_one_private_message(world: World) -> None:
    world.clock.set(TUESDAY_NIGHT)
    settings = world.settings.model_copy(update={"crisis_signposting": True})
    services = services_for(settings, world.clock, world.fake_x)
    try:
        world.fake_x.add_tweet("kim", CRISIS)
        world.clock.advance(60)
        world.fake_x.add_tweet("kim", CRISIS + " really")  # same author, same night
        services.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")
        assert services.signpost_sender.send_pending() == 1
        assert services.signpost_sender.send_pending() == 0  # once only
        kim = world.fake_x.user_id("kim")
        dms = [e for e in world.fake_x.dms() if kim in str(e.get("dm_conversation_id", ""))
               and e.get("sender_id") == world.user_id("nsft")]
        assert len(dms) == 1
        assert "116 123" in dms[0]["text"]  # Samaritans, from the policy's crisis template
        assert not world.fake_x.requests_to("/2/tweets", method="POST")  # never in public
        with services.db.session() as s:
            [row] = s.execute(select(SignpostRow)).scalars().all()
        assert row.status == "sent"
    finally:
        services.db.dispose()


def test_a_send_interrupted_by_a_crash_is_never_repeated(world: World) -> None:
    world.clock.set(TUESDAY_NIGHT)
    settings = world.settings.model_copy(update={"crisis_signposting": True})
    services = services_for(settings, world.clock, world.fake_x)
    try:
        world.fake_x.add_tweet("kim", CRISIS)
        services.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")
        with services.db.session() as s:  # as if the process died mid-send
            s.execute(update(SignpostRow).values(status="sending"))
        assert services.signpost_sender.send_pending() == 0
        with services.db.session() as s:
            [row] = s.execute(select(SignpostRow)).scalars().all()
        assert row.status == "outcome_unknown"
        assert not world.fake_x.requests_to("/2/dm_conversations/with/:id/messages")
    finally:
        services.db.dispose()


def test_one_permissions_serves_the_office_and_the_buttons(world: World) -> None:
    """Who may moderate is read from Slack and cached once per process, not once per user of it."""
    services = services_for(world.settings, world.clock, world.fake_x)
    try:
        assert services.moderation.actions.permissions is services.permissions
        sender = services.signpost_sender
        assert sender.writers is services.moderation.actions.writers
    finally:
        services.db.dispose()
