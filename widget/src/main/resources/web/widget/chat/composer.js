/**
 * The question box under the log: a textarea that grows (so the whole example question of the placeholder can be
 * read), a counter near the limit, and 送出. Enter sends, Shift+Enter starts a new line.
 */
import { ask } from "./conversation.js";
import { el, ui } from "./dom.js";
import { MAX_TEXT, PLACEHOLDER } from "./texts.js";

let mirror;
let counter;

export function buildComposer() {
  const composer = el("form", "composer");
  composer.setAttribute("novalidate", "");
  const label = el("label", "sr-only", "您的提問");
  label.htmlFor = "ecpa-question";
  const input = buildInput();
  mirror = el("textarea", "question mirror");
  mirror.rows = 1;
  mirror.tabIndex = -1;
  mirror.setAttribute("aria-hidden", "true");
  const send = el("button", "primary send", "送出");
  send.type = "submit";
  counter = el("p", "counter");
  counter.id = "ecpa-counter";
  counter.hidden = true;
  window.addEventListener("resize", fitInput);
  composer.appendChild(label);
  composer.appendChild(input);
  composer.appendChild(send);
  composer.appendChild(counter);
  composer.appendChild(mirror);
  composer.addEventListener("submit", function (event) {
    event.preventDefault();
    submitQuestion();
  });
  return composer;
}

function buildInput() {
  const input = el("textarea", "question");
  input.id = "ecpa-question";
  input.rows = 1;
  input.maxLength = MAX_TEXT;
  input.placeholder = PLACEHOLDER;
  input.autocomplete = "off";
  input.setAttribute("enterkeyhint", "send");
  input.setAttribute("aria-describedby", "ecpa-counter");
  input.addEventListener("input", function () {
    updateCounter(input, counter, MAX_TEXT, 400);
    fitInput();
  });
  input.addEventListener("keydown", function (event) {
    // Enter sends, Shift+Enter starts a new line; never while an input method is composing (注音, 倉頡).
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      submitQuestion();
    }
  });
  ui.input = input;
  return input;
}

function submitQuestion() {
  const input = ui.input;
  let text = input.value.trim();
  if (!text) { input.focus(); return; }
  if (text.length > MAX_TEXT) { text = text.slice(0, MAX_TEXT); }
  input.value = "";
  updateCounter(input, counter, MAX_TEXT, 400);
  fitInput();
  ask({ text: text }, text);
}

/** As tall as its text or, at least, its placeholder (up to a limit, then it scrolls). */
export function fitInput() {
  if (!ui.bodyView || ui.panel.hidden || ui.bodyView.hidden) { return; }
  const input = ui.input;
  // Measured on a hidden twin, so the caret and the undo history of the real one are left alone.
  mirror.style.width = input.offsetWidth + "px";
  mirror.value = PLACEHOLDER;
  let wanted = mirror.scrollHeight;
  mirror.value = input.value;
  wanted = Math.max(wanted, mirror.scrollHeight);
  input.style.height = (wanted + input.offsetHeight - input.clientHeight) + "px";
}

/** A text field's counter: "還可輸入 N 字" from {@code from} characters on, or "n/max" always when from is 0. */
export function updateCounter(field, out, max, from) {
  const length = field.value.length;
  out.textContent = from ? "還可輸入 " + (max - length) + " 字" : length + "/" + max;
  out.hidden = length < from;
}
