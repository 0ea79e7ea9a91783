package tw.ecpa.portal.permission.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.hr.HrPasswordReset;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.permission.PermissionOutcome;
import tw.ecpa.portal.permission.Permissions;
import tw.ecpa.portal.permission.Refusal;
import tw.ecpa.portal.session.http.SessionGuard.Access;
import tw.ecpa.portal.session.http.SessionGuard;
import tw.ecpa.portal.time.RocDate;

/**
 * 權限與兼辦管理 over HTTP under {@code /api/portal/permissions}: 應用系統授權設定, 管理權限授權設定,
 * 兼辦管理 and the five 進階搜尋. The organization's managers only (its HR officers and HR heads, or
 * those granted 管理權限); the domain refuses others, answered 403. Searches keyed by a person take the
 * custom account or identity number in a POST body, so that identity numbers never sit in URLs or logs.
 */
public final class PermissionRoutes {

  private static final String BASE = "/api/portal/permissions";

  private final Permissions permissions;
  private final HrPasswordReset hrReset;
  private final SessionGuard guard;
  private final PortalHttp http;
  private final PermissionWire wire;

  /** Creates the routes over the service. */
  public PermissionRoutes(Permissions permissions, HrPasswordReset hrReset, tw.ecpa.portal.people.People people,
      SessionGuard guard, PortalHttp http) {
    this.permissions = permissions;
    this.hrReset = hrReset;
    this.guard = guard;
    this.http = http;
    this.wire = new PermissionWire(people, permissions.catalogue());
  }

  /** Registers the routes on an app. */
  public void register(Javalin app) {
    app.get(BASE + "/mine", this::mine);
    app.get(BASE + "/systems", this::systems);
    app.get(BASE + "/grants", this::grants);
    app.post(BASE + "/grants", this::grant);
    app.post(BASE + "/grants/revoke", this::revoke);
    app.get(BASE + "/managers", this::managers);
    app.post(BASE + "/managers", this::grantManager);
    app.post(BASE + "/managers/revoke", this::revokeManager);
    app.get(BASE + "/delegations", this::delegations);
    app.post(BASE + "/delegations", this::delegate);
    app.post(BASE + "/delegations/{id}/revoke", this::revokeDelegation);
    app.post(BASE + "/searches/custom-account", this::findPerson);
    app.post(BASE + "/searches/available-systems", this::availableSystems);
    app.post(BASE + "/searches/available-delegated-systems", this::availableDelegatedSystems);
    app.get(BASE + "/searches/system-holders", this::systemHolders);
    app.get(BASE + "/searches/delegated-system-holders", this::delegatedSystemHolders);
  }

  void mine(Context ctx) {
    Account me = guard.require(ctx, Access.READ).account();
    ctx.json(new PermissionWire.MineJson(
        permissions.managedOrganizations(me).stream().map(wire::organization).toList(),
        hrReset.resetOrganizations(me).stream().map(wire::organization).toList(),
        permissions.rightsNow(me).stream().map(wire::right).toList()));
  }

  void systems(Context ctx) {
    guard.require(ctx, Access.READ);
    ctx.json(permissions.catalogue().all().stream()
        .map(s -> new PermissionWire.SystemJson(s.id(), s.name(), s.hrFunction())).toList());
  }

  void grants(Context ctx) {
    Account me = guard.require(ctx, Access.READ).account();
    answer(ctx, 200, permissions.grants(me, organization(ctx)), list -> list.stream().map(wire::holder).toList());
  }

  void grant(Context ctx) {
    Account me = guard.require(ctx, Access.CHANGE).account();
    PortalHttp.Body body = http.body(ctx);
    answer(ctx, 201, permissions.grant(me, organization(body), person(body), system(body), ctx.ip()), wire::holder);
  }

  void revoke(Context ctx) {
    Account me = guard.require(ctx, Access.CHANGE).account();
    PortalHttp.Body body = http.body(ctx);
    answer(ctx, 200, permissions.revoke(me, organization(body), accountId(body), system(body), ctx.ip()),
        m -> Map.of("member", wire.member(m), "message", "已撤銷該員的應用系統權限，即時生效。"));
  }

  void managers(Context ctx) {
    Account me = guard.require(ctx, Access.READ).account();
    answer(ctx, 200, permissions.managers(me, organization(ctx)), list -> list.stream().map(wire::holder).toList());
  }

  void grantManager(Context ctx) {
    Account me = guard.require(ctx, Access.CHANGE).account();
    PortalHttp.Body body = http.body(ctx);
    answer(ctx, 201, permissions.grantManager(me, organization(body), person(body), ctx.ip()), wire::holder);
  }

  void revokeManager(Context ctx) {
    Account me = guard.require(ctx, Access.CHANGE).account();
    PortalHttp.Body body = http.body(ctx);
    answer(ctx, 200, permissions.revokeManager(me, organization(body), accountId(body), ctx.ip()),
        m -> Map.of("member", wire.member(m), "message", "已撤銷該員的管理權限，即時生效。"));
  }

  void delegations(Context ctx) {
    Account me = guard.require(ctx, Access.READ).account();
    answer(ctx, 200, permissions.delegations(me, organization(ctx)),
        list -> list.stream().map(wire::delegation).toList());
  }

  void delegate(Context ctx) {
    Account me = guard.require(ctx, Access.CHANGE).account();
    PortalHttp.Body body = http.body(ctx);
    LocalDate start = date(body, "startDate", "兼辦起日");
    LocalDate end = date(body, "endDate", "兼辦迄日");
    answer(ctx, 201, permissions.delegate(me, organization(body), person(body), system(body), start, end, ctx.ip()),
        wire::delegation);
  }

  void revokeDelegation(Context ctx) {
    Account me = guard.require(ctx, Access.CHANGE).account();
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new PortalError(404, "not-found", "查無此兼辦資料，可能已被撤銷。");
    }
    answer(ctx, 200, permissions.revokeDelegation(me, id, ctx.ip()), wire::delegation);
  }

  void findPerson(Context ctx) {
    Account me = guard.require(ctx, Access.CHANGE).account();
    answer(ctx, 200, permissions.findPerson(me, person(http.body(ctx))), wire::member);
  }

  void availableSystems(Context ctx) {
    Account me = guard.require(ctx, Access.CHANGE).account();
    answer(ctx, 200, permissions.availableSystems(me, person(http.body(ctx))),
        p -> new PermissionWire.PersonRightsJson(wire.member(p.member()), p.rights().stream().map(wire::right).toList()));
  }

  void availableDelegatedSystems(Context ctx) {
    Account me = guard.require(ctx, Access.CHANGE).account();
    answer(ctx, 200, permissions.availableDelegatedSystems(me, person(http.body(ctx))),
        p -> new PermissionWire.PersonRightsJson(wire.member(p.member()), p.rights().stream().map(wire::right).toList()));
  }

  void systemHolders(Context ctx) {
    Account me = guard.require(ctx, Access.READ).account();
    answer(ctx, 200, permissions.systemHolders(me, organization(ctx), system(ctx)),
        list -> list.stream().map(wire::holder).toList());
  }

  void delegatedSystemHolders(Context ctx) {
    Account me = guard.require(ctx, Access.READ).account();
    answer(ctx, 200, permissions.delegatedSystemHolders(me, organization(ctx), system(ctx)),
        list -> list.stream().map(wire::holder).toList());
  }

  // ---- reading requests ---------------------------------------------------------------------------

  private static String required(String value, String message) {
    if (value == null || value.isBlank()) {
      throw PortalError.badRequest(message);
    }
    return value.strip();
  }

  private static String organization(Context ctx) {
    return required(Optional.ofNullable(ctx.queryParam("organization")).filter(v -> v.length() <= 20).orElse(null),
        "請選擇機關。");
  }

  private static String organization(PortalHttp.Body body) {
    return required(body.text("organization", 20), "請選擇機關。");
  }

  private static String system(Context ctx) {
    return required(Optional.ofNullable(ctx.queryParam("system")).filter(v -> v.length() <= 60).orElse(null),
        "請選擇應用系統。");
  }

  private static String system(PortalHttp.Body body) {
    return required(body.text("system", 60), "請選擇應用系統。");
  }

  private static String person(PortalHttp.Body body) {
    return required(body.text("person", 30), "請輸入人員的自訂帳號或身分證字號。");
  }

  private static long accountId(PortalHttp.Body body) {
    JsonNode value = body.node().get("accountId");
    if (value != null && value.canConvertToLong() && value.isIntegralNumber()) {
      return value.longValue();
    }
    if (value != null && value.isTextual() && value.textValue().matches("\\d{1,18}")) {
      return Long.parseLong(value.textValue());
    }
    throw PortalError.badRequest("請選擇要撤銷權限的人員。");
  }

  /** A date as {@code YYYY-MM-DD} or in ROC digits ({@code 1151125}). */
  private static LocalDate date(PortalHttp.Body body, String field, String label) {
    String text = required(body.text(field, 10), "請輸入" + label + "。");
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return RocDate.parse(text).orElseThrow(() ->
          new PortalError(400, "bad-period", label + "格式不正確，請輸入如 2026-11-25 或民國年月日 1151125。"));
    }
  }

  // ---- answers ------------------------------------------------------------------------------------

  private static <T> void answer(Context ctx, int status, PermissionOutcome<T> outcome, Function<T, Object> json) {
    outcome.fold(value -> {
      ctx.status(status).json(json.apply(value));
      return null;
    }, refusal -> {
      throw error(refusal);
    });
  }

  static PortalError error(Refusal refusal) {
    return switch (refusal) {
      case NOT_MANAGER -> new PortalError(403, "forbidden",
          "您沒有管理此機關權限的權限；如有需要，請洽機關人事主管。");
      case UNKNOWN_SYSTEM -> new PortalError(400, "unknown-system", "查無此應用系統，請重新選擇。");
      case UNKNOWN_ORGANIZATION -> new PortalError(400, "unknown-organization", "查無此機關，請重新選擇機關。");
      case PERSON_NOT_FOUND -> new PortalError(404, "person-not-found",
          "查無此人員，請確認自訂帳號或身分證字號；僅能查詢您所管理機關的人員。");
      case OUTSIDE_ORGANIZATION -> new PortalError(400, "other-organization",
          "授權對象須為本機關人員；其他機關或單位人員請以【兼辦管理】設定兼辦。");
      case ALREADY_HELD -> new PortalError(409, "already-granted", "該員已有此權限，無須重複設定。");
      case NOT_FOUND -> new PortalError(404, "not-found", "查無此授權資料，可能已被撤銷。");
      case ALREADY_REVOKED -> new PortalError(409, "already-revoked", "此兼辦已撤銷。");
      case NOT_HELD -> new PortalError(403, "not-held",
          "您本身沒有此應用系統的權限，無法設定兼辦；兼辦的權限不得超過您本身的權限。");
      case DELEGATED_ONLY -> new PortalError(403, "no-redelegation",
          "您的此項權限係經兼辦取得，兼辦權限不得再轉兼辦他人。");
      case BAD_PERIOD -> new PortalError(400, "bad-period", "請輸入兼辦期間的起日及迄日，迄日不可早於起日。");
      case PERIOD_PAST -> new PortalError(400, "period-past", "兼辦期間的迄日已過，請重新輸入兼辦期間。");
      case SELF -> new PortalError(400, "self-delegation", "不可設定兼辦給自己。");
    };
  }
}
