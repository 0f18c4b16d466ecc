"""Property tests: whatever the platforms send, building never raises and Slack accepts it."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.models import KINDS, Author, Media, Mention
from bot.slack.blocks import AlertView, build_admin_alert, build_mention_alert, validate_blocks
from bot.slack.escape import escape_mrkdwn, truncate
from policy.categories import ALL_CATEGORIES, SUGGESTED_ACTIONS, Severity
from policy.decision import Decision, Flag
from tests.slack.helpers import UNSAFE_ANGLE, buttons, texts

ODD = [
    "\ud800", "\udfff", "\ud83d", "\ude00", "\x00", "\x1b", "\u202e", "\u2066", "\u200b",
    "\u200d", "\ufeff", "<", ">", "&", "|", "*", "`", "\n", "\r\n", "😀", "👩\u200d👩\u200d👧",
    "مرحبا", "שלום", "e\u0301", "<!channel>", "<@U1>", "<http://x|y>", "&amp;", "&lt;", " ",
]
fragments = st.one_of(st.text(max_size=40), st.sampled_from(ODD),
                      st.text(alphabet=st.characters(), max_size=5))
odd_text = st.lists(fragments, max_size=60).map("".join)
long_text = st.one_of(odd_text, st.builds(lambda s, n: s * n, odd_text, st.integers(1, 100)))
urls = st.one_of(
    odd_text,
    st.builds(lambda p: "https://x.com/" + p, odd_text),
    st.builds(lambda p: "https://pbs.twimg.com/media/" + p, odd_text),
    st.builds(lambda p: "https://scontent.xx.fbcdn.net/" + p, odd_text),
    st.just(""),
)
severities = st.sampled_from(list(Severity))
flags = st.builds(
    Flag,
    category=st.one_of(st.sampled_from(ALL_CATEGORIES), odd_text),
    severity=severities,
    rule_id=odd_text,
    evidence=odd_text,
    explanation=odd_text,
    span=st.one_of(st.none(), st.tuples(st.integers(-50, 5000), st.integers(-50, 5000))),
)
decisions = st.builds(
    Decision,
    flags=st.lists(flags, max_size=30).map(tuple),
    action=st.one_of(st.sampled_from(SUGGESTED_ACTIONS), odd_text),
    template=st.one_of(st.none(), odd_text),
    escalate_to=st.one_of(st.none(), odd_text),
    report_suggested=st.booleans(),
    policy_version=odd_text,
    explanation=odd_text,
)
mentions = st.builds(
    Mention,
    platform=st.one_of(st.sampled_from(["x", "facebook"]), odd_text),
    account=odd_text,
    external_id=odd_text,
    kind=st.one_of(st.sampled_from(KINDS), odd_text),
    author=st.builds(Author, id=odd_text, handle=odd_text, name=odd_text, url=urls),
    text=long_text,
    created_at=st.datetimes(timezones=st.just(UTC),
                            min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
    permalink=urls,
    media=st.lists(st.builds(Media, key=odd_text, type=st.sampled_from(
        ["photo", "video", "animated_gif", "audio", ""]), url=urls, preview_url=urls,
        alt_text=odd_text), max_size=12).map(tuple),
    links=st.lists(urls, max_size=15).map(tuple),
    in_own_conversation=st.booleans(),
)
views = st.builds(
    AlertView,
    mention=mentions,
    decision=decisions,
    mention_db_id=st.integers(0, 2**63),
    state_line=st.one_of(st.none(), odd_text),
    claimed_by=st.one_of(st.none(), odd_text, st.just("U012ABCDEF")),
    hidden=st.booleans(),
    closed=st.booleans(),
)
# No deadline: the machine is shared and timing must never fail a test.
PROPERTY = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@PROPERTY
@given(views)
def test_any_mention_builds_a_valid_safe_alert(view: AlertView) -> None:
    message = build_mention_alert(view)
    assert validate_blocks(message) == []
    json.dumps(message, ensure_ascii=False).encode("utf-8")
    for text in texts(message):
        assert not UNSAFE_ANGLE.search(text), text
    for el in buttons(message):
        assert el["value"] == str(view.mention_db_id)


@PROPERTY
@given(odd_text, long_text, st.one_of(st.none(), long_text))
def test_any_admin_alert_is_valid(title: str, body: str, fix: str | None) -> None:
    message = build_admin_alert(title, body, fix)
    assert validate_blocks(message) == []
    for text in texts(message):
        assert not UNSAFE_ANGLE.search(text), text


@PROPERTY
@given(odd_text, st.integers(0, 300), st.sampled_from(["…", "", "(cut)", "… (cut — see)"]))
def test_truncate_is_a_bounded_prefix(text: str, limit: int, suffix: str) -> None:
    escaped = escape_mrkdwn(text)
    out = truncate(escaped, limit, suffix)
    assert len(out) <= limit
    if len(escaped) <= limit:
        assert out == escaped
    elif len(suffix) < limit:
        assert out.endswith(suffix)
        assert escaped.startswith(out[: len(out) - len(suffix)])
