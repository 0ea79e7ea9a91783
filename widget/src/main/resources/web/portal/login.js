/* The login page (index.html): the four login panels of the seed; only 帳號密碼登入 works on this page. */
(function () {
  "use strict";
  var P = window.Portal;

  /** Methods this page has a working form for. */
  var SUPPORTED = { password: true };

  var REASONS = {
    session: ["您尚未登入或已閒置逾時自動登出，請重新登入。", "info"],
    idle: ["您已閒置逾時，系統已自動登出，請重新登入。", "info"],
    logout: ["您已登出人事服務網。", "ok"],
    reset: ["密碼已重設完成，請使用新密碼登入。", "ok"],
    locked: ["輸入錯誤次數過多，帳號已暫時鎖定15分鐘並已登出。請稍後再登入，或點選「忘記密碼」以Email認證碼重設密碼。", "error"]
  };

  var pageMessage = document.getElementById("page-message");
  var reason = new URLSearchParams(window.location.search).get("reason");
  if (reason && REASONS[reason]) {
    P.say(pageMessage, REASONS[reason][0], REASONS[reason][1]);
  }

  function markPanels(methods) {
    var enabled = {};
    methods.forEach(function (m) {
      if (m && typeof m.id === "string") { enabled[m.id] = m.enabled === true; }
    });
    Array.prototype.forEach.call(document.querySelectorAll(".panel[data-methods]"), function (panel) {
      var ids = panel.getAttribute("data-methods").split(" ");
      var open = ids.some(function (id) { return enabled[id] && SUPPORTED[id]; });
      panel.classList.toggle("is-disabled", !open);
      panel.setAttribute("data-enabled", open ? "true" : "false");
      panel.querySelector("[data-state]").hidden = open;
      panel.querySelector("[data-unavailable]").hidden = open;
      var form = panel.querySelector("[data-form]");
      if (form) { form.hidden = !open; }
    });
  }

  P.api("GET", "/api/auth/methods").then(function (reply) {
    // Without the list, keep what the page shows: password login open, the others not yet.
    if (reply.ok && Array.isArray(reply.data)) { markPanels(reply.data); }
  });

  // Someone already logged in is told so, and may still log in as someone else.
  P.api("GET", "/api/auth/session", undefined, { quiet: true }).then(function (reply) {
    if (!reply.ok || !reply.data || !reply.data.user || reason) { return; }
    var pending = (reply.data.pending || []).length > 0;
    var box = document.getElementById("logged-in");
    var user = reply.data.user;
    box.textContent = "";
    box.appendChild(document.createTextNode("您目前已登入（" + (user.name || user.account || user.idNumber || "") + "）。"));
    box.appendChild(P.el("a", { href: pending ? "/activate.html" : "/home.html", text: pending ? "繼續首次啟用" : "前往首頁" }));
    box.hidden = false;
  });

  var form = document.getElementById("login-form");
  var error = document.getElementById("login-error");
  P.onSubmit(form, error, function () {
    return P.api("POST", "/api/auth/login", {
      account: P.value(form, "account"),
      password: P.value(form, "password")
    }).then(function (reply) {
      if (reply.ok) {
        var pending = reply.data && Array.isArray(reply.data.pending) ? reply.data.pending : [];
        P.go(pending.length ? "/activate.html" : "/home.html");
        return new Promise(function () {}); // keep the button disabled while leaving
      }
      P.showError(error, reply.data);
      var password = document.getElementById("password");
      password.value = "";
      password.focus();
    });
  });
})();
