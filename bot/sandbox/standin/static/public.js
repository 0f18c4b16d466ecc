// The public side: the fake X account and Facebook Page as outsiders see them, with every
// moderation state spelled out in words (never colour alone).

import {clear, h} from "./dom.js";

function badges(list) {
  const shown = list.filter(Boolean);
  if (!shown.length) return null;
  return h("ul", {class: "badges", "aria-label": "State"},
    shown.map((b) => h("li", {class: `badge ${b.kind || ""}`}, b.text)));
}

function author(a) {
  const who = a.handle ? `${a.name} (${a.handle})` : a.name;
  return a.own ? `${who} — the trust's account` : who;
}

function authorBadges(a) {
  return [a.muted && {text: "Author muted", kind: "warn"},
    a.blocked && {text: "Author blocked", kind: "warn"}];
}

function xPost(p) {
  const label = `${author(p.author)}: ${p.text}`.slice(0, 140);
  return h("article", {class: `pub-post${p.deleted ? " deleted" : ""}`, "aria-label": label},
    h("div", {class: "pub-meta"}, h("strong", {}, author(p.author)), ` · ${p.when}`),
    h("p", {class: "pub-text"}, p.text),
    badges([p.hidden && {text: "Hidden reply", kind: "warn"},
      p.deleted && {text: "Deleted", kind: "warn"},
      p.author.own && p.reply_to && {text: "Reply from the team", kind: "ok"},
      p.media && {text: `${p.media} photo(s)`}, ...authorBadges(p.author)]));
}

function xPanel(x) {
  const dms = x.dms.map((d) => h("li", {class: "pub-dm"},
    h("strong", {}, `${author(d.from)} → ${author(d.to)}`), ` · ${d.when}: `, d.text,
    badges(authorBadges(d.from.own ? d.to : d.from))));
  return h("section", {class: "pub-platform", "aria-labelledby": "pub-x"},
    h("h3", {id: "pub-x"}, `X: ${x.handle}`),
    x.posts.length ? x.posts.map(xPost) : h("p", {class: "muted"}, "No posts yet."),
    h("h4", {}, "Direct messages"),
    dms.length ? h("ul", {class: "pub-list"}, dms) : h("p", {class: "muted"}, "None."));
}

function fbComment(c) {
  const label = `${author(c.author)}: ${c.text}`.slice(0, 140);
  return h("article", {class: `pub-comment${c.reply ? " reply" : ""}${c.deleted ? " deleted" : ""}`,
    "aria-label": label},
  h("div", {class: "pub-meta"}, h("strong", {}, author(c.author)), ` · ${c.when}`),
  h("p", {class: "pub-text"}, c.text),
  badges([c.hidden && {text: "Hidden", kind: "warn"}, c.deleted && {text: "Deleted", kind: "warn"},
    c.author.own && {text: "Reply from the Page", kind: "ok"},
    c.photo && {text: "Photo attached"}, ...authorBadges(c.author)]),
  c.private_reply ? h("p", {class: "pub-private"},
    h("strong", {}, "Private reply sent to the author: "), c.private_reply) : null);
}

function fbPost(p) {
  const kind = {own: "Page post", visitor: "Visitor post", tag: "Post tagging the Page"}[p.where];
  return h("article", {class: `pub-post${p.deleted ? " deleted" : ""}`,
    "aria-label": `${kind} by ${p.author.name}`.slice(0, 140)},
  h("div", {class: "pub-meta"}, h("strong", {}, author(p.author)), ` · ${kind} · ${p.when}`),
  h("p", {class: "pub-text"}, p.text),
  badges([p.hidden && {text: "Hidden", kind: "warn"}, p.deleted && {text: "Deleted", kind: "warn"},
    ...authorBadges(p.author)]),
  p.comments.length ? h("div", {class: "pub-comments"}, p.comments.map(fbComment)) : null);
}

function fbPanel(fb) {
  const threads = fb.messenger.map((t) => h("article", {class: "pub-thread",
    "aria-label": `Messenger: ${t.person}`},
  h("h5", {}, `Messenger with ${t.person}`), badges([t.blocked && {text: "Blocked", kind: "warn"}]),
  h("ul", {class: "pub-list"}, t.messages.map((m) => h("li", {},
    h("strong", {}, m.from_page ? `${fb.page}: ` : `${t.person}: `), m.text, ` · ${m.when}`)))));
  return h("section", {class: "pub-platform", "aria-labelledby": "pub-fb"},
    h("h3", {id: "pub-fb"}, `Facebook Page: ${fb.page}`),
    fb.posts.length ? fb.posts.map(fbPost) : h("p", {class: "muted"}, "No posts yet."),
    h("h4", {}, "Messenger"),
    threads.length ? threads : h("p", {class: "muted"}, "No conversations."));
}

let shown = null;

export function renderPublic(container, pub) {
  const key = JSON.stringify(pub);
  if (shown === key) return;
  shown = key;
  clear(container).append(xPanel(pub.x), fbPanel(pub.facebook));
}
