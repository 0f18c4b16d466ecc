"""Whatever X sends, parsing never raises and never invents: property tests over JSON shapes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.platforms.x import parse as x_parse

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)

hostile_text = st.text(
    alphabet=st.characters(codec=None, exclude_categories=()), max_size=300
) | st.sampled_from(["\ud800", "\x00\x00", "\u202e\u200b<!channel>", "👩‍👩‍👧‍👦" * 50, "a" * 20000])
json_scalar = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | hostile_text
json_value = st.recursive(
    json_scalar,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(hostile_text, inner, max_size=4),
    max_leaves=12,
)
# A tweet-ish object: the right keys with any values, plus noise.
tweet_like = st.fixed_dictionaries(
    {},
    optional={k: json_value for k in ("id", "text", "author_id", "created_at", "conversation_id",
                                      "referenced_tweets", "entities", "attachments")},
)


@settings(max_examples=300, deadline=None)
@given(
    tweet=tweet_like,
    payload=st.dictionaries(hostile_text, json_value, max_size=3)
    | st.fixed_dictionaries({"includes": json_value}),
)
def test_tweet_parsing_never_raises(tweet: dict[str, Any], payload: dict[str, Any]) -> None:
    users, media, refs = x_parse.index_includes(payload)
    m = x_parse.tweet_to_mention(tweet, "nsft", "1", users, media, refs, NOW)
    assert isinstance(m.text, str) and isinstance(m.external_id, str)
    assert m.created_at.tzinfo is not None
    assert all(isinstance(link, str) and link for link in m.links)
    assert "\x00" not in m.text


@settings(max_examples=300, deadline=None)
@given(event=st.fixed_dictionaries({}, optional={k: json_value for k in (
    "id", "text", "sender_id", "created_at", "dm_conversation_id", "attachments", "entities")}))
def test_dm_parsing_never_raises(event: dict[str, Any]) -> None:
    m = x_parse.dm_to_mention(event, "nsft", {}, {}, NOW)
    assert m.kind == "dm" and m.external_id.startswith("dm:")


def test_bad_time_falls_back_to_when_received() -> None:
    assert x_parse.parse_time("yesterday-ish", NOW) == NOW
    assert x_parse.parse_time(None, NOW) == NOW
    assert x_parse.parse_time("2026-03-29T00:59:59.000Z", NOW).isoformat() == \
        "2026-03-29T00:59:59+00:00"
