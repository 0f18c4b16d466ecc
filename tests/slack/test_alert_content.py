"""What a mention alert shows: escaping, long posts, masking, media, flags and time."""

from __future__ import annotations

import json
from dataclasses import replace
from zoneinfo import ZoneInfo

from bot.core.models import Author
from bot.slack import action_ids as A
from bot.slack.blocks import build_mention_alert, validate_blocks
from policy.categories import ACTION_HIDE, Severity
from policy.decision import Decision, Flag
from tests.slack.factories import JUL_TUESDAY, fb_item, media, phone_decision, view, x_mention
from tests.slack.helpers import UNSAFE_ANGLE, action_ids, block, section_text, texts


def post_text(message: dict) -> str:
    """The quoted post, after the line saying who wrote it where and when."""
    return section_text(message, "fw_post").split("\n", 1)[1]


HOSTILE = "<!channel> <!here> <@U1> <#C1> <!subteam^S1> <http://evil.example|nhs.uk> & co"


def test_hostile_post_pings_and_links_nothing() -> None:
    mention = x_mention(
        text=HOSTILE,
        author=Author(id="1", handle="<!here>", name="<@U999> & <!channel>",
                      url="https://x.com/<!channel>"),
        account="<!everyone>",
    )
    decision = Decision(flags=(Flag("abuse", Severity.HIGH, "<!channel>", HOSTILE, HOSTILE),),
                        explanation="<!here>", policy_version="<@U2>")
    message = build_mention_alert(view(mention, decision, state_line="<!channel> hidden",
                                       claimed_by="<!here>"))
    assert validate_blocks(message) == []
    for text in texts(message):
        assert not UNSAFE_ANGLE.search(text), text
    # Not even in plain-text fields (button labels for screen readers) does a ping survive.
    dumped = json.dumps(message, ensure_ascii=False)
    assert "<!channel>" not in dumped and "<@U999>" not in dumped
    body = post_text(message)
    assert "&lt;!channel&gt; &lt;!here&gt; &lt;@U1&gt; &lt;#C1&gt;" in body
    assert "&lt;http://evil.example|nhs.uk&gt; &amp; co" in body
    # Verbatim stops Slack's own auto-parsing of names in text we did not write.
    assert block(message, "fw_post")["text"]["verbatim"] is True


def test_fallback_text_is_escaped_and_never_carries_the_post() -> None:
    mention = x_mention(text="secret words " + HOSTILE,
                        author=Author(id="1", handle="x", name="<!channel>"))
    message = build_mention_alert(view(mention))
    assert message["text"] == (
        "New X mention from &lt;!channel&gt; (@x) — flags: Abusive post (high)"
    )


def test_20000_character_post_is_cut_to_a_few_lines_and_links_the_original() -> None:
    for text in ("a" * 20_000, "&<>" * 7_000, "line\n" * 4_000, "😀" * 20_000):
        mention = x_mention(text=text)
        message = build_mention_alert(view(mention))
        assert validate_blocks(message) == [], text[:10]
        body = post_text(message)
        assert len(body) <= 400
        assert body.endswith(f"… (<{mention.permalink}|read it all>)")
        assert not body.startswith(">" * 2)


def test_short_post_is_shown_whole() -> None:
    message = build_mention_alert(view(x_mention(text="two\nlines")))
    assert post_text(message) == "> two\n> lines"


def test_long_post_without_permalink_says_where_the_full_text_is() -> None:
    message = build_mention_alert(view(fb_item(text="b" * 20_000, permalink="")))
    assert validate_blocks(message) == []
    assert post_text(message).endswith("… (the full text is on Facebook)")
    assert "Open on" not in json.dumps(message)


def test_phone_number_span_is_masked_everywhere() -> None:
    text = "call me on 07700 900123 or I'll come in"
    number = "07700 900123"
    decision = phone_decision(text, number)
    decision = replace(decision, flags=(
        *decision.flags,
        Flag("abuse", Severity.LOW, "abuse.threat_soft", f"{number} or I'll come in", "Pushy"),
    ))
    message = build_mention_alert(view(x_mention(text=text), decision))
    dumped = json.dumps(message, ensure_ascii=False)
    assert number not in dumped
    assert "900123" not in dumped
    assert post_text(message) == "> call me on [phone number hidden] or I'll come in"
    flags = section_text(message, "fw_flags")
    assert "“[phone number hidden]”" in flags
    assert "“[hidden] or I'll come in”" in flags
    assert A.REVEAL_PI in action_ids(message)


def test_personal_info_without_a_span_is_masked_by_its_evidence() -> None:
    decision = Decision(flags=(Flag("personal_info", Severity.MEDIUM, "personal_info.email",
                                    "jo@example.com", "An email address"),),
                        action=ACTION_HIDE)
    message = build_mention_alert(view(x_mention(text="mail jo@example.com or jo@example.com"),
                                       decision))
    assert "jo@example.com" not in json.dumps(message)
    assert post_text(message) == (
        "> mail [email address hidden] or [email address hidden]"
    )


def test_out_of_range_and_overlapping_spans_do_not_break_the_text() -> None:
    text = "NHS 943 476 5919 phone 07700900123"
    flags = (
        Flag("personal_info", Severity.MEDIUM, "personal_info.nhs_number", "", "", span=(4, 16)),
        Flag("personal_info", Severity.MEDIUM, "personal_info.phone", "", "", span=(10, 20)),
        Flag("personal_info", Severity.MEDIUM, "personal_info.phone", "", "", span=(23, 999)),
        Flag("personal_info", Severity.MEDIUM, "personal_info.phone", "", "", span=(-5, -1)),
    )
    message = build_mention_alert(view(x_mention(text=text), Decision(flags=flags)))
    assert post_text(message) == (
        "> NHS [NHS number hidden]ne [phone number hidden]"
    )


def test_no_reveal_button_without_personal_info() -> None:
    message = build_mention_alert(view(x_mention()))
    assert A.REVEAL_PI not in action_ids(message)


def test_photos_on_the_platform_host_become_images_others_links() -> None:
    mention = x_mention(media=(
        media("https://pbs.twimg.com/media/ok.jpg", alt="A letter from the ward"),
        media("https://pbs.twimg.com/media/noalt.jpg"),
        media("https://evil.example/track.jpg", alt="<!channel>"),
        media("http://pbs.twimg.com/media/plain-http.jpg"),
        media("https://video.twimg.com/v.mp4", type_="video"),
    ))
    message = build_mention_alert(view(mention))
    images = [b for b in message["blocks"] if b["type"] == "image"]
    assert [i["image_url"] for i in images] == [
        "https://pbs.twimg.com/media/ok.jpg", "https://pbs.twimg.com/media/noalt.jpg"]
    assert images[0]["alt_text"] == "A letter from the ward"
    assert images[1]["alt_text"] == "Photo attached to the post (no description given)"
    lines = section_text(message, "fw_media")
    assert "• photo: <https://evil.example/track.jpg|open> — &lt;!channel&gt;" in lines
    assert "• video: <https://video.twimg.com/v.mp4|open>" in lines
    assert "plain-http.jpg" in lines


def test_many_media_links_and_flags_stay_within_limits() -> None:
    mention = x_mention(
        media=tuple(media(f"https://pbs.twimg.com/media/{i}.jpg") for i in range(60)),
        links=tuple(f"https://example.org/{'x' * 900}/{i}" for i in range(40)),
    )
    flags = tuple(Flag("abuse", Severity(i % 5), f"abuse.r{i}", "e" * 400, "w" * 400)
                  for i in range(200))
    message = build_mention_alert(view(mention, Decision(flags=flags)))
    assert validate_blocks(message) == []
    assert sum(b["type"] == "image" for b in message["blocks"]) == 4
    assert "more (see the evidence pack)" in section_text(message, "fw_flags")
    links = section_text(message, "fw_links")
    shown = links.count("\n• ")
    assert 0 < shown < 40
    assert links.endswith(f"… and {40 - shown} more")
    assert section_text(message, "fw_media").endswith("… and 46 more")


def test_flags_in_plain_words_most_severe_first_rule_ids_only_in_details() -> None:
    flags = (Flag("profanity", Severity.LOW, "profanity.mild", "damn", "Mild swearing"),
             Flag("abuse", Severity.HIGH, "abuse.insult_staff", "idiots", "Insults staff"))
    message = build_mention_alert(view(x_mention(), Decision(flags=flags, policy_version="v7")))
    lines = section_text(message, "fw_flags").splitlines()
    assert lines == ["• *Abusive post* (high): “idiots” — Insults staff",
                     "• *Offensive language* (low): “damn” — Mild swearing"]
    details = block(message, "fw_details")["elements"][0]["text"]
    assert details == ("Details · rules abuse.insult_staff, profanity.mild · policy v7 · "
                       "feedwatch #42")
    outside = json.dumps([b for b in message["blocks"] if b.get("block_id") != "fw_details"])
    assert "abuse.insult_staff" not in outside and "v7" not in outside


def test_time_is_local_and_follows_the_given_zone() -> None:
    summer = build_mention_alert(view(x_mention(created_at=JUL_TUESDAY)))
    assert "Tue 14 Jul 2026 10:05 BST" in section_text(summer, "fw_post")
    utc = build_mention_alert(view(x_mention(created_at=JUL_TUESDAY), tz=ZoneInfo("UTC")))
    assert "Tue 14 Jul 2026 09:05 UTC" in section_text(utc, "fw_post")


def test_status_shows_state_claimant_and_hidden() -> None:
    message = build_mention_alert(view(fb_item(), hidden=True, claimed_by="Priya & co",
                                       state_line="Hidden by Priya"))
    status = block(message, "fw_status")["elements"][0]["text"]
    assert status == "⏳ Claimed by Priya &amp; co · Hidden by Priya · Hidden on Facebook"
    assert "fw_status" not in [b.get("block_id") for b in
                               build_mention_alert(view(fb_item()))["blocks"]]


def test_categories_set_aside_are_shown_on_the_alert() -> None:
    flags = (Flag("crisis", Severity.CRITICAL, "crisis.suicidal", "can't go on", "Crisis"),
             Flag("hate", Severity.HIGH, "hate.derogatory", "scum", "Hate"))
    decision = Decision(flags=flags, suppressed=("profanity", "<!channel>"))
    lines = section_text(build_mention_alert(view(x_mention(), decision)),
                         "fw_flags").splitlines()
    assert lines[0].startswith("*Also found, not acted on:* ")
    assert "&lt;!channel&gt;" in lines[0] and "<!channel>" not in lines[0]
    plain = build_mention_alert(view(x_mention(), Decision(flags=flags)))
    assert "not acted on" not in section_text(plain, "fw_flags")


def test_suppressed_categories_are_also_named_in_the_details_line() -> None:
    from bot.slack.blocks import suppressed_of

    message = build_mention_alert(view(x_mention(), suppressed=("complaint",)))
    details = block(message, "fw_details")["elements"][0]["text"]
    assert "not shown: complaint" in details
    assert suppressed_of(Decision()) == ()  # a Decision without the field suppresses nothing
