"""Moderation modals, built by pure functions (no I/O), and reading their answers back.

Each modal carries its context in `private_metadata` (ids only: the mention's database id,
the action, the state generation it was opened on, and where the alert is) so a submission
needs nothing from the click that opened it. Ids inside modals (callback, block and action
ids) are defined here, next to the builders and readers that use them.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    CheckboxesElement,
    ContextBlock,
    InputBlock,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    SectionBlock,
    StaticMultiSelectElement,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot.slack.escape import plain, sanitize, truncate

CB_REASON = "fw.modal.reason"  # Block and Delete: a reason, and telling the author first
CB_REPORT = "fw.modal.report"
CB_MESSAGE = "fw.modal.message"  # Reply, Private message / DM
CB_ESCALATE = "fw.modal.escalate"
CB_FLAG_WRONG = "fw.modal.flag_wrong"
CB_NO_ACTION = "fw.modal.no_action"
CALLBACKS = (CB_REASON, CB_REPORT, CB_MESSAGE, CB_ESCALATE, CB_FLAG_WRONG, CB_NO_ACTION)
TEMPLATE_PICK = "fw.modal.template"  # the template menu in the message modal (dispatches)

REASON, TELL, NO_TELL, TEXT, DEST, CRIME, NOTE, TARGET, REMOVE, ADD = (
    "fw_reason", "fw_tell", "fw_no_tell", "fw_text", "fw_dest", "fw_crime", "fw_note",
    "fw_target", "fw_remove", "fw_add")
VALUE = "value"  # the action id of every input in these modals
PUBLIC_OK = "fw_public_ok"  # the tick that confirms a public reply with crisis signposting
PUBLIC_YES = "public"
CRISIS_TEMPLATE = "crisis"
TELL_YES, TO_PLATFORM, TO_POLICE = "tell", "platform", "police"
PREVIEW = 2900  # a section's 3,000 characters, with room for the frame around it


@dataclass(frozen=True)
class Meta:
    """What a modal remembers between opening and submission."""

    mention_id: int
    action: str
    generation: int = 0
    channel: str = ""  # where to answer the moderator
    platform: str = ""
    kind: str = ""
    template: str = ""
    name: str = ""  # the author's first name, as templates greet them

    def dump(self) -> str:
        return json.dumps(asdict(self), separators=(",", ":"))

    @classmethod
    def load(cls, raw: str) -> Meta:
        data = json.loads(raw or "{}")
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})


def _view(callback: str, title: str, submit: str, blocks: list[Block],
          meta: Meta) -> dict[str, Any]:
    return View(type="modal", callback_id=callback, title=plain(title, 24),
                submit=plain(submit, 24), close="Cancel", blocks=blocks,
                private_metadata=meta.dump()).to_dict()


def _text_input(block_id: str, label: str, *, optional: bool = False, multiline: bool = True,
                initial: str | None = None, max_length: int = 3000,
                hint: str | None = None) -> InputBlock:
    element = PlainTextInputElement(action_id=VALUE, multiline=multiline, max_length=max_length,
                                    initial_value=initial[:max_length] if initial else None)
    return InputBlock(block_id=block_id, label=plain(label, 2000), element=element,
                      optional=optional, hint=plain(hint, 2000) if hint else None)


def _note(text: str) -> ContextBlock:
    return ContextBlock(elements=[PlainTextObject(text=truncate(sanitize(text), 2000) or "-")])


def _quote(text: str) -> SectionBlock:
    return SectionBlock(text=PlainTextObject(text=truncate(sanitize(text), PREVIEW) or "-"))


def _option(value: str, label: str, description: str | None = None) -> Option:
    return Option(value=value, label=plain(label, 75),
                  description=plain(description, 75) if description else None)


def build_reason_modal(meta: Meta, *, what: str, where: str, tell_text: str,
                       tell_blocked: str | None = None) -> dict[str, Any]:
    """Block or Delete: a reason (required) and telling the author why first."""
    deleting = meta.action == "delete"
    title = f"Delete this {what}" if deleting else "Block the author"
    effect = (f"It will be deleted from {where} for good." if deleting
              else f"They will be blocked on {where}.")
    blocks: list[Block] = [_note(effect),
                           _text_input(REASON, "Reason (kept in the audit log)", max_length=500)]
    if tell_blocked:
        blocks.append(_note(f"They cannot be told why first: {tell_blocked}"))
    else:
        tell = _option(TELL_YES, "Tell the author why first, privately")
        blocks += [
            _note("This message goes to them before the action (afterwards they can no longer "
                  "be messaged):"),
            _quote(tell_text),
            InputBlock(block_id=TELL, label="Telling them", optional=True,
                       element=CheckboxesElement(action_id=VALUE, options=[tell],
                                                 initial_options=[tell])),
            _text_input(NO_TELL, "If you untick it: why they are not told", optional=True,
                        max_length=300),
        ]
    return _view(CB_REASON, title, "Delete" if deleting else "Block", blocks, meta)


def build_report_modal(meta: Meta, *, where: str, report_suggested: bool) -> dict[str, Any]:
    options = [_option(TO_PLATFORM, f"Report to {where}", "You get the link to report it"),
               _option(TO_POLICE, "Report to the police", "Recorded, with an evidence pack")]
    blocks: list[Block] = []
    if report_suggested:
        blocks.append(_note("The policy suggests reporting this as a threat. Report it, or "
                            "close it with Flag is wrong."))
    blocks += [
        InputBlock(block_id=DEST, label="Report to", element=CheckboxesElement(
            action_id=VALUE, options=options)),
        _text_input(CRIME, "Police crime reference (if you have one)", optional=True,
                    multiline=False, max_length=100),
        _text_input(NOTE, "Note", optional=True, max_length=1000),
    ]
    return _view(CB_REPORT, "Report", "Report", blocks, meta)


def template_label(template_id: str) -> str:
    return template_id.replace("_", " ").capitalize()


def build_message_modal(meta: Meta, *, title: str, templates: dict[str, str], text: str,
                        limit_note: str, titles: dict[str, str] | None = None
                        ) -> dict[str, Any]:
    """Reply or private message: the policy's templates, by title, filled in and editable."""
    named = titles or {}
    options = [_option(tid, named.get(tid) or template_label(tid))
               for tid in list(templates)[:100]]
    chosen = next((o for o in options if o.value == meta.template), None)
    menu = StaticSelectElement(action_id=TEMPLATE_PICK, placeholder="Start from a template",
                               options=options, initial_option=chosen)
    blocks: list[Block] = [
        ActionsBlock(block_id="fw_templates", elements=[menu]),
        # The block id names the template, so choosing another replaces the text shown.
        _text_input(f"{TEXT}.{meta.template or 'own'}", "Message", initial=text,
                    hint="Checked before sending: no personal details, clinical advice or "
                         "discussion of anyone's care."),
        _note(limit_note),
    ]
    if public_crisis(meta):
        blocks.append(InputBlock(
            block_id=PUBLIC_OK, label="This reply is public", optional=True,
            element=CheckboxesElement(action_id=VALUE, options=[_option(
                PUBLIC_YES, "Send it in public: everyone will see they may be at risk")])))
    return _view(CB_MESSAGE, title, "Send", blocks, meta)


def public_crisis(meta: Meta) -> bool:
    """A reply everyone can see, carrying crisis signposting: it must be confirmed first."""
    return (meta.action == "reply" and meta.kind != "dm"
            and meta.template == CRISIS_TEMPLATE)


def public_crisis_errors(meta: Meta, values: dict[str, Any]) -> dict[str, str]:
    if public_crisis(meta) and PUBLIC_YES not in (values.get(PUBLIC_OK) or []):
        return {PUBLIC_OK: "A public reply tells everyone this person may be at risk. Tick to "
                           "confirm, or close this and use the private message instead."}
    return {}


def build_escalate_modal(meta: Meta, *, targets: list[tuple[str, str]],
                         suggested: str | None) -> dict[str, Any]:
    options = [_option(tid, label) for tid, label in targets]
    chosen = next((o for o in options if o.value == suggested), None)
    blocks: list[Block] = [
        InputBlock(block_id=TARGET, label="Pass it to", element=StaticSelectElement(
            action_id=VALUE, options=options, initial_option=chosen)),
        _text_input(NOTE, "Note for them", optional=True, max_length=1000),
        _note("They get the post, its flags, a link to this alert and your note. For PALS or "
              "Complaints you can then send the author the 'passed on' message."),
    ]
    return _view(CB_ESCALATE, "Escalate", "Escalate", blocks, meta)


def build_flag_wrong_modal(meta: Meta, *, current: list[tuple[str, str]],
                           others: list[tuple[str, str]]) -> dict[str, Any]:
    blocks: list[Block] = []
    if current:
        blocks.append(InputBlock(block_id=REMOVE, label="Remove these flags", optional=True,
                                 element=CheckboxesElement(action_id=VALUE, options=[
                                     _option(c, t) for c, t in current])))
    blocks += [
        InputBlock(block_id=ADD, label="Add these flags", optional=True,
                   element=StaticMultiSelectElement(action_id=VALUE, placeholder="Categories",
                                                    options=[_option(c, t) for c, t in others])),
        _text_input(REASON, "Why the flag is wrong (kept as a labelled case)", max_length=500),
    ]
    return _view(CB_FLAG_WRONG, "Flag is wrong", "Save", blocks, meta)


def build_no_action_modal(meta: Meta) -> dict[str, Any]:
    blocks: list[Block] = [_text_input(NOTE, "Note (optional)", optional=True, max_length=500)]
    return _view(CB_NO_ACTION, "Close with no action", "Close", blocks, meta)


# -- reading submissions ----------------------------------------------------------------------

def read_values(view: dict[str, Any]) -> dict[str, Any]:
    """{block_id: value}: text, the selected value, or a list for checkboxes/multi-selects."""
    out: dict[str, Any] = {}
    for block_id, actions in ((view.get("state") or {}).get("values") or {}).items():
        el = actions.get(VALUE) or next(iter(actions.values()), {})
        kind = el.get("type")
        if kind in ("checkboxes", "multi_static_select"):
            out[block_id] = [o.get("value") for o in el.get("selected_options") or []]
        elif kind == "static_select":
            out[block_id] = (el.get("selected_option") or {}).get("value")
        else:
            out[block_id] = el.get("value") or ""
    return out


def message_text(values: dict[str, Any]) -> tuple[str, str | None]:
    """(text, its block id) from the message modal, whatever template it started from."""
    for block_id, value in values.items():
        if block_id.startswith(TEXT + "."):
            return str(value or ""), block_id
    return "", None


def reason_errors(values: dict[str, Any]) -> dict[str, str]:
    """Untick "tell the author" only with a reason."""
    if TELL in values and TELL_YES not in (values.get(TELL) or []) and not str(
            values.get(NO_TELL) or "").strip():
        return {NO_TELL: "Say why the author is not told first."}
    return {}
