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
from bot.runtime.services import build_services
from bot.sandbox.instance import fake_sessions
from bot.store.schema import AlertRow, MentionRow, StormMemberRow


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mentions", type=int, default=10_000)
    args = ap.parse_args(argv)
    with (tempfile.TemporaryDirectory(prefix="fw-bench-") as tmp,
          fakes_process(args.mentions) as fakes):
        settings = Settings(_env_file=None, **settings_values(  # type: ignore[call-arg]
            f"sqlite:///{tmp}/burst.db", [fakes["account"]], fakes["slack_url"],
            fakes["channel"]))
        services = build_services(settings, SystemClock(),
                                  http_session=fake_sessions(fakes["x_url"]), post_interval=0.0)
        services.db.migrate()
        source = next(s for s in services.sources if s.platform == "x")
        edge = f"x:{source.account}:mentions"
        start = time.perf_counter()
        report = services.pipeline.poll_edge(source, edge)
        elapsed = time.perf_counter() - start
        with services.db.session() as s:
            stored = s.execute(select(func.count()).select_from(MentionRow)).scalar_one()
            # Each in the outbox: its own alert, or (storm mode) its storm group's one alert.
            own = s.execute(select(func.count()).select_from(AlertRow).where(
                AlertRow.kind == "mention")).scalar_one()
            folded = s.execute(select(func.count()).select_from(StormMemberRow)).scalar_one()
            groups = s.execute(select(func.count()).select_from(AlertRow).where(
                AlertRow.kind == "storm")).scalar_one()
        queued = own + folded
        services.db.dispose()
    if report.error or stored != args.mentions or queued != args.mentions:
        print(f"burst incomplete: {stored} stored, {queued} queued of {args.mentions} "
              f"({report.error or 'no error'})", file=sys.stderr)
        return 1
    print(f"burst: {args.mentions} mentions fetched, classified, stored and queued in "
          f"{elapsed:.2f} s ({own} alerts of their own, {folded} folded into {groups} storm "
          "alerts)")
    emit({"burst_per_s": round(args.mentions / elapsed, 1)})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
