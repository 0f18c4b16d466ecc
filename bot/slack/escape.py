"""Make untrusted text safe to show in Slack mrkdwn.

Anything that came from X or Facebook (post text, names, handles, URLs, platform error messages)
goes through here before it reaches a Block Kit text object, so a post containing `<!channel>`
pings nobody and `<http://evil|nice>` links nowhere.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

# Slack's documented rule for mrkdwn: escape exactly these three, & first so we don't re-escape.
_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))

# C0 controls (NUL and friends) except tab and newline; Slack rejects or mangles them.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Bidi embeddings, overrides and isolates: a post could flip the direction of *our* text that
# follows it (e.g. the cut notice). Ordinary Arabic/Hebrew text renders fine without them.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# An entity at the end of a string that truncation might otherwise cut in half.
_ENTITY_TAIL = re.compile(r"&#?[A-Za-z0-9]{0,8}$")
_ENTITY = re.compile(r"&#?[A-Za-z0-9]{1,8};")

# URLs longer than this are shown as text rather than linked: no platform link is this long,
# and it keeps any one link from eating a section's 3,000 characters.
MAX_LINK_URL = 1000


def escape_mrkdwn(text: str) -> str:
    """Escape `&`, `<` and `>` (and nothing else) for Slack mrkdwn."""
    for raw, entity in _ESCAPES:
        text = text.replace(raw, entity)
    return text


def sanitize(text: str) -> str:
    """Text that can be JSON-encoded as UTF-8 and shown without tricks.

    Joins surrogate pairs that arrived as two code points, replaces lone surrogates with U+FFFD
    (they cannot be encoded, so the Slack call would fail), drops control characters other than
    tab and newline, and drops bidi overrides. Display only: the stored text is never changed.
    """
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    text = _CONTROLS.sub("", text)
    return _BIDI_CONTROLS.sub("", text)


def safe(text: str) -> str:
    """Untrusted text ready for mrkdwn: sanitised, then escaped."""
    return escape_mrkdwn(sanitize(text))


def truncate(text: str, limit: int, suffix: str = "…") -> str:
    """At most `limit` characters (Slack counts code points, as `len` does), ending in `suffix`
    when cut. Never cuts inside an HTML entity (`&amp;`), a surrogate pair, or a `<...>` link."""
    if limit < 0:
        raise ValueError("limit must be >= 0")
    if len(text) <= limit:
        return text
    if len(suffix) >= limit:
        return suffix[:limit]
    cut = limit - len(suffix)
    # A surrogate pair is one character to a person: keep both halves or neither.
    if cut > 0 and "\ud800" <= text[cut - 1] <= "\udbff" and "\udc00" <= text[cut] <= "\udfff":
        cut -= 1
    head = text[:cut]
    tail = _ENTITY_TAIL.search(head)
    if tail and _ENTITY.match(text, tail.start()):
        head = head[: tail.start()]
    # Our own links `<url|label>` must stay whole or go; escaped untrusted text has no bare `<`.
    opened = head.rfind("<")
    if opened > head.rfind(">"):
        head = head[:opened]
    return head.rstrip() + suffix


def clean_url(url: str) -> str | None:
    """An http(s) URL with no character that could end a Slack link early, or None.

    Not entity-escaped: use it as is in URL fields (buttons, images); `link` escapes it for
    mrkdwn."""
    url = sanitize(url).strip()
    if not url or len(url) > MAX_LINK_URL:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    # `|` would end the URL part of a Slack link and start a label; whitespace would end the link.
    return quote(url, safe="/:?#[]@!$&'()*+,;=%~-._")


def link(url: str, label: str | None = None) -> str:
    """A Slack mrkdwn link to an untrusted URL, with an escaped label.

    An unlinkable URL (not http(s), too long) is shown as escaped text, so nothing is lost."""
    target = clean_url(url)
    shown = safe(label) if label else None
    if target is None:
        text = shown or safe(url)
        return truncate(text, 200)
    target = escape_mrkdwn(target)
    if not shown:
        return f"<{target}>"
    # A `|` in the label is harmless to Slack but we keep labels plain.
    return f"<{target}|{truncate(shown.replace('|', '¦'), 200)}>"


def plain(text: str, limit: int) -> str:
    """Text for a plain_text object (headers, buttons): sanitised and cut, never empty."""
    text = " ".join(sanitize(text).split())
    return truncate(text, limit) or "-"
