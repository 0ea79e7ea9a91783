/* 我的專區 個人資料修改 (my/profile.html): 自訂帳號, 電子郵件 and 個人電話. */
(function () {
  "use strict";
  var P = window.Portal;
  var form = document.getElementById("profile-form");
  var error = document.getElementById("profile-error");
  var result = document.getElementById("profile-result");

  function fill(me) {
    [["customAccount", me.account], ["email", me.email], ["phone", me.phone]].forEach(function (pair) {
      var input = form.elements[pair[0]];
      input.value = pair[1] || "";
      input.defaultValue = pair[1] || "";
    });
  }

  P.requireSession().then(function () {
    return P.api("GET", "/api/me").then(function (reply) {
      if (reply.ok) { fill(reply.data); } else { P.showError(document.getElementById("page-error"), reply.data); }
    });
  });

  form.addEventListener("reset", function () {
    P.say(result, "");
    P.say(error, "");
  });

  P.onSubmit(form, error, function () {
    P.say(result, "");
    var body = {
      customAccount: P.value(form, "customAccount"),
      email: P.value(form, "email"),
      phone: P.value(form, "phone")
    };
    return P.api("POST", "/api/me/profile", body).then(function (reply) {
      if (reply.ok) {
        fill({ account: body.customAccount, email: body.email, phone: body.phone });
        P.say(result, "個人資料已儲存。", "ok");
        return;
      }
      var first = P.showProfileErrors(form, error, reply.data);
      if (first) { first.focus(); }
    });
  });
})();
