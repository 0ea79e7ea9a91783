/*
 * eCPA smart customer service: a floating chat widget, embedded with one <script> tag.
 * Everything from the server is rendered with textContent, never as HTML.
 */
(function () {
  "use strict";
  if (window.__ecpaChat) { return; }
  window.__ecpaChat = true;

  var scriptUrl = new URL(document.currentScript ? document.currentScript.src : "/widget/ecpa-chat.js", location.href);
  var api = scriptUrl.origin + "/api/chat/sessions";
  var storageKey = "ecpa-chat-session";

  var host = document.createElement("div");
  document.body.appendChild(host);
  var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;

  var style = document.createElement("style");
  style.textContent = [
    ":host { all: initial; }",
    ".launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; background: #0b4f8a; color: #fff;",
    "  border: 0; border-radius: 24px; padding: 12px 18px; font: 16px sans-serif; cursor: pointer; box-shadow: 0 2px 8px rgba(0,0,0,.3); }",
    ".launcher:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }",
    ".panel { position: fixed; right: 20px; bottom: 76px; z-index: 2147483000; width: min(380px, calc(100vw - 24px));",
    "  height: min(560px, calc(100vh - 100px)); display: none; flex-direction: column; background: #fff;",
    "  border-radius: 10px; box-shadow: 0 4px 18px rgba(0,0,0,.3); font: 15px/1.6 'Noto Sans CJK TC', sans-serif; color: #1f2933; }",
    ".panel.open { display: flex; }",
    ".title { background: #0b4f8a; color: #fff; padding: 10px 14px; border-radius: 10px 10px 0 0; font-weight: bold; }",
    ".log { flex: 1; overflow-y: auto; padding: 10px; background: #f4f6f8; }",
    ".msg { background: #fff; border-radius: 8px; padding: 8px 10px; margin: 6px 0; white-space: pre-wrap; word-break: break-word; }",
    ".msg.user { background: #dbeafe; margin-left: 40px; }",
    ".time { display: block; color: #6b7280; font-size: 12px; }",
    ".options button { display: block; width: 100%; text-align: left; margin: 4px 0; padding: 6px 10px; border: 1px solid #0b4f8a;",
    "  border-radius: 6px; background: #fff; color: #0b4f8a; font: inherit; cursor: pointer; }",
    ".links a { display: block; color: #0b4f8a; }",
    "form { display: flex; gap: 6px; padding: 8px; border-top: 1px solid #e5e7eb; }",
    "input { flex: 1; min-width: 0; padding: 8px; font: inherit; border: 1px solid #9ca3af; border-radius: 6px; }",
    "form button { padding: 8px 14px; background: #0b4f8a; color: #fff; border: 0; border-radius: 6px; font: inherit; cursor: pointer; }"
  ].join("\n");
  root.appendChild(style);

  var launcher = el("button", "launcher", "智慧客服");
  launcher.type = "button";
  launcher.setAttribute("aria-expanded", "false");
  var panel = el("section", "panel");
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", "行政院人事行政總處智慧客服");
  var title = el("div", "title", "行政院人事行政總處智慧客服");
  var log = el("div", "log");
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "polite");
  var form = document.createElement("form");
  var input = document.createElement("input");
  input.placeholder = "請輸入您的提問，如「我忘記eCPA帳號密碼」或「我是公務人員，想查詢年度可休假天數」";
  input.setAttribute("aria-label", "您的提問");
  input.maxLength = 500;
  var send = el("button", null, "送出");
  send.type = "submit";
  form.appendChild(input);
  form.appendChild(send);
  panel.appendChild(title);
  panel.appendChild(log);
  panel.appendChild(form);
  root.appendChild(panel);
  root.appendChild(launcher);

  var sessionId = sessionStorage.getItem(storageKey);

  launcher.addEventListener("click", function () {
    var open = !panel.classList.contains("open");
    panel.classList.toggle("open", open);
    launcher.setAttribute("aria-expanded", String(open));
    if (open) {
      if (!sessionId) { start(); }
      input.focus();
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = "";
    show({ type: "user", text: text });
    turn({ text: text });
  });

  function start() {
    return post(api, {}).then(function (reply) {
      sessionId = reply.body.sessionId;
      sessionStorage.setItem(storageKey, sessionId);
      reply.body.messages.forEach(show);
    });
  }

  function turn(body) {
    if (!sessionId) { return start().then(function () { return turn(body); }); }
    return post(api + "/" + encodeURIComponent(sessionId) + "/messages", body).then(function (reply) {
      if (reply.status === 404) {
        sessionId = null;
        sessionStorage.removeItem(storageKey);
        return start().then(function () { return turn(body); });
      }
      if (reply.body.messages) { reply.body.messages.forEach(show); }
      else { show({ type: "notice", text: reply.body.message || "系統忙碌中，請稍後再試。" }); }
    });
  }

  function post(url, body) {
    return fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().then(function (json) { return { status: response.status, body: json }; });
      })
      .catch(function () { return { status: 0, body: { message: "無法連線到智慧客服，請稍後再試。" } }; });
  }

  function show(message) {
    var box = el("div", "msg" + (message.type === "user" ? " user" : ""));
    box.appendChild(document.createTextNode(message.text || ""));
    if (message.time) {
      box.appendChild(el("span", "time", new Date(message.time).toLocaleTimeString("zh-TW", { hour12: false })));
    }
    if (message.links && message.links.length) {
      var links = el("div", "links");
      message.links.forEach(function (link) {
        if (!/^https?:\/\//i.test(link.url)) { return; }
        var a = el("a", null, link.label);
        a.href = link.url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        links.appendChild(a);
      });
      box.appendChild(links);
    }
    if (message.options && message.options.length) {
      var options = el("div", "options");
      message.options.forEach(function (option) {
        var b = el("button", null, option.label);
        b.type = "button";
        b.addEventListener("click", function () {
          show({ type: "user", text: option.label });
          turn({ optionId: option.id });
        });
        options.appendChild(b);
      });
      box.appendChild(options);
    }
    log.appendChild(box);
    log.scrollTop = log.scrollHeight;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
})();
