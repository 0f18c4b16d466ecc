// Block Kit blocks -> DOM. Generic: whatever the bot sends is drawn; a block type this file
// does not know becomes a labelled placeholder, and a block that fails to draw says so.
// Interactive elements live in elements.js.

import {h, image, plainText, spans, textObject} from "./dom.js";
import {element} from "./elements.js";

// ctx: {surface, act(el, block, payload), confirm(obj) -> Promise<bool>, users, channels,
//       values: {block_id: {action_id: state}}, errors: {block_id: message}, initial}
export function renderBlocks(blocks, ctx) {
  const wrap = h("div", {class: "bk-blocks"});
  for (const block of blocks || []) {
    try {
      wrap.append(renderBlock(block, ctx));
    } catch (err) {
      wrap.append(placeholder(`This ${block && block.type} block could not be shown`,
        String(err && err.message)));
    }
  }
  return wrap;
}

function placeholder(title, detail) {
  return h("div", {class: "bk-unknown", role: "note"}, title, detail ? ` (${detail})` : "");
}

function renderBlock(block, ctx) {
  switch (block.type) {
    case "header": return h("h3", {class: "bk-header"}, plainText(block.text));
    case "divider": return h("hr", {class: "bk-divider"});
    case "section": return section(block, ctx);
    case "context": return context(block, ctx);
    case "image": return imageBlock(block);
    case "actions": return actions(block, ctx);
    case "input": return input(block, ctx);
    case "rich_text": return h("div", {class: "bk-rich"}, (block.elements || []).map(richPart));
    case "markdown": return h("div", {class: "bk-markdown"}, String(block.text || ""));
    case "file":
      return placeholder(`Shared file (block type "file", ${block.external_id || "no id"})`);
    default:
      return placeholder(`Unsupported block type "${String(block.type)}"`,
        "shown here as a placeholder");
  }
}

function section(block, ctx) {
  const body = h("div", {class: "bk-section-body"});
  if (block.text) body.append(h("div", {class: "bk-text"}, textObject(block.text)));
  if (Array.isArray(block.fields) && block.fields.length) {
    body.append(h("div", {class: "bk-fields"},
      block.fields.map((f) => h("div", {class: "bk-field"}, textObject(f)))));
  }
  const row = h("div", {class: "bk-section"}, body);
  if (block.accessory) {
    row.append(h("div", {class: "bk-accessory"}, element(block.accessory, block, ctx)));
  }
  return row;
}

function context(block, ctx) {
  return h("div", {class: "bk-context"}, (block.elements || []).map((el) => {
    if (el.type === "image") return image(el.image_url, el.alt_text, el.withheld_url, "small");
    return h("span", {class: "bk-context-item"}, textObject(el));
  }));
}

function imageBlock(block) {
  const fig = h("figure", {class: "bk-image"});
  if (block.title) fig.append(h("figcaption", {}, plainText(block.title)));
  fig.append(image(block.image_url, block.alt_text, block.withheld_url));
  return fig;
}

function actions(block, ctx) {
  return h("div", {class: "bk-actions", role: "group", "aria-label": "Actions"},
    (block.elements || []).map((el) => element(el, block, ctx)));
}

function input(block, ctx) {
  const error = (ctx.errors || {})[block.block_id];
  const field = element(block.element || {}, block, {...ctx, inInput: true,
    label: plainText(block.label), described: error ? `err-${block.block_id}` : null});
  const wrap = h("div", {class: "bk-input"}, field);
  if (block.hint) wrap.append(h("div", {class: "bk-hint"}, plainText(block.hint)));
  if (error) {
    wrap.append(h("div", {class: "bk-error", id: `err-${block.block_id}`, role: "alert"}, error));
  }
  return wrap;
}

// rich_text: sections, lists, preformatted and quotes of styled runs.
function richPart(part) {
  const runs = (part.elements || []).map(richRun);
  switch (part.type) {
    case "rich_text_list": {
      const items = (part.elements || []).map((p) => h("li", {}, richPart(p)));
      return part.style === "ordered" ? h("ol", {}, items) : h("ul", {}, items);
    }
    case "rich_text_preformatted": return h("pre", {class: "bk-pre"}, runs);
    case "rich_text_quote": return h("blockquote", {class: "bk-quote"}, runs);
    default: return h("p", {class: "bk-rich-section"}, runs);
  }
}

function richRun(run) {
  let node;
  switch (run.type) {
    case "link": node = spans([{t: "link", href: run.url, v: run.text || run.url}]); break;
    case "user": node = h("span", {class: "bk-mention"}, `@${run.user_id}`); break;
    case "channel": node = h("span", {class: "bk-mention"}, `#${run.channel_id}`); break;
    case "broadcast": node = h("span", {class: "bk-mention"}, `@${run.range}`); break;
    case "emoji": node = document.createTextNode(`:${run.name}:`); break;
    case "rich_text_section": return richPart(run);
    default: node = document.createTextNode(String(run.text || ""));
  }
  const style = run.style || {};
  if (style.code) node = h("code", {}, node);
  if (style.bold) node = h("strong", {}, node);
  if (style.italic) node = h("em", {}, node);
  if (style.strike) node = h("del", {}, node);
  return node;
}
