/**
 * The chat panel's parts: its head (title, 縮小, the tools 滿意度調查 / 注意事項 / 結束對話, the font sizes), the
 * conversation (log and question box), and the survey and end-conversation sheets shown in its place.
 * Sizes are in em of the panel's own font size (大/中/小), never rem: the page's root size is not ours.
 */
import { buildComposer, fitInput } from "./composer.js";
import { buildConfirm, showConfirm } from "./confirm.js";
import { el, icon, ui } from "./dom.js";
import { closePanel, showNotes } from "./shell.js";
import { saveFont } from "./store.js";
import { buildSurvey, showSurvey } from "./survey.js";
import { FONTS, TITLE } from "./texts.js";
import { buildLog } from "./transcript.js";

const fontButtons = {};

/** The panel, hidden, in the font size given. */
export function buildPanel(font) {
  const panel = el("section", "panel");
  panel.id = "ecpa-panel";
  panel.hidden = true;
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", TITLE);
  ui.panel = panel;
  panel.appendChild(buildHead());
  setFont(font);
  panel.appendChild(buildBody());
  panel.appendChild(buildSurvey());
  panel.appendChild(buildConfirm());
  return panel;
}

function buildHead() {
  const head = el("header", "head");
  const row = el("div", "head-row");
  row.appendChild(el("h2", "title", TITLE));
  row.appendChild(closeButton());
  head.appendChild(row);
  const tools = el("div", "tools");
  tools.appendChild(tool("survey", "滿意度調查", function () { showSurvey(false); }));
  tools.appendChild(tool("notes", "注意事項", showNotes));
  tools.appendChild(tool("end", "結束對話", showConfirm));
  tools.appendChild(buildFonts());
  head.appendChild(tools);
  return head;
}

/** 縮小: the panel closes, the conversation stays. */
function closeButton() {
  const close = el("button", "icon-btn close");
  close.type = "button";
  close.setAttribute("aria-label", "縮小智慧客服視窗");
  close.title = "縮小視窗（對話會保留）";
  close.appendChild(icon("close"));
  close.addEventListener("click", function () { closePanel(true); });
  return close;
}

function tool(name, text, action) {
  const b = el("button", "tool", text);
  b.type = "button";
  b.setAttribute("data-tool", name);
  b.addEventListener("click", action);
  return b;
}

/** 字體大小 大/中/小, the pressed one the current size. */
function buildFonts() {
  const fonts = el("div", "fonts");
  fonts.setAttribute("role", "group");
  fonts.setAttribute("aria-label", "字體大小");
  fonts.appendChild(el("span", null, "字體大小"));
  FONTS.forEach(function (f) {
    const b = el("button", null, f[1]);
    b.type = "button";
    b.setAttribute("data-size", f[0]);
    b.title = "字體大小：" + f[1];
    b.addEventListener("click", function () { setFont(f[0]); });
    fontButtons[f[0]] = b;
    fonts.appendChild(b);
  });
  return fonts;
}

/** The conversation: the log above the question box. */
function buildBody() {
  const body = el("div", "body");
  ui.bodyView = body;
  body.appendChild(buildLog());
  body.appendChild(buildComposer());
  return body;
}

/** Sets the panel's font size (s, m or l; m for anything else) and remembers it. */
function setFont(size) {
  if (!fontButtons[size]) { size = "m"; }
  ui.wrap.setAttribute("data-font", size);
  Object.keys(fontButtons).forEach(function (k) { fontButtons[k].setAttribute("aria-pressed", String(k === size)); });
  saveFont(size);
  fitInput();
}
