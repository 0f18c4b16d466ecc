"""Upsetting links: found in the text (incl. disguised: "bit dot ly/x", "hxxp",
"example[.]com") and in the platform's expanded URLs, checked against the policy's editable
domain lists.

The bot never fetches a link or expands a shortener: a shortener is flagged because its
destination cannot be seen. Words around a link can make it upsetting too ("graphic
video of the stabbing, watch here"), and so can a domain dressed up as the NHS or the
government.
"""

from __future__ import annotations

import re

from policy.detectors import rulekit
from policy.detectors.base import Analysis, Hit
from policy.wordlists import words

CATEGORY = "upsetting_link"
PHRASES: dict[str, tuple[str, ...]] = {
    "LINK_SHOCK": words("link_shock_text"),
    "LINK_SAFE": words("link_safe_text"),
}

_TLD = (r"(?:com|co\.uk|org\.uk|uk|org|net|ly|io|me|gl|gd|to|xyz|info|biz|ru|cn|tk|ml|ga|cf|"
        r"gq|top|club|site|online|live|app|link|click|co|tv|cc|us|in|pw|ws|su|porn|xxx|sex|"
        r"adult|cam|bet|casino|finance|money|is|be|fm|gg|id|nu|page|dev|ai|gy|at|ee|de|fun|fr|"
        r"es|it|nl|eu|ca|au|nz|ch|se|no|dk|fi|pl|ie|sh|st|vip|shop|store|win|loan|trade)")
_URL = re.compile(
    r"(?:(?:https?|hxxps?)://|www\.)[^\s<>\"')\]]+"
    r"|(?<![@\w.])[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\." + _TLD + r"\b(?:/[^\s<>\"')]*)?",
    re.IGNORECASE,
)
# bit dot ly / bit(.)ly / bit [.] ly: "dot" as a word or a bracketed dot, common TLDs only.
_OBF_TLD = (r"(?:com|co\s*(?:dot|\.)\s*uk|ly|org|net|gl|gd|io|me|xyz|ru|tk|uk|info|biz|site|"
            r"online|link|click)")
_OBFUSCATED = re.compile(
    r"(?<![\w])([a-z0-9][a-z0-9\-]{1,30})\s*(?:[\[({]\s*(?:\.|dot)\s*[\])}]|\s+dot\s+)\s*("
    + _OBF_TLD + r")\b(?:\s*/\s*[a-z0-9]+)?",
    re.IGNORECASE,
)
# Shorteners written with spaced dots: "bit . ly / abc".
_SPACED_SHORT = re.compile(
    r"\b(bit|tinyurl|goo|ow|cutt|rb|is|tiny|shorturl|t|buff|rebrand)\s+\.\s+"
    r"(ly|com|gl|gd|cc|at|gy)\b", re.IGNORECASE)
# The spaced dot that _SPACED_SHORT needs: most posts have none, and its scan is slow.
_SPACED_DOT = re.compile(r"\s\.\s")
_HOST = re.compile(r"^(?:(?:https?|hxxps?)://)?([^/:?#\s]+)", re.IGNORECASE)
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


_HINT = re.compile(r"https?://|hxxps?://|www\.|\." + _TLD + r"\b", re.IGNORECASE)
_OBF_HINT = re.compile(r"\sdot\s|[\[({]\s*(?:\.|dot)\s*[\])}]", re.IGNORECASE)


def extract_links(text: str) -> list[tuple[str, tuple[int, int], bool]]:
    """(url, span, obfuscated) for every link written in the text."""
    out: list[tuple[str, tuple[int, int], bool]] = []
    if _HINT.search(text):
        out = [(m.group(0).rstrip(".,!?;:"), m.span(), m.group(0).lower().startswith("hxxp"))
               for m in _URL.finditer(text)]
    if _SPACED_DOT.search(text):
        out += [(f"{m.group(1).lower()}.{m.group(2).lower()}", m.span(), True)
                for m in _SPACED_SHORT.finditer(text)]
    if not _OBF_HINT.search(text):
        return out
    for m in _OBFUSCATED.finditer(text):
        if not any(s <= m.start() < e for _, (s, e), _ in out):
            tld = re.sub(r"\s*(?:dot|\.)\s*", ".", m.group(2).lower())
            out.append((f"{m.group(1).lower()}.{tld}", m.span(), True))
    return out


Found = tuple[str, str, "tuple[int, int] | None", bool]  # host, url, span, obfuscated


def _links(a: Analysis) -> list[Found]:
    """Every link in the post or the platform's expanded URLs, once per host, trusted
    domains left out; read once per post."""
    cached = a.notes.get("links")
    if cached is not None:
        return cached  # type: ignore[return-value]
    trusted = a.policy.link_lists.get("trusted", ())
    found = extract_links(a.text)
    found += [(u, None, False) for u in a.context.links]  # type: ignore[misc]
    out: list[Found] = []
    seen: set[str] = set()
    for url, span, obfuscated in found:
        host = host_of(url)
        if not host or host in seen or _listed(host, trusted):
            continue
        seen.add(host)
        out.append((host, url, span, obfuscated))
    a.notes["links"] = out
    return out


def _on_list(a: Analysis, host: str, list_id: str) -> str | None:
    return _listed(host, a.policy.link_lists.get(list_id, ()))


def listed_domain(a: Analysis) -> Hit | None:
    """A link to a domain on one of the policy's lists (adult, shock, scam, crypto).

    Bad: Check this out pornhub.com/view/123
    Good: Read more at https://www.nhs.uk/mental-health
    """
    for host, _, span, _ in _links(a):
        for list_id in ("adult", "shock", "scam", "crypto"):
            if _on_list(a, host, list_id):
                return Hit("upsetting_link.listed_domain", chars=span,
                           note=f"{host} ({list_id} list)", confidence=0.95)
    return None


def shortener(a: Analysis) -> Hit | None:
    """A shortened link; its destination cannot be checked without opening it.

    Bad: Look at this https://bit.ly/3xYz12
    Good: I got a bit lost finding the clinic
    """
    for host, _, span, _ in _links(a):
        if _on_list(a, host, "shorteners"):
            return Hit("upsetting_link.shortener", chars=span,
                       note=f"{host} (shorteners list)", confidence=0.7)
    return None


def obfuscated(a: Analysis) -> Hit | None:
    """A link written to dodge filters ("bit dot ly", "hxxp", "example[.]com").

    Bad: go to freeprizes dot com now
    Good: I bought a polka dot dress
    """
    for host, _, span, obf in _links(a):
        if obf and not any(_on_list(a, host, k) for k in _LIST_RULES):
            return Hit("upsetting_link.obfuscated", chars=span, note=host, confidence=0.7)
    return None


# Two-letter endings that are also words: "on the ward.it was cold" is a missing space.
_WORD_TLDS = frozenset({"it", "me", "at", "in", "is", "be", "no", "so", "to", "us", "do"})


def _real(url: str, host: str) -> bool:
    bare = not re.match(r"(?:https?|hxxps?)://|www\.", url, re.IGNORECASE)
    return not (bare and "/" not in url and host.rsplit(".", 1)[-1] in _WORD_TLDS)


def described(a: Analysis) -> Hit | None:
    """A link whose words say it shows gore, sexual or pro-eating-disorder material.

    Bad: Graphic video of the stabbing outside the hospital, watch here vidshare.net/v/88231
    Good: The video of the attack was horrific, I didn't watch it
    """
    words_at = [(s, e) for s, e in a.get("LINK_SHOCK") if not a.doc.quoted[s]]
    if not words_at or a.get("LINK_SAFE"):
        return None
    for host, url, span, _ in _links(a):
        if _real(url, host):
            return Hit("upsetting_link.described", chars=span,
                       note=f"{host}, described as {a.doc.snippet(*words_at[0])!r}",
                       confidence=0.8)
    return None


_LOOKALIKE = re.compile(r"(?:^|[.\-])(nhs|gov|govuk|hmrc|dwp)(?:[.\-]|$)|^(nhs|gov|hmrc)\w",
                           re.IGNORECASE)


# Government and health-service endings of other countries and nations are real, not lookalikes.
_OFFICIAL = re.compile(
    r"\.(?:gov|nhs|hscni|nhs\.scot|nhs\.wales)(?:\.[a-z]{2,3})?$|\.gov\.", re.IGNORECASE)


def lookalike(a: Analysis) -> Hit | None:
    """A domain dressed up as the NHS or the government that is not on the trusted list
    (nhs.uk, nhs.net and gov.uk cover their subdomains).

    Bad: NHS staff bonus payment, claim at nhs-staff-payments.net
    Good: Book your vaccine at https://www.nhs.uk/book-vaccine
    """
    for host, url, span, _ in _links(a):
        if _LOOKALIKE.search(host) and _real(url, host) and not _OFFICIAL.search(host):
            return Hit("upsetting_link.lookalike", chars=span, note=host, confidence=0.85)
    return None


RULE_FUNCTIONS = (listed_domain, shortener, obfuscated, described, lookalike)
RULES = rulekit.rule_ids(CATEGORY, RULE_FUNCTIONS)


def detect(a: Analysis) -> list[Hit]:
    return rulekit.run(a, RULE_FUNCTIONS)
