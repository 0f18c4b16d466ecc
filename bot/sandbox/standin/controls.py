"""Scenario controls: the scheduler at demo speed, replaying the scenario, moving the demo
clock, and injecting platform faults.

The poller is the production scheduler (bot/runtime/jobs.py: polls, outbox, office minute, and
whatever else lands there) with its interval jobs every few seconds instead of minutes, and
woken at once after a public post or a clock move, so the page never waits long.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections import Counter, deque
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, JobExecutionEvent
from apscheduler.jobstores.base import JobLookupError
from apscheduler.triggers.interval import IntervalTrigger

from bot.core.calendar import OfficeHours
from bot.core.clock import OffsetClock, format_local
from bot.runtime.jobs import build_scheduler
from bot.runtime.services import Services
from bot.sandbox.fake_x import PROBLEM_TYPE, problem
from bot.sandbox.graph_wire import graph_error
from bot.sandbox.scenario import Item, plant_facebook, plant_pile_on, plant_x
from bot.store.cursors import all_states

log = logging.getLogger(__name__)

EVENING = (19, 30)  # "out of hours": half past seven in the evening, local time
FAULTS = {
    "x_error": "X answers the next mentions request with 503 Service Unavailable",
    "x_rate_limit": "X answers the next mentions request with 429 Too Many Requests",
    "facebook_error": "Facebook answers the next read with an unexpected error (code 2)",
    "facebook_rate_limit": "Facebook answers the next read with a rate-limit error (code 32)",
    "slack_rate_limit": "Slack answers the next two chat.postMessage calls with 429",
}


class Poller:
    """The production scheduler (bot/runtime/jobs.py), with its interval jobs every `interval`
    seconds instead of minutes, and a wake that runs them all now."""

    def __init__(self, services: Services, interval: float) -> None:
        self.scheduler = build_scheduler(services)
        self.interval = interval
        self._runs: Counter[str] = Counter()
        self.idle = threading.Condition()
        self.scheduler.add_listener(self._ran, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)

    def _interval_jobs(self) -> list[str]:
        return [j.id for j in self.scheduler.get_jobs() if isinstance(j.trigger, IntervalTrigger)]

    def start(self) -> None:
        # A wake while a job runs makes APScheduler skip that run with a warning: expected
        # here (the job is already doing the work), so only errors are worth showing.
        logging.getLogger("apscheduler.scheduler").setLevel(logging.ERROR)
        self.scheduler.start(paused=True)
        for job_id in self._interval_jobs():
            self.scheduler.reschedule_job(job_id, trigger="interval", seconds=self.interval)
        self.scheduler.resume()

    def stop(self) -> None:
        self.scheduler.shutdown(wait=True)

    def _ran(self, event: JobExecutionEvent) -> None:
        if event.exception is not None:
            log.error("stand-in: job %s failed: %s", event.job_id, event.exception)
        with self.idle:
            self._runs[event.job_id] += 1
            self.idle.notify_all()

    def wake(self) -> None:
        """Run every interval job (polls, outbox, office tick...) as soon as possible."""
        now = datetime.now(UTC)
        for job_id in self._interval_jobs():
            with contextlib.suppress(JobLookupError):  # the scheduler is stopping
                self.scheduler.modify_job(job_id, next_run_time=now)

    def wait_rounds(self, n: int = 2, timeout: float = 30.0) -> None:
        """Block until every interval job has run `n` more times (tests, scripted demos)."""
        jobs = self._interval_jobs()
        with self.idle:
            target = {j: self._runs[j] + n for j in jobs}
            self.wake()
            if not self.idle.wait_for(lambda: all(self._runs[j] >= t for j, t in target.items()),
                                      timeout):
                raise TimeoutError(f"the scheduler did not run {n} rounds in {timeout} s")


class Controls:
    def __init__(self, sandbox: Any, poller: Poller, hours: OfficeHours,
                 wave_pause: float = 2.0) -> None:
        self.sb = sandbox
        self.poller, self.hours, self.wave_pause = poller, hours, wave_pause
        self.clock: OffsetClock = sandbox.clock
        self.log: deque[str] = deque(maxlen=30)  # what was done, newest last, for the page
        self._lock = threading.Lock()

    def note(self, what: str) -> None:
        stamp = format_local(self.clock.now(), self.hours.tz)
        with self._lock:
            self.log.append(f"{stamp}: {what}")

    # -- scenario -------------------------------------------------------------------------------

    def play(self, waves: int = 3) -> threading.Thread:
        """Plant the built-in scenario in waves, in the background, waking the poller each time."""
        items = list(self.sb.scenario.items)
        size = -(-len(items) // waves)

        def run() -> None:
            for n in range(waves):
                batch: list[Item] = items[n * size:(n + 1) * size]
                plant_x(self.sb.fake_x, self.sb.scenario, batch)
                plant_facebook(self.sb.fake_graph, self.sb.scenario, batch)
                self.poller.wake()
                threading.Event().wait(self.wave_pause)

        self.note(f"scenario: {len(items)} posts arrive in {waves} waves")
        thread = threading.Thread(target=run, name="standin-scenario", daemon=True)
        thread.start()
        return thread

    def pile_on(self, replies: int = 40) -> str:
        """A pile-on under one of the account's posts: storm mode folds it into one alert."""
        plant_pile_on(self.sb.fake_x, self.sb.scenario, replies)
        note = (f"pile-on: {replies} hostile replies under one post; storm mode folds them "
                "into one alert")
        self.note(note)
        self.poller.wake()
        return note

    # -- clock ----------------------------------------------------------------------------------

    def out_of_hours(self) -> datetime:
        """Jump to this evening at 19:30 (or tomorrow's, if that has passed)."""
        tz = self.hours.tz
        now = self.clock.now().astimezone(tz)
        target = now.replace(hour=EVENING[0], minute=EVENING[1], second=0, microsecond=0)
        if target <= now:
            target += timedelta(days=1)
        return self._jump(target, "clock moved out of hours")

    def office_opens(self) -> datetime:
        """Jump to one minute after the next opening: the morning digest and held alerts."""
        target = self.hours.next_opening(self.clock.now()) + timedelta(minutes=1)
        return self._jump(target, "clock moved to the office's next opening")

    def _jump(self, when: datetime, what: str) -> datetime:
        if when > self.clock.now():  # never backwards: message timestamps must keep rising
            self.clock.jump_to(when)
            self._ran_through()
        self.note(what)
        self.poller.wake()
        return self.clock.now()

    def _ran_through(self) -> None:
        """A clock move stands for time passing with the bot running, not for downtime: the
        heartbeat and each healthy feed count as seen at the new time (the fakes keep every
        post, so the next poll still reads all of them), so the morning digest does not report
        the jump as an outage. A feed that is failing stays failing."""
        now = self.clock.now()
        with self.sb.services.db.session() as s:
            for row in all_states(s):
                if row.last_success_at is not None and not row.consecutive_failures:
                    row.last_success_at = now

    def office_state(self) -> dict[str, Any]:
        now = self.clock.now()
        state = self.hours.state(now)
        return {"now": format_local(now, self.hours.tz), "open": state.open,
                "reason": state.reason,
                "next_change": format_local(state.next_change, self.hours.tz)
                if state.next_change else ""}

    # -- faults ---------------------------------------------------------------------------------

    def inject(self, fault: str) -> str:
        if fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}")
        now = int(self.clock.now().timestamp())
        if fault == "x_error":
            self.sb.fake_x.inject("/2/users/:id/mentions", 503, problem(503),
                                  content_type=PROBLEM_TYPE)
        elif fault == "x_rate_limit":
            self.sb.fake_x.rate_limit_next("/2/users/:id/mentions", reset_at=now + 120)
        elif fault == "facebook_error":
            resp = graph_error(2, "An unexpected error has occurred. Please retry your request "
                               "later.", status=500, is_transient=True)
            self.sb.fake_graph.inject("/:version/:id/:edge", resp.status, resp.body)
        elif fault == "facebook_rate_limit":
            self.sb.fake_graph.rate_limit_next("/:version/:id/:edge", code=32)
        else:
            self.sb.fake_slack.ratelimit_next("chat.postMessage", retry_after=3, times=2)
        self.note(FAULTS[fault])
        self.poller.wake()
        return FAULTS[fault]
