"""Reading a source's next page while the pipeline classifies and stores the current one.

Paging is sequential (each page names the next), so at most one fetch is in flight; but the
platform's answer time and our classifying then overlap instead of adding up. Pages still come
out in order, errors come out where they happened (after the pages before them), and the
pipeline still commits page by page, so nothing about crash safety changes.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")
_DONE = object()


def read_ahead(items: Iterator[T], depth: int = 1) -> Iterator[T]:
    """Yield from `items`, which a worker thread runs up to `depth` items ahead."""
    out: queue.Queue[object] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(value: object) -> bool:
        while not stop.is_set():
            try:
                out.put(value, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put(item):
                    return
        except BaseException as exc:  # handed to the consumer, raised there
            put(_Raised(exc))
            return
        put(_DONE)

    worker = threading.Thread(target=produce, name="read-ahead", daemon=True)
    worker.start()
    try:
        while True:
            got = out.get()
            if got is _DONE:
                return
            if isinstance(got, _Raised):
                raise got.exc
            yield got  # type: ignore[misc]
    finally:
        stop.set()  # the consumer stopped (done, or failed): the worker stops at its next page


class _Raised:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc
