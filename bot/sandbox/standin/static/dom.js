// DOM helpers. Every piece of text goes in through text nodes: nothing here (or anywhere in
// the page) parses HTML, so a post containing <script> is shown as those characters.

let counter = 0;

export function uid(prefix = "id") {
  counter += 1;
  return `${prefix}-${counter}`;
}

// h("button", {class: "x", "aria-label": "Close", on: {click: fn}}, "text", childNode, ...)
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "on") {
      for (const [event, fn] of Object.entries(value)) el.addEventListener(event, fn);
    } else if (key === "props") {
      Object.assign(el, value);
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// Only http(s) and mailto links become links; anything else stays text.
export function safeHref(url) {
  try {
    const parsed = new URL(String(url), window.location.href);
    return ["http:", "https:", "mailto:"].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

// Spans as mrkdwn.py makes them: {t: "text", v}, {t: "b"|"i"|"s"|"quote", c: [...]}, ...
export function spans(list) {
  const frag = document.createDocumentFragment();
  for (const s of list || []) frag.append(span(s));
  return frag;
}

function span(s) {
  switch (s.t) {
    case "text": return document.createTextNode(s.v);
    case "br": return h("br");
    case "b": return h("strong", {}, spans(s.c));
    case "i": return h("em", {}, spans(s.c));
    case "s": return h("del", {}, spans(s.c));
    case "code": return h("code", {}, s.v);
    case "pre": return h("pre", {class: "bk-pre"}, s.v);
    case "quote": return h("blockquote", {class: "bk-quote"}, spans(s.c));
    case "mention": return h("span", {class: "bk-mention"}, s.v);
    case "link": {
      const href = safeHref(s.href);
      if (!href) return document.createTextNode(s.v);
      return h("a", {href, target: "_blank", rel: "noopener noreferrer"}, s.v);
    }
    default: return document.createTextNode(s.v || "");
  }
}

// A Block Kit text object: mrkdwn (with spans from the server) or plain_text.
export function textObject(t) {
  if (!t) return document.createTextNode("");
  if (typeof t === "string") return document.createTextNode(t);
  if (t.type === "mrkdwn" && Array.isArray(t.spans)) return spans(t.spans);
  return document.createTextNode(t.text || "");
}

export function plainText(t) {
  if (!t) return "";
  if (typeof t === "string") return t;
  return t.text || "";
}

const LONDON = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London", weekday: "short", hour: "2-digit", minute: "2-digit",
});

export function slackTime(ts) {
  const seconds = Number.parseFloat(ts);
  return Number.isFinite(seconds) ? LONDON.format(new Date(seconds * 1000)) : "";
}

// An image from the stand-in's own routes, or a labelled stand-in when it was withheld.
export function image(src, alt, withheld, size = "") {
  if (src) return h("img", {class: `bk-img ${size}`, src, alt: alt || ""});
  return h("span", {class: "bk-img-withheld", role: "img",
    "aria-label": `Image not loaded in the stand-in: ${alt || "no description"}`},
    `[image: ${alt || "no description"}${withheld ? ` — ${withheld}` : ""}]`);
}
