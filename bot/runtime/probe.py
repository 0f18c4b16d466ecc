"""`python -m bot.probe`: the container's health check. Asks this machine's feedwatch for
/healthz (or /readyz with --ready) on HEALTH_PORT, else on PORT, and exits 0 only on 200.
No configuration is read beyond those two numbers, so it works in any image."""

from __future__ import annotations

import argparse
import http.client
import os
import sys
from collections.abc import Sequence


def status_of(port: int, path: str, timeout: float = 3.0) -> int | None:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        try:
            conn.request("GET", path)
            return conn.getresponse().status
        finally:
            conn.close()
    except OSError:
        return None


def main(argv: Sequence[str] | None = None, environ: dict[str, str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bot.probe")
    p.add_argument("--ready", action="store_true", help="ask /readyz instead of /healthz")
    args = p.parse_args(argv)
    env = os.environ if environ is None else environ
    path = "/readyz" if args.ready else "/healthz"
    ports = [int(env[k]) for k in ("HEALTH_PORT", "PORT") if env.get(k, "0").isdigit()
             and int(env.get(k, "0"))]
    for port in dict.fromkeys(ports or [8081, 3000]):
        status = status_of(port, path)
        if status is not None:
            print(f"{path} on port {port}: {status}")
            return 0 if status == 200 else 1
    print(f"{path}: nothing answering on port(s) {ports}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
