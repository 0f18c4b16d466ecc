"""The stand-in assembled: fakes, the real bot in HTTP mode on loopback, the poller, the page.

    with StandIn(workdir, port=0, play=False) as s:   # tests: ephemeral port, empty channel
        s.url  -> http://127.0.0.1:<port>/

The bot is the production one: build_services + build_app + make_wsgi, served by a threaded
wsgiref server on 127.0.0.1, reached only through signed requests (bridge.py). The signing
secret is fresh for every run, so nothing outside this process can forge a click.
"""

from __future__ import annotations

import logging
import secrets
import threading
from pathlib import Path
from socketserver import ThreadingMixIn
from types import TracebackType
from typing import Any, Self
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from bot.runtime.app import build_app
from bot.runtime.web import make_wsgi
from bot.sandbox.http_fake import LOOPBACK
from bot.sandbox.standin.bridge import Bridge
from bot.sandbox.standin.controls import Controls, Poller
from bot.sandbox.standin.present import Presenter
from bot.sandbox.standin.public import PublicSide
from bot.sandbox.standin.server import PageServer, bind
from bot.sandbox.world import Sandbox, start_sandbox

log = logging.getLogger(__name__)

# The sandbox's comms team: two moderators (members of the alert channel) and a colleague
# who is not one, so "who may act" can be tried from the page.
TEAM = (
    ("U0SAM", "sam.patel", "Sam Patel", "moderator"),
    ("U0ALEX", "alex.morgan", "Alex Morgan", "comms lead"),
    ("U0JO", "jo.evans", "Jo Evans", "not a moderator"),
)
LEADS = "U0ALEX"


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        log.debug("bot http: " + format, *args)


class StandIn:
    def __init__(self, workdir: Path, *, port: int = 3000, poll_seconds: float = 3.0,
                 play: bool = True, wave_pause: float = 2.0) -> None:
        self.workdir, self.port, self.poll_seconds = workdir, port, poll_seconds
        self.play_on_start, self.wave_pause = play, wave_pause
        self._stoppers: list[Any] = []

    def start(self) -> Self:
        # The page's port first: a busy port is reported before anything else starts.
        page_socket = bind(self.port)
        try:
            self._start(page_socket)
        except BaseException:
            page_socket.server_close()
            self.stop()
            raise
        return self

    def _start(self, page_socket: Any) -> None:
        self.secret = secrets.token_urlsafe(32)
        sb: Sandbox = start_sandbox(self.workdir, self.secret, lead_user_ids=LEADS)
        self.sandbox = sb
        self._stoppers.append(sb.stop)
        for uid, name, real, _role in TEAM:
            sb.fake_slack.add_user(name, real, user_id=uid)
            if uid != "U0JO":
                sb.fake_slack.add_member(sb.channel, uid)
        app = build_app(sb.services)
        bot_server = make_server(LOOPBACK, 0, make_wsgi(app, sb.services),
                                 server_class=_ThreadingWSGIServer, handler_class=_QuietHandler)
        threading.Thread(target=bot_server.serve_forever, name="standin-bot-http",
                         daemon=True).start()
        self._stoppers.append(lambda: (bot_server.shutdown(), bot_server.server_close()))
        self.bot_url = f"http://{LOOPBACK}:{bot_server.server_address[1]}"
        self.bridge = Bridge(sb.fake_slack, f"{self.bot_url}/slack/events", self.secret)
        self.poller = Poller(sb.services, self.poll_seconds)
        self.controls = Controls(sb, self.poller, sb.services.hours, self.wave_pause)
        page = sb.services.settings.facebook_pages[0]
        self.public = PublicSide(sb.fake_x, sb.fake_graph, sb.scenario.x_account["handle"],
                                 sb.scenario.facebook_page["page_name"], page.page_id)
        self.presenter = Presenter(sb.fake_slack)
        self.page = PageServer(page_socket, self)
        self.page.start()
        self._stoppers.append(self.page.stop)
        self.poller.start()
        self._stoppers.append(self.poller.stop)
        if self.play_on_start:
            self.controls.play()

    @property
    def url(self) -> str:
        return self.page.url

    @property
    def team(self) -> list[dict[str, str]]:
        return [{"id": uid, "name": real, "role": role} for uid, _n, real, role in TEAM]

    def stop(self) -> None:
        while self._stoppers:
            stopper = self._stoppers.pop()
            try:
                stopper()
            except Exception:
                log.exception("stand-in: stopping a part failed")

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
