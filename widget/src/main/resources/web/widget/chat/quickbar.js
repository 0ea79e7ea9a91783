/**
 * The quick-button bar (快捷按鈕), fixed on the right as in the portal: 智慧客服, the portal's main links and
 * 回最上端. On a narrow or low screen it folds behind a toggle.
 */
import { el, icon, li, ui } from "./dom.js";
import { openPanel } from "./shell.js";
import { QUICK_LINKS } from "./texts.js";

let quickbar;
let qbToggle;

export function buildQuickbar() {
  quickbar = el("nav", "quickbar");
  quickbar.setAttribute("aria-label", "快捷按鈕");
  qbToggle = buildToggle();
  quickbar.addEventListener("keydown", function (event) {
    if ((event.key === "Escape" || event.key === "Esc") && ui.panel.hidden && quickbar.classList.contains("expanded")) {
      collapseQuickbar(true);
    }
  });
  quickbar.appendChild(qbToggle);
  quickbar.appendChild(buildList());
  return quickbar;
}

function buildToggle() {
  const toggle = el("button", "qb-toggle");
  toggle.type = "button";
  toggle.setAttribute("aria-expanded", "false");
  toggle.setAttribute("aria-controls", "ecpa-quick");
  toggle.appendChild(icon("menu"));
  toggle.appendChild(el("span", null, "快捷按鈕"));
  toggle.addEventListener("click", function () {
    const expanded = !quickbar.classList.contains("expanded");
    quickbar.classList.toggle("expanded", expanded);
    toggle.setAttribute("aria-expanded", String(expanded));
  });
  return toggle;
}

function buildList() {
  const list = el("ul", "qb-list");
  list.id = "ecpa-quick";
  const chat = quickItem("button", "chat", "智慧客服");
  chat.setAttribute("aria-haspopup", "dialog");
  chat.addEventListener("click", function () {
    collapseQuickbar(false);
    openPanel(true, chat);
  });
  list.appendChild(li(chat));
  QUICK_LINKS.forEach(function (q) {
    const a = quickItem("a", q[0], q[1]);
    a.href = q[2];
    list.appendChild(li(a));
  });
  const top = quickItem("button", "top", "回最上端");
  top.addEventListener("click", function () {
    const smooth = !(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
    window.scrollTo({ top: 0, left: 0, behavior: smooth ? "smooth" : "auto" });
  });
  list.appendChild(li(top));
  return list;
}

function quickItem(tag, name, label) {
  const item = el(tag, "qb-item");
  if (tag === "button") { item.type = "button"; }
  item.setAttribute("data-quick", name);
  item.appendChild(icon(name, name === "chat"));
  item.appendChild(el("span", null, label));
  return item;
}

function collapseQuickbar(focusToggle) {
  quickbar.classList.remove("expanded");
  qbToggle.setAttribute("aria-expanded", "false");
  if (focusToggle && qbToggle.getClientRects().length) { qbToggle.focus(); }
}
