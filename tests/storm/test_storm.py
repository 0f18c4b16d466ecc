"""Storm mode, end to end against the fakes, on both engines."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.core.retention_periods import RetentionPolicy
from bot.privacy import retention
from bot.slack.storm_blocks import STORM_HIDE, STORM_LIST
from bot.store.schema import (
    CapturedMediaRow,
    DecisionRow,
    LedgerRow,
    MentionRow,
    StormMarkRow,
)
from tests.moderation.conftest import MOD, STRANGER, wait_until
from tests.slack_http import block_action_body
from tests.storm.conftest import THRESHOLD, Storm, actor

ABUSE = "you are all useless idiots and should be sacked, every one of you"


def test_a_pile_on_in_one_thread_becomes_one_alert_that_counts(storm: Storm) -> None:
    bot = storm.bot
    for i in range(THRESHOLD - 1):  # below the threshold: alerts as ever
        storm.reply(f"{ABUSE} ({i})")
    bot.ingest()
    assert storm.kinds() == ["mention"] * (THRESHOLD - 1) and storm.groups() == []
    for i in range(12):
        storm.reply(f"{ABUSE} [{i}]")
    bot.ingest()
    [group] = storm.groups()
    assert group.kind == "thread"
    assert len(storm.members(group.id)) == 12
    # One more message in the channel, not twelve.
    assert storm.kinds() == ["mention"] * (THRESHOLD - 1) + ["storm"]
    alert = storm.text_of(storm.group_alert(group.id))
    assert "Storm: 12 replies in one thread" in alert and "Worst examples" in alert
    # Every mention still stored and classified, and reachable from its group.
    with bot.db.session() as s:
        assert s.execute(select(func.count()).select_from(MentionRow)).scalar_one() == 16
        assert s.execute(select(func.count()).select_from(DecisionRow)).scalar_one() == 16
    assert {m.mention_id for m in storm.desk.members(group.id)} == {
        m.mention_id for m in storm.members(group.id)}


def test_crisis_threats_personal_information_answers_and_dms_are_never_folded(storm: Storm) -> None:
    bot = storm.bot
    for i in range(10):
        storm.reply(f"{ABUSE} ({i})")
    crisis = storm.reply("I can't go on any more, I want to end my life tonight")
    threat = storm.reply("I will stab the nurse who did this")
    private = storm.reply("ring my mum on 07700 900123 she needs to know what you did")
    # Each somebody's to answer: a complaint for the formal route, an allegation for a lead.
    complaint = storm.reply("I want to make a formal complaint about how my dad was treated")
    allegation = storm.reply("Nurse Smith on the ward stole money from my dad")
    dm = bot.x.add_dm("pileon1", "NSFTtweets", f"{ABUSE} in a DM")
    bot.ingest()
    [group] = storm.groups()
    folded = {m.mention_id for m in storm.members(group.id)}
    assert len(folded) == 10
    for external in (crisis, threat, private, complaint, allegation, f"dm:{dm['id']}"):
        mid = bot.mention_id(external)
        assert mid not in folded
        bot.alert(mid)  # each has its own alert


def test_near_copies_fold_but_different_posts_on_the_same_topic_do_not(storm: Storm) -> None:
    bot = storm.bot
    copies = [storm.mention(f"{ABUSE}{'!' * i}") for i in range(8)]
    others = [storm.mention(f"the car park at Hellesdon was full again on {day}")
              for day in ("Monday", "Tuesday", "Friday")]
    bot.ingest()
    [group] = storm.groups()
    assert group.kind == "text"
    folded = {m.mention_id for m in storm.members(group.id)}
    assert folded == {bot.mention_id(c) for c in copies}
    assert not folded & {bot.mention_id(o) for o in others}


def test_the_same_link_folds_whatever_the_words(storm: Storm) -> None:
    bot = storm.bot
    petition = [storm.mention(f"sign this {word}", urls=["https://example.org/close-the-ward"])
                for word in ("now", "today", "folks", "everyone", "friends", "all", "x", "y")]
    bot.ingest()
    [group] = storm.groups()
    assert group.kind == "link" and "example.org/close-the-ward" in group.label
    assert len(storm.members(group.id)) == len(petition)


def test_the_alert_counts_up_at_most_once_per_update_interval(storm: Storm) -> None:
    bot = storm.bot
    for i in range(8):
        storm.reply(f"{ABUSE} ({i})")
    bot.ingest()
    [group] = storm.groups()
    assert storm.desk.refresh_alerts() == 1  # after posting, once, to what is stored now
    for i in range(3):
        storm.reply(f"{ABUSE} <{i}>")
    bot.ingest()
    assert storm.desk.refresh_alerts() == 0  # changed, but updated less than 10 s ago
    bot.clock.advance(10)
    assert storm.desk.refresh_alerts() == 1
    assert "Storm: 11 replies" in storm.text_of(storm.group_alert(group.id))
    assert len(bot.slack.calls_to("chat.update")) == 2
    bot.clock.advance(10)
    assert storm.desk.refresh_alerts() == 0  # nothing new: nothing sent


def test_one_update_a_second_however_many_groups_changed(storm: Storm) -> None:
    bot = storm.bot
    for link in ("https://example.org/a", "https://example.org/b", "https://example.org/c"):
        for i in range(7):
            storm.mention(f"look {i}", urls=[link])
    bot.ingest()
    assert len(storm.groups()) == 3
    assert [storm.desk.refresh_alerts() for _ in range(4)] == [1, 1, 1, 0]


def test_worst_examples_come_first(storm: Storm) -> None:
    bot = storm.bot
    for i in range(8):
        storm.reply(f"when does the café open? ({i})")
    storm.reply("you are a bunch of useless fucking idiots")
    bot.ingest()
    [group] = storm.groups()
    view = storm.desk.view(group.id)
    assert view is not None
    assert "idiots" in view.examples[0].text and view.examples[0].severity != "info"


def test_hide_all_flagged_one_confirm_within_x_limits_with_progress(storm: Storm) -> None:
    bot = storm.bot
    storm.desk.hides.limits["x"] = 3  # X's 50 per 15 minutes, made small
    bot.x.set_rate_limit("PUT", "/2/tweets/:id/hidden", 3, 900)  # and the fake enforces it
    tweets = [storm.reply(f"{ABUSE} ({i})") for i in range(7)]
    tweets.append(storm.reply("when does the café open? I would like to visit"))
    bot.ingest()
    [group] = storm.groups()
    alert = storm.group_alert(group.id)
    [hide] = [e for b in alert["blocks"] if b["type"] == "actions" for e in b["elements"]
              if e["action_id"] == STORM_HIDE]
    assert hide["confirm"]["confirm"]["text"] == "Hide 7"  # the one confirmation
    url = bot.slack.response_url(bot.channel, MOD)
    assert bot.post(block_action_body(STORM_HIDE, str(group.id), url, user=MOD,
                                      channel=bot.channel))[0] == 200
    assert "Queued 7 flagged posts" in bot.answers()[0]
    assert storm.desk.run_hides() == 3
    assert storm.desk.run_hides() == 0  # the window's budget is spent
    storm.desk.refresh_alerts()
    progress = storm.text_of(storm.group_alert(group.id))
    assert "3 of 7 hidden" in progress and "4 waiting" in progress and "next batch" in progress
    for _ in range(2):
        bot.clock.advance(minutes=15, seconds=1)
        storm.desk.run_hides()
    hidden = [t for t in tweets if bot.x.tweet(t)["hidden"]]
    assert len(hidden) == 7 and tweets[-1] not in hidden  # the flagged ones only
    # Never more than X allows: not one request refused for the rate.
    puts = bot.x.requests_to("/2/tweets/:id/hidden", "PUT")
    assert len(puts) == 7
    with bot.db.session() as s:
        done = s.execute(select(LedgerRow).where(LedgerRow.action == "hide")).scalars().all()
    assert [r.state for r in done] == ["done"] * 7 and {r.actor for r in done} == {MOD}
    bot.clock.advance(10)
    storm.desk.refresh_alerts()
    assert "7 of 7 hidden. Done." in storm.text_of(storm.group_alert(group.id))


def test_posts_joining_after_the_request_are_hidden_too(storm: Storm) -> None:
    bot = storm.bot
    for i in range(7):
        storm.reply(f"{ABUSE} ({i})")
    bot.ingest()
    [group] = storm.groups()
    assert "Queued 7" in storm.desk.request_hide(group.id, actor(MOD))
    late = storm.reply(f"{ABUSE} (late)")
    bot.ingest()
    storm.desk.run_hides()
    assert bot.x.tweet(late)["hidden"]


def test_evidence_is_captured_before_a_post_is_hidden(storm: Storm) -> None:
    bot = storm.bot
    for i in range(6):
        storm.reply(f"{ABUSE} ({i})")
    with_photo = storm.reply(f"{ABUSE} look", media=[{"type": "photo", "data": b"PNG-BYTES"}])
    bot.ingest()
    [group] = storm.groups()
    storm.desk.request_hide(group.id, actor(MOD))
    storm.desk.run_hides()
    assert bot.x.tweet(with_photo)["hidden"]
    mid = bot.mention_id(with_photo)
    with bot.db.session() as s:
        [media] = s.execute(select(CapturedMediaRow).where(
            CapturedMediaRow.mention_id == mid)).scalars().all()
        [hidden] = s.execute(select(LedgerRow).where(LedgerRow.mention_id == mid)).scalars()
    assert media.data == b"PNG-BYTES" and media.captured_at <= hidden.requested_at


def test_only_moderators_may_hide_all(storm: Storm) -> None:
    bot = storm.bot
    for i in range(7):
        storm.reply(f"{ABUSE} ({i})")
    bot.ingest()
    [group] = storm.groups()
    url = bot.slack.response_url(bot.channel, STRANGER)
    bot.post(block_action_body(STORM_HIDE, str(group.id), url, user=STRANGER,
                               channel=bot.channel))
    assert "only moderators" in bot.answers(STRANGER)[0]
    assert storm.desk.run_hides() == 0
    assert {m.hide_state for m in storm.members(group.id)} == {""}
    assert [a.outcome for a in bot.audit() if a.action == "permission_denied"] == ["denied"]


def test_list_all_reaches_every_post_and_sends_the_rest_as_csv(storm: Storm) -> None:
    bot = storm.bot
    for i in range(45):
        storm.reply(f"{ABUSE} ({i})")
    bot.ingest()
    [group] = storm.groups()
    url = bot.slack.response_url(bot.channel, MOD)
    bot.post(block_action_body(STORM_LIST, str(group.id), url, user=MOD, channel=bot.channel))
    answer = wait_until(lambda: [r for r in bot.slack.responses if r["user"] == MOD],
                        "the list")[0]
    assert "45 posts in this storm" in str(answer.get("blocks"))
    # Listed first, then its bytes arrive (files_upload_v2 is three calls): wait for them.
    csv_text = wait_until(lambda: (files := bot.slack.files_list()) and bot.slack.uploaded(
        files[0]["id"]).decode(), "the CSV")
    assert len(bot.slack.files_list()) == 1
    assert len(csv_text.strip().splitlines()) == 1 + 45
    [looked] = [a for a in bot.audit() if a.action == "storm_list"]
    assert (looked.actor, looked.detail) == (MOD, {"group": group.id, "posts": 45})


def test_only_moderators_may_list_a_storm(storm: Storm) -> None:
    bot = storm.bot
    for i in range(7):
        storm.reply(f"{ABUSE} ({i})")
    bot.ingest()
    [group] = storm.groups()
    url = bot.slack.response_url(bot.channel, STRANGER)
    bot.post(block_action_body(STORM_LIST, str(group.id), url, user=STRANGER,
                               channel=bot.channel))
    answer = wait_until(lambda: bot.answers(STRANGER), "the refusal")[0]
    assert "only moderators" in answer and "Pile On" not in answer
    assert [a.detail for a in bot.audit() if a.action == "permission_denied"] == [
        {"action": "storm_list", "group": group.id}]
    assert bot.slack.files_list() == []


def test_out_of_hours_the_group_alert_is_held_like_the_rest(storm: Storm) -> None:
    bot = storm.bot
    bot.clock.set(bot.clock.now().replace(hour=22))  # Tuesday 22:00 UTC: closed
    for i in range(8):
        storm.reply(f"{ABUSE} ({i})")
    bot.ingest()
    assert len(storm.groups()) == 1
    assert storm.kinds() == []  # nothing posted overnight: the group waits with the rest
    bot.clock.advance(hours=11)
    assert bot.services is not None
    bot.services.office_minute.tick()
    bot.services.outbox.deliver_due()
    assert "storm" in storm.kinds()


def test_retention_erases_what_a_group_quotes_and_keeps_the_counts(storm: Storm) -> None:
    bot = storm.bot
    for i in range(7):
        storm.mention(f"look {i}", urls=["https://example.org/their-name-here"])
    for i in range(7):
        storm.mention(f"{ABUSE}{'!' * i}")
    bot.ingest()
    link, text = sorted(storm.groups(), key=lambda g: g.kind)
    assert (link.kind, text.kind) == ("link", "text") and text.shingles
    bot.clock.advance(days=91)
    report = retention.run(bot.db, bot.clock.now(), RetentionPolicy())
    assert report.storm_groups_erased == 2
    link, text = sorted(storm.groups(), key=lambda g: g.kind)
    assert "example.org" not in link.label and text.shingles == []
    assert len(storm.members(link.id)) == 7 and len(storm.members(text.id)) == 7
    with bot.db.session() as s:
        assert s.execute(select(func.count()).select_from(StormMarkRow)).scalar_one() == 0
    assert retention.run(bot.db, bot.clock.now(), RetentionPolicy()).storm_groups_erased == 0


def test_the_morning_digest_names_the_nights_pile_on(storm: Storm) -> None:
    bot = storm.bot
    bot.clock.set(bot.clock.now().replace(hour=22))  # Tuesday 22:00 UTC: closed
    for i in range(8):
        storm.reply(f"{ABUSE} ({i})")
    bot.ingest()
    [group] = storm.groups()
    bot.clock.advance(hours=11)
    assert bot.services is not None
    bot.services.office_minute.tick()
    bot.services.outbox.deliver_due()
    [digest] = [m for m in storm.posted()
                if m["metadata"]["event_payload"]["kind"] == "digest"]
    text = storm.text_of(digest)
    assert "Pile-ons (storm mode)" in text
    assert "8 replies in one thread (X nsft) since" in text and f"group {group.id}" in text
