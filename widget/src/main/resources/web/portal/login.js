/* The login page (index.html): the four login panels of the seed. */
(function () {
  "use strict";
  var P = window.Portal;

  /** Methods this page has a working form for. */
  var SUPPORTED = { password: true, moica: true, gca: true, nhi: true, "mobile-id": true };

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
      if (m && m.id === "moica" && typeof m.component === "string") { COMPONENT = m.component; }
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
      if (open && panel.getAttribute("data-methods") === "moica gca") { loadCards(); }
      if (open && panel.getAttribute("data-methods") === "nhi") { loadNhiCards(); }
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

  /** Where a login goes next: activation, the HR page of an organization session, or home. */
  function afterLogin(data) {
    var pending = data && Array.isArray(data.pending) ? data.pending : [];
    P.go(pending.length ? "/activate.html" : data && data.organization ? "/hr/password-reset.html" : "/home.html");
    return new Promise(function () {}); // keep the button disabled while leaving
  }

  // ---- 自然人憑證 / 機關憑證: the HiCOS component signs the server's challenge with the card ----------

  /** The HiCOS component the page signs through (the server says where: the simulator in the default run). */
  var COMPONENT = "/sim/hicos";
  var certForm = document.getElementById("cert-form");
  var certError = document.getElementById("cert-error");
  var bindForm = document.getElementById("bind-form");
  var bindError = document.getElementById("bind-error");
  var cardKinds = {};
  var ticket = null;

  function loadCards() {
    P.api("GET", COMPONENT + "/pkcs11info", undefined, { quiet: true }).then(function (reply) {
      var select = document.getElementById("cert-card");
      if (!reply.ok || !reply.data) {
        P.say(certError, "尚未安裝元件或未啟動服務：請安裝「HiCOS卡片管理工具」並確認服務已啟動。", "error");
        return;
      }
      select.textContent = "";
      reply.data.cards.forEach(function (card) {
        cardKinds[card.id] = card.kind;
        select.appendChild(P.el("option", { value: card.id, text: card.label }));
      });
      document.getElementById("cert-pin-hint").textContent = "示範卡片的憑證密碼皆為 " + reply.data.pinHint
        + "；連續輸入錯誤 3 次將會鎖卡。";
    });
  }

  P.onSubmit(certForm, certError, function () {
    var card = P.value(certForm, "card");
    var kind = cardKinds[card] || "moica";
    return P.api("POST", "/api/auth/" + kind + "/challenge", {}).then(function (challenge) {
      if (!challenge.ok) { P.showError(certError, challenge.data); return null; }
      return P.api("POST", COMPONENT + "/sign", { cardId: card, pin: P.value(certForm, "pin"), tbs: challenge.data.challenge },
        { quiet: true });
    }).then(function (signed) {
      if (!signed) { return null; }
      document.getElementById("cert-pin").value = "";
      if (!signed.ok || !signed.data || signed.data.retCode !== "0x00000000") {
        P.say(certError, (signed.data && signed.data.message ? signed.data.message : "憑證簽章失敗，請重新登入。")
          + (signed.data && signed.data.retCode ? "（錯誤代碼 " + signed.data.retCode
          + (signed.data.pinDetail ? "，" + signed.data.pinDetail : "") + "）" : ""), "error");
        document.getElementById("cert-pin").focus();
        return null;
      }
      return P.api("POST", "/api/auth/" + kind + "/login", { signedData: signed.data.signedData });
    }).then(function (reply) {
      if (!reply) { return; }
      if (!reply.ok) { P.showError(certError, reply.data); return; }
      if (reply.data.bindingRequired) {
        ticket = reply.data.ticket;
        document.getElementById("bind-intro").textContent = reply.data.holderName + " 您好：" + reply.data.message;
        certForm.hidden = true;
        bindForm.hidden = false;
        document.getElementById("bind-account").focus();
        return;
      }
      return afterLogin(reply.data);
    });
  });

  P.onSubmit(bindForm, bindError, function () {
    return P.api("POST", "/api/auth/moica/bind", { ticket: ticket, account: P.value(bindForm, "account") })
      .then(function (reply) {
        if (reply.ok) { return afterLogin(reply.data); }
        P.showError(bindError, reply.data);
        if (reply.data && (reply.data.error === "binding-expired"
            || (reply.data.error === "not-same-person" && reply.data.triesLeft === 0))) {
          ticket = null;
          bindForm.hidden = true;
          certForm.hidden = false;
          P.showError(certError, reply.data);
        }
      });
  });

  document.getElementById("bind-back").addEventListener("click", function () {
    ticket = null;
    bindForm.hidden = true;
    certForm.hidden = false;
    document.getElementById("cert-pin").focus();
  });

  // ---- 健保卡: the NHI local component reads the card number; the NHI service checks the password ----

  var nhiForm = document.getElementById("nhi-form");
  var nhiError = document.getElementById("nhi-error");

  function loadNhiCards() {
    P.api("GET", "/sim/nhi/cards", undefined, { quiet: true }).then(function (reply) {
      if (!reply.ok || !reply.data) {
        P.say(nhiError, "尚未安裝健保卡元件或未啟動服務，請安裝健保卡元件後重新整理頁面。", "error");
        return;
      }
      var select = document.getElementById("nhi-card");
      select.textContent = "";
      reply.data.cards.forEach(function (card) {
        select.appendChild(P.el("option", { value: card.cardNumber, text: card.label }));
      });
      document.getElementById("nhi-password-hint").textContent = "示範健保卡的註冊密碼皆為 " + reply.data.passwordHint
        + "；連續輸入錯誤 3 次將暫停網路服務 10 分鐘。";
    });
  }

  P.onSubmit(nhiForm, nhiError, function () {
    return P.api("POST", "/api/auth/nhi/login", { cardNumber: P.value(nhiForm, "cardNumber"),
      password: P.value(nhiForm, "password") }).then(function (reply) {
      if (reply.ok) { return afterLogin(reply.data); }
      P.showError(nhiError, reply.data);
      document.getElementById("nhi-password").value = "";
      document.getElementById("nhi-password").focus();
    });
  });

  // ---- 行動自然人憑證: the phone approves; the page polls every 4 seconds or more --------------------

  var mobileForm = document.getElementById("mobile-form");
  var mobileError = document.getElementById("mobile-error");
  var mobileWaiting = document.getElementById("mobile-waiting");
  var mobileStatus = document.getElementById("mobile-status");
  var transaction = null;
  var pollTimer = null;

  function stopWaiting(message, kind) {
    transaction = null;
    clearTimeout(pollTimer);
    mobileWaiting.hidden = true;
    mobileForm.hidden = false;
    if (message) { P.say(mobileError, message, kind || "error"); }
  }

  function pollLater(seconds) {
    clearTimeout(pollTimer);
    pollTimer = setTimeout(function () {
      if (!transaction) { return; }
      P.api("POST", "/api/auth/mobile-id/poll", { transactionId: transaction }, { quiet: true }).then(function (reply) {
        if (!transaction) { return; }
        if (reply.status === 200) { transaction = null; afterLogin(reply.data); return; }
        if (reply.status === 202) { pollLater(4); return; }
        if (reply.status === 429) { pollLater(Math.max(4, Number(reply.retryAfter) || 4)); return; }
        stopWaiting(reply.data && reply.data.message ? reply.data.message : "行動自然人憑證驗證失敗，請重新登入。");
      });
    }, seconds * 1000);
  }

  P.onSubmit(mobileForm, mobileError, function () {
    return P.api("POST", "/api/auth/mobile-id/start", { idNumber: P.value(mobileForm, "idNumber") }).then(function (reply) {
      if (!reply.ok) { P.showError(mobileError, reply.data); return; }
      transaction = reply.data.transactionId;
      P.say(mobileError, "");
      mobileForm.hidden = true;
      mobileWaiting.hidden = false;
      mobileStatus.textContent = reply.data.message || "已發送驗證請求至您的行動裝置，請於 3 分鐘內開啟行動自然人憑證 APP 完成驗證。";
      document.getElementById("phone-approve").focus();
      pollLater(Math.max(4, reply.data.pollEverySeconds || 4));
    });
  });

  function phone(action) {
    if (!transaction) { return; }
    P.api("POST", "/sim/mobile-id/" + action, { transactionId: transaction }, { quiet: true }).then(function () {
      mobileStatus.textContent = action === "approve" ? "手機已完成驗證，正在登入…" : "手機已拒絕此次登入。";
    });
  }
  document.getElementById("phone-approve").addEventListener("click", function () { phone("approve"); });
  document.getElementById("phone-deny").addEventListener("click", function () { phone("deny"); });
  document.getElementById("mobile-cancel").addEventListener("click", function () {
    stopWaiting("已取消行動自然人憑證登入。", "info");
    document.getElementById("mobile-id").focus();
  });

  var form = document.getElementById("login-form");
  var error = document.getElementById("login-error");
  P.onSubmit(form, error, function () {
    return P.api("POST", "/api/auth/login", {
      account: P.value(form, "account"),
      password: P.value(form, "password")
    }).then(function (reply) {
      if (reply.ok) { return afterLogin(reply.data); }
      P.showError(error, reply.data);
      var password = document.getElementById("password");
      password.value = "";
      password.focus();
    });
  });
})();
