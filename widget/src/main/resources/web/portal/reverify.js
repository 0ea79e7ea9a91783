/* 重設驗證信箱 (mailbox/reverify.html): identity number, birthday and on-duty date replace the e-mail. */
(function () {
  "use strict";
  var P = window.Portal;
  var form = document.getElementById("reverify-form");
  var error = document.getElementById("reverify-error");
  var result = document.getElementById("reverify-result");
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
    return P.api("POST", "/api/mailbox/reverify", {
      idNumber: P.value(form, "idNumber").toUpperCase(),
      birthday: P.value(form, "birthday"),
      onDutyDate: P.value(form, "onDutyDate"),
      email: P.value(form, "email"),
      captchaId: captchaId.value,
      captchaAnswer: P.value(form, "captchaAnswer")
    }).then(function (reply) {
      newCaptcha();
      if (reply.ok) {
        P.say(result, reply.data && reply.data.message ? String(reply.data.message) : "已受理您的申請。", "ok");
        return;
      }
      P.showError(error, reply.data);
      var code = reply.data && reply.data.error;
      var field = code === "captcha" ? answer : code === "invalid-id-number" ? form.elements.idNumber
        : code === "invalid-email" ? form.elements.email : code === "invalid-date" ? form.elements.birthday : null;
      if (field) {
        P.setFieldError(field, String(reply.data.message));
        field.focus();
      }
    });
  });
})();
