/*
 * 首次啟用 eCPA 帳密之必要資料輸入 (activate.html): while the session has pending steps, first
 * 修改密碼 (with the birthday on the first login), then 自訂帳號、電子郵件&電話.
 */
(function () {
  "use strict";
  var P = window.Portal;
  var pageError = document.getElementById("page-error");
  var stepPassword = document.getElementById("step-password");
  var stepProfile = document.getElementById("step-profile");
  var passwordForm = document.getElementById("password-form");
  var passwordError = document.getElementById("password-error");
  var passwordDone = document.getElementById("password-done");
  var profileForm = document.getElementById("profile-form");
  var profileError = document.getElementById("profile-error");
  var me = null;
  var activation = true; // the first-time activation, rather than a 180-day password change only
  var card = false; // logged in with a card: the old password is not asked

  P.requireSession({ allowPending: true }).then(function (session) {
    card = P.cardLogin(session);
    if (!(session.pending || []).length) {
      P.go("/home.html");
      return;
    }
    return P.api("GET", "/api/me").then(function (reply) {
      if (!reply.ok) {
        P.showError(pageError, reply.data);
        return;
      }
      me = reply.data;
      activation = session.pending.indexOf("profile") >= 0 || me.firstLogin === true;
      fillProfile(me);
      show(session.pending, false);
    });
  });

  function fillProfile(person) {
    ["customAccount", "email", "phone"].forEach(function (name) {
      var input = profileForm.elements[name];
      var known = name === "customAccount" ? person.account : person[name];
      if (known) {
        input.value = known;
        input.defaultValue = known;
      }
    });
  }

  function label(id, text, state) {
    var item = document.getElementById(id);
    item.textContent = text + (state === "done" ? "（已完成）" : "");
    item.classList.toggle("is-done", state === "done");
    if (state === "current") { item.setAttribute("aria-current", "step"); } else { item.removeAttribute("aria-current"); }
    item.hidden = state === "none";
  }

  function show(pending, moveFocus) {
    var needsPassword = pending.indexOf("password-change") >= 0;
    var needsProfile = pending.indexOf("profile") >= 0;
    var title = activation ? "首次啟用 eCPA 帳密之必要資料輸入" : "修改密碼";
    document.getElementById("activate-title").textContent = title;
    document.title = title + " — 人事服務網 eCPA";
    document.getElementById("steps").hidden = !activation;
    label("step-1-label", "1 修改密碼", needsPassword ? "current" : "done");
    label("step-2-label", "2 自訂帳號、電子郵件&電話", !needsProfile ? "none" : needsPassword ? "todo" : "current");

    stepPassword.hidden = !needsPassword;
    stepProfile.hidden = needsPassword || !needsProfile;
    document.getElementById("first-login-notice").hidden = !me.firstLogin;
    document.getElementById("expired-notice").hidden = me.firstLogin;
    var birthday = passwordForm.elements.birthday;
    document.getElementById("birthday-field").hidden = !me.firstLogin;
    if (me.firstLogin) { birthday.setAttribute("required", ""); } else { birthday.removeAttribute("required"); }
    birthday.setAttribute("data-label", "生日");
    if (card) { P.skipOldPassword(passwordForm); }

    if (moveFocus) {
      document.getElementById(needsPassword ? "step-password-title" : "step-profile-title").focus();
    }
  }

  function afterStep(message) {
    return P.api("GET", "/api/auth/session").then(function (reply) {
      if (!reply.ok) { return; }
      var pending = reply.data.pending || [];
      if (!pending.length) {
        P.go(activation ? "/home.html?activated=1" : "/home.html?changed=1");
        return new Promise(function () {});
      }
      me.firstLogin = false;
      if (message) { P.say(passwordDone, message, "ok"); }
      show(pending, true);
    });
  }

  P.onSubmit(passwordForm, passwordError, function () {
    var body = {
      currentPassword: P.value(passwordForm, "currentPassword"),
      newPassword: P.value(passwordForm, "newPassword"),
      confirmPassword: P.value(passwordForm, "confirmPassword")
    };
    if (me && me.firstLogin) { body.birthday = P.value(passwordForm, "birthday"); }
    return P.api("POST", "/api/password/change", body).then(function (reply) {
      if (reply.ok) {
        passwordForm.reset();
        return afterStep("密碼已修改完成，請繼續設定自訂帳號、電子郵件及個人電話。");
      }
      if (reply.status === 423) {
        P.go("/?reason=locked");
        return new Promise(function () {});
      }
      P.showError(passwordError, reply.data);
      var code = reply.data && reply.data.error;
      var field = code === "wrong-password" ? passwordForm.elements.currentPassword
        : code === "wrong-birthday" ? passwordForm.elements.birthday
        : code === "password-rules" ? passwordForm.elements.newPassword : null;
      if (code === "wrong-password" || code === "wrong-birthday") {
        P.setFieldError(field, String(reply.data.message));
      }
      passwordForm.elements.newPassword.value = "";
      passwordForm.elements.confirmPassword.value = "";
      (field || passwordForm.elements.currentPassword).focus();
    });
  });

  P.onSubmit(profileForm, profileError, function () {
    return P.api("POST", "/api/me/profile", {
      customAccount: P.value(profileForm, "customAccount"),
      email: P.value(profileForm, "email"),
      phone: P.value(profileForm, "phone")
    }).then(function (reply) {
      if (reply.ok) {
        return afterStep(null);
      }
      var first = P.showProfileErrors(profileForm, profileError, reply.data);
      if (first) { first.focus(); }
    });
  });
})();
