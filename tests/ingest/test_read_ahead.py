"""bot/ingest/prefetch.py: the next page is fetched while the current one is stored, and nothing
else changes: order, where errors surface, and stopping when the consumer stops."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from bot.ingest.prefetch import read_ahead


def test_items_come_out_in_order() -> None:
    assert list(read_ahead(iter(range(50)))) == list(range(50))


def test_an_error_comes_out_after_the_items_before_it() -> None:
    def pages() -> Iterator[int]:
        yield 1
        yield 2
        raise LookupError("the platform said no")

    got: list[int] = []
    with pytest.raises(LookupError, match="the platform said no"):
        for page in read_ahead(pages()):
            got.append(page)
    assert got == [1, 2]


def test_the_next_item_is_fetched_while_the_current_one_is_worked_on() -> None:
    second_fetched = threading.Event()

    def pages() -> Iterator[int]:
        yield 1
        second_fetched.set()
        yield 2

    it = read_ahead(pages())
    assert next(it) == 1
    # The consumer has not asked for item 2, yet it is being fetched meanwhile.
    assert second_fetched.wait(timeout=30)
    assert list(it) == [2]


def test_a_consumer_that_stops_stops_the_fetching() -> None:
    fetched: list[int] = []
    finished = threading.Event()

    def pages() -> Iterator[int]:
        try:
            for i in range(1000):
                fetched.append(i)
                yield i
        finally:
            finished.set()

    it = read_ahead(pages(), depth=1)
    assert next(it) == 0
    it.close()  # e.g. storing the page failed
    assert finished.wait(timeout=30)
    assert len(fetched) <= 3  # the one taken, one queued, one waiting to be queued
