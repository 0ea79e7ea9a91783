/**
 * What the widget remembers. The conversation (session id, transcript, whether the panel is open, whether the
 * survey was answered) is kept in sessionStorage, so it survives navigation and reloads in the same tab; the font
 * size (大/中/小) is kept in localStorage.
 */

const STATE_KEY = "ecpa-chat:state";
const FONT_KEY = "ecpa-chat:font";

/** The conversation: { sessionId, messages, open, surveyed }, changed in place and written with saveState(). */
export const state = loadState();

function loadState() {
  const empty = { sessionId: null, messages: [], open: false, surveyed: false };
  try {
    const saved = JSON.parse(sessionStorage.getItem(STATE_KEY) || "null");
    if (!saved || typeof saved !== "object") { return empty; }
    return {
      sessionId: typeof saved.sessionId === "string" ? saved.sessionId : null,
      messages: Array.isArray(saved.messages) ? saved.messages.filter(function (m) { return m && typeof m === "object"; }) : [],
      open: saved.open === true,
      surveyed: saved.surveyed === true
    };
  } catch (e) {
    return empty;
  }
}

export function saveState() {
  try {
    sessionStorage.setItem(STATE_KEY, JSON.stringify(state));
  } catch (e) {
    // A full or disabled storage only loses the transcript across pages.
  }
}

/** Forgets the conversation (結束對話): no session, an empty transcript; the panel stays as it is. */
export function resetState(open) {
  state.sessionId = null;
  state.messages = [];
  state.open = open;
  state.surveyed = false;
}

export function loadFont() {
  try {
    const saved = localStorage.getItem(FONT_KEY);
    return saved === "s" || saved === "m" || saved === "l" ? saved : "m";
  } catch (e) {
    return "m";
  }
}

export function saveFont(size) {
  try { localStorage.setItem(FONT_KEY, size); } catch (e) { /* storage may be disabled */ }
}
