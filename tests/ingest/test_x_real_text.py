"""X's real text through tweepy: HTML escapes undone once, long posts read in full, the
language kept, the plan's usage cap and an errors-only answer told to a person."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from bot.moderation.evidence_pack import build_pack
from bot.slack.blocks import AlertView, build_mention_alert
from bot.store.mentions import load_mention
from bot.store.schema import AlertRow, MentionRow, SourceStateRow
from tests.ingest.conftest import World

MENTIONS = "/2/users/:id/mentions"


def poll(world: World) -> str:
    return world.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions").error


def stored(world: World) -> list[MentionRow]:
    with world.db.session() as s:
        rows = s.execute(select(MentionRow).order_by(MentionRow.id)).scalars().all()
        s.expunge_all()
        return list(rows)


def admin_alerts(world: World) -> list[AlertRow]:
    with world.db.session() as s:
        rows = s.execute(select(AlertRow).where(AlertRow.kind == "admin")).scalars().all()
        s.expunge_all()
        return list(rows)


def test_fake_sends_text_escaped_as_x_does(world: World) -> None:
    world.fake_x.add_tweet("pat", "@NSFTtweets waited 6 hours in A&E <again> >:(")
    poll(world)
    wire = world.fake_x.store.tweets[stored(world)[0].external_id]["text"]
    assert wire == "@NSFTtweets waited 6 hours in A&amp;E &lt;again&gt; &gt;:("


def test_text_is_unescaped_once_everywhere(world: World) -> None:
    # The author typed an entity themselves: it must survive as typed (one unescape only).
    world.fake_x.add_tweet("pat", "@NSFTtweets A&E was full & I typed &amp; and &lt;3 <3")
    assert poll(world) == ""
    [row] = stored(world)
    assert row.text == "@NSFTtweets A&E was full & I typed &amp; and &lt;3 <3"
    with world.db.session() as s:
        mention, decision = load_mention(s, row.id)  # type: ignore[misc]
        pack = build_pack(s, row.id, world.clock.now(), "U1", "test")
    assert pack is not None and pack["post"]["text"] == row.text
    alert = build_mention_alert(AlertView(mention, decision, row.id))
    text = next(b["text"]["text"] for b in alert["blocks"] if b.get("block_id") == "fw_post")
    # Slack's own escaping, applied once to the real characters: Slack shows "A&E".
    assert "A&amp;E was full &amp; I typed &amp;amp; and &amp;lt;3 &lt;3" in text


def test_long_posts_are_read_and_classified_in_full(world: World) -> None:
    tail = " and I am going to kill myself tonight"
    text = "@NSFTtweets " + "I have been waiting for weeks for a call back. " * 7 + tail
    assert len(text) > 280
    world.fake_x.add_tweet("pat", text)
    assert poll(world) == ""
    asked = world.fake_x.requests_to(MENTIONS)[-1].arg("tweet.fields") or ""
    assert "note_tweet" in asked.split(",")
    [row] = stored(world)
    assert row.text == text  # not the 280-character `text`
    with world.db.session() as s:
        _, decision = load_mention(s, row.id)  # type: ignore[misc]
    assert "crisis" in decision.categories  # the words after character 280 were read


def test_lang_is_requested_and_stored(world: World) -> None:
    world.fake_x.add_tweet("pat", "@NSFTtweets Dziękuję bardzo za pomoc", lang="pl")
    world.clock.advance(1)
    world.fake_x.add_tweet("pat", "@NSFTtweets thank you", lang="en")
    poll(world)
    asked = world.fake_x.requests_to(MENTIONS)[-1].arg("tweet.fields") or ""
    assert "lang" in asked.split(",")
    assert [r.lang for r in stored(world)] == ["pl", "en"]
    with world.db.session() as s:
        mention, _ = load_mention(s, stored(world)[0].id)  # type: ignore[misc]
    assert mention.lang == "pl"


def test_usage_cap_raises_one_admin_alert_saying_when_it_resets(world: World) -> None:
    world.clock.set(datetime(2026, 11, 20, 10, 0, tzinfo=UTC))
    world.fake_x.usage_cap_next(MENTIONS, "Monthly", times=5)
    assert "usage cap" in poll(world)
    with world.db.session() as s:
        state = s.get(SourceStateRow, "x:nsft:mentions")
        assert state is not None and state.backoff_until == datetime(2026, 11, 21, tzinfo=UTC)
    [alert] = admin_alerts(world)
    assert "monthly usage cap reached" in alert.payload["title"]
    body = alert.payload["body"]
    assert "next billing cycle" in body and "00:00 UTC on 21 November 2026" in body
    assert "Raise the spending limit" in alert.payload["fix"]
    # Still capped the next day: polled again, but no second alert this month.
    world.clock.set(datetime(2026, 11, 21, 0, 5, tzinfo=UTC))
    assert "usage cap" in poll(world)
    assert len(admin_alerts(world)) == 1


def test_daily_cap_resets_at_the_end_of_the_day(world: World) -> None:
    world.clock.set(datetime(2026, 11, 20, 22, 0, tzinfo=UTC))
    world.fake_x.usage_cap_next(MENTIONS, "Daily")
    poll(world)
    [alert] = admin_alerts(world)
    assert "daily usage cap" in alert.payload["title"]
    assert "resets at the end of the day" in alert.payload["body"]


def test_a_rate_limit_is_still_a_short_wait_without_an_alert(world: World) -> None:
    world.fake_x.rate_limit_next(MENTIONS)
    assert "rate limited" in poll(world)
    assert admin_alerts(world) == []


def test_errors_only_answer_is_an_admin_alert_not_no_mentions(world: World) -> None:
    world.fake_x.add_tweet("pat", "@NSFTtweets hello")
    world.fake_x.suspend("NSFTtweets")
    error = poll(world)
    assert "User has been suspended" in error
    assert stored(world) == []
    [alert] = admin_alerts(world)
    assert "suspended" in alert.payload["body"] and "user_id" in alert.payload["fix"]
    with world.db.session() as s:
        state = s.get(SourceStateRow, "x:nsft:mentions")
        assert state is not None and state.last_success_at is None


def test_direct_message_text_is_unescaped_once(world: World) -> None:
    world.fake_x.add_dm("pat", "NSFTtweets", "Is A&E <the> only option?")
    assert world.pipeline.poll_edge(world.source("nsft"), "x:nsft:dms").error == ""
    [row] = stored(world)
    assert row.text == "Is A&E <the> only option?"
