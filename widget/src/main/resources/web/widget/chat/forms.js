/**
 * Form messages (the password reset, the mailbox re-verification) as real forms inside the conversation. What is
 * typed into them is sent once and never echoed or stored: the transcript keeps only the form's text (a form shown
 * again after a reload is dead: 「表單已失效，請重新開始」), and the captcha image is never stored either.
 */
import { enqueue, turn } from "./conversation.js";
import { el, ui } from "./dom.js";
import { saveState } from "./store.js";
import { FORM_NOTES } from "./texts.js";
import { add } from "./transcript.js";
import { nowIso, str } from "./util.js";

const LEAVE_FORM = "form.leave";

let liveForms = []; // forms that can still be filled in: { row, form, kept, sent, left }
let formSeq = 0;
let formHadFocus = false; // whether the focus was in the form just sent
let justSent = null; // the id of the form whose reply is awaited: if it comes back, it says why first

/** A form message's inputs: labelled, with hints and required marks; a captcha shows its image above its input. */
export function buildForm(m, kept, row, bubble, reason) {
  const seq = ++formSeq;
  const form = el("form", "chat-form");
  form.setAttribute("novalidate", "");
  form.setAttribute("data-form-id", str(m.formId));
  if (reason) { form.appendChild(alert("form-error reason", reason)); }
  const entry = { row: row, form: form, kept: kept, sent: false, left: false };
  const inputs = m.fields.map(function (f, i) {
    const built = buildField(f, "ecpa-f" + seq + "-" + i, m);
    form.appendChild(built.node);
    return { field: f, box: built.box };
  });

  const error = alert("form-error missing");
  error.hidden = true;
  form.appendChild(error);
  form.appendChild(formActions(m, entry));

  // What was marked missing is unmarked once filled in.
  form.addEventListener("input", function (event) {
    const box = event.target;
    if (box.getAttribute("aria-invalid") !== "true") { return; }
    if (box.type === "checkbox" ? box.checked : box.value.trim()) { box.removeAttribute("aria-invalid"); }
    if (!form.querySelector("[aria-invalid='true']")) { error.hidden = true; }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (entry.sent || markMissing(inputs, error)) { return; }
    sendFromForm(entry, { formId: m.formId, form: formValues(inputs, m) }, "已送出表單");
  });
  liveForms.push(entry);
  bubble.appendChild(form);
}

function alert(className, text) {
  const line = el("p", className, text);
  line.setAttribute("role", "alert");
  return line;
}

/** One field: its box, label (or a checkbox's), captcha image and hint; returns { node, box }. */
function buildField(f, id, m) {
  const node = el("div", "field field-" + f.type);
  const box = el("input");
  box.id = id;
  box.name = f.name;
  if (f.required) { box.required = true; }
  if (f.type === "checkbox") {
    box.type = "checkbox";
    const check = el("label", "check");
    check.htmlFor = id;
    check.appendChild(box);
    check.appendChild(el("span", null, f.label));
    node.appendChild(check);
  } else {
    setUpTextBox(box, f);
    node.appendChild(fieldLabel(f, id));
    const image = f.type === "captcha" && m.captcha ? safeImage(m.captcha.image) : null;
    if (image) { node.appendChild(captchaImage(image, m.captcha.answer)); }
    node.appendChild(box);
  }
  if (f.hint) {
    const hint = el("p", "hint", f.hint);
    hint.id = id + "-hint";
    box.setAttribute("aria-describedby", hint.id);
    node.appendChild(hint);
  }
  return { node: node, box: box };
}

function setUpTextBox(box, f) {
  box.className = "input";
  box.type = f.type === "password" ? "password" : f.type === "email" ? "email" : "text";
  box.autocomplete = f.type === "password" ? "new-password" : f.type === "email" ? "email" : "off";
  box.spellcheck = false;
  box.setAttribute("autocapitalize", "off");
  if (f.maxLength) { box.maxLength = f.maxLength; }
}

function fieldLabel(f, id) {
  const label = el("label", null, f.label);
  label.htmlFor = id;
  if (f.required) {
    label.appendChild(el("span", "req", "*")).setAttribute("aria-hidden", "true");
  }
  return label;
}

function captchaImage(image, answer) {
  const img = el("img", "captcha-img");
  img.src = image;
  img.alt = "驗證碼圖片";
  // Test mode only (CAPTCHA_MODE=test): the answer rides along for automated tests, never shown.
  if (answer) { img.setAttribute("data-answer", answer); }
  return img;
}

/** The submit button, then the form's options (離開 and the like), each sent as a choice. */
function formActions(m, entry) {
  const actions = el("div", "actions");
  const submit = el("button", "primary form-submit", m.submitLabel || "送出");
  submit.type = "submit";
  actions.appendChild(submit);
  (m.options || []).forEach(function (option) {
    const b = el("button", "secondary", option.label);
    b.type = "button";
    b.setAttribute("data-option", option.id);
    b.addEventListener("click", function () {
      entry.left = option.id === LEAVE_FORM;
      sendFromForm(entry, { optionId: option.id }, option.label);
    });
    actions.appendChild(b);
  });
  return actions;
}

/** Marks the required fields left empty and names them; returns whether there were any. */
function markMissing(inputs, error) {
  const missing = [];
  inputs.forEach(function (i) {
    const empty = i.box.type === "checkbox" ? !i.box.checked : !i.box.value.trim();
    if (i.field.required && empty) {
      missing.push(i);
      i.box.setAttribute("aria-invalid", "true");
    } else {
      i.box.removeAttribute("aria-invalid");
    }
  });
  if (missing.length) {
    error.textContent = "請填寫" + missing.map(function (i) { return i.field.label; }).join("、") + "。";
    error.hidden = false;
    missing[0].box.focus();
    return true;
  }
  error.hidden = true;
  return false;
}

/** The values to send, by field name, with the captcha's id. */
function formValues(inputs, m) {
  const values = {};
  inputs.forEach(function (i) {
    // Passwords exactly as typed; other text without the spaces around it; a checkbox as "true"/"false".
    values[i.field.name] = i.box.type === "checkbox" ? String(i.box.checked)
      : i.box.type === "password" ? i.box.value : i.box.value.trim();
  });
  if (m.captcha && m.captcha.id) { values.captchaId = m.captcha.id; }
  return values;
}

/**
 * Sends a form (or its 離開) as one turn; the user's side shows only {@code label}, never a value. The server's
 * reply ends the form (see showMessages); a refusal of a form it no longer waits for ends it too, and any
 * other failure (busy, offline) gives it back to be sent again.
 */
function sendFromForm(entry, body, label) {
  entry.sent = !!body.form;
  // Disabling the form takes the focus off it: the reply gives it back (to the next form or the question box).
  formHadFocus = !!ui.root.activeElement && entry.form.contains(ui.root.activeElement);
  setFormDisabled(entry, true);
  add({ type: "user", text: label, time: nowIso() });
  enqueue(function () {
    justSent = body.formId || null;
    return turn(body, false).then(function (reply) {
      justSent = null;
      if (liveForms.indexOf(entry) < 0) { return; }
      if (reply && reply.status === 400) { closeRefused(entry); } else { giveBack(entry); }
    });
  });
}

/** The server no longer waits for this form: it is closed, and a lost focus goes to the question box. */
function closeRefused(entry) {
  closeForm(entry, "stale");
  if (formHadFocus && !ui.root.activeElement && !ui.bodyView.hidden) { ui.input.focus(); }
  formHadFocus = false;
}

/** Busy or offline: the form can be sent again, and a lost focus goes back to its submit button. */
function giveBack(entry) {
  entry.sent = false;
  entry.left = false;
  setFormDisabled(entry, false);
  if (formHadFocus && !ui.root.activeElement) { entry.form.querySelector(".form-submit").focus(); }
  formHadFocus = false;
}

function setFormDisabled(entry, disabled) {
  Array.prototype.forEach.call(entry.form.querySelectorAll("input, button"), function (control) {
    control.disabled = disabled;
  });
}

/** Ends the forms still open, each noted by its fate: sent, left or stale. */
export function closeForms() {
  liveForms.slice().forEach(function (entry) {
    closeForm(entry, entry.sent ? "sent" : entry.left ? "left" : "stale");
  });
}

/** Takes a form's inputs (and what was typed in them) off the page, leaving its text and a note. */
function closeForm(entry, how) {
  liveForms.splice(liveForms.indexOf(entry), 1);
  if (entry.form.parentNode) {
    entry.form.parentNode.insertBefore(el("p", "form-note", FORM_NOTES[how]), entry.form);
    entry.form.parentNode.removeChild(entry.form);
  }
  entry.kept.closed = how;
  saveState();
}

/** 結束對話: the open forms are gone with the log. */
export function forgetForms() {
  liveForms = [];
}

/** Whether the focus was in the form just sent (once: the answer is reset). */
export function takeFormFocus() {
  const had = formHadFocus;
  formHadFocus = false;
  return had;
}

/** Whether a form message comes back for the form just sent. */
export function isRetryOf(formId) {
  return !!justSent && formId === justSent;
}

/** Only a PNG, GIF or JPEG data URL is shown as the captcha. */
function safeImage(url) {
  url = str(url);
  return /^data:image\/(png|gif|jpeg);base64,[A-Za-z0-9+\/=]+$/.test(url) ? url : null;
}
