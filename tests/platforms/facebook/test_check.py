"""`feedwatch check`: one line per Page, with the fix for each failure."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.cli.check import check_facebook, run_checks
from bot.core.clock import FixedClock
from bot.sandbox.fake_graph import ALL_PERMISSIONS, FakeGraph
from bot.sandbox.fake_slack import SANDBOX_TOKEN, FakeSlack
from bot.store.db import Database
from tests.harness import make_settings
from tests.platforms.facebook.conftest import APP_SECRET, VERIFY_TOKEN, graph_sessions, page_entry

pytestmark = pytest.mark.filterwarnings("error")


@pytest.fixture
def fake_slack(clock: FixedClock) -> Iterator[FakeSlack]:
    with FakeSlack(clock=clock) as fake:
        yield fake


def test_every_page_passes_with_good_tokens(sqlite_db: Database, fake_graph: FakeGraph,
                                            fake_slack: FakeSlack) -> None:
    pages = [fake_graph.add_page("NSFT Mental Health"), fake_graph.add_page("NSFT Recovery")]
    settings = make_settings(sqlite_db, [page_entry("nsft", pages[0]),
                                         page_entry("recovery", pages[1])],
                             slack_url=f"{fake_slack.url}/api/", slack_bot_token=SANDBOX_TOKEN)
    lines: list[str] = []
    assert run_checks(settings, graph_sessions(fake_graph), lines.append) == 0
    text = "\n".join(lines)
    assert "PASS  facebook:nsft: token valid for 'NSFT Mental Health', Page reachable" in text
    assert "PASS  facebook:recovery: token valid for 'NSFT Recovery'" in text
    assert "pages_messaging" in text and "pages_manage_metadata" not in text
    assert lines[-1] == "5 passed, 0 failed"  # with the Graph version line
    assert fake_graph.tokens_used("/:version/me") == [p["page_token"] for p in pages]


def test_webhooks_need_pages_manage_metadata(sqlite_db: Database, fake_graph: FakeGraph) -> None:
    page = fake_graph.add_page("NSFT Mental Health",
                               ALL_PERMISSIONS - {"pages_manage_metadata"})
    plain = make_settings(sqlite_db, [page_entry("nsft", page)])
    [ok] = check_facebook(plain, graph_sessions(fake_graph))
    assert ok.ok
    hooked = make_settings(sqlite_db, [page_entry("nsft", page)],
                           facebook_app_secret=APP_SECRET, facebook_verify_token=VERIFY_TOKEN)
    [missing] = check_facebook(hooked, graph_sessions(fake_graph))
    assert not missing.ok and "pages_manage_metadata missing" in missing.detail


def test_each_failing_page_gets_a_line_and_each_failure_a_fix(sqlite_db: Database,
                                                              fake_graph: FakeGraph) -> None:
    expired = fake_graph.add_page("Expired Page")
    fake_graph.expire_token(expired["page_id"])
    partial = fake_graph.add_page("Partial Page", frozenset({"pages_read_engagement",
                                                             "pages_read_user_content"}))
    mine, theirs = fake_graph.add_page("Mine"), fake_graph.add_page("Theirs")
    swapped = {**mine, "page_token": theirs["page_token"]}
    real = {**mine, "page_token": "EAAGreal-looking-token"}
    settings = make_settings(sqlite_db, [page_entry("expired", expired),
                                         page_entry("partial", partial),
                                         page_entry("swapped", swapped),
                                         page_entry("real", real)])
    results = {r.name: r for r in check_facebook(settings, graph_sessions(fake_graph))}
    assert not any(r.ok for r in results.values())
    assert "Page token refused (code 190" in results["facebook:expired"].detail
    assert "page_token" in results["facebook:expired"].fix
    part = results["facebook:partial"].line()
    assert "pages_manage_engagement missing" in part and "pages_messaging missing" in part
    assert part.count("fix:") == 2
    assert "the token is for 'Theirs'" in results["facebook:swapped"].detail
    assert "code 190" in results["facebook:real"].detail


def test_graph_version_warns_90_days_before_meta_retires_it(db) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from bot.cli.check import check_graph_version
    from bot.core.config import DEFAULT_GRAPH_VERSION
    from bot.platforms.facebook.versions import EXPIRES

    page = {"platform": "facebook", "name": "nsft", "page_id": "1",
            "page_token": "sandbox-page-1"}
    settings = make_settings(db, [page], facebook_graph_version="v21.0")
    # v21.0 ends on 21 January 2027 (Meta's changelog).
    assert check_graph_version(settings, date(2026, 10, 1))[0].line().startswith(
        "PASS  facebook:graph-version: v21.0 is served")
    [soon] = check_graph_version(settings, date(2026, 12, 2))
    assert soon.ok and soon.line().startswith(
        "WARN  facebook:graph-version: Graph v21.0 will be retired by Meta on 21 January 2027 "
        "(50 days)")
    assert "FACEBOOK_GRAPH_VERSION" in soon.line()
    [gone] = check_graph_version(settings, date(2027, 1, 21))
    assert not gone.ok and "was retired" in gone.detail
    old = make_settings(db, [page], facebook_graph_version="v12.0")
    assert not check_graph_version(old, date(2026, 12, 2))[0].ok
    # The default is current: no warning for years.
    assert EXPIRES[DEFAULT_GRAPH_VERSION] is None
    assert make_settings(db, [page]).facebook_graph_version == DEFAULT_GRAPH_VERSION
    assert check_graph_version(make_settings(db, [page]), date(2026, 12, 2))[0].line().startswith(
        "PASS")
