"""Which moderation buttons an alert offers, per platform, kind and state.

The table is data so it reads like the issue and tests can check it row by row. Rules that shape
it: nobody can delete someone else's tweet, so X never gets Delete; X hides replies only in
conversations the account started; DMs cannot be hidden or reported from the API.
"""

from __future__ import annotations

from slack_sdk.models.blocks import ActionsBlock, ButtonElement, ConfirmObject

from bot.core.models import (
    FACEBOOK,
    KIND_COMMENT,
    KIND_DM,
    KIND_NAMES,
    KIND_REPLY,
    KIND_TAG,
    KIND_VISITOR_POST,
    PLATFORM_NAMES,
    Mention,
    X,
)
from bot.slack import action_ids as A

_FB_POST_KINDS = frozenset({KIND_COMMENT, KIND_REPLY, KIND_VISITOR_POST, KIND_TAG})
# On the Page itself, so the Page can hide or delete them. A tag is a post on someone else's
# timeline: the Page can only block its author or report it.
_FB_ON_PAGE = frozenset({KIND_COMMENT, KIND_REPLY, KIND_VISITOR_POST})
# Facebook's private reply works on comments only (POST /{page-id}/messages, comment_id).
_FB_PRIVATE_REPLY = frozenset({KIND_COMMENT, KIND_REPLY})
_WORKFLOW = (A.ESCALATE, A.CLAIM, A.NO_ACTION, A.FLAG_WRONG)
# Display order within each row, whatever order the table lists them in.
_PLATFORM_ROW = (A.HIDE, A.UNHIDE, A.DELETE, A.BLOCK, A.MUTE, A.REPORT)

_LABELS = {
    A.HIDE: "Hide",
    A.UNHIDE: "Unhide",
    A.DELETE: "Delete",
    A.BLOCK: "Block",
    A.MUTE: "Mute",
    A.REPORT: "Report",
    A.REPLY: "Reply",
    A.ESCALATE: "Escalate",
    A.CLAIM: "Claim",
    A.NO_ACTION: "No action",
    A.FLAG_WRONG: "Flag is wrong",
    A.REVEAL_PI: "Reveal personal info",
}
_DANGER = frozenset({A.DELETE, A.BLOCK})


def _is_public_post(mention: Mention) -> bool:
    """A post or comment (not a DM) on a platform we know how to act on."""
    if mention.platform == FACEBOOK:
        return mention.kind in _FB_POST_KINDS
    return mention.platform == X and mention.kind != KIND_DM


def _hide_exists(mention: Mention) -> bool:
    if mention.platform == FACEBOOK:
        return mention.kind in _FB_ON_PAGE
    return _is_public_post(mention) and mention.kind == KIND_REPLY


def _can_hide(mention: Mention) -> bool:
    # X: PUT /2/tweets/{id}/hidden works only on replies in conversations the account started.
    return _hide_exists(mention) and (mention.platform == FACEBOOK or mention.in_own_conversation)


def platform_actions(mention: Mention, *, hidden: bool, closed: bool,
                     crisis: bool = False, unavailable: frozenset[str] = frozenset()
                     ) -> list[str]:
    """Action ids for the platform row (hide/unhide, delete, block, mute, report).

    A post flagged crisis is never hidden, removed, blocked or reported: a person in crisis
    gets help, not moderation. Only undoing an earlier hide stays possible. If the flag is
    wrong, "Flag is wrong" removes it and the buttons come back. `unavailable` names actions
    ("block") the account's API access does not allow: a button is never offered for them.
    """
    ids: set[str] = set()
    if hidden and _hide_exists(mention):
        # Once hidden, undoing must stay possible, even on a closed alert.
        ids.add(A.UNHIDE)
    if crisis:
        return [a for a in _PLATFORM_ROW if a in ids]
    if not hidden and not closed and _can_hide(mention):
        ids.add(A.HIDE)
    if not closed:
        if mention.platform == FACEBOOK and mention.kind in _FB_POST_KINDS:
            ids |= {A.BLOCK, A.REPORT}
            if mention.kind in _FB_ON_PAGE:
                ids.add(A.DELETE)
        elif mention.platform == X and mention.kind == KIND_DM:
            ids |= {A.BLOCK, A.MUTE}
        elif mention.platform == X:
            ids |= {A.BLOCK, A.MUTE, A.REPORT}
    if "block" in unavailable:
        ids.discard(A.BLOCK)
    return [a for a in _PLATFORM_ROW if a in ids]


def workflow_actions(mention: Mention, *, closed: bool, masked: bool) -> list[str]:
    """Action ids for the second row (reply, message, escalate, claim, close, override)."""
    ids: list[str] = []
    if not closed:
        ids.append(A.REPLY)
        if _is_public_post(mention) and (mention.platform == X
                                         or mention.kind in _FB_PRIVATE_REPLY):
            ids.append(A.PRIVATE_MESSAGE)
        ids.extend(_WORKFLOW)
    else:
        ids.append(A.FLAG_WRONG)
    if masked:
        ids.append(A.REVEAL_PI)
    return ids


def _label(action: str, mention: Mention) -> str:
    if action == A.PRIVATE_MESSAGE:
        return "DM" if mention.platform == X else "Private message"
    if action == A.REPLY and mention.kind == KIND_DM:
        return "Reply (DM)"
    return _LABELS[action]


def _confirm(action: str, mention: Mention) -> ConfirmObject:
    # Only our own words in dialogs: an unexpected platform or kind id is never shown here.
    where = PLATFORM_NAMES.get(mention.platform, "the platform")
    kind = KIND_NAMES.get(mention.kind, "post")
    told = "The author is told why first, where the platform allows."
    dialogs = {
        A.HIDE: (f"Hide this {kind}?", f"It will be hidden on {where}. {told}", "Hide"),
        A.DELETE: (
            f"Delete this {kind}?",
            f"It will be deleted from {where} for good. You will be asked for a reason. {told}",
            "Delete",
        ),
        A.BLOCK: (
            "Block this author?",
            f"They will be blocked on {where}. You will be asked for a reason. {told}",
            "Block",
        ),
        A.MUTE: ("Mute this author?", f"The account will mute them on {where}.", "Mute"),
        A.REPORT: (
            f"Report this {kind}?",
            f"You will choose: report to {where}, to the police, or both.",
            "Continue",
        ),
    }
    title, text, confirm = dialogs[action]
    style = "danger" if action in _DANGER else None
    return ConfirmObject(title=title, text=text, confirm=confirm, deny="Cancel", style=style)


def _button(action: str, mention: Mention, value: str) -> ButtonElement:
    confirm = _confirm(action, mention) if action in A.DESTRUCTIVE else None
    style = "danger" if action in _DANGER else None
    return ButtonElement(
        text=_label(action, mention), action_id=action, value=value, confirm=confirm, style=style
    )


def action_rows(
    mention: Mention,
    mention_db_id: int,
    *,
    hidden: bool,
    closed: bool,
    masked: bool,
    original_url: str | None,
    crisis: bool = False,
    unavailable: frozenset[str] = frozenset(),
) -> list[ActionsBlock]:
    """Up to two rows of buttons; values carry the mention's database id and nothing else."""
    value = str(mention_db_id)
    first = [_button(a, mention, value) for a in platform_actions(
        mention, hidden=hidden, closed=closed, crisis=crisis, unavailable=unavailable)]
    second = [_button(a, mention, value)
              for a in workflow_actions(mention, closed=closed, masked=masked)]
    if original_url:
        where = PLATFORM_NAMES.get(mention.platform, "the platform")
        second.append(ButtonElement(text=f"Open on {where}", action_id=A.OPEN_ORIGINAL,
                                    url=original_url, value=value))
    rows = []
    if first:
        rows.append(ActionsBlock(block_id="fw_platform", elements=first))
    if second:
        rows.append(ActionsBlock(block_id="fw_workflow", elements=second))
    return rows
