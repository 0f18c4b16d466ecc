"""Erasure reaches Slack's files: the evidence pack the bot uploaded about a person's post
(JSON and HTML, both holding the post's text) is deleted with files.delete."""

from __future__ import annotations

import json

from bot.privacy.data_subjects import erase_subject
from bot.slack import action_ids as A
from bot.slack import modal_blocks as mb
from tests.moderation.conftest import LEAD, Bot, fb_comment, wait_until

THREAT = "I know where you work and I'm going to come and hurt you"


def test_subject_erase_deletes_the_evidence_files_in_slack(bot: Bot) -> None:
    mid, _ = fb_comment(bot, THREAT)
    assert bot.click(A.REPORT, mid, LEAD) == 200
    status, _ = bot.submit(bot.opened_view(), {mb.DEST: [mb.TO_POLICE],
                                               mb.CRIME: "NC-2611-0042"}, user=LEAD)
    assert status == 200
    wait_until(lambda: [a for a in bot.audit(mid) if a.action == "evidence_pack"], "the pack")
    uploaded = [f["id"] for f in bot.slack.files.values()]
    assert len(uploaded) == 2
    assert bot.services is not None
    report = erase_subject(bot.db, "Sam Smith", bot.clock.now(), "cli:test", bot.services.slack)
    assert (report.files, report.files_deleted) == (2, 2)
    assert sorted(c.params["file"] for c in bot.slack.calls_to("files.delete")) == \
        sorted(uploaded)
    assert bot.slack.files == {}
    # The thread message that shared them shows only tombstones, nothing of the post.
    everything = json.dumps([bot.slack.messages(ch, include_replies=True)
                             for ch in bot.slack.channels])
    assert "hurt you" not in everything
    assert '"mode": "tombstone"' in everything
    # Erasing again finds nothing left to delete and is not an error.
    again = erase_subject(bot.db, "Sam Smith", bot.clock.now(), "cli:test", bot.services.slack)
    assert again.files == 0
