"""slack_sdk.WebClient, unmodified, against FakeSlack through base_url."""

from __future__ import annotations

import json
import re
import threading

import pytest
import requests
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.sandbox.fake_slack import SANDBOX_TOKEN, FakeSlack

pytestmark = pytest.mark.filterwarnings("error")

META = {"event_type": "feedwatch_alert", "event_payload": {"mention_id": "x:42"}}


def section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


@pytest.fixture
def alerts(fake_slack: FakeSlack) -> str:
    return fake_slack.add_channel("feedwatch-alerts")


def test_auth_test_and_refused_tokens(fake_slack: FakeSlack, slack: WebClient) -> None:
    assert slack.auth_test()["user_id"] == "U0BOT"
    for token, error in (("xoxb-1234-real", "invalid_auth"), ("", "not_authed")):
        with pytest.raises(SlackApiError) as refused:
            WebClient(token=token or None, base_url=f"{fake_slack.url}/api/").auth_test()
        assert refused.value.response["error"] == error


def test_a_token_inside_a_json_body_is_ignored(fake_slack: FakeSlack) -> None:
    resp = requests.post(f"{fake_slack.url}/api/auth.test", json={"token": SANDBOX_TOKEN},
                         timeout=5)
    assert resp.json() == {"ok": False, "error": "not_authed"}


def test_post_update_and_history_with_metadata(fake_slack, slack, alerts) -> None:
    first = slack.chat_postMessage(channel=alerts, text="New mention", blocks=[section("*one*")],
                                   metadata=META)
    second = slack.chat_postMessage(channel="#feedwatch-alerts", text="second")
    assert re.fullmatch(r"\d{10}\.\d{6}", first["ts"]) and second["ts"] > first["ts"]
    slack.chat_update(channel=alerts, ts=first["ts"], text="Hidden by Ann",
                      blocks=[section("Hidden")])
    plain = slack.conversations_history(channel=alerts)["messages"]
    assert [m["ts"] for m in plain] == [second["ts"], first["ts"]]
    assert "metadata" not in plain[1] and plain[1]["text"] == "Hidden by Ann"
    full = slack.conversations_history(channel=alerts, include_all_metadata=True)["messages"]
    assert full[1]["metadata"] == META and full[1]["edited"]["user"] == "U0BOT"
    shown = fake_slack.messages(alerts)
    assert [m["text"] for m in shown] == ["Hidden by Ann", "second"]
    assert shown[0]["blocks"][0]["text"]["text"] == "Hidden"


def test_history_pages_with_cursor_and_window(slack, alerts) -> None:
    ts = [slack.chat_postMessage(channel=alerts, text=f"m{n}")["ts"] for n in range(5)]
    # SlackResponse pages in place, so read each page while iterating.
    pages = [[m["ts"] for m in page["messages"]]
             for page in slack.conversations_history(channel=alerts, limit=2)]
    assert pages == [[ts[4], ts[3]], [ts[2], ts[1]], [ts[0]]]
    windowed = slack.conversations_history(channel=alerts, oldest=ts[1], latest=ts[4])
    assert [m["ts"] for m in windowed["messages"]] == [ts[3], ts[2]]


def test_threads(fake_slack, slack, alerts) -> None:
    parent = slack.chat_postMessage(channel=alerts, text="alert")["ts"]
    slack.chat_postMessage(channel=alerts, text="Hidden on X", thread_ts=parent)
    history = slack.conversations_history(channel=alerts)["messages"]
    assert len(history) == 1 and history[0]["reply_count"] == 1
    thread = slack.conversations_replies(channel=alerts, ts=parent)["messages"]
    assert [m["text"] for m in thread] == ["alert", "Hidden on X"]
    assert [m["text"] for m in fake_slack.thread(alerts, parent)] == ["Hidden on X"]
    link = slack.chat_getPermalink(channel=alerts, message_ts=parent)["permalink"]
    assert link.startswith(fake_slack.url) and parent.replace(".", "") in link


def test_block_kit_limits_use_slacks_errors(slack, alerts) -> None:
    with pytest.raises(SlackApiError) as too_many:
        slack.chat_postMessage(channel=alerts, text="x", blocks=[section("b")] * 51)
    assert too_many.value.response["error"] == "invalid_blocks"
    assert "no more than 50 items allowed [json-pointer:/blocks]" in \
        too_many.value.response["errors"]
    with pytest.raises(SlackApiError) as too_long:
        slack.chat_postMessage(channel=alerts, text="x", blocks=[section("a" * 3001)])
    assert too_long.value.response["errors"] == [
        "must be less than 3001 characters [json-pointer:/blocks/0/text/text]"]
    slack.chat_postMessage(channel=alerts, text="x", blocks=[section("a" * 3000)] * 50)


def test_form_encoded_calls_are_accepted(fake_slack, slack, alerts) -> None:
    slack.api_call("chat.postMessage", data={
        "channel": alerts, "text": "form", "blocks": json.dumps([section("f")]),
        "metadata": json.dumps(META)})
    [message] = fake_slack.messages(alerts)
    assert message["blocks"][0]["text"]["text"] == "f" and message["metadata"] == META


def test_errors_use_real_codes(slack, alerts) -> None:
    cases = [
        (lambda: slack.chat_postMessage(channel="C404", text="x"), "channel_not_found"),
        (lambda: slack.chat_update(channel=alerts, ts="1.000001", text="x"), "message_not_found"),
        (lambda: slack.users_info(user="U404"), "user_not_found"),
        (lambda: slack.conversations_replies(channel=alerts, ts="1.000001"), "thread_not_found"),
    ]
    for call, error in cases:
        with pytest.raises(SlackApiError) as failed:
            call()
        assert failed.value.response["error"] == error


def test_429_retried_by_the_rate_limit_handler(fake_slack, alerts) -> None:
    fake_slack.ratelimit_next("chat.postMessage", retry_after=0)
    client = WebClient(token=SANDBOX_TOKEN, base_url=f"{fake_slack.url}/api/",
                       retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=1)])
    client.chat_postMessage(channel=alerts, text="after a 429")
    assert len(fake_slack.requests_to("/api/chat.postMessage")) == 2
    assert [m["text"] for m in fake_slack.messages(alerts)] == ["after a 429"]


def test_429_without_handler_shows_retry_after(fake_slack, slack, alerts) -> None:
    fake_slack.ratelimit_next("chat.postMessage", retry_after=7)
    with pytest.raises(SlackApiError) as limited:
        slack.chat_postMessage(channel=alerts, text="x")
    assert limited.value.response.status_code == 429
    assert limited.value.response.headers["Retry-After"] == "7"
    assert limited.value.response["error"] == "ratelimited"


def test_files_upload_v2_three_steps(fake_slack, slack, alerts) -> None:
    parent = slack.chat_postMessage(channel=alerts, text="alert")["ts"]
    done = slack.files_upload_v2(channel=alerts, thread_ts=parent, filename="evidence.json",
                                 content=b'{"sha256": "ab"}', initial_comment="Evidence pack")
    file_id = done["file"]["id"]
    assert fake_slack.uploaded(file_id) == b'{"sha256": "ab"}'
    assert [c.method for c in fake_slack.calls[-2:]] == ["files.getUploadURLExternal",
                                                         "files.completeUploadExternal"]
    assert fake_slack.requests_to("/upload/v1/:file_id")[0].body == b'{"sha256": "ab"}'
    [reply] = fake_slack.thread(alerts, parent)
    assert reply["text"] == "Evidence pack" and reply["files"][0]["id"] == file_id


def test_ephemeral_members_users_and_groups(fake_slack, slack) -> None:
    ann = fake_slack.add_user("ann", "Ann Lee")
    channel = fake_slack.add_channel("comms", [ann])
    group = fake_slack.add_usergroup("moderators", [ann])
    slack.chat_postEphemeral(channel=channel, user=ann, text="Only you can see this")
    assert fake_slack.ephemeral[-1]["user"] == ann
    assert slack.conversations_members(channel=channel)["members"] == [ann, "U0BOT"]
    assert slack.users_info(user=ann)["user"]["real_name"] == "Ann Lee"
    assert slack.usergroups_users_list(usergroup=group)["users"] == [ann]
    fake_slack.plan = "free"
    with pytest.raises(SlackApiError, match="paid_teams_only"):
        slack.usergroups_users_list(usergroup=group)


def test_views_open_update_publish(fake_slack, slack) -> None:
    ann = fake_slack.add_user("ann")
    modal = {"type": "modal", "title": {"type": "plain_text", "text": "Reply"},
             "blocks": [section("Choose a template")]}
    view = slack.views_open(trigger_id="123.456.abc", view=modal)["view"]
    updated = slack.views_update(view_id=view["id"], hash=view["hash"], view=modal)["view"]
    with pytest.raises(SlackApiError, match="hash_conflict"):
        slack.views_update(view_id=view["id"], hash=view["hash"], view=modal)
    assert updated["id"] == view["id"]
    long_title = {**modal, "title": {"type": "plain_text", "text": "x" * 25}}
    with pytest.raises(SlackApiError, match="invalid_arguments"):
        slack.views_open(trigger_id="1", view=long_title)
    slack.views_publish(user_id=ann, view={"type": "home", "blocks": []})
    assert fake_slack.home_views[ann]["type"] == "home"


def test_wait_for_messages(fake_slack, slack, alerts) -> None:
    poster = threading.Thread(
        target=lambda: [slack.chat_postMessage(channel=alerts, text=str(n)) for n in range(3)])
    poster.start()
    got = fake_slack.wait_for_messages(alerts, 3, timeout=10)
    poster.join()
    assert [m["text"] for m in got] == ["0", "1", "2"]
    with pytest.raises(TimeoutError, match="3 of 4"):
        fake_slack.wait_for_messages(alerts, 4, timeout=0.05)


def test_malformed_json_body_is_invalid_json(fake_slack: FakeSlack) -> None:
    resp = requests.post(f"{fake_slack.url}/api/chat.postMessage", data=b'{"channel": ',
                         headers={"Authorization": f"Bearer {SANDBOX_TOKEN}",
                                  "Content-Type": "application/json"}, timeout=5)
    assert resp.json() == {"ok": False, "error": "invalid_json"}
