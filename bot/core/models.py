"""Platform-neutral domain objects passed between sources, pipeline, store and Slack."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# Platforms
X = "x"
FACEBOOK = "facebook"
PLATFORM_NAMES = {X: "X", FACEBOOK: "Facebook"}

# Kinds of item. X: mention, reply, quote, dm. Facebook adds comment, reply, visitor_post, tag, dm.
KIND_MENTION = "mention"
KIND_REPLY = "reply"
KIND_QUOTE = "quote"
KIND_DM = "dm"
KIND_COMMENT = "comment"
KIND_VISITOR_POST = "visitor_post"
KIND_TAG = "tag"
KINDS = (
    KIND_MENTION,
    KIND_REPLY,
    KIND_QUOTE,
    KIND_DM,
    KIND_COMMENT,
    KIND_VISITOR_POST,
    KIND_TAG,
)
KIND_NAMES = {
    KIND_MENTION: "mention",
    KIND_REPLY: "reply",
    KIND_QUOTE: "quote post",
    KIND_DM: "direct message",
    KIND_COMMENT: "comment",
    KIND_VISITOR_POST: "visitor post",
    KIND_TAG: "tag",
}


@dataclass(frozen=True)
class Author:
    id: str
    handle: str = ""  # X @handle without the @; empty on Facebook
    name: str = ""
    url: str = ""  # profile link


@dataclass(frozen=True)
class Media:
    key: str
    type: str  # photo, video, animated_gif, audio
    url: str = ""  # direct media URL on the platform's own host
    preview_url: str = ""
    alt_text: str = ""


@dataclass(frozen=True)
class Mention:
    """One inbound item from a platform, as a source hands it to the pipeline."""

    platform: str
    account: str  # the configured account/Page name it came to
    external_id: str
    kind: str
    author: Author
    text: str
    created_at: datetime  # timezone-aware UTC
    permalink: str = ""
    conversation_id: str = ""
    parent_id: str = ""  # the post/tweet it replies to or comments on
    media: tuple[Media, ...] = ()
    links: tuple[str, ...] = ()  # expanded URLs
    raw: dict[str, Any] = field(default_factory=dict)
    # True when the account started the conversation (X: hide_reply works only then).
    in_own_conversation: bool = False
    # The platform's language tag (X's `lang`, e.g. "en", "pl", "und"); "" when none is sent.
    lang: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.platform, self.account, self.external_id)
