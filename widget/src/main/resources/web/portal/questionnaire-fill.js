/*
 * 問卷填寫 (questionnaires/fill.html?id=): the questionnaire's questions with the answers saved so far;
 * 下次再填 saves without checking required questions, 送出 submits once. A submitted questionnaire is
 * shown read only (已作答); a closed one says so.
 */
(function () {
  "use strict";
  var P = window.Portal;
  var id = new URLSearchParams(window.location.search).get("id");
  var form = document.getElementById("fill-form");
  var error = document.getElementById("fill-error");
  var message = document.getElementById("fill-message");
  var pageError = document.getElementById("page-error");
  var holder = document.getElementById("fill-questions");
  var questionnaire = null;

  function render(q, answers, readOnly) {
    holder.textContent = "";
    q.questions.forEach(function (question, index) {
      var given = answers[question.key] || [];
      var legendId = "legend-" + question.key;
      var set = P.el("fieldset", { id: "question-" + question.key, "data-key": question.key, "aria-describedby": "question-" + question.key + "-error" });
      set.appendChild(P.el("legend", { id: legendId }, [(index + 1) + ". " + question.title,
        question.required ? P.el("span", { "class": "required-mark", text: "（必填）" }) : ""]));
      if (question.kind === "single" || question.kind === "multiple") {
        question.options.forEach(function (option, i) {
          var inputId = "q-" + question.key + "-" + i;
          set.appendChild(P.el("label", { "class": "choice", "for": inputId }, [P.el("input", {
            type: question.kind === "single" ? "radio" : "checkbox", id: inputId, name: question.key, value: option,
            checked: given.indexOf(option) >= 0, disabled: readOnly }), option]));
        });
      } else if (question.kind === "matrix") {
        set.appendChild(matrixTable(question, given, readOnly));
      } else if (question.kind === "rating") {
        var row = P.el("div", { "class": "rating" });
        for (var s = 1; s <= question.scale; s++) {
          var ratingId = "q-" + question.key + "-" + s;
          row.appendChild(P.el("label", { "class": "choice", "for": ratingId }, [P.el("input", { type: "radio", id: ratingId,
            name: question.key, value: String(s), checked: given.indexOf(String(s)) >= 0, disabled: readOnly }), s + " 分"]));
        }
        set.appendChild(row);
      } else {
        var area = P.el("textarea", { id: "q-" + question.key, name: question.key, maxlength: "2000", "aria-labelledby": legendId, disabled: readOnly });
        area.value = given[0] || "";
        set.appendChild(area);
      }
      set.appendChild(P.el("span", { "class": "field-error", id: "question-" + question.key + "-error" }));
      holder.appendChild(set);
    });
  }

  /** A matrix: one row per item, a radio per score; the table scrolls inside its box on small screens. */
  function matrixTable(question, given, readOnly) {
    var head = P.el("tr", {}, [P.el("th", { scope: "col", text: "項目" })]);
    for (var s = 1; s <= question.scale; s++) { head.appendChild(P.el("th", { scope: "col", text: s + " 分" })); }
    var body = P.el("tbody");
    question.options.forEach(function (row, r) {
      var rowId = "q-" + question.key + "-row-" + r;
      var tr = P.el("tr", {}, [P.el("th", { scope: "row", id: rowId, text: row })]);
      for (var score = 1; score <= question.scale; score++) {
        var value = r + ":" + score;
        tr.appendChild(P.el("td", {}, [P.el("input", { type: "radio", id: "q-" + question.key + "-" + r + "-" + score,
          name: question.key + "-row-" + r, "data-question": question.key, value: value,
          "aria-label": row + " " + score + " 分", checked: given.indexOf(value) >= 0, disabled: readOnly })]));
      }
      body.appendChild(tr);
    });
    return P.el("div", { "class": "table-wrap" }, [P.el("table", { "class": "matrix" }, [P.el("thead", {}, [head]), body])]);
  }

  function answers() {
    var out = {};
    questionnaire.questions.forEach(function (question) {
      var inputs = question.kind === "matrix" ? form.querySelectorAll("[data-question='" + question.key + "']")
        : form.querySelectorAll("[name='" + question.key + "']");
      var values = [];
      Array.prototype.forEach.call(inputs, function (input) {
        if (input.tagName === "TEXTAREA") {
          if (input.value.trim()) { values.push(input.value); }
        } else if (input.checked) {
          values.push(input.value);
        }
      });
      if (values.length) { out[question.key] = values; }
    });
    return out;
  }

  function clearMarks() {
    Array.prototype.forEach.call(holder.querySelectorAll("fieldset"), function (set) {
      set.removeAttribute("aria-invalid");
      document.getElementById(set.id + "-error").textContent = "";
    });
  }

  function markQuestions(data) {
    var first = null;
    (data && data.questions || []).forEach(function (key) {
      var set = document.getElementById("question-" + key);
      if (!set) { return; }
      set.setAttribute("aria-invalid", "true");
      document.getElementById(set.id + "-error").textContent = set.getAttribute("data-required-text") || "請填寫此題。";
      first = first || set;
    });
    if (first) {
      var input = first.querySelector("input, textarea");
      if (input) { input.focus(); }
    }
  }

  function finish(text) {
    P.say(message, text, "ok");
    Array.prototype.forEach.call(form.querySelectorAll("input, textarea, button"), function (x) { x.disabled = true; });
    message.scrollIntoView();
  }

  document.getElementById("save-later").addEventListener("click", function () {
    var button = this;
    clearMarks();
    P.say(error, "");
    button.disabled = true;
    P.api("PUT", "/api/portal/questionnaires/" + encodeURIComponent(id) + "/response", { answers: answers() }).then(function (reply) {
      button.disabled = false;
      if (!reply.ok) { P.showError(error, reply.data); markQuestions(reply.data); return; }
      P.say(message, String(reply.data.message), "ok");
    });
  });

  P.onSubmit(form, error, function () {
    clearMarks();
    P.say(message, "");
    return P.api("POST", "/api/portal/questionnaires/" + encodeURIComponent(id) + "/response/submit", { answers: answers() }).then(function (reply) {
      if (!reply.ok) { P.showError(error, reply.data); markQuestions(reply.data); return; }
      finish(String(reply.data.message));
      document.getElementById("fill-title").textContent = questionnaire.title + " (已作答)";
    });
  });

  P.requireSession().then(function () {
    if (!id) { P.say(pageError, "請由待填問卷清單選擇要填寫的問卷。"); return; }
    P.api("GET", "/api/portal/questionnaires/" + encodeURIComponent(id) + "/response").then(function (reply) {
      if (!reply.ok) { P.showError(pageError, reply.data); return; }
      questionnaire = reply.data.questionnaire;
      var submitted = !!reply.data.submitted;
      document.getElementById("fill-title").textContent = questionnaire.title + (submitted ? " (已作答)" : "");
      document.title = questionnaire.title + " — 人事服務網 eCPA";
      document.getElementById("fill-description").textContent = questionnaire.description || "";
      document.getElementById("fill-closes").textContent = "填答截止時間：" + (questionnaire.closesAtText || "");
      render(questionnaire, reply.data.answers || {}, submitted);
      form.hidden = false;
      if (submitted) {
        finish("您已送出此問卷，感謝您的填答。");
      } else if (reply.data.savedAt) {
        P.say(message, "已載入您上次暫存的填答內容，請繼續填寫。", "info");
      }
    });
  });
})();
