// Block Kit interactive elements -> labelled, keyboard-usable controls.
// In an input block an element only keeps state (sent with the view on submit) unless the
// block has dispatch_action; in actions blocks and section accessories it dispatches at once,
// as Slack does. State goes to ctx.values[block_id][action_id] in Slack's view.state shape.

import {append, h, image, plainText, safeHref, uid} from "./dom.js";

export function element(el, block, ctx) {
  try {
    return draw(el, block, ctx);
  } catch (err) {
    return h("span", {class: "bk-unknown", role: "note"},
      `Element "${String(el && el.type)}" could not be shown`);
  }
}

function base(el, block) {
  return {action_id: el.action_id, block_id: block.block_id, type: el.type};
}

function focusKey(el, block, extra = "") {
  return `${block.block_id || ""}/${el.action_id || ""}/${extra}`;
}

function remember(ctx, block, el, state) {
  if (!ctx.values || !block.block_id || !el.action_id) return;
  ctx.values[block.block_id] = ctx.values[block.block_id] || {};
  ctx.values[block.block_id][el.action_id] = {type: el.type, ...state};
}

function previous(ctx, block, el) {
  return ((ctx.previous || {})[block.block_id] || {})[el.action_id];
}

function dispatches(block, ctx) {
  return !ctx.inInput || Boolean(block.dispatch_action);
}

// The visible label of a control in an input block, or an aria-label elsewhere.
function labelled(ctx, block, el, control, id) {
  if (!ctx.inInput) return control;
  const text = `${ctx.label || "Input"}${block.optional ? " (optional)" : ""}`;
  return [h("label", {for: id, class: "bk-label"}, text), control];
}

function draw(el, block, ctx) {
  switch (el.type) {
    case "button": return button(el, block, ctx);
    case "static_select": case "external_select": case "multi_static_select":
    case "multi_external_select": case "users_select": case "multi_users_select":
    case "conversations_select": case "multi_conversations_select": case "channels_select":
    case "multi_channels_select":
      return select(el, block, ctx);
    case "overflow": return overflow(el, block, ctx);
    case "checkboxes": case "radio_buttons": return choices(el, block, ctx);
    case "plain_text_input": case "number_input": case "email_text_input":
    case "url_text_input": case "rich_text_input": case "datepicker": case "timepicker":
      return textInput(el, block, ctx);
    case "image": return image(el.image_url, el.alt_text, el.withheld_url, "accessory");
    default:
      return h("span", {class: "bk-unknown", role: "note"},
        `Unsupported element "${String(el.type)}"`);
  }
}

async function confirmed(el, ctx) {
  return !el.confirm || ctx.confirm(el.confirm);
}

function button(el, block, ctx) {
  const label = plainText(el.text) || "Button";
  const payload = () => ({...base(el, block), value: el.value, text: el.text,
    ...(el.style ? {style: el.style} : {})});
  const href = el.url ? safeHref(el.url) : null;
  if (href) {
    // Slack opens the link itself and still tells the app about the click.
    return h("a", {class: "bk-btn bk-link-btn", href, target: "_blank",
      rel: "noopener noreferrer", "data-focus-key": focusKey(el, block),
      on: {click: () => ctx.act(payload())}}, label);
  }
  return h("button", {type: "button", class: `bk-btn ${el.style || ""}`,
    "data-focus-key": focusKey(el, block), "aria-label": el.accessibility_label || null,
    on: {click: async () => { if (await confirmed(el, ctx)) ctx.act(payload()); }}}, label);
}

function optionsOf(el, ctx) {
  const t = el.type.replace("multi_", "");
  if (t === "users_select") {
    return [{options: ctx.users.map((u) => ({text: {type: "plain_text", text: u.name},
      value: u.id}))}];
  }
  if (t === "conversations_select" || t === "channels_select") {
    return [{options: ctx.channels.filter((c) => !c.is_im).map((c) => ({
      text: {type: "plain_text", text: c.label}, value: c.id}))}];
  }
  if (Array.isArray(el.option_groups)) {
    return el.option_groups.map((g) => ({label: plainText(g.label), options: g.options || []}));
  }
  return [{options: el.options || []}];
}

function selectState(el, chosen) {
  const t = el.type.replace("multi_", "");
  const multi = el.type.startsWith("multi_");
  const key = {users_select: "user", conversations_select: "conversation",
    channels_select: "channel"}[t];
  if (key) {
    const ids = chosen.map((o) => o.value);
    return multi ? {[`selected_${key}s`]: ids} : {[`selected_${key}`]: ids[0] || null};
  }
  const opts = chosen.map((o) => ({text: o.text, value: o.value}));
  return multi ? {selected_options: opts} : {selected_option: opts[0] || null};
}

function initialValues(el, prior) {
  if (prior) {
    const p = prior.selected_option ? [prior.selected_option.value]
      : prior.selected_options ? prior.selected_options.map((o) => o.value)
        : [prior.selected_user, prior.selected_conversation, prior.selected_channel,
          ...(prior.selected_users || []), ...(prior.selected_conversations || []),
          ...(prior.selected_channels || [])].filter(Boolean);
    return new Set(p);
  }
  return new Set([
    el.initial_option && el.initial_option.value,
    ...(el.initial_options || []).map((o) => o.value),
    el.initial_user, el.initial_conversation, el.initial_channel,
    ...(el.initial_users || []), ...(el.initial_conversations || []),
    ...(el.initial_channels || []),
  ].filter(Boolean));
}

function select(el, block, ctx) {
  const id = uid("select");
  const multi = el.type.startsWith("multi_");
  const groups = optionsOf(el, ctx);
  const all = groups.flatMap((g) => g.options);
  const chosen = initialValues(el, previous(ctx, block, el));
  const name = plainText(el.placeholder) || "Choose an option";
  const sel = h("select", {id, class: "bk-select", multiple: multi,
    "aria-label": ctx.inInput ? null : name, "aria-describedby": ctx.described,
    "data-focus-key": focusKey(el, block)});
  if (!multi) sel.append(h("option", {value: ""}, `${name}…`));
  for (const g of groups) {
    const opts = g.options.map((o) => h("option", {value: o.value,
      props: {selected: chosen.has(o.value)}}, plainText(o.text)));
    append(sel, [g.label ? h("optgroup", {label: g.label}, opts) : opts]);
  }
  const read = () => Array.from(sel.selectedOptions).filter((o) => o.value)
    .map((o) => all.find((x) => x.value === o.value)).filter(Boolean);
  remember(ctx, block, el, selectState(el, read()));
  sel.addEventListener("change", async () => {
    const state = selectState(el, read());
    remember(ctx, block, el, state);
    if (dispatches(block, ctx) && await confirmed(el, ctx)) ctx.act({...base(el, block), ...state});
  });
  return h("span", {class: "bk-control"}, labelled(ctx, block, el, sel, id));
}

function overflow(el, block, ctx) {
  const menuId = uid("menu");
  const menu = h("div", {id: menuId, class: "bk-menu", role: "group",
    "aria-label": "More actions", hidden: true});
  const toggle = h("button", {type: "button", class: "bk-btn bk-overflow",
    "aria-label": "More actions", "aria-expanded": "false", "aria-controls": menuId,
    "data-focus-key": focusKey(el, block)}, "⋯");
  const show = (open) => {
    menu.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
  };
  toggle.addEventListener("click", () => show(menu.hidden));
  menu.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") { show(false); toggle.focus(); }
  });
  for (const option of el.options || []) {
    menu.append(h("button", {type: "button", class: "bk-menu-item",
      "data-focus-key": focusKey(el, block, option.value), on: {click: async () => {
        show(false);
        if (await confirmed(el, ctx)) {
          ctx.act({...base(el, block), selected_option: {text: option.text, value: option.value}});
        }
      }}}, plainText(option.text)));
  }
  return h("span", {class: "bk-overflow-wrap"}, toggle, menu);
}

function choices(el, block, ctx) {
  const radio = el.type === "radio_buttons";
  const group = uid("choice");
  const prior = previous(ctx, block, el);
  const chosen = prior ? new Set((prior.selected_options || [prior.selected_option])
    .filter(Boolean).map((o) => o.value)) : initialValues(el, null);
  const boxes = (el.options || []).map((o) => {
    const id = uid("opt");
    const input = h("input", {type: radio ? "radio" : "checkbox", id, name: group,
      value: o.value, props: {checked: chosen.has(o.value)},
      "data-focus-key": focusKey(el, block, o.value)});
    return {o, input, row: h("div", {class: "bk-choice"}, input,
      h("label", {for: id}, plainText(o.text)))};
  });
  const state = () => {
    const picked = boxes.filter((b) => b.input.checked).map((b) => ({text: b.o.text,
      value: b.o.value}));
    return radio ? {selected_option: picked[0] || null} : {selected_options: picked};
  };
  remember(ctx, block, el, state());
  for (const b of boxes) {
    b.input.addEventListener("change", () => {
      remember(ctx, block, el, state());
      if (dispatches(block, ctx)) ctx.act({...base(el, block), ...state()});
    });
  }
  const legend = ctx.inInput ? `${ctx.label || "Options"}${block.optional ? " (optional)" : ""}`
    : "Options";
  return h("fieldset", {class: "bk-choices", "aria-describedby": ctx.described},
    h("legend", {class: ctx.inInput ? "bk-label" : "visually-hidden"}, legend),
    boxes.map((b) => b.row));
}

const INPUT_TYPES = {number_input: "number", email_text_input: "email", url_text_input: "url",
  datepicker: "date", timepicker: "time"};

function textInput(el, block, ctx) {
  const id = uid("input");
  const prior = previous(ctx, block, el);
  const initial = prior ? (prior.value ?? prior.selected_date ?? prior.selected_time ?? "")
    : (el.initial_value ?? el.initial_date ?? el.initial_time ?? "");
  const multiline = el.multiline || el.type === "rich_text_input";
  const attrs = {id, class: "bk-text-input", placeholder: plainText(el.placeholder) || null,
    maxlength: el.max_length || null, minlength: el.min_length || null,
    "aria-label": ctx.inInput ? null : (plainText(el.placeholder) || "Text"),
    "aria-describedby": ctx.described, "data-focus-key": focusKey(el, block)};
  const control = multiline ? h("textarea", {...attrs, rows: 5})
    : h("input", {...attrs, type: INPUT_TYPES[el.type] || "text",
      step: el.type === "number_input" && el.is_decimal_allowed ? "any" : null});
  control.value = String(initial);
  const state = () => {
    const v = control.value;
    if (el.type === "datepicker") return {selected_date: v || null};
    if (el.type === "timepicker") return {selected_time: v || null};
    if (el.type === "rich_text_input") {
      return {rich_text_value: {type: "rich_text", elements: [{type: "rich_text_section",
        elements: [{type: "text", text: v}]}]}};
    }
    return {value: v};
  };
  remember(ctx, block, el, state());
  control.addEventListener("input", () => remember(ctx, block, el, state()));
  control.addEventListener("change", () => {
    if (dispatches(block, ctx) && (el.type === "datepicker" || el.type === "timepicker")) {
      ctx.act({...base(el, block), ...state()});
    }
  });
  if (!multiline) {
    control.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" && dispatches(block, ctx) && ctx.inInput) {
        ev.preventDefault();
        ctx.act({...base(el, block), ...state()});
      }
    });
  }
  return h("span", {class: "bk-control"}, labelled(ctx, block, el, control, id));
}
