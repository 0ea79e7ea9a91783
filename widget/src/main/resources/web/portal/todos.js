/*
 * Home page (home.html): 「N份待填問卷」 and the 待辦事項 block — yesterday, today and tomorrow, paged by
 * three days (<<前3天 / 後3天>>, as in the seed), a month calendar (待辦行事曆), adding one's own item and
 * marking items done. Everything from the server is set with textContent.
 */
(function () {
  "use strict";
  var P = window.Portal;
  var pendingBox = document.getElementById("pending-questionnaires");
  var block = document.getElementById("todos");
  if (!P || !block || !pendingBox) { return; }
  var RELATIVE = { "-1": "昨天", "0": "今天", "1": "明天" };
  var WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"];
  var state = { from: null, today: null, month: null, selected: null };

  // ---- dates as YYYY-MM-DD, computed in UTC so that no time zone shifts them --------------------
  function parse(iso) { var p = iso.split("-"); return Date.UTC(+p[0], +p[1] - 1, +p[2]); }
  function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function addDays(day, n) { return iso(parse(day) + n * 86400000); }
  function diff(a, b) { return Math.round((parse(a) - parse(b)) / 86400000); }
  function roc(day) { var p = day.split("-"); return (p[0] - 1911) + "/" + p[1] + "/" + p[2]; }

  // ---- 待填問卷 ------------------------------------------------------------------------------------
  function loadPending() {
    return P.api("GET", "/api/portal/questionnaires/pending").then(function (reply) {
      if (!reply.ok || !reply.data) { return; }
      var items = reply.data.items || [];
      var heading = pendingBox.querySelector("h2");
      pendingBox.textContent = "";
      pendingBox.appendChild(heading);
      var count = P.el("a", { href: "/questionnaires/index.html#mine", id: "pending-count", "class": "count",
        text: Number(reply.data.count) + "份待填問卷" });
      pendingBox.appendChild(P.el("p", {}, [count, " （數字代表：未填答完成的問卷數量）　",
        P.el("a", { href: "/questionnaires/index.html", id: "questionnaires-link", text: "問卷專區" })]));
      if (items.length) {
        var list = P.el("ul", { id: "pending-list" });
        items.forEach(function (q) {
          list.appendChild(P.el("li", {}, [
            P.el("a", { href: String(q.url), text: String(q.title) }),
            q.started ? "（已暫存，下次再填）" : "",
            P.el("span", { "class": "hint", text: "截止：" + String(q.closesAtText || "") })
          ]));
        });
        pendingBox.appendChild(list);
      }
      pendingBox.hidden = false;
    });
  }

  // ---- the three-day window ----------------------------------------------------------------------
  var days = P.el("div", { "class": "todo-days", id: "todo-days", "aria-live": "polite" });
  var pager = P.el("div", { "class": "todo-pager" });
  var previous = P.el("button", { type: "button", "class": "btn btn-secondary btn-small", id: "todo-previous" });
  var next = P.el("button", { type: "button", "class": "btn btn-secondary btn-small", id: "todo-next" });
  var message = P.el("div", { "class": "message", "aria-live": "assertive" });
  var detail = P.el("dialog", { id: "todo-detail", "aria-labelledby": "todo-detail-title" });

  function loadWindow(from) {
    var path = "/api/portal/todos" + (from ? "?from=" + encodeURIComponent(from) + "&days=3" : "");
    return P.api("GET", path).then(function (reply) {
      if (!reply.ok) { P.showError(message, reply.data); return; }
      P.say(message, "");
      var w = reply.data;
      state.from = w.from;
      state.today = w.today;
      renderDays(w);
      previous.textContent = "<<" + w.previousFrom + "~" + addDays(w.from, -1);
      previous.setAttribute("aria-label", "前3天（" + w.previousFrom + "~" + addDays(w.from, -1) + "）");
      next.textContent = w.nextFrom + "~" + addDays(w.nextFrom, 2) + ">>";
      next.setAttribute("aria-label", "後3天（" + w.nextFrom + "~" + addDays(w.nextFrom, 2) + "）");
      previous.onclick = function () { loadWindow(w.previousFrom); };
      next.onclick = function () { loadWindow(w.nextFrom); };
    });
  }

  function dayLabel(day) {
    var rel = RELATIVE[String(diff(day, state.today))];
    return (rel ? rel + " " : "") + roc(day);
  }

  function renderDays(w) {
    days.textContent = "";
    for (var d = w.from; diff(w.to, d) >= 0; d = addDays(d, 1)) {
      var items = (w.items || []).filter(function (t) { return t.date === d; });
      var box = P.el("section", { "class": "todo-day" + (d === w.today ? " is-today" : ""), "data-date": d });
      box.appendChild(P.el("h3", { text: dayLabel(d) }));
      box.appendChild(itemList(items));
      days.appendChild(box);
    }
  }

  function itemList(items) {
    if (!items.length) { return P.el("p", { "class": "empty", text: "無待辦事項" }); }
    var list = P.el("ul");
    items.forEach(function (t) { list.appendChild(itemRow(t)); });
    return list;
  }

  function itemRow(t) {
    var subject = t.link
      ? P.el("a", { href: String(t.link), text: String(t.subject), "class": t.done ? "todo-done" : null })
      : P.el("button", { type: "button", "class": "linklike" + (t.done ? " todo-done" : ""), text: String(t.subject) });
    if (!t.link) { subject.addEventListener("click", function () { showDetail(t, subject); }); }
    var row = P.el("li", { "class": "todo-item", "data-todo": String(t.id) }, [subject]);
    if (t.done) {
      row.appendChild(P.el("span", { "class": "hint", text: "（已完成）" }));
    } else {
      var done = P.el("button", { type: "button", "class": "btn btn-secondary btn-small", text: "完成",
        "aria-label": "將「" + t.subject + "」標示為完成" });
      done.addEventListener("click", function () {
        done.disabled = true;
        P.api("POST", "/api/portal/todos/" + encodeURIComponent(t.id) + "/complete").then(function (reply) {
          if (!reply.ok) { done.disabled = false; P.showError(message, reply.data); return; }
          refresh();
        });
      });
      row.appendChild(done);
    }
    return row;
  }

  /** The seed's detail box: 日期、主旨、內容 and 關閉. */
  function showDetail(t, opener) {
    detail.textContent = "";
    detail.appendChild(P.el("h2", { id: "todo-detail-title", text: "待辦事項" }));
    var p = t.date.split("-");
    detail.appendChild(P.el("dl", { "class": "confirm-data" }, [
      P.el("dt", { text: "日期：" }), P.el("dd", { text: (p[0] - 1911) + "年" + (+p[1]) + "月" + (+p[2]) + "日" }),
      P.el("dt", { text: "主旨：" }), P.el("dd", { text: String(t.subject) }),
      P.el("dt", { text: "內容：" }), P.el("dd", { text: String(t.content || "") })
    ]));
    var close = P.el("button", { type: "button", "class": "btn btn-primary", text: "關閉" });
    close.addEventListener("click", function () { detail.close(); opener.focus(); });
    detail.appendChild(P.el("div", { "class": "actions" }, [close]));
    if (typeof detail.showModal === "function") { detail.showModal(); close.focus(); }
  }

  // ---- 待辦行事曆: a month --------------------------------------------------------------------------
  var calendarToggle = P.el("button", { type: "button", "class": "btn btn-secondary btn-small", id: "calendar-toggle",
    text: "待辦行事曆", "aria-expanded": "false", "aria-controls": "todo-calendar" });
  var calendar = P.el("div", { id: "todo-calendar", hidden: true });

  calendarToggle.addEventListener("click", function () {
    var open = calendar.hidden;
    calendar.hidden = !open;
    calendarToggle.setAttribute("aria-expanded", String(open));
    if (open) { loadMonth(state.month || state.today.slice(0, 7)); }
  });

  function loadMonth(month) {
    state.month = month;
    var first = month + "-01";
    var start = addDays(first, -new Date(parse(first)).getUTCDay());
    return P.api("GET", "/api/portal/todos?from=" + start + "&days=42").then(function (reply) {
      if (!reply.ok) { P.showError(message, reply.data); return; }
      renderMonth(month, start, reply.data.items || []);
    });
  }

  function shiftMonth(month, n) {
    var p = month.split("-");
    var d = new Date(Date.UTC(+p[0], +p[1] - 1 + n, 1));
    return d.toISOString().slice(0, 7);
  }

  function renderMonth(month, start, items) {
    calendar.textContent = "";
    var p = month.split("-");
    var prev = P.el("button", { type: "button", "class": "btn btn-secondary btn-small", text: "上個月", id: "calendar-previous" });
    var nextMonth = P.el("button", { type: "button", "class": "btn btn-secondary btn-small", text: "下個月", id: "calendar-next" });
    prev.addEventListener("click", function () { loadMonth(shiftMonth(month, -1)); });
    nextMonth.addEventListener("click", function () { loadMonth(shiftMonth(month, 1)); });
    calendar.appendChild(P.el("div", { "class": "calendar-head" }, [prev,
      P.el("h3", { id: "calendar-title", text: (p[0] - 1911) + "年" + (+p[1]) + "月" }), nextMonth]));
    var table = P.el("table", { "class": "calendar", "aria-labelledby": "calendar-title" });
    var head = P.el("tr");
    WEEKDAYS.forEach(function (w) { head.appendChild(P.el("th", { scope: "col", text: w })); });
    table.appendChild(P.el("thead", {}, [head]));
    var body = P.el("tbody");
    var chosen = P.el("div", { id: "calendar-day", "aria-live": "polite" });
    for (var week = 0; week < 6; week++) {
      var row = P.el("tr");
      for (var i = 0; i < 7; i++) {
        var day = addDays(start, week * 7 + i);
        row.appendChild(P.el("td", {}, [dayButton(day, month, items, chosen)]));
      }
      body.appendChild(row);
    }
    table.appendChild(body);
    calendar.appendChild(table);
    calendar.appendChild(chosen);
  }

  function dayButton(day, month, items, chosen) {
    var mine = items.filter(function (t) { return t.date === day; });
    var label = (+day.slice(5, 7)) + "月" + (+day.slice(8)) + "日，" + (mine.length ? mine.length + "項待辦事項" : "無待辦事項");
    var b = P.el("button", { type: "button", "data-date": day, "aria-label": label, "aria-pressed": "false",
      "class": (mine.length ? "has-items " : "") + (day === state.today ? "is-today " : "") + (day.slice(0, 7) === month ? "" : "other-month") },
      [String(+day.slice(8)) + (mine.length ? "・" + mine.length : "")]);
    b.addEventListener("click", function () {
      Array.prototype.forEach.call(calendar.querySelectorAll("button[aria-pressed]"), function (x) { x.setAttribute("aria-pressed", "false"); });
      b.setAttribute("aria-pressed", "true");
      chosen.textContent = "";
      chosen.appendChild(P.el("h3", { text: dayLabel(day) }));
      chosen.appendChild(itemList(mine));
    });
    return b;
  }

  // ---- adding one's own item -----------------------------------------------------------------------
  var form = P.el("form", { id: "todo-form" });
  function field(id, label, input) {
    return P.el("div", { "class": "field" }, [P.el("label", { "for": id, text: label }), input,
      P.el("span", { "class": "field-error", id: id + "-error" })]);
  }
  var formError = P.el("div", { "class": "message", "aria-live": "assertive" });
  form.appendChild(formError);
  form.appendChild(field("todo-date", "日期", P.el("input", { type: "date", id: "todo-date", name: "date", required: true, "data-label": "日期" })));
  form.appendChild(field("todo-subject", "主旨", P.el("input", { type: "text", id: "todo-subject", name: "subject", required: true, maxlength: "200", "data-label": "主旨" })));
  form.appendChild(field("todo-content", "內容", P.el("textarea", { id: "todo-content", name: "content", maxlength: "2000" })));
  form.appendChild(P.el("div", { "class": "actions" }, [P.el("button", { type: "submit", "class": "btn btn-primary", text: "新增" })]));
  var adder = P.el("details", {}, [P.el("summary", { text: "新增待辦事項" }), form]);
  P.onSubmit(form, formError, function () {
    return P.api("POST", "/api/portal/todos", { date: P.value(form, "date"), subject: P.value(form, "subject"),
      content: P.value(form, "content") }).then(function (reply) {
      if (!reply.ok) { P.showError(formError, reply.data); return; }
      form.reset();
      P.say(formError, "已新增待辦事項。", "ok");
      refresh();
    });
  });

  function refresh() {
    loadWindow(state.from);
    if (!calendar.hidden && state.month) { loadMonth(state.month); }
  }

  block.appendChild(message);
  block.appendChild(days);
  pager.appendChild(previous);
  pager.appendChild(calendarToggle);
  pager.appendChild(next);
  block.appendChild(pager);
  block.appendChild(calendar);
  block.appendChild(adder);
  block.appendChild(detail);

  // Wait for home.js's session check (it redirects without a session) before asking.
  P.api("GET", "/api/auth/session", undefined, { quiet: true }).then(function (reply) {
    if (!reply.ok || (reply.data && reply.data.organization) || (reply.data.pending || []).length) { return; }
    block.hidden = false;
    loadPending();
    loadWindow(null);
  });
})();
