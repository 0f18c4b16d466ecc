// Modals (views.open / views.update / views.push) and confirm dialogs, in native <dialog>s:
// focus stays inside while open, Escape closes, focus returns to where it was.

import {append, clear, h, plainText, textObject} from "./dom.js";
import {renderBlocks} from "./blockkit.js";

export function confirmDialog(obj) {
  const dialog = document.getElementById("confirm");
  return new Promise((resolve) => {
    let answered = false;
    const done = (ok) => {
      if (answered) return;
      answered = true;
      if (dialog.open) dialog.close();
      resolve(ok);
    };
    clear(dialog);
    const danger = obj.style === "danger" ? "danger" : "primary";
    dialog.append(
      h("h2", {id: "confirm-title"}, plainText(obj.title) || "Are you sure?"),
      h("div", {class: "dialog-text"}, textObject(obj.text)),
      h("div", {class: "dialog-buttons"},
        h("button", {type: "button", class: "bk-btn", on: {click: () => done(false)}},
          plainText(obj.deny) || "Cancel"),
        h("button", {type: "button", class: `bk-btn ${danger}`, on: {click: () => done(true)}},
          plainText(obj.confirm) || "Yes")));
    dialog.setAttribute("aria-labelledby", "confirm-title");
    dialog.addEventListener("close", () => done(false), {once: true});
    dialog.showModal();
  });
}

function initials(blocks) {
  const out = {};
  for (const b of blocks || []) {
    const els = b.element ? [b.element] : b.accessory ? [b.accessory] : (b.elements || []);
    for (const el of els) {
      if (!el || !el.action_id) continue;
      const sig = JSON.stringify([el.type, el.initial_value, el.initial_option, el.initial_options,
        el.initial_user, el.initial_users, el.initial_date, el.initial_time,
        el.initial_conversation, el.initial_channel]);
      out[`${b.block_id}/${el.action_id}`] = sig;
    }
  }
  return out;
}

export class ModalView {
  constructor(dialog, api) {
    this.dialog = dialog;
    this.api = api;
    this.key = null;
    this.viewId = null;
    this.values = {};
    this.initials = {};
    dialog.addEventListener("cancel", (ev) => {
      ev.preventDefault(); // Escape: tell the stand-in, which closes it the way Slack does
      if (this.viewId) this.api.closeView(this.viewId);
    });
  }

  show(modal, base) {
    if (!modal) {
      if (this.dialog.open) this.dialog.close();
      this.key = this.viewId = null;
      return;
    }
    const key = `${modal.id}|${modal.hash}|${JSON.stringify(modal.errors || {})}`;
    if (key === this.key && this.dialog.open) return;
    // Slack keeps what a person typed across views.update when the input's block_id and
    // action_id stay and its initial value does not change.
    const fresh = initials(modal.blocks);
    const previous = {};
    if (modal.id === this.viewId) {
      for (const [blockId, acts] of Object.entries(this.values)) {
        for (const [actionId, state] of Object.entries(acts)) {
          const k = `${blockId}/${actionId}`;
          if (fresh[k] !== undefined && fresh[k] === this.initials[k]) {
            previous[blockId] = {...(previous[blockId] || {}), [actionId]: state};
          }
        }
      }
    }
    const focused = document.activeElement && this.dialog.contains(document.activeElement)
      ? document.activeElement.getAttribute("data-focus-key") : null;
    this.key = key;
    this.viewId = modal.id;
    this.values = {};
    this.initials = fresh;
    this.render(modal, base, previous);
    if (!this.dialog.open) this.dialog.showModal();
    const again = focused && this.dialog.querySelector(`[data-focus-key="${CSS.escape(focused)}"]`);
    const first = this.dialog.querySelector("input, select, textarea, button");
    (again || first)?.focus();
  }

  render(modal, base, previous) {
    const dialog = clear(this.dialog);
    const ctx = {...base, surface: "modal", values: this.values, previous,
      errors: modal.errors || {},
      act: (action) => this.api.action({view_id: modal.id, action, values: this.values})};
    const form = h("form", {class: "modal-form", novalidate: true, on: {submit: (ev) => {
      ev.preventDefault();
      if (modal.submit) this.api.submitView(modal.id, this.values);
    }}}, renderBlocks(modal.blocks, ctx));
    const buttons = h("div", {class: "dialog-buttons"},
      h("button", {type: "button", class: "bk-btn",
        on: {click: () => this.api.closeView(modal.id)}}, plainText(modal.close) || "Cancel"));
    if (modal.submit) {
      buttons.append(h("button", {type: "submit", class: "bk-btn primary"},
        plainText(modal.submit)));
    }
    form.append(buttons);
    dialog.setAttribute("aria-labelledby", "modal-title");
    append(dialog, [h("h2", {id: "modal-title"}, plainText(modal.title) || "feedwatch"),
      modal.depth > 1 ? h("p", {class: "muted"}, `Modal ${modal.depth} of ${modal.depth}`) : null,
      form]);
  }
}
