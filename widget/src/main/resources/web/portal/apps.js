/*
 * 應用系統 (apps.html): the caller's systems in categories A-H (A 我的最愛系統 first), the search box
 * (搜尋關鍵字 … 取消搜尋 ✕), the heart that adds and removes favourites (aria-pressed), and systems greyed
 * for the current login method or device with the reason written out. Everything from the server is
 * rendered with textContent.
 */
(function () {
  "use strict";
  var P = window.Portal;
  var form = document.getElementById("apps-search");
  var input = document.getElementById("apps-q");
  var clear = document.getElementById("apps-clear");
  var status = document.getElementById("apps-status");
  var list = document.getElementById("apps-list");
  var jump = document.getElementById("apps-jump");
  var pageError = document.getElementById("page-error");
  var query = "";

  function heart(system) {
    var pressed = !!system.favourite;
    var button = P.el("button", {
      type: "button",
      "class": "app__heart",
      "aria-pressed": pressed ? "true" : "false",
      "aria-label": "我的最愛：" + String(system.title),
      title: pressed ? "從我的最愛移除" : "加入我的最愛",
      "data-id": String(system.id),
      text: pressed ? "♥" : "♡"
    });
    button.addEventListener("click", function () { toggle(button, system); });
    return button;
  }

  function systemItem(system, categoryCode) {
    var available = !!system.available;
    var name = available
      ? P.el("a", { href: String(system.url), target: "_blank", rel: "noopener", text: String(system.title) })
      : P.el("span", { text: String(system.title) });
    var title = P.el("p", { "class": "app__name" }, [name]);
    if (!available) { title.appendChild(P.el("span", { "class": "app__state", text: "不適用" })); }
    var body = P.el("div", { "class": "app__body" }, [title]);
    if (system.keywords && system.keywords.length) {
      body.appendChild(P.el("p", { "class": "app__keywords", text: system.keywords.map(String).join("、") }));
    }
    if (!available && system.reason) {
      body.appendChild(P.el("p", { "class": "app__reason", text: "反灰原因：" + String(system.reason) }));
    } else if (system.mobileFriendly === false) {
      body.appendChild(P.el("p", { "class": "app__hint", text: "此系統畫面功能較複雜，建議以電腦操作。" }));
    }
    return P.el("li", {
      "class": "app" + (available ? "" : " app--greyed"),
      "data-id": String(system.id),
      "data-category": categoryCode
    }, [heart(system), body]);
  }

  function render(data) {
    list.textContent = "";
    jump.textContent = "";
    var links = P.el("ul");
    (data.categories || []).forEach(function (category) {
      var code = String(category.code);
      var id = "apps-cat-" + code;
      var heading = P.el("h2", { id: id + "-title", text: code + " " + String(category.name) });
      var section = P.el("section", { "class": "apps-category", id: id, "aria-labelledby": id + "-title", "data-category": code }, [heading]);
      if (category.systems && category.systems.length) {
        var grid = P.el("ul", { "class": "apps-grid" });
        category.systems.forEach(function (system) { grid.appendChild(systemItem(system, code)); });
        section.appendChild(grid);
      } else {
        section.appendChild(P.el("p", { "class": "apps-empty", text: code === "A"
          ? "尚未加入我的最愛應用系統，請點擊系統旁的愛心圖示加入。" : "此分類目前沒有應用系統。" }));
      }
      list.appendChild(section);
      links.appendChild(P.el("li", {}, [P.el("a", { href: "#" + id, text: code + " " + String(category.name) })]));
    });
    jump.appendChild(links);
    jump.hidden = !(data.categories || []).length;
    if (data.note) {
      var note = document.getElementById("apps-note");
      note.textContent = "";
      note.appendChild(P.el("span", { "aria-hidden": "true", text: "ⓘ " }));
      note.appendChild(document.createTextNode("簡易說明：" + String(data.note)));
    }
  }

  function load() {
    list.setAttribute("aria-busy", "true");
    var path = "/api/portal/apps" + (query ? "?q=" + encodeURIComponent(query) : "");
    return P.api("GET", path).then(function (reply) {
      list.setAttribute("aria-busy", "false");
      if (!reply.ok) {
        P.showError(pageError, reply.data);
        return false;
      }
      P.say(pageError, "");
      render(reply.data);
      clear.hidden = !query;
      if (query) {
        var count = Number(reply.data.count) || 0;
        P.say(status, "搜尋關鍵字：" + query + "，" + (count ? "共找到 " + count + " 個應用系統。" : "查無符合的應用系統，請換個關鍵字再試。"), "info");
      } else {
        P.say(status, "");
      }
      return true;
    });
  }

  function toggle(button, system) {
    var adding = button.getAttribute("aria-pressed") !== "true";
    var id = String(system.id);
    var category = button.parentNode.getAttribute("data-category");
    button.disabled = true;
    P.api(adding ? "PUT" : "DELETE", "/api/portal/apps/favourites/" + encodeURIComponent(id)).then(function (reply) {
      if (!reply.ok) {
        button.disabled = false;
        P.showError(pageError, reply.data);
        return;
      }
      load().then(function () {
        P.say(status, (adding ? "已將「" : "已將「") + String(system.title) + (adding ? "」加入我的最愛。" : "」自我的最愛移除。"), "ok");
        var again = list.querySelector("li[data-category='" + category + "'][data-id='" + id + "'] .app__heart")
          || list.querySelector("li[data-id='" + id + "'] .app__heart");
        if (again) { again.focus(); }
      });
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    query = input.value.trim();
    if (query.length > 50) {
      P.say(status, "搜尋關鍵字請勿超過 50 個字。");
      return;
    }
    load();
  });

  clear.addEventListener("click", function () {
    input.value = "";
    query = "";
    load().then(function () { input.focus(); });
  });

  P.requireSession().then(function () {
    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) {
      input.value = initial.slice(0, 50);
      query = input.value.trim();
    }
    load();
  });
})();
