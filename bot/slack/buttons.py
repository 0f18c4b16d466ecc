"""Which moderation steps an alert offers, per platform, kind and state, and how they are laid out.

What is offered is data so tests can check it row by row. Rules that shape it: nobody can delete
someone else's tweet, so X never gets Delete; X hides replies only in conversations the account
started; DMs cannot be hidden or reported from the API.

How it is laid out follows the inboxes teams already use: the suggested step is the one primary
button, two or three more buttons follow, and the rest sit in two overflow menus (the team's own
steps, and the steps that change something on the platform, which confirm first). Delete and Block
are never first, and never the primary button.
"""

from __future__ import annotations

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ConfirmObject,
    Option,
    OverflowMenuElement,
)

from bot.core import moderation_actions as catalogue
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
from bot.slack.alert_parts import author_label, kind_name, platform_name
from bot.slack.escape import sanitize, truncate
from policy.categories import (
    ACTION_ESCALATE,
    ACTION_HIDE,
    ACTION_LEAD_DECISION,
    ACTION_NONE,
    ACTION_REPLY,
    ACTION_REPORT,
    PRAISE,
)
from policy.decision import Decision

_FB_POST_KINDS = frozenset({KIND_COMMENT, KIND_REPLY, KIND_VISITOR_POST, KIND_TAG})
# On the Page itself, so the Page can hide or delete them. A tag is a post on someone else's
# timeline: the Page can only block its author or report it.
_FB_ON_PAGE = frozenset({KIND_COMMENT, KIND_REPLY, KIND_VISITOR_POST})
# Facebook's private reply works on comments only (POST /{page-id}/messages, comment_id).
_FB_PRIVATE_REPLY = frozenset({KIND_COMMENT, KIND_REPLY})
_WORKFLOW = (A.ESCALATE, A.CLAIM, A.NO_ACTION, A.FLAG_WRONG)
# Display order within each row, whatever order the table lists them in.
_PLATFORM_ROW = (A.HIDE, A.UNHIDE, A.DELETE, A.BLOCK, A.MUTE, A.REPORT)

_LABELS = {**catalogue.LABEL_OF_BUTTON, A.REVEAL_PI: "Reveal personal info"}
_DANGER = catalogue.DANGER_BUTTONS
_NO_ANGLES = str.maketrans("", "", "<>")
SECONDARY_BUTTONS = 3
MENU_OPTIONS = 5  # Slack's limit for an overflow menu
ACCESSIBLE_LABEL = 75  # Slack's limit for a button's accessibility_label
# The steps worth a button of their own after the primary one, best first, per situation.
_SECONDARY_CRISIS = (A.ESCALATE, A.CLAIM, A.REPLY)
_SECONDARY_PRAISE = (A.NO_ACTION,)
_SECONDARY = (A.UNHIDE, A.REPLY, A.ESCALATE, A.CLAIM, A.NO_ACTION, A.FLAG_WRONG)


def _is_public_post(mention: Mention) -> bool:
    """A post or comment (not a DM) on a platform we know how to act on."""
    if mention.platform == FACEBOOK:
        return mention.kind in _FB_POST_KINDS
    return mention.platform == X and mention.kind != KIND_DM


def _hide_exists(mention: Mention) -> bool:
    if mention.platform == FACEBOOK:
        return mention.kind in _FB_ON_PAGE
    return _is_public_post(mention) and mention.kind == KIND_REPLY


def can_hide(mention: Mention) -> bool:
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
    if not hidden and not closed and can_hide(mention):
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


def _label(action: str, mention: Mention, decision: Decision, crisis: bool) -> str:
    if action == A.PRIVATE_MESSAGE:
        word = "DM" if mention.platform == X else "Private message"
        return f"{word} with crisis help" if crisis else word
    if action == A.REPLY:
        if mention.kind == KIND_DM:
            return "Reply (DM)"
        if crisis:
            return "Reply in public"
        if PRAISE in decision.categories:
            return "Reply (thank)"
    if action == A.NO_ACTION and (PRAISE in decision.categories or not decision.flags):
        return "Done"
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
        A.REPLY: (
            "Reply in public?",
            f"Everyone on {where} will see the reply and that this person may be at risk. "
            "A private message is usually kinder and safer.",
            "Reply in public",
        ),
    }
    title, text, confirm = dialogs[action]
    style = "danger" if action in _DANGER else None
    return ConfirmObject(title=title, text=text, confirm=confirm, deny="Cancel", style=style)


def _menu_confirm(mention: Mention) -> ConfirmObject:
    where = PLATFORM_NAMES.get(mention.platform, "the platform")
    return ConfirmObject(
        title=f"Act on {where}?",
        text=f"This changes the post or its author on {where}. Delete, Block and Report ask "
             "for a reason next; the author is told why first, where the platform allows.",
        confirm="Go ahead", deny="Cancel")


def post_name(mention: Mention) -> str:
    """Plain words naming the post, for screen readers: 'X reply from Dave (@angry_dave)'."""
    # Plain text is never parsed by Slack, but `<!channel>` in a name must not even look like
    # a ping in what we send: angle brackets carry nothing for a screen reader anyway.
    who = " ".join(sanitize(author_label(mention.author)).translate(_NO_ANGLES).split())
    return f"{platform_name(mention)} {kind_name(mention)} from {who}"


def _button(action: str, view: Layout, *, primary: bool = False) -> ButtonElement:
    mention = view.mention
    needs_confirm = action in A.DESTRUCTIVE or (action == A.REPLY and view.crisis
                                                and mention.kind != KIND_DM)
    label = _label(action, mention, view.decision, view.crisis)
    return ButtonElement(
        text=label, action_id=action, value=str(view.mention_db_id),
        confirm=_confirm(action, mention) if needs_confirm else None,
        style="danger" if action in _DANGER else ("primary" if primary else None),
        accessibility_label=truncate(f"{label}: {post_name(mention)}", ACCESSIBLE_LABEL),
    )


def _menu(action_id: str, actions: list[str], view: Layout) -> OverflowMenuElement:
    options = [Option(text=_label(a, view.mention, view.decision, view.crisis),
                      value=A.option_value(a, view.mention_db_id)) for a in actions]
    confirm = _menu_confirm(view.mention) if action_id == A.MODERATE else None
    return OverflowMenuElement(action_id=action_id, options=options, confirm=confirm)


class Layout:
    """What the layout needs to know about one alert."""

    def __init__(self, mention: Mention, decision: Decision, mention_db_id: int, *,
                 crisis: bool) -> None:
        self.mention, self.decision, self.mention_db_id = mention, decision, mention_db_id
        self.crisis = crisis


def primary_action(mention: Mention, decision: Decision, offered: list[str], *,
                   crisis: bool) -> str | None:
    """The one step the alert suggests, as a button that exists for this platform and kind."""
    if crisis:
        # A person who may be at risk is answered privately first; a public reply is never
        # the default (it tells everyone they may be at risk).
        choices: tuple[str, ...] = (A.PRIVATE_MESSAGE, A.REPLY if mention.kind == KIND_DM
                                    else A.ESCALATE, A.ESCALATE)
    elif decision.report_suggested or decision.action == ACTION_LEAD_DECISION:
        choices = (A.REPORT, A.ESCALATE)
    elif decision.action == ACTION_HIDE:
        # X cannot hide a mention or a reply elsewhere: reporting it is the nearest step.
        choices = (A.HIDE, A.REPORT, A.ESCALATE)
    elif decision.action == ACTION_REPORT:
        choices = (A.REPORT, A.ESCALATE)
    elif decision.action == ACTION_REPLY:
        choices = (A.REPLY,)
    elif decision.action == ACTION_ESCALATE:
        choices = (A.ESCALATE,)
    elif decision.action == ACTION_NONE:
        choices = (A.NO_ACTION,)
    else:
        choices = ()
    return next((a for a in choices if a in offered and a not in _DANGER), None)


def arrange(offered: list[str], primary: str | None, *, crisis: bool,
            praise: bool) -> tuple[list[str], list[str], list[str]]:
    """(buttons, team menu, platform menu): primary first, then up to three more buttons."""
    shown = [primary] if primary else []
    preferred = _SECONDARY_CRISIS if crisis else _SECONDARY_PRAISE if praise else _SECONDARY
    for action in preferred:
        if len(shown) > SECONDARY_BUTTONS:
            break
        if action in offered and action not in shown:
            shown.append(action)
    rest = [a for a in offered if a not in shown]
    platform = [a for a in rest if a in _PLATFORM_ROW]
    team = [a for a in rest if a not in _PLATFORM_ROW]
    return shown, team[:MENU_OPTIONS], platform[:MENU_OPTIONS]


def action_rows(
    mention: Mention,
    decision: Decision,
    mention_db_id: int,
    *,
    hidden: bool,
    closed: bool,
    masked: bool,
    crisis: bool = False,
    unavailable: frozenset[str] = frozenset(),
) -> list[ActionsBlock]:
    """One row: the primary button, up to three more, then the overflow menus.

    Buttons and options carry the mention's database id and nothing else.
    """
    offered = (platform_actions(mention, hidden=hidden, closed=closed, crisis=crisis,
                                unavailable=unavailable)
               + workflow_actions(mention, closed=closed, masked=masked))
    layout = Layout(mention, decision, mention_db_id, crisis=crisis)
    # Once hidden, the suggested hide is done: nothing else stands in for it.
    done = closed or (hidden and decision.action == ACTION_HIDE)
    primary = None if done else primary_action(mention, decision, offered, crisis=crisis)
    shown, team, platform = arrange(offered, primary, crisis=crisis,
                                    praise=PRAISE in decision.categories and not crisis)
    elements: list[ButtonElement | OverflowMenuElement] = [
        _button(a, layout, primary=a == primary) for a in shown]
    if team:
        elements.append(_menu(A.MORE, team, layout))
    if platform:
        elements.append(_menu(A.MODERATE, platform, layout))
    return [ActionsBlock(block_id="fw_actions", elements=elements)] if elements else []


def closed_menu(mention: Mention, decision: Decision, mention_db_id: int, *,
                hidden: bool, masked: bool) -> OverflowMenuElement | None:
    """The few steps left on a handled alert (undo a hide, override the flags, reveal)."""
    offered = (platform_actions(mention, hidden=hidden, closed=True)
               + workflow_actions(mention, closed=True, masked=masked))
    layout = Layout(mention, decision, mention_db_id, crisis=False)
    return _menu(A.MORE, offered[:MENU_OPTIONS], layout) if offered else None
