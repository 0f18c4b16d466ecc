// The page: polls /api/state, draws the channel, modals, Home tab and the public side, and
// turns every click into a call to the stand-in, which signs it and sends it to the bot.

import {clear, h, slackTime, spans} from "./dom.js";
import {renderBlocks} from "./blockkit.js";
import {ModalView, confirmDialog} from "./modal.js";
import {renderPublic} from "./public.js";

const POLL_MS = 800;
const KINDS = {
  x: [["mention", "Mention of the account"], ["reply", "Reply to the account's post"],
    ["dm", "Direct message"]],
  facebook: [["comment", "Comment on the Page's post"], ["visitor_post", "Post on the Page"],
    ["message", "Messenger message"]],
};
const ui = {me: "U0SAM", channel: null, view: "channel", version: null, latest: null,
  expanded: new Set(), dismissed: new Set()};
const $ = (id) => document.getElementById(id);

function say(note) {
  $("status").textContent = note || "";
}

async function post(path, body) {
  try {
    const resp = await fetch(path, {method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify({user: ui.me, ...body})});
    const answer = await resp.json();
    say(answer.note);
    await refresh(true);
    return answer;
  } catch (err) {
    say(`The stand-in did not answer: ${err.message}`);
    return {ok: false};
  }
}

const api = {
  action: (body) => post("/api/action", body),
  shortcut: (channel, ts) => post("/api/shortcut", {channel, ts}),
  submitView: (viewId, values) => post("/api/view/submit", {view_id: viewId, values}),
  closeView: (viewId) => post("/api/view/close", {view_id: viewId}),
};
const modal = new ModalView($("modal"), api);

function baseCtx(state) {
  return {users: state.users, channels: state.channels, confirm: confirmDialog};
}

// -- the channel ---------------------------------------------------------------------------

function messageEl(m, state, channel) {
  const ctx = {...baseCtx(state), surface: "message", values: {}};
  ctx.act = (action) => api.action({channel, ts: m.ts, ephemeral: m.ephemeral, action,
    values: ctx.values});
  const head = h("div", {class: "msg-head"}, h("strong", {}, m.author), " ",
    h("span", {class: "app-tag"}, "APP"), " ", h("time", {}, slackTime(m.ts)),
    m.edited ? h("span", {class: "muted"}, " (edited)") : null,
    m.ephemeral ? h("span", {class: "badge"}, "Only visible to you") : null);
  const body = m.blocks.length ? renderBlocks(m.blocks, ctx)
    : h("div", {class: "bk-text"}, spans(m.text_spans));
  // A thread reply also sent to the channel says which message it answers, as Slack does.
  const inThread = m.broadcast_of ? h("p", {class: "bk-hint broadcast"},
    `replied to a thread: ${m.broadcast_of}`) : null;
  const art = h("article", {class: `msg${m.ephemeral ? " ephemeral" : ""}`, tabindex: "-1",
    "aria-label": `${m.author}: ${m.label}`}, inThread, head, body);
  if (m.files.length) {
    art.append(h("ul", {class: "files", "aria-label": "Files"}, m.files.map((f) => h("li", {},
      /\.png$/i.test(f.name || "") ? h("img", {class: "bk-img", src: f.url,
        alt: f.alt || f.title || f.name}) : null,
      h("a", {href: f.url, target: "_blank", rel: "noopener"},
        `${f.title || f.name} (${f.size || 0} bytes)`)))));
  }
  if (!m.ephemeral) {
    // Slack's message shortcut, from the message's "More actions" menu.
    art.append(h("button", {type: "button", class: "bk-btn small",
      "data-focus-key": `shortcut/${m.ts}`, "aria-label": `Check with feedwatch: ${m.label}`,
      on: {click: () => api.shortcut(channel, m.ts)}}, "Check with feedwatch"));
  }
  if (m.ephemeral) {
    art.append(h("button", {type: "button", class: "bk-btn small", on: {click: () => {
      ui.dismissed.add(m.ts);
      refresh(true);
    }}}, "Dismiss"));
  }
  if (m.replies.length) art.append(thread(m, state, channel));
  return art;
}

function thread(m, state, channel) {
  const open = ui.expanded.has(m.ts);
  const id = `thread-${m.ts.replace(".", "-")}`;
  const n = m.replies.length;
  const toggle = h("button", {type: "button", class: "bk-btn small thread-toggle",
    "aria-expanded": String(open), "aria-controls": id, "data-focus-key": `thread/${m.ts}`,
    on: {click: () => {
      if (open) ui.expanded.delete(m.ts); else ui.expanded.add(m.ts);
      ui.latest && drawChannel(ui.latest, true);
    }}}, `${n} ${n === 1 ? "reply" : "replies"} in thread`);
  const box = h("div", {id, class: "thread", hidden: !open, role: "group",
    "aria-label": "Thread"}, open ? m.replies.map((r) => messageEl({...r, replies: []}, state,
    channel)) : null);
  return h("div", {class: "thread-wrap"}, toggle, box);
}

// Replace only the messages that changed, so focus and typing survive the polling.
function drawChannel(state, force = false) {
  const list = $("messages");
  const channel = state.channel.id;
  const wasAtEnd = list.scrollTop + list.clientHeight >= list.scrollHeight - 8;
  const wanted = state.channel.messages.filter((m) => !(m.ephemeral && ui.dismissed.has(m.ts)));
  const old = new Map(Array.from(list.children).map((el) => [el.dataset.key, el]));
  const focusKey = document.activeElement && list.contains(document.activeElement)
    ? document.activeElement.getAttribute("data-focus-key") : null;
  let focusIn = null;
  wanted.forEach((m, i) => {
    const key = `${channel}/${m.ts}`;
    const sig = JSON.stringify([m, ui.expanded.has(m.ts)]);
    let el = old.get(key);
    if (!el || el.dataset.sig !== sig || force) {
      const fresh = messageEl(m, state, channel);
      fresh.dataset.key = key;
      fresh.dataset.sig = sig;
      if (el) {
        if (el.contains(document.activeElement)) focusIn = fresh;
        el.replaceWith(fresh);
      }
      el = fresh;
    }
    old.delete(key);
    if (list.children[i] !== el) list.insertBefore(el, list.children[i] || null);
  });
  for (const el of old.values()) el.remove();
  if (!wanted.length) list.append(h("p", {class: "muted"}, "No messages yet."));
  if (focusIn) {
    // The same control if the update kept it (a button may become another, Hide -> Unhide);
    // otherwise the message itself, so a keyboard user stays where they were.
    const same = focusKey && focusIn.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`);
    (same || focusIn).focus();
  }
  if (wasAtEnd) list.scrollTop = list.scrollHeight;
}

function drawHome(state) {
  const list = clear($("messages"));
  if (!state.home) {
    list.append(h("p", {class: "muted"}, "The Home tab has not been published yet."));
    return;
  }
  const ctx = {...baseCtx(state), surface: "home", values: {}};
  ctx.act = (action) => api.action({view_id: state.home.id, action, values: ctx.values});
  list.append(renderBlocks(state.home.blocks, ctx));
}

// -- navigation, header, side panels -------------------------------------------------------

function drawNav(state) {
  const items = state.channels.map((c) => [c.id, c.label, c.count]);
  const nav = clear($("channels"));
  const entry = (id, label, current, onClick) => h("li", {}, h("button", {type: "button",
    class: "nav-btn", "aria-current": current ? "page" : null, on: {click: onClick}}, label));
  nav.append(entry("home", "Home (feedwatch app)", ui.view === "home", () => {
    ui.view = "home";
    post("/api/home", {});
  }));
  for (const [id, label, count] of items) {
    nav.append(entry(id, `${label} (${count})`, ui.view === "channel" && id === ui.channel,
      () => { ui.view = "channel"; ui.channel = id; ui.version = null; refresh(true); }));
  }
}

function drawHeader(state) {
  const me = $("me");
  if (!me.options.length) {
    for (const p of state.team) me.append(h("option", {value: p.id}, `${p.name} (${p.role})`));
    me.value = ui.me;
  }
  const o = state.office;
  const when = o.open ? `open ${o.reason.replace(/^open /, "")}`
    : `closed: ${o.reason.replace(/^closed: /, "")}`;
  $("clock").textContent = `Demo clock: ${o.now}. Office ${when}.`;
  const title = ui.view === "home" ? "Home — feedwatch"
    : (state.channels.find((c) => c.id === ui.channel) || {label: ui.channel}).label;
  $("channel-title").textContent = title;
  clear($("feeds")).append(...Object.entries(state.feeds).map(([k, v]) => h("li", {},
    `${k}: ${v.failing ? `failing (${v.failing} in a row)` : "ok"}, last read ` +
    `${v.last_success_at ? slackTime(Date.parse(v.last_success_at) / 1000) : "never"}`)));
  clear($("log")).append(...state.log.map((line) => h("li", {}, line)));
}

async function refresh(force = false) {
  const q = new URLSearchParams({user: ui.me, channel: ui.channel || ""});
  if (!force && ui.version) q.set("since", ui.version);
  let state;
  try {
    state = await (await fetch(`/api/state?${q}`)).json();
  } catch (err) {
    $("clock").textContent = "The stand-in is not answering (was `feedwatch demo` stopped?)";
    return;
  }
  if (state.unchanged) return;
  ui.version = state.version;
  ui.channel = ui.channel || state.alert_channel;
  ui.latest = state;
  drawHeader(state);
  drawNav(state);
  if (ui.view === "home") drawHome(state); else drawChannel(state);
  modal.show(state.modal, baseCtx(state));
  renderPublic($("public"), state.public);
}

// -- forms and controls --------------------------------------------------------------------

function fillKinds() {
  const platform = document.querySelector("input[name=platform]:checked").value;
  clear($("pub-kind")).append(...KINDS[platform].map(([v, t]) => h("option", {value: v}, t)));
}

function wire() {
  $("me").addEventListener("change", (ev) => { ui.me = ev.target.value; refresh(true); });
  $("command-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const text = $("command").value.trim();
    if (!text.startsWith("/feedwatch")) {
      say("Only /feedwatch commands can be sent from here.");
      return;
    }
    const channel = ui.view === "channel" ? ui.channel : null;
    await post("/api/command", {text, channel});
    $("command").value = "/feedwatch ";
  });
  for (const radio of document.querySelectorAll("input[name=platform]")) {
    radio.addEventListener("change", fillKinds);
  }
  fillKinds();
  $("public-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const form = new FormData(ev.target);
    const answer = await post("/api/public", {platform: form.get("platform"),
      kind: form.get("kind"), author: form.get("author"), text: form.get("text"),
      image: form.get("image") === "on"});
    if (answer.ok) $("pub-text").value = "";
  });
  for (const btn of document.querySelectorAll("button[data-post]")) {
    btn.addEventListener("click", () => post(btn.dataset.post,
      {to: btn.dataset.to, fault: btn.dataset.fault}));
  }
}

wire();
refresh(true);
setInterval(() => refresh(false), POLL_MS);
