"""Starting the bot for real: settings, logging, migrations, scheduler, Slack connection."""

from __future__ import annotations

import gc
import logging
import sys

from apscheduler.schedulers.background import BackgroundScheduler
from slack_bolt import App

from bot.core.clock import SystemClock
from bot.core.config import ConfigError, Settings, load_settings
from bot.platforms.http import TimeoutSession
from bot.runtime.app import build_app
from bot.runtime.jobs import build_scheduler
from bot.runtime.logging_setup import setup_logging
from bot.runtime.services import Services, SessionFactory, build_services
from bot.store.coordination import MIGRATE, AlreadyRunning

log = logging.getLogger(__name__)

ACK_SWITCH_INTERVAL = 0.001  # seconds; CPython's default is 0.005


def secrets_of(settings: Settings) -> list[str]:
    out = [settings.slack_bot_token.get_secret_value()]
    for s in (settings.slack_app_token, settings.slack_signing_secret,
              settings.facebook_app_secret, settings.facebook_verify_token):
        if s:
            out.append(s.get_secret_value())
    for acct in settings.feedwatch_accounts:
        for value in acct.model_dump().values():
            if hasattr(value, "get_secret_value"):
                out.append(value.get_secret_value())
    return out


def settings_or_exit() -> Settings:
    try:
        return load_settings()
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        raise SystemExit(2) from None


def claim_instance(services: Services) -> None:
    """On SQLite a second process on the same database stops here, saying why (exit 3)."""
    try:
        services.coordinator.start()
    except AlreadyRunning as exc:
        print(exc, file=sys.stderr)
        raise SystemExit(3) from None


def migrate(services: Services) -> None:
    # Processes starting together on one PostgreSQL database upgrade it one at a time.
    with services.coordinator.exclusive(MIGRATE):
        services.db.migrate()


def start_background(
    http_session: SessionFactory = TimeoutSession,
) -> tuple[Services, App, BackgroundScheduler]:
    """`http_session` is the platforms' transport (the sandbox mounts its fakes on it)."""
    settings = settings_or_exit()
    setup_logging(settings.log_level, secrets_of(settings))
    # Acks share the process with the scheduler, whose classifying of a burst is pure Python:
    # hand the interpreter lock over every 1 ms rather than 5 ms, so a click waits less for it
    # at each step (measured by `make bench`: ack_p99_ms).
    sys.setswitchinterval(ACK_SWITCH_INTERVAL)
    services = build_services(settings, SystemClock(), http_session=http_session)
    claim_instance(services)
    migrate(services)
    app = build_app(services)
    scheduler = build_scheduler(services)
    # Everything built so far (modules, the compiled policy, the app) lives as long as the
    # process: keep it out of the collector's full passes, which otherwise walk it all and
    # stall every thread, acks included.
    gc.freeze()
    scheduler.start()
    log.info("feedwatch started: %d source(s), alerts to %s, database %s",
             len(services.sources), settings.slack_alert_channel, services.db.redacted_url())
    return services, app, scheduler


def run(http_session: SessionFactory = TimeoutSession) -> int:
    services, app, scheduler = start_background(http_session)
    try:
        if services.settings.socket_mode:
            from slack_bolt.adapter.socket_mode import SocketModeHandler

            token = services.settings.slack_app_token
            assert token is not None
            log.info("connecting to Slack in Socket Mode")
            SocketModeHandler(app, token.get_secret_value()).start()
        else:
            from bot.runtime.http_server import make_server
            from bot.runtime.web import make_wsgi

            port = services.settings.port
            log.info("HTTP mode: listening on port %d (/slack/events, /healthz)", port)
            make_server(make_wsgi(app, services), services.settings).run()
    except KeyboardInterrupt:
        log.info("stopping")
    finally:
        scheduler.shutdown(wait=False)
        services.coordinator.close()
    return 0
