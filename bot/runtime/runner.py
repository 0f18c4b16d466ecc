"""Starting the bot for real: settings, logging, migrations, scheduler, Slack connection."""

from __future__ import annotations

import gc
import logging
import signal
import sys
import threading

from apscheduler.schedulers.background import BackgroundScheduler
from slack_bolt import App

from bot.core.clock import SystemClock
from bot.core.config import ConfigError, Settings, load_settings
from bot.core.roles import INGEST, INGESTS, RUN, Role
from bot.platforms.http import TimeoutSession
from bot.runtime.app import build_app
from bot.runtime.health import make_probe
from bot.runtime.health_http import make_health_wsgi, serve_health
from bot.runtime.jobs import build_scheduler, build_serve_scheduler
from bot.runtime.logging_setup import setup_logging
from bot.runtime.services import Services, SessionFactory, build_services
from bot.store.coordination import MIGRATE, AlreadyRunning

log = logging.getLogger(__name__)

ACK_SWITCH_INTERVAL = 0.001  # seconds; CPython's default is 0.005


def secrets_of(settings: Settings) -> list[str]:
    out = [settings.slack_bot_token.get_secret_value()]
    for s in (settings.slack_app_token, settings.slack_signing_secret,
              settings.facebook_app_secret, settings.facebook_verify_token,
              settings.health_token):
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
    http_session: SessionFactory = TimeoutSession, role: Role = RUN,
) -> tuple[Services, App, BackgroundScheduler]:
    """`http_session` is the platforms' transport (the sandbox mounts its fakes on it);
    `role` is the shape of this process (bot/core/roles.py)."""
    settings = settings_or_exit()
    setup_logging(settings.log_level, secrets_of(settings), log_format=settings.log_format,
                  role=role)
    # Acks share the process with the scheduler, whose classifying of a burst is pure Python:
    # hand the interpreter lock over every 1 ms rather than 5 ms, so a click waits less for it
    # at each step (measured by `make bench`: ack_p99_ms).
    sys.setswitchinterval(ACK_SWITCH_INTERVAL)
    services = build_services(settings, SystemClock(), http_session=http_session, role=role)
    claim_instance(services)
    migrate(services)
    app = build_app(services)
    if role in INGESTS:
        services.pipeline.start_workers()
    scheduler = build_scheduler(services) if role in INGESTS else build_serve_scheduler(services)
    # Everything built so far (modules, the compiled policy, the app) lives as long as the
    # process: keep it out of the collector's full passes, which otherwise walk it all and
    # stall every thread, acks included.
    gc.freeze()
    services.release_memory()  # what building the policy and the app needed only once
    scheduler.start()
    log.info("feedwatch %s started: %d source(s), alerts to %s, database %s", role,
             len(services.sources), settings.slack_alert_channel, services.db.redacted_url())
    return services, app, scheduler


def _stop_on_sigterm() -> None:
    """docker stop and systemd send SIGTERM: stop as on Ctrl-C, releasing locks on the way."""
    def stop(*_: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)


def run(http_session: SessionFactory = TimeoutSession, role: Role = RUN) -> int:
    services, app, scheduler = start_background(http_session, role)
    settings = services.settings
    probe = make_probe(services, role, scheduler)
    health_app = make_health_wsgi(probe, settings.health_token)
    _stop_on_sigterm()
    try:
        if role == INGEST:
            if settings.health_port:
                serve_health(health_app, settings.health_port)
            log.info("ingesting: polling, classifying and delivering; Slack's requests are "
                     "answered by `feedwatch serve`")
            threading.Event().wait()
        elif settings.socket_mode:
            from slack_bolt.adapter.socket_mode import SocketModeHandler

            token = settings.slack_app_token
            assert token is not None
            handler = SocketModeHandler(app, token.get_secret_value())
            probe.slack_connected = handler.client.is_connected
            if settings.health_port:
                serve_health(health_app, settings.health_port)
            log.info("connecting to Slack in Socket Mode")
            handler.start()
        else:
            from bot.runtime.http_server import make_server
            from bot.runtime.web import make_wsgi

            port = settings.port
            log.info("HTTP mode: listening on port %d (/slack/events, /healthz, /readyz)", port)
            make_server(make_wsgi(app, services, probe), settings).run()
    except KeyboardInterrupt:
        log.info("stopping")
    finally:
        scheduler.shutdown(wait=False)
        services.pipeline.close()
        services.coordinator.close()
    return 0
