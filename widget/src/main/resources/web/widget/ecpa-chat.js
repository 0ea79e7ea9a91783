/*
 * 行政院人事行政總處智慧客服 — the eCPA customer-service chat widget.
 *
 * Embedded with one tag: <script src="/widget/ecpa-chat.js" defer></script>
 *
 * - Everything lives in an open Shadow DOM: the host page's CSS cannot reach the widget, and the widget adds no
 *   style, class or global to the host page (only one empty host element at the end of <body>).
 * - Everything from the server (and everything the user typed) is rendered with textContent, never as HTML.
 * - The conversation (session id, transcript, whether the panel is open) is kept in sessionStorage, so it
 *   survives navigation and reloads in the same tab; the font size (大/中/小) is kept in localStorage.
 * - Chat API: POST /api/chat/sessions, POST /api/chat/sessions/{id}/messages, POST .../{id}/satisfaction.
 */
(function () {
  "use strict";
  if (window.__ecpaChat) { return; }

  var TITLE = "行政院人事行政總處智慧客服";
  var PLACEHOLDER = "請輸入您的提問，如「我忘記eCPA帳號密碼」或「我是公務人員，想查詢年度可休假天數」";
  var NOTES = "注意事項：\n" +
    "1. 本服務提供人事服務網eCPA登入與使用問題之自動回覆，請點選主題或直接輸入您的提問。\n" +
    "2. 請勿輸入密碼、身分證字號等個人資料。\n" +
    "3. 如仍有疑問請洽詢人事資訊系統客服專線：02-23979108（開放時間：上午 9:00~12:00 下午 14:00~17:00）。";
  var OFFLINE = "無法連線到智慧客服，請稍後再試。";
  var BUSY = "系統忙碌中，請稍後再試。";
  var MAX_TEXT = 500;
  var MAX_COMMENT = 500;
  var MAX_KEPT = 300;
  var STATE_KEY = "ecpa-chat:state";
  var FONT_KEY = "ecpa-chat:font";
  var FONTS = [["l", "大"], ["m", "中"], ["s", "小"]];
  var SCORES = [[1, "非常不滿意"], [2, "不滿意"], [3, "普通"], [4, "滿意"], [5, "非常滿意"]];
  var QUICK_LINKS = [
    ["todo", "待辦事項", "/home.html#todos"],
    ["apps", "應用系統", "/home.html#apps"],
    ["news", "最新公告", "/index.html#news"],
    ["download", "下載專區", "/index.html#downloads"]
  ];
  var SVG_NS = "http://www.w3.org/2000/svg";
  var ICONS = {
    chat: "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zM6.75 11a1.25 1.25 0 1 0 2.5 0a1.25 1.25 0 1 0-2.5 0zM10.75 11a1.25 1.25 0 1 0 2.5 0a1.25 1.25 0 1 0-2.5 0zM14.75 11a1.25 1.25 0 1 0 2.5 0a1.25 1.25 0 1 0-2.5 0z",
    todo: "M9 5h11M9 12h11M9 19h11M3.5 5l1.5 1.5L7.5 4M3.5 12l1.5 1.5 2.5-2.5M3.5 19l1.5 1.5 2.5-2.5",
    apps: "M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h6v6h-6z",
    news: "M4 10v4h3l6 4V6L7 10H4zM16 9a4 4 0 0 1 0 6M18.5 6.5a8 8 0 0 1 0 11",
    download: "M12 4v11M7 10l5 5 5-5M5 20h14",
    top: "M12 20V8M6 13l6-6 6 6M5 4h14",
    menu: "M4 7h16M4 12h16M4 17h16",
    close: "M6 6l12 12M18 6L6 18",
    external: "M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5"
  };

  var scriptUrl = new URL(document.currentScript ? document.currentScript.src : "/widget/ecpa-chat.js", location.href);
  var API = scriptUrl.origin + "/api/chat/sessions";

  var CSS = [
    /* The host takes nothing from the page: important rules of a shadow tree beat the page's important rules. */
    ":host { all: initial !important; display: block !important; position: static !important; width: 0 !important;",
    "  height: 0 !important; margin: 0 !important; padding: 0 !important; border: 0 !important; overflow: visible !important; }",
    ".ecpa { font-family: 'Noto Sans CJK TC', 'Noto Sans TC', 'PingFang TC', 'Microsoft JhengHei', 'Heiti TC', sans-serif;",
    "  font-size: 16px; line-height: 1.5; color: #1f2933; text-align: left; letter-spacing: normal; word-spacing: normal;",
    "  text-transform: none; text-indent: 0; text-shadow: none; white-space: normal; font-weight: 400; font-style: normal;",
    "  visibility: visible; direction: ltr; -webkit-text-size-adjust: 100%; }",
    ".ecpa *, .ecpa *::before, .ecpa *::after { box-sizing: border-box; }",
    "[hidden] { display: none !important; }",
    "button, input, textarea { font: inherit; color: inherit; letter-spacing: inherit; margin: 0; }",
    "button { cursor: pointer; -webkit-appearance: none; appearance: none; }",
    "svg { display: block; flex: none; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; }",
    "svg.solid { fill: currentColor; fill-rule: evenodd; stroke: none; }",
    ".sr-only { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;",
    "  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }",
    ":focus { outline: none; }",
    "[tabindex='-1']:focus { outline: none !important; box-shadow: none !important; }",
    ":focus-visible { outline: 3px solid #c2410c; outline-offset: 2px; }",
    ".head :focus-visible, .launcher:focus-visible, .qb-item:focus-visible, .qb-toggle:focus-visible",
    "  { outline: 3px solid #ffd54f; outline-offset: 2px; box-shadow: 0 0 0 6px #1f2933; }",

    /* Quick-button bar (快捷按鈕), fixed on the right as in the portal. */
    ".quickbar { position: fixed; right: 0; top: 50%; transform: translateY(-50%); z-index: 2147482990;",
    "  display: flex; flex-direction: column; align-items: flex-end; }",
    ".qb-list { list-style: none; margin: 0; padding: 4px 0; background: #0b4f8a; border-radius: 10px 0 0 10px;",
    "  box-shadow: 0 2px 10px rgba(0,0,0,.25); }",
    ".qb-list li { margin: 0; padding: 0; }",
    ".qb-item { display: flex; flex-direction: column; align-items: center; gap: 2px; width: 72px; padding: 7px 4px;",
    "  background: transparent; border: 0; border-radius: 8px; color: #fff; font-size: 12px; line-height: 1.3;",
    "  text-decoration: none; text-align: center; }",
    ".qb-item:hover { background: #1565a8; }",
    ".qb-item svg { width: 22px; height: 22px; }",
    ".qb-toggle { display: none; align-items: center; gap: 4px; padding: 8px 8px; border: 0; border-radius: 10px 0 0 10px;",
    "  background: #0b4f8a; color: #fff; font-size: 12px; box-shadow: 0 2px 10px rgba(0,0,0,.25); }",
    ".qb-toggle svg { width: 20px; height: 20px; }",
    "@media (max-width: 640px), (max-height: 520px) {",
    "  .qb-toggle { display: flex; writing-mode: vertical-rl; padding: 10px 6px; }",
    "  .qb-toggle svg { transform: rotate(90deg); }",
    "  .quickbar { flex-direction: row; align-items: center; }",
    "  .quickbar:not(.expanded) .qb-list { display: none; }",
    "  .qb-list { max-height: calc(100vh - 16px); overflow-y: auto; border-radius: 10px 0 0 10px; }",
    "  .qb-item { width: 64px; padding: 5px 2px; }",
    "}",

    /* The floating launcher. */
    ".launcher { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; display: flex; align-items: center; gap: 8px;",
    "  min-height: 48px; padding: 10px 18px 10px 14px; border: 0; border-radius: 26px; background: #0b4f8a; color: #fff;",
    "  font-size: 16px; font-weight: 700; line-height: 1.2; box-shadow: 0 3px 12px rgba(0,0,0,.3); }",
    ".launcher:hover { background: #1565a8; }",
    ".launcher svg { width: 24px; height: 24px; }",

    /* The panel. Sizes are in em of the panel's own font size (大/中/小), never rem: the page's root size is not ours. */
    /* Beside the quick-button bar, above the launcher. */
    ".panel { position: fixed; right: 84px; bottom: 76px; z-index: 2147483001; display: flex; flex-direction: column;",
    "  width: 420px; max-width: calc(100vw - 100px); height: 640px; max-height: calc(100vh - 96px); overflow: hidden;",
    "  background: #fff; border-radius: 12px; box-shadow: 0 6px 28px rgba(0,0,0,.35); font-size: 16px; }",
    ".ecpa[data-font='s'] .panel { font-size: 14px; }",
    ".ecpa[data-font='l'] .panel { font-size: 19px; }",
    "@media (max-width: 640px) { .panel { right: 44px; max-width: calc(100vw - 56px); } }",
    "@media (max-width: 480px), (max-height: 520px) {",
    "  .panel { inset: 0; width: 100%; max-width: none; height: 100%; max-height: none; border-radius: 0; }",
    /* Under a full-screen panel the launcher and the bar are out of sight, so out of the Tab order too. */
    "  .is-open .launcher, .is-open .quickbar { visibility: hidden; }",
    "}",
    ".head { flex: none; background: #0b4f8a; color: #fff; padding: .45em .45em .45em .85em; }",
    ".head-row { display: flex; align-items: flex-start; gap: .5em; }",
    ".title { flex: 1; margin: .15em 0 0; font-size: 1.05em; font-weight: 700; line-height: 1.35; color: #fff; }",
    ".icon-btn { flex: none; display: flex; align-items: center; justify-content: center; width: 2.2em; height: 2.2em; padding: 0;",
    "  border: 0; border-radius: 6px; background: transparent; color: #fff; }",
    ".icon-btn:hover { background: #1565a8; }",
    ".icon-btn svg { width: 1.3em; height: 1.3em; }",
    ".tools { display: flex; flex-wrap: wrap; align-items: center; gap: .35em .4em; margin-top: .3em; }",
    ".tool { padding: .2em .6em; border: 1px solid rgba(255,255,255,.65); border-radius: 999px; background: transparent;",
    "  color: #fff; font-size: .8em; line-height: 1.5; white-space: nowrap; }",
    ".tool:hover { background: #1565a8; }",
    ".fonts { display: flex; align-items: center; gap: .25em; margin-left: auto; font-size: .8em; white-space: nowrap; }",
    ".fonts button { min-width: 2em; padding: .1em .35em; border: 1px solid rgba(255,255,255,.65); border-radius: 4px;",
    "  background: transparent; color: #fff; line-height: 1.5; }",
    ".fonts button[aria-pressed='true'] { background: #fff; color: #0b4f8a; font-weight: 700; }",

    ".body { position: relative; flex: 1; min-height: 0; display: flex; flex-direction: column; background: #f1f4f7; }",
    ".log { position: relative; flex: 1; min-height: 0; overflow-y: auto; overscroll-behavior: contain; padding: .75em .75em .25em; }",
    ".row { display: flex; flex-direction: column; align-items: flex-start; margin: 0 0 .75em; }",
    ".row.user { align-items: flex-end; }",
    ".bubble { max-width: 88%; padding: .55em .8em; border-radius: 4px 12px 12px 12px; background: #fff; color: #1f2933;",
    "  border: 1px solid #dde3ea; overflow-wrap: anywhere; }",
    ".row.user .bubble { border-radius: 12px 4px 12px 12px; background: #0b4f8a; border-color: #0b4f8a; color: #fff; }",
    ".row.notice .bubble { max-width: 100%; background: #fff8e1; border-color: #f0d48a; }",
    ".row.error .bubble { max-width: 100%; background: #fdecea; border-color: #f3b8b2; color: #8a1c12; }",
    ".text { margin: 0; white-space: pre-wrap; }",
    ".lead { display: block; font-weight: 700; color: #0b4f8a; }",
    ".time { margin: .2em .3em 0; font-size: .75em; color: #5b6775; }",
    ".links { list-style: none; margin: .5em 0 0; padding: 0; }",
    ".links li { margin: .2em 0; }",
    ".links a { color: #0b57a4; text-decoration: underline; overflow-wrap: anywhere; }",
    ".links a svg { display: inline-block; width: .9em; height: .9em; margin-left: .2em; vertical-align: -.1em; }",
    ".options { display: flex; flex-direction: column; gap: .35em; margin-top: .55em; }",
    ".option { display: block; width: 100%; padding: .45em .75em; border: 1px solid #0b4f8a; border-radius: 8px;",
    "  background: #fff; color: #0b4f8a; text-align: left; line-height: 1.4; }",
    ".option:hover { background: #e8f1fb; }",
    ".navs { display: flex; flex-wrap: wrap; gap: .35em; margin-top: .5em; }",
    ".option.nav { width: auto; padding: .2em .8em; border-radius: 999px; border-color: #8a98a8; color: #334155; font-size: .9em; }",
    ".divider { margin: .25em 0 .75em; text-align: center; font-size: .8em; color: #5b6775; }",
    ".typing { display: inline-flex; gap: .3em; padding: .7em .9em; }",
    ".typing i { width: .5em; height: .5em; border-radius: 50%; background: #8a98a8; animation: ecpa-dot 1.2s infinite ease-in-out; }",
    ".typing i:nth-child(2) { animation-delay: .15s; } .typing i:nth-child(3) { animation-delay: .3s; }",
    "@keyframes ecpa-dot { 0%, 80%, 100% { opacity: .3; transform: translateY(0); } 40% { opacity: 1; transform: translateY(-.2em); } }",
    "@media (prefers-reduced-motion: reduce) { .typing i { animation: none; } }",

    ".composer { flex: none; display: flex; flex-wrap: wrap; align-items: flex-end; gap: .4em; padding: .55em .6em;",
    "  background: #fff; border-top: 1px solid #dde3ea; }",
    ".question { flex: 1 1 10em; min-width: 0; max-height: 7.2em; padding: .45em .6em; border: 1px solid #8a98a8; border-radius: 8px;",
    "  background: #fff; color: #1f2933; line-height: 1.4; resize: none; overflow-y: auto; display: block; }",
    "@media (max-height: 520px) { .question { max-height: 3.8em; } }",
    ".question.mirror { position: absolute; top: 0; left: -9999px; height: auto; max-height: none; visibility: hidden; flex: none; }",
    ".question::placeholder { color: #5b6775; opacity: 1; }",
    ".primary { flex: none; padding: .5em 1.1em; border: 0; border-radius: 8px; background: #0b4f8a; color: #fff;",
    "  font-weight: 700; line-height: 1.4; }",
    ".primary:hover { background: #1565a8; }",
    ".secondary { flex: none; padding: .45em 1em; border: 1px solid #0b4f8a; border-radius: 8px; background: #fff; color: #0b4f8a;",
    "  line-height: 1.4; }",
    ".counter { flex-basis: 100%; margin: 0; font-size: .75em; color: #5b6775; text-align: right; }",

    ".sheet { flex: 1; min-height: 0; overflow-y: auto; padding: 1em; background: #fff; }",
    ".sheet h3 { margin: 0 0 .6em; font-size: 1.1em; color: #0b4f8a; }",
    ".sheet p { margin: 0 0 .8em; }",
    ".sheet fieldset { margin: 0 0 .9em; padding: 0; border: 0; min-width: 0; }",
    ".sheet legend { padding: 0; margin-bottom: .5em; font-weight: 700; }",
    ".scores { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: .35em; }",
    ".score { position: relative; display: flex; flex-direction: column; align-items: center; gap: .15em; padding: .45em .15em;",
    "  border: 1px solid #8a98a8; border-radius: 8px; cursor: pointer; text-align: center; font-size: .85em; line-height: 1.25; }",
    ".score input { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }",
    ".score b { font-size: 1.35em; color: #0b4f8a; }",
    ".score span { word-break: keep-all; }",
    ".score.checked { background: #0b4f8a; border-color: #0b4f8a; color: #fff; }",
    ".score.checked b { color: #fff; }",
    ".score.focused { outline: 3px solid #c2410c; outline-offset: 2px; }",
    ".field-label { display: block; margin-bottom: .3em; font-weight: 700; }",
    ".sheet textarea { display: block; width: 100%; min-height: 5em; padding: .5em .6em; border: 1px solid #8a98a8; border-radius: 8px;",
    "  resize: vertical; line-height: 1.4; }",
    ".sheet .counter { margin: .2em 0 .6em; }",
    ".message { margin: 0 0 .8em; padding: .5em .7em; border-radius: 6px; background: #fdecea; color: #8a1c12; }",
    ".actions { display: flex; flex-wrap: wrap; gap: .5em; }",
    ".thanks { padding: .8em; border-radius: 8px; background: #e7f5ec; color: #14532d; }"
  ].join("\n");

  var state = loadState();
  var font = loadFont();
  var pending = 0;
  var queue = Promise.resolve();
  var opener = null;
  var endAfterSurvey = false;
  var epoch = 0; // bumped by 結束對話: replies to an ended conversation are dropped

  var host, root, wrap, quickbar, qbToggle, launcher, panel, bodyView, log, typingRow, composer, input, mirror, counter;
  var surveyView, surveyForm, surveyError, thanksView, thanksText, thanksButton, confirmView, confirmSurvey, comment,
    commentCounter, fontButtons = {};

  if (document.body) { build(); } else { document.addEventListener("DOMContentLoaded", build); }

  /* ------------------------------------------------------------------ building */

  function build() {
    if (window.__ecpaChat) { return; }
    window.__ecpaChat = { open: function () { openPanel(true); }, close: function () { closePanel(false); } };
    host = document.createElement("div");
    host.id = "ecpa-chat";
    root = host.attachShadow({ mode: "open" });
    var style = document.createElement("style");
    style.textContent = CSS;
    root.appendChild(style);
    wrap = el("div", "ecpa");
    wrap.setAttribute("lang", "zh-Hant-TW");
    wrap.setAttribute("data-font", font);
    root.appendChild(wrap);

    buildQuickbar();
    buildPanel();
    launcher = el("button", "launcher");
    launcher.type = "button";
    launcher.setAttribute("aria-haspopup", "dialog");
    launcher.setAttribute("aria-controls", "ecpa-panel");
    launcher.setAttribute("aria-expanded", "false");
    launcher.appendChild(icon("chat", true));
    launcher.appendChild(el("span", null, "智慧客服"));
    launcher.addEventListener("click", function () {
      if (panel.hidden) { openPanel(true, launcher); } else { closePanel(true); }
    });
    wrap.appendChild(launcher);

    document.body.appendChild(host);
    renderTranscript();
    if (state.open) { openPanel(false); }
  }

  function buildQuickbar() {
    quickbar = el("nav", "quickbar");
    quickbar.setAttribute("aria-label", "快捷按鈕");
    qbToggle = el("button", "qb-toggle");
    qbToggle.type = "button";
    qbToggle.setAttribute("aria-expanded", "false");
    qbToggle.setAttribute("aria-controls", "ecpa-quick");
    qbToggle.appendChild(icon("menu"));
    qbToggle.appendChild(el("span", null, "快捷按鈕"));
    qbToggle.addEventListener("click", function () {
      var expanded = !quickbar.classList.contains("expanded");
      quickbar.classList.toggle("expanded", expanded);
      qbToggle.setAttribute("aria-expanded", String(expanded));
    });
    quickbar.addEventListener("keydown", function (event) {
      if ((event.key === "Escape" || event.key === "Esc") && panel.hidden && quickbar.classList.contains("expanded")) {
        collapseQuickbar(true);
      }
    });
    var list = el("ul", "qb-list");
    list.id = "ecpa-quick";
    var chat = quickItem("button", "chat", "智慧客服");
    chat.setAttribute("aria-haspopup", "dialog");
    chat.addEventListener("click", function () {
      collapseQuickbar(false);
      openPanel(true, chat);
    });
    list.appendChild(li(chat));
    QUICK_LINKS.forEach(function (q) {
      var a = quickItem("a", q[0], q[1]);
      a.href = q[2];
      list.appendChild(li(a));
    });
    var top = quickItem("button", "top", "回最上端");
    top.addEventListener("click", function () {
      var smooth = !(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
      window.scrollTo({ top: 0, left: 0, behavior: smooth ? "smooth" : "auto" });
    });
    list.appendChild(li(top));
    quickbar.appendChild(qbToggle);
    quickbar.appendChild(list);
    wrap.appendChild(quickbar);

    function quickItem(tag, name, label) {
      var item = el(tag, "qb-item");
      if (tag === "button") { item.type = "button"; }
      item.setAttribute("data-quick", name);
      item.appendChild(icon(name === "chat" ? "chat" : name, name === "chat"));
      item.appendChild(el("span", null, label));
      return item;
    }
    function li(child) {
      var item = document.createElement("li");
      item.appendChild(child);
      return item;
    }
  }

  function collapseQuickbar(focusToggle) {
    quickbar.classList.remove("expanded");
    qbToggle.setAttribute("aria-expanded", "false");
    if (focusToggle && qbToggle.getClientRects().length) { qbToggle.focus(); }
  }

  function buildPanel() {
    panel = el("section", "panel");
    panel.id = "ecpa-panel";
    panel.hidden = true;
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-label", TITLE);
    wrap.addEventListener("keydown", function (event) {
      if ((event.key === "Escape" || event.key === "Esc") && !panel.hidden) {
        event.preventDefault();
        event.stopPropagation();
        closePanel(true);
      }
    });

    var head = el("header", "head");
    var title = el("h2", "title", TITLE);
    var close = el("button", "icon-btn close");
    close.type = "button";
    close.setAttribute("aria-label", "縮小智慧客服視窗");
    close.title = "縮小視窗（對話會保留）";
    close.appendChild(icon("close"));
    close.addEventListener("click", function () { closePanel(true); });
    var row = el("div", "head-row");
    row.appendChild(title);
    row.appendChild(close);
    head.appendChild(row);

    var tools = el("div", "tools");
    tools.appendChild(tool("survey", "滿意度調查", function () { showSurvey(false); }));
    tools.appendChild(tool("notes", "注意事項", showNotes));
    tools.appendChild(tool("end", "結束對話", showConfirm));
    var fonts = el("div", "fonts");
    fonts.setAttribute("role", "group");
    fonts.setAttribute("aria-label", "字體大小");
    fonts.appendChild(el("span", null, "字體大小"));
    FONTS.forEach(function (f) {
      var b = el("button", null, f[1]);
      b.type = "button";
      b.setAttribute("data-size", f[0]);
      b.title = "字體大小：" + f[1];
      b.addEventListener("click", function () { setFont(f[0]); });
      fontButtons[f[0]] = b;
      fonts.appendChild(b);
    });
    tools.appendChild(fonts);
    head.appendChild(tools);
    panel.appendChild(head);
    setFont(font);

    bodyView = el("div", "body");
    log = el("div", "log");
    log.setAttribute("role", "log");
    log.setAttribute("aria-live", "polite");
    log.setAttribute("aria-label", "對話紀錄");
    log.setAttribute("aria-busy", "false");
    bodyView.appendChild(log);

    typingRow = el("div", "row bot typing-row");
    typingRow.hidden = true;
    var typing = el("div", "bubble typing");
    typing.appendChild(el("i"));
    typing.appendChild(el("i"));
    typing.appendChild(el("i"));
    typing.appendChild(el("span", "sr-only", "智慧客服回覆中…"));
    typingRow.appendChild(typing);

    composer = el("form", "composer");
    composer.setAttribute("novalidate", "");
    var label = el("label", "sr-only", "您的提問");
    label.htmlFor = "ecpa-question";
    // A textarea that grows, so the whole example question of the placeholder can be read.
    input = el("textarea", "question");
    input.id = "ecpa-question";
    input.rows = 1;
    input.maxLength = MAX_TEXT;
    input.placeholder = PLACEHOLDER;
    input.autocomplete = "off";
    input.setAttribute("enterkeyhint", "send");
    input.setAttribute("aria-describedby", "ecpa-counter");
    mirror = el("textarea", "question mirror");
    mirror.rows = 1;
    mirror.tabIndex = -1;
    mirror.setAttribute("aria-hidden", "true");
    var send = el("button", "primary send", "送出");
    send.type = "submit";
    counter = el("p", "counter");
    counter.id = "ecpa-counter";
    counter.hidden = true;
    input.addEventListener("input", function () {
      updateCounter(input, counter, MAX_TEXT, 400);
      fitInput();
    });
    input.addEventListener("keydown", function (event) {
      // Enter sends, Shift+Enter starts a new line; never while an input method is composing (注音, 倉頡).
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
        event.preventDefault();
        submitQuestion();
      }
    });
    window.addEventListener("resize", fitInput);
    composer.appendChild(label);
    composer.appendChild(input);
    composer.appendChild(send);
    composer.appendChild(counter);
    composer.appendChild(mirror);
    composer.addEventListener("submit", function (event) {
      event.preventDefault();
      submitQuestion();
    });
    bodyView.appendChild(composer);
    panel.appendChild(bodyView);

    buildSurvey();
    buildConfirm();
    wrap.appendChild(panel);

    function tool(name, text, action) {
      var b = el("button", "tool", text);
      b.type = "button";
      b.setAttribute("data-tool", name);
      b.addEventListener("click", action);
      return b;
    }
  }

  function buildSurvey() {
    surveyView = el("div", "sheet survey");
    surveyView.hidden = true;
    surveyView.setAttribute("role", "region");
    surveyView.setAttribute("aria-labelledby", "ecpa-survey-title");
    var h = el("h3", null, "滿意度調查");
    h.id = "ecpa-survey-title";
    h.tabIndex = -1;
    surveyView.appendChild(h);

    surveyForm = el("form");
    surveyForm.setAttribute("novalidate", "");
    var set = el("fieldset");
    set.appendChild(el("legend", null, "請問您對本次智慧客服的服務是否滿意？"));
    var scores = el("div", "scores");
    SCORES.forEach(function (s) {
      var option = el("label", "score");
      var radio = el("input");
      radio.type = "radio";
      radio.name = "score";
      radio.value = String(s[0]);
      radio.addEventListener("change", markScores);
      radio.addEventListener("focus", function () { option.classList.toggle("focused", radio.matches(":focus-visible")); });
      radio.addEventListener("blur", function () { option.classList.remove("focused"); });
      option.appendChild(radio);
      option.appendChild(el("b", null, String(s[0])));
      var words = el("span");
      words.appendChild(document.createTextNode(s[1].slice(0, s[1].indexOf("非常") === 0 ? 2 : 0)));
      words.appendChild(el("wbr"));
      words.appendChild(document.createTextNode(s[1].slice(s[1].indexOf("非常") === 0 ? 2 : 0)));
      option.appendChild(words);
      scores.appendChild(option);
    });
    set.appendChild(scores);
    surveyForm.appendChild(set);

    var label = el("label", "field-label", "其他意見（選填，" + MAX_COMMENT + "字以內）");
    label.htmlFor = "ecpa-comment";
    comment = el("textarea");
    comment.id = "ecpa-comment";
    comment.rows = 3;
    comment.maxLength = MAX_COMMENT;
    comment.setAttribute("aria-describedby", "ecpa-comment-counter");
    commentCounter = el("p", "counter", "0/" + MAX_COMMENT);
    commentCounter.id = "ecpa-comment-counter";
    comment.addEventListener("input", function () { updateCounter(comment, commentCounter, MAX_COMMENT, 0); });
    surveyForm.appendChild(label);
    surveyForm.appendChild(comment);
    surveyForm.appendChild(commentCounter);

    surveyError = el("p", "message");
    surveyError.setAttribute("role", "alert");
    surveyError.hidden = true;
    surveyForm.appendChild(surveyError);

    var actions = el("div", "actions");
    var submit = el("button", "primary", "送出");
    submit.type = "submit";
    var back = el("button", "secondary", "返回對話");
    back.type = "button";
    back.addEventListener("click", showChat);
    actions.appendChild(submit);
    actions.appendChild(back);
    surveyForm.appendChild(actions);
    surveyForm.addEventListener("submit", function (event) {
      event.preventDefault();
      submitSurvey(submit);
    });
    surveyView.appendChild(surveyForm);

    thanksView = el("div");
    thanksView.hidden = true;
    thanksText = el("p", "thanks", "感謝您填寫滿意度調查！您的寶貴意見將作為我們改善服務的參考。");
    thanksText.setAttribute("role", "status");
    thanksText.tabIndex = -1;
    thanksButton = el("button", "primary");
    thanksButton.type = "button";
    thanksButton.addEventListener("click", function () {
      if (endAfterSurvey) { endConversation(); } else { showChat(); }
    });
    thanksView.appendChild(thanksText);
    var thanksActions = el("div", "actions");
    thanksActions.appendChild(thanksButton);
    thanksView.appendChild(thanksActions);
    surveyView.appendChild(thanksView);
    panel.appendChild(surveyView);
  }

  function buildConfirm() {
    confirmView = el("div", "sheet confirm");
    confirmView.hidden = true;
    confirmView.setAttribute("role", "region");
    confirmView.setAttribute("aria-labelledby", "ecpa-confirm-title");
    var h = el("h3", null, "結束對話");
    h.id = "ecpa-confirm-title";
    h.tabIndex = -1;
    confirmView.appendChild(h);
    confirmView.appendChild(el("p", null, "確定要結束本次對話嗎？結束後將清除對話紀錄，並開始新的對話。"));
    confirmSurvey = el("p", null, "結束前，歡迎您填寫滿意度調查，協助我們改善服務。");
    confirmView.appendChild(confirmSurvey);
    var actions = el("div", "actions");
    var survey = el("button", "secondary confirm-survey", "先填寫滿意度調查");
    survey.type = "button";
    survey.addEventListener("click", function () { showSurvey(true); });
    var end = el("button", "primary confirm-end", "結束對話");
    end.type = "button";
    end.addEventListener("click", endConversation);
    var cancel = el("button", "secondary", "取消");
    cancel.type = "button";
    cancel.addEventListener("click", showChat);
    actions.appendChild(end);
    actions.appendChild(survey);
    actions.appendChild(cancel);
    confirmView.appendChild(actions);
    panel.appendChild(confirmView);
  }

  /* ------------------------------------------------------------------ panel */

  function openPanel(focus, from) {
    if (from) { opener = from; }
    var wasOpen = !panel.hidden;
    panel.hidden = false;
    wrap.classList.add("is-open");
    launcher.setAttribute("aria-expanded", "true");
    if (!state.open) { state.open = true; saveState(); }
    if (!state.sessionId && !pending) { startConversation(false); }
    if (focus) {
      if (!surveyView.hidden || !confirmView.hidden) {
        var heading = (!surveyView.hidden ? surveyView : confirmView).querySelector("h3");
        heading.focus();
      } else {
        input.focus();
      }
    }
    fitInput();
    if (!wasOpen) { scrollToEnd(); }
  }

  function closePanel(returnFocus) {
    if (panel.hidden) { return; }
    panel.hidden = true;
    wrap.classList.remove("is-open");
    launcher.setAttribute("aria-expanded", "false");
    state.open = false;
    saveState();
    if (returnFocus) {
      var target = opener && opener.getClientRects().length ? opener : launcher;
      target.focus();
    }
  }

  function showChat() {
    surveyView.hidden = true;
    confirmView.hidden = true;
    bodyView.hidden = false;
    fitInput();
    input.focus();
    scrollToEnd();
  }

  function showSurvey(thenEnd) {
    endAfterSurvey = thenEnd;
    bodyView.hidden = true;
    confirmView.hidden = true;
    surveyView.hidden = false;
    surveyForm.hidden = false;
    thanksView.hidden = true;
    surveyError.hidden = true;
    surveyForm.reset();
    markScores();
    updateCounter(comment, commentCounter, MAX_COMMENT, 0);
    surveyView.querySelector("h3").focus();
  }

  function showConfirm() {
    bodyView.hidden = true;
    surveyView.hidden = true;
    confirmView.hidden = false;
    var offer = !state.surveyed && !!state.sessionId;
    confirmSurvey.hidden = !offer;
    confirmView.querySelector(".confirm-survey").hidden = !offer;
    confirmView.querySelector("h3").focus();
  }

  function showNotes() {
    showChat();
    add({ type: "notice", text: NOTES, time: nowIso(), local: true });
  }

  function setFont(size) {
    if (!fontButtons[size]) { size = "m"; }
    font = size;
    wrap.setAttribute("data-font", size);
    Object.keys(fontButtons).forEach(function (k) { fontButtons[k].setAttribute("aria-pressed", String(k === size)); });
    try { localStorage.setItem(FONT_KEY, size); } catch (e) { /* storage may be disabled */ }
    fitInput();
  }

  function submitQuestion() {
    var text = input.value.trim();
    if (!text) { input.focus(); return; }
    if (text.length > MAX_TEXT) { text = text.slice(0, MAX_TEXT); }
    input.value = "";
    updateCounter(input, counter, MAX_TEXT, 400);
    fitInput();
    ask({ text: text }, text);
  }

  /** As tall as its text or, at least, its placeholder (up to a limit, then it scrolls). */
  function fitInput() {
    if (!bodyView || panel.hidden || bodyView.hidden) { return; }
    // Measured on a hidden twin, so the caret and the undo history of the real one are left alone.
    mirror.style.width = input.offsetWidth + "px";
    mirror.value = PLACEHOLDER;
    var wanted = mirror.scrollHeight;
    mirror.value = input.value;
    wanted = Math.max(wanted, mirror.scrollHeight);
    input.style.height = (wanted + input.offsetHeight - input.clientHeight) + "px";
  }

  function updateCounter(field, out, max, from) {
    var length = field.value.length;
    out.textContent = from ? "還可輸入 " + (max - length) + " 字" : length + "/" + max;
    out.hidden = length < from;
  }

  /* ------------------------------------------------------------------ conversation */

  function startConversation(silent) {
    return enqueue(function () { return start(silent); });
  }

  function start(silent) {
    var mine = epoch;
    return post(API, {}).then(function (reply) {
      if (mine !== epoch) { return false; }
      if (reply.status === 201 && reply.body && reply.body.sessionId) {
        state.sessionId = reply.body.sessionId;
        state.surveyed = false;
        saveState();
        if (!silent) { showMessages(reply.body.messages); }
        return true;
      }
      add(errorMessage(reply));
      return false;
    });
  }

  function ask(body, label) {
    add({ type: "user", text: label, time: nowIso() });
    enqueue(function () { return turn(body, false); });
  }

  function turn(body, retried) {
    var mine = epoch;
    var ready = state.sessionId ? Promise.resolve(true) : start(true);
    return ready.then(function (ok) {
      if (!ok || mine !== epoch) { return; }
      return post(API + "/" + encodeURIComponent(state.sessionId) + "/messages", body).then(function (reply) {
        if (mine !== epoch) { return; }
        if (reply.status === 404 && !retried) {
          // The server forgot this conversation (idle, restarted): start a new one and ask again.
          state.sessionId = null;
          saveState();
          add({ type: "divider", text: "已為您開始新的對話", time: nowIso() });
          return start(true).then(function (started) { if (started) { return turn(body, true); } });
        }
        if (reply.status === 200 && reply.body && reply.body.messages) {
          showMessages(reply.body.messages);
        } else {
          add(errorMessage(reply));
        }
      });
    });
  }

  function endConversation() {
    epoch++;
    state = { sessionId: null, messages: [], open: !panel.hidden, surveyed: false };
    saveState();
    clear(log);
    showChat();
    startConversation(false);
  }

  function submitSurvey(button) {
    var chosen = surveyForm.querySelector("input[name='score']:checked");
    var text = comment.value.trim();
    if (!chosen) { return surveyFailed("請選擇您的滿意程度。"); }
    if (text.length > MAX_COMMENT) { return surveyFailed("意見請勿超過 " + MAX_COMMENT + " 字。"); }
    if (!state.sessionId) { return surveyFailed("目前沒有進行中的對話，請先開始對話。"); }
    var body = { score: Number(chosen.value) };
    if (text) { body.comment = text; }
    button.disabled = true;
    surveyError.hidden = true;
    post(API + "/" + encodeURIComponent(state.sessionId) + "/satisfaction", body).then(function (reply) {
      button.disabled = false;
      if (reply.status === 204) {
        state.surveyed = true;
        saveState();
        surveyForm.hidden = true;
        thanksView.hidden = false;
        thanksButton.textContent = endAfterSurvey ? "結束對話並開始新對話" : "返回對話";
        thanksText.focus();
      } else {
        surveyFailed(errorMessage(reply).text);
      }
    });
  }

  function markScores() {
    surveyError.hidden = true;
    Array.prototype.forEach.call(surveyForm.querySelectorAll(".score"), function (option) {
      option.classList.toggle("checked", option.querySelector("input").checked);
    });
  }

  function surveyFailed(text) {
    surveyError.textContent = text;
    surveyError.hidden = false;
  }

  function errorMessage(reply) {
    var text = reply.body && typeof reply.body.message === "string" && reply.body.message ? reply.body.message
      : reply.status === 0 ? OFFLINE : BUSY;
    return { type: "error", text: text, time: nowIso() };
  }

  function enqueue(task) {
    pending++;
    setTyping();
    queue = queue.then(task).catch(function () { add({ type: "error", text: BUSY, time: nowIso() }); })
      .then(function () { pending--; setTyping(); });
    return queue;
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin"
    }).then(function (response) {
      if (response.status === 204) { return { status: 204, body: null }; }
      return response.json().catch(function () { return null; })
        .then(function (json) { return { status: response.status, body: json }; });
    }, function () {
      return { status: 0, body: null };
    });
  }

  /* ------------------------------------------------------------------ transcript */

  function showMessages(messages) {
    if (!Array.isArray(messages)) { return; }
    var first = null;
    messages.forEach(function (m) {
      var row = add(clean(m), true);
      if (!first) { first = row; }
    });
    if (first) { scrollToRow(first); }
  }

  /** Keeps only the fields the widget uses, as strings and arrays of strings. */
  function clean(m) {
    m = m && typeof m === "object" ? m : {};
    var out = { type: str(m.type) || "answer", text: str(m.text), time: str(m.time) };
    if (m.answerId) { out.answerId = str(m.answerId); }
    if (Array.isArray(m.options)) {
      out.options = m.options.filter(Boolean).map(function (o) { return { id: str(o.id), label: str(o.label) }; });
    }
    if (Array.isArray(m.links)) {
      out.links = m.links.filter(Boolean).map(function (l) { return { label: str(l.label), url: str(l.url) }; });
    }
    return out;
  }

  function add(message, noScroll) {
    state.messages.push(message);
    if (state.messages.length > MAX_KEPT) { state.messages.splice(0, state.messages.length - MAX_KEPT); }
    saveState();
    var row = render(message);
    log.appendChild(row);
    if (pending) { log.appendChild(typingRow); }
    if (!noScroll) { scrollToRow(row); }
    return row;
  }

  function renderTranscript() {
    clear(log);
    state.messages.forEach(function (m) { log.appendChild(render(m)); });
  }

  function render(m) {
    var type = str(m.type);
    if (type === "divider") {
      return el("p", "divider", "— " + str(m.text) + " —");
    }
    var who = type === "user" ? "user" : type === "notice" ? "notice" : type === "error" ? "error" : "bot";
    var row = el("div", "row " + who);
    row.setAttribute("data-type", type);
    if (m.answerId) { row.setAttribute("data-answer-id", str(m.answerId)); }
    var bubble = el("div", "bubble");
    bubble.appendChild(el("span", "sr-only", who === "user" ? "您說：" : "智慧客服："));
    var text = el("p", "text");
    var body = str(m.text);
    if (type === "menu" && body.indexOf("\n") > 0) {
      // A menu's first line is its topic, as in the portal: 人事服務網登入相關問題 / 請問您是以何種方式登入的呢~
      text.appendChild(el("span", "lead", body.slice(0, body.indexOf("\n"))));
      body = body.slice(body.indexOf("\n") + 1);
    }
    text.appendChild(document.createTextNode(body));
    bubble.appendChild(text);

    var links = Array.isArray(m.links) ? m.links : [];
    if (links.length) {
      var list = el("ul", "links");
      links.forEach(function (link) {
        var item = document.createElement("li");
        var url = safeUrl(link.url);
        if (url) {
          var a = el("a", null, str(link.label) || url);
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
      bubble.appendChild(list);
    }

    var options = Array.isArray(m.options) ? m.options : [];
    if (options.length && who !== "user") {
      var topics = el("div", "options");
      topics.setAttribute("role", "group");
      topics.setAttribute("aria-label", "請選擇");
      var navs = el("div", "navs");
      navs.setAttribute("role", "group");
      navs.setAttribute("aria-label", "導覽");
      options.forEach(function (option) {
        var id = str(option.id);
        var label = str(option.label);
        var nav = id.indexOf("nav.") === 0;
        var b = el("button", "option" + (nav ? " nav" : ""), label);
        b.type = "button";
        b.setAttribute("data-option", id);
        b.addEventListener("click", function () { ask({ optionId: id }, label); });
        (nav ? navs : topics).appendChild(b);
      });
      if (topics.firstChild) { bubble.appendChild(topics); }
      if (navs.firstChild) { bubble.appendChild(navs); }
    }
    row.appendChild(bubble);
    var hhmm = clock(m.time);
    if (hhmm) {
      var time = el("time", "time", hhmm);
      time.setAttribute("datetime", str(m.time));
      row.appendChild(time);
    }
    return row;
  }

  function setTyping() {
    typingRow.hidden = pending === 0;
    log.setAttribute("aria-busy", String(pending > 0));
    if (pending) {
      log.appendChild(typingRow);
      scrollToEnd();
    } else if (typingRow.parentNode) {
      typingRow.parentNode.removeChild(typingRow);
    }
  }

  function scrollToRow(row) {
    // Show the start of a long answer rather than its end; the browser clamps at the bottom.
    log.scrollTop = Math.max(0, row.offsetTop - 8);
  }

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  /* ------------------------------------------------------------------ storage and helpers */

  function loadState() {
    var empty = { sessionId: null, messages: [], open: false, surveyed: false };
    try {
      var saved = JSON.parse(sessionStorage.getItem(STATE_KEY) || "null");
      if (!saved || typeof saved !== "object") { return empty; }
      return {
        sessionId: typeof saved.sessionId === "string" ? saved.sessionId : null,
        messages: Array.isArray(saved.messages) ? saved.messages.filter(function (m) { return m && typeof m === "object"; }) : [],
        open: saved.open === true,
        surveyed: saved.surveyed === true
      };
    } catch (e) {
      return empty;
    }
  }

  function saveState() {
    try {
      sessionStorage.setItem(STATE_KEY, JSON.stringify(state));
    } catch (e) {
      // A full or disabled storage only loses the transcript across pages.
    }
  }

  function loadFont() {
    try {
      var saved = localStorage.getItem(FONT_KEY);
      return saved === "s" || saved === "m" || saved === "l" ? saved : "m";
    } catch (e) {
      return "m";
    }
  }

  /** HH:mm as the server wrote it (its own offset, Taiwan time), not converted to the browser's zone. */
  function clock(iso) {
    var match = /T(\d{2}):(\d{2})/.exec(str(iso));
    return match ? match[1] + ":" + match[2] : "";
  }

  /** Now in Taiwan time with its offset, like the server's times. */
  function nowIso() {
    return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 19) + "+08:00";
  }

  /** An absolute http(s) URL, or null: javascript:, data: and the like are shown as text. */
  function safeUrl(url) {
    try {
      var parsed = new URL(str(url), scriptUrl.origin);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function str(value) {
    return value === undefined || value === null ? "" : String(value);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function icon(name, solid) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    if (solid) { svg.setAttribute("class", "solid"); }
    var path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("d", ICONS[name]);
    svg.appendChild(path);
    return svg;
  }

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
  }
})();
