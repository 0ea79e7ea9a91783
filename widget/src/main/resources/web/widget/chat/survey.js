/**
 * 滿意度調查: a sheet over the conversation with a 1–5 score and an optional comment, then thanks. Opened from
 * the panel's tools, or from 結束對話 to end the conversation after it.
 */
import { errorMessage, sendSatisfaction } from "./api.js";
import { updateCounter } from "./composer.js";
import { endConversation } from "./conversation.js";
import { el, sheet, ui } from "./dom.js";
import { showChat } from "./shell.js";
import { saveState, state } from "./store.js";
import { MAX_COMMENT, SCORES } from "./texts.js";

let surveyForm, surveyError, comment, commentCounter, thanksView, thanksText, thanksButton;
let endAfterSurvey = false;

export function buildSurvey() {
  const surveyView = sheet("survey", "滿意度調查");

  surveyForm = el("form");
  surveyForm.setAttribute("novalidate", "");
  surveyForm.appendChild(scoreSet());
  appendComment(surveyForm);
  surveyError = el("p", "message");
  surveyError.setAttribute("role", "alert");
  surveyError.hidden = true;
  surveyForm.appendChild(surveyError);
  surveyForm.appendChild(surveyActions());
  surveyView.appendChild(surveyForm);
  surveyView.appendChild(buildThanks());
  ui.surveyView = surveyView;
  return surveyView;
}

/** The five scores as radio buttons inside labels, so a whole box can be clicked. */
function scoreSet() {
  const set = el("fieldset");
  set.appendChild(el("legend", null, "請問您對本次智慧客服的服務是否滿意？"));
  const scores = el("div", "scores");
  SCORES.forEach(function (s) { scores.appendChild(scoreOption(s[0], s[1])); });
  set.appendChild(scores);
  return set;
}

function scoreOption(score, words) {
  const option = el("label", "score");
  const radio = el("input");
  radio.type = "radio";
  radio.name = "score";
  radio.value = String(score);
  radio.addEventListener("change", markScores);
  radio.addEventListener("focus", function () { option.classList.toggle("focused", radio.matches(":focus-visible")); });
  radio.addEventListener("blur", function () { option.classList.remove("focused"); });
  option.appendChild(radio);
  option.appendChild(el("b", null, String(score)));
  // A narrow box may break the words after 非常: 非常<wbr>不滿意.
  const cut = words.indexOf("非常") === 0 ? 2 : 0;
  const text = el("span");
  text.appendChild(document.createTextNode(words.slice(0, cut)));
  text.appendChild(el("wbr"));
  text.appendChild(document.createTextNode(words.slice(cut)));
  option.appendChild(text);
  return option;
}

function appendComment(form) {
  const label = el("label", "field-label", "其他意見（選填，" + MAX_COMMENT + "字以內）");
  label.htmlFor = "ecpa-comment";
  comment = el("textarea");
  comment.id = "ecpa-comment";
  comment.rows = 3;
  comment.maxLength = MAX_COMMENT;
  comment.setAttribute("aria-describedby", "ecpa-comment-counter");
  commentCounter = el("p", "counter", "0/" + MAX_COMMENT);
  commentCounter.id = "ecpa-comment-counter";
  comment.addEventListener("input", function () { updateCounter(comment, commentCounter, MAX_COMMENT, 0); });
  form.appendChild(label);
  form.appendChild(comment);
  form.appendChild(commentCounter);
}

function surveyActions() {
  const actions = el("div", "actions");
  const submit = el("button", "primary", "送出");
  submit.type = "submit";
  const back = el("button", "secondary", "返回對話");
  back.type = "button";
  back.addEventListener("click", showChat);
  actions.appendChild(submit);
  actions.appendChild(back);
  surveyForm.addEventListener("submit", function (event) {
    event.preventDefault();
    submitSurvey(submit);
  });
  return actions;
}

function buildThanks() {
  thanksView = el("div");
  thanksView.hidden = true;
  thanksText = el("p", "thanks", "感謝您填寫滿意度調查！您的寶貴意見將作為我們改善服務的參考。");
  thanksText.setAttribute("role", "status");
  thanksText.tabIndex = -1;
  thanksButton = el("button", "primary");
  thanksButton.type = "button";
  thanksButton.addEventListener("click", function () {
    if (endAfterSurvey) { endConversation(); } else { showChat(); }
  });
  thanksView.appendChild(thanksText);
  const thanksActions = el("div", "actions");
  thanksActions.appendChild(thanksButton);
  thanksView.appendChild(thanksActions);
  return thanksView;
}

/** Shows the survey, empty; {@code thenEnd}: its thanks end the conversation. */
export function showSurvey(thenEnd) {
  endAfterSurvey = thenEnd;
  ui.bodyView.hidden = true;
  ui.confirmView.hidden = true;
  ui.surveyView.hidden = false;
  surveyForm.hidden = false;
  thanksView.hidden = true;
  surveyError.hidden = true;
  surveyForm.reset();
  markScores();
  updateCounter(comment, commentCounter, MAX_COMMENT, 0);
  ui.surveyView.querySelector("h3").focus();
}

function submitSurvey(button) {
  const chosen = surveyForm.querySelector("input[name='score']:checked");
  const text = comment.value.trim();
  if (!chosen) { return surveyFailed("請選擇您的滿意程度。"); }
  if (text.length > MAX_COMMENT) { return surveyFailed("意見請勿超過 " + MAX_COMMENT + " 字。"); }
  if (!state.sessionId) { return surveyFailed("目前沒有進行中的對話，請先開始對話。"); }
  const body = { score: Number(chosen.value) };
  if (text) { body.comment = text; }
  button.disabled = true;
  surveyError.hidden = true;
  sendSatisfaction(state.sessionId, body).then(function (reply) {
    button.disabled = false;
    if (reply.status === 204) {
      state.surveyed = true;
      saveState();
      surveyForm.hidden = true;
      thanksView.hidden = false;
      thanksButton.textContent = endAfterSurvey ? "結束對話並開始新對話" : "返回對話";
      thanksText.focus();
    } else {
      surveyFailed(errorMessage(reply).text);
    }
  });
}

function markScores() {
  surveyError.hidden = true;
  Array.prototype.forEach.call(surveyForm.querySelectorAll(".score"), function (option) {
    option.classList.toggle("checked", option.querySelector("input").checked);
  });
}

function surveyFailed(text) {
  surveyError.textContent = text;
  surveyError.hidden = false;
}
