/* 我的專區 修改密碼 (my/password.html): 舊密碼, 新密碼, 確認新密碼 under the seed's rules. */
(function () {
  "use strict";
  var P = window.Portal;
  var form = document.getElementById("password-form");
  var error = document.getElementById("password-error");
  var result = document.getElementById("password-result");
  var changedAt = document.getElementById("password-changed-at");
  var firstLogin = false;

  function showMe() {
    return P.api("GET", "/api/me").then(function (reply) {
      if (!reply.ok) {
        P.showError(document.getElementById("page-error"), reply.data);
        return;
      }
      changedAt.textContent = "上一次修改密碼日期為：" + (reply.data.passwordChangedAt || "（尚無紀錄）");
      firstLogin = reply.data.firstLogin === true;
      document.getElementById("birthday-field").hidden = !firstLogin;
      var birthday = form.elements.birthday;
      if (firstLogin) { birthday.setAttribute("required", ""); } else { birthday.removeAttribute("required"); }
      birthday.setAttribute("data-label", "生日");
      if (card) { P.skipOldPassword(form); }
    });
  }

  changedAt.textContent = "上一次修改密碼日期為：";
  document.getElementById("birthday-field").hidden = true;
  var card = false;
  P.requireSession().then(function (session) {
    card = P.cardLogin(session);
    return showMe();
  });

  form.addEventListener("reset", function () {
    P.say(error, "");
  });

  P.onSubmit(form, error, function () {
    P.say(result, "");
    var body = {
      currentPassword: P.value(form, "currentPassword"),
      newPassword: P.value(form, "newPassword"),
      confirmPassword: P.value(form, "confirmPassword")
    };
    if (firstLogin) { body.birthday = P.value(form, "birthday"); }
    return P.api("POST", "/api/password/change", body).then(function (reply) {
      if (reply.ok) {
        form.reset();
        P.say(result, "密碼已修改完成。", "ok");
        return showMe();
      }
      if (reply.status === 423) {
        P.go("/?reason=locked");
        return new Promise(function () {});
      }
      P.showError(error, reply.data);
      var code = reply.data && reply.data.error;
      var field = code === "wrong-password" ? form.elements.currentPassword
        : code === "wrong-birthday" ? form.elements.birthday : form.elements.newPassword;
      if (code === "wrong-password" || code === "wrong-birthday") {
        P.setFieldError(field, String(reply.data.message));
      }
      form.elements.newPassword.value = "";
      form.elements.confirmPassword.value = "";
      field.focus();
    });
  });
})();
