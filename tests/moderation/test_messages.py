"""Reply and private message: templates filled in, the outgoing check, the 7-day window."""

from __future__ import annotations

import json
from datetime import timedelta
from urllib.parse import urlencode

from bot.slack import action_ids as A
from bot.slack import modal_blocks as mb
from tests.moderation.conftest import Bot, fb_comment, wait_until, x_reply_in_own_thread
from tests.moderation.test_platform_actions import writes

COMPLAINT = "The ward staff ignored my complaint for weeks, this is a disgrace"


def text_block(view: dict) -> tuple[str, str]:  # type: ignore[type-arg]
    block = next(b for b in view["blocks"] if b.get("block_id", "").startswith(mb.TEXT + "."))
    return block["block_id"], block["element"].get("initial_value", "")


def test_reply_offers_the_policy_template_filled_in(bot: Bot) -> None:
    mid = x_reply_in_own_thread(bot, COMPLAINT, handle="pat")
    assert bot.click(A.REPLY, mid) == 200
    view = bot.opened_view()
    block_id, shown = text_block(view)
    assert block_id == f"{mb.TEXT}.complaints"
    assert shown.startswith("Hi Pat, we're sorry to hear about your experience")
    menu = view["blocks"][0]["elements"][0]
    titles = [o["text"]["text"] for o in menu["options"]]
    assert "Crisis signposting" in titles and "Pass to PALS" in titles  # words, not ids
    assert menu["initial_option"]["text"]["text"] == "Complaints route"
    assert "{" not in shown  # every placeholder filled
    note = view["blocks"][-1]["elements"][0]["text"]
    assert note.startswith("X allows 280 characters (links count as 23):")
    status, ack = bot.submit(view, {})
    assert status == 200 and ack == {}
    [row] = bot.settled(mid)
    assert row.state == "done" and row.template == "complaints"
    [sent] = bot.x.requests_to("/2/tweets", "POST")
    assert sent.json() == {"text": shown,
                           "reply": {"in_reply_to_tweet_id": bot.external_id(mid)}}
    last = bot.audit(mid)[-1]
    assert (last.action, last.outcome) == ("reply", "ok") and "text_sha256" in last.detail
    bot.status_with(mid, "Replied on X by u0mod1 at 10:00")  # the moderator's name


def test_outgoing_text_is_checked_before_sending(bot: Bot) -> None:
    mid = x_reply_in_own_thread(bot, COMPLAINT, handle="pat")
    bot.click(A.REPLY, mid)
    view = bot.opened_view()
    block_id, _ = text_block(view)
    refused = {
        "Hi Pat, call Dr Smith on 07700 900123": "personal or confidential information",
        "You should increase your sertraline dose to 100mg": "clinical advice",
        "Hi Pat, your appointment on ward 3 is on Monday": "individual's care",
        "Hi Pat " + "so sorry " * 40: "over the limit of 280",
    }
    for draft, why in refused.items():
        status, ack = bot.submit(view, {block_id: draft})
        assert status == 200 and ack["response_action"] == "errors", draft
        assert why in ack["errors"][block_id], (draft, ack)
    # The trust's own numbers and addresses pass; so does a link, counted as 23.
    ok = ("Hi Pat, please call Customer Services on 01603 421421 or First Response on "
          "0808 196 3494: https://www.nsft.nhs.uk/contact-us/complaints/a-very-long-path")
    status, ack = bot.submit(view, {block_id: ok})
    assert ack == {}
    bot.settled(mid)
    assert [r.json()["text"] for r in bot.x.requests_to("/2/tweets", "POST")] == [ok]


def test_template_menu_replaces_the_text(bot: Bot) -> None:
    mid = x_reply_in_own_thread(bot, COMPLAINT, handle="pat")
    bot.click(A.REPLY, mid)
    bot.opened_view()
    view = list(bot.slack.views.values())[-1]  # as Slack holds it: with its id and hash
    payload = {"type": "block_actions", "user": {"id": "U0MOD1", "username": "mod"},
               "team": {"id": "T0SANDBOX"}, "api_app_id": "A0FEEDWATCH",
               "container": {"type": "view", "view_id": view["id"]}, "view": view,
               "trigger_id": "1.2.3", "actions": [{
                   "action_id": mb.TEMPLATE_PICK, "block_id": "fw_templates",
                   "type": "static_select", "selected_option": {"value": "pals"},
                   "action_ts": "1700000001.000200"}]}
    assert bot.post(urlencode({"payload": json.dumps(payload)}))[0] == 200
    updated = wait_until(lambda: bot.slack.calls_to("views.update"), "views.update")
    new = updated[0].params["view"]
    new = json.loads(new) if isinstance(new, str) else new
    block_id, shown = text_block(new)
    assert block_id == f"{mb.TEXT}.pals"
    assert shown.startswith("Hi Pat, thank you for letting us know. We have passed your message")


def test_a_reply_whose_outcome_is_unknown_is_never_sent_twice(bot: Bot) -> None:
    mid = x_reply_in_own_thread(bot, COMPLAINT, handle="pat")
    bot.click(A.REPLY, mid)
    view = bot.opened_view()
    bot.x.inject("/2/tweets", 503, {"title": "Service Unavailable", "status": 503,
                                    "type": "about:blank", "detail": "Service Unavailable"},
                 method="POST")
    bot.submit(view, {})
    [row] = bot.settled(mid)
    assert row.state == "unknown"
    bot.status_with(mid, "outcome unknown, please check")
    assert "feedwatch will not resend it" in bot.answers()[-1]
    # The same modal submitted again (or a colleague's, opened on the same state): no resend.
    bot.submit(view, {})
    answer = wait_until(lambda: [a for a in bot.answers(count=2) if "already did" in a],
                        "the second answer")
    assert "<@U0MOD1> already did this at 10:00 (unknown)" in answer[0]
    assert len(bot.x.requests_to("/2/tweets", "POST")) == 1


def test_facebook_private_reply_to_a_recent_comment(bot: Bot) -> None:
    mid, cid = fb_comment(bot, COMPLAINT)
    bot.click(A.PRIVATE_MESSAGE, mid)
    view = bot.opened_view()
    assert view["title"]["text"] == "Private reply"
    bot.submit(view, {})
    assert bot.settled(mid)[0].state == "done"
    [sent] = bot.graph.requests_to("/:version/:id/messages", "POST")
    assert json.loads(sent.form()["recipient"]) == {"comment_id": cid}
    assert bot.graph.private_replies()[0]["comment_id"] == cid


def test_facebook_private_reply_window_closed_is_said_plainly(bot: Bot) -> None:
    mid, cid = fb_comment(bot, COMPLAINT, age=timedelta(days=8))
    assert bot.click(A.PRIVATE_MESSAGE, mid) == 200
    [answer] = bot.answers()
    assert ("Facebook allows one private reply to a comment, within 7 days of it; this comment "
            "is 8 days old, so that window has closed. Reply publicly instead") in answer
    assert bot.slack.calls_to("views.open") == [] and writes(bot.graph) == []
    # Hiding it still works; the author simply cannot be told first, and the alert says so.
    assert bot.click(A.HIDE, mid) == 200
    [row] = bot.settled(mid)
    assert row.state == "done" and row.told == "not_sent"
    assert writes(bot.graph) == [("POST", f"/{bot.settings.facebook_graph_version}/{cid}")]
    bot.status_with(mid, "author not told (Facebook allows one private reply")


CRISIS_POST = "I can't do this anymore. I've been saving my tablets and I won't be here tomorrow."


def test_a_public_reply_with_crisis_signposting_must_be_confirmed(bot: Bot) -> None:
    mid = x_reply_in_own_thread(bot, CRISIS_POST, handle="pat")
    assert bot.click(A.REPLY, mid) == 200
    view = bot.opened_view()
    block_id, _ = text_block(view)
    assert block_id == f"{mb.TEXT}.crisis"
    # The whole crisis template is longer than a post; a moderator shortens it to fit.
    shown = "Hi Pat, please call First Response on 0808 196 3494 (24/7) or Samaritans on 116 123"
    status, ack = bot.submit(view, {block_id: shown})
    assert status == 200 and ack["response_action"] == "errors"
    assert "tells everyone this person may be at risk" in ack["errors"][mb.PUBLIC_OK]
    assert bot.x.requests_to("/2/tweets", "POST") == []  # nothing went out
    status, ack = bot.submit(view, {block_id: shown, mb.PUBLIC_OK: [mb.PUBLIC_YES]})
    assert ack == {}
    bot.settled(mid)
    assert [r.json()["text"] for r in bot.x.requests_to("/2/tweets", "POST")] == [shown]


def test_the_crisis_private_message_needs_no_extra_confirmation(bot: Bot) -> None:
    mid = x_reply_in_own_thread(bot, CRISIS_POST, handle="pat")
    assert bot.buttons(mid)[0] == A.PRIVATE_MESSAGE  # the alert's first button
    assert bot.click(A.PRIVATE_MESSAGE, mid) == 200
    view = bot.opened_view()
    assert text_block(view)[0] == f"{mb.TEXT}.crisis"
    assert mb.PUBLIC_OK not in [b.get("block_id") for b in view["blocks"]]
