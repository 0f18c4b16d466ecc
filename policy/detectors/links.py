"""Links: found in the text (incl. disguised: "bit dot ly/x", "hxxp", "example[.]com") and in
the platform's expanded URLs, checked against the policy's editable domain lists.

The bot never fetches a link or expands a shortener: a shortener is flagged because its
destination cannot be seen.
"""

from __future__ import annotations

import regex

from policy.detectors.base import Analysis, Hit

RULES = ("upsetting_link.listed_domain", "upsetting_link.shortener", "upsetting_link.obfuscated")
PHRASES: dict[str, tuple[str, ...]] = {}

_TLD = (r"(?:com|co\.uk|org\.uk|uk|org|net|ly|io|me|gl|gd|to|xyz|info|biz|ru|cn|tk|ml|ga|cf|"
        r"gq|top|club|site|online|live|app|link|click|co|tv|cc|us|in|pw|ws|su|porn|xxx|sex|"
        r"adult|cam|bet|casino|finance|money|is|be|fm|gg|id|nu|page|dev|ai|gy|at|ee|de|fun|fr|"
        r"es|it|nl|eu|ca|au|nz|ch|se|no|dk|fi|pl|ie|sh|st|vip|shop|store|win|loan|trade)")
_URL = regex.compile(
    r"(?:(?:https?|hxxps?)://|www\.)[^\s<>\"')\]]+"
    r"|(?<![@\w.])[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\." + _TLD + r"\b(?:/[^\s<>\"')]*)?",
    regex.IGNORECASE,
)
# bit dot ly / bit(.)ly / bit [.] ly: "dot" as a word or a bracketed dot, common TLDs only.
_OBF_TLD = (r"(?:com|co\s*(?:dot|\.)\s*uk|ly|org|net|gl|gd|io|me|xyz|ru|tk|uk|info|biz|site|"
            r"online|link|click)")
_OBFUSCATED = regex.compile(
    r"(?<![\w])([a-z0-9][a-z0-9\-]{1,30})\s*(?:[\[({]\s*(?:\.|dot)\s*[\])}]|\s+dot\s+)\s*("
    + _OBF_TLD + r")\b(?:\s*/\s*[a-z0-9]+)?",
    regex.IGNORECASE,
)
# Shorteners written with spaced dots: "bit . ly / abc".
_SPACED_SHORT = regex.compile(
    r"\b(bit|tinyurl|goo|ow|cutt|rb|is|tiny|shorturl|t|buff|rebrand)\s+\.\s+"
    r"(ly|com|gl|gd|cc|at|gy)\b", regex.IGNORECASE)
_HOST = regex.compile(r"^(?:(?:https?|hxxps?)://)?([^/:?#\s]+)", regex.IGNORECASE)
_LIST_RULES = {"adult": "upsetting_link.listed_domain", "shock": "upsetting_link.listed_domain",
               "scam": "upsetting_link.listed_domain", "crypto": "upsetting_link.listed_domain",
               "shorteners": "upsetting_link.shortener"}


def host_of(url: str) -> str:
    m = _HOST.match(url.strip())
    host = m.group(1).lower() if m else ""
    return host[4:] if host.startswith("www.") else host


def _listed(host: str, domains: tuple[str, ...]) -> str | None:
    for d in domains:
        if host == d or host.endswith("." + d):
            return d
    return None


_HINT = regex.compile(r"https?://|hxxps?://|www\.|\." + _TLD + r"\b", regex.IGNORECASE)
_OBF_HINT = regex.compile(r"\sdot\s|[\[({]\s*(?:\.|dot)\s*[\])}]", regex.IGNORECASE)


def extract_links(text: str) -> list[tuple[str, tuple[int, int], bool]]:
    """(url, span, obfuscated) for every link written in the text."""
    out: list[tuple[str, tuple[int, int], bool]] = []
    if _HINT.search(text):
        out = [(m.group(0).rstrip(".,!?;:"), m.span(), m.group(0).lower().startswith("hxxp"))
               for m in _URL.finditer(text)]
    for m in _SPACED_SHORT.finditer(text):
        out.append((f"{m.group(1).lower()}.{m.group(2).lower()}", m.span(), True))
    if not _OBF_HINT.search(text):
        return out
    for m in _OBFUSCATED.finditer(text):
        if not any(s <= m.start() < e for _, (s, e), _ in out):
            tld = regex.sub(r"\s*(?:dot|\.)\s*", ".", m.group(2).lower())
            out.append((f"{m.group(1).lower()}.{tld}", m.span(), True))
    return out


def detect(a: Analysis) -> list[Hit]:
    lists = a.policy.link_lists
    trusted = lists.get("trusted", ())
    found = extract_links(a.text)
    found += [(u, None, False) for u in a.context.links]  # type: ignore[misc]
    hits: list[Hit] = []
    seen: set[str] = set()
    for url, span, obfuscated in found:
        host = host_of(url)
        if not host or host in seen or _listed(host, trusted):
            continue
        seen.add(host)
        for list_id, rule in _LIST_RULES.items():
            d = _listed(host, lists.get(list_id, ()))
            if d is not None:
                hits.append(Hit(rule, chars=span, note=f"{host} ({list_id} list)",
                                confidence=0.95 if list_id != "shorteners" else 0.7))
                break
        else:
            if obfuscated:
                hits.append(Hit("upsetting_link.obfuscated", chars=span, note=host,
                                confidence=0.7))
    return hits
