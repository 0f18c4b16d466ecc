"""Text in images, for the policy: fetched only from the platforms' own media hosts, with a
size cap and a timeout, read by Tesseract when it is installed.

Without Tesseract (or for video and audio) nothing is read, and the policy flags the post
media_review so a person looks at it.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Callable
from urllib.parse import urlsplit

import requests

from bot.core.models import Mention

log = logging.getLogger(__name__)

MAX_BYTES = 5 * 1024 * 1024
FETCH_TIMEOUT = (5.0, 10.0)
OCR_TIMEOUT = 20.0
MAX_IMAGES = 4
# The platforms' own media hosts. Links in posts are never fetched.
_EXACT_HOSTS = frozenset({"pbs.twimg.com", "ton.twimg.com"})
_HOST_SUFFIXES = (".fbcdn.net",)


def is_platform_media(url: str) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return parts.scheme == "https" and (host in _EXACT_HOSTS or host.endswith(_HOST_SUFFIXES))


def tesseract_path() -> str | None:
    return shutil.which("tesseract")


def fetch_image(session: requests.Session, url: str, max_bytes: int = MAX_BYTES) -> bytes | None:
    """The image's bytes, or None when the host is not allowed, it is too big or it fails."""
    if not is_platform_media(url):
        log.warning("media not fetched: %s is not a platform media host", urlsplit(url).hostname)
        return None
    try:
        with session.get(url, stream=True, timeout=FETCH_TIMEOUT) as resp:
            if resp.status_code != 200:
                log.warning("media not fetched: HTTP %s", resp.status_code)
                return None
            declared = int(resp.headers.get("Content-Length") or 0)
            if declared > max_bytes:
                log.warning("media not fetched: %d bytes is over the %d cap", declared, max_bytes)
                return None
            data = bytearray()
            for chunk in resp.iter_content(64 * 1024):
                data += chunk
                if len(data) > max_bytes:
                    log.warning("media not fetched: over the %d byte cap", max_bytes)
                    return None
            return bytes(data)
    except requests.RequestException as exc:
        log.warning("media not fetched: %s", type(exc).__name__)
        return None


def ocr_image(data: bytes, tesseract: str, timeout: float = OCR_TIMEOUT) -> str:
    try:
        done = subprocess.run([tesseract, "stdin", "stdout", "-l", "eng"], input=data,
                              capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        log.warning("OCR gave up after %.0f s", timeout)
        return ""
    if done.returncode != 0:
        log.warning("OCR failed (exit %d)", done.returncode)
        return ""
    return done.stdout.decode("utf-8", "replace").strip()


class MediaReader:
    """Reads the text in a mention's photos; '' when there is none or OCR is unavailable."""

    def __init__(self, session_factory: Callable[[], requests.Session],
                 tesseract: str | None = None, max_bytes: int = MAX_BYTES) -> None:
        self.session_factory = session_factory
        self.tesseract = tesseract
        self.max_bytes = max_bytes

    @classmethod
    def if_available(cls, session_factory: Callable[[], requests.Session]) -> MediaReader | None:
        path = tesseract_path()
        if path is None:
            log.info("Tesseract not installed: images are not read; posts with images are "
                     "flagged media_review")
            return None
        return cls(session_factory, path)

    def __call__(self, mention: Mention) -> str:
        photos = [m for m in mention.media if m.type == "photo" and m.url][:MAX_IMAGES]
        if not photos or self.tesseract is None:
            return ""
        session = self.session_factory()
        texts = []
        try:
            for photo in photos:
                data = fetch_image(session, photo.url, self.max_bytes)
                if data:
                    texts.append(ocr_image(data, self.tesseract))
        finally:
            session.close()
        return "\n".join(t for t in texts if t)
