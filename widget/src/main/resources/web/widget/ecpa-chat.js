/*
 * 行政院人事行政總處智慧客服 — the eCPA customer-service chat widget.
 *
 * Embedded with one tag: <script type="module" src="/widget/ecpa-chat.js"></script>
 *
 * A native ES module (no bundler): this file finds its place in the page and loads the stylesheet; the widget's
 * parts are the modules of chat/, each with one job:
 *   shell.js        the launcher, the panel's opening and closing, which view shows
 *   panel.js        the panel's head (tools, font sizes) and body; composer.js the question box
 *   quickbar.js     the quick-button bar (快捷按鈕)
 *   transcript.js   the conversation log: rows, typing indicator, scrolling, focus after a reply
 *   messages.js     what is kept of the server's messages; menus.js a message's options as buttons
 *   forms.js        forms inside the conversation (password reset, mailbox re-verification)
 *   env-check.js    the environment check (browser-info.js: browser, OS, cookies, storage)
 *   vote.js         👍/👎 under an answer; survey.js 滿意度調查; confirm.js 結束對話
 *   conversation.js the turns with the server, in one queue; api.js the chat API client
 *   store.js        sessionStorage / localStorage; texts.js the top-level texts and limits
 *   dom.js, util.js DOM and value helpers
 *
 * - Everything lives in an open Shadow DOM: the host page's CSS cannot reach the widget, and the widget adds no
 *   style, class or global to the host page (only one empty host element at the end of <body>, and
 *   window.__ecpaChat). Its styles are ecpa-chat.css beside this script, linked inside the shadow root; the
 *   widget is built once they are in.
 * - Everything from the server (and everything the user typed) is rendered with textContent, never as HTML.
 * - The conversation is kept in sessionStorage, the font size in localStorage (store.js).
 */
import { buildShell, closePanel, openPanel } from "./chat/shell.js";

const STYLESHEET = new URL("ecpa-chat.css", import.meta.url).href;

if (!window.__ecpaChat) {
  if (document.body) { start(); } else { document.addEventListener("DOMContentLoaded", start); }
}

function start() {
  if (window.__ecpaChat) { return; }
  const built = attachHost().then(buildShell);
  window.__ecpaChat = {
    open: function () { built.then(function () { openPanel(true); }); },
    close: function () { built.then(function () { closePanel(false); }); }
  };
}

/**
 * Adds the widget's one element to the page, with its shadow root and the stylesheet in it; resolves with the
 * shadow root once the stylesheet is in (or failed), so the widget never shows unstyled.
 */
function attachHost() {
  return new Promise(function (resolve) {
    const host = document.createElement("div");
    host.id = "ecpa-chat";
    const root = host.attachShadow({ mode: "open" });
    const sheet = document.createElement("link");
    sheet.rel = "stylesheet";
    sheet.href = STYLESHEET;
    sheet.addEventListener("load", function () { resolve(root); });
    sheet.addEventListener("error", function () { resolve(root); });
    root.appendChild(sheet);
    document.body.appendChild(host);
  });
}
