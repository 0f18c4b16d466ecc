"""Media of flagged mentions captured at ingest (own media hosts only, capped), and evidence
packs that still hold the post after the platform has lost it."""

from __future__ import annotations

import base64
import hashlib
import json
import re

from sqlalchemy import select

from bot.moderation.evidence_pack import build_pack, pack_json
from bot.moderation.media_capture import MAX_ATTEMPTS, MediaCapture, allowed
from bot.sandbox.fake_x import TINY_PNG
from bot.store.schema import CapturedMediaRow
from tests.moderation.conftest import Bot
from tests.moderation.test_platform_actions import ABUSE


def photo_reply(bot: Bot, text: str, urls: tuple[str, ...] = ("https://evil.example/page",)
                ) -> int:
    bot.x.add_user("angry", "Angry")
    root = bot.x.add_tweet("NSFTtweets", "Our new crisis café opens today")
    reply = bot.x.add_tweet("angry", text, reply_to=root["id"], media=[{"type": "photo"}],
                            urls=list(urls))
    bot.ingest()
    return bot.mention_id(reply["id"])


def captured(bot: Bot) -> list[CapturedMediaRow]:
    with bot.db.session() as s:
        return list(s.execute(select(CapturedMediaRow)).scalars())


def test_flagged_media_is_captured_from_the_platform_host_only(bot: Bot) -> None:
    mid = photo_reply(bot, ABUSE)
    bot.x.clear_log()
    assert bot.services is not None
    report = bot.services.moderation.capture.run()
    assert (report.captured, report.failed) == (1, 0)
    [row] = captured(bot)
    assert row.mention_id == mid and row.data == TINY_PNG
    assert row.sha256 == hashlib.sha256(TINY_PNG).hexdigest()
    assert row.content_type == "image/png"
    # One request, to the media host; the link in the post is never opened.
    assert [(r.method, r.path) for r in bot.x.requests] == [("GET", f"/media/{row.media_key}.png")]
    assert bot.services.moderation.capture.run().captured == 0  # once


def test_unflagged_media_is_left_alone(bot: Bot) -> None:
    photo_reply(bot, "Thank you to the team at Hellesdon, the garden looks lovely", urls=())
    assert bot.services is not None
    assert bot.services.moderation.capture.run().captured == 0
    assert captured(bot) == []


def test_size_cap_refuses_large_media_and_gives_up_after_a_few_tries(bot: Bot) -> None:
    photo_reply(bot, ABUSE)
    capture = MediaCapture(bot.db, bot.clock, bot.sessions(), max_bytes=10)
    for _ in range(MAX_ATTEMPTS + 2):
        capture.run()
    [row] = captured(bot)
    assert row.data is None and "larger than the 10 byte cap" in row.error
    assert row.attempts == MAX_ATTEMPTS


def test_only_https_platform_media_hosts_are_ever_fetched() -> None:
    assert allowed("https://pbs.twimg.com/media/abc.jpg")
    assert allowed("https://scontent-lhr8-1.xx.fbcdn.net/v/t39/photo.jpg")
    assert not allowed("http://pbs.twimg.com/media/abc.jpg")
    assert not allowed("https://evil.example/pbs.twimg.com/abc.jpg")
    assert not allowed("https://pbs.twimg.com.evil.example/abc.jpg")
    assert not allowed("https://fbcdn.net.evil.example/abc.jpg")


def test_pack_keeps_the_post_and_its_media_after_deletion(bot: Bot) -> None:
    mid = photo_reply(bot, ABUSE)
    assert bot.services is not None
    bot.services.moderation.capture.run()
    with bot.x.lock:  # the author deletes it on X
        bot.x.store.state[bot.external_id(mid)]["deleted"] = True
    with bot.db.session() as s:
        pack = build_pack(s, mid, bot.clock.now(), "U0LEAD1", "police report")
    assert pack is not None
    assert pack["post"]["text"].startswith("@NSFTtweets " + ABUSE)
    [media] = pack["media"]
    assert media["captured"] and base64.b64decode(media["data_base64"]) == TINY_PNG
    assert pack["thread"]["conversation_id"] and pack["decisions"][0]["categories"]
    assert pack_json(pack) == pack_json(dict(reversed(list(pack.items()))))  # reproducible


def test_evidence_page_names_people_local_seconds_media_thread_and_x_report_link(
        bot: Bot) -> None:
    from bot.slack import action_ids as A
    from bot.slack import modal_blocks as mb
    from tests.moderation.conftest import LEAD, wait_until

    with bot.slack.lock:  # the lead as Slack knows them (users.info)
        bot.slack.users[LEAD]["real_name"] = "Alex Morgan"
        bot.slack.users[LEAD]["profile"]["real_name"] = "Alex Morgan"
    mid = photo_reply(bot, "I know where you live and I will be waiting outside with a knife")
    assert bot.services is not None
    bot.services.moderation.capture.run()
    assert bot.click(A.REPORT, mid, LEAD) == 200
    bot.submit(bot.opened_view(), {mb.DEST: [mb.TO_PLATFORM, mb.TO_POLICE]}, user=LEAD)
    wait_until(lambda: [a for a in bot.audit(mid) if a.action == "evidence_pack"], "the pack")
    files = {f["name"]: f for f in bot.slack.files.values()}
    page = bot.slack.uploaded(next(f["id"] for n, f in files.items()
                                   if n.endswith(".html"))).decode()
    body = json.loads(bot.slack.uploaded(next(f["id"] for n, f in files.items()
                                              if n.endswith(".json"))))
    assert body["people"] == {LEAD: "Alex Morgan"}
    assert f"Alex Morgan ({LEAD}): report link opened (ok)" in page  # X has no report API
    assert f"Alex Morgan ({LEAD}): reported to the police (ok)" in page
    assert re.search(r"Tue 24 Nov 2026 10:00:\d\d GMT", page)  # local, to the second, zone
    assert "src='data:image/png;base64," in page and "captured Tue 24 Nov 2026" in page
    assert "In reply to (post " in page and "Our new crisis café opens today" in page
    assert body["thread"]["replying_to"] == "Our new crisis café opens today"
