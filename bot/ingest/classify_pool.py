"""Classifying a backlog in worker processes while the poll stores the page before it.

The policy engine is pure Python, so in one process fetching, classifying and storing take
turns on one core. In a burst (a pile-on, the backlog after an outage) the poll hands each
page's texts to worker processes and stores the previous page while they work, so the
machine's other cores classify. The usual poll, a few new mentions, is classified in the
process as before: handing it over would cost more than it saves, and no worker is started
until the first burst needs one.

Classification is a pure function of the text, its context and the policy, so a worker's
decision is the one the process would have made; each batch carries the policy text in force
when it was handed over, so a reload of the policy reaches the workers with the next page.
Should a worker die, hang or fail, the batch is classified in the process instead: a broken
pool slows a burst down, it never loses or changes a decision.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from bot.core.policy_file import PolicyHolder, compile_policy
from policy.decision import Context, Decision

log = logging.getLogger(__name__)

Item = tuple[str, Context]
# Fewer fresh mentions than this in a page: classified in the process (about 1 ms each, less
# than the hand-over and the wait for a worker).
MIN_BATCH = 40
# A worker that has not answered a page in this long is taken for hung: the page is
# classified in the process and the pool is started afresh for the next one.
BATCH_TIMEOUT_S = 120.0


def default_processes() -> int:
    """One worker per core beside the one the poll itself uses; none on a one-core host."""
    return max(0, min(4, (os.cpu_count() or 1) - 1))


def _classify_batch(policy_text: str, source: str, items: Sequence[Item]) -> list[Decision]:
    """Run in a worker: the engine is compiled once per policy text and kept (lru_cache)."""
    engine = compile_policy(policy_text, source)
    return [engine.classify(text, context) for text, context in items]


def _warm(policy_text: str, source: str) -> str:
    return compile_policy(policy_text, source).version


class Batch:
    """Decisions for one page's fresh mentions, in their order, when `result()` is called."""

    def __init__(self, items: Sequence[Item], local: Callable[[str, Context], Decision],
                 futures: list[Future[list[Decision]]] | None = None,
                 pool: ClassifyPool | None = None) -> None:
        self._items = items
        self._local = local
        self._futures = futures or []
        self._pool = pool

    def result(self) -> list[Decision]:
        if not self._futures:
            return [self._local(text, context) for text, context in self._items]
        try:
            decided = [d for f in self._futures for d in f.result(timeout=BATCH_TIMEOUT_S)]
        except Exception as exc:  # a worker died, hung or failed: this process decides instead
            log.warning("classifying %d mentions in a worker process failed (%s); "
                        "classifying them here", len(self._items), type(exc).__name__)
            if self._pool is not None:
                self._pool.reset()
            return [self._local(text, context) for text, context in self._items]
        if self._pool is not None:
            self._pool.handed_over += len(decided)
        return decided


class ClassifyPool:
    """Worker processes for bursts, used once started. `processes` 0: every batch is
    classified here."""

    def __init__(self, policy: PolicyHolder, processes: int) -> None:
        self._policy = policy
        self.processes = processes
        self._started = False
        self.handed_over = 0  # mentions the workers have classified (logs, tests)
        self._warming: list[Future[str]] = []
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start the workers and compile the policy in each now, rather than in the first
        burst (a second or two each). Called by the processes that poll, at start-up; until
        then (a test, a one-off command) every batch is classified in the process."""
        self._started = True
        _, source = self._policy.current
        executor = self._get_executor()
        if executor is not None and source is not None:
            self._warming = [executor.submit(_warm, *source) for _ in range(self.processes)]

    def ready(self, timeout: float = BATCH_TIMEOUT_S) -> bool:
        """Wait until the workers started have compiled the policy (benchmarks, which time a
        bot that has been running, not one starting). False if one failed or timed out."""
        try:
            for future in self._warming:
                future.result(timeout=timeout)
        except Exception:
            return False
        return True

    def submit(self, items: Sequence[Item]) -> Batch:
        engine, source = self._policy.current
        executor = self._get_executor() if len(items) >= MIN_BATCH else None
        if executor is None or source is None:
            return Batch(items, engine.classify)
        chunks = _chunks(list(items), self.processes)
        try:
            futures = [executor.submit(_classify_batch, *source, chunk) for chunk in chunks]
        except RuntimeError:  # the pool broke since it was started: classify here
            self.reset()
            return Batch(items, engine.classify)
        return Batch(items, engine.classify, futures, self)

    def close(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)

    def _get_executor(self) -> ProcessPoolExecutor | None:
        if self.processes <= 0 or not self._started:
            return None
        with self._lock:
            if self._executor is None:
                # Spawned, not forked: the bot has threads (scheduler, Slack) by now, and a
                # fork copies their locks in whatever state they are in.
                context = multiprocessing.get_context("spawn")
                self._executor = ProcessPoolExecutor(self.processes, mp_context=context)
                log.info("classifying bursts in %d worker process(es)", self.processes)
            return self._executor

    def reset(self) -> None:
        """Drop a broken or hung pool; the next burst starts a new one."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            for process in list(getattr(executor, "_processes", {}).values()):
                process.kill()  # a hung worker would otherwise outlive the pool
            executor.shutdown(wait=False, cancel_futures=True)


def _chunks(items: list[Item], n: int) -> list[list[Item]]:
    """`items` in at most `n` runs of about equal size, in order."""
    size = -(-len(items) // max(1, n))
    return [items[i:i + size] for i in range(0, len(items), size)]
