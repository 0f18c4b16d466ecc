"""Handing freed heap back to the operating system.

CPython frees small objects into its own arenas and larger ones through the C allocator, and
glibc's allocator keeps freed pages mapped until something asks for them back. A long-lived bot
that builds its policy once and then classifies bursts of posts ends each burst with pages it no
longer uses still counted as resident. `malloc_trim(0)` returns them; where the C library has no
such call (musl, macOS) nothing is done.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from collections.abc import Callable

log = logging.getLogger(__name__)


def heap_trimmer() -> Callable[[], None]:
    """A function that returns free heap pages to the system: glibc's malloc_trim, or a no-op."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        trim = libc.malloc_trim if libc is not None else None
    except (OSError, AttributeError):
        trim = None
    if trim is None:
        log.debug("this C library has no malloc_trim: freed heap stays with the process")
        return lambda: None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int

    def release() -> None:
        trim(0)

    return release
