"""build_app: wires Bolt to the services. Nothing else lives here."""

from __future__ import annotations

from slack_bolt import App

from bot.core.metrics import MeasuredApp
from bot.runtime.services import Services
from handlers import register_all


def build_app(services: Services, *, verify_token: bool = True) -> App:
    settings = services.settings
    secret = settings.slack_signing_secret
    # Measured: each acknowledgement's latency goes to /metrics.
    app = MeasuredApp(
        client=services.slack,
        signing_secret=secret.get_secret_value() if secret else None,
        token_verification_enabled=verify_token,
        # Ack happens first in every handler; the work after it runs in Bolt's thread pool.
        process_before_response=False,
    )
    register_all(app, services)
    return app
