/*
 * 權限與兼辦管理 重設員工密碼 (hr/password-reset.html): 身分證字號 and E-MAIL (必填), a confirm
 * dialog as in the seed, then a new initial password is mailed to the employee.
 */
(function () {
  "use strict";
  var P = window.Portal;
  var form = document.getElementById("hr-form");
  var error = document.getElementById("hr-error");
  var result = document.getElementById("hr-result");
  var dialog = document.getElementById("hr-confirm");
  var ok = document.getElementById("hr-confirm-ok");
  var cancel = document.getElementById("hr-confirm-cancel");
  var pendingAnswer = null;

  P.requireSession().then(function (session) {
    if (P.isHr(session)) { return; }
    // A person of another organization may hold the right through a delegation (兼辦).
    P.api("GET", "/api/portal/permissions/mine").then(function (reply) {
      if (reply.ok && reply.data && (reply.data.resetOrganizations || []).length) { return; }
      P.say(document.getElementById("page-error"), "您沒有重設員工密碼的權限；如有需要，請洽機關人事主管。");
      document.getElementById("hr-card").hidden = true;
    });
  });

  /** Asks 確定/取消 in the dialog; resolves to true for 確定. */
  function confirmReset(idNumber, email) {
    document.getElementById("hr-confirm-id").textContent = idNumber;
    document.getElementById("hr-confirm-email").textContent = email;
    return new Promise(function (resolve) {
      pendingAnswer = resolve;
      if (typeof dialog.showModal === "function") {
        dialog.showModal();
        ok.focus();
      } else {
        resolve(window.confirm(document.getElementById("hr-confirm-text").textContent));
      }
    });
  }

  function answer(value) {
    if (dialog.open) { dialog.close(); }
    if (pendingAnswer) {
      var resolve = pendingAnswer;
      pendingAnswer = null;
      resolve(value);
    }
  }
  ok.addEventListener("click", function () { answer(true); });
  cancel.addEventListener("click", function () { answer(false); });
  dialog.addEventListener("cancel", function () { answer(false); }); // Esc

  P.onSubmit(form, error, function () {
    P.say(result, "");
    var idNumber = P.value(form, "idNumber").toUpperCase();
    var email = P.value(form, "email");
    return confirmReset(idNumber, email).then(function (confirmed) {
      if (!confirmed) {
        P.say(result, "已取消設定密碼動作。", "info");
        form.elements.idNumber.focus();
        return;
      }
      return P.api("POST", "/api/hr/password-resets", { idNumber: idNumber, email: email }).then(function (reply) {
        if (reply.ok) {
          P.say(result, reply.data && reply.data.message ? String(reply.data.message) : "已重設該員密碼。", "ok");
          form.reset();
          form.elements.idNumber.focus();
          return;
        }
        P.showError(error, reply.data);
        var code = reply.data && reply.data.error;
        var field = code === "invalid-email" ? form.elements.email : form.elements.idNumber;
        if (code === "invalid-email" || code === "person-not-found" || code === "other-organization") {
          P.setFieldError(field, String(reply.data.message));
        }
        field.focus();
      });
    });
  });
})();
