"""The pieces of a mention alert, each a pure function returning Block Kit model objects.

Everything that came from the platform is sanitised and escaped here (via bot.slack.escape)
and cut to fit, so the assembled message is within Block Kit limits whatever the input.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from slack_sdk.models.blocks import ImageBlock, MarkdownTextObject, SectionBlock

from bot.core.models import (
    FACEBOOK,
    KIND_COMMENT,
    KIND_NAMES,
    PLATFORM_NAMES,
    Author,
    Media,
    Mention,
    X,
)
from bot.slack.alert_words import category_words
from bot.slack.escape import clean_url, link, safe, sanitize, truncate
from bot.slack.limits import IMAGE_ALT, SECTION_TEXT
from bot.slack.masking import mask_evidence
from policy.decision import Decision

TEXT_SHOWN = 300  # characters of post text shown (about three lines) before "read it all"
THREAD_SHOWN = 150  # characters of the post it answers: one line
MAX_IMAGES = 4
MAX_LINKS = 10
# Image blocks make Slack fetch the URL: only the platforms' own media hosts, so a post cannot
# make Slack load an arbitrary (tracking) address.
_MEDIA_HOSTS = {X: ("pbs.twimg.com",), FACEBOOK: ("fbcdn.net",)}


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


def post_section(shown_text: str, mention: Mention, when: str) -> SectionBlock:
    """Who wrote it, where and when, then the text: escaped, quoted, cut with a link."""
    author = author_label(mention.author)
    who = link(mention.author.url, author) if mention.author.url else truncate(safe(author), 200)
    account = truncate(safe(mention.account), 100)
    where = f"{safe(platform_name(mention))} {safe(kind_name(mention))} to {account}"
    return section(f"*{who}* · {where} · {when}\n{_quoted(shown_text, mention)}", "fw_post")


def _quoted(shown_text: str, mention: Mention) -> str:
    # Quoted, so the post cannot pass for our own lines.
    escaped = safe(shown_text).strip()
    if not escaped:
        return "_(no text)_"
    quoted = "\n".join(f"> {line}" for line in escaped.split("\n"))
    if len(quoted) <= TEXT_SHOWN:
        return quoted
    original = link(mention.permalink, "read it all") if clean_url(mention.permalink) else ""
    where = safe(platform_name(mention))
    note = f" ({original})" if original else f" (the full text is on {where})"
    return truncate(quoted, TEXT_SHOWN) + note


def thread_line(mention: Mention) -> str | None:
    """One line of what the post answers: the post it replies to, or the post a comment is on."""
    parent = " ".join(sanitize(mention.parent_text).split())
    if not parent:
        return None
    replying = "On the post" if mention.kind in (KIND_COMMENT,) else "Replying to"
    return f"↩ {replying}: “{truncate(safe(parent), THREAD_SHOWN)}”"


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


def flags_section(decision: Decision, hidden_pi: list[str]) -> SectionBlock | None:
    """Each flag in plain words with its evidence; rule ids stay in the Details line."""
    if not decision.flags:
        return None
    ordered = sorted(decision.flags, key=lambda f: -f.severity)
    # What the policy found and set aside (for example swearing in a post about someone's own
    # distress) is said in words, so nobody takes its absence for "not there".
    lines: list[str] = ([
        "*Also found, not acted on:* " + truncate(safe(", ".join(
            category_words(c) for c in decision.suppressed)), 300)]
        if decision.suppressed else [])
    budget = SECTION_TEXT - 80  # room for the "and N more" line
    for i, flag in enumerate(ordered):
        evidence = truncate(safe(mask_evidence(flag, hidden_pi)), 200)
        why = truncate(safe(flag.explanation), 300)
        line = (
            f"• *{safe(category_words(flag.category))}* ({flag.severity.word})"
            + (f": “{evidence}”" if evidence else "")
            + (f" — {why}" if why else "")
        )
        if len("\n".join([*lines, line])) > budget:
            lines.append(f"… and {len(ordered) - i} more (see the evidence pack)")
            break
        lines.append(line)
    return section("\n".join(lines), "fw_flags")


def details_line(decision: Decision, mention_db_id: int, suppressed: tuple[str, ...]) -> str:
    """For the people who maintain the policy: rule ids, policy version, feedwatch number."""
    rules = sorted({f.rule_id for f in decision.flags})
    parts = ["Details"]
    if rules:
        parts.append("rules " + ", ".join(truncate(safe(r), 100) for r in rules[:10]))
    if suppressed:
        parts.append("not shown: " + ", ".join(truncate(safe(c), 40) for c in suppressed[:10]))
    if decision.policy_version:
        parts.append(f"policy {truncate(safe(decision.policy_version), 50)}")
    parts.append(f"feedwatch #{mention_db_id}")
    return " · ".join(parts)
