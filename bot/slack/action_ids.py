"""Slack action ids for every button on an alert: the only place these strings exist.

Builders put them on buttons and handlers register listeners for them, both by importing these
names, so a typo is an ImportError rather than a button that silently does nothing.
The `fw.` prefix keeps them apart from any other app's or modal's action ids.
"""

from __future__ import annotations

from bot.core import moderation_actions as catalogue

HIDE = catalogue.HIDE.action_id
UNHIDE = catalogue.UNHIDE.action_id
DELETE = catalogue.DELETE.action_id
BLOCK = catalogue.BLOCK.action_id
MUTE = catalogue.MUTE.action_id
REPORT = catalogue.REPORT.action_id
REPLY = catalogue.REPLY.action_id
# Facebook private reply to a comment, or an X direct message: one action, labelled per platform.
PRIVATE_MESSAGE = catalogue.PRIVATE_MESSAGE.action_id
ESCALATE = catalogue.ESCALATE.action_id
CLAIM = catalogue.CLAIM.action_id
# The people picker on an alert: hands it to a colleague (its block id carries the mention).
ASSIGN = catalogue.ASSIGN.action_id
NO_ACTION = catalogue.NO_ACTION.action_id
FLAG_WRONG = catalogue.FLAG_WRONG.action_id
REVEAL_PI = "fw.reveal_pi"
# A link button: Slack opens the URL itself but still sends an action that must be acked.
OPEN_ORIGINAL = "fw.open_original"
# The message shortcut "Check with feedwatch" (a callback id, not an action id).
CHECK_MESSAGE = "fw.check_message"
# Overflow menus on an alert. Each option's value is "<action id>|<mention id>", so choosing
# "Hide" in a menu reaches the same listener as a Hide button would.
MORE = "fw.more"  # the rest of the team's steps (claim, close, override, reveal)
MODERATE = "fw.moderate"  # steps that change the post or its author on the platform
MENUS: tuple[str, ...] = (MORE, MODERATE)
OPTION_SEPARATOR = "|"

ALL: tuple[str, ...] = (
    HIDE,
    UNHIDE,
    DELETE,
    BLOCK,
    MUTE,
    REPORT,
    REPLY,
    PRIVATE_MESSAGE,
    ESCALATE,
    CLAIM,
    ASSIGN,
    NO_ACTION,
    FLAG_WRONG,
    REVEAL_PI,
    OPEN_ORIGINAL,
    MORE,
    MODERATE,
)

# Actions that change or remove something on the platform: their buttons carry a confirm dialog.
DESTRUCTIVE: frozenset[str] = catalogue.DESTRUCTIVE_BUTTONS


def option_value(action: str, mention_db_id: int) -> str:
    return f"{action}{OPTION_SEPARATOR}{mention_db_id}"


def parse_option(value: str) -> tuple[str, str] | None:
    """(action id, mention id text) from a menu option's value; None when it names no action."""
    action, sep, mention = value.partition(OPTION_SEPARATOR)
    if not sep or action not in ALL or action in MENUS:
        return None
    return action, mention
