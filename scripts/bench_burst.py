"""burst_per_s: a burst of mentions from the fake X through storage, classification and into
the outbox (enqueued, not delivered), on SQLite, in one poll. One run; scripts/bench.py takes
the median of several.

    .venv/bin/python scripts/bench_burst.py [--mentions 10000]

Timed: `Pipeline.poll_edge` of the X mentions, from the first request to the fake X to the
commit of the last page (fetch and parse with tweepy, dedupe, classify, store mention +
decision, storm-mode marks, and an outbox row: the mention's own alert, or for a near-duplicate
in a storm its membership of the storm group, whose one alert is in the outbox). The fake X
runs in its own process, as X is not in the bot's; it and the SQLite file are made fresh for
the run and not timed. X's reach (the newest 800) is lifted in the fake so that one poll reads
the whole burst.

Floors, measured in the same run on the same mentions, so the ratios travel between machines:
`burst_fetch_per_s` reads them all from the fake X through the same source (tweepy, parsing)
and does nothing else; `burst_classify_per_s` runs the policy engine alone over their texts.
`burst_vs_fetch` and `burst_vs_classify` are how many times longer the whole burst took than
each floor (1.0 would mean storage and the rest cost nothing).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time

from benchkit import emit, fakes_process, settings_values
from sqlalchemy import func, select

from bot.core.clock import SystemClock
from bot.core.config import Settings
from bot.ingest.pipeline import context_for
from bot.runtime.services import build_services
from bot.sandbox.testing.instance import fake_sessions
from bot.store.schema import AlertRow, MentionRow, StormMemberRow


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mentions", type=int, default=10_000)
    ap.add_argument("--processes", type=int, default=None,
                    help="CLASSIFY_PROCESSES (default: the bot's, one per core beside the poll)")
    args = ap.parse_args(argv)
    with (tempfile.TemporaryDirectory(prefix="fw-bench-") as tmp,
          fakes_process(args.mentions) as fakes):
        settings = Settings(_env_file=None, **settings_values(  # type: ignore[call-arg]
            f"sqlite:///{tmp}/burst.db", [fakes["account"]], fakes["slack_url"],
            fakes["channel"]), classify_processes=args.processes)
        services = build_services(settings, SystemClock(),
                                  http_session=fake_sessions(fakes["x_url"]), post_interval=0.0)
        services.db.migrate()
        # As the bot does at start-up (bot/runtime/runner.py); timed once they are ready, as
        # in a bot that has been running when the burst comes.
        services.pipeline.start_workers()
        if services.pipeline.pool is not None and not services.pipeline.pool.ready():
            print("burst: the classifying workers did not start", file=sys.stderr)
            return 1
        source = next(s for s in services.sources if s.platform == "x")
        edge = f"x:{source.account}:mentions"
        # Floor 1: fetching alone (the fake serves the same pages again; nothing is stored).
        start = time.perf_counter()
        fetched = [m for page in source.poll(edge, None, lambda ids: set()).pages
                   for m in page.mentions]
        fetch_s = time.perf_counter() - start
        start, cpu = time.perf_counter(), time.process_time()
        report = services.pipeline.poll_edge(source, edge)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        # Floor 2: classifying alone, the same texts with their contexts.
        start = time.perf_counter()
        for m in fetched:
            services.pipeline.classify(m.text, context_for(m))
        classify_s = time.perf_counter() - start
        with services.db.session() as s:
            stored = s.execute(select(func.count()).select_from(MentionRow)).scalar_one()
            # Each in the outbox: its own alert, or (storm mode) its storm group's one alert.
            own = s.execute(select(func.count()).select_from(AlertRow).where(
                AlertRow.kind == "mention")).scalar_one()
            folded = s.execute(select(func.count()).select_from(StormMemberRow)).scalar_one()
            groups = s.execute(select(func.count()).select_from(AlertRow).where(
                AlertRow.kind == "storm")).scalar_one()
        queued = own + folded
        pool = services.pipeline.pool
        handed_over, processes = (pool.handed_over, pool.processes) if pool else (0, 0)
        services.pipeline.close()
        services.db.dispose()
    if report.error or stored != args.mentions or queued != args.mentions:
        print(f"burst incomplete: {stored} stored, {queued} queued of {args.mentions} "
              f"({report.error or 'no error'})", file=sys.stderr)
        return 1
    print(f"burst: {args.mentions} mentions fetched, classified, stored and queued in "
          f"{elapsed:.2f} s ({own} alerts of their own, {folded} folded into {groups} storm "
          "alerts)")
    print(f"burst: {handed_over} of them classified in {processes} worker process(es); "
          f"this process's own CPU time {cpu:.2f} s")
    print(f"burst floors: fetching alone {fetch_s:.2f} s, classifying alone {classify_s:.2f} s")
    emit({"burst_per_s": round(args.mentions / elapsed, 1),
          "burst_fetch_per_s": round(len(fetched) / fetch_s, 1),
          "burst_classify_per_s": round(len(fetched) / classify_s, 1),
          "burst_vs_fetch": round(elapsed / fetch_s, 2),
          "burst_vs_classify": round(elapsed / classify_s, 2)})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
