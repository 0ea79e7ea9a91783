/**
 * The conversation with the server: one turn at a time, in order. Every request goes through one queue; while it
 * is not empty the typing indicator shows. 結束對話 starts a new epoch, and replies to an ended conversation are
 * dropped.
 */
import { createSession, errorMessage, sendTurn } from "./api.js";
import { clear, ui } from "./dom.js";
import { forgetForms } from "./forms.js";
import { showChat } from "./shell.js";
import { resetState, saveState, state } from "./store.js";
import { BUSY } from "./texts.js";
import { add, setTyping, showMessages } from "./transcript.js";
import { nowIso } from "./util.js";

let pending = 0;
let queue = Promise.resolve();
let epoch = 0; // bumped by 結束對話: replies to an ended conversation are dropped

/** Whether a request is queued or under way. */
export function busy() {
  return pending > 0;
}

/** The current conversation's epoch: a reply is shown only if it has not changed since its request. */
export function currentEpoch() {
  return epoch;
}

/** Queues a task (returning a promise); a task that fails shows 系統忙碌中. */
export function enqueue(task) {
  pending++;
  setTyping();
  queue = queue.then(task).catch(function () { add({ type: "error", text: BUSY, time: nowIso() }); })
    .then(function () { pending--; setTyping(); });
  return queue;
}

/** Starts a conversation, showing its greeting unless silent. */
export function startConversation(silent) {
  return enqueue(function () { return start(silent); });
}

/** Resolves with whether a conversation was started. */
function start(silent) {
  const mine = epoch;
  return createSession().then(function (reply) {
    if (mine !== epoch) { return false; }
    if (reply.status === 201 && reply.body && reply.body.sessionId) {
      state.sessionId = reply.body.sessionId;
      state.surveyed = false;
      saveState();
      if (!silent) { showMessages(reply.body.messages); }
      return true;
    }
    add(errorMessage(reply));
    return false;
  });
}

/** Shows the user's side of a turn ({@code label}) and queues the turn. */
export function ask(body, label) {
  add({ type: "user", text: label, time: nowIso() });
  enqueue(function () { return turn(body, false); });
}

/** Sends one turn and shows the reply; resolves with the server's reply (undefined when dropped). */
export function turn(body, retried) {
  const mine = epoch;
  const ready = state.sessionId ? Promise.resolve(true) : start(true);
  return ready.then(function (ok) {
    if (!ok || mine !== epoch) { return; }
    return sendTurn(state.sessionId, body).then(function (reply) {
      if (mine !== epoch) { return; }
      if (reply.status === 404 && !retried) { return askAgainInANewConversation(body); }
      if (reply.status === 200 && reply.body && reply.body.messages) {
        showMessages(reply.body.messages);
      } else {
        add(errorMessage(reply));
      }
      return reply;
    });
  });
}

/** The server forgot this conversation (idle, restarted): start a new one and ask again. */
function askAgainInANewConversation(body) {
  state.sessionId = null;
  saveState();
  add({ type: "divider", text: "已為您開始新的對話", time: nowIso() });
  return start(true).then(function (started) { if (started) { return turn(body, true); } });
}

/** 結束對話: forgets the transcript and starts a new conversation. */
export function endConversation() {
  epoch++;
  resetState(!ui.panel.hidden);
  saveState();
  forgetForms();
  clear(ui.log);
  showChat();
  startConversation(false);
}
