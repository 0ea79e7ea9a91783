package tw.ecpa.portal.questionnaire.http;

import java.util.Map;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.questionnaire.Outcome;

/** How the questionnaire routes answer a service's outcome: its value, or its refusal as a status and zh-TW message. */
final class Refusals {

  private Refusals() {}

  /** The value of a done outcome; every refusal becomes its status and zh-TW message. */
  static <T> T done(Outcome<T> outcome) {
    if (outcome instanceof Outcome.Done<T> d) {
      return d.value();
    }
    if (outcome instanceof Outcome.NotFound<T>) {
      throw new PortalError(404, "questionnaire-not-found", "查無此問卷，或您不是此問卷的填答人。");
    }
    if (outcome instanceof Outcome.Forbidden<T>) {
      throw new PortalError(403, "forbidden", "您僅能管理所屬機關的問卷；如有需要，請洽機關人事主管。");
    }
    if (outcome instanceof Outcome.Published<T>) {
      throw new PortalError(409, "questionnaire-published", "此問卷已發布，題目不能再修改；如需調整，請另存範本後重新發布。");
    }
    if (outcome instanceof Outcome.NotYetOpen<T> n) {
      throw new PortalError(409, "questionnaire-not-open",
          "此問卷尚未開放填答，開放時間為 " + QuestionnaireJson.written(n.opensAt()) + "。");
    }
    if (outcome instanceof Outcome.Closed<T> c) {
      throw new PortalError(410, "questionnaire-closed",
          "此問卷已於 " + QuestionnaireJson.written(c.closesAt()) + " 截止填答，無法再填寫或送出。");
    }
    if (outcome instanceof Outcome.AlreadySubmitted<T>) {
      throw new PortalError(409, "already-submitted", "您已送出此問卷，每人僅能填答一次。");
    }
    Outcome.Invalid<T> invalid = (Outcome.Invalid<T>) outcome;
    throw new PortalError(400, "invalid", invalid.message(), Map.of("questions", invalid.questions()));
  }
}
