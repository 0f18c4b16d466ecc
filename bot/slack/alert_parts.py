"""The pieces of a mention alert, each a pure function returning Block Kit model objects.

Everything that came from the platform is sanitised and escaped here (via bot.slack.escape)
and cut to fit, so the assembled message is within Block Kit limits whatever the input.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from slack_sdk.models.blocks import ImageBlock, MarkdownTextObject, SectionBlock

from bot.core.models import FACEBOOK, KIND_NAMES, PLATFORM_NAMES, Author, Media, Mention, X
from bot.slack.escape import clean_url, link, safe, sanitize, truncate
from bot.slack.limits import IMAGE_ALT, SECTION_TEXT
from bot.slack.masking import mask_evidence
from policy.categories import (
    ACTION_ESCALATE,
    ACTION_HIDE,
    ACTION_LEAD_DECISION,
    ACTION_NONE,
    ACTION_REPLY,
    ACTION_REPORT,
)
from policy.decision import Decision

TEXT_SHOWN = 2500  # characters of post text shown before "cut — see the original"
MAX_IMAGES = 4
MAX_LINKS = 10
# Image blocks make Slack fetch the URL: only the platforms' own media hosts, so a post cannot
# make Slack load an arbitrary (tracking) address.
_MEDIA_HOSTS = {X: ("pbs.twimg.com",), FACEBOOK: ("fbcdn.net",)}
_ACTION_WORDS = {
    ACTION_NONE: "no action needed",
    ACTION_HIDE: "hide",
    ACTION_REPORT: "report",
    ACTION_REPLY: "reply",
    ACTION_ESCALATE: "escalate",
    ACTION_LEAD_DECISION: "a lead decides",
}


def mrkdwn(text: str) -> MarkdownTextObject:
    # verbatim: Slack must not auto-link names or parse mentions in text we did not write.
    # sanitize again on the whole: whatever a caller forgot, the text still encodes.
    return MarkdownTextObject(text=truncate(sanitize(text), SECTION_TEXT) or "(empty)",
                              verbatim=True)


def section(text: str, block_id: str | None = None) -> SectionBlock:
    return SectionBlock(text=mrkdwn(text), block_id=block_id)


def platform_name(mention: Mention) -> str:
    """Display name, unescaped (an unknown platform id is shown as given, cut short)."""
    known = PLATFORM_NAMES.get(mention.platform)
    return known or truncate(sanitize(mention.platform), 30) or "Unknown platform"


def kind_name(mention: Mention) -> str:
    """Kind in words, unescaped."""
    return KIND_NAMES.get(mention.kind) or truncate(sanitize(mention.kind), 30) or "post"


def author_label(author: Author) -> str:
    """Unescaped: 'Name (@handle)', 'Name', '@handle' or the platform id."""
    handle = f"@{author.handle}" if author.handle else ""
    if author.name and handle:
        return f"{author.name} ({handle})"
    return author.name or handle or author.id or "unknown author"


def meta_section(mention: Mention, when: str) -> SectionBlock:
    author = author_label(mention.author)
    who = link(mention.author.url, author) if mention.author.url else truncate(safe(author), 200)
    account = truncate(safe(mention.account), 100)
    text = (
        f"*Platform:* {safe(platform_name(mention))} · *Account:* {account} · "
        f"*Kind:* {safe(kind_name(mention))}\n*From:* {who} · {when}"
    )
    return section(text, "fw_meta")


def text_section(shown_text: str, mention: Mention) -> SectionBlock:
    """The post text, escaped, quoted (so it cannot pass for our own lines), cut if long."""
    escaped = safe(shown_text).strip()
    if not escaped:
        return section("_(no text)_", "fw_text")
    quoted = "\n".join(f"> {line}" for line in escaped.split("\n"))
    if len(quoted) <= TEXT_SHOWN:
        return section(quoted, "fw_text")
    where = safe(platform_name(mention))
    original = link(mention.permalink, "see the original") if clean_url(mention.permalink) else ""
    note = f"\n(cut — {original})" if original else f"\n(cut — the full text is on {where})"
    budget = min(TEXT_SHOWN, SECTION_TEXT - len(note))
    return section(truncate(quoted, budget) + note, "fw_text")


def _on_platform_host(url: str, platform: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return url.startswith("https://") and any(
        host == h or host.endswith("." + h) for h in _MEDIA_HOSTS.get(platform, ())
    )


def media_blocks(mention: Mention) -> list[ImageBlock | SectionBlock]:
    """Photos on the platform's own host as images (with alt text); everything else as links."""
    images: list[ImageBlock | SectionBlock] = []
    lines: list[str] = []
    for item in mention.media:
        url = clean_url(item.url or item.preview_url)
        if item.type == "photo" and url and len(images) < MAX_IMAGES and _on_platform_host(
            url, mention.platform
        ):
            images.append(ImageBlock(image_url=url, alt_text=_alt_text(item)))
        else:
            lines.append(_media_line(item))
    if lines:
        images.append(section(_listing("*Media:*", lines), "fw_media"))
    return images


def _listing(title: str, lines: list[str]) -> str:
    """A titled list cut to whole lines, saying how many were left out."""
    shown = [title]
    for i, line in enumerate(lines):
        if i == MAX_LINKS or len("\n".join([*shown, line])) > SECTION_TEXT - 40:
            return "\n".join([*shown, f"… and {len(lines) - i} more"])
        shown.append(line)
    return "\n".join(shown)


def _alt_text(item: Media) -> str:
    alt = " ".join(sanitize(item.alt_text).split())
    return truncate(alt, IMAGE_ALT) if alt else "Photo attached to the post (no description given)"


def _media_line(item: Media) -> str:
    kind = safe(item.type.replace("_", " ") or "media")
    url = item.url or item.preview_url
    described = f" — {truncate(safe(item.alt_text), 200)}" if item.alt_text.strip() else ""
    return f"• {kind}: {link(url, 'open') if url else '(no link)'}{described}"


def links_section(mention: Mention) -> SectionBlock | None:
    if not mention.links:
        return None
    # The label is the URL itself, so a moderator sees where a link really goes.
    lines = [f"• {link(url, truncate(url, 100))}" for url in mention.links]
    return section(_listing("*Links:*", lines), "fw_links")


def flags_section(decision: Decision, hidden_pi: list[str]) -> SectionBlock:
    set_aside = ("*Also found, not acted on:* " + safe(", ".join(decision.suppressed))
                 if decision.suppressed else "")
    if not decision.flags:
        return section("\n".join(["*Policy flags:* none", set_aside]).strip(), "fw_flags")
    ordered = sorted(decision.flags, key=lambda f: -f.severity)
    lines = ["*Policy flags:*", *([set_aside] if set_aside else [])]
    if decision.report_suggested:
        lines.append("*Report suggested* — a lead decides: report it, or close it with "
                     "Flag is wrong.")
    budget = SECTION_TEXT - 80  # room for the "and N more" line
    for i, flag in enumerate(ordered):
        evidence = truncate(safe(mask_evidence(flag, hidden_pi)), 200)
        why = truncate(safe(flag.explanation), 300)
        line = (
            f"• *{flag.severity.name}* — {safe(flag.category)} "
            f"(rule {truncate(safe(flag.rule_id), 100)})"
            + (f": “{evidence}”" if evidence else "")
            + (f" — {why}" if why else "")
        )
        if len("\n".join([*lines, line])) > budget:
            lines.append(f"… and {len(ordered) - i} more flags (see the evidence pack)")
            break
        lines.append(line)
    return section("\n".join(lines), "fw_flags")


def suggestion_section(decision: Decision) -> SectionBlock:
    action = _ACTION_WORDS.get(decision.action, decision.action)
    if decision.action == ACTION_REPLY and decision.template:
        action += f" with the template “{decision.template}”"
    if decision.action == ACTION_ESCALATE and decision.escalate_to:
        action += f" to {decision.escalate_to}"
    text = f"*Suggested action:* {safe(action)}"
    if decision.explanation:
        text += f" — {truncate(safe(decision.explanation), 1000)}"
    return section(text, "fw_suggestion")
