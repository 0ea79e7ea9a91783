package tw.ecpa.portal.questionnaire.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.questionnaire.Questionnaire;
import tw.ecpa.portal.questionnaire.QuestionnaireStatus;
import tw.ecpa.portal.questionnaire.Questionnaires;
import tw.ecpa.portal.questionnaire.RespondentGroup;
import tw.ecpa.portal.session.http.SessionGuard;
import tw.ecpa.portal.session.http.SessionGuard.Access;

/**
 * The HR staff's side of 問卷管理: list, write, edit and order questionnaires, keep them as templates,
 * publish them to a respondent group, and keep the groups.
 */
final class AuthoringRoutes {

  private final Questionnaires questionnaires;
  private final SessionGuard guard;
  private final PortalHttp http;
  private final QuestionnaireJson json;

  AuthoringRoutes(Questionnaires questionnaires, RouteTools tools) {
    this.questionnaires = questionnaires;
    this.guard = tools.guard();
    this.http = tools.http();
    this.json = tools.json();
  }

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
    List<Map<String, Object>> items = Refusals.done(questionnaires.list(caller.account(), wanted)).stream()
        .map(q -> json.questionnaire(q, true)).toList();
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
        : EditorContent.read(body);
    Questionnaire q = Refusals.done(questionnaires.create(caller.account(), content, fromTemplate));
    ctx.status(201).json(json.questionnaire(q, true));
  }

  void show(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.READ);
    Questionnaire q = Refusals.done(questionnaires.managed(caller.account(), RequestValues.id(ctx)));
    ctx.json(json.questionnaire(q, true));
  }

  void edit(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.CHANGE, Role.HR_OFFICER, Role.HR_HEAD);
    long id = RequestValues.id(ctx);
    Questionnaires.Content content = EditorContent.read(http.body(ctx));
    ctx.json(json.questionnaire(Refusals.done(questionnaires.edit(caller.account(), id, content)), true));
  }

  void reorder(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.CHANGE, Role.HR_OFFICER, Role.HR_HEAD);
    long id = RequestValues.id(ctx);
    JsonNode keys = http.body(ctx).node().get("keys");
    if (keys == null || !keys.isArray()) {
      throw PortalError.badRequest("請以 keys 列出新的題目順序。");
    }
    List<String> order = new ArrayList<>();
    keys.forEach(k -> order.add(k.asText()));
    ctx.json(json.questionnaire(Refusals.done(questionnaires.reorder(caller.account(), id, order)), true));
  }

  void template(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.CHANGE, Role.HR_OFFICER, Role.HR_HEAD);
    Questionnaire q = Refusals.done(questionnaires.saveAsTemplate(caller.account(), RequestValues.id(ctx)));
    ctx.status(201).json(json.questionnaire(q, true));
  }

  void publish(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.CHANGE, Role.HR_OFFICER, Role.HR_HEAD);
    long id = RequestValues.id(ctx);
    PortalHttp.Body body = http.body(ctx);
    JsonNode group = body.node().get("groupId");
    if (group == null || !group.canConvertToLong()) {
      throw PortalError.badRequest("請選擇填答人群組。");
    }
    Instant opensAt = RequestValues.time(body.text("opensAt", 40), "填答開始時間");
    Instant closesAt = RequestValues.time(body.text("closesAt", 40), "填答截止時間");
    Questionnaire q = Refusals.done(questionnaires.publish(caller.account(), id, group.asLong(), opensAt, closesAt));
    Map<String, Object> out = json.questionnaire(q, true);
    out.put("message", "問卷已發布給 " + questionnaires.respondentCount(id) + " 位填答人，並已列入其待辦事項。");
    ctx.json(out);
  }

  void groups(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.READ, Role.HR_OFFICER, Role.HR_HEAD);
    List<RespondentGroup> groups = Refusals.done(questionnaires.groups(caller.account()));
    ctx.json(Map.of("items", groups.stream().map(json::group).toList()));
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
    RespondentGroup g = Refusals.done(questionnaires.createGroup(caller.account(), body.text("name", 100), kind,
        body.text("organizationCode", 20), ids));
    ctx.status(201).json(json.group(g));
  }
}
