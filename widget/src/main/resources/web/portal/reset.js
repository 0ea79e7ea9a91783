/* 重設密碼 (password/reset.html): sets the new password with the token from 驗證認證碼. */
(function () {
  "use strict";
  var P = window.Portal;
  var KEY = "ecpa.resetToken";
  var form = document.getElementById("reset-form");
  var error = document.getElementById("reset-error");
  var result = document.getElementById("reset-result");
  var token = null;
  try { token = window.sessionStorage.getItem(KEY); } catch (ignored) { token = null; }

  if (!token) {
    form.hidden = true;
    document.getElementById("reset-missing").hidden = false;
    return;
  }
  form.elements.newPassword.focus();

  P.onSubmit(form, error, function () {
    return P.api("POST", "/api/password/reset", {
      resetToken: token,
      newPassword: P.value(form, "newPassword"),
      confirmPassword: P.value(form, "confirmPassword")
    }).then(function (reply) {
      if (reply.ok) {
        try { window.sessionStorage.removeItem(KEY); } catch (ignored) { /* nothing kept */ }
        form.hidden = true;
        P.sayWithLink(result, "密碼已重設完成，請使用新密碼登入人事服務網。", "回登入頁", "/?reason=reset");
        result.setAttribute("tabindex", "-1");
        result.focus();
        return;
      }
      P.showError(error, reply.data);
      if (reply.data && reply.data.error === "invalid-token") {
        try { window.sessionStorage.removeItem(KEY); } catch (ignored) { /* nothing kept */ }
        error.appendChild(P.el("p", {}, [P.el("a", { href: "/password/verify.html", text: "重新驗證認證碼" })]));
        return;
      }
      form.elements.newPassword.value = "";
      form.elements.confirmPassword.value = "";
      form.elements.newPassword.focus();
    });
  });
})();
