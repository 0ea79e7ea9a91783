/*
 * 權限與兼辦管理 (hr/permissions.html): 應用系統授權設定, 兼辦管理, 管理權限授權設定 and the five 進階搜尋,
 * for the managers of an organization (its HR officers and HR heads, or those granted 管理權限).
 * Every server text is set with textContent.
 */
(function () {
  "use strict";
  var P = window.Portal;
  var el = P.el;
  var BASE = "/api/portal/permissions";
  var TAB_NAMES = { grants: "應用系統授權設定", delegations: "兼辦管理", managers: "管理權限授權設定", search: "進階搜尋" };
  var PERSON_SEARCHES = { "custom-account": true, "available-systems": true, "available-delegated-systems": true };
  var result = document.getElementById("perm-result");
  var orgSelect = document.getElementById("organization");
  var dialog = document.getElementById("perm-confirm");
  var pendingAnswer = null;

  function organization() {
    return orgSelect.value;
  }

  function q(value) {
    return encodeURIComponent(value);
  }

  function rocDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso || ""));
    return m ? (Number(m[1]) - 1911) + "/" + m[2] + "/" + m[3] : String(iso || "");
  }

  function person(member) {
    return member ? String(member.name || "") + "（" + String(member.account || member.idNumber || "") + "）" : "";
  }

  function fillTable(table, rows) {
    var body = table.tBodies[0];
    body.textContent = "";
    if (!rows.length) {
      var columns = table.tHead.rows[0].cells.length || 1;
      body.appendChild(el("tr", {}, [el("td", { colspan: String(columns), text: "查無資料。" })]));
      return;
    }
    rows.forEach(function (cells) {
      body.appendChild(el("tr", {}, cells.map(function (c) {
        return typeof c === "string" ? el("td", { text: c }) : el("td", {}, [c]);
      })));
    });
  }

  /** Asks 確定/取消 in the dialog; resolves to true for 確定. */
  function confirmAction(text) {
    document.getElementById("perm-confirm-text").textContent = text;
    return new Promise(function (resolve) {
      pendingAnswer = resolve;
      if (typeof dialog.showModal === "function") {
        dialog.showModal();
        document.getElementById("perm-confirm-ok").focus();
      } else {
        resolve(window.confirm(text));
      }
    });
  }

  function answer(value) {
    if (dialog.open) { dialog.close(); }
    if (pendingAnswer) {
      var resolve = pendingAnswer;
      pendingAnswer = null;
      resolve(value);
    }
  }
  document.getElementById("perm-confirm-ok").addEventListener("click", function () { answer(true); });
  document.getElementById("perm-confirm-cancel").addEventListener("click", function () { answer(false); });
  dialog.addEventListener("cancel", function () { answer(false); });

  function revokeButton(label, question, path, body, reload) {
    var button = el("button", { type: "button", "class": "btn btn-secondary btn-small", text: "撤銷", "aria-label": "撤銷 " + label });
    button.addEventListener("click", function () {
      confirmAction(question).then(function (ok) {
        if (!ok) { return; }
        button.disabled = true;
        P.api("POST", path, body).then(function (reply) {
          if (reply.ok) {
            P.say(result, reply.data && reply.data.message ? String(reply.data.message) : "已撤銷，即時生效。", "ok");
          } else {
            P.showError(result, reply.data);
          }
          reload();
        });
      });
    });
    return button;
  }

  // ---- 應用系統授權設定 ------------------------------------------------------------------------

  function loadGrants() {
    return P.api("GET", BASE + "/grants?organization=" + q(organization())).then(function (reply) {
      if (!reply.ok) { P.showError(result, reply.data); return; }
      fillTable(document.getElementById("grant-table"), reply.data.map(function (h) {
        return [String(h.right.systemName), String(h.member.name), String(h.member.account || h.member.idNumber),
          rocDate(h.since),
          revokeButton(h.member.name + " 的 " + h.right.systemName, "確定撤銷 " + h.member.name + " 的【" + h.right.systemName + "】權限？撤銷後即時生效。",
            BASE + "/grants/revoke", { organization: organization(), accountId: h.member.accountId, system: h.right.system }, loadGrants)];
      }));
    });
  }

  // ---- 兼辦管理 --------------------------------------------------------------------------------

  function loadDelegations() {
    return P.api("GET", BASE + "/delegations?organization=" + q(organization())).then(function (reply) {
      if (!reply.ok) { P.showError(result, reply.data); return; }
      fillTable(document.getElementById("delegation-table"), reply.data.map(function (d) {
        var live = d.status === "ACTIVE" || d.status === "SCHEDULED";
        return [String(d.systemName), person(d.delegate), String(d.delegate.organizationName || ""),
          rocDate(d.startDate) + " ～ " + rocDate(d.endDate), String(d.statusText),
          live ? revokeButton(d.delegate.name + " 兼辦 " + d.systemName, "確定撤銷 " + d.delegate.name + " 兼辦【" + d.systemName + "】？撤銷後即時生效。",
            BASE + "/delegations/" + q(d.id) + "/revoke", {}, loadDelegations) : ""];
      }));
    });
  }

  // ---- 管理權限授權設定 ------------------------------------------------------------------------

  function loadManagers() {
    return P.api("GET", BASE + "/managers?organization=" + q(organization())).then(function (reply) {
      if (!reply.ok) { P.showError(result, reply.data); return; }
      fillTable(document.getElementById("manager-table"), reply.data.map(function (h) {
        var granted = h.right.source === "GRANT";
        return [String(h.member.name), String(h.member.account || h.member.idNumber), String(h.right.sourceText),
          granted ? revokeButton(h.member.name + " 的管理權限", "確定撤銷 " + h.member.name + " 的管理權限？撤銷後即時生效。",
            BASE + "/managers/revoke", { organization: organization(), accountId: h.member.accountId }, loadManagers) : ""];
      }));
    });
  }

  // ---- 進階搜尋 --------------------------------------------------------------------------------

  var searchForm = document.getElementById("search-form");
  var searchKind = document.getElementById("search-kind");

  function showSearchFields() {
    var byPerson = !!PERSON_SEARCHES[searchKind.value];
    document.getElementById("search-person-field").hidden = !byPerson;
    document.getElementById("search-system-field").hidden = byPerson;
    var personInput = document.getElementById("search-person");
    var systemInput = document.getElementById("search-system");
    if (byPerson) { personInput.setAttribute("required", ""); systemInput.removeAttribute("required"); }
    else { systemInput.setAttribute("required", ""); personInput.removeAttribute("required"); }
    var title = searchKind.options[searchKind.selectedIndex].text;
    document.getElementById("search-title").textContent = title + "結果";
    document.getElementById("crumb-here").textContent = title;
  }
  searchKind.addEventListener("change", showSearchFields);

  function showResults(head, rows) {
    var table = document.getElementById("search-table");
    var headRow = table.tHead.rows[0];
    headRow.textContent = "";
    head.forEach(function (h) { headRow.appendChild(el("th", { scope: "col", text: h })); });
    fillTable(table, rows);
  }

  function rightRows(rights) {
    return rights.map(function (r) {
      return [String(r.systemName), String(r.organizationName), String(r.sourceText),
        r.startDate ? rocDate(r.startDate) + " ～ " + rocDate(r.endDate) : ""];
    });
  }

  P.onSubmit(searchForm, document.getElementById("search-error"), function () {
    var kind = searchKind.value;
    var request = PERSON_SEARCHES[kind]
      ? P.api("POST", BASE + "/searches/" + kind, { person: P.value(searchForm, "person") })
      : P.api("GET", BASE + "/searches/" + kind + "?organization=" + q(organization()) + "&system=" + q(P.value(searchForm, "system")));
    return request.then(function (reply) {
      if (!reply.ok) {
        P.showError(document.getElementById("search-error"), reply.data);
        showResults([], []);
        return;
      }
      var data = reply.data;
      if (kind === "custom-account") {
        showResults(["姓名", "身分證字號", "自訂帳號", "服務機關"],
          [[String(data.name), String(data.idNumber), String(data.account || "（尚未啟用）"), String(data.organizationName)]]);
      } else if (kind === "available-systems" || kind === "available-delegated-systems") {
        showResults(["應用系統", "機關", "來源", "兼辦期間"], rightRows(data.rights));
      } else {
        showResults(["姓名", "自訂帳號", "服務機關", "來源", "兼辦期間"], data.map(function (h) {
          return [String(h.member.name), String(h.member.account || h.member.idNumber), String(h.member.organizationName),
            String(h.right.sourceText), h.right.startDate ? rocDate(h.right.startDate) + " ～ " + rocDate(h.right.endDate) : ""];
        }));
      }
    });
  });

  // ---- forms -----------------------------------------------------------------------------------

  function wire(formId, path, body, reload, done) {
    var form = document.getElementById(formId);
    var error = document.getElementById(formId.replace("-form", "-error"));
    P.onSubmit(form, error, function () {
      P.say(result, "");
      return P.api("POST", path, body(form)).then(function (reply) {
        if (reply.ok) {
          P.say(result, done(reply.data), "ok");
          form.reset();
          reload();
          return;
        }
        P.showError(error, reply.data);
      });
    });
  }

  wire("grant-form", BASE + "/grants", function (form) {
    return { organization: organization(), person: P.value(form, "person"), system: P.value(form, "system") };
  }, loadGrants, function (h) {
    return "已授權 " + h.member.name + " 使用【" + h.right.systemName + "】。";
  });
  wire("delegation-form", BASE + "/delegations", function (form) {
    return { organization: organization(), person: P.value(form, "person"), system: P.value(form, "system"),
      startDate: P.value(form, "startDate"), endDate: P.value(form, "endDate") };
  }, loadDelegations, function (d) {
    return "已設定 " + d.delegate.name + " 兼辦【" + d.systemName + "】，期間 " + rocDate(d.startDate) + " ～ " + rocDate(d.endDate) + "（" + d.statusText + "）。";
  });
  wire("manager-form", BASE + "/managers", function (form) {
    return { organization: organization(), person: P.value(form, "person") };
  }, loadManagers, function (h) {
    return "已授權 " + h.member.name + " 管理本機關權限。";
  });

  // ---- tabs ------------------------------------------------------------------------------------

  var loaders = { grants: loadGrants, delegations: loadDelegations, managers: loadManagers, search: function () {} };

  function show(tab, kind) {
    if (!TAB_NAMES[tab]) { tab = "grants"; }
    Object.keys(TAB_NAMES).forEach(function (name) {
      document.getElementById("tab-" + name).hidden = name !== tab;
    });
    Array.prototype.forEach.call(document.querySelectorAll(".side-menu a[data-tab]"), function (a) {
      var current = a.getAttribute("data-tab") === tab && (tab !== "search" || a.getAttribute("data-kind") === kind);
      if (current) { a.setAttribute("aria-current", "page"); } else { a.removeAttribute("aria-current"); }
    });
    document.getElementById("crumb-here").textContent = TAB_NAMES[tab];
    if (tab === "search") {
      if (kind) { searchKind.value = kind; }
      showSearchFields();
    }
    loaders[tab]();
  }

  function fromHash() {
    var hash = window.location.hash.replace(/^#/, "");
    if (hash.indexOf("search-") === 0) { show("search", hash.substring(7)); } else { show(hash || "grants"); }
  }

  Array.prototype.forEach.call(document.querySelectorAll(".side-menu a[data-tab]"), function (a) {
    a.addEventListener("click", function () {
      P.say(result, "");
      // The hashchange that follows shows the tab; focus moves to it for keyboard and screen-reader users.
      setTimeout(function () { document.getElementById("tab-" + a.getAttribute("data-tab")).focus(); }, 0);
    });
  });
  window.addEventListener("hashchange", fromHash);

  // ---- start -----------------------------------------------------------------------------------

  P.requireSession().then(function (session) {
    return Promise.all([P.api("GET", BASE + "/mine"), P.api("GET", BASE + "/systems")]).then(function (replies) {
      var mine = replies[0];
      var systems = replies[1];
      if (!mine.ok || !systems.ok) {
        P.showError(document.getElementById("page-error"), (mine.ok ? systems : mine).data);
        return;
      }
      var managed = mine.data.managedOrganizations || [];
      if (!managed.length) {
        var text = "您沒有管理機關權限的權限；如有需要，請洽機關人事主管。";
        if ((mine.data.resetOrganizations || []).length) {
          P.sayWithLink(document.getElementById("page-error"), text, "前往重設員工密碼", "/hr/password-reset.html");
        } else {
          P.say(document.getElementById("page-error"), text);
        }
        return;
      }
      managed.forEach(function (o) {
        orgSelect.appendChild(el("option", { value: String(o.code), text: String(o.name) + "（" + String(o.code) + "）" }));
      });
      document.getElementById("organization-field").hidden = managed.length < 2;
      Array.prototype.forEach.call(document.querySelectorAll("select[data-systems]"), function (select) {
        systems.data.forEach(function (s) {
          select.appendChild(el("option", { value: String(s.id), text: String(s.name) }));
        });
      });
      orgSelect.addEventListener("change", function () { P.say(result, ""); fromHash(); });
      document.getElementById("perm-body").hidden = false;
      fromHash();
      return session;
    });
  });
})();
