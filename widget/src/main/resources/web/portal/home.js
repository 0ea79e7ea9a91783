/* The home page after login (home.html): the user bar with its countdown and the links by role. */
(function () {
  "use strict";
  var P = window.Portal;
  var message = document.getElementById("home-message");
  var query = new URLSearchParams(window.location.search);
  if (query.get("activated")) {
    P.say(message, "已完成首次啟用。請注意！您完成上述首次啟用身分確認作業程序後，請重新登出後再登入，以確認是否已啟用成功。", "ok");
  } else if (query.get("changed")) {
    P.say(message, "密碼已修改完成。", "ok");
  }

  P.requireSession().then(function (session) {
    document.getElementById("tile-hr").hidden = !P.isHr(session);
    document.getElementById("tile-admin").hidden = !P.hasRole(session, ["ADMINISTRATOR"]);
    document.getElementById("tile-kb").hidden = !P.hasRole(session, ["KNOWLEDGE_EDITOR"]);
    return P.api("GET", "/api/me").then(function (reply) {
      if (!reply.ok || !reply.data || !reply.data.passwordChangedAt) { return; }
      var text = "上一次修改密碼日期為：" + reply.data.passwordChangedAt;
      if (typeof reply.data.passwordDaysLeft === "number") {
        text += "（" + reply.data.passwordDaysLeft + " 天後須更換密碼）";
      }
      document.getElementById("password-age").textContent = text;
    });
  });
})();
