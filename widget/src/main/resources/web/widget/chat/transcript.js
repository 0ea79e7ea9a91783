/**
 * The conversation log: the rows of the messages, the typing indicator, and where the log scrolls and the focus
 * goes when a reply comes. Everything from the server (and everything the user typed) is rendered with
 * textContent and DOM nodes, never as HTML.
 */
import { ORIGIN } from "./api.js";
import { busy } from "./conversation.js";
import { clear, el, icon, ui } from "./dom.js";
import { runCheck } from "./env-check.js";
import { buildForm, closeForms, isRetryOf, takeFormFocus } from "./forms.js";
import { appendOptions } from "./menus.js";
import { clean, keep } from "./messages.js";
import { saveState, state } from "./store.js";
import { CHECK_NOTES, FORM_NOTES, MAX_KEPT } from "./texts.js";
import { clock, str } from "./util.js";
import { buildVote } from "./vote.js";

/** The log (role log, announced politely) and the typing indicator shown at its end while a reply is awaited. */
export function buildLog() {
  const log = el("div", "log");
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "polite");
  log.setAttribute("aria-label", "對話紀錄");
  log.setAttribute("aria-busy", "false");

  const typingRow = el("div", "row bot typing-row");
  typingRow.hidden = true;
  const typing = el("div", "bubble typing");
  typing.appendChild(el("i"));
  typing.appendChild(el("i"));
  typing.appendChild(el("i"));
  typing.appendChild(el("span", "sr-only", "智慧客服回覆中…"));
  typingRow.appendChild(typing);

  ui.log = log;
  ui.typingRow = typingRow;
  return log;
}

/** Shows the server's reply: its messages in the log, scrolled to the first, and the focus where it belongs. */
export function showMessages(messages) {
  if (!Array.isArray(messages)) { return; }
  // Where the focus was before forms go: a reply to a click in the log may move it to a new form.
  const formHadFocus = takeFormFocus();
  const focusWasInLog = ui.root.activeElement ? ui.log.contains(ui.root.activeElement) : formHadFocus;
  // A newer message ends the forms still open: the one just sent, or one the user walked away from.
  closeForms();
  const shown = addReplies(messages);
  if (shown.first) { scrollToRow(shown.first); }
  if (ui.panel.hidden || ui.bodyView.hidden) { return; }
  placeFocus(shown.newForm, focusWasInLog);
}

/** Adds a reply's messages; starts the environment check one asks for. Returns the first row and a new form's. */
function addReplies(messages) {
  let first = null;
  let newForm = null;
  messages.forEach(function (raw) {
    const m = clean(raw);
    if (m.type === "form" && isRetryOf(m.formId)) { m.retry = true; }
    const row = add(m, true);
    if (!first) { first = row; }
    if (m.type === "form" && row.querySelector("form")) { newForm = row; }
    if (m.type === "action" && m.action === "env-check") { runCheck(m, state.messages[state.messages.length - 1], row); }
  });
  return { first: first, newForm: newForm };
}

/** A new form takes the focus if it was in the log (or lost); a focus lost from the log goes to the question box. */
function placeFocus(newForm, focusWasInLog) {
  const lost = !ui.root.activeElement;
  if (newForm && (focusWasInLog || lost)) {
    newForm.querySelector("input:not([type='hidden'])").focus();
  } else if (focusWasInLog && lost) {
    ui.input.focus();
  }
}

/** Adds a message to the transcript and the log; returns its row. */
export function add(message, noScroll) {
  const kept = keep(message);
  state.messages.push(kept);
  if (state.messages.length > MAX_KEPT) { state.messages.splice(0, state.messages.length - MAX_KEPT); }
  saveState();
  const row = render(message, kept);
  ui.log.appendChild(row);
  if (busy()) { ui.log.appendChild(ui.typingRow); }
  if (!noScroll) { scrollToRow(row); }
  return row;
}

/** The saved transcript, shown again after a navigation or a reload. */
export function renderTranscript() {
  clear(ui.log);
  state.messages.forEach(function (m) { ui.log.appendChild(render(m)); });
}

/**
 * A message's row. {@code kept} is what the transcript keeps of it (votes and a form's fate are written there);
 * only a message fresh from the server (m !== kept) brings a live form or a running check.
 */
function render(m, kept) {
  kept = kept || m;
  const type = str(m.type);
  if (type === "divider") {
    return el("p", "divider", "— " + str(m.text) + " —");
  }
  const who = type === "user" ? "user" : type === "notice" ? "notice" : type === "error" ? "error" : "bot";
  const row = el("div", "row " + who + (type === "form" || type === "action" ? " " + type : ""));
  row.setAttribute("data-type", type);
  if (m.answerId) { row.setAttribute("data-answer-id", str(m.answerId)); }
  const bubble = el("div", "bubble");
  bubble.appendChild(el("span", "sr-only", who === "user" ? "您說：" : "智慧客服："));
  const text = messageText(type, m, kept);
  bubble.appendChild(text.node);

  const links = Array.isArray(m.links) ? m.links : [];
  if (links.length) { bubble.appendChild(linkList(links)); }

  const options = Array.isArray(m.options) ? m.options : [];
  const live = m !== kept;
  if (type === "form") {
    if (live && m.fields && m.fields.length) {
      buildForm(m, kept, row, bubble, text.reason);
    } else {
      bubble.appendChild(el("p", "form-note", FORM_NOTES[kept.closed] || FORM_NOTES.stale));
    }
  } else if (type === "action") {
    bubble.appendChild(el("p", "status" + (live ? " running" : ""),
      live ? CHECK_NOTES.running : CHECK_NOTES[kept.closed] || CHECK_NOTES.stale));
  } else if (options.length && who !== "user") {
    appendOptions(bubble, options);
  }
  if (type === "answer" && m.answerId && m.answerId !== "fallback" && m.answerId !== "did-you-mean") {
    bubble.appendChild(buildVote(kept));
  }
  row.appendChild(bubble);
  const time = timeOf(m);
  if (time) { row.appendChild(time); }
  return row;
}

/**
 * A message's text, as { node, reason }. A menu's first line is its topic; a form that comes back for the one just
 * sent leads with why, and that line is the reason, shown in the form instead.
 */
function messageText(type, m, kept) {
  const text = el("p", "text");
  let body = str(m.text);
  let reason = null;
  if (type === "form" && m.retry && m !== kept && body.indexOf("\n") > 0) {
    // A form that comes back for the one just sent leads with why (驗證碼錯誤, 新密碼不符合設定原則…): that line
    // is shown in the form, above its first input, where the focus lands.
    reason = body.slice(0, body.indexOf("\n"));
    body = body.slice(body.indexOf("\n") + 1);
  }
  if (type === "menu" && body.indexOf("\n") > 0) {
    // A menu's first line is its topic, as in the portal: 人事服務網登入相關問題 / 請問您是以何種方式登入的呢~
    text.appendChild(el("span", "lead", body.slice(0, body.indexOf("\n"))));
    body = body.slice(body.indexOf("\n") + 1);
  }
  text.appendChild(document.createTextNode(body));
  return { node: text, reason: reason };
}

/** An answer's links, opened in a new window; one that is not http(s) is shown as text. */
function linkList(links) {
  const list = el("ul", "links");
  links.forEach(function (link) {
    const item = document.createElement("li");
    const url = safeUrl(link.url);
    if (url) {
      const a = el("a", null, str(link.label) || url);
      a.href = url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      a.appendChild(icon("external"));
      a.appendChild(el("span", "sr-only", "（另開新視窗）"));
      item.appendChild(a);
    } else {
      item.textContent = str(link.label) + (link.url ? "：" + str(link.url) : "");
    }
    list.appendChild(item);
  });
  return list;
}

/** The message's time as HH:mm, or null when it has none. */
function timeOf(m) {
  const hhmm = clock(m.time);
  if (!hhmm) { return null; }
  const time = el("time", "time", hhmm);
  time.setAttribute("datetime", str(m.time));
  return time;
}

/** Shows the typing indicator at the end of the log while a request is under way. */
export function setTyping() {
  const pending = busy();
  ui.typingRow.hidden = !pending;
  ui.log.setAttribute("aria-busy", String(pending));
  if (pending) {
    ui.log.appendChild(ui.typingRow);
    scrollToEnd();
  } else if (ui.typingRow.parentNode) {
    ui.typingRow.parentNode.removeChild(ui.typingRow);
  }
}

function scrollToRow(row) {
  // Show the start of a long answer rather than its end; the browser clamps at the bottom.
  ui.log.scrollTop = Math.max(0, row.offsetTop - 8);
}

export function scrollToEnd() {
  ui.log.scrollTop = ui.log.scrollHeight;
}

/** Scrolls the log (only the log, never the page) just enough to show an element of it. */
export function reveal(node) {
  const below = node.getBoundingClientRect().bottom - ui.log.getBoundingClientRect().bottom;
  if (below > 0) { ui.log.scrollTop += below + 8; }
}

/** An absolute http(s) URL, or null: javascript:, data: and the like are shown as text. */
function safeUrl(url) {
  try {
    const parsed = new URL(str(url), ORIGIN);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch (e) {
    return null;
  }
}
