"""Escaping, sanitising, cutting and linking of untrusted text."""

from __future__ import annotations

import re

import pytest

from bot.slack.escape import (
    MAX_LINK_URL,
    clean_url,
    escape_mrkdwn,
    link,
    plain,
    safe,
    sanitize,
    truncate,
)


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("<!channel>", "&lt;!channel&gt;"),
        ("<!here>", "&lt;!here&gt;"),
        ("<@U1>", "&lt;@U1&gt;"),
        ("<#C1>", "&lt;#C1&gt;"),
        ("<!subteam^S123>", "&lt;!subteam^S123&gt;"),
        ("<http://x|y>", "&lt;http://x|y&gt;"),
        ("fish & chips", "fish &amp; chips"),
        # Already-escaped-looking input is the user's literal text: escape it again.
        ("&amp;", "&amp;amp;"),
        ("&lt;!channel&gt;", "&amp;lt;!channel&amp;gt;"),
    ],
)
def test_escape_mrkdwn_neutralises_slack_syntax(raw: str, escaped: str) -> None:
    assert escape_mrkdwn(raw) == escaped


def test_escape_mrkdwn_leaves_everything_else_alone() -> None:
    text = "*bold* _it_ ~s~ `c` | @channel #general 😀 مرحبا \u200b\n\t\"'"
    assert escape_mrkdwn(text) == text


def test_sanitize_repairs_what_cannot_be_sent() -> None:
    assert sanitize("a\ud800b") == "a\ufffdb"
    assert sanitize("\udfff") == "\ufffd"
    assert sanitize("\ud83d\ude00") == "😀"  # a pair that arrived as two code points
    assert sanitize("a\x00b\x07c\x7f") == "abc"
    assert sanitize("line\n\ttab") == "line\n\ttab"
    assert sanitize("abc\u202edcba\u2066x\u2069") == "abcdcbax"
    assert sanitize("👩\u200d👩\u200d👧 مرحبا") == "👩\u200d👩\u200d👧 مرحبا"


def test_safe_output_always_encodes() -> None:
    safe("\ud800<!here>\x00").encode("utf-8")
    assert safe("\ud800<!here>\x00") == "\ufffd&lt;!here&gt;"


def test_truncate_returns_short_text_unchanged() -> None:
    assert truncate("hello", 5) == "hello"
    assert truncate("", 0) == ""


def test_truncate_cuts_with_suffix_within_limit() -> None:
    assert truncate("hello world", 8) == "hello w…"
    assert truncate("hello world", 3, suffix="(cut)") == "(cu"
    with pytest.raises(ValueError):
        truncate("x", -1)


@pytest.mark.parametrize("limit", range(0, 40))
def test_truncate_never_leaves_half_an_entity(limit: int) -> None:
    text = escape_mrkdwn("a<b>&c<<&&>>d")
    out = truncate(text, limit)
    assert len(out) <= limit
    body = out.removesuffix("…")
    assert text.startswith(body)
    assert not re.search(r"&[a-z#0-9]*$", body), out


def test_truncate_keeps_a_surrogate_pair_whole() -> None:
    text = "ab\ud83d\ude00cd"
    assert truncate(text, 4) == "ab…"
    assert truncate(text, 5) == "ab\ud83d\ude00…"


def test_truncate_keeps_our_links_whole() -> None:
    text = "see <https://x.com/a|the original> now"
    for limit in range(1, len(text)):
        body = truncate(text, limit).removesuffix("…")
        assert body.count("<") == body.count(">"), body


def test_link_escapes_label_and_url() -> None:
    assert link("https://x.com/a?b=1&c=2", "<!channel>") == (
        "<https://x.com/a?b=1&amp;c=2|&lt;!channel&gt;>"
    )


def test_link_cannot_be_split_by_a_pipe_or_space() -> None:
    out = link("https://evil.example/a|Click here for NHS login")
    assert out == "<https://evil.example/a%7CClick%20here%20for%20NHS%20login>"


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "ftp://x.com/a", "not a url", "", "https://", "http://[::1"],
)
def test_link_refuses_non_http_urls_and_shows_them_as_text(url: str) -> None:
    assert clean_url(url) is None
    out = link(url, "label")
    assert "<" not in out and ">" not in out


def test_overlong_url_is_shown_not_linked() -> None:
    url = "https://x.com/" + "a" * MAX_LINK_URL
    assert clean_url(url) is None
    assert not link(url).startswith("<")


def test_plain_is_single_line_cut_and_never_empty() -> None:
    assert plain("a\nb\tc", 10) == "a b c"
    assert plain("   ", 10) == "-"
    assert len(plain("x" * 500, 150)) == 150
