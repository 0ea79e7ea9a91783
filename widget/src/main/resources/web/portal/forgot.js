/* 忘記密碼 (password/forgot.html): mails a 認證碼 when the identity number and e-mail match. */
(function () {
  "use strict";
  var P = window.Portal;
  var form = document.getElementById("forgot-form");
  var error = document.getElementById("forgot-error");
  var result = document.getElementById("forgot-result");
  var image = document.getElementById("captcha-image");
  var captchaId = document.getElementById("captchaId");
  var answer = document.getElementById("captchaAnswer");

  function newCaptcha() {
    return P.loadCaptcha(image, captchaId, answer, error);
  }
  document.getElementById("captcha-refresh").addEventListener("click", newCaptcha);
  newCaptcha();

  P.onSubmit(form, error, function () {
    P.say(result, "");
    return P.api("POST", "/api/password/forgot", {
      idNumber: P.value(form, "idNumber").toUpperCase(),
      email: P.value(form, "email"),
      captchaId: captchaId.value,
      captchaAnswer: P.value(form, "captchaAnswer"),
      sendAccount: P.value(form, "sendAccount")
    }).then(function (reply) {
      // A captcha is good for one try, right or wrong.
      newCaptcha();
      if (reply.ok) {
        P.say(result, reply.data && reply.data.message ? String(reply.data.message) : "已受理您的申請。", "ok");
        return;
      }
      P.showError(error, reply.data);
      var code = reply.data && reply.data.error;
      var field = code === "captcha" ? answer : code === "invalid-id-number" ? form.elements.idNumber
        : code === "invalid-email" ? form.elements.email : null;
      if (field) {
        P.setFieldError(field, String(reply.data.message));
        field.focus();
      }
    });
  });
})();
