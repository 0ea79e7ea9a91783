/* 開發用信箱 (dev/mailbox.html): the embedded mailbox of the default run, newest first. */
(function () {
  "use strict";
  var P = window.Portal;
  var list = document.getElementById("mail-list");
  var status = document.getElementById("mail-status");
  var refresh = document.getElementById("mail-refresh");
  var URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

  /** The mail text as text nodes, with http(s) addresses as links (built with the DOM, never as HTML). */
  function textWithLinks(text) {
    var pre = P.el("pre");
    var last = 0;
    text.replace(URL_PATTERN, function (url, at) {
      pre.appendChild(document.createTextNode(text.slice(last, at)));
      pre.appendChild(P.el("a", { href: url, text: url }));
      last = at + url.length;
      return url;
    });
    pre.appendChild(document.createTextNode(text.slice(last)));
    return pre;
  }

  function render(mails) {
    list.textContent = "";
    mails.forEach(function (mail, index) {
      var titleId = "mail-" + index + "-subject";
      var article = P.el("article", { "class": "mail", "aria-labelledby": titleId }, [
        P.el("h2", { id: titleId, text: String(mail.subject || "（無主旨）") }),
        P.el("dl", {}, [
          P.el("dt", { text: "收件者" }), P.el("dd", { "class": "mail-to", text: String(mail.to || "") }),
          P.el("dt", { text: "寄件時間" }), P.el("dd", { text: P.rocDateTime(mail.sentAt) })
        ]),
        textWithLinks(String(mail.text || ""))
      ]);
      list.appendChild(article);
    });
  }

  function load() {
    refresh.disabled = true;
    return P.api("GET", "/dev/mail").then(function (reply) {
      refresh.disabled = false;
      if (reply.status === 404) {
        list.textContent = "";
        P.say(status, "開發用信箱僅在預設執行（未設定 SMTP_HOST，信件寄至內建信箱）時提供；目前的伺服器將信件寄至設定的郵件伺服器。", "info");
        return;
      }
      if (!reply.ok || !Array.isArray(reply.data)) {
        P.showError(status, reply.data);
        return;
      }
      render(reply.data);
      P.say(status, reply.data.length ? "共 " + reply.data.length + " 封信件，最新在前。" : "目前沒有信件。", "info");
    });
  }

  refresh.addEventListener("click", load);
  load();
})();
