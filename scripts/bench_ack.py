"""ack_p50_ms and ack_p99_ms: how long the `web:` process takes to acknowledge a button click,
over 1,000 signed clicks, while the same process polls a burst from the fake X.

    .venv/bin/python scripts/bench_ack.py [--clicks 1000] [--mentions 40000] [--runs 3]

The server is the Procfile's: gunicorn --workers 1 --threads 8, with the same application
(bot.sandbox.testing.wsgi_fakes only points the platforms' transport at the fakes, which run
in their
own process). Each click is a block_actions request for Claim, signed as Slack signs it, sent
one after another on a keep-alive connection; its time is from sending the request to having
read the whole answer (Bolt acks first and does the claim afterwards on its executor).
Clicking starts once the first 1,000 mentions are stored and the poll is still running when
it ends (checked, and printed). Each run is a fresh server and database; the medians of the
runs' p50 and p99 are reported. The shapes take turns run by run (web, split, bare, web, ...).

Then, in the same run, under the same load: the same clicks to `serve-web:` (gunicorn,
bot.wsgi_serve) while `feedwatch ingest` polls the same backlog in its own process on the same
database (`ack_split_p99_ms`), and to a bare Bolt app that only acks
(scripts/bench_bare_bolt.py, the same gunicorn command) while the same ingest process polls
(`ack_floor_p99_ms`). `ack_vs_bare_bolt` is the split p99 over the floor's, and
`ack_web_vs_bare_bolt` the one-process p99 over it: how much feedwatch adds to what Bolt and
the machine cost anyway. `--shapes web` measures the one-process figure alone.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from benchkit import (
    ROOT,
    SIGNING_SECRET,
    as_env,
    emit,
    fakes_process,
    free_port,
    median,
    settings_values,
    stored,
)
from slack_sdk.signature import SignatureVerifier

from bot.slack.action_ids import CLAIM

MODERATOR = "U0MOD1"


def click_body(mention_id: int, response_url: str, channel: str, click: int = 0) -> str:
    """A Claim click as Slack sends it. Slack mints a trigger_id and action_ts per click, and
    feedwatch drops a repeated pair as a replay, so each click carries its own: every click
    does the whole claim after its ack, as a real one would."""
    payload = {
        "type": "block_actions",
        "user": {"id": MODERATOR, "username": "mod", "team_id": "T0SANDBOX"},
        "api_app_id": "A0FEEDWATCH", "team": {"id": "T0SANDBOX", "domain": "sandbox"},
        "container": {"type": "message", "message_ts": "1700000000.000100",
                      "channel_id": channel},
        "trigger_id": f"13345224609.{738474920 + click}.8088930838d88f008e0",
        "channel": {"id": channel, "name": "social-media-alerts"},
        "message": {"ts": "1700000000.000100", "text": "alert", "blocks": []},
        "response_url": response_url,
        "actions": [{"action_id": CLAIM, "block_id": "fw_actions",
                     "value": str(mention_id), "type": "button",
                     "action_ts": f"{1700000001 + click}.000200"}],
    }
    return urlencode({"payload": json.dumps(payload)})


def nearest_rank(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(1, math.ceil(q / 100 * len(ordered))) - 1]


def wait_until(what: str, cond: Any, proc: subprocess.Popen[bytes], limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    pause = threading.Event()
    while not cond():
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"gave up waiting for {what} (server exit {proc.poll()})")
        pause.wait(0.05)


def healthy(port: int) -> bool:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        conn.request("GET", "/healthz")
        ok = conn.getresponse().status == 200
        conn.close()
        return ok
    except OSError:
        return False


SERVERS = {"web": "bot.sandbox.testing.wsgi_fakes:application",
           "split": "bot.sandbox.testing.wsgi_serve_fakes:application",
           "bare": "bench_bare_bolt:application"}


def one_run(fakes: dict[str, Any], clicks: int, mentions: int,
            shape: str = "web") -> tuple[float, float]:
    verifier = SignatureVerifier(SIGNING_SECRET)
    slack_base = fakes["slack_url"].removesuffix("/api/")
    response_url = f"{slack_base}/respond/{fakes['channel']}/{MODERATOR}"
    with tempfile.TemporaryDirectory(prefix="fw-bench-") as tmp:
        db_file = Path(tmp) / "web.db"
        port = free_port()
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("SLACK_", "FEEDWATCH_", "DATABASE_URL"))}
        env.update(as_env(settings_values(f"sqlite:///{db_file}", [fakes["account"]],
                                          fakes["slack_url"], fakes["channel"])))
        env.update({"FEEDWATCH_SANDBOX_X_URL": fakes["x_url"], "MODERATOR_USER_IDS": MODERATOR,
                    "PORT": str(port), "POLL_INTERVAL_SECONDS": "15"})
        gunicorn = Path(sys.executable).with_name("gunicorn")
        # Outside the web shape the poll runs in its own process: `feedwatch ingest`.
        ingest = None if shape == "web" else subprocess.Popen(
            [sys.executable, "-m", "bot.sandbox.testing.run_fakes", "ingest"], cwd=ROOT,
            env={**env, "HEALTH_PORT": "0"}, start_new_session=True)
        server = subprocess.Popen(
            [str(gunicorn), "--workers", "1", "--threads", "8", "--bind", f"127.0.0.1:{port}",
             "--timeout", "60", "--log-level", "warning", "--pythonpath", str(ROOT / "scripts"),
             SERVERS[shape]],
            cwd=ROOT, env=env, start_new_session=True)
        try:
            wait_until("the server", lambda: healthy(port), server)
            wait_until("the first 1,000 mentions stored", lambda: stored(db_file) >= 1000,
                       server)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            latencies: list[float] = []
            for i in range(clicks):
                body = click_body(1 + i % 1000, response_url, fakes["channel"], i)
                ts = str(int(time.time()))
                headers = {"Content-Type": "application/x-www-form-urlencoded",
                           "X-Slack-Request-Timestamp": ts,
                           "X-Slack-Signature": verifier.generate_signature(timestamp=ts,
                                                                             body=body)}
                start = time.perf_counter()
                conn.request("POST", "/slack/events", body=body.encode(), headers=headers)
                resp = conn.getresponse()
                resp.read()
                latencies.append((time.perf_counter() - start) * 1000)
                if resp.status != 200:
                    raise RuntimeError(f"click {i} answered {resp.status}")
            conn.close()
            during = stored(db_file)
        finally:
            # The figures are in: stop the arbiter and its worker at once (a graceful stop
            # would wait for the scheduler's jobs).
            for proc in (server, ingest):
                if proc is not None:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait(timeout=30)
    p50, p99 = nearest_rank(latencies, 50), nearest_rank(latencies, 99)
    state = "still polling" if during < mentions else "poll had finished"
    print(f"ack ({shape}): {clicks} clicks, p50 {p50:.1f} ms, p99 {p99:.1f} ms, max "
          f"{max(latencies):.1f} ms ({during} of {mentions} mentions stored at the last click: "
          f"{state})", flush=True)
    if during >= mentions:
        print("ack: warning: the clicks outlasted the poll; raise --mentions", file=sys.stderr)
    return p50, p99


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clicks", type=int, default=1000)
    ap.add_argument("--mentions", type=int, default=40_000,
                    help="backlog: enough that ingest still polls at the last click")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--shapes", default="web,split,bare",
                    help="which of web, split, bare to measure (comma-separated)")
    args = ap.parse_args(argv)
    shapes = [s for s in args.shapes.split(",") if s]
    results: dict[str, list[tuple[float, float]]] = {shape: [] for shape in shapes}
    with fakes_process(args.mentions) as fakes:
        # The shapes take turns, run by run: a change in the machine's load (it may be shared)
        # then falls on the floor and on feedwatch alike, not on whichever ran last.
        for _ in range(args.runs):
            for shape in shapes:
                results[shape].append(one_run(fakes, args.clicks, args.mentions, shape))
    p99 = {shape: median([r[1] for r in runs]) for shape, runs in results.items()}
    figures: dict[str, float] = {}
    if "web" in results:
        figures["ack_p50_ms"] = round(median([r[0] for r in results["web"]]), 2)
        figures["ack_p99_ms"] = round(p99["web"], 2)
    if "split" in p99:
        figures["ack_split_p99_ms"] = round(p99["split"], 2)
    if "bare" in p99:
        figures["ack_floor_p99_ms"] = round(p99["bare"], 2)
        if "split" in p99:
            figures["ack_vs_bare_bolt"] = round(p99["split"] / p99["bare"], 2)
        if "web" in p99:
            figures["ack_web_vs_bare_bolt"] = round(p99["web"] / p99["bare"], 2)
    emit(figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
