/*
 * 編輯問卷 (questionnaires/edit.html): a draft's or template's title, description and questions —
 * 單選題、複選題、問答題、評分題, 必填, ordered with 上移/下移 — saved, saved as a template (另存範本),
 * and published to a respondent group with its opening and closing times. ?id= edits, ?template=
 * starts a draft from a template; a published questionnaire is shown read only.
 */
(function () {
  "use strict";
  var P = window.Portal;
  var query = new URLSearchParams(window.location.search);
  var id = query.get("id");
  var fromTemplate = query.get("template");
  var form = document.getElementById("edit-form");
  var error = document.getElementById("edit-error");
  var pageError = document.getElementById("page-error");
  var pageMessage = document.getElementById("page-message");
  var list = document.getElementById("questions");
  var KINDS = [["single", "單選題"], ["multiple", "複選題"], ["text", "問答題"], ["rating", "評分題"], ["matrix", "矩陣題"]];
  var questions = [];
  var current = null;

  function nextKey() {
    var n = 1;
    var used = questions.map(function (q) { return q.key; });
    while (used.indexOf("q" + n) >= 0) { n++; }
    return "q" + n;
  }

  function render(readOnly) {
    list.textContent = "";
    questions.forEach(function (q, index) { list.appendChild(card(q, index, readOnly)); });
  }

  function card(q, index, readOnly) {
    var prefix = "question-" + q.key;
    var li = P.el("li", { "data-key": q.key });
    li.appendChild(P.el("h3", { text: "第 " + (index + 1) + " 題" }));
    var kind = P.el("select", { id: prefix + "-kind", disabled: readOnly });
    KINDS.forEach(function (k) { kind.appendChild(P.el("option", { value: k[0], text: k[1], selected: k[0] === q.kind })); });
    kind.addEventListener("change", function () { q.kind = kind.value; render(false); focusOn(prefix + "-kind"); });
    li.appendChild(P.el("div", { "class": "field" }, [P.el("label", { "for": prefix + "-kind", text: "題型" }), kind]));
    var title = P.el("input", { type: "text", id: prefix + "-title", value: q.title, maxlength: "500", disabled: readOnly });
    title.addEventListener("input", function () { q.title = title.value; });
    li.appendChild(P.el("div", { "class": "field" }, [P.el("label", { "for": prefix + "-title", text: "題目" }), title]));
    if (q.kind === "single" || q.kind === "multiple" || q.kind === "matrix") {
      var matrix = q.kind === "matrix";
      var options = P.el("textarea", { id: prefix + "-options", "aria-describedby": prefix + "-options-hint", disabled: readOnly });
      options.value = (q.options || []).join("\n");
      options.addEventListener("input", function () {
        q.options = options.value.split("\n").map(function (s) { return s.trim(); }).filter(function (s) { return s; });
      });
      li.appendChild(P.el("div", { "class": "field" }, [P.el("label", { "for": prefix + "-options", text: matrix ? "評分項目（列）" : "選項" }),
        P.el("span", { "class": "hint", id: prefix + "-options-hint", text: matrix ? "每行一個項目（2至30個），每項各評1分至最高分" : "每行一個選項（2至30個）" }), options]));
    }
    if (q.kind === "rating" || q.kind === "matrix") {
      var scale = P.el("select", { id: prefix + "-scale", disabled: readOnly });
      for (var s = 2; s <= 10; s++) { scale.appendChild(P.el("option", { value: String(s), text: s + " 分", selected: s === (q.scale || 5) })); }
      scale.addEventListener("change", function () { q.scale = Number(scale.value); });
      li.appendChild(P.el("div", { "class": "field" }, [P.el("label", { "for": prefix + "-scale", text: "評分等級（1 至）" }), scale]));
    }
    var required = P.el("input", { type: "checkbox", id: prefix + "-required", checked: !!q.required, disabled: readOnly });
    required.addEventListener("change", function () { q.required = required.checked; });
    li.appendChild(P.el("label", { "class": "check", "for": prefix + "-required" }, [required, "必填"]));
    if (!readOnly) {
      var actions = P.el("div", { "class": "actions" });
      actions.appendChild(button("上移", "第 " + (index + 1) + " 題上移", index === 0, function () { move(index, -1); }));
      actions.appendChild(button("下移", "第 " + (index + 1) + " 題下移", index === questions.length - 1, function () { move(index, 1); }));
      actions.appendChild(button("刪除", "刪除第 " + (index + 1) + " 題", false, function () {
        questions.splice(index, 1);
        render(false);
        document.getElementById("add-question").focus();
      }));
      li.appendChild(actions);
    }
    return li;
  }

  function button(text, label, disabled, onClick) {
    var b = P.el("button", { type: "button", "class": "btn btn-secondary btn-small", text: text, "aria-label": label, disabled: disabled });
    b.addEventListener("click", onClick);
    return b;
  }

  function move(index, by) {
    var q = questions.splice(index, 1)[0];
    questions.splice(index + by, 0, q);
    render(false);
    focusOn("question-" + q.key + "-title");
  }

  function focusOn(elementId) {
    var target = document.getElementById(elementId);
    if (target) { target.focus(); }
  }

  document.getElementById("add-question").addEventListener("click", function () {
    var q = { key: nextKey(), kind: "single", title: "", required: true, options: [], scale: 5 };
    questions.push(q);
    render(false);
    focusOn("question-" + q.key + "-title");
  });

  function body() {
    return { title: P.value(form, "title"), description: P.value(form, "description"),
      questions: questions.map(function (q) {
        return { key: q.key, kind: q.kind, title: (q.title || "").trim(), required: !!q.required,
          options: q.kind === "single" || q.kind === "multiple" || q.kind === "matrix" ? q.options : [],
          scale: q.kind === "rating" || q.kind === "matrix" ? (q.scale || 5) : 0 };
      }) };
  }

  function show(q) {
    current = q;
    id = String(q.id);
    form.elements.title.value = q.title || "";
    form.elements.description.value = q.description || "";
    questions = (q.questions || []).map(function (x) {
      return { key: x.key, kind: x.kind, title: x.title, required: x.required, options: x.options || [], scale: x.scale || 5 };
    });
    var published = q.status === "published";
    document.getElementById("edit-title").textContent = (q.status === "template" ? "編輯範本問卷：" : published ? "已發布問卷：" : "編輯問卷：") + q.title;
    render(published);
    form.elements.title.disabled = published;
    form.elements.description.disabled = published;
    document.getElementById("add-question").hidden = published;
    document.getElementById("save").hidden = published;
    document.getElementById("save-template").hidden = false;
    document.getElementById("publish").hidden = q.status !== "draft";
    if (published) {
      P.say(pageMessage, "此問卷已發布（填答期間：" + q.opensAtText + " ～ " + q.closesAtText + "，填答人 " + q.respondents + " 位），題目不能再修改。", "info");
    }
    form.hidden = false;
  }

  P.onSubmit(form, error, function () {
    var request = id ? P.api("PUT", "/api/portal/questionnaires/" + encodeURIComponent(id), body())
      : P.api("POST", "/api/portal/questionnaires", body());
    return request.then(function (reply) {
      if (!reply.ok) { P.showError(error, reply.data); return; }
      var created = !id;
      show(reply.data);
      if (created) { window.history.replaceState(null, "", "/questionnaires/edit.html?id=" + reply.data.id); }
      P.say(pageMessage, "問卷已儲存（未發布問卷）。", "ok");
      pageMessage.scrollIntoView();
    });
  });

  document.getElementById("save-template").addEventListener("click", function () {
    P.api("POST", "/api/portal/questionnaires/" + encodeURIComponent(id) + "/template").then(function (reply) {
      if (!reply.ok) { P.showError(error, reply.data); return; }
      P.say(pageMessage, "已另存為範本問卷「" + reply.data.title + "」。", "ok");
    });
  });

  function loadGroups() {
    return P.api("GET", "/api/portal/questionnaires/groups").then(function (reply) {
      var select = document.getElementById("group");
      select.textContent = "";
      select.appendChild(P.el("option", { value: "", text: "請選擇" }));
      (reply.ok ? reply.data.items : []).forEach(function (g) {
        select.appendChild(P.el("option", { value: String(g.id), text: g.name + "（" + g.size + " 位）" }));
      });
    });
  }

  function localInput(date) {
    var shifted = new Date(date.getTime() + 8 * 3600000); // Taiwan time, as the server reads it
    return shifted.toISOString().slice(0, 16);
  }

  var publishForm = document.getElementById("publish-form");
  var publishError = document.getElementById("publish-error");
  P.onSubmit(publishForm, publishError, function () {
    if (!window.confirm("發布後題目不能再修改，並會通知填答人。確定發布？")) { return; }
    return P.api("POST", "/api/portal/questionnaires/" + encodeURIComponent(id) + "/publish", {
      groupId: Number(P.value(publishForm, "groupId")),
      opensAt: P.value(publishForm, "opensAt"), closesAt: P.value(publishForm, "closesAt")
    }).then(function (reply) {
      if (!reply.ok) { P.showError(publishError, reply.data); return; }
      show(reply.data);
      P.say(pageMessage, String(reply.data.message), "ok");
      pageMessage.scrollIntoView();
    });
  });

  P.requireSession().then(function (session) {
    if (!P.hasRole(session, ["HR_OFFICER", "HR_HEAD"]) && !id) {
      P.say(pageError, "您沒有管理問卷的權限；如有需要，請洽機關人事主管。");
      return;
    }
    var now = P.now(); // the server's time: the opening time must not follow a computer's wrong clock
    publishForm.elements.opensAt.value = localInput(now);
    publishForm.elements.closesAt.value = localInput(new Date(now.getTime() + 7 * 86400000));
    loadGroups();
    if (id) {
      P.api("GET", "/api/portal/questionnaires/" + encodeURIComponent(id)).then(function (reply) {
        if (!reply.ok) { P.showError(pageError, reply.data); return; }
        show(reply.data);
      });
    } else if (fromTemplate) {
      P.api("GET", "/api/portal/questionnaires/" + encodeURIComponent(fromTemplate)).then(function (reply) {
        if (!reply.ok) { P.showError(pageError, reply.data); return; }
        var copy = reply.data;
        form.elements.title.value = copy.title;
        form.elements.description.value = copy.description || "";
        questions = copy.questions.map(function (x) {
          return { key: x.key, kind: x.kind, title: x.title, required: x.required, options: x.options || [], scale: x.scale || 5 };
        });
        render(false);
        P.say(pageMessage, "已套用範本問卷「" + copy.title + "」，儲存後即為新的未發布問卷。", "info");
        form.hidden = false;
      });
    } else {
      document.getElementById("add-question").click();
      form.hidden = false;
      form.elements.title.focus();
    }
  });
})();
