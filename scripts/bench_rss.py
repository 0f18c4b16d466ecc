"""rss_mb: the peak resident memory (MiB) of `feedwatch run` against the fakes after it has
ingested 100,000 mentions.

    .venv/bin/python scripts/bench_rss.py [--mentions 100000] [--runs 3]

The process is the real `feedwatch run` in HTTP mode (bot.sandbox.run_fakes only points the
platforms' transport at the fakes, which run in their own process and are planted once for
all runs), on a fresh SQLite database each run. Its first poll reads the whole backlog (X's
reach is lifted in the fake), the outbox posts meanwhile at Slack's pace, every other job runs
as scheduled. Once the database holds every mention, the kernel's high-water mark of the
process (VmHWM in /proc/PID/status) is read and the process stopped. The median of the runs is
reported.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

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


def peak_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM (not Linux?)")


def one_run(fakes: dict[str, object], mentions: int, limit: float) -> tuple[float, float]:
    with tempfile.TemporaryDirectory(prefix="fw-bench-") as tmp:
        db_file = Path(tmp) / "run.db"
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("SLACK_", "FEEDWATCH_", "DATABASE_URL"))}
        env.update(as_env(settings_values(f"sqlite:///{db_file}", [fakes["account"]],
                                          str(fakes["slack_url"]), str(fakes["channel"]))))
        env.update({"FEEDWATCH_SANDBOX_X_URL": str(fakes["x_url"]), "PORT": str(free_port())})
        start = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "bot.sandbox.run_fakes"], cwd=ROOT,
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
            peak = peak_mib(proc.pid)
        finally:
            proc.send_signal(signal.SIGINT)  # as Ctrl-C: `feedwatch run` stops cleanly
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    print(f"rss: {mentions} mentions ingested in {took:.0f} s; peak RSS {peak:.1f} MiB",
          flush=True)
    return peak, took


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mentions", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=float, default=300, help="seconds allowed per run")
    args = ap.parse_args(argv)
    with fakes_process(args.mentions, authors=5000) as fakes:
        peaks = [one_run(fakes, args.mentions, args.limit)[0] for _ in range(args.runs)]
    emit({"rss_mb": round(median(peaks), 1)})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
