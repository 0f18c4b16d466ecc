"""rss_mb: the peak resident memory (MiB) of `feedwatch run` against the fakes after it has
ingested 100,000 mentions.

    .venv/bin/python scripts/bench_rss.py [--mentions 100000] [--runs 3] [--settle]

The process is the real `feedwatch run` in HTTP mode (bot.sandbox.testing.run_fakes only points the
platforms' transport at the fakes, which run in their own process and are planted once for
all runs), on a fresh SQLite database each run, with the office open. The day's morning digest
is queued first, as it would have been by a bot running since the office opened (the same
bot.digest.open_office the office minute calls): otherwise the digest would be computed over
however much of the burst happened to be stored at that moment. The bot's first poll then reads
the whole backlog (X's reach is lifted in the fake); the outbox posts meanwhile at Slack's pace,
storm mode folds what it should, and every other job runs as scheduled. Once the database holds
every mention, the kernel's high-water mark of the process (VmHWM in /proc/PID/status) is read
and the process stopped. With --settle it is read again once the office's next minute has run
over the burst (its spike alert queued). The median of the runs is reported, and beside it
(`rss_workers_mb`) the summed peaks of the worker processes that classified the burst.
"""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from benchkit import (
    ROOT,
    as_env,
    emit,
    fakes_process,
    free_port,
    median,
    settings_values,
    stored,
)

from bot.core.calendar import OfficeHours
from bot.core.clock import SystemClock
from bot.core.config import Settings
from bot.office.digest import open_office
from bot.office.routing import Router
from bot.store.db import Database


def spike_queued(db_file: Path) -> bool:
    with sqlite3.connect(f"file:{db_file}?mode=ro", uri=True, timeout=5) as con:
        return bool(con.execute("SELECT count(*) FROM alerts WHERE kind = 'spike'").fetchone()[0])


def peak_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM (not Linux?)")


def children_peak_mib(pid: int) -> float:
    """The summed peaks of the process's children: the burst classifiers
    (bot/ingest/classify_pool.py), which hold their own copy of the policy."""
    kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    total = 0.0
    for kid in kids:
        try:
            total += peak_mib(int(kid))
        except (OSError, RuntimeError):
            continue  # gone meanwhile
    return total


def digest_first(values: dict[str, Any]) -> None:
    """Migrate the fresh database and queue today's digest, as a running bot had."""
    settings = Settings(_env_file=None, **values)  # type: ignore[call-arg]
    db = Database(settings.database_url)
    db.migrate()
    hours = OfficeHours.from_settings(settings)
    open_office(db, hours, Router.from_settings(settings), settings.slack_alert_channel,
                SystemClock().now(), timedelta(minutes=10))
    db.dispose()


def one_run(fakes: dict[str, Any], mentions: int, limit: float,
            settle: bool) -> tuple[float, float, float]:
    with tempfile.TemporaryDirectory(prefix="fw-bench-") as tmp:
        db_file = Path(tmp) / "run.db"
        values = settings_values(f"sqlite:///{db_file}", [fakes["account"]],
                                 str(fakes["slack_url"]), str(fakes["channel"]))
        digest_first(values)
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("SLACK_", "FEEDWATCH_", "DATABASE_URL"))}
        env.update(as_env(values))
        env.update({"FEEDWATCH_SANDBOX_X_URL": str(fakes["x_url"]), "PORT": str(free_port())})
        start = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "bot.sandbox.testing.run_fakes"], cwd=ROOT,
                                env=env, stderr=subprocess.DEVNULL)
        try:
            pause = threading.Event()
            while stored(db_file) < mentions:
                if proc.poll() is not None:
                    raise RuntimeError(f"feedwatch run exited {proc.returncode}")
                if time.monotonic() - start > limit:
                    raise RuntimeError(f"only {stored(db_file)} of {mentions} stored in time")
                pause.wait(0.5)
            took = time.monotonic() - start
            peak = after = peak_mib(proc.pid)
            workers = children_peak_mib(proc.pid)
            while settle and not spike_queued(db_file):
                if proc.poll() is not None or time.monotonic() - start > limit:
                    raise RuntimeError("the office minute never ran over the burst")
                pause.wait(0.5)
            if settle:
                after = peak_mib(proc.pid)
        finally:
            proc.send_signal(signal.SIGINT)  # as Ctrl-C: `feedwatch run` stops cleanly
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    print(f"rss: {mentions} mentions ingested in {took:.0f} s; peak RSS {peak:.1f} MiB"
          + (f" ({after:.1f} MiB once the office minute had run over them)" if settle else "")
          + f"; its classifying workers {workers:.1f} MiB", flush=True)
    return peak, after, workers


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mentions", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=float, default=300, help="seconds allowed per run")
    ap.add_argument("--settle", action="store_true",
                    help="also read the peak after the office's next minute (spike check)")
    args = ap.parse_args(argv)
    with fakes_process(args.mentions, authors=5000) as fakes:
        runs = [one_run(fakes, args.mentions, args.limit, args.settle)
                for _ in range(args.runs)]
    emit({"rss_mb": round(median([r[0] for r in runs]), 1),
          "rss_workers_mb": round(median([r[2] for r in runs]), 1)})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
