"""Bolt's listener executor, so that no acknowledgement waits behind another interaction's work.

With process_before_response=False Bolt runs each listener on its executor while the request
waits for the listener's ack(). On Bolt's own executor (five threads) the work after each ack (a
claim's database writes, the moderator's answer, the alert's update) kept its thread, so while
five clicks' work waited its turn at SQLite's one writer (ingest storing a backlog in the same
file) the sixth click's listener could not even start to ack: under load acks waited 100-250 ms
for a free thread. More threads only move the wall: work comes in faster than one writer
finishes it, and every thread ends up holding work.

Here a listener starts on a lane (a thread that only ever runs listeners up to their ack). A
listener's ack that has answered Slack raises WorkAfterAck there (handlers/replays.py does), the
lane is free at once, and the listener is queued to run again from the start on a work thread:
its second ack() gives Slack nothing new and the listener goes on to its work. Running the part
before the ack twice is safe because listeners ack first: before it there is nothing, or pure
checks (a modal's field errors); a second run whose ack differs from the first stops there. The
work waits in a queue, not on a thread, and runs on as many threads as Bolt's own executor had.
Events are acked by Bolt before their listener starts, so their listeners run on a lane whole.

A listener that acks for itself (a click, a submission, a command: handlers/replays.py says so
for each request with `acks_itself`) does not even wait for a lane: the request's own thread
runs it up to its ack, as the part before the ack is nothing or pure checks. Bolt then finds the
answer ready at its first look instead of sleeping its 10 ms between looks, and the click's
answer needs no second thread to take the interpreter lock in turn.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import Any

# Lanes for the listeners that do not start on their request's thread (events, which Bolt has
# acked, run whole on one): as many as gunicorn has threads (the Procfile's --threads 8).
LANES = 8
# Threads for the work after the acks: what Bolt's default executor had in all.
WORKERS = 5

_here = threading.local()


class WorkAfterAck(BaseException):
    """Raised by a listener's ack on a lane once Slack has its answer: stops the listener there,
    and the lane queues it to run again as work. A BaseException, so that neither Bolt's runner
    nor a listener's own `except Exception` takes it for a failure."""


def on_lane() -> bool:
    """True in a listener running on a lane, where an ack should hand the rest over."""
    return bool(getattr(_here, "lane", False))


def acks_itself(yes: bool) -> None:
    """Said on the request's thread before Bolt starts the request's listener: True when the
    listener will ack (so it may run here until then), False when Bolt has acked already (an
    event: its listener runs whole, which must not hold up the answer). Said for every request
    that reaches a listener, so one request's word never carries over to the next."""
    _here.inline = yes


class AckLane(Executor):
    """Listeners on `lanes` threads until their ack; the rest queued for `workers` threads."""

    def __init__(self, lanes: int = LANES, workers: int = WORKERS) -> None:
        self._lanes = ThreadPoolExecutor(lanes, thread_name_prefix="slack-ack")
        self._workers = ThreadPoolExecutor(workers, thread_name_prefix="slack-work")

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        if getattr(_here, "inline", False) and not on_lane():
            _here.inline = False
            done: Future[Any] = Future()
            done.set_result(self._on_lane(fn, *args, **kwargs))
            return done
        return self._lanes.submit(self._on_lane, fn, *args, **kwargs)

    def _on_lane(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        _here.lane = True
        try:
            return fn(*args, **kwargs)
        except WorkAfterAck:
            self._workers.submit(fn, *args, **kwargs)
            return None
        finally:
            _here.lane = False

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        # Lanes first: a listener still on its lane may yet queue its work.
        self._lanes.shutdown(wait=wait, cancel_futures=cancel_futures)
        self._workers.shutdown(wait=wait, cancel_futures=cancel_futures)
