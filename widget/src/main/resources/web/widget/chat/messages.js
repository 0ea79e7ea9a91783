/**
 * Messages from the server as the widget holds them: cleaned of everything it does not use, and what of them the
 * transcript in sessionStorage may keep.
 */
import { str } from "./util.js";

/** Keeps only the fields the widget uses, as strings, booleans, numbers and arrays of them. */
export function clean(m) {
  m = m && typeof m === "object" ? m : {};
  const out = { type: str(m.type) || "answer", text: str(m.text), time: str(m.time) };
  if (m.answerId) { out.answerId = str(m.answerId); }
  if (Array.isArray(m.options)) {
    out.options = m.options.filter(Boolean).map(function (o) { return { id: str(o.id), label: str(o.label) }; });
  }
  if (Array.isArray(m.links)) {
    out.links = m.links.filter(Boolean).map(function (l) { return { label: str(l.label), url: str(l.url) }; });
  }
  if (m.formId) { out.formId = str(m.formId); }
  if (Array.isArray(m.fields)) { out.fields = cleanFields(m.fields); }
  if (m.captcha && typeof m.captcha === "object") {
    out.captcha = { id: str(m.captcha.id), image: str(m.captcha.image), answer: str(m.captcha.answer) };
  }
  if (m.submitLabel) { out.submitLabel = str(m.submitLabel); }
  if (m.action) { out.action = str(m.action); }
  if (Array.isArray(m.probes)) { out.probes = m.probes.map(str); }
  if (m.method) { out.method = str(m.method); }
  return out;
}

/** A form's fields: name, label, type (text by default), required, maxLength (0 for none) and hint. */
function cleanFields(fields) {
  return fields.filter(function (f) { return f && f.name; }).map(function (f) {
    return { name: str(f.name), label: str(f.label), type: str(f.type) || "text", required: f.required === true,
      maxLength: typeof f.maxLength === "number" && f.maxLength > 0 ? Math.floor(f.maxLength) : 0, hint: str(f.hint) };
  });
}

/**
 * What the transcript keeps of a message: forms and actions only by their text, never their fields, captcha or
 * anything typed; they are dead after a reload.
 */
export function keep(m) {
  if (m.type === "form" || m.type === "action") {
    const kept = { type: m.type, text: str(m.text), time: str(m.time) };
    if (m.formId) { kept.formId = m.formId; }
    if (m.action) { kept.action = m.action; }
    return kept;
  }
  return m;
}
