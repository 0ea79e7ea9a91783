/* 稽核紀錄 (admin/audit.html): the latest security events for administrators. */
(function () {
  "use strict";
  var P = window.Portal;
  var KINDS = {
    LOGIN_SUCCEEDED: "登入成功",
    LOGIN_FAILED: "登入失敗",
    ACCOUNT_LOCKED: "帳號鎖定",
    ACCOUNT_UNLOCKED: "帳號解除鎖定",
    RESET_REQUESTED: "申請忘記密碼",
    RESET_VERIFIED: "認證碼驗證成功",
    RESET_VERIFY_FAILED: "認證碼驗證失敗",
    MAILBOX_REVERIFIED: "重新驗證信箱",
    RESET_COMPLETED: "重設密碼完成",
    PASSWORD_CHANGED: "修改密碼",
    HR_RESET: "重設員工密碼",
    PROFILE_UPDATED: "個人資料修改",
    ACTIVATED: "首次啟用完成",
    EMAIL_CORRECTED: "校正員工Email",
    CERTIFICATE_BOUND: "綁定自然人憑證",
    PERMISSION_GRANTED: "應用系統授權",
    PERMISSION_REVOKED: "取消應用系統授權",
    MANAGER_GRANTED: "管理權限授權",
    MANAGER_REVOKED: "取消管理權限",
    DELEGATION_CREATED: "新增兼辦",
    DELEGATION_REVOKED: "取消兼辦"
  };
  var status = document.getElementById("audit-status");
  var rows = document.getElementById("audit-rows");
  var wrap = document.getElementById("audit-wrap");
  var refresh = document.getElementById("audit-refresh");

  function cell(text, nowrap) {
    return P.el("td", { "class": nowrap ? "nowrap" : null, text: text || "—" });
  }

  function load() {
    refresh.disabled = true;
    return P.api("GET", "/api/admin/audit?limit=100").then(function (reply) {
      refresh.disabled = false;
      if (!reply.ok) {
        wrap.hidden = true;
        P.showError(status, reply.data);
        return;
      }
      rows.textContent = "";
      reply.data.forEach(function (event) {
        var kind = KINDS[event.kind] ? KINDS[event.kind] + "（" + event.kind + "）" : event.kind;
        var row = P.el("tr");
        [cell(P.rocDateTime(event.at), true), cell(kind), cell(event.actor), cell(event.target, true),
          cell(event.clientAddress, true), cell(event.detail)].forEach(function (c) { row.appendChild(c); });
        rows.appendChild(row);
      });
      wrap.hidden = reply.data.length === 0;
      P.say(status, reply.data.length ? "共 " + reply.data.length + " 筆事件（時間為臺灣時間，民國年）。" : "目前沒有稽核事件。", "info");
    });
  }

  refresh.addEventListener("click", load);
  P.requireSession().then(load);
})();
