package tw.ecpa.portal.questionnaire.http;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.questionnaire.Questionnaires;
import tw.ecpa.portal.questionnaire.Results;
import tw.ecpa.portal.session.http.SessionGuard;
import tw.ecpa.portal.session.http.SessionGuard.Access;

/**
 * What questionnaires yielded: a questionnaire's results and its answers as a CSV file for its managers,
 * and 人事總處問卷統計 (how many of each questionnaire's respondents submitted) for the headquarters role.
 */
final class ResultsRoutes {

  private final Questionnaires questionnaires;
  private final SessionGuard guard;
  private final QuestionnaireJson json;

  ResultsRoutes(Questionnaires questionnaires, RouteTools tools) {
    this.questionnaires = questionnaires;
    this.guard = tools.guard();
    this.json = tools.json();
  }

  void results(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.READ);
    Results r = Refusals.done(questionnaires.results(caller.account(), RequestValues.id(ctx)));
    List<Map<String, Object>> questions = new ArrayList<>();
    for (Results.QuestionResult qr : r.questions()) {
      Map<String, Object> item = QuestionnaireJson.question(qr.question());
      item.put("answered", qr.answered());
      item.put("counts", qr.counts().stream().map(c -> Map.of("label", c.label(), "count", c.count(),
          "percent", c.percent())).toList());
      item.put("texts", qr.texts());
      item.put("average", qr.average());
      item.put("rows", qr.rows().stream().map(row -> {
        Map<String, Object> r2 = new LinkedHashMap<>();
        r2.put("label", row.label());
        r2.put("answered", row.answered());
        r2.put("average", row.average());
        r2.put("counts", row.counts().stream().map(c -> Map.of("label", c.label(), "count", c.count(),
            "percent", c.percent())).toList());
        return r2;
      }).toList());
      questions.add(item);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("questionnaire", json.questionnaire(r.questionnaire(), true));
    out.put("respondents", r.respondents());
    out.put("submitted", r.submitted());
    out.put("questions", questions);
    ctx.json(out);
  }

  void csv(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.READ);
    long id = RequestValues.id(ctx);
    byte[] file = Refusals.done(questionnaires.csv(caller.account(), id));
    String name = "questionnaire-" + id + ".csv";
    ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"; filename*=UTF-8''"
        + URLEncoder.encode("問卷" + id + "填答資料.csv", StandardCharsets.UTF_8).replace("+", "%20"));
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/csv; charset=utf-8").result(file);
  }

  void statistics(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.READ, Role.HEADQUARTERS_STATISTICS);
    List<Map<String, Object>> items = new ArrayList<>();
    for (Questionnaires.Summary s : Refusals.done(questionnaires.statistics(caller.account()))) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", s.questionnaire().id());
      item.put("title", s.questionnaire().title());
      item.put("organizationCode", s.questionnaire().organizationCode());
      item.put("organizationName", s.organizationName());
      item.put("opensAt", s.questionnaire().opensAt().toString());
      item.put("closesAt", s.questionnaire().closesAt().toString());
      item.put("respondents", s.respondents());
      item.put("submitted", s.submitted());
      item.put("percent", s.respondents() == 0 ? 0 : Math.round(s.submitted() * 1000.0 / s.respondents()) / 10.0);
      items.add(item);
    }
    ctx.json(Map.of("items", items));
  }
}
