/* 驗證認證碼 (password/verify.html): trades the mailed code for a one-time reset token. */
(function () {
  "use strict";
  var P = window.Portal;
  var form = document.getElementById("verify-form");
  var error = document.getElementById("verify-error");
  var code = new URLSearchParams(window.location.search).get("code");
  if (code) {
    form.elements.code.value = code.slice(0, 40);
  }
  form.elements.accountOrId.focus();

  P.onSubmit(form, error, function () {
    return P.api("POST", "/api/password/verify-code", {
      accountOrId: P.value(form, "accountOrId"),
      code: P.value(form, "code")
    }).then(function (reply) {
      if (reply.ok && reply.data && typeof reply.data.resetToken === "string") {
        try {
          window.sessionStorage.setItem("ecpa.resetToken", reply.data.resetToken);
        } catch (e) {
          P.say(error, "您的瀏覽器不允許暫存資料，無法繼續重設密碼；請開啟瀏覽器的網站資料儲存功能後再試一次。");
          return;
        }
        P.go("/password/reset.html");
        return new Promise(function () {});
      }
      P.showError(error, reply.data);
      form.elements.code.focus();
    });
  });
})();
