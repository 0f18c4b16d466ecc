"""`feedwatch demo` (without --check): serve the stand-in until Ctrl-C."""

from __future__ import annotations

import sys
import tempfile
import threading
from pathlib import Path
from typing import TextIO

from bot.sandbox.standin.runtime import StandIn
from bot.sandbox.standin.server import PortBusy


def serve(port: int, out: TextIO, err: TextIO | None = None) -> int:
    """Run the stand-in on 127.0.0.1:`port`; 2 with a clear message when the port is taken."""
    err = err or sys.stderr
    with tempfile.TemporaryDirectory(prefix="feedwatch-demo-") as tmp:
        try:
            standin = StandIn(Path(tmp), port=port).start()
        except PortBusy as exc:
            err.write(f"feedwatch demo: {exc}\n")
            return 2
        try:
            out.write(
                f"feedwatch demo: open {standin.url} in a browser.\n"
                "The team channel, the public side (X and Facebook) and scenario controls are "
                "all on that page; every click goes to the real bot as a signed Slack request.\n"
                "Offline: fake X, Facebook and Slack on loopback only. Ctrl-C stops it.\n")
            out.flush()
            threading.Event().wait()
        except KeyboardInterrupt:
            out.write("\nfeedwatch demo: stopped\n")
        finally:
            standin.stop()
    return 0
