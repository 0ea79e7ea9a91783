/*
 * 問卷專區 (questionnaires/index.html): everyone's 待填問卷; for HR staff 已發布問卷、未發布問卷、範本問卷,
 * 填答人群組維護 and 校正員工Email; for the headquarters role 人事總處問卷統計/資料下載.
 */
(function () {
  "use strict";
  var P = window.Portal;
  var pageError = document.getElementById("page-error");
  var pageMessage = document.getElementById("page-message");

  function item(children) { return P.el("li", {}, children); }
  function empty(list, text) { list.textContent = ""; list.appendChild(P.el("li", { "class": "hint", text: text })); }

  function loadMine() {
    return P.api("GET", "/api/portal/questionnaires/pending").then(function (reply) {
      if (!reply.ok) { P.showError(pageError, reply.data); return; }
      var list = document.getElementById("mine-list");
      document.getElementById("mine-count").textContent = Number(reply.data.count) + "份待填問卷";
      list.textContent = "";
      if (!reply.data.items.length) { empty(list, "目前沒有待填問卷。"); return; }
      reply.data.items.forEach(function (q) {
        list.appendChild(item([P.el("a", { href: String(q.url), text: String(q.title) }),
          q.started ? "（已暫存，下次再填）" : "",
          P.el("p", { "class": "q-meta", text: "截止時間：" + String(q.closesAtText || "") })]));
      });
    });
  }

  function link(href, text) { return P.el("a", { "class": "btn btn-secondary btn-small", href: href, text: text }); }

  function loadList(status, listId) {
    return P.api("GET", "/api/portal/questionnaires?status=" + status).then(function (reply) {
      var list = document.getElementById(listId);
      if (!reply.ok) { P.showError(pageError, reply.data); return; }
      list.textContent = "";
      if (!reply.data.items.length) { empty(list, "目前沒有問卷。"); return; }
      reply.data.items.forEach(function (q) {
        var meta = status === "published"
          ? "填答期間：" + q.opensAtText + " ～ " + q.closesAtText + "；填答人 " + q.respondents + " 位"
          : "共 " + q.questions.length + " 題";
        var actions = P.el("div", { "class": "actions" });
        if (status === "published") {
          actions.appendChild(link("/questionnaires/results.html?id=" + q.id, "填答結果"));
          actions.appendChild(link("/questionnaires/edit.html?id=" + q.id, "檢視"));
        } else if (status === "draft") {
          actions.appendChild(link("/questionnaires/edit.html?id=" + q.id, "編輯／發布"));
        } else {
          actions.appendChild(link("/questionnaires/edit.html?template=" + q.id, "以此範本新增問卷"));
          actions.appendChild(link("/questionnaires/edit.html?id=" + q.id, "編輯範本"));
        }
        list.appendChild(item([P.el("strong", { text: String(q.title) }), P.el("p", { "class": "q-meta", text: meta }), actions]));
      });
    });
  }

  function loadGroups() {
    return P.api("GET", "/api/portal/questionnaires/groups").then(function (reply) {
      var list = document.getElementById("group-list");
      if (!reply.ok) { P.showError(pageError, reply.data); return; }
      list.textContent = "";
      if (!reply.data.items.length) { empty(list, "尚未建立填答人群組。"); return; }
      reply.data.items.forEach(function (g) {
        var how = g.kind === "organization" ? "依機關：" + g.organizationCode : "依名單：" + g.members.join("、");
        list.appendChild(item([P.el("strong", { text: String(g.name) }),
          P.el("p", { "class": "q-meta", text: how + "；目前 " + g.size + " 位在職人員" })]));
      });
    });
  }

  function wireGroupForm() {
    var form = document.getElementById("group-form");
    var error = document.getElementById("group-error");
    function sync() {
      var list = form.elements.kind.value === "list";
      document.getElementById("group-ids-field").hidden = !list;
      document.getElementById("group-org-field").hidden = list;
    }
    Array.prototype.forEach.call(form.elements.kind, function (r) { r.addEventListener("change", sync); });
    P.onSubmit(form, error, function () {
      var kind = form.elements.kind.value;
      var body = { name: P.value(form, "name"), kind: kind };
      if (kind === "list") {
        body.idNumbers = P.value(form, "idNumbers").split(/[\s,，、]+/).filter(function (s) { return s; });
      } else if (P.value(form, "organizationCode")) {
        body.organizationCode = P.value(form, "organizationCode");
      }
      return P.api("POST", "/api/portal/questionnaires/groups", body).then(function (reply) {
        if (!reply.ok) { P.showError(error, reply.data); return; }
        P.say(error, "已新增填答人群組「" + reply.data.name + "」。", "ok");
        form.reset();
        sync();
        loadGroups();
      });
    });
  }

  function wireEmailForm() {
    var form = document.getElementById("email-form");
    var error = document.getElementById("email-error");
    var result = document.getElementById("email-result");
    P.onSubmit(form, error, function () {
      P.say(result, "");
      var id = P.value(form, "idNumber").toUpperCase();
      return P.api("PUT", "/api/hr/employees/" + encodeURIComponent(id) + "/email", { email: P.value(form, "email") })
        .then(function (reply) {
          if (!reply.ok) { P.showError(error, reply.data); return; }
          P.say(result, String(reply.data.message), "ok");
          form.reset();
        });
    });
  }

  function loadStatistics() {
    return P.api("GET", "/api/portal/questionnaires/statistics").then(function (reply) {
      if (!reply.ok) { P.showError(pageError, reply.data); return; }
      var rows = document.getElementById("statistics-rows");
      rows.textContent = "";
      if (!reply.data.items.length) {
        rows.appendChild(P.el("tr", {}, [P.el("td", { colspan: "4", text: "目前沒有已發布的問卷。" })]));
      }
      reply.data.items.forEach(function (s) {
        rows.appendChild(P.el("tr", {}, [
          P.el("td", {}, [P.el("a", { href: "/questionnaires/results.html?id=" + s.id, text: String(s.title) })]),
          P.el("td", { text: String(s.organizationName) }),
          P.el("td", { "class": "nowrap", text: s.submitted + "/" + s.respondents + "（" + s.percent + "%）" }),
          P.el("td", {}, [P.el("a", { href: "/api/portal/questionnaires/" + s.id + "/results.csv", download: "", text: "CSV" })])
        ]));
      });
      document.getElementById("statistics").hidden = false;
    });
  }

  P.requireSession().then(function (session) {
    var query = new URLSearchParams(window.location.search);
    if (query.get("saved")) { P.say(pageMessage, "已儲存。", "ok"); }
    loadMine();
    if (P.hasRole(session, ["HR_OFFICER", "HR_HEAD"])) {
      document.getElementById("manage").hidden = false;
      loadList("published", "published-list");
      loadList("draft", "draft-list");
      loadList("template", "template-list");
      loadGroups();
      wireGroupForm();
      wireEmailForm();
    }
    if (P.hasRole(session, ["HEADQUARTERS_STATISTICS"])) { loadStatistics(); }
  });
})();
