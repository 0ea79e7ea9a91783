/*
 * eCPA staff portal pages: the shared helper every page loads before its own script.
 * - api(): JSON over fetch (same-origin credentials), the session's CSRF token on state-changing requests;
 * - messages: everything from the server is set with textContent, never as HTML;
 * - requireSession(): the logged-in bar (name, 距離登出尚餘 countdown, 重整, 登出) and the portal menu,
 *   redirecting to the login page without a session and to activate.html while steps are pending;
 * - now(): the time by the server's clock, for times a page fills in (the computer's own may be off).
 */
(function (global) {
  "use strict";

  var NETWORK_MESSAGE = "無法連線至伺服器，請檢查網路連線後再試一次。";
  var PENDING_ERRORS = { "password-change-required": true, "activation-required": true };
  var LOGIN_METHODS = {
    password: "帳號登入",
    moica: "自然人憑證",
    gca: "機關憑證",
    nhi: "健保卡",
    "mobile-id": "行動自然人憑證"
  };

  var csrfToken = null;
  var guard = null; // set by requireSession: how to react to 401 and pending answers
  var serverOffset = 0; // the server's clock minus this computer's, as of the last session answer

  /** Now by the server's clock: the computer's own may be minutes (or days) off. */
  function now() {
    return new Date(Date.now() + serverOffset);
  }

  /** Builds an element with attributes and text children (strings become text nodes). */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        var value = attrs[name];
        if (value === null || value === undefined || value === false) { return; }
        if (name === "text") { node.textContent = value; } else { node.setAttribute(name, value === true ? "" : value); }
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function go(path) {
    global.location.assign(path);
  }

  /**
   * Sends a JSON request; resolves to {status, ok, data} and never rejects. A failed request's data is
   * always {error, message}, the server's or a local one. Options: quiet (no redirects on 401/pending).
   */
  function api(method, path, body, options) {
    var headers = { "Accept": "application/json" };
    var init = { method: method, credentials: "same-origin", cache: "no-store", headers: headers };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    if (method !== "GET" && csrfToken) {
      headers["X-CSRF-Token"] = csrfToken;
    }
    return fetch(path, init).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        if (text) {
          try { data = JSON.parse(text); } catch (ignored) { data = null; }
        }
        var reply = { status: response.status, ok: response.ok, data: data };
        if (!response.ok && !(data && typeof data.message === "string")) {
          reply.data = { error: "http-" + response.status, message: "系統發生錯誤（" + response.status + "），請稍後再試。" };
        }
        if (data && typeof data.csrfToken === "string") {
          csrfToken = data.csrfToken;
        }
        if (guard && !(options && options.quiet)) {
          applyGuard(reply);
        }
        if (response.ok && method !== "GET" && countdown.running) {
          syncCountdown();
        }
        return reply;
      });
    }, function () {
      return { status: 0, ok: false, data: { error: "network", message: NETWORK_MESSAGE } };
    });
  }

  function applyGuard(reply) {
    if (reply.status === 401) {
      go("/?reason=session");
    } else if (reply.status === 403 && reply.data && PENDING_ERRORS[reply.data.error] && !guard.allowPending) {
      go("/activate.html");
    }
  }

  // ---- messages ---------------------------------------------------------------------------------

  /** Shows a text in a message region (an aria-live element); an empty text hides it. */
  function say(region, text, kind) {
    region.textContent = "";
    region.classList.remove("message-error", "message-ok", "message-info");
    if (text) {
      region.classList.add("message-" + (kind || "error"));
      region.appendChild(el("p", { text: text }));
    }
  }

  /**
   * Shows a failed reply: its message, or for broken password rules the rules one per line
   * (rules[].message), so the person sees each rule the new password breaks.
   */
  function showError(region, data) {
    say(region, "");
    region.classList.add("message-error");
    if (data && Array.isArray(data.rules) && data.rules.length) {
      region.appendChild(el("p", { text: "新密碼不符合下列密碼設定原則：" }));
      var list = el("ul");
      data.rules.forEach(function (rule) {
        list.appendChild(el("li", { text: String(rule && rule.message || "") }));
      });
      region.appendChild(list);
    } else {
      region.appendChild(el("p", { text: data && data.message ? String(data.message) : NETWORK_MESSAGE }));
    }
  }

  /** Shows a success text followed by an optional link. */
  function sayWithLink(region, text, linkText, href) {
    say(region, text, "ok");
    if (linkText) {
      region.appendChild(el("p", {}, [el("a", { href: href, text: linkText })]));
    }
  }

  // ---- forms ------------------------------------------------------------------------------------

  function fieldErrorRegion(input) {
    return document.getElementById(input.id + "-error");
  }

  function setFieldError(input, text) {
    var region = fieldErrorRegion(input);
    if (region) { region.textContent = text || ""; }
    if (text) { input.setAttribute("aria-invalid", "true"); } else { input.removeAttribute("aria-invalid"); }
  }

  function clearFieldErrors(form) {
    Array.prototype.forEach.call(form.querySelectorAll("input, select, textarea"), function (input) {
      if (input.id) { setFieldError(input, ""); }
    });
  }

  /** Marks empty required fields with 「請輸入…」; returns the first one, or null when all are filled. */
  function checkRequired(form) {
    var first = null;
    Array.prototype.forEach.call(form.querySelectorAll("[required]"), function (input) {
      if (!String(input.value).trim()) {
        setFieldError(input, "請輸入" + (input.getAttribute("data-label") || "此欄位") + "。");
        first = first || input;
      }
    });
    return first;
  }

  /** Shows the profile form's per-field problems ({name: [texts]}); returns the first wrong input. */
  function showFieldErrors(form, fields) {
    var first = null;
    Object.keys(fields || {}).forEach(function (name) {
      var input = form.elements.namedItem(name);
      if (input && input.id) {
        var texts = Array.isArray(fields[name]) ? fields[name] : [String(fields[name])];
        setFieldError(input, texts.join(""));
        first = first || input;
      }
    });
    return first;
  }

  /**
   * Shows a failed profile save: per-field problems under their fields with a short summary, or the
   * message alone; returns the first wrong input.
   */
  function showProfileErrors(form, region, data) {
    var first = showFieldErrors(form, data && data.fields);
    if (first) {
      say(region, "資料有誤，請依各欄位下方的說明修正後再儲存。");
    } else {
      showError(region, data);
    }
    return first;
  }

  /**
   * Wires a form: on submit clears old errors, checks required fields, then runs the handler
   * (which returns a promise) with the submit buttons disabled until it settles.
   */
  function onSubmit(form, region, handler) {
    form.setAttribute("novalidate", "");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (form.getAttribute("aria-busy") === "true") { return; }
      clearFieldErrors(form);
      if (region) { say(region, ""); }
      var missing = checkRequired(form);
      if (missing) {
        if (region) { say(region, "請填寫標示的欄位。"); }
        missing.focus();
        return;
      }
      var buttons = form.querySelectorAll("button[type=submit]");
      form.setAttribute("aria-busy", "true");
      Array.prototype.forEach.call(buttons, function (b) { b.disabled = true; });
      Promise.resolve(handler()).then(settle, settle);
      function settle() {
        form.removeAttribute("aria-busy");
        Array.prototype.forEach.call(buttons, function (b) { b.disabled = false; });
      }
    });
  }

  /** The value of a form field, trimmed unless it is a password. */
  function value(form, name) {
    var input = form.elements.namedItem(name);
    if (!input) { return ""; }
    if (input.type === "checkbox") { return input.checked; }
    return input.type === "password" ? input.value : input.value.trim();
  }

  // ---- captcha ----------------------------------------------------------------------------------

  /**
   * Loads a fresh captcha into an <img> and the hidden captchaId field. In the server's test mode the
   * answer is kept in the image's data-answer for automated tests; it is never shown.
   */
  function loadCaptcha(img, idField, answerField, region) {
    img.removeAttribute("data-answer");
    img.removeAttribute("src");
    idField.value = "";
    if (answerField) { answerField.value = ""; }
    return api("GET", "/api/captcha").then(function (reply) {
      var data = reply.data || {};
      if (!reply.ok || typeof data.image !== "string" || data.image.indexOf("data:image/png;base64,") !== 0) {
        if (region) { showError(region, reply.ok ? null : data); }
        return;
      }
      img.src = data.image;
      idField.value = String(data.captchaId || "");
      if (typeof data.answer === "string") {
        img.setAttribute("data-answer", data.answer);
      }
    });
  }

  // ---- dates --------------------------------------------------------------------------------------

  /** An ISO instant as ROC date and time in Taiwan, e.g. 115/11/23 13:05:09. */
  function rocDateTime(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) { return String(iso || ""); }
    var parts = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Taipei", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23"
    }).formatToParts(date).forEach(function (p) { parts[p.type] = p.value; });
    return (Number(parts.year) - 1911) + "/" + parts.month + "/" + parts.day + " " + parts.hour + ":" + parts.minute + ":" + parts.second;
  }

  // ---- session bar and countdown ------------------------------------------------------------------

  var countdown = { running: false, deadline: 0, timer: null, text: null, warning: null, warned: false };

  function pad(n) { return n < 10 ? "0" + n : String(n); }

  function renderCountdown(seconds) {
    if (countdown.text) {
      countdown.text.textContent = "距離登出尚餘 " + Math.floor(seconds / 60) + " 分 " + pad(seconds % 60) + " 秒";
    }
    if (countdown.warning) {
      if (seconds <= 60 && !countdown.warned) {
        countdown.warned = true;
        countdown.warning.textContent = "您即將於1分鐘內因閒置自動登出；如需繼續使用，請點選「重整」。";
      } else if (seconds > 60 && countdown.warned) {
        countdown.warned = false;
        countdown.warning.textContent = "";
      }
    }
  }

  function startCountdown(seconds) {
    stopCountdown();
    countdown.running = true;
    countdown.deadline = Date.now() + Math.max(0, seconds) * 1000;
    tick();
    countdown.timer = global.setInterval(tick, 1000);
  }

  function stopCountdown() {
    if (countdown.timer) { global.clearInterval(countdown.timer); }
    countdown.timer = null;
    countdown.running = false;
  }

  function tick() {
    var left = Math.max(0, Math.round((countdown.deadline - Date.now()) / 1000));
    renderCountdown(left);
    if (left <= 0) {
      stopCountdown();
      // Another tab may have kept the session alive: ask before leaving.
      api("GET", "/api/auth/session", undefined, { quiet: true }).then(function (reply) {
        if (reply.ok && reply.data && reply.data.idleSecondsLeft > 0) {
          startCountdown(reply.data.idleSecondsLeft);
        } else {
          go("/?reason=idle");
        }
      });
    }
  }

  /** Restarts the countdown from the server's idle clock (after a state-changing request). */
  function syncCountdown() {
    api("GET", "/api/auth/session", undefined, { quiet: true }).then(function (reply) {
      if (reply.ok && reply.data && typeof reply.data.idleSecondsLeft === "number") {
        startCountdown(reply.data.idleSecondsLeft);
      }
    });
  }

  function refreshSession(button) {
    button.disabled = true;
    api("POST", "/api/auth/session/refresh").then(function (reply) {
      button.disabled = false;
      if (reply.ok && reply.data && typeof reply.data.idleSecondsLeft === "number") {
        startCountdown(reply.data.idleSecondsLeft);
      }
    });
  }

  /** Logs out and returns to the login page. */
  function logout() {
    stopCountdown();
    return api("POST", "/api/auth/logout", undefined, { quiet: true }).then(function () {
      go("/?reason=logout");
    });
  }

  function hasRole(session, roles) {
    var mine = (session && session.user && session.user.roles) || [];
    return roles.some(function (r) { return mine.indexOf(r) >= 0; });
  }

  /** Whether the session's login proved who the user is with a card or the phone (有憑證者): no old password asked. */
  function cardLogin(session) {
    return !!session && ["moica", "nhi", "mobile-id"].indexOf(session.loginMethod) >= 0;
  }

  /** Hides the old-password and birthday fields of a password form for a card login. */
  function skipOldPassword(form) {
    ["currentPassword", "birthday"].forEach(function (name) {
      var input = form.elements.namedItem(name);
      if (!input) { return; }
      input.removeAttribute("required");
      document.getElementById(name + "-field").hidden = true;
    });
  }

  function isHr(session) {
    return hasRole(session, ["HR_OFFICER", "HR_HEAD"]) || (session && session.loginMethod === "gca");
  }

  function renderUserBar(session) {
    var bar = document.getElementById("userbar");
    if (!bar) { return; }
    var user = session.user || {};
    var name = session.organization ? session.organization.name : user.name || user.account || user.idNumber || "";
    var method = LOGIN_METHODS[session.loginMethod] || session.loginMethod || "";
    var timer = el("span", { id: "countdown", "class": "countdown" });
    var refresh = el("button", { type: "button", id: "session-refresh", text: "重整", "aria-label": "重整（重新計算登出時間）" });
    var out = el("button", { type: "button", id: "logout", text: "登出" });
    var warning = el("p", { id: "idle-warning", "class": "visually-hidden", "aria-live": "polite" });
    bar.textContent = "";
    bar.appendChild(el("p", { "class": "userbar__who", id: "user-name" }, [name + " (" + method + ")"]));
    bar.appendChild(el("p", { "class": "userbar__timer" }, [timer, refresh]));
    bar.appendChild(out);
    bar.appendChild(warning);
    bar.hidden = false;
    countdown.text = timer;
    countdown.warning = warning;
    refresh.addEventListener("click", function () { refreshSession(refresh); });
    out.addEventListener("click", function () { out.disabled = true; logout(); });
    startCountdown(Number(session.idleSecondsLeft) || 0);
  }

  function renderMenu(session) {
    var nav = document.getElementById("portal-menu");
    if (!nav) { return; }
    var pending = (session.pending || []).length > 0;
    var items = pending
      ? [["/activate.html", "首次啟用"]]
      : session.organization ? [] : [["/home.html", "首頁"], ["/my/profile.html", "我的專區"]];
    if (!pending && isHr(session)) { items.push([session.organization ? "/hr/password-reset.html" : "/hr/permissions.html", "權限與兼辦管理"]); }
    if (!pending && hasRole(session, ["ADMINISTRATOR"])) { items.push(["/admin/audit.html", "稽核紀錄"]); }
    showMenu(nav, items);
    if (!pending && !session.organization && !isHr(session)) {
      // A delegate (兼辦) or a manager by grant has 權限與兼辦管理 without an HR role.
      api("GET", "/api/portal/permissions/mine", undefined, { quiet: true }).then(function (reply) {
        var mine = reply.ok && reply.data ? reply.data : {};
        var manages = (mine.managedOrganizations || []).length > 0;
        if (manages || (mine.resetOrganizations || []).length > 0) {
          items.splice(2, 0, [manages ? "/hr/permissions.html" : "/hr/password-reset.html", "權限與兼辦管理"]);
          showMenu(nav, items);
        }
      });
    }
  }

  function showMenu(nav, items) {
    var here = global.location.pathname;
    var list = el("ul");
    items.forEach(function (item) {
      var current = here === item[0] || (item[0] === "/my/profile.html" && here.indexOf("/my/") === 0);
      list.appendChild(el("li", {}, [el("a", { href: item[0], text: item[1], "aria-current": current ? "page" : null })]));
    });
    nav.textContent = "";
    nav.appendChild(list);
    nav.hidden = false;
  }

  /**
   * Asks for the session; without one goes to the login page, with pending steps goes to
   * activate.html (unless allowPending). Resolves to the session and shows the user bar and menu.
   */
  function requireSession(options) {
    options = options || {};
    guard = { allowPending: !!options.allowPending };
    return api("GET", "/api/auth/session", undefined, { quiet: true }).then(function (reply) {
      if (reply.status === 401) {
        go("/?reason=session");
        return new Promise(function () {});
      }
      if (!reply.ok) {
        var region = document.getElementById("page-error");
        if (region) { showError(region, reply.data); }
        return new Promise(function () {});
      }
      var session = reply.data;
      var serverTime = Date.parse(session.serverTime);
      if (!isNaN(serverTime)) { serverOffset = serverTime - Date.now(); }
      if ((session.pending || []).length && !options.allowPending) {
        go("/activate.html");
        return new Promise(function () {});
      }
      renderUserBar(session);
      renderMenu(session);
      return session;
    });
  }

  // ---- 密碼設定原則 -------------------------------------------------------------------------------

  /** The seed's five password rules, rendered into every element with data-password-rules. */
  function renderPasswordRules() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-password-rules]"), function (box) {
      var headingId = (box.id || "password-rules") + "-title";
      var symbols = el("ol", {}, [
        el("li", { text: "(1) 英文字母(仍有區分大小寫)" }),
        el("li", { text: "(2) 阿拉伯數字" }),
        el("li", {}, ["(3) 特殊符號例如：「", el("code", { text: "~!@#$^*()-_={}|;:,." }), "」"])
      ]);
      var rules = el("ol", {}, [
        el("li", {}, ["為維護您使用系統之密碼安全，請於180天內更改密碼並請設定密碼長度8碼以上，並且須包含以下3項", symbols]),
        el("li", {}, ["密碼請勿輸入下列特殊字元 ", el("code", { text: "% & + ' \" ? < > / \\" })]),
        el("li", { text: "新密碼不可與前3次密碼相同" }),
        el("li", { text: "密碼中請勿使用空白字元。" }),
        el("li", { text: "上一次修改密碼後，需於2小時後才能再重設。" })
      ]);
      box.textContent = "";
      box.setAttribute("aria-labelledby", headingId);
      box.appendChild(el("h2", { id: headingId, text: "密碼設定原則" }));
      box.appendChild(rules);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", renderPasswordRules);
  } else {
    renderPasswordRules();
  }

  global.Portal = {
    el: el,
    api: api,
    now: now,
    say: say,
    showError: showError,
    sayWithLink: sayWithLink,
    onSubmit: onSubmit,
    value: value,
    setFieldError: setFieldError,
    showFieldErrors: showFieldErrors,
    showProfileErrors: showProfileErrors,
    loadCaptcha: loadCaptcha,
    rocDateTime: rocDateTime,
    requireSession: requireSession,
    logout: logout,
    hasRole: hasRole,
    isHr: isHr,
    cardLogin: cardLogin,
    skipOldPassword: skipOldPassword,
    go: go
  };
})(window);
