"""Golden tests: the exact JSON of each kind of alert, one per platform/kind and state.

Review a golden diff like a UI change. Rewrite with `UPDATE_GOLDEN=1 pytest tests/slack`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from bot.core.models import FACEBOOK, X
from bot.slack.blocks import build_admin_alert, build_mention_alert, validate_blocks
from policy.categories import (
    ACTION_ESCALATE,
    ACTION_LEAD_DECISION,
    ACTION_NONE,
    ACTION_REPLY,
    Severity,
)
from policy.decision import Decision, Flag
from tests.slack.factories import (
    dm,
    fb_item,
    media,
    phone_decision,
    view,
    x_mention,
)
from tests.slack.golden import assert_golden

CRISIS = Decision(
    flags=(Flag("crisis", Severity.CRITICAL, "crisis.intent", "can't go on",
                "Words suggesting the person may be at risk"),),
    action=ACTION_REPLY,
    template="crisis_signposting",
    policy_version="2026.11-1",
    explanation="Possible crisis: signpost privately and tell the on-call lead",
)
COMPLAINT = Decision(
    flags=(Flag("complaint", Severity.MEDIUM, "complaint.service", "nobody called back",
                "A complaint about a service"),),
    action=ACTION_ESCALATE,
    escalate_to="PALS",
    policy_version="2026.11-1",
    explanation="A complaint: pass to PALS and tell the author",
)
THREAT = Decision(
    flags=(
        Flag("violence", Severity.CRITICAL, "violence.threat", "I'll be waiting outside",
             "A threat of violence against staff"),
        Flag("abuse", Severity.HIGH, "abuse.insult_staff", "scum", "Insults aimed at staff"),
    ),
    action=ACTION_LEAD_DECISION,
    report_suggested=True,
    policy_version="2026.11-1",
    explanation="A threat: a lead decides whether to report it",
)
ADVERT = Decision(
    flags=(Flag("advertising", Severity.LOW, "advertising.promo", "50% off",
                "Promotes a commercial product"),),
    action=ACTION_NONE,
    policy_version="2026.11-1",
    explanation="Advertising on someone else's post: nothing to do unless it spreads",
)
CARE = Decision(
    flags=(Flag("individual_care", Severity.MEDIUM, "individual_care.named_patient",
                "my son's care plan", "Discusses an individual's care"),),
    action=ACTION_ESCALATE,
    escalate_to="Complaints",
    policy_version="2026.11-1",
    explanation="Individual care is not discussed on social media: pass to the team",
)
PRAISE = Decision(
    flags=(Flag("praise", Severity.INFO, "praise.thanks", "Thank you to the team",
                "Thanks or praise for the trust's staff"),),
    action=ACTION_REPLY,
    template="thank_you",
    policy_version="2026.11-1",
)
PHONE_TEXT = "Ring my mum on 07700 900123 she knows what they did"


def _cases() -> dict[str, Any]:
    return {
        "x_mention": view(x_mention()),
        "x_reply_own_conversation": view(x_mention(kind="reply", in_own_conversation=True)),
        "x_reply_elsewhere": view(x_mention(kind="reply", in_own_conversation=False)),
        "x_quote": view(x_mention(kind="quote", links=("https://example.org/story?a=1&b=2",))),
        "x_dm": view(replace(dm(X), text="I can't go on any more"), CRISIS),
        "x_reply_closed": view(
            x_mention(kind="reply", in_own_conversation=True),
            closed=True,
            state_line="Closed with no action by Priya at 10:40",
        ),
        "x_reply_masked_phone": view(
            x_mention(kind="reply", in_own_conversation=True, text=PHONE_TEXT),
            phone_decision(PHONE_TEXT, "07700 900123"),
        ),
        "fb_comment": view(
            fb_item(
                media=(media("https://scontent-lhr8-1.xx.fbcdn.net/v/t39/photo.jpg",
                             alt="A waiting room"),),
                links=("https://www.example.org/nhs-waits",),
            ),
            COMPLAINT,
        ),
        "x_reply_crisis_paged": view(
            x_mention(kind="reply", in_own_conversation=True, text="I can't go on any more",
                      parent_text="Our First Response line is open 24/7 on 0808 196 3494"),
            CRISIS, crisis_ping="S0ONCALL",
        ),
        "fb_comment_crisis_paged_user": view(
            fb_item(text="I can't go on any more",
                    parent_text="Visiting times on our wards are changing from Monday"),
            CRISIS, crisis_ping="U0ONCALL",
        ),
        "fb_comment_praise": view(
            fb_item(text="Thank you to the team at Hellesdon, you saved my life",
                    parent_text="Meet the team at Hellesdon Hospital"),
            PRAISE,
        ),
        "x_mention_assigned": view(x_mention(), claimed_by="U0SAM", assigned=True),
        "fb_comment_crisis_done": view(
            fb_item(text="I can't go on any more"), CRISIS, closed=True, crisis_ping="U0ONCALL",
            state_line="Private message sent by Sam Patel at 10:41",
        ),
        "fb_reply_no_flags": view(fb_item(kind="reply", text="Thank you to the team at Hellesdon"),
                                  Decision(policy_version="2026.11-1")),
        "fb_visitor_post": view(
            fb_item(kind="visitor_post", text="You scum. I'll be waiting outside at 5."), THREAT
        ),
        "fb_tag": view(fb_item(kind="tag", text="50% off mindfulness apps @NSFT"), ADVERT),
        "fb_dm": view(replace(dm(FACEBOOK), text="About my son's care plan on the ward"), CARE),
        "fb_comment_hidden_claimed": view(
            fb_item(),
            COMPLAINT,
            hidden=True,
            claimed_by="U012ABCDEF",
            state_line="Hidden on Facebook by Priya at 10:32, author told why",
        ),
    }


CASES = _cases()


@pytest.mark.parametrize("name", sorted(CASES))
def test_mention_alert_matches_golden(name: str) -> None:
    message = build_mention_alert(CASES[name])
    assert validate_blocks(message) == []
    assert_golden(name, message)


def test_admin_alert_matches_golden() -> None:
    message = build_admin_alert(
        "Facebook token expired",
        "Graph API error 190: Error validating access token: Session has expired <!here>",
        "Create a new Page access token and set FEEDWATCH_ACCOUNTS, then restart.",
    )
    assert validate_blocks(message) == []
    assert_golden("admin_token_expired", message)


def test_admin_alert_without_fix_matches_golden() -> None:
    message = build_admin_alert(
        "Possible gap in X mentions",
        "X returns only the newest 800 mentions; the poll at 04:30 could not reach back to "
        "the last one stored (02:10). Mentions in between may be missing.",
        None,
    )
    assert validate_blocks(message) == []
    assert_golden("admin_x_gap", message)


def test_every_golden_file_has_a_test() -> None:
    """A renamed case must not leave a stale golden file behind that nobody checks."""
    from tests.slack.golden import GOLDEN_DIR

    expected = set(CASES) | {"admin_token_expired", "admin_x_gap"}
    expected |= {"storm_alert", "storm_alert_hiding"}  # tests/slack/test_storm_blocks.py
    assert {p.stem for p in GOLDEN_DIR.glob("*.json")} == expected

