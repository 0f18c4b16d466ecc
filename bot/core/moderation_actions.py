"""Every moderation action feedwatch knows, in one catalogue.

Each action is described once: what the ledger and the audit log call it, the Slack action id
of its button, the words the team reads (label, verb, the line once it is done), and how the
moderation service must treat it (safe to repeat after a crash, a message that cannot be
checked, the author told why first, whether the trust may keep it for leads, whether its button
opens a modal, where it exists). The ledger, the outcomes, the buttons, the handlers and the
settings all read it here, so adding an action touches this file and the code that performs it.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.models import FACEBOOK, X


@dataclass(frozen=True)
class ModerationAction:
    id: str  # the name in the ledger, the audit log and LEAD_ONLY_ACTIONS
    label: str  # the button's words, and the name a private answer starts with
    verb: str  # "Only a lead can {verb} this post"
    action_id: str = ""  # the Slack button's action id ("" for actions with no button)
    done_line: str = ""  # on the alert once done; {p} is the platform's name
    idempotent: bool = False  # safe to make so again after a crash (its effect read back)
    sends: bool = False  # a message to the author: cannot be checked or repeated after a crash
    tells_author_first: bool = False  # the policy's promise: the author is told why before it
    lead_limitable: bool = False  # the trust may keep it for leads (LEAD_ONLY_ACTIONS)
    opens_modal: bool = False  # its button asks for a reason, a template or a target first
    destructive: bool = False  # changes or removes something on the platform: a confirm dialog
    danger: bool = False  # cannot be undone from Slack: a red button, never the first one
    writes_platform: bool = False  # performed by the moderation service on the platform
    platforms: frozenset[str] = frozenset({X, FACEBOOK})

    @property
    def direct(self) -> bool:
        """A button that acts at once (after its confirm), with no modal."""
        return bool(self.action_id) and not self.opens_modal


HIDE = ModerationAction("hide", "Hide", "hide", "fw.hide", "Hidden on {p}", idempotent=True,
                        tells_author_first=True, destructive=True, writes_platform=True)
UNHIDE = ModerationAction("unhide", "Unhide", "unhide", "fw.unhide", "Unhidden on {p}",
                          idempotent=True, writes_platform=True)
DELETE = ModerationAction("delete", "Delete", "delete", "fw.delete", "Deleted from {p}",
                          idempotent=True, tells_author_first=True, lead_limitable=True,
                          opens_modal=True, destructive=True, danger=True,
                          writes_platform=True)
BLOCK = ModerationAction("block", "Block", "block the author of", "fw.block",
                         "Author blocked on {p}", idempotent=True, tells_author_first=True,
                         lead_limitable=True, opens_modal=True, destructive=True, danger=True,
                         writes_platform=True)
MUTE = ModerationAction("mute", "Mute", "mute the author of", "fw.mute", "Author muted on {p}",
                        idempotent=True, destructive=True, writes_platform=True,
                        platforms=frozenset({X}))
REPORT = ModerationAction("report", "Report", "report", "fw.report", opens_modal=True,
                          destructive=True)
REPORT_POLICE = ModerationAction("report_police", "Report to the police",
                                 "report to the police", lead_limitable=True)
REPLY = ModerationAction("reply", "Reply", "reply to", "fw.reply", "Replied on {p}", sends=True,
                         opens_modal=True, writes_platform=True)
# Facebook's private reply to a comment, or an X direct message: one action, labelled per
# platform on its button.
PRIVATE_MESSAGE = ModerationAction("private_message", "Private message", "message",
                                   "fw.private_message", "Private message sent on {p}",
                                   sends=True, opens_modal=True, writes_platform=True)
ESCALATE = ModerationAction("escalate", "Escalate", "escalate", "fw.escalate", opens_modal=True)
CLAIM = ModerationAction("claim", "Claim", "claim", "fw.claim")
# Give the alert to a colleague (a users_select on the alert): shown on it and in the queue.
ASSIGN = ModerationAction("assign", "Assign", "assign", "fw.assign")
NO_ACTION = ModerationAction("no_action", "No action", "close", "fw.no_action", opens_modal=True)
FLAG_WRONG = ModerationAction("flag_wrong", "Flag is wrong", "change the flags of",
                              "fw.flag_wrong", opens_modal=True)

CATALOGUE: tuple[ModerationAction, ...] = (
    HIDE, UNHIDE, DELETE, BLOCK, MUTE, REPORT, REPORT_POLICE, REPLY, PRIVATE_MESSAGE, ESCALATE,
    CLAIM, ASSIGN, NO_ACTION, FLAG_WRONG)
BY_ID: dict[str, ModerationAction] = {a.id: a for a in CATALOGUE}
BY_ACTION_ID: dict[str, ModerationAction] = {a.action_id: a for a in CATALOGUE if a.action_id}

IDEMPOTENT = frozenset(a.id for a in CATALOGUE if a.idempotent)
SENDS = frozenset(a.id for a in CATALOGUE if a.sends)
TELL_FIRST = frozenset(a.id for a in CATALOGUE if a.tells_author_first)
LEAD_LIMITABLE = tuple(a.id for a in CATALOGUE if a.lead_limitable)
VERBS = {a.id: a.verb for a in CATALOGUE}
DONE_LINE = {a.id: a.done_line for a in CATALOGUE if a.done_line}

# What the Slack side needs, by button action id.
LABEL_OF_BUTTON = {a.action_id: a.label for a in CATALOGUE if a.action_id}
# Buttons that act at once on the platform (after their confirm), through the service.
DIRECT_BUTTONS = {a.action_id: a.id for a in CATALOGUE if a.direct and a.writes_platform}
MODAL_BUTTONS = {a.action_id: a.id for a in CATALOGUE if a.opens_modal}
DESTRUCTIVE_BUTTONS = frozenset(a.action_id for a in CATALOGUE if a.destructive)
DANGER_BUTTONS = frozenset(a.action_id for a in CATALOGUE if a.danger)
