"""build_app: wires Bolt to the services. Nothing else lives here."""

from __future__ import annotations

from slack_bolt import App

from bot.core.metrics import MeasuredApp
from bot.runtime.services import Services
from bot.slack.ack_lane import AckLane
from handlers import register_all


def build_app(services: Services, *, verify_token: bool = True) -> App:
    settings = services.settings
    secret = settings.slack_signing_secret
    # Measured: each acknowledgement's latency goes to /metrics.
    app = MeasuredApp(
        client=services.slack,
        signing_secret=secret.get_secret_value() if secret else None,
        token_verification_enabled=verify_token,
        # Ack happens first in every handler; the work after it runs in Bolt's executor, which
        # keeps it off the threads that the next interactions' acks need.
        process_before_response=False,
        listener_executor=AckLane(),
    )
    register_all(app, services)
    return app
