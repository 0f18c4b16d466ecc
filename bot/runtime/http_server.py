"""The production HTTP server `feedwatch run` uses in HTTP mode: waitress, threaded.

waitress reads each request whole in its event loop before a worker thread sees it, so a slow
or silent client holds no thread and is dropped after `http_client_timeout_seconds`; a body
over `http_body_limit_bytes` is refused (413) as its Content-Length arrives, unread. It runs in
this process (no fork), beside the scheduler.
"""

from __future__ import annotations

from typing import Any

from waitress.server import create_server

from bot.core.config import Settings

THREADS = 8


def make_server(wsgi: Any, settings: Settings, host: str = "0.0.0.0", port: int | None = None,
                cleanup_interval: float = 5.0) -> Any:
    """A started-but-not-serving server; call `.run()` (blocks) and `.close()`."""
    return create_server(
        wsgi, host=host, port=settings.port if port is None else port, threads=THREADS,
        channel_timeout=settings.http_client_timeout_seconds,
        cleanup_interval=cleanup_interval,
        max_request_body_size=settings.http_body_limit_bytes,
        max_request_header_size=64 * 1024,
        ident="feedwatch", clear_untrusted_proxy_headers=True,
    )
