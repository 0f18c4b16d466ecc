"""Slack mrkdwn parsed into spans the page turns into DOM nodes with textContent only.

Parsing happens here, in Python, so the page never needs innerHTML: a span is a plain-text
leaf ({"t": "text", "v": ...}) or a formatting node with children ({"t": "b", "c": [...]}).
Entities (&amp; &lt; &gt;) are decoded into the text of leaves, so a post containing
`<script>` arrives at the page as those seven characters and is shown as them.
Reference: https://docs.slack.dev/messaging/formatting-message-text
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

Span = dict[str, Any]
Resolver = Callable[[str], str]

SAFE_SCHEMES = ("http", "https", "mailto")
# <...> markup: links, user/channel mentions, special mentions, dates. Never spans lines.
_ANGLE = re.compile(r"<([^<>\n]+)>")
_CODE = re.compile(r"`([^`\n]+)`")
_OPEN, _CLOSE = "\ue000", "\ue001"  # placeholders for atoms; never left in the output
_HELD = re.compile(f"{_OPEN}(\\d+){_CLOSE}")
# Emphasis opens after start/space/punctuation and closes before end/space/punctuation.
_EMPHASIS = {"*": "b", "_": "i", "~": "s"}
_EDGE = r"[\s.,;:!?()\[\]{}'\"-]"
_EMPH_RE = {
    mark: re.compile(rf"(?:(?<=^)|(?<={_EDGE})){re.escape(mark)}(?=\S)(.+?)(?<=\S)"
                     rf"{re.escape(mark)}(?=$|{_EDGE})")
    for mark in _EMPHASIS
}


def unescape(text: str) -> str:
    """Slack's three entities, &amp; last so '&amp;lt;' stays '&lt;' as Slack shows it."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def safe_url(url: str) -> str | None:
    """The URL if it is safe to put in an href (http, https, mailto), else None."""
    url = unescape(url.strip())
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in SAFE_SCHEMES else None


def parse(text: str, users: Resolver | None = None, channels: Resolver | None = None
          ) -> list[Span]:
    """mrkdwn -> spans. Code blocks first, then quotes per line, then inline markup."""
    users = users or (lambda uid: uid)
    channels = channels or (lambda cid: cid)
    spans: list[Span] = []
    for n, chunk in enumerate(str(text or "").split("```")):
        if n % 2 == 1:
            spans.append({"t": "pre", "v": unescape(chunk.strip("\n"))})
            continue
        spans.extend(_lines(chunk, users, channels))
    return _merge(spans)


def _lines(chunk: str, users: Resolver, channels: Resolver) -> list[Span]:
    out: list[Span] = []
    lines = chunk.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(">"):  # a real quote marker: user text arrives as "&gt;"
            out.append({"t": "quote", "c": _inline(line[1:].lstrip(" "), users, channels)})
        else:
            out.extend(_inline(line, users, channels))
            if i < len(lines) - 1:
                out.append({"t": "br"})
    return out


def _inline(text: str, users: Resolver, channels: Resolver) -> list[Span]:
    """Angle markup and code are atoms (no formatting inside); emphasis may wrap them, so
    atoms are swapped for private-use placeholders while emphasis is parsed."""
    text = text.replace(_OPEN, "\ufffd").replace(_CLOSE, "\ufffd")
    atoms: list[Span] = []

    def hold(m: re.Match[str]) -> str:
        atoms.append(_angle(m.group(1), users, channels) if m.group(1) is not None
                     else {"t": "code", "v": unescape(m.group(2))})
        return f"{_OPEN}{len(atoms) - 1}{_CLOSE}"

    held = re.sub(f"{_ANGLE.pattern}|{_CODE.pattern}", hold, text)
    return _restore(_emphasis(held), atoms)


def _restore(spans: list[Span], atoms: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in spans:
        if "c" in s:
            out.append({**s, "c": _restore(s["c"], atoms)})
        elif s["t"] == "text":
            for n, part in enumerate(_HELD.split(s["v"])):
                out.append(atoms[int(part)] if n % 2 else {"t": "text", "v": part})
        else:
            out.append(s)
    return out


def _emphasis(text: str) -> list[Span]:
    """Emphasis over text whose atoms are placeholders; leaves are decoded text."""
    if not text:
        return []
    best: tuple[int, str, re.Match[str]] | None = None
    for mark, regex in _EMPH_RE.items():
        m = regex.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), mark, m)
    if best is None:
        return [{"t": "text", "v": unescape(text)}]
    start, mark, m = best
    before = [{"t": "text", "v": unescape(text[:start])}] if start else []
    return [*before, {"t": _EMPHASIS[mark], "c": _emphasis(m.group(1))},
            *_emphasis(text[m.end():])]


def _angle(inner: str, users: Resolver, channels: Resolver) -> Span:
    target, _, label = inner.partition("|")
    if target.startswith("@"):
        return {"t": "mention", "v": "@" + (unescape(label) or users(target[1:]))}
    if target.startswith("#"):
        return {"t": "mention", "v": "#" + (unescape(label) or channels(target[1:]))}
    if target.startswith("!"):
        return _special(target[1:], unescape(label))
    href = safe_url(target)
    shown = unescape(label) if label else unescape(target)
    if href is None:  # javascript: and friends are shown, never linked
        return {"t": "text", "v": f"<{unescape(inner)}>"}
    return {"t": "link", "href": href, "v": shown}


def _special(name: str, label: str) -> Span:
    if name.startswith("date^"):
        return {"t": "text", "v": label or "a date"}
    if name.startswith("subteam^"):
        return {"t": "mention", "v": label or "@group"}
    return {"t": "mention", "v": "@" + (label or name)}


def _merge(spans: list[Span]) -> list[Span]:
    """Adjacent text leaves joined, empty ones dropped: fewer DOM nodes, easier tests."""
    out: list[Span] = []
    for s in spans:
        if s["t"] == "text":
            if not s["v"]:
                continue
            if out and out[-1]["t"] == "text":
                out[-1] = {"t": "text", "v": out[-1]["v"] + s["v"]}
                continue
        elif "c" in s:
            s = {**s, "c": _merge(s["c"])}
        out.append(s)
    return out


def plain(spans: list[Span]) -> str:
    """The text a reader sees, for accessible names and tests."""
    parts = []
    for s in spans:
        if s["t"] == "br":
            parts.append("\n")
        elif "c" in s:
            parts.append(plain(s["c"]))
        else:
            parts.append(str(s.get("v", "")))
    return "".join(parts)
