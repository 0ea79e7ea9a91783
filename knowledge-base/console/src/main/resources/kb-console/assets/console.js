/*
 * The knowledge-staff console (知識庫管理): one page over the console's JSON API under /api/kb/.
 * Everything users or editors typed is shown with textContent, never as HTML.
 */
(function () {
  "use strict";

  var csrf = "";
  var tree = { root: null, nodes: [] };
  var byId = {};
  var current = null; // { id, isNew, parent, from }

  // ---------------------------------------------------------------- helpers

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) { return; }
      if (name === "text") { node.textContent = value; }
      else if (name === "onclick") { node.addEventListener("click", value); }
      else { node.setAttribute(name, value === true ? "" : value); }
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function api(method, path, body) {
    var init = { method: method, credentials: "same-origin", headers: { "Accept": "application/json" } };
    if (method !== "GET") { init.headers["X-CSRF-Token"] = csrf; }
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        if (response.status === 401 || response.status === 403 && data && data.error !== "csrf") {
          window.location.reload();
        }
        return { ok: response.ok, status: response.status, data: data };
      });
    }, function () {
      return { ok: false, status: 0, data: { message: "無法連線到伺服器，請確認網路後再試一次。" } };
    });
  }

  function notice(text, kind) {
    var box = $("notice");
    box.textContent = text;
    box.className = "notice notice--" + (kind || "ok");
    box.hidden = !text;
  }

  function lines(text) {
    return text.split("\n").map(function (s) { return s.trim(); }).filter(function (s) { return s; });
  }

  function terms(text) {
    return text.split(/[、,，]/).map(function (s) { return s.trim(); }).filter(function (s) { return s; });
  }

  function clear(node) { node.textContent = ""; return node; }

  function nodeLabel(id) {
    var node = byId[id];
    return node ? node.title + "（" + id + "）" : id;
  }

  // ---------------------------------------------------------------- session and tabs

  function refreshStatus() {
    return api("GET", "/api/kb/session").then(function (reply) {
      if (!reply.ok) { return; }
      csrf = reply.data.csrfToken;
      $("editor").textContent = reply.data.account;
      $("status").textContent = "線上版本：第 " + reply.data.live + " 版　草稿：" + (reply.data.draft ? "有未發布的修改" : "無");
    });
  }

  var loaders = {};

  function showTab(name) {
    document.querySelectorAll("[role=tab]").forEach(function (tab) {
      var on = tab.id === "tab-" + name;
      tab.setAttribute("aria-selected", on ? "true" : "false");
      tab.tabIndex = on ? 0 : -1;
      $(tab.getAttribute("aria-controls")).hidden = !on;
    });
    notice("");
    if (loaders[name]) { loaders[name](); }
  }

  document.querySelectorAll("[role=tab]").forEach(function (tab, index, tabs) {
    tab.addEventListener("click", function () { showTab(tab.id.substring(4)); });
    tab.addEventListener("keydown", function (event) {
      var step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
      if (!step) { return; }
      var next = tabs[(index + step + tabs.length) % tabs.length];
      next.focus();
      showTab(next.id.substring(4));
    });
  });

  // ---------------------------------------------------------------- the tree

  function loadTree() {
    return api("GET", "/api/kb/tree").then(function (reply) {
      if (!reply.ok) { return; }
      tree = reply.data;
      byId = {};
      tree.nodes.forEach(function (n) { byId[n.id] = n; });
      renderTree();
      fillLists();
    });
  }

  function renderTree() {
    var filter = $("tree-filter").value.trim().toLowerCase();
    var reached = {};
    function item(id, label, path) {
      var node = byId[id];
      reached[id] = true;
      var text = (label && node && label !== node.title ? label + " → " : "") + (node ? node.title : id);
      var matches = !filter || id.toLowerCase().indexOf(filter) >= 0 || text.toLowerCase().indexOf(filter) >= 0;
      var button = el("button", { type: "button", "class": "tree__node tree__node--" + (node ? node.type : "missing"),
        "data-id": id, "aria-current": current && current.id === id ? "true" : null, text: text,
        onclick: function () { openNode(id, path.length ? path[path.length - 1] : null); } });
      var li = el("li", { "class": matches ? null : "tree__dim" }, [button, el("span", { "class": "tree__id", text: id })]);
      if (node && node.type === "menu" && path.indexOf(id) < 0) {
        var list = el("ul");
        node.options.forEach(function (option) {
          list.appendChild(item(option.target, option.label, path.concat([id])));
        });
        li.appendChild(list);
      }
      return li;
    }
    clear($("tree")).appendChild(el("ul", { "class": "tree__root" }, [item(tree.root, null, [])]));
    var orphans = clear($("orphans"));
    tree.nodes.filter(function (n) { return !reached[n.id]; }).forEach(function (n) {
      orphans.appendChild(el("li", {}, [el("button", { type: "button", "class": "tree__node", "data-id": n.id,
        text: n.title, onclick: function () { openNode(n.id, null); } }), el("span", { "class": "tree__id", text: n.id })]));
    });
    if (!orphans.firstChild) { orphans.appendChild(el("li", { "class": "hint", text: "（無）" })); }
  }

  function fillLists() {
    var answers = clear($("answer-ids"));
    var all = clear($("node-ids"));
    tree.nodes.forEach(function (n) {
      all.appendChild(el("option", { value: n.id, text: n.title }));
      if (n.type === "answer") { answers.appendChild(el("option", { value: n.id, text: n.title })); }
    });
  }

  function menus() {
    return tree.nodes.filter(function (n) { return n.type === "menu"; });
  }

  function menuSelect(select, selected) {
    clear(select);
    menus().forEach(function (m) {
      select.appendChild(el("option", { value: m.id, text: m.title + "（" + m.id + "）", selected: m.id === selected }));
    });
  }

  $("tree-filter").addEventListener("input", renderTree);

  // ---------------------------------------------------------------- the node editor

  var FIELDS = ["id", "parent", "type", "title", "prompt", "options", "text", "steps", "links", "related", "action",
    "questions", "keywords", "source"];

  function clearErrors() {
    FIELDS.forEach(function (f) {
      var slot = $("err-" + f);
      slot.textContent = "";
      var input = $("f-" + f);
      if (input) { input.removeAttribute("aria-invalid"); }
    });
    $("node-error").hidden = true;
  }

  function showProblems(problems, nodeId) {
    var general = [];
    (problems || []).forEach(function (p) {
      var slot = p.field && (p.nodeId === nodeId || p.field === "parent" || !p.nodeId) && $("err-" + p.field);
      if (slot) {
        slot.textContent = (slot.textContent ? slot.textContent + " " : "") + p.message;
        var input = $("f-" + p.field);
        if (input) { input.setAttribute("aria-invalid", "true"); }
      } else {
        general.push((p.nodeId ? "節點 " + p.nodeId + "：" : "") + p.message);
      }
    });
    if (general.length) {
      $("node-error").textContent = general.join("\n");
      $("node-error").hidden = false;
    }
  }

  function typeChanged() {
    var menu = $("f-type").value === "menu";
    document.querySelectorAll("#node-form .menu-only").forEach(function (n) { n.hidden = !menu; });
    document.querySelectorAll("#node-form .answer-only").forEach(function (n) { n.hidden = menu; });
    $("new-child").hidden = !menu || current.isNew;
  }
  $("f-type").addEventListener("change", typeChanged);

  function optionRow(option) {
    var label = el("input", { "class": "option-label", "aria-label": "選項文字", value: option.label || "" });
    var target = el("input", { "class": "option-target", "aria-label": "指向的節點代碼", list: "node-ids",
      spellcheck: "false", value: option.target || "" });
    var row = el("li", { "class": "row" }, [label, target]);
    row.appendChild(el("button", { type: "button", "class": "btn-small", text: "上移", "aria-label": "上移",
      onclick: function () { if (row.previousElementSibling) { row.parentNode.insertBefore(row, row.previousElementSibling); } } }));
    row.appendChild(el("button", { type: "button", "class": "btn-small", text: "下移", "aria-label": "下移",
      onclick: function () { if (row.nextElementSibling) { row.parentNode.insertBefore(row.nextElementSibling, row); } } }));
    row.appendChild(el("button", { type: "button", "class": "btn-small", text: "移除", "aria-label": "移除選項",
      onclick: function () { row.remove(); } }));
    return row;
  }

  function linkRow(link) {
    var row = el("li", { "class": "row" }, [
      el("input", { "class": "link-label", "aria-label": "連結文字", value: link.label || "" }),
      el("input", { "class": "link-url", "aria-label": "網址", type: "url", spellcheck: "false", value: link.url || "" })]);
    row.appendChild(el("button", { type: "button", "class": "btn-small", text: "移除", "aria-label": "移除連結",
      onclick: function () { row.remove(); } }));
    return row;
  }

  // Before an editor adds a question, the phrasings already closest in meaning (ours and other nodes').
  function showSimilar() {
    var all = lines($("f-questions").value);
    var box = $("similar-box");
    if (!all.length) { box.hidden = true; return; }
    api("POST", "/api/kb/similar", { question: all[all.length - 1] }).then(function (reply) {
      var list = clear($("similar-list"));
      var found = reply.ok ? reply.data.similar : [];
      found.forEach(function (s) {
        var item = document.createElement("li");
        var mine = current && s.nodeId === current.id;
        item.textContent = "「" + s.phrasing + "」 " + (mine ? "（本節點）" : "→ " + s.title + "（" + s.nodeId + "）")
          + " 相近度 " + s.closeness.toFixed(2);
        list.appendChild(item);
      });
      box.hidden = found.length === 0;
    });
  }
  $("f-questions").addEventListener("change", showSimilar);

  $("add-option").addEventListener("click", function () { $("f-options").appendChild(optionRow({})); });
  $("add-link").addEventListener("click", function () { $("f-links").appendChild(linkRow({})); });

  function fillForm(node) {
    clearErrors();
    $("f-id").value = node.id || "";
    $("f-id").readOnly = !current.isNew;
    $("f-type").value = node.type || "answer";
    $("f-title").value = node.title || "";
    $("f-prompt").value = node.prompt || "";
    $("f-text").value = node.text || "";
    $("f-steps").value = (node.steps || []).join("\n");
    $("f-related").value = (node.related || []).join("\n");
    $("f-action").value = node.action || "";
    $("f-questions").value = (node.questions || []).join("\n");
    $("similar-box").hidden = true;
    $("f-keywords").value = (node.keywords || []).join("\n");
    $("f-source").value = node.source || "";
    var options = clear($("f-options"));
    (node.options || []).forEach(function (o) { options.appendChild(optionRow(o)); });
    var links = clear($("f-links"));
    (node.links || []).forEach(function (l) { links.appendChild(linkRow(l)); });
    $("parent-field").hidden = !current.isNew;
    if (current.isNew) { menuSelect($("f-parent"), current.parent); }
    $("move-box").hidden = current.isNew || node.id === tree.root;
    $("delete-node").hidden = current.isNew || node.id === tree.root;
    menuSelect($("move-to"), null);
    $("node-heading").textContent = current.isNew ? "新增節點" : "編輯節點：" + node.title;
    $("node-form").hidden = false;
    $("node-placeholder").hidden = true;
    typeChanged();
  }

  function openNode(id, from) {
    notice("");
    return api("GET", "/api/kb/nodes/" + encodeURIComponent(id)).then(function (reply) {
      if (!reply.ok) { notice(reply.data ? reply.data.message : "找不到此節點。", "error"); return; }
      current = { id: id, isNew: false, from: from };
      fillForm(reply.data);
      renderTree();
      $("f-title").focus();
    });
  }

  function readForm() {
    var node = { type: $("f-type").value, title: $("f-title").value, questions: lines($("f-questions").value),
      keywords: lines($("f-keywords").value) };
    if ($("f-source").value.trim()) { node.source = $("f-source").value.trim(); }
    if (node.type === "menu") {
      node.prompt = $("f-prompt").value;
      node.options = Array.prototype.map.call($("f-options").children, function (row) {
        return { label: row.querySelector(".option-label").value.trim(), target: row.querySelector(".option-target").value.trim() };
      });
    } else {
      node.text = $("f-text").value;
      node.steps = lines($("f-steps").value);
      node.related = lines($("f-related").value);
      node.links = Array.prototype.map.call($("f-links").children, function (row) {
        return { label: row.querySelector(".link-label").value.trim(), url: row.querySelector(".link-url").value.trim() };
      });
      if ($("f-action").value.trim()) { node.action = $("f-action").value.trim(); }
    }
    return node;
  }

  $("node-form").addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors();
    var id = $("f-id").value.trim();
    if (!id) { showProblems([{ field: "id", message: "請輸入節點代碼。" }], id); $("f-id").focus(); return; }
    var body = { node: readForm() };
    if (current.isNew) { body.parent = $("f-parent").value; }
    api("PUT", "/api/kb/nodes/" + encodeURIComponent(id), body).then(function (reply) {
      if (!reply.ok) {
        showProblems(reply.data && reply.data.problems || [{ message: reply.data ? reply.data.message : "儲存失敗。" }], id);
        var invalid = document.querySelector("#node-form [aria-invalid=true]");
        (invalid || $("node-error")).focus();
        return;
      }
      current = { id: id, isNew: false, from: current.isNew ? body.parent : current.from };
      notice("已儲存到草稿（尚未發布）。");
      refreshStatus();
      loadTree();
    });
  });

  $("new-child").addEventListener("click", function () {
    var parent = current.id;
    current = { id: null, isNew: true, parent: parent };
    fillForm({ type: "answer" });
    $("f-id").focus();
  });

  $("delete-node").addEventListener("click", function () {
    var id = current.id;
    var parents = menus().filter(function (m) {
      return m.options.some(function (o) { return o.target === id; });
    }).map(function (m) { return m.title; });
    var question = "確定要刪除「" + nodeLabel(id) + "」嗎？" + (parents.length ? "\n也會從這些選單移除：" + parents.join("、") : "");
    if (!window.confirm(question)) { return; }
    api("DELETE", "/api/kb/nodes/" + encodeURIComponent(id)).then(function (reply) {
      if (!reply.ok) { showProblems(reply.data && reply.data.problems, id); return; }
      current = null;
      $("node-form").hidden = true;
      $("node-placeholder").hidden = false;
      notice("已刪除「" + id + "」（草稿）。");
      refreshStatus();
      loadTree();
    });
  });

  $("move-node").addEventListener("click", function () {
    var id = current.id;
    api("POST", "/api/kb/nodes/" + encodeURIComponent(id) + "/move", { from: current.from, to: $("move-to").value })
      .then(function (reply) {
        if (!reply.ok) { showProblems(reply.data && reply.data.problems, id); return; }
        current.from = $("move-to").value;
        notice("已移到「" + nodeLabel(current.from) + "」（草稿）。");
        refreshStatus();
        loadTree();
      });
  });

  // ---------------------------------------------------------------- synonyms

  function synonymRow(group) {
    var row = el("tr", {}, [
      el("td", {}, [el("input", { "class": "syn-terms", "aria-label": "詞", value: (group.terms || []).join("、") })]),
      el("td", {}, [el("input", { "class": "syn-nodes", "aria-label": "相關節點", spellcheck: "false",
        value: (group.nodes || []).join("、") })])]);
    row.appendChild(el("td", {}, [el("button", { type: "button", "class": "btn-small", text: "移除",
      onclick: function () { row.remove(); } })]));
    return row;
  }

  loaders.synonyms = function () {
    $("synonyms-error").hidden = true;
    api("GET", "/api/kb/synonyms").then(function (reply) {
      if (!reply.ok) { return; }
      var rows = clear($("synonym-rows"));
      reply.data.synonyms.forEach(function (g) { rows.appendChild(synonymRow(g)); });
    });
  };
  $("add-synonym").addEventListener("click", function () {
    var row = synonymRow({});
    $("synonym-rows").appendChild(row);
    row.querySelector("input").focus();
  });
  $("save-synonyms").addEventListener("click", function () {
    var groups = Array.prototype.map.call($("synonym-rows").children, function (row) {
      return { terms: terms(row.querySelector(".syn-terms").value), nodes: terms(row.querySelector(".syn-nodes").value) };
    });
    api("PUT", "/api/kb/synonyms", { synonyms: groups }).then(function (reply) {
      var error = $("synonyms-error");
      if (!reply.ok) {
        error.textContent = (reply.data.problems || [reply.data]).map(function (p) { return p.message; }).join("\n");
        error.hidden = false;
        return;
      }
      error.hidden = true;
      notice("同義詞已儲存到草稿（尚未發布）。");
      refreshStatus();
    });
  });

  // ---------------------------------------------------------------- the test

  function ranked(list, items) {
    clear(list);
    items.forEach(function (r) {
      list.appendChild(el("li", { text: r.title + "（" + r.nodeId + "）　分數 " + r.score.toFixed(3) }));
    });
    if (!items.length) { list.appendChild(el("li", { "class": "hint", text: "沒有候選答案" })); }
  }

  function answerText(id) {
    return id === "fallback" ? "無法回答" : id === "did-you-mean" ? "您是不是要問…" : nodeLabel(id);
  }

  $("test-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var question = $("test-question").value.trim();
    if (!question) { notice("請輸入要測試的問題。", "error"); return; }
    api("POST", "/api/kb/test", { question: question }).then(function (reply) {
      if (!reply.ok) { notice(reply.data.message, "error"); return; }
      $("test-draft-answer").textContent = answerText(reply.data.draftAnswer);
      $("test-live-answer").textContent = answerText(reply.data.liveAnswer);
      ranked($("test-draft"), reply.data.draft);
      ranked($("test-live"), reply.data.live);
      $("test-result").hidden = false;
    });
  });

  // ---------------------------------------------------------------- publishing and versions

  var CHANGE = { added: "新增", removed: "刪除", changed: "修改" };

  function changes(list, items) {
    clear(list);
    items.forEach(function (c) {
      var text = CHANGE[c.change] + "：" + nodeLabel(c.nodeId);
      if (c.fields && c.fields.length) { text += "（欄位：" + c.fields.join("、") + "）"; }
      if (c.questionsAdded && c.questionsAdded.length) { text += "　新增問句：" + c.questionsAdded.join("、"); }
      if (c.questionsRemoved && c.questionsRemoved.length) { text += "　移除問句：" + c.questionsRemoved.join("、"); }
      list.appendChild(el("li", { text: text }));
    });
    if (!items.length) { list.appendChild(el("li", { "class": "hint", text: "沒有差異" })); }
  }

  function failures(items) {
    var list = clear($("publish-failures"));
    items.forEach(function (f) {
      list.appendChild(el("li", { text: (f.golden ? "黃金問題" : "替代問句") + "「" + f.question + "」原應回答 "
        + nodeLabel(f.expected) + "，將變成 " + answerText(f.got) }));
    });
  }

  function publishError(text) {
    $("publish-error").textContent = text || "";
    $("publish-error").hidden = !text;
  }

  loaders.publish = function () {
    publishError("");
    failures([]);
    $("publish-anyway").hidden = true;
    api("GET", "/api/kb/draft/diff").then(function (reply) { if (reply.ok) { changes($("draft-diff"), reply.data.changes); } });
    api("GET", "/api/kb/versions").then(function (reply) {
      if (!reply.ok) { return; }
      var rows = clear($("versions"));
      reply.data.versions.forEach(function (v) {
        var live = v.number === reply.data.live;
        var actions = el("td", {}, v.number > 1 ? [el("button", { type: "button", "class": "btn-small", text: "與前一版比較",
          "data-version": v.number, onclick: function () { showDiff(v.number); } })] : []);
        if (!live) {
          actions.appendChild(el("button", { type: "button", "class": "btn-small rollback", text: "回復到此版本",
            "data-version": v.number, onclick: function () { rollback(v.number, false); } }));
        }
        rows.appendChild(el("tr", { "data-version": v.number }, [
          el("td", { text: "第 " + v.number + " 版" + (live ? "（線上）" : "") }), el("td", { text: v.note }),
          el("td", { text: v.publishedBy }), el("td", { text: new Date(v.publishedAt).toLocaleString("zh-TW") }), actions]));
      });
    });
    api("GET", "/api/kb/golden").then(function (reply) {
      if (!reply.ok) { return; }
      var list = clear($("golden"));
      reply.data.forEach(function (g) { list.appendChild(el("li", { text: "「" + g.question + "」→ " + nodeLabel(g.expected) })); });
      if (!reply.data.length) { list.appendChild(el("li", { "class": "hint", text: "尚未設定黃金問題" })); }
    });
  };

  function showDiff(number) {
    api("GET", "/api/kb/versions/" + number + "/diff").then(function (reply) {
      $("version-diff").hidden = false;
      $("version-diff-title").textContent = "第 " + (number - 1) + " 版 → 第 " + number + " 版";
      if (!reply.ok) { clear($("version-changes")).appendChild(el("li", { text: reply.data.message })); return; }
      changes($("version-changes"), reply.data.changes);
    });
  }

  function afterPublish(reply, what) {
    if (reply.ok) {
      notice(what + "完成：目前線上為第 " + reply.data.published + " 版，機器人已使用新版本回答。");
      refreshStatus();
      loadTree();
      loaders.publish();
      return;
    }
    publishError(reply.data.message);
    if (reply.status === 409 && reply.data.failures) {
      failures(reply.data.failures);
      $("publish-anyway").hidden = false;
      $("publish-anyway").focus();
    } else if (reply.data.problems) {
      failures([]);
      $("publish-failures").appendChild(el("li", { text: reply.data.problems.map(function (p) { return p.message; }).join("；") }));
    }
  }

  var pendingRollback = null;

  function publish(confirm) {
    var note = $("publish-note").value.trim();
    if (!note) { publishError("請輸入這次發布的說明。"); $("publish-note").focus(); return; }
    pendingRollback = null;
    api("POST", "/api/kb/publish", { note: note, confirm: confirm }).then(function (reply) {
      if (reply.ok) { $("publish-note").value = ""; }
      afterPublish(reply, "發布");
    });
  }

  function rollback(version, confirm) {
    if (!confirm && !window.confirm("確定要回復到第 " + version + " 版嗎？回復後會成為新的線上版本。")) { return; }
    pendingRollback = version;
    api("POST", "/api/kb/rollback", { version: version, confirm: confirm }).then(function (reply) {
      afterPublish(reply, "回復");
    });
  }

  $("publish-form").addEventListener("submit", function (event) { event.preventDefault(); publish(false); });
  $("publish-anyway").addEventListener("click", function () {
    if (pendingRollback !== null) { rollback(pendingRollback, true); } else { publish(true); }
  });
  $("discard-draft").addEventListener("click", function () {
    if (!window.confirm("確定要捨棄草稿中所有未發布的修改嗎？")) { return; }
    api("DELETE", "/api/kb/draft").then(function () {
      notice("已捨棄草稿。");
      refreshStatus();
      loadTree();
      loaders.publish();
    });
  });

  $("golden-form").addEventListener("submit", function (event) {
    event.preventDefault();
    api("POST", "/api/kb/golden", { question: $("golden-question").value, expected: $("golden-expected").value.trim() })
      .then(function (reply) {
        if (!reply.ok) { notice(reply.data.message, "error"); return; }
        $("golden-question").value = "";
        $("golden-expected").value = "";
        notice("已加入黃金問題。");
        loaders.publish();
      });
  });

  $("import-file").addEventListener("change", function () {
    var file = $("import-file").files[0];
    if (!file) { return; }
    file.text().then(function (text) {
      var files;
      try { files = JSON.parse(text); } catch (e) { notice("檔案不是正確的 JSON。", "error"); return; }
      api("PUT", "/api/kb/draft", { files: files }).then(function (reply) {
        if (!reply.ok) {
          notice(reply.data.message + (reply.data.problems ? "\n" + reply.data.problems.map(function (p) {
            return (p.nodeId ? p.nodeId + "：" : "") + p.message; }).join("\n") : ""), "error");
          return;
        }
        notice("已匯入為草稿，請檢查差異後再發布。");
        refreshStatus();
        loadTree();
        loaders.publish();
      });
    });
  });

  // ---------------------------------------------------------------- unanswered questions

  loaders.unanswered = function () {
    api("GET", "/api/kb/unanswered").then(function (reply) {
      if (!reply.ok) { return; }
      var list = clear($("unanswered"));
      reply.data.forEach(function (group) {
        var target = el("input", { list: "answer-ids", spellcheck: "false", "aria-label": "加入到哪個答案（節點代碼）",
          "class": "adopt-target" });
        var examples = el("ul", {}, group.examples.map(function (q) { return el("li", { text: q }); }));
        var item = el("li", { "class": "card group", "data-group": group.id }, [
          el("p", { "class": "group__count", text: "共 " + group.count + " 次" }), examples,
          el("div", { "class": "inline" }, [target,
            el("button", { type: "button", "class": "btn-primary adopt", text: "加入為替代問句", onclick: function () {
              api("POST", "/api/kb/unanswered/" + group.id + "/adopt", { nodeId: target.value.trim() }).then(function (r) {
                if (!r.ok) { notice(r.data.message, "error"); return; }
                notice("已將這組問題加入「" + nodeLabel(target.value.trim()) + "」的替代問句（草稿）。");
                refreshStatus();
                loaders.unanswered();
              });
            } }),
            el("button", { type: "button", "class": "dismiss", text: "略過", onclick: function () {
              api("POST", "/api/kb/unanswered/" + group.id + "/dismiss").then(function () { loaders.unanswered(); });
            } })])]);
        list.appendChild(item);
      });
      if (!reply.data.length) { list.appendChild(el("li", { "class": "hint", text: "目前沒有待處理的使用者問題。" })); }
    });
  };

  // ---------------------------------------------------------------- analytics

  function percent(rate) { return (rate * 100).toFixed(1) + "%"; }

  function rows(body, items, cells) {
    clear(body);
    items.forEach(function (item) {
      body.appendChild(el("tr", {}, cells(item).map(function (c) { return el("td", { text: String(c) }); })));
    });
    if (!items.length) { body.appendChild(el("tr", {}, [el("td", { colspan: "5", "class": "hint", text: "尚無資料" })])); }
  }

  loaders.analytics = function () {
    api("GET", "/api/kb/analytics?days=" + $("analytics-days").value).then(function (reply) {
      if (!reply.ok) { return; }
      var a = reply.data;
      var figures = clear($("figures"));
      [["問題數", a.questions], ["無法回答比例", percent(a.fallbackRate)], ["「您是不是要問」比例", percent(a.didYouMeanRate)],
        ["滿意度", a.satisfaction.answers ? a.satisfaction.average + " 分（" + a.satisfaction.answers + " 份）" : "尚無填答"]]
        .forEach(function (f) { figures.appendChild(el("div", {}, [el("dt", { text: f[0] }), el("dd", { text: String(f[1]) })])); });
      rows($("per-day"), a.questionsPerDay, function (d) { return [d.day, d.questions, d.answered, d.didYouMean, d.fallback]; });
      rows($("top-answers"), a.topAnswers, function (t) { return [t.title + "（" + t.nodeId + "）", t.shown]; });
      rows($("votes"), a.votes, function (v) { return [nodeLabel(v.answerId), v.helpful, v.unhelpful]; });
      rows($("menu-exits"), a.menuExits, function (m) { return [m.title + "（" + m.menuId + "）", m.shown, m.left, percent(m.rate)]; });
    });
  };
  $("analytics-days").addEventListener("change", loaders.analytics);

  // ---------------------------------------------------------------- start

  refreshStatus().then(loadTree);
})();
