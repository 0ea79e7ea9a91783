/*
 * 行政院人事行政總處智慧客服 — the eCPA customer-service chat widget.
 *
 * Embedded with one tag: <script src="/widget/ecpa-chat.js" defer></script>
 *
 * - Everything lives in an open Shadow DOM: the host page's CSS cannot reach the widget, and the widget adds no
 *   style, class or global to the host page (only one empty host element at the end of <body>). Its styles are
 *   ecpa-chat.css beside this script, linked inside the shadow root; the widget is built once they are in.
 * - Everything from the server (and everything the user typed) is rendered with textContent, never as HTML.
 * - The conversation (session id, transcript, whether the panel is open) is kept in sessionStorage, so it
 *   survives navigation and reloads in the same tab; the font size (大/中/小) is kept in localStorage.
 * - Chat API: POST /api/chat/sessions, POST /api/chat/sessions/{id}/messages, POST .../{id}/satisfaction,
 *   POST .../{id}/feedback (👍/👎 on an answer).
 * - Form messages (the password reset, the mailbox re-verification) are real forms inside the conversation. What is
 *   typed into them is sent once and never echoed or stored: the transcript keeps only the form's text (a form
 *   shown again after a reload is dead: 「表單已失效，請重新開始」), and the captcha image is never stored either.
 * - Action messages ask the widget to do something in the browser: "env-check" probes the browser (see probe()).
 *   The local component addresses can be overridden, for tests or a page that knows better, with
 *   window.ECPA_CHAT_CONFIG = { hicosUrl: "...", nhiUrl: "..." } (read when the check runs) or with the
 *   data-hicos-url / data-nhi-url attributes of this script's tag.
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
  var FORM_NOTES = {
    sent: "（表單已送出）",
    left: "（已離開表單）",
    stale: "（表單已失效，請重新開始）"
  };
  var CHECK_NOTES = { running: "檢測中…", done: "檢測完成", failed: "檢測未完成", stale: "（檢測已中斷，請重新開始）" };
  var HICOS_URL = "http://localhost:61161";
  var PROBE_TIMEOUT = 2000;
  var LEAVE_FORM = "form.leave";
  var STATE_KEY = "ecpa-chat:state";
  var FONT_KEY = "ecpa-chat:font";
  var FONTS = [["l", "大"], ["m", "中"], ["s", "小"]];
  var SCORES = [[1, "非常不滿意"], [2, "不滿意"], [3, "普通"], [4, "滿意"], [5, "非常滿意"]];
  var QUICK_LINKS = [
    ["todo", "待辦事項", "/home.html#todos"],
    ["apps", "應用系統", "/apps.html"],
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
    external: "M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5",
    up: "M7 11v9H4a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1h3zM7 11l4-8a2.5 2.5 0 0 1 2.5 2.5V9h5.2a2 2 0 0 1 2 2.3l-1.2 7A2 2 0 0 1 17.5 20H7",
    down: "M17 13V4h3a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1h-3zM17 13l-4 8a2.5 2.5 0 0 1-2.5-2.5V15H5.3a2 2 0 0 1-2-2.3l1.2-7A2 2 0 0 1 6.5 4H17"
  };

  var scriptTag = document.currentScript;
  var scriptUrl = new URL(scriptTag ? scriptTag.src : "/widget/ecpa-chat.js", location.href);
  var API = scriptUrl.origin + "/api/chat/sessions";

  var state = loadState();
  var font = loadFont();
  var pending = 0;
  var queue = Promise.resolve();
  var opener = null;
  var endAfterSurvey = false;
  var epoch = 0; // bumped by 結束對話: replies to an ended conversation are dropped
  var liveForms = []; // forms that can still be filled in: { row, form, kept, sent, left }
  var formSeq = 0;
  var formHadFocus = false; // whether the focus was in the form just sent
  var justSent = null; // the id of the form whose reply is awaited: if it comes back, it says why first

  var host, root, wrap, quickbar, qbToggle, launcher, panel, bodyView, log, typingRow, composer, input, mirror, counter;
  var surveyView, surveyForm, surveyError, thanksView, thanksText, thanksButton, confirmView, confirmSurvey, comment,
    commentCounter, fontButtons = {};

  if (document.body) { build(); } else { document.addEventListener("DOMContentLoaded", build); }

  /* ------------------------------------------------------------------ building */

  function build() {
    if (window.__ecpaChat) { return; }
    var styled = new Promise(function (resolve) {
      host = document.createElement("div");
      host.id = "ecpa-chat";
      root = host.attachShadow({ mode: "open" });
      // The stylesheet beside this script, in the shadow root; the widget is built once it is in (or failed), so
      // it never shows unstyled.
      var sheet = document.createElement("link");
      sheet.rel = "stylesheet";
      sheet.href = new URL("ecpa-chat.css", scriptUrl).href;
      sheet.addEventListener("load", resolve);
      sheet.addEventListener("error", resolve);
      root.appendChild(sheet);
      document.body.appendChild(host);
    }).then(buildWidget);
    window.__ecpaChat = {
      open: function () { styled.then(function () { openPanel(true); }); },
      close: function () { styled.then(function () { closePanel(false); }); }
    };
  }

  function buildWidget() {
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

  /** Sends one turn and shows the reply; resolves with the server's reply (undefined when dropped). */
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
        return reply;
      });
    });
  }

  function endConversation() {
    epoch++;
    state = { sessionId: null, messages: [], open: !panel.hidden, surveyed: false };
    saveState();
    liveForms = [];
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
    // Where the focus was before forms go: a reply to a click in the log may move it to a new form.
    var focusWasInLog = root.activeElement ? log.contains(root.activeElement) : formHadFocus;
    formHadFocus = false;
    // A newer message ends the forms still open: the one just sent, or one the user walked away from.
    closeForms();
    var first = null;
    var newForm = null;
    messages.forEach(function (raw) {
      var m = clean(raw);
      if (m.type === "form" && justSent && m.formId === justSent) { m.retry = true; }
      var row = add(m, true);
      if (!first) { first = row; }
      if (m.type === "form" && row.querySelector("form")) { newForm = row; }
      if (m.type === "action" && m.action === "env-check") { runCheck(m, state.messages[state.messages.length - 1], row); }
    });
    if (first) { scrollToRow(first); }
    if (panel.hidden || bodyView.hidden) { return; }
    var lost = !root.activeElement;
    if (newForm && (focusWasInLog || lost)) {
      newForm.querySelector("input:not([type='hidden'])").focus();
    } else if (focusWasInLog && lost) {
      input.focus();
    }
  }

  /** Keeps only the fields the widget uses, as strings, booleans, numbers and arrays of them. */
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
    if (m.formId) { out.formId = str(m.formId); }
    if (Array.isArray(m.fields)) {
      out.fields = m.fields.filter(function (f) { return f && f.name; }).map(function (f) {
        return { name: str(f.name), label: str(f.label), type: str(f.type) || "text", required: f.required === true,
          maxLength: typeof f.maxLength === "number" && f.maxLength > 0 ? Math.floor(f.maxLength) : 0, hint: str(f.hint) };
      });
    }
    if (m.captcha && typeof m.captcha === "object") {
      out.captcha = { id: str(m.captcha.id), image: str(m.captcha.image), answer: str(m.captcha.answer) };
    }
    if (m.submitLabel) { out.submitLabel = str(m.submitLabel); }
    if (m.action) { out.action = str(m.action); }
    if (Array.isArray(m.probes)) { out.probes = m.probes.map(str); }
    if (m.method) { out.method = str(m.method); }
    return out;
  }

  /**
   * What the transcript keeps of a message: forms and actions only by their text, never their fields, captcha or
   * anything typed; they are dead after a reload.
   */
  function keep(m) {
    if (m.type === "form" || m.type === "action") {
      var kept = { type: m.type, text: str(m.text), time: str(m.time) };
      if (m.formId) { kept.formId = m.formId; }
      if (m.action) { kept.action = m.action; }
      return kept;
    }
    return m;
  }

  function add(message, noScroll) {
    var kept = keep(message);
    state.messages.push(kept);
    if (state.messages.length > MAX_KEPT) { state.messages.splice(0, state.messages.length - MAX_KEPT); }
    saveState();
    var row = render(message, kept);
    log.appendChild(row);
    if (pending) { log.appendChild(typingRow); }
    if (!noScroll) { scrollToRow(row); }
    return row;
  }

  function renderTranscript() {
    clear(log);
    state.messages.forEach(function (m) { log.appendChild(render(m)); });
  }

  /**
   * A message's row. {@code kept} is what the transcript keeps of it (votes and a form's fate are written there);
   * only a message fresh from the server (m !== kept) brings a live form or a running check.
   */
  function render(m, kept) {
    kept = kept || m;
    var type = str(m.type);
    if (type === "divider") {
      return el("p", "divider", "— " + str(m.text) + " —");
    }
    var who = type === "user" ? "user" : type === "notice" ? "notice" : type === "error" ? "error" : "bot";
    var row = el("div", "row " + who + (type === "form" || type === "action" ? " " + type : ""));
    row.setAttribute("data-type", type);
    if (m.answerId) { row.setAttribute("data-answer-id", str(m.answerId)); }
    var bubble = el("div", "bubble");
    bubble.appendChild(el("span", "sr-only", who === "user" ? "您說：" : "智慧客服："));
    var text = el("p", "text");
    var body = str(m.text);
    var reason = null;
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
    var live = m !== kept;
    if (type === "form") {
      if (live && m.fields && m.fields.length) {
        buildForm(m, kept, row, bubble, reason);
      } else {
        bubble.appendChild(el("p", "form-note", FORM_NOTES[kept.closed] || FORM_NOTES.stale));
      }
      options = [];
    } else if (type === "action") {
      bubble.appendChild(el("p", "status" + (live ? " running" : ""),
        live ? CHECK_NOTES.running : CHECK_NOTES[kept.closed] || CHECK_NOTES.stale));
      options = [];
    }
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
    if (type === "answer" && m.answerId && m.answerId !== "fallback" && m.answerId !== "did-you-mean") {
      bubble.appendChild(buildVote(kept));
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

  /* ------------------------------------------------------------------ forms */

  /** A form message's inputs: labelled, with hints and required marks; a captcha shows its image above its input. */
  function buildForm(m, kept, row, bubble, reason) {
    var seq = ++formSeq;
    var form = el("form", "chat-form");
    form.setAttribute("novalidate", "");
    form.setAttribute("data-form-id", str(m.formId));
    if (reason) {
      var why = el("p", "form-error reason", reason);
      why.setAttribute("role", "alert");
      form.appendChild(why);
    }
    var entry = { row: row, form: form, kept: kept, sent: false, left: false };
    var inputs = [];
    m.fields.forEach(function (f, i) {
      var id = "ecpa-f" + seq + "-" + i;
      var field = el("div", "field field-" + f.type);
      var box = el("input");
      box.id = id;
      box.name = f.name;
      if (f.required) { box.required = true; }
      if (f.type === "checkbox") {
        box.type = "checkbox";
        var check = el("label", "check");
        check.htmlFor = id;
        check.appendChild(box);
        check.appendChild(el("span", null, f.label));
        field.appendChild(check);
      } else {
        box.className = "input";
        box.type = f.type === "password" ? "password" : f.type === "email" ? "email" : "text";
        box.autocomplete = f.type === "password" ? "new-password" : f.type === "email" ? "email" : "off";
        box.spellcheck = false;
        box.setAttribute("autocapitalize", "off");
        if (f.maxLength) { box.maxLength = f.maxLength; }
        var label = el("label", null, f.label);
        label.htmlFor = id;
        if (f.required) {
          label.appendChild(el("span", "req", "*")).setAttribute("aria-hidden", "true");
        }
        field.appendChild(label);
        var image = f.type === "captcha" && m.captcha ? safeImage(m.captcha.image) : null;
        if (image) {
          var img = el("img", "captcha-img");
          img.src = image;
          img.alt = "驗證碼圖片";
          // Test mode only (CAPTCHA_MODE=test): the answer rides along for automated tests, never shown.
          if (m.captcha.answer) { img.setAttribute("data-answer", m.captcha.answer); }
          field.appendChild(img);
        }
        field.appendChild(box);
      }
      if (f.hint) {
        var hint = el("p", "hint", f.hint);
        hint.id = id + "-hint";
        box.setAttribute("aria-describedby", hint.id);
        field.appendChild(hint);
      }
      inputs.push({ field: f, box: box });
      form.appendChild(field);
    });

    var error = el("p", "form-error missing");
    error.setAttribute("role", "alert");
    error.hidden = true;
    form.appendChild(error);

    var actions = el("div", "actions");
    var submit = el("button", "primary form-submit", m.submitLabel || "送出");
    submit.type = "submit";
    actions.appendChild(submit);
    (m.options || []).forEach(function (option) {
      var b = el("button", "secondary", option.label);
      b.type = "button";
      b.setAttribute("data-option", option.id);
      b.addEventListener("click", function () {
        entry.left = option.id === LEAVE_FORM;
        sendFromForm(entry, { optionId: option.id }, option.label);
      });
      actions.appendChild(b);
    });
    form.appendChild(actions);

    // What was marked missing is unmarked once filled in.
    form.addEventListener("input", function (event) {
      var box = event.target;
      if (box.getAttribute("aria-invalid") !== "true") { return; }
      if (box.type === "checkbox" ? box.checked : box.value.trim()) { box.removeAttribute("aria-invalid"); }
      if (!form.querySelector("[aria-invalid='true']")) { error.hidden = true; }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (entry.sent) { return; }
      var missing = [];
      inputs.forEach(function (i) {
        var empty = i.box.type === "checkbox" ? !i.box.checked : !i.box.value.trim();
        if (i.field.required && empty) {
          missing.push(i);
          i.box.setAttribute("aria-invalid", "true");
        } else {
          i.box.removeAttribute("aria-invalid");
        }
      });
      if (missing.length) {
        error.textContent = "請填寫" + missing.map(function (i) { return i.field.label; }).join("、") + "。";
        error.hidden = false;
        missing[0].box.focus();
        return;
      }
      error.hidden = true;
      var values = {};
      inputs.forEach(function (i) {
        // Passwords exactly as typed; other text without the spaces around it; a checkbox as "true"/"false".
        values[i.field.name] = i.box.type === "checkbox" ? String(i.box.checked)
          : i.box.type === "password" ? i.box.value : i.box.value.trim();
      });
      if (m.captcha && m.captcha.id) { values.captchaId = m.captcha.id; }
      sendFromForm(entry, { formId: m.formId, form: values }, "已送出表單");
    });
    liveForms.push(entry);
    bubble.appendChild(form);
  }

  /**
   * Sends a form (or its 離開) as one turn; the user's side shows only {@code label}, never a value. The server's
   * reply ends the form (see showMessages); a refusal of a form it no longer waits for ends it too, and any
   * other failure (busy, offline) gives it back to be sent again.
   */
  function sendFromForm(entry, body, label) {
    entry.sent = !!body.form;
    // Disabling the form takes the focus off it: the reply gives it back (to the next form or the question box).
    formHadFocus = !!root.activeElement && entry.form.contains(root.activeElement);
    setFormDisabled(entry, true);
    add({ type: "user", text: label, time: nowIso() });
    enqueue(function () {
      justSent = body.formId || null;
      return turn(body, false).then(function (reply) {
        justSent = null;
        if (liveForms.indexOf(entry) < 0) { return; }
        if (reply && reply.status === 400) {
          closeForm(entry, "stale");
          if (formHadFocus && !root.activeElement && !bodyView.hidden) { input.focus(); }
          formHadFocus = false;
        } else {
          entry.sent = false;
          entry.left = false;
          setFormDisabled(entry, false);
          if (formHadFocus && !root.activeElement) { entry.form.querySelector(".form-submit").focus(); }
          formHadFocus = false;
        }
      });
    });
  }

  function setFormDisabled(entry, disabled) {
    Array.prototype.forEach.call(entry.form.querySelectorAll("input, button"), function (control) {
      control.disabled = disabled;
    });
  }

  function closeForms() {
    liveForms.slice().forEach(function (entry) {
      closeForm(entry, entry.sent ? "sent" : entry.left ? "left" : "stale");
    });
  }

  /** Takes a form's inputs (and what was typed in them) off the page, leaving its text and a note. */
  function closeForm(entry, how) {
    liveForms.splice(liveForms.indexOf(entry), 1);
    if (entry.form.parentNode) {
      entry.form.parentNode.insertBefore(el("p", "form-note", FORM_NOTES[how]), entry.form);
      entry.form.parentNode.removeChild(entry.form);
    }
    entry.kept.closed = how;
    saveState();
  }

  /** Only a PNG, GIF or JPEG data URL is shown as the captcha. */
  function safeImage(url) {
    url = str(url);
    return /^data:image\/(png|gif|jpeg);base64,[A-Za-z0-9+\/=]+$/.test(url) ? url : null;
  }

  /* ------------------------------------------------------------------ environment check */

  /** Runs the probes of an env-check message, then sends the results as the form it names. */
  function runCheck(m, kept, row) {
    var status = row.querySelector(".status");
    enqueue(function () {
      var mine = epoch;
      return probe(m.probes && m.probes.length ? m.probes : null).then(function (results) {
        if (mine !== epoch) { return; }
        results.method = m.method || "other";
        return turn({ formId: m.formId || "env-check.result", form: results }, false).then(function (reply) {
          var done = !!reply && reply.status === 200;
          kept.closed = done ? "done" : "failed";
          saveState();
          status.className = "status";
          status.textContent = CHECK_NOTES[kept.closed];
        });
      });
    });
  }

  /**
   * The browser's environment, as strings: browser, browserVersion, os, cookies, storage, popups, hicos,
   * hicosVersion, nhi, screen. Only the probes asked for run (all when {@code wanted} is null).
   */
  function probe(wanted) {
    var out = {};
    var asked = function (name) { return !wanted || wanted.indexOf(name) >= 0; };
    var agent = browserOf();
    if (asked("browser")) { out.browser = agent.name; }
    if (asked("browserVersion") && agent.version) { out.browserVersion = agent.version; }
    if (asked("os")) { out.os = osOf(); }
    if (asked("cookies")) { out.cookies = String(cookiesWork()); }
    if (asked("storage")) { out.storage = String(storageWorks(window.localStorage) && storageWorks(window.sessionStorage)); }
    if (asked("screen") && window.screen) { out.screen = screen.width + "x" + screen.height; }
    var waits = [];
    if (asked("popups")) {
      waits.push(noActivation().then(function () { out.popups = popupsAllowed() ? "allowed" : "blocked"; }));
    }
    if (asked("hicos")) {
      waits.push(probeLocal(localUrl("hicos", HICOS_URL) + "/pkcs11info").then(function (found) {
        out.hicos = found.answers ? "ok" : "missing";
        if (found.version && asked("hicosVersion")) { out.hicosVersion = found.version; }
      }));
    }
    if (asked("nhi")) {
      // The NHI card component (健保卡元件) runs on the user's computer too, but its address is not known here
      // (no port is assumed): it is probed only where the page says (data-nhi-url, ECPA_CHAT_CONFIG.nhiUrl), else
      // reported as "unknown".
      var nhiUrl = localUrl("nhi", null);
      waits.push(!nhiUrl ? Promise.resolve().then(function () { out.nhi = "unknown"; })
        : probeLocal(nhiUrl).then(function (found) { out.nhi = found.answers ? "ok" : "missing"; }));
    }
    return Promise.all(waits).then(function () { return out; }, function () { return out; });
  }

  /**
   * A click leaves a few seconds of "user activation" during which Chrome lets any window.open through; the
   * portal's own pop-ups come later than that, so the probe waits (up to 6 s) until the activation has passed.
   */
  function noActivation() {
    var activation = navigator.userActivation;
    if (!activation || !activation.isActive) { return Promise.resolve(); }
    var until = Date.now() + 6000;
    return new Promise(function (resolve) {
      (function wait() {
        if (!activation.isActive || Date.now() > until) { resolve(); } else { setTimeout(wait, 100); }
      })();
    });
  }

  function popupsAllowed() {
    try {
      var opened = window.open("about:blank", "_blank", "width=100,height=100");
      if (!opened || opened.closed) { return false; }
      opened.close();
      return true;
    } catch (e) {
      return false;
    }
  }

  /**
   * Whether a local component answers at a URL (and its version when it says one): a readable (CORS) answer, or
   * an opaque no-cors one, both prove it runs; a refused connection or no answer within 2 s means it does not.
   * (A browser that asks before a site may reach localhost, as newer Chrome does, reports it missing until allowed.)
   */
  function probeLocal(url) {
    return within(url, "cors").then(function (response) {
      return response.text().then(function (body) { return { answers: true, version: versionIn(body) }; },
        function () { return { answers: true }; });
    }, function (error) {
      if (error && error.name === "AbortError") { return { answers: false }; }
      return within(url, "no-cors").then(function () { return { answers: true }; },
        function () { return { answers: false }; });
    });
  }

  function within(url, mode) {
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var timer;
    var timeout = new Promise(function (resolve, reject) {
      timer = setTimeout(function () {
        if (controller) { controller.abort(); }
        var e = new Error("timeout");
        e.name = "AbortError";
        reject(e);
      }, PROBE_TIMEOUT);
    });
    var request = fetch(url, { mode: mode, cache: "no-store", credentials: "omit", redirect: "error",
      signal: controller ? controller.signal : undefined });
    return Promise.race([request, timeout]).then(function (r) { clearTimeout(timer); return r; },
      function (e) { clearTimeout(timer); throw e; });
  }

  /** A version from a component's JSON answer: version, Version, componentVersion… at the top or one level down. */
  function versionIn(body) {
    var json;
    try { json = JSON.parse(body); } catch (e) { return null; }
    var found = null;
    (function look(node, depth) {
      if (found || !node || typeof node !== "object" || depth > 2) { return; }
      Object.keys(node).forEach(function (key) {
        var value = node[key];
        if (!found && /version$/i.test(key) && (typeof value === "string" || typeof value === "number")) {
          var v = String(value).trim();
          if (/^[0-9A-Za-z][0-9A-Za-z._\- ]{0,39}$/.test(v)) { found = v; }
        }
      });
      Object.keys(node).forEach(function (key) { look(node[key], depth + 1); });
    })(json, 0);
    return found;
  }

  /** A local component's base URL: window.ECPA_CHAT_CONFIG.{name}Url, else the script tag's data-{name}-url. */
  function localUrl(name, fallback) {
    var config = window.ECPA_CHAT_CONFIG;
    var given = config && typeof config === "object" && typeof config[name + "Url"] === "string" ? config[name + "Url"]
      : scriptTag && scriptTag.getAttribute("data-" + name + "-url");
    if (given) {
      try {
        var url = new URL(given, location.href);
        if (url.protocol === "http:" || url.protocol === "https:") { return url.href.replace(/\/+$/, ""); }
      } catch (e) { /* an unusable address: the default */ }
    }
    return fallback;
  }

  /** chrome, edge, firefox, safari or other, and the major version; Edge (and other Chromium browsers) before Chrome. */
  function browserOf() {
    var ua = navigator.userAgent || "";
    var data = navigator.userAgentData;
    var brands = data && Array.isArray(data.brands) ? data.brands : [];
    var brand = function (name) {
      for (var i = 0; i < brands.length; i++) { if (brands[i].brand === name) { return brands[i].version; } }
      return null;
    };
    var match;
    if (brand("Microsoft Edge")) { return { name: "edge", version: brand("Microsoft Edge") }; }
    if ((match = /\bEdg(?:e|A|iOS)?\/(\d+)/.exec(ua))) { return { name: "edge", version: match[1] }; }
    if ((match = /\b(?:OPR|Opera|SamsungBrowser)\/(\d+)/.exec(ua))) { return { name: "other", version: match[1] }; }
    if ((match = /\b(?:Firefox|FxiOS)\/(\d+)/.exec(ua))) { return { name: "firefox", version: match[1] }; }
    if (brand("Google Chrome") || brand("Chromium")) {
      return { name: "chrome", version: brand("Google Chrome") || brand("Chromium") };
    }
    // HeadlessChrome/…, Chrome/…, CriOS/… (Chrome on iOS), Chromium/…
    if ((match = /(?:Chrome|CriOS|Chromium)\/(\d+)/.exec(ua))) { return { name: "chrome", version: match[1] }; }
    if (/Safari\//.test(ua) && (match = /\bVersion\/(\d+)/.exec(ua))) { return { name: "safari", version: match[1] }; }
    return { name: "other", version: null };
  }

  function osOf() {
    var ua = navigator.userAgent || "";
    var platform = navigator.userAgentData && navigator.userAgentData.platform || "";
    if (/^Windows/i.test(platform) || /Windows/.test(ua)) { return "windows"; }
    if (/Android/i.test(platform) || /Android/.test(ua)) { return "android"; }
    // iPadOS says Macintosh, but a Mac has no touch screen.
    if (/iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1)) { return "ios"; }
    if (/^macOS/i.test(platform) || /Mac OS X|Macintosh/.test(ua)) { return "macos"; }
    if (/^Linux/i.test(platform) || /Linux|X11/.test(ua)) { return "linux"; }
    return "other";
  }

  function cookiesWork() {
    try {
      if (!navigator.cookieEnabled) { return false; }
      var name = "ecpa-chat-probe=";
      document.cookie = name + "1; path=/; max-age=10; SameSite=Lax";
      var works = document.cookie.indexOf(name + "1") >= 0;
      document.cookie = name + "; path=/; max-age=0; SameSite=Lax";
      return works;
    } catch (e) {
      return false;
    }
  }

  function storageWorks(storage) {
    try {
      var key = "ecpa-chat:probe";
      storage.setItem(key, "1");
      var works = storage.getItem(key) === "1";
      storage.removeItem(key);
      return works;
    } catch (e) {
      return false;
    }
  }

  /* ------------------------------------------------------------------ 👍/👎 */

  /** The two vote buttons under an answer; the vote is kept in the transcript, so it survives a reload. */
  function buildVote(kept) {
    var box = el("div", "vote");
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "這個回答對您有幫助嗎？");
    box.appendChild(el("span", "vote-ask", "這個回答對您有幫助嗎？")).setAttribute("aria-hidden", "true");
    var note = el("p", "vote-note");
    var up = thumb(true, "up", "有幫助", "這個回答有幫助");
    var down = thumb(false, "down", "沒幫助", "這個回答沒有幫助");
    box.appendChild(up);
    box.appendChild(down);
    box.appendChild(note);
    mark();
    return box;

    function thumb(helpful, name, text, accessibleName) {
      var b = el("button", "thumb " + name);
      b.type = "button";
      b.setAttribute("aria-label", accessibleName);
      b.setAttribute("data-vote", name);
      b.appendChild(icon(name));
      b.appendChild(el("span", null, text));
      b.addEventListener("click", function () { vote(helpful); });
      return b;
    }
    function mark() {
      up.setAttribute("aria-pressed", String(kept.vote === true));
      down.setAttribute("aria-pressed", String(kept.vote === false));
      note.className = "vote-note";
      note.textContent = typeof kept.vote === "boolean" ? "感謝您的回饋" : "";
      note.hidden = typeof kept.vote !== "boolean";
    }
    function vote(helpful) {
      if (kept.vote === helpful || up.disabled) { return; }
      if (!state.sessionId) { return failed({ status: 404, body: null }); }
      up.disabled = down.disabled = true;
      post(API + "/" + encodeURIComponent(state.sessionId) + "/feedback", { answerId: kept.answerId, helpful: helpful })
        .then(function (reply) {
          up.disabled = down.disabled = false;
          if (reply.status !== 204) { return failed(reply); }
          kept.vote = helpful;
          saveState();
          mark();
          reveal(note);
        });
    }
    function failed(reply) {
      note.className = "vote-note failed";
      note.textContent = reply.status === 404 ? "此對話已結束，無法送出回饋。" : errorMessage(reply).text;
      note.hidden = false;
      reveal(note);
    }
  }

  /** Scrolls the log (only the log, never the page) just enough to show an element of it. */
  function reveal(node) {
    var below = node.getBoundingClientRect().bottom - log.getBoundingClientRect().bottom;
    if (below > 0) { log.scrollTop += below + 8; }
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
