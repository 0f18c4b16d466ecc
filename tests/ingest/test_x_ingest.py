"""X mentions and DMs through tweepy's real requests session into the store, exactly once."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from bot.store.schema import AlertRow, DecisionRow, MentionRow, SourceStateRow
from tests.ingest.conftest import World

MENTIONS = "/2/users/:id/mentions"


def count(world: World, model, *where) -> int:  # type: ignore[no-untyped-def]
    with world.db.session() as s:
        return s.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def cursor(world: World, key: str) -> str | None:
    with world.db.session() as s:
        row = s.get(SourceStateRow, key)
        return row.cursor if row else None


def mention_many(world: World, n: int, account: str = "NSFTtweets") -> list[str]:
    ids = []
    for i in range(n):
        world.clock.advance(1)
        ids.append(world.fake_x.add_tweet("pat", f"@{account} question number {i}")["id"])
    return ids


def test_pages_are_followed_and_each_mention_stored_and_queued_once(world: World) -> None:
    ids = mention_many(world, 230)
    report = world.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")
    assert report.new == 230 and report.error == ""
    calls = world.fake_x.requests_to(MENTIONS)
    assert len(calls) == 3  # 100 + 100 + 30
    assert "pagination_token" not in calls[0].query and "pagination_token" in calls[1].query
    assert count(world, MentionRow) == 230
    assert count(world, DecisionRow) == 230
    assert count(world, AlertRow, AlertRow.kind == "mention") == 230
    assert cursor(world, "x:nsft:mentions") == ids[-1]  # newest id


def test_next_poll_asks_since_cursor_and_stores_only_new(world: World) -> None:
    first = mention_many(world, 3)
    world.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")
    later = mention_many(world, 2)
    report = world.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")
    last_call = world.fake_x.requests_to(MENTIONS)[-1]
    assert last_call.arg("since_id") == first[-1]
    assert report.new == 2
    assert cursor(world, "x:nsft:mentions") == later[-1]
    assert count(world, MentionRow) == 5


def test_model_is_filled_from_fields_and_expansions(world: World) -> None:
    root = world.fake_x.add_tweet("NSFTtweets", "Our new wellbeing hub opens today")
    reply = world.fake_x.add_tweet(
        "sam", "@NSFTtweets lovely news, see https://example.org/hub", reply_to=root["id"],
        media=[{"type": "photo", "alt_text": "a garden"}], urls=["https://example.org/hub"],
    )
    world.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")
    with world.db.session() as s:
        row = s.execute(select(MentionRow)).scalar_one()
    assert row.external_id == reply["id"]
    assert row.kind == "reply"
    assert row.author_handle == "sam" and row.author_name == "Sam"
    assert row.author_url == "https://x.com/sam"
    assert row.parent_id == root["id"] and row.conversation_id == root["id"]
    assert row.parent_text == "Our new wellbeing hub opens today"  # from includes.tweets
    assert row.in_own_conversation is True
    assert row.permalink == f"https://x.com/sam/status/{reply['id']}"
    assert row.links == ["https://example.org/hub"]
    assert row.media and row.media[0]["type"] == "photo"
    assert row.media[0]["alt_text"] == "a garden"
    assert row.created_at.tzinfo is not None
    assert row.raw["tweet"]["edit_history_tweet_ids"] == [reply["id"]]


def test_own_posts_and_replies_are_never_alerted(world: World) -> None:
    theirs = world.fake_x.add_tweet("pat", "@NSFTtweets when is the open day?")
    world.fake_x.add_tweet("NSFTtweets", "@pat It's on Saturday, see you there!",
                           reply_to=theirs["id"])
    world.fake_x.add_tweet("NSFTtweets", "A thread from @NSFTtweets about our services")
    world.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")
    with world.db.session() as s:
        stored = s.execute(select(MentionRow.external_id)).scalars().all()
    assert stored == [theirs["id"]]


def test_dms_deduped_by_event_id_and_sent_ones_ignored(world: World) -> None:
    fx = world.fake_x
    fx.add_dm("kim", "NSFTtweets", "Hello, I need to talk to someone about my referral")
    world.clock.advance(5)
    fx.add_dm("NSFTtweets", "kim", "Thanks for your message. We'll pass this to PALS.")
    edge = "x:nsft:dms"
    first = world.pipeline.poll_edge(world.source("nsft"), edge)
    second = world.pipeline.poll_edge(world.source("nsft"), edge)
    world.clock.advance(5)
    fx.add_dm("kim", "NSFTtweets", "Thank you")
    third = world.pipeline.poll_edge(world.source("nsft"), edge)
    assert (first.new, second.new, third.new) == (1, 0, 1)
    with world.db.session() as s:
        rows = s.execute(select(MentionRow).order_by(MentionRow.id)).scalars().all()
    assert [r.kind for r in rows] == ["dm", "dm"]
    assert all(r.author_handle == "kim" and r.external_id.startswith("dm:") for r in rows)


def test_crash_mid_poll_resumes_from_cursor_without_duplicate_or_gap(world: World) -> None:
    old = mention_many(world, 5)
    world.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")
    newer = mention_many(world, 150)
    # page 1 arrives, page 2 fails: the cursor must not move past what page 2 covered
    broken = world.fake_x.inject(MENTIONS, 503, {"title": "Service Unavailable", "status": 503},
                                 times=1, content_type="application/problem+json")
    broken.matches = lambda req: req.arg("pagination_token") is not None  # page 2 fails
    failed = world.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")
    assert "503" in failed.error
    assert cursor(world, "x:nsft:mentions") == old[-1]
    world.clock.advance(minutes=10)
    world.restart()
    ok = world.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")
    assert ok.error == ""
    assert count(world, MentionRow) == 155
    assert cursor(world, "x:nsft:mentions") == newer[-1]
    assert old[-1] != newer[-1]


def test_failure_on_second_page_keeps_first_page_and_old_cursor(world: World) -> None:
    world.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")  # empty: cursor stays None
    mention_many(world, 150)
    broken = world.fake_x.inject_malformed_json(MENTIONS, times=1)
    broken.matches = lambda req: req.arg("pagination_token") is not None  # page 2 only
    report = world.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")
    assert "failed" in report.error
    assert count(world, MentionRow) == 100  # page 1 committed
    assert cursor(world, "x:nsft:mentions") is None  # but the cursor did not move
    world.clock.advance(minutes=10)
    world.restart()
    world.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")
    assert count(world, MentionRow) == 150
    assert count(world, AlertRow) == 150


def test_rate_limit_on_one_account_does_not_stop_the_other(world: World) -> None:
    world.fake_x.add_tweet("pat", "@NSFTtweets hello")
    world.fake_x.add_tweet("sam", "@NSFTjobs any vacancies?")
    reset = int((world.clock.now() + timedelta(minutes=15)).timestamp())
    world.fake_x.rate_limit_next(f"/2/users/{world.user_id('nsft')}/mentions", reset_at=reset)
    limited = world.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")
    other = world.pipeline.poll_edge(world.source("second"), "x:second:mentions")
    assert "rate limited" in limited.error and other.new == 1
    # before the reset the limited source is not even asked
    n = len(world.fake_x.requests_to(MENTIONS))
    world.clock.advance(minutes=5)
    skipped = world.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")
    assert skipped.skipped_reason.startswith("backing off")
    assert len(world.fake_x.requests_to(MENTIONS)) == n
    world.clock.advance(minutes=11)
    after = world.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")
    assert after.new == 1


def test_gap_beyond_reach_raises_one_admin_alert(world: World) -> None:
    mention_many(world, 1)
    world.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")
    mention_many(world, 805)  # X (and the fake) return only the newest 800
    report = world.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")
    assert report.new == 800
    world.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")
    with world.db.session() as s:
        admins = s.execute(select(AlertRow).where(AlertRow.kind == "admin")).scalars().all()
    assert len(admins) == 1
    assert "gap" in admins[0].payload["title"].lower()


def test_revoked_credentials_raise_one_admin_alert_per_failure_streak(world: World) -> None:
    world.fake_x.inject(MENTIONS, 401, {"title": "Unauthorized", "status": 401,
                                        "detail": "Unauthorized"}, times=5,
                        content_type="application/problem+json")
    for _ in range(3):
        world.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")
        world.clock.advance(hours=1)
    with world.db.session() as s:
        admins = s.execute(select(AlertRow).where(AlertRow.kind == "admin")).scalars().all()
        state = s.get(SourceStateRow, "x:nsft:mentions")
    assert len(admins) == 1
    assert "credentials" in admins[0].payload["body"]
    assert state is not None and state.consecutive_failures == 3


def test_dms_on_a_page_that_failed_are_read_by_the_next_poll(world: World) -> None:
    """150 DMs, and a 429 then a 503 on the second page: nothing is lost, nothing doubled."""
    fx = world.fake_x
    sent = []
    for i in range(150):
        world.clock.advance(1)
        sent.append(fx.add_dm("kim", "NSFTtweets", f"message {i}")["id"])
    edge = "x:nsft:dms"
    fx.rate_limit_next("/2/dm_events", after=1)
    first = world.pipeline.poll_edge(world.source("nsft"), edge)
    assert first.error and first.new == 100
    world.clock.advance(1000)
    fx.inject("/2/dm_events", 503, after=1)
    second = world.pipeline.poll_edge(world.source("nsft"), edge)
    assert second.error and second.new == 0
    world.clock.advance(1000)
    third = world.pipeline.poll_edge(world.source("nsft"), edge)
    assert third.error == "" and third.new == 50
    with world.db.session() as s:
        stored = s.execute(select(MentionRow.external_id)).scalars().all()
    assert sorted(stored) == sorted(f"dm:{i}" for i in sent)
    assert cursor(world, edge) == sent[-1]
    # A later poll stops at the cursor: one page read, the new DM stored.
    world.clock.advance(5)
    fx.add_dm("kim", "NSFTtweets", "one more")
    before = len(fx.requests_to("/2/dm_events"))
    assert world.pipeline.poll_edge(world.source("nsft"), edge).new == 1
    assert len(fx.requests_to("/2/dm_events")) == before + 1


def test_an_outage_raises_one_admin_alert_and_back_off_stays_short(world: World) -> None:
    """X answers 503 for twelve minutes; the scheduler polls every two minutes."""
    edge = "x:nsft:mentions"
    mention_many(world, 1)
    assert world.pipeline.poll_edge(world.source("nsft"), edge).error == ""
    fx = world.fake_x
    fx.inject(MENTIONS, 503, times=10_000)
    for _ in range(6):
        world.clock.advance(120)
        world.pipeline.poll_edge(world.source("nsft"), edge)
    admin = AlertRow.kind == "admin"
    with world.db.session() as s:
        titles = s.execute(select(AlertRow.payload).where(admin)).scalars().all()
        backoff_until = s.get(SourceStateRow, edge).backoff_until  # type: ignore[union-attr]
    assert [t["title"] for t in titles] == [
        "feedwatch has not read x:nsft:mentions for 10 minutes"]
    # Never further off than two minutes: X is read again soon after it recovers.
    assert backoff_until is not None and backoff_until - world.clock.now() <= timedelta(minutes=2)
    fx.clear_injections()
    mention_many(world, 3)
    world.clock.advance(121)
    assert world.pipeline.poll_edge(world.source("nsft"), edge).new == 3
    # A later outage is a new streak with its own single alert; more polls add none.
    fx.inject(MENTIONS, 503, times=10_000)
    for _ in range(8):
        world.clock.advance(120)
        world.pipeline.poll_edge(world.source("nsft"), edge)
    assert count(world, AlertRow, admin) == 2
