"""Capture the media of flagged mentions at ingest, so evidence survives the post's deletion.

Only the platforms' own media hosts are fetched (X's pbs/video.twimg.com, Facebook's
fbcdn.net), over HTTPS, without following redirects, with a size cap and a timeout. Links in
posts are never opened. A failed fetch is recorded and retried a few times, then left.
"Flagged" means a category that may need evidence later: a removal category, a complaint or
a crisis; praise and "media to review" alone are not worth keeping someone's photos for.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

import requests

from bot.core.clock import Clock
from bot.store.captured_media import capture_row, captured_media_of
from bot.store.db import Database
from bot.store.mentions import latest_categories_by_mention, recent_media_of_unerased_mentions
from policy import categories as C

log = logging.getLogger(__name__)

MEDIA_HOSTS = ("pbs.twimg.com", "video.twimg.com", "ton.twimg.com")
MEDIA_HOST_SUFFIXES = (".fbcdn.net",)
MAX_BYTES = 15 * 1024 * 1024
TIMEOUT = (5.0, 20.0)
LOOK_BACK = timedelta(days=2)  # mentions ingested since then; older ones had their chances
MAX_ATTEMPTS = 3
CAPTURE_CATEGORIES = frozenset((*C.REMOVAL_CATEGORIES, C.COMPLAINT, C.CRISIS))


def allowed(url: str) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return parts.scheme == "https" and (host in MEDIA_HOSTS or host.endswith(MEDIA_HOST_SUFFIXES))


@dataclass
class CaptureReport:
    captured: int = 0
    failed: int = 0


class MediaCapture:
    def __init__(self, db: Database, clock: Clock, session: requests.Session,
                 max_bytes: int = MAX_BYTES) -> None:
        self.db, self.clock, self.session, self.max_bytes = db, clock, session, max_bytes

    def due(self) -> list[tuple[int, str, str]]:
        """(mention id, media key, url) of flagged mentions' media not captured yet."""
        now = self.clock.now()
        with self.db.session() as s:
            rows = recent_media_of_unerased_mentions(s, now - LOOK_BACK)
            with_media = {mid: media for mid, media in rows if media}
            if not with_media:
                return []
            latest = latest_categories_by_mention(s, list(with_media))
            flagged = {mid for mid, cats in latest.items() if CAPTURE_CATEGORIES & set(cats)}
            done = {(c.mention_id, c.media_key): c for c in captured_media_of(s, flagged)}
        out = []
        for mid in sorted(flagged):
            for item in with_media[mid]:
                key, url = str(item.get("key") or ""), item.get("url") or item.get("preview_url")
                prev = done.get((mid, key))
                if url and (prev is None or (not prev.data and prev.attempts < MAX_ATTEMPTS)):
                    out.append((mid, key, str(url)))
        return out

    def run(self, limit: int = 50) -> CaptureReport:
        report = CaptureReport()
        for mid, key, url in self.due()[:limit]:
            data, ctype, error = self._fetch(url)
            self._store(mid, key, url, data, ctype, error)
            if data is not None:
                report.captured += 1
            else:
                report.failed += 1
                log.warning("media %s of mention %d not captured: %s", key, mid, error)
        return report

    def _fetch(self, url: str) -> tuple[bytes | None, str, str]:
        if not allowed(url):
            return None, "", "not on the platform's own media host: never fetched"
        try:
            with self.session.get(url, stream=True, timeout=TIMEOUT,
                                  allow_redirects=False) as resp:
                if resp.status_code != 200:
                    return None, "", f"HTTP {resp.status_code}"
                declared = int(resp.headers.get("Content-Length") or 0)
                if declared > self.max_bytes:
                    return None, "", f"larger than the {self.max_bytes} byte cap"
                chunks, size = [], 0
                for chunk in resp.iter_content(64 * 1024):
                    size += len(chunk)
                    if size > self.max_bytes:
                        return None, "", f"larger than the {self.max_bytes} byte cap"
                    chunks.append(chunk)
                return b"".join(chunks), resp.headers.get("Content-Type", "")[:100], ""
        except requests.RequestException as exc:
            return None, "", f"fetch failed: {type(exc).__name__}"

    def _store(self, mid: int, key: str, url: str, data: bytes | None, ctype: str,
               error: str) -> None:
        now = self.clock.now()
        with self.db.session() as s:
            row = capture_row(s, mid, key, url, now)
            row.attempts += 1
            row.captured_at = now
            row.error = error[:300]
            if data is not None:
                row.data, row.size, row.content_type = data, len(data), ctype
                row.sha256 = hashlib.sha256(data).hexdigest()

