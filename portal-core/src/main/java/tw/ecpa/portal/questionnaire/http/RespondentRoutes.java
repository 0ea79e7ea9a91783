package tw.ecpa.portal.questionnaire.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.questionnaire.Question;
import tw.ecpa.portal.questionnaire.QuestionnaireAnswers;
import tw.ecpa.portal.questionnaire.Response;
import tw.ecpa.portal.session.http.SessionGuard;
import tw.ecpa.portal.session.http.SessionGuard.Access;

/** The respondents' side of 問卷管理: their 待填問卷, the form with what they saved, saving (下次再填) and submitting. */
final class RespondentRoutes {

  private final QuestionnaireAnswers answers;
  private final SessionGuard guard;
  private final PortalHttp http;
  private final QuestionnaireJson json;

  RespondentRoutes(QuestionnaireAnswers answers, RouteTools tools) {
    this.answers = answers;
    this.guard = tools.guard();
    this.http = tools.http();
    this.json = tools.json();
  }

  void pending(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.READ);
    List<Map<String, Object>> items = new ArrayList<>();
    for (QuestionnaireAnswers.Pending p : answers.pending(caller.account().idNumber())) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", p.questionnaire().id());
      item.put("title", p.questionnaire().title());
      item.put("closesAt", p.questionnaire().closesAt().toString());
      item.put("closesAtText", QuestionnaireJson.written(p.questionnaire().closesAt()));
      item.put("started", p.started());
      item.put("url", "/questionnaires/fill.html?id=" + p.questionnaire().id());
      items.add(item);
    }
    ctx.json(Map.of("count", items.size(), "items", items));
  }

  void form(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.READ);
    QuestionnaireAnswers.Form form = Refusals.done(answers.form(caller.account().idNumber(), RequestValues.id(ctx)));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("questionnaire", json.questionnaire(form.questionnaire(), false));
    out.put("submitted", form.response().map(Response::submitted).orElse(false));
    out.put("savedAt", form.response().map(r -> r.savedAt().toString()).orElse(null));
    out.put("submittedAt", form.response().map(r -> r.submittedAt() == null ? null : r.submittedAt().toString())
        .orElse(null));
    out.put("answers", form.response().map(Response::answers).orElse(Map.of()));
    ctx.json(out);
  }

  /** Saves the caller's answers (下次再填), or submits them when {@code submit}. */
  void answer(Context ctx, boolean submit) {
    SessionGuard.Caller caller = guard.require(ctx, Access.CHANGE);
    long id = RequestValues.id(ctx);
    JsonNode node = http.body(ctx).node().get("answers");
    if (node != null && !node.isObject()) {
      throw PortalError.badRequest("answers 須為「題目代碼：回答」的物件。");
    }
    Map<String, List<String>> given = new LinkedHashMap<>();
    if (node != null) {
      node.fields().forEachRemaining(e -> given.put(e.getKey(), values(e.getValue())));
    }
    Response r = Refusals.done(answers.answer(caller.account().idNumber(), id, given, submit));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("submitted", r.submitted());
    out.put("savedAt", r.savedAt().toString());
    out.put("message", submit ? "問卷已送出，感謝您的填答。"
        : "已暫存您的填答內容（下次再填）；請於截止時間前回到問卷專區完成填寫並送出。");
    ctx.json(out);
  }

  private static List<String> values(JsonNode value) {
    List<String> out = new ArrayList<>();
    if (value == null || value.isNull()) {
      return out;
    }
    if (value.isArray()) {
      value.forEach(v -> {
        if (v.isTextual() || v.isNumber()) {
          out.add(v.asText());
        } else {
          throw PortalError.badRequest("回答須為文字或數字。");
        }
      });
    } else if (value.isTextual() || value.isNumber()) {
      out.add(value.asText());
    } else {
      throw PortalError.badRequest("回答須為文字或數字。");
    }
    if (out.size() > 30 || out.stream().anyMatch(v -> v.length() > Question.MAX_TEXT)) {
      throw PortalError.badRequest("回答內容過長，每題最多" + Question.MAX_TEXT + "字。");
    }
    return out;
  }
}
