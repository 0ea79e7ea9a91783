/**
 * Action messages ask the widget to do something in the browser: "env-check" probes the browser (see probe()) and
 * sends the results, never anything else, as the form the message names.
 *
 * The local component addresses can be overridden, for tests or a page that knows better, with
 * window.ECPA_CHAT_CONFIG = { hicosUrl: "...", nhiUrl: "..." } (read when the check runs) or with the
 * data-hicos-url / data-nhi-url attributes of the widget's script tag.
 */
import { browserOf, cookiesWork, osOf, storageWorks } from "./browser-info.js";
import { currentEpoch, enqueue, turn } from "./conversation.js";
import { saveState } from "./store.js";
import { CHECK_NOTES } from "./texts.js";

const HICOS_URL = "http://localhost:61161";
const PROBE_TIMEOUT = 2000;
/** The widget's script (the page's tag names it), whose data-hicos-url / data-nhi-url attributes are read. */
const ENTRY_SCRIPT = new URL("../ecpa-chat.js", import.meta.url).href;

/** Runs the probes of an env-check message, then sends the results as the form it names. */
export function runCheck(m, kept, row) {
  const status = row.querySelector(".status");
  enqueue(function () {
    const mine = currentEpoch();
    return probe(m.probes && m.probes.length ? m.probes : null).then(function (results) {
      if (mine !== currentEpoch()) { return; }
      results.method = m.method || "other";
      return turn({ formId: m.formId || "env-check.result", form: results }, false).then(function (reply) {
        const done = !!reply && reply.status === 200;
        kept.closed = done ? "done" : "failed";
        saveState();
        status.className = "status";
        status.textContent = CHECK_NOTES[kept.closed];
      });
    });
  });
}

/**
 * The browser's environment, as strings: browser, browserVersion, os, cookies, storage, popups, hicos,
 * hicosVersion, nhi, screen. Only the probes asked for run (all when {@code wanted} is null).
 */
function probe(wanted) {
  const out = {};
  const asked = function (name) { return !wanted || wanted.indexOf(name) >= 0; };
  probeBrowser(out, asked);
  const waits = [];
  if (asked("popups")) { waits.push(probePopups(out)); }
  if (asked("hicos")) { waits.push(probeHicos(out, asked("hicosVersion"))); }
  if (asked("nhi")) { waits.push(probeNhi(out)); }
  return Promise.all(waits).then(function () { return out; }, function () { return out; });
}

/** What the browser tells at once: browser and version, OS, cookies, storage, screen size. */
function probeBrowser(out, asked) {
  const agent = browserOf();
  if (asked("browser")) { out.browser = agent.name; }
  if (asked("browserVersion") && agent.version) { out.browserVersion = agent.version; }
  if (asked("os")) { out.os = osOf(); }
  if (asked("cookies")) { out.cookies = String(cookiesWork()); }
  if (asked("storage")) { out.storage = String(storageWorks(window.localStorage) && storageWorks(window.sessionStorage)); }
  if (asked("screen") && window.screen) { out.screen = screen.width + "x" + screen.height; }
}

function probePopups(out) {
  return noActivation().then(function () { out.popups = popupsAllowed() ? "allowed" : "blocked"; });
}

function probeHicos(out, withVersion) {
  return probeLocal(localUrl("hicos", HICOS_URL) + "/pkcs11info").then(function (found) {
    out.hicos = found.answers ? "ok" : "missing";
    if (found.version && withVersion) { out.hicosVersion = found.version; }
  });
}

/**
 * The NHI card component (健保卡元件) runs on the user's computer too, but its address is not known here (no port
 * is assumed): it is probed only where the page says (data-nhi-url, ECPA_CHAT_CONFIG.nhiUrl), else reported as
 * "unknown".
 */
function probeNhi(out) {
  const nhiUrl = localUrl("nhi", null);
  return !nhiUrl ? Promise.resolve().then(function () { out.nhi = "unknown"; })
    : probeLocal(nhiUrl).then(function (found) { out.nhi = found.answers ? "ok" : "missing"; });
}

/**
 * A click leaves a few seconds of "user activation" during which Chrome lets any window.open through; the
 * portal's own pop-ups come later than that, so the probe waits (up to 6 s) until the activation has passed.
 */
function noActivation() {
  const activation = navigator.userActivation;
  if (!activation || !activation.isActive) { return Promise.resolve(); }
  const until = Date.now() + 6000;
  return new Promise(function (resolve) {
    (function wait() {
      if (!activation.isActive || Date.now() > until) { resolve(); } else { setTimeout(wait, 100); }
    })();
  });
}

function popupsAllowed() {
  try {
    const opened = window.open("about:blank", "_blank", "width=100,height=100");
    if (!opened || opened.closed) { return false; }
    opened.close();
    return true;
  } catch (e) {
    return false;
  }
}

/**
 * Whether a local component answers at a URL (and its version when it says one): a readable (CORS) answer, or
 * an opaque no-cors one, both prove it runs; a refused connection or no answer within 2 s means it does not.
 * (A browser that asks before a site may reach localhost, as newer Chrome does, reports it missing until allowed.)
 */
function probeLocal(url) {
  return within(url, "cors").then(function (response) {
    return response.text().then(function (body) { return { answers: true, version: versionIn(body) }; },
      function () { return { answers: true }; });
  }, function (error) {
    if (error && error.name === "AbortError") { return { answers: false }; }
    return within(url, "no-cors").then(function () { return { answers: true }; },
      function () { return { answers: false }; });
  });
}

/** A fetch that gives up (AbortError) after PROBE_TIMEOUT. */
function within(url, mode) {
  const controller = typeof AbortController === "function" ? new AbortController() : null;
  let timer;
  const timeout = new Promise(function (resolve, reject) {
    timer = setTimeout(function () {
      if (controller) { controller.abort(); }
      const e = new Error("timeout");
      e.name = "AbortError";
      reject(e);
    }, PROBE_TIMEOUT);
  });
  const request = fetch(url, { mode: mode, cache: "no-store", credentials: "omit", redirect: "error",
    signal: controller ? controller.signal : undefined });
  return Promise.race([request, timeout]).then(function (r) { clearTimeout(timer); return r; },
    function (e) { clearTimeout(timer); throw e; });
}

/** A version from a component's JSON answer: version, Version, componentVersion… at the top or one level down. */
function versionIn(body) {
  let json;
  try { json = JSON.parse(body); } catch (e) { return null; }
  let found = null;
  (function look(node, depth) {
    if (found || !node || typeof node !== "object" || depth > 2) { return; }
    Object.keys(node).forEach(function (key) {
      const value = node[key];
      if (!found && /version$/i.test(key) && (typeof value === "string" || typeof value === "number")) {
        const v = String(value).trim();
        if (/^[0-9A-Za-z][0-9A-Za-z._\- ]{0,39}$/.test(v)) { found = v; }
      }
    });
    Object.keys(node).forEach(function (key) { look(node[key], depth + 1); });
  })(json, 0);
  return found;
}

/** A local component's base URL: window.ECPA_CHAT_CONFIG.{name}Url, else the script tag's data-{name}-url. */
function localUrl(name, fallback) {
  const config = window.ECPA_CHAT_CONFIG;
  const tag = scriptTag();
  const given = config && typeof config === "object" && typeof config[name + "Url"] === "string" ? config[name + "Url"]
    : tag && tag.getAttribute("data-" + name + "-url");
  if (given) {
    try {
      const url = new URL(given, location.href);
      if (url.protocol === "http:" || url.protocol === "https:") { return url.href.replace(/\/+$/, ""); }
    } catch (e) { /* an unusable address: the default */ }
  }
  return fallback;
}

/** The page's tag of the widget's script (a module has no document.currentScript), found by its address. */
function scriptTag() {
  return Array.prototype.find.call(document.scripts, function (s) {
    return !!s.src && s.src.split(/[?#]/)[0] === ENTRY_SCRIPT;
  }) || null;
}
