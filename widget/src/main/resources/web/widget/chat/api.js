/**
 * The chat API, at the origin this script came from: POST /api/chat/sessions, POST /api/chat/sessions/{id}/messages,
 * POST .../{id}/satisfaction, POST .../{id}/feedback (👍/👎 on an answer). Every call resolves, never rejects, with
 * { status, body }: status 0 when the server could not be reached, body null when it sent no JSON.
 */
import { BUSY, OFFLINE } from "./texts.js";
import { nowIso } from "./util.js";

export const ORIGIN = new URL(import.meta.url).origin;
const API = ORIGIN + "/api/chat/sessions";

export function createSession() {
  return post(API, {});
}

export function sendTurn(sessionId, body) {
  return post(session(sessionId) + "/messages", body);
}

export function sendSatisfaction(sessionId, body) {
  return post(session(sessionId) + "/satisfaction", body);
}

export function sendFeedback(sessionId, body) {
  return post(session(sessionId) + "/feedback", body);
}

/** The error message a failed reply is shown as: the server's own message, else offline or busy. */
export function errorMessage(reply) {
  const text = reply.body && typeof reply.body.message === "string" && reply.body.message ? reply.body.message
    : reply.status === 0 ? OFFLINE : BUSY;
  return { type: "error", text: text, time: nowIso() };
}

function session(sessionId) {
  return API + "/" + encodeURIComponent(sessionId);
}

function post(url, body) {
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Accept": "application/json" },
    body: JSON.stringify(body),
    credentials: "same-origin"
  }).then(function (response) {
    if (response.status === 204) { return { status: 204, body: null }; }
    return response.json().catch(function () { return null; })
      .then(function (json) { return { status: response.status, body: json }; });
  }, function () {
    return { status: 0, body: null };
  });
}
