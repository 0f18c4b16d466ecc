"""`feedwatch check` and `feedwatch audit verify`: one line per check, with the fix."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

import tweepy
from slack_sdk.errors import SlackApiError

from bot.cli import check_x as cx
from bot.core.config import ConfigError, Settings, load_database_only, load_settings
from bot.platforms.facebook import versions as graph_versions
from bot.platforms.facebook.source import TOKEN_FIX, GraphAPIError, make_graph
from bot.platforms.http import TimeoutSession
from bot.platforms.x.actions import make_x_writer
from bot.slack.client import make_slack_client
from bot.store.db import Database, database_for


@dataclass
class CheckResult:
    name: str
    ok: bool
    detail: str
    fix: str = ""
    warn: bool = False  # passes, but a person should act soon

    def line(self) -> str:
        mark = "FAIL" if not self.ok else "WARN" if self.warn else "PASS"
        text = f"{mark}  {self.name}: {self.detail}"
        if (not self.ok or self.warn) and self.fix:
            text += f"\n      fix: {self.fix}"
        return text


def check_database(settings: Settings) -> CheckResult:
    db = database_for(settings)
    try:
        db.migrate()
        return CheckResult("database", True, f"{db.redacted_url()} reachable, schema up to date")
    except Exception as exc:
        return CheckResult("database", False, f"{db.redacted_url()}: {type(exc).__name__}",
                           "Check DATABASE_URL, that the server is up and the user may create "
                           "tables.")
    finally:
        db.dispose()


# Slack's answers that mean the token itself is wrong; anything else it says is not about
# reinstalling (https://docs.slack.dev/reference/methods/auth.test, Errors).
TOKEN_ERRORS = frozenset({"invalid_auth", "not_authed", "account_inactive", "token_revoked",
                          "token_expired", "no_permission", "missing_scope"})


def check_slack(settings: Settings) -> CheckResult:
    client = make_slack_client(settings)
    try:
        resp = client.auth_test()
    except SlackApiError as exc:
        error = str(exc.response.get("error") or exc.response.status_code)
        if error in TOKEN_ERRORS:
            return CheckResult("slack", False, f"auth.test failed ({error})",
                               "Reinstall the app to the workspace and copy the Bot User OAuth "
                               "Token (xoxb-) into SLACK_BOT_TOKEN.")
        return CheckResult("slack", False, f"Slack answered with an error ({error})",
                           "Try again in a minute; if it persists, see "
                           "https://slack-status.com.")
    except Exception as exc:  # no answer at all: the network, a proxy, DNS, a firewall
        return CheckResult("slack", False, f"could not reach Slack ({type(exc).__name__})",
                           "Check this machine's network: DNS, proxy and firewall must allow "
                           "HTTPS to slack.com (and SLACK_API_URL, if set, must be right). The "
                           "token was not tried.")
    return CheckResult("slack", True, f"connected to {resp.get('team')} as {resp.get('user')}")


def check_x(settings: Settings, session_factory: Callable[[], object] = TimeoutSession,
            db: Database | None = None) -> list[CheckResult]:
    results = []
    for acct in settings.x_accounts:
        name = f"x:{acct.name}"
        writer = make_x_writer(acct, session_factory())  # type: ignore[arg-type]
        try:
            me = cx.whoami(writer)
        except tweepy.Unauthorized:
            results.append(CheckResult(name, False, "credentials refused (401)",
                                       "Regenerate the access token and secret for this account "
                                       "in the X developer portal."))
            continue
        except Exception as exc:
            results.append(CheckResult(name, False, f"get_me failed ({type(exc).__name__})",
                                       "Check the network and the X app's access level."))
            continue
        user = me.user
        if str(user.get("id")) != acct.user_id:
            results.append(CheckResult(
                name, False, f"tokens belong to @{user.get('username')} (id {user.get('id')}), "
                f"not user_id {acct.user_id}", "Set user_id to the id of the account whose "
                "tokens these are, or use that account's tokens."))
            continue
        denied = cx.permission_problem(me.access_level)
        if denied:
            results.append(CheckResult(name, False, denied, cx.PERMISSION_FIX))
            continue
        block = cx.learn_block(writer, acct, db, datetime.now(UTC))
        results.append(CheckResult(name, True, f"authenticated as @{user.get('username')}, "
                                   f"permission {me.access_level}; {block}"))
    return results


FACEBOOK_PERMISSIONS = {
    "pages_read_engagement": "read the Page's posts and comments",
    "pages_read_user_content": "read visitor posts, tags and who commented",
    "pages_manage_engagement": "hide, delete and reply to comments",
    "pages_messaging": "read Messenger and send private replies",
}


def check_graph_version(settings: Settings, today: date | None = None) -> list[CheckResult]:
    """Warn 90 days before Meta retires the configured Graph version; fail once it has."""
    if not settings.facebook_pages:
        return []
    version = settings.facebook_graph_version
    problem = graph_versions.version_problem(version, today or datetime.now(UTC).date())
    if problem is None:
        return [CheckResult("facebook:graph-version", True, f"{version} is served by Meta")]
    expired, words = problem
    return [CheckResult("facebook:graph-version", not expired, words, graph_versions.FIX,
                        warn=not expired)]


def check_facebook(settings: Settings, session_factory: Callable[[], object] = TimeoutSession
                   ) -> list[CheckResult]:
    """One line per Page: token valid and the Page's own, Page reachable, permissions."""
    needed = dict(FACEBOOK_PERMISSIONS)
    if settings.facebook_webhooks:
        needed["pages_manage_metadata"] = "subscribe the Page to webhooks"
    results = []
    for page in settings.facebook_pages:
        name = f"facebook:{page.name}"
        graph = make_graph(page, settings.facebook_graph_version,
                           session_factory(),  # type: ignore[arg-type]
                           settings.facebook_app_secret_value)
        step = "token"
        try:
            me = graph.get_object("me", fields="id,name")
            step = "page"
            graph.get_object(page.page_id, fields="id,name")
            step = "permissions"
            debug = graph.request(f"{graph.version}/debug_token",
                                  {"input_token": page.page_token.get_secret_value()})
        except GraphAPIError as exc:
            detail = {"token": f"Page token refused (code {exc.code}: {str(exc)[:120]})",
                      "page": f"Page {page.page_id} not reachable (code {exc.code})",
                      "permissions": f"cannot read the token's permissions (code {exc.code})"}
            fix = (TOKEN_FIX.format(page=page.name) if step == "token" or exc.code == 190 else
                   "Check page_id: the numeric id in the Page's About > Page transparency.")
            results.append(CheckResult(name, False, detail[step], fix))
            continue
        except Exception as exc:
            results.append(CheckResult(name, False, f"Graph API unreachable ({type(exc).__name__})",
                                       "Check the network and proxy settings for "
                                       "graph.facebook.com."))
            continue
        problems, fixes = [], []
        if str(me.get("id")) != page.page_id:
            problems.append(f"the token is for {me.get('name')!r} (id {me.get('id')}), not "
                            f"page_id {page.page_id}")
            fixes.append("Use this Page's own Page token (not a user token or another Page's), "
                         "or correct page_id.")
        scopes = set(((debug or {}).get("data") or {}).get("scopes") or [])
        for perm, why in needed.items():
            if perm not in scopes:
                problems.append(f"{perm} missing (needed to {why})")
                fixes.append(f"Add {perm} to the Meta app (App Review: Advanced Access when "
                             f"live), re-authorise {page.name} and generate a new Page token.")
        if problems:
            results.append(CheckResult(name, False, "; ".join(problems),
                                       "\n      fix: ".join(fixes)))
        else:
            results.append(CheckResult(name, True, f"token valid for {me.get('name')!r}, Page "
                                       f"reachable, permissions: {', '.join(needed)}"))
    return results


def config_warnings(settings: Settings) -> list[str]:
    """Settings that work but leave someone at risk unnoticed; shown, never a failure."""
    warnings = []
    if not settings.crisis_ping:
        warnings.append("WARN  crisis paging: CRISIS_PING is not set, so a crisis alert pings "
                        "nobody\n      fix: set CRISIS_PING to the on-call person's Slack user "
                        "id (U…) or the on-call user group's id (S…)")
    return warnings


def run_checks(
    settings: Settings | None = None,
    session_factory: Callable[[], object] = TimeoutSession,
    out: Callable[[str], None] = print,
) -> int:
    """Validate, then test every connection; print one line each. 0 only if all pass."""
    if settings is None:
        try:
            settings = load_settings()
        except ConfigError as exc:
            print(exc, file=sys.stderr)
            return 2
    out("PASS  configuration: every variable present and well-formed")
    for warning in config_warnings(settings):
        out(warning)
    db = database_for(settings)
    try:
        results = [check_database(settings), check_slack(settings),
                   *check_x(settings, session_factory, db),
                   *check_graph_version(settings),
                   *check_facebook(settings, session_factory)]
    finally:
        db.dispose()
    for r in results:
        out(r.line())
    if settings.audit_hmac_key is None:
        out("WARN  audit: AUDIT_HMAC_KEY is unset, so anyone able to write the database could "
            "edit the audit log and recompute its hashes unseen\n"
            "      set AUDIT_HMAC_KEY to 32 or more random characters (for example "
            "`python -c \"import secrets; print(secrets.token_urlsafe(32))\"`) and keep it "
            "outside the database's backups")
    failed = [r for r in results if not r.ok]
    out(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


def verify_audit() -> int:
    from bot.store import audit

    db = database_for(load_database_only())  # the database alone: no Slack or platform secrets
    with db.session() as s:
        count, problems = audit.verify(s)
    for p in problems:
        print(f"row {p.row_id}: {p.problem}")
    print(f"audit log: {count} rows checked, " +
          ("chain intact" if not problems else f"{len(problems)} problem(s)"))
    return 1 if problems else 0


def export_overrides(out: Callable[[str], None] = print) -> int:
    """`feedwatch overrides export`: the team's "Flag is wrong" cases, one JSON line each."""
    import json

    from bot.moderation.workflow import labelled_cases

    db = database_for(load_database_only())
    try:
        for case in labelled_cases(db):
            out(json.dumps(case, ensure_ascii=False))
    finally:
        db.dispose()
    return 0
