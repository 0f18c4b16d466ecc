"""Freed heap goes back to the system at start-up and after every poll."""

from __future__ import annotations

import ctypes.util
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bot.core.clock import FixedClock
from bot.runtime.jobs import poll_source
from bot.runtime.memory import heap_trimmer
from bot.sandbox.fake_x import FakeX
from bot.store.db import Database
from tests.harness import make_settings, services_for
from tests.office.conftest import UNUSED_X

ROOT = Path(__file__).resolve().parents[2]

# Many mid-sized blocks (glibc's heap, not mmap), freed while one block allocated after them
# stays live: the freed pages sit below the heap's top, so only malloc_trim can return them.
FRAGMENTED_THEN_TRIMMED = textwrap.dedent("""
    from bot.runtime.memory import heap_trimmer

    def rss_mib():
        for line in open("/proc/self/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024

    blocks = [bytearray(8192) for _ in range(8000)]
    pin = bytearray(8192)
    del blocks
    before = rss_mib()
    heap_trimmer()()
    print(before - rss_mib())
""")


def _glibc() -> bool:
    name = ctypes.util.find_library("c")
    return bool(name) and hasattr(ctypes.CDLL(name), "malloc_trim")


@pytest.mark.skipif(not _glibc() or not Path("/proc/self/status").exists(),
                    reason="malloc_trim is glibc's, and RSS is read from Linux's /proc")
def test_trimming_returns_freed_heap_to_the_system() -> None:
    out = subprocess.run([sys.executable, "-c", FRAGMENTED_THEN_TRIMMED], cwd=ROOT, text=True,
                         capture_output=True, check=True, timeout=60)
    assert float(out.stdout) > 30  # of about 62 MiB freed


def test_a_trimmer_can_always_be_called() -> None:
    heap_trimmer()()  # a no-op where the C library has no malloc_trim


def test_every_poll_ends_by_releasing_memory(sqlite_db: Database, clock: FixedClock) -> None:
    with FakeX(clock=clock) as fake_x:
        services = services_for(make_settings(sqlite_db, [UNUSED_X]), clock, fake_x)
        calls: list[str] = []
        services.release_memory = lambda: calls.append("released")
        poll_source(services, services.sources[0])
        assert calls == ["released"]

        def broken_poll(_source: object) -> None:
            raise RuntimeError("the platform answered nonsense")

        services.pipeline.poll = broken_poll  # type: ignore[method-assign]
        with pytest.raises(RuntimeError):
            poll_source(services, services.sources[0])
        assert calls == ["released", "released"]
