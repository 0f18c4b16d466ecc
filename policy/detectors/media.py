"""Media a person must look at: images not read by OCR, and every video or audio clip."""

from __future__ import annotations

from policy.detectors.base import Analysis, Hit

RULES = ("media_review.unread_image", "media_review.video_audio")
PHRASES: dict[str, tuple[str, ...]] = {}

_MOVING = frozenset({"video", "animated_gif", "audio"})


def detect(a: Analysis) -> list[Hit]:
    ctx = a.context
    types = set(ctx.media_types)
    hits: list[Hit] = []
    if types & _MOVING:
        kinds = ", ".join(sorted(types & _MOVING))
        hits.append(Hit("media_review.video_audio", note=kinds, confidence=1.0))
    has_image = "photo" in types or (ctx.has_media and not types)
    if has_image and not ctx.ocr_text.strip():
        hits.append(Hit("media_review.unread_image", note="image not read", confidence=1.0))
    return hits
