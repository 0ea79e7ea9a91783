/** 👍/👎 under an answer; the vote is kept in the transcript, so it survives a reload. */
import { errorMessage, sendFeedback } from "./api.js";
import { el, icon } from "./dom.js";
import { saveState, state } from "./store.js";
import { reveal } from "./transcript.js";

/** The two vote buttons under an answer, and the note saying the vote was received (or why not). */
export function buildVote(kept) {
  const box = el("div", "vote");
  box.setAttribute("role", "group");
  box.setAttribute("aria-label", "這個回答對您有幫助嗎？");
  box.appendChild(el("span", "vote-ask", "這個回答對您有幫助嗎？")).setAttribute("aria-hidden", "true");
  const note = el("p", "vote-note");
  const up = thumb(true, "up", "有幫助", "這個回答有幫助");
  const down = thumb(false, "down", "沒幫助", "這個回答沒有幫助");
  box.appendChild(up);
  box.appendChild(down);
  box.appendChild(note);
  mark();
  return box;

  function thumb(helpful, name, text, accessibleName) {
    const b = el("button", "thumb " + name);
    b.type = "button";
    b.setAttribute("aria-label", accessibleName);
    b.setAttribute("data-vote", name);
    b.appendChild(icon(name));
    b.appendChild(el("span", null, text));
    b.addEventListener("click", function () { vote(helpful); });
    return b;
  }
  function mark() {
    up.setAttribute("aria-pressed", String(kept.vote === true));
    down.setAttribute("aria-pressed", String(kept.vote === false));
    note.className = "vote-note";
    note.textContent = typeof kept.vote === "boolean" ? "感謝您的回饋" : "";
    note.hidden = typeof kept.vote !== "boolean";
  }
  function vote(helpful) {
    if (kept.vote === helpful || up.disabled) { return; }
    if (!state.sessionId) { return failed({ status: 404, body: null }); }
    up.disabled = down.disabled = true;
    sendFeedback(state.sessionId, { answerId: kept.answerId, helpful: helpful }).then(function (reply) {
      up.disabled = down.disabled = false;
      if (reply.status !== 204) { return failed(reply); }
      kept.vote = helpful;
      saveState();
      mark();
      reveal(note);
    });
  }
  function failed(reply) {
    note.className = "vote-note failed";
    note.textContent = reply.status === 404 ? "此對話已結束，無法送出回饋。" : errorMessage(reply).text;
    note.hidden = false;
    reveal(note);
  }
}
