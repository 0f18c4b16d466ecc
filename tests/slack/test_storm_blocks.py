"""The storm group's alert (bot/slack/storm_blocks.py) and its "List all" answer
(handlers/storm.py): golden JSON for the states a moderator sees, and for any text the
platforms send, a message Slack accepts with nothing unescaped."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.slack.blocks import validate_blocks
from bot.slack.storm_blocks import (
    STORM_HIDE,
    STORM_LIST,
    HideProgress,
    StormExample,
    StormView,
    build_storm_alert,
)
from bot.storm.groups import MemberLine
from handlers.storm import listing
from tests.slack.golden import assert_golden
from tests.slack.helpers import UNSAFE_ANGLE, buttons, texts
from tests.slack.test_properties import PROPERTY, odd_text, urls

START = datetime(2026, 11, 24, 21, 5, tzinfo=UTC)
EXAMPLES = (
    StormExample(41, "@angry1 (Angry One)", "you are all useless idiots <!channel>",
                 "https://x.com/angry1/status/41", "high", ("abuse",)),
    StormExample(40, "@angry2 (A & B)", "sack the lot of you", "https://x.com/angry2/status/40",
                 "medium", ("abuse", "complaint")),
)
VIEW = StormView(group_id=7, platform="x", account="nsft", label="replies in one thread",
                 started_at=START, last_at=START + timedelta(minutes=9), count=212, flagged=180,
                 categories=(("abuse", 180), ("complaint", 40)), examples=EXAMPLES)


def test_golden_storm_alert() -> None:
    message = build_storm_alert(VIEW)
    assert validate_blocks(message) == []
    assert_golden("storm_alert", message)
    [hide] = [b for b in buttons(message) if b["action_id"] == STORM_HIDE]
    assert hide["confirm"]["confirm"]["text"] == "Hide 180"  # the one confirmation


def test_golden_storm_alert_hiding_in_progress() -> None:
    progress = HideProgress(by="U0MOD", at=START + timedelta(minutes=10), queued=130, done=50,
                            failed=0, limit="X allows 50 hides per 15 minutes",
                            next_batch=START + timedelta(minutes=25))
    message = build_storm_alert(VIEW.__class__(**{**VIEW.__dict__, "flagged": 0,
                                                  "hide": progress}))
    assert validate_blocks(message) == []
    assert_golden("storm_alert_hiding", message)
    assert [b["action_id"] for b in buttons(message)] == [STORM_LIST]  # asked once only
    assert "50 of 180 hidden" in "\n".join(texts(message))


examples = st.builds(StormExample, mention_id=st.integers(0, 2**63), author=odd_text,
                     text=odd_text, permalink=urls, severity=odd_text,
                     categories=st.lists(odd_text, max_size=5).map(tuple))
progress = st.builds(HideProgress, by=odd_text, at=st.just(START), queued=st.integers(0, 10**6),
                     done=st.integers(0, 10**6), failed=st.integers(0, 10**6), limit=odd_text,
                     next_batch=st.one_of(st.none(), st.just(START)))
views = st.builds(StormView, group_id=st.integers(0, 2**63), platform=odd_text, account=odd_text,
                  label=odd_text, started_at=st.just(START), last_at=st.just(START),
                  count=st.integers(0, 10**7), flagged=st.integers(0, 10**7),
                  categories=st.lists(st.tuples(odd_text, st.integers(0, 10**6)),
                                      max_size=30).map(tuple),
                  examples=st.lists(examples, max_size=3).map(tuple),
                  hide=st.one_of(st.none(), progress))


@PROPERTY
@given(views)
def test_any_storm_alert_is_valid_and_safe(view: StormView) -> None:
    message = build_storm_alert(view)
    assert validate_blocks(message) == []
    json.dumps(message, ensure_ascii=False).encode("utf-8")
    for text in texts(message):
        assert not UNSAFE_ANGLE.search(text), text


lines = st.builds(MemberLine, mention_id=st.integers(0, 2**63), created_at=st.just(START),
                  author=odd_text, categories=st.lists(odd_text, max_size=4).map(tuple),
                  permalink=urls, hide_state=st.sampled_from(["", "queued", "done", "failed"]))


@PROPERTY
@given(st.lists(lines, max_size=40))
def test_any_listing_is_valid_and_safe(members: list[MemberLine]) -> None:
    blocks = listing(members, len(members) + 5)
    message = {"text": "list", "blocks": blocks}
    assert validate_blocks(message) == []
    for text in texts(message):
        assert not UNSAFE_ANGLE.search(text), text
