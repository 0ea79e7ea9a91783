/* 我的專區 換發新證 (my/certificate.html): bind a renewed citizen certificate to the logged-in account. */
(function () {
  "use strict";
  var P = window.Portal;
  var COMPONENT = "/sim/hicos";
  var form = document.getElementById("renew-form");
  var error = document.getElementById("renew-error");
  var result = document.getElementById("renew-result");

  P.requireSession().then(function () {
    return P.api("GET", "/api/auth/methods", undefined, { quiet: true });
  }).then(function (methods) {
    (methods.ok && Array.isArray(methods.data) ? methods.data : []).forEach(function (m) {
      if (m.id === "moica" && typeof m.component === "string") { COMPONENT = m.component; }
    });
    return P.api("GET", COMPONENT + "/pkcs11info", undefined, { quiet: true });
  }).then(function (reply) {
    if (!reply || !reply.ok) {
      P.say(error, "尚未安裝元件或未啟動服務：請安裝「HiCOS卡片管理工具」並確認服務已啟動。", "error");
      return;
    }
    var select = document.getElementById("renew-card");
    reply.data.cards.filter(function (card) { return card.kind === "moica"; }).forEach(function (card) {
      select.appendChild(P.el("option", { value: card.id, text: card.label }));
    });
  });

  P.onSubmit(form, error, function () {
    P.say(result, "");
    return P.api("POST", "/api/auth/moica/challenge", {}).then(function (challenge) {
      if (!challenge.ok) { P.showError(error, challenge.data); return null; }
      return P.api("POST", COMPONENT + "/sign", { cardId: P.value(form, "card"), pin: P.value(form, "pin"),
        tbs: challenge.data.challenge }, { quiet: true });
    }).then(function (signed) {
      if (!signed) { return null; }
      document.getElementById("renew-pin").value = "";
      if (!signed.ok || !signed.data || signed.data.retCode !== "0x00000000") {
        P.say(error, (signed.data && signed.data.message) || "憑證簽章失敗，請重新操作。", "error");
        return null;
      }
      return P.api("POST", "/api/me/certificates", { signedData: signed.data.signedData });
    }).then(function (reply) {
      if (!reply) { return; }
      if (!reply.ok) { P.showError(error, reply.data); return; }
      P.say(result, reply.data.message, "ok");
    });
  });
})();
