"""The weekly report's chart (bot/office/weekly_report.py), drawn in a short-lived child process.

matplotlib adds some 45 MiB to a process, for good; the bot runs for months and draws one
chart a week, so the drawing happens in `python -m bot.reports.chart`, which reads the week's
figures
as JSON on its standard input and writes the PNG to its standard output. matplotlib's Agg
backend: no display, no global pyplot state.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

CHILD_TIMEOUT = 120  # seconds; drawing takes about one


@dataclass(frozen=True)
class WeekSeries:
    days: tuple[date, ...]  # Monday to Sunday, local
    counts: dict[str, tuple[int, ...]]  # primary category (or "no flags") -> per-day counts
    median_minutes: tuple[float | None, ...]  # time to first action, office hours

    @property
    def totals(self) -> tuple[int, ...]:
        return tuple(sum(c[i] for c in self.counts.values()) for i in range(len(self.days)))

    def to_json(self) -> str:
        return json.dumps({"days": [d.isoformat() for d in self.days],
                           "counts": {k: list(v) for k, v in self.counts.items()},
                           "median_minutes": list(self.median_minutes)})

    @classmethod
    def from_json(cls, text: str) -> WeekSeries:
        data: dict[str, Any] = json.loads(text)
        return cls(tuple(date.fromisoformat(d) for d in data["days"]),
                   {str(k): tuple(int(n) for n in v) for k, v in data["counts"].items()},
                   tuple(None if m is None else float(m) for m in data["median_minutes"]))


def build_figure(series: WeekSeries) -> Figure:
    from matplotlib.figure import Figure

    labels = [d.strftime("%a %d") for d in series.days]
    fig = Figure(figsize=(9, 6.5), dpi=100)
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=(3, 2))
    base = [0] * len(labels)
    for category, counts in series.counts.items():
        top.bar(labels, counts, bottom=base, label=category)
        base = [b + c for b, c in zip(base, counts, strict=True)]
    top.set_title("Mentions per day, by category")
    top.set_ylabel("mentions")
    if series.counts:
        top.legend(fontsize="small", ncols=2, loc="upper left")
    minutes = [m if m is not None else 0 for m in series.median_minutes]
    bottom.bar(labels, minutes, color="#005eb8", label="median time to first action")
    bottom.set_title("Median time to first action (office hours)")
    bottom.set_ylabel("minutes")
    fig.tight_layout()
    return fig


def draw_png(series: WeekSeries) -> bytes:
    """In this process (the child's work)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    buf = io.BytesIO()
    FigureCanvasAgg(build_figure(series)).print_png(buf)
    return buf.getvalue()


def render_png(series: WeekSeries) -> bytes:
    """In a child process, so the bot never carries matplotlib."""
    done = subprocess.run([sys.executable, "-m", "bot.reports.chart"],
                          input=series.to_json().encode(), capture_output=True,
                          timeout=CHILD_TIMEOUT, check=False)
    if done.returncode != 0 or not done.stdout:
        raise RuntimeError(f"drawing the weekly chart failed (exit {done.returncode}): "
                           + done.stderr.decode("utf-8", "replace")[-500:])
    return done.stdout


def main() -> int:
    sys.stdout.buffer.write(draw_png(WeekSeries.from_json(sys.stdin.read())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
