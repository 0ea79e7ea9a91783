/*
 * 問卷結果 (questionnaires/results.html?id=): counts and percentages per question over the submitted
 * responses, the mean of ratings, the free-text answers, and 資料下載 (CSV, UTF-8 with BOM for Excel).
 */
(function () {
  "use strict";
  var P = window.Portal;
  var id = new URLSearchParams(window.location.search).get("id");
  var holder = document.getElementById("results");

  function section(q, index) {
    var box = P.el("section", { "class": "card q-section", "data-key": q.key, "aria-labelledby": "result-" + q.key });
    box.appendChild(P.el("h2", { id: "result-" + q.key, text: (index + 1) + ". " + q.title }));
    box.appendChild(P.el("p", { "class": "q-meta", text: "作答人數：" + q.answered + (q.average !== null && q.average !== undefined ? "；平均 " + q.average + " 分" : "") }));
    if (q.counts && q.counts.length) {
      var rows = P.el("tbody");
      q.counts.forEach(function (c) {
        var bar = P.el("span", { "class": "bar", "aria-hidden": "true" }, [P.el("span", {})]);
        bar.firstChild.style.width = Math.max(0, Math.min(100, Number(c.percent))) + "%";
        rows.appendChild(P.el("tr", {}, [P.el("td", { text: q.kind === "rating" ? c.label + " 分" : String(c.label) }),
          P.el("td", { "class": "nowrap", text: String(c.count) }), P.el("td", { "class": "nowrap", text: c.percent + "%" }),
          P.el("td", {}, [bar])]));
      });
      box.appendChild(P.el("div", { "class": "table-wrap" }, [P.el("table", {}, [
        P.el("thead", {}, [P.el("tr", {}, [P.el("th", { scope: "col", text: "選項" }), P.el("th", { scope: "col", text: "人數" }),
          P.el("th", { scope: "col", text: "百分比" }), P.el("th", { scope: "col", text: "分布" })])]), rows])]));
    }
    (q.rows || []).forEach(function (row) {
      box.appendChild(P.el("h3", { text: String(row.label) + "（作答 " + row.answered + " 人" + (row.average !== null && row.average !== undefined ? "，平均 " + row.average + " 分" : "") + "）" }));
      var cells = P.el("tr");
      var heads = P.el("tr");
      row.counts.forEach(function (c) {
        heads.appendChild(P.el("th", { scope: "col", text: c.label + " 分" }));
        cells.appendChild(P.el("td", { "class": "nowrap", text: c.count + "（" + c.percent + "%）" }));
      });
      box.appendChild(P.el("div", { "class": "table-wrap" }, [P.el("table", {}, [P.el("thead", {}, [heads]), P.el("tbody", {}, [cells])])]));
    });
    if (q.kind === "text") {
      if (!q.texts.length) {
        box.appendChild(P.el("p", { "class": "hint", text: "尚無回答。" }));
      } else {
        var list = P.el("ul", { "class": "q-texts" });
        q.texts.forEach(function (t) { list.appendChild(P.el("li", { text: String(t) })); });
        box.appendChild(list);
      }
    }
    return box;
  }

  P.requireSession().then(function () {
    P.api("GET", "/api/portal/questionnaires/" + encodeURIComponent(id) + "/results").then(function (reply) {
      if (!reply.ok) { P.showError(document.getElementById("page-error"), reply.data); return; }
      var r = reply.data;
      document.getElementById("results-title").textContent = "問卷結果：" + r.questionnaire.title;
      var rate = r.respondents ? Math.round(r.submitted * 1000 / r.respondents) / 10 : 0;
      document.getElementById("results-summary").textContent = "填答人 " + r.respondents + " 位，已送出 " + r.submitted
        + " 份（" + rate + "%）；填答期間：" + (r.questionnaire.opensAtText || "") + " ～ " + (r.questionnaire.closesAtText || "");
      var csv = document.getElementById("csv-link");
      csv.href = "/api/portal/questionnaires/" + encodeURIComponent(id) + "/results.csv";
      csv.setAttribute("download", "");
      csv.hidden = false;
      holder.textContent = "";
      r.questions.forEach(function (q, i) { holder.appendChild(section(q, i)); });
    });
  });
})();
