"""The Grafana dashboard draws only metrics that /metrics really exposes."""

from __future__ import annotations

import json
import re
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr

from bot.core.roles import RUN
from bot.runtime.health import make_probe
from bot.runtime.health_http import make_health_wsgi
from bot.runtime.web import make_wsgi
from bot.slack import action_ids
from tests.ops.conftest import BEARER, SECRET, TOKEN, Wired
from tests.slack_http import block_action_body, call_wsgi, signed_headers

DASHBOARD = Path(__file__).resolve().parents[2] / "docs" / "grafana-dashboard.json"


def test_every_dashboard_metric_is_exposed(wired: Wired, app) -> None:  # type: ignore[no-untyped-def]
    # A little of everything: a mention polled and posted, and a click acknowledged.
    wired.plant(1)
    for source in wired.services.sources:
        wired.services.pipeline.poll(source)
    wired.services.outbox.deliver_due()
    body = block_action_body(action_ids.CLAIM, "1",
                             wired.slack.response_url(wired.channel, "U0MOD1"))
    assert call_wsgi(make_wsgi(app, wired.services), "POST", "/slack/events", body,
                     signed_headers(SECRET, body))[0] == 200
    wsgi = make_health_wsgi(make_probe(wired.services, RUN), SecretStr(TOKEN))
    body = call_wsgi(wsgi, "GET", "/metrics", headers=BEARER)[2].decode()
    exposed = {s.name for fam in text_string_to_metric_families(body) for s in fam.samples}
    dashboard = json.loads(DASHBOARD.read_text())
    used = {m for panel in dashboard["panels"] for t in panel["targets"]
            for m in re.findall(r"\b(?:feedwatch|process)_[a-z_]+", t["expr"])}
    assert used, "the dashboard draws nothing"
    assert used <= exposed, f"not exposed: {sorted(used - exposed)}"
