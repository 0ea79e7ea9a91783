/** 結束對話: a sheet asking to confirm, offering the survey first when it was not answered in this conversation. */
import { endConversation } from "./conversation.js";
import { el, sheet, ui } from "./dom.js";
import { showChat } from "./shell.js";
import { state } from "./store.js";
import { showSurvey } from "./survey.js";

let confirmSurvey;

export function buildConfirm() {
  const confirmView = sheet("confirm", "結束對話");
  confirmView.appendChild(el("p", null, "確定要結束本次對話嗎？結束後將清除對話紀錄，並開始新的對話。"));
  confirmSurvey = el("p", null, "結束前，歡迎您填寫滿意度調查，協助我們改善服務。");
  confirmView.appendChild(confirmSurvey);
  const actions = el("div", "actions");
  const survey = el("button", "secondary confirm-survey", "先填寫滿意度調查");
  survey.type = "button";
  survey.addEventListener("click", function () { showSurvey(true); });
  const end = el("button", "primary confirm-end", "結束對話");
  end.type = "button";
  end.addEventListener("click", endConversation);
  const cancel = el("button", "secondary", "取消");
  cancel.type = "button";
  cancel.addEventListener("click", showChat);
  actions.appendChild(end);
  actions.appendChild(survey);
  actions.appendChild(cancel);
  confirmView.appendChild(actions);
  ui.confirmView = confirmView;
  return confirmView;
}

export function showConfirm() {
  ui.bodyView.hidden = true;
  ui.surveyView.hidden = true;
  ui.confirmView.hidden = false;
  const offer = !state.surveyed && !!state.sessionId;
  confirmSurvey.hidden = !offer;
  ui.confirmView.querySelector(".confirm-survey").hidden = !offer;
  ui.confirmView.querySelector("h3").focus();
}
