"""Turning a rule example from policy.yaml into (text, Context).

An example may start with a bracketed media marker, e.g. "[image] look at this", "[video]",
"[image, ocr: text read from it]" or "[dm] my number is ...", so media and DM rules can be
exemplified in the same file as text rules.
"""

from __future__ import annotations

import regex

from policy.decision import Context

_MARKER = regex.compile(r"^\s*\[([^\]]*)\]\s*")


def example_context(example: str) -> tuple[str, Context]:
    m = _MARKER.match(example)
    if not m:
        return example, Context()
    text = example[m.end():]
    media: list[str] = []
    kind = ""
    ocr = ""
    for part in (p.strip() for p in m.group(1).split(",")):
        if part in ("image", "photo"):
            media.append("photo")
        elif part in ("video", "audio", "animated_gif"):
            media.append(part)
        elif part == "dm":
            kind = "dm"
        elif part.startswith("ocr:"):
            ocr = part[4:].strip()
    return text, Context(kind=kind, has_media=bool(media), media_types=tuple(media),
                         ocr_text=ocr)
