/**
 * The widget's frame in its shadow root: the quick-button bar, the panel and the floating launcher; opening and
 * closing the panel (Escape closes it, the focus goes back where it came from), and which of the panel's views
 * shows: the conversation, the survey or the end-conversation sheet.
 */
import { busy, startConversation } from "./conversation.js";
import { fitInput } from "./composer.js";
import { el, icon, ui } from "./dom.js";
import { buildPanel } from "./panel.js";
import { buildQuickbar } from "./quickbar.js";
import { loadFont, saveState, state } from "./store.js";
import { NOTES } from "./texts.js";
import { add, renderTranscript, scrollToEnd } from "./transcript.js";
import { nowIso } from "./util.js";

let opener = null;

/** Builds the widget in the shadow root and shows the saved conversation, and the panel if it was open. */
export function buildShell(root) {
  ui.root = root;
  const font = loadFont();
  const wrap = el("div", "ecpa");
  wrap.setAttribute("lang", "zh-Hant-TW");
  wrap.setAttribute("data-font", font);
  ui.wrap = wrap;
  root.appendChild(wrap);
  wrap.addEventListener("keydown", function (event) {
    if ((event.key === "Escape" || event.key === "Esc") && !ui.panel.hidden) {
      event.preventDefault();
      event.stopPropagation();
      closePanel(true);
    }
  });
  wrap.appendChild(buildQuickbar());
  wrap.appendChild(buildPanel(font));
  wrap.appendChild(buildLauncher());
  renderTranscript();
  if (state.open) { openPanel(false); }
}

function buildLauncher() {
  const launcher = el("button", "launcher");
  launcher.type = "button";
  launcher.setAttribute("aria-haspopup", "dialog");
  launcher.setAttribute("aria-controls", "ecpa-panel");
  launcher.setAttribute("aria-expanded", "false");
  launcher.appendChild(icon("chat", true));
  launcher.appendChild(el("span", null, "智慧客服"));
  launcher.addEventListener("click", function () {
    if (ui.panel.hidden) { openPanel(true, launcher); } else { closePanel(true); }
  });
  ui.launcher = launcher;
  return launcher;
}

/**
 * Opens the panel (starting a conversation if there is none); {@code focus}: into it, {@code from}: the button the
 * focus returns to when it closes.
 */
export function openPanel(focus, from) {
  if (from) { opener = from; }
  const wasOpen = !ui.panel.hidden;
  ui.panel.hidden = false;
  ui.wrap.classList.add("is-open");
  ui.launcher.setAttribute("aria-expanded", "true");
  if (!state.open) { state.open = true; saveState(); }
  if (!state.sessionId && !busy()) { startConversation(false); }
  if (focus) {
    if (!ui.surveyView.hidden || !ui.confirmView.hidden) {
      const heading = (!ui.surveyView.hidden ? ui.surveyView : ui.confirmView).querySelector("h3");
      heading.focus();
    } else {
      ui.input.focus();
    }
  }
  fitInput();
  if (!wasOpen) { scrollToEnd(); }
}

export function closePanel(returnFocus) {
  if (ui.panel.hidden) { return; }
  ui.panel.hidden = true;
  ui.wrap.classList.remove("is-open");
  ui.launcher.setAttribute("aria-expanded", "false");
  state.open = false;
  saveState();
  if (returnFocus) {
    const target = opener && opener.getClientRects().length ? opener : ui.launcher;
    target.focus();
  }
}

/** Back to the conversation from a sheet, the focus in the question box. */
export function showChat() {
  ui.surveyView.hidden = true;
  ui.confirmView.hidden = true;
  ui.bodyView.hidden = false;
  fitInput();
  ui.input.focus();
  scrollToEnd();
}

/** 注意事項, shown as a notice in the conversation. */
export function showNotes() {
  showChat();
  add({ type: "notice", text: NOTES, time: nowIso(), local: true });
}
