"""The stand-in never turns the public's text into markup (no browser needed)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.sandbox.fake_slack import FakeSlack
from bot.sandbox.standin.mrkdwn import parse, plain, safe_url
from bot.sandbox.standin.present import Presenter
from bot.slack.escape import safe

STATIC = Path(__file__).resolve().parents[2] / "bot" / "sandbox" / "standin" / "static"
SCRIPT_POST = '<script>alert("pwned")</script> <img src=x onerror=alert(1)> & more'


def test_a_script_post_escaped_by_the_bot_comes_back_as_the_same_text() -> None:
    # The bot escapes the post for Slack (&lt;script&gt;...); the page must show exactly
    # what the person wrote, as one text leaf, with no element or link made from it.
    spans = parse(f"*From Troll:* {safe(SCRIPT_POST)}")
    assert spans[0] == {"t": "b", "c": [{"t": "text", "v": "From Troll:"}]}
    assert spans[1:] == [{"t": "text", "v": " " + SCRIPT_POST}]
    assert plain(spans) == "From Troll: " + SCRIPT_POST


def test_entities_are_decoded_once_only() -> None:
    # "&amp;lt;" is a person typing "&lt;": it must show as "&lt;", not as "<".
    assert parse("5 &amp;lt; 6 &amp;amp; &gt;") == [{"t": "text", "v": "5 &lt; 6 &amp; >"}]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<b>x</b>",
                                 "vbscript:msgbox", " JaVaScRiPt:alert(1)"])
def test_unsafe_link_targets_are_shown_as_text_never_linked(url: str) -> None:
    [span] = parse(f"<{url}|click me>")
    assert span["t"] == "text"
    assert safe_url(url) is None


def test_links_mentions_and_formatting() -> None:
    spans = parse("_see <https://x.com/a?b=1&amp;c=2|the post>_ <@U0SAM> <!channel>\n> quoted",
                  users={"U0SAM": "Sam Patel"}.get)
    assert spans[0] == {"t": "i", "c": [
        {"t": "text", "v": "see "},
        {"t": "link", "href": "https://x.com/a?b=1&c=2", "v": "the post"}]}
    assert {"t": "mention", "v": "@Sam Patel"} in spans
    assert {"t": "mention", "v": "@channel"} in spans
    assert spans[-1] == {"t": "quote", "c": [{"t": "text", "v": "quoted"}]}


def test_code_keeps_its_asterisks_and_pre_blocks_stay_verbatim() -> None:
    assert parse("`a*b*c`") == [{"t": "code", "v": "a*b*c"}]
    assert parse("```*not bold* &lt;b&gt;```") == [{"t": "pre", "v": "*not bold* <b>"}]
    assert parse("snake_case_name 2*3*4") == [{"t": "text", "v": "snake_case_name 2*3*4"}]


def test_prepare_adds_spans_and_keeps_images_and_links_local_or_safe() -> None:
    presenter = Presenter(FakeSlack())
    blocks = presenter.prepare([
        {"type": "section", "text": {"type": "mrkdwn", "text": safe(SCRIPT_POST)}},
        {"type": "image", "image_url": "https://pbs.twimg.com/media/3_1.png", "alt_text": "a"},
        {"type": "image", "image_url": "https://evil.example/track.gif", "alt_text": "b"},
        {"type": "actions", "elements": [{"type": "button", "action_id": "x",
                                          "text": {"type": "plain_text", "text": "Go"},
                                          "url": "javascript:alert(1)"}]},
    ])
    assert plain(blocks[0]["text"]["spans"]) == SCRIPT_POST
    assert blocks[1]["image_url"] == "/media/x/3_1.png"
    assert blocks[2]["image_url"] == ""  # never loaded from outside
    assert blocks[2]["withheld_url"] == "https://evil.example/track.gif"
    assert blocks[3]["elements"][0]["url"] == ""


def test_the_page_never_parses_html_from_data() -> None:
    sinks = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|"
                       r"new Function|srcdoc")
    scripts = sorted(STATIC.glob("*.js"))
    assert scripts, "the page's scripts are missing"
    for js in scripts:
        assert not sinks.findall(js.read_text(encoding="utf-8")), js.name
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    assert re.findall(r"<script(?![^>]*\bsrc=)", html) == [], "inline script in index.html"
    assert " on" not in re.sub(r"<!--.*?-->", "", html).split("<body")[1].split(">")[0]
