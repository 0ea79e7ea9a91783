package tw.ecpa.portal.questionnaire.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.questionnaire.EmailCorrection;
import tw.ecpa.portal.questionnaire.Outcome;
import tw.ecpa.portal.questionnaire.Question;
import tw.ecpa.portal.questionnaire.QuestionKind;
import tw.ecpa.portal.questionnaire.Questionnaire;
import tw.ecpa.portal.questionnaire.QuestionnaireAnswers;
import tw.ecpa.portal.questionnaire.QuestionnaireStatus;
import tw.ecpa.portal.questionnaire.Questionnaires;
import tw.ecpa.portal.questionnaire.RespondentGroup;
import tw.ecpa.portal.questionnaire.Response;
import tw.ecpa.portal.questionnaire.Results;
import tw.ecpa.portal.session.http.SessionGuard.Access;
import tw.ecpa.portal.session.http.SessionGuard;
import tw.ecpa.portal.time.RocDate;
import tw.ecpa.portal.todo.TodoList;

/**
 * 問卷管理 over HTTP under {@code /api/portal/questionnaires}: HR staff write, order, publish and keep
 * templates and respondent groups, and read results and the CSV; respondents read their 待填問卷,
 * save (下次再填) and submit; the headquarters role reads 人事總處問卷統計. Also 校正員工Email at
 * {@code PUT /api/hr/employees/{idNumber}/email}.
 */
public final class QuestionnaireRoutes {

  private static final String BASE = "/api/portal/questionnaires";

  private final Questionnaires questionnaires;
  private final QuestionnaireAnswers answers;
  private final EmailCorrection emails;
  private final SessionGuard guard;
  private final PortalHttp http;

  /** Creates the routes over the services. */
  public QuestionnaireRoutes(Questionnaires questionnaires, QuestionnaireAnswers answers, EmailCorrection emails,
      SessionGuard guard, PortalHttp http) {
    this.questionnaires = questionnaires;
    this.answers = answers;
    this.emails = emails;
    this.guard = guard;
    this.http = http;
  }

  /** Registers the routes on an app (fixed paths before the ones with an id). */
  public void register(Javalin app) {
    app.get(BASE + "/pending", this::pending);
    app.get(BASE + "/statistics", this::statistics);
    app.get(BASE + "/groups", this::groups);
    app.post(BASE + "/groups", this::createGroup);
    app.get(BASE, this::list);
    app.post(BASE, this::create);
    app.get(BASE + "/{id}", this::show);
    app.put(BASE + "/{id}", this::edit);
    app.post(BASE + "/{id}/order", this::reorder);
    app.post(BASE + "/{id}/publish", this::publish);
    app.post(BASE + "/{id}/template", this::template);
    app.get(BASE + "/{id}/results", this::results);
    app.get(BASE + "/{id}/results.csv", this::csv);
    app.get(BASE + "/{id}/response", this::form);
    app.put(BASE + "/{id}/response", ctx -> answer(ctx, false));
    app.post(BASE + "/{id}/response/submit", ctx -> answer(ctx, true));
    app.put("/api/hr/employees/{idNumber}/email", this::correctEmail);
  }

  // ---- respondents ----------------------------------------------------------------------------------

  void pending(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.READ);
    List<Map<String, Object>> items = new ArrayList<>();
    for (QuestionnaireAnswers.Pending p : answers.pending(caller.account().idNumber())) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", p.questionnaire().id());
      item.put("title", p.questionnaire().title());
      item.put("closesAt", p.questionnaire().closesAt().toString());
      item.put("closesAtText", written(p.questionnaire().closesAt()));
      item.put("started", p.started());
      item.put("url", "/questionnaires/fill.html?id=" + p.questionnaire().id());
      items.add(item);
    }
    ctx.json(Map.of("count", items.size(), "items", items));
  }

  void form(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.READ);
    QuestionnaireAnswers.Form form = done(answers.form(caller.account().idNumber(), id(ctx)));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("questionnaire", questionnaire(form.questionnaire(), false));
    out.put("submitted", form.response().map(Response::submitted).orElse(false));
    out.put("savedAt", form.response().map(r -> r.savedAt().toString()).orElse(null));
    out.put("submittedAt", form.response().map(r -> r.submittedAt() == null ? null : r.submittedAt().toString())
        .orElse(null));
    out.put("answers", form.response().map(Response::answers).orElse(Map.of()));
    ctx.json(out);
  }

  void answer(Context ctx, boolean submit) {
    SessionGuard.Caller caller = guard.require(ctx, Access.CHANGE);
    long id = id(ctx);
    JsonNode node = http.body(ctx).node().get("answers");
    if (node != null && !node.isObject()) {
      throw PortalError.badRequest("answers 須為「題目代碼：回答」的物件。");
    }
    Map<String, List<String>> answers = new LinkedHashMap<>();
    if (node != null) {
      node.fields().forEachRemaining(e -> answers.put(e.getKey(), values(e.getValue())));
    }
    Response r = done(this.answers.answer(caller.account().idNumber(), id, answers, submit));
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

  // ---- managing -------------------------------------------------------------------------------------

  void list(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.READ, Role.HR_OFFICER, Role.HR_HEAD);
    String status = ctx.queryParam("status");
    QuestionnaireStatus wanted;
    if (status == null || status.equals("draft")) {
      wanted = QuestionnaireStatus.DRAFT;
    } else if (status.equals("published")) {
      wanted = QuestionnaireStatus.PUBLISHED;
    } else if (status.equals("template")) {
      wanted = QuestionnaireStatus.TEMPLATE;
    } else {
      throw PortalError.badRequest("status 請輸入 draft（未發布問卷）、published（已發布問卷）或 template（範本問卷）。");
    }
    List<Map<String, Object>> items = done(questionnaires.list(caller.account(), wanted)).stream()
        .map(q -> questionnaire(q, true)).toList();
    ctx.json(Map.of("items", items));
  }

  void create(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.CHANGE, Role.HR_OFFICER, Role.HR_HEAD);
    PortalHttp.Body body = http.body(ctx);
    JsonNode template = body.node().get("fromTemplate");
    Long fromTemplate = null;
    if (template != null && !template.isNull()) {
      if (!template.canConvertToLong()) {
        throw PortalError.badRequest("fromTemplate 須為範本問卷的編號。");
      }
      fromTemplate = template.asLong();
    }
    Questionnaires.Content content = fromTemplate != null && !body.node().has("questions")
        ? new Questionnaires.Content(body.text("title", 200), body.text("description", 2000), List.of())
        : content(body);
    Questionnaire q = done(questionnaires.create(caller.account(), content, fromTemplate));
    ctx.status(201).json(questionnaire(q, true));
  }

  void show(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.READ);
    ctx.json(questionnaire(done(questionnaires.managed(caller.account(), id(ctx))), true));
  }

  void edit(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.CHANGE, Role.HR_OFFICER, Role.HR_HEAD);
    long id = id(ctx);
    ctx.json(questionnaire(done(questionnaires.edit(caller.account(), id, content(http.body(ctx)))), true));
  }

  void reorder(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.CHANGE, Role.HR_OFFICER, Role.HR_HEAD);
    long id = id(ctx);
    JsonNode keys = http.body(ctx).node().get("keys");
    if (keys == null || !keys.isArray()) {
      throw PortalError.badRequest("請以 keys 列出新的題目順序。");
    }
    List<String> order = new ArrayList<>();
    keys.forEach(k -> order.add(k.asText()));
    ctx.json(questionnaire(done(questionnaires.reorder(caller.account(), id, order)), true));
  }

  void template(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.CHANGE, Role.HR_OFFICER, Role.HR_HEAD);
    ctx.status(201).json(questionnaire(done(questionnaires.saveAsTemplate(caller.account(), id(ctx))), true));
  }

  void publish(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.CHANGE, Role.HR_OFFICER, Role.HR_HEAD);
    long id = id(ctx);
    PortalHttp.Body body = http.body(ctx);
    JsonNode group = body.node().get("groupId");
    if (group == null || !group.canConvertToLong()) {
      throw PortalError.badRequest("請選擇填答人群組。");
    }
    Instant opensAt = time(body.text("opensAt", 40), "填答開始時間");
    Instant closesAt = time(body.text("closesAt", 40), "填答截止時間");
    Questionnaire q = done(questionnaires.publish(caller.account(), id, group.asLong(), opensAt, closesAt));
    Map<String, Object> out = questionnaire(q, true);
    out.put("message", "問卷已發布給 " + questionnaires.respondentCount(id) + " 位填答人，並已列入其待辦事項。");
    ctx.json(out);
  }

  void results(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.READ);
    Results r = done(questionnaires.results(caller.account(), id(ctx)));
    List<Map<String, Object>> questions = new ArrayList<>();
    for (Results.QuestionResult qr : r.questions()) {
      Map<String, Object> item = question(qr.question());
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
    out.put("questionnaire", questionnaire(r.questionnaire(), true));
    out.put("respondents", r.respondents());
    out.put("submitted", r.submitted());
    out.put("questions", questions);
    ctx.json(out);
  }

  void csv(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.READ);
    long id = id(ctx);
    byte[] file = done(questionnaires.csv(caller.account(), id));
    String name = "questionnaire-" + id + ".csv";
    ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"; filename*=UTF-8''"
        + URLEncoder.encode("問卷" + id + "填答資料.csv", StandardCharsets.UTF_8).replace("+", "%20"));
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/csv; charset=utf-8").result(file);
  }

  void statistics(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.READ, Role.HEADQUARTERS_STATISTICS);
    List<Map<String, Object>> items = new ArrayList<>();
    for (Questionnaires.Summary s : done(questionnaires.statistics(caller.account()))) {
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

  void groups(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.READ, Role.HR_OFFICER, Role.HR_HEAD);
    ctx.json(Map.of("items", done(questionnaires.groups(caller.account())).stream().map(this::group).toList()));
  }

  void createGroup(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.CHANGE, Role.HR_OFFICER, Role.HR_HEAD);
    PortalHttp.Body body = http.body(ctx);
    String kindText = body.text("kind", 20);
    RespondentGroup.Kind kind = "organization".equals(kindText) ? RespondentGroup.Kind.ORGANIZATION
        : "list".equals(kindText) ? RespondentGroup.Kind.LIST : null;
    List<String> ids = new ArrayList<>();
    JsonNode list = body.node().get("idNumbers");
    if (list != null && list.isArray()) {
      if (list.size() > 5000) {
        throw PortalError.badRequest("名單最多5000人。");
      }
      list.forEach(v -> ids.add(v.asText()));
    }
    RespondentGroup g = done(questionnaires.createGroup(caller.account(), body.text("name", 100), kind,
        body.text("organizationCode", 20), ids));
    ctx.status(201).json(group(g));
  }

  void correctEmail(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.CHANGE, Role.HR_OFFICER, Role.HR_HEAD);
    String email = http.body(ctx).text("email", 300);
    if (email == null || email.isBlank()) {
      throw PortalError.badRequest("請輸入員工正確的E-MAIL（必填）。");
    }
    Outcome<String> outcome = emails.correct(caller.account(), ctx.pathParam("idNumber"), email, ctx.ip());
    if (outcome instanceof Outcome.NotFound<String>) {
      throw new PortalError(404, "person-not-found",
          "查無此身分證字號的人員資料，請確認身分證字號，或確認該員資料已報送至本總處公務人力資料庫。");
    }
    if (outcome instanceof Outcome.Forbidden<String>) {
      throw new PortalError(403, "other-organization", "您僅能校正所屬機關人員的E-MAIL，此人員不屬於您的機關。");
    }
    String masked = done(outcome);
    ctx.json(Map.of("email", masked, "message", "已將該員的E-MAIL校正為 " + masked + "。"));
  }

  // ---- mapping --------------------------------------------------------------------------------------

  private Map<String, Object> group(RespondentGroup g) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", g.id());
    out.put("name", g.name());
    out.put("kind", g.kind() == RespondentGroup.Kind.ORGANIZATION ? "organization" : "list");
    out.put("organizationCode", g.targetOrganization());
    out.put("members", g.members().stream().map(m -> m.masked()).toList());
    out.put("size", questionnaires.groupSize(g));
    return out;
  }

  private Map<String, Object> questionnaire(Questionnaire q, boolean manage) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", q.id());
    out.put("title", q.title());
    out.put("description", q.description());
    out.put("status", q.status().name().toLowerCase(Locale.ROOT));
    out.put("opensAt", q.opensAt() == null ? null : q.opensAt().toString());
    out.put("closesAt", q.closesAt() == null ? null : q.closesAt().toString());
    out.put("opensAtText", q.opensAt() == null ? null : written(q.opensAt()));
    out.put("closesAtText", q.closesAt() == null ? null : written(q.closesAt()));
    if (manage) {
      out.put("organizationCode", q.organizationCode());
      out.put("groupId", q.groupId());
      out.put("publishedAt", q.publishedAt() == null ? null : q.publishedAt().toString());
      out.put("respondents", q.status() == QuestionnaireStatus.PUBLISHED ? questionnaires.respondentCount(q.id()) : 0);
    }
    out.put("questions", q.questions().stream().map(QuestionnaireRoutes::question).toList());
    return out;
  }

  private static Map<String, Object> question(Question q) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("key", q.key());
    out.put("kind", q.kind().name().toLowerCase(Locale.ROOT));
    out.put("title", q.title());
    out.put("required", q.required());
    out.put("options", q.options());
    out.put("scale", q.scale());
    return out;
  }

  /** The editor's content: title, description and the questions in order. */
  private static Questionnaires.Content content(PortalHttp.Body body) {
    String title = body.text("title", 200);
    if (title == null || title.isBlank()) {
      throw PortalError.badRequest("請輸入問卷名稱（最多200字）。");
    }
    String description = body.text("description", 2000);
    JsonNode list = body.node().get("questions");
    List<Question> questions = new ArrayList<>();
    if (list != null && !list.isArray()) {
      throw PortalError.badRequest("questions 須為題目的陣列。");
    }
    if (list != null) {
      if (list.size() > Question.MAX_QUESTIONS) {
        throw PortalError.badRequest("問卷最多" + Question.MAX_QUESTIONS + "題。");
      }
      Set<String> used = new HashSet<>();
      list.forEach(n -> {
        if (n.hasNonNull("key")) {
          used.add(n.get("key").asText());
        }
      });
      int next = 1;
      for (JsonNode n : list) {
        if (!n.isObject()) {
          throw PortalError.badRequest("每一題須為物件。");
        }
        String key = n.hasNonNull("key") ? n.get("key").asText() : null;
        if (key == null) {
          while (used.contains("q" + next)) {
            next++;
          }
          key = "q" + next;
          used.add(key);
        }
        QuestionKind kind = kind(n.path("kind").asText(""));
        List<String> options = new ArrayList<>();
        n.path("options").forEach(o -> options.add(o.asText().strip()));
        questions.add(new Question(key, kind, n.path("title").asText("").strip(), n.path("required").asBoolean(false),
            kind == QuestionKind.TEXT || kind == QuestionKind.RATING ? List.of() : options,
            kind == QuestionKind.RATING || kind == QuestionKind.MATRIX ? n.path("scale").asInt(5) : 0));
      }
    }
    return new Questionnaires.Content(title, description, questions);
  }

  private static QuestionKind kind(String text) {
    switch (text) {
      case "single":
        return QuestionKind.SINGLE;
      case "multiple":
        return QuestionKind.MULTIPLE;
      case "text":
        return QuestionKind.TEXT;
      case "rating":
        return QuestionKind.RATING;
      case "matrix":
        return QuestionKind.MATRIX;
      default:
        throw PortalError.badRequest(
            "題型請選擇 single（單選題）、multiple（複選題）、text（問答題）、rating（評分題）或 matrix（矩陣題）。");
    }
  }

  /** A time as the page sends it: Taiwan local ({@code 2026-12-01T17:00}) or with an offset. */
  static Instant time(String text, String label) {
    if (text == null || text.isBlank()) {
      throw PortalError.badRequest("請輸入" + label + "。");
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      try {
        return LocalDateTime.parse(text).atZone(TodoList.TAIPEI).toInstant();
      } catch (DateTimeException again) {
        throw PortalError.badRequest(label + "格式有誤，請輸入如 2026-12-01T17:00 的日期時間。");
      }
    }
  }

  private static String written(Instant at) {
    return RocDate.written(LocalDateTime.ofInstant(at, TodoList.TAIPEI));
  }

  private static long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new PortalError(404, "questionnaire-not-found", "查無此問卷。");
    }
  }

  /** The value of a done outcome; every refusal becomes its status and zh-TW message. */
  private static <T> T done(Outcome<T> outcome) {
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
      throw new PortalError(409, "questionnaire-not-open", "此問卷尚未開放填答，開放時間為 " + written(n.opensAt()) + "。");
    }
    if (outcome instanceof Outcome.Closed<T> c) {
      throw new PortalError(410, "questionnaire-closed",
          "此問卷已於 " + written(c.closesAt()) + " 截止填答，無法再填寫或送出。");
    }
    if (outcome instanceof Outcome.AlreadySubmitted<T>) {
      throw new PortalError(409, "already-submitted", "您已送出此問卷，每人僅能填答一次。");
    }
    Outcome.Invalid<T> invalid = (Outcome.Invalid<T>) outcome;
    throw new PortalError(400, "invalid", invalid.message(), Map.of("questions", invalid.questions()));
  }
}
