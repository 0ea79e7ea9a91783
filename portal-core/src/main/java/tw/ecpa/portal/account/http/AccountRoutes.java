package tw.ecpa.portal.account.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.ChangeOutcome;
import tw.ecpa.portal.account.PasswordChange;
import tw.ecpa.portal.account.ProfileOutcome;
import tw.ecpa.portal.account.ProfileSetup;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.password.PasswordPolicy;
import tw.ecpa.portal.password.PasswordRule;
import tw.ecpa.portal.people.People;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.session.Sessions;
import tw.ecpa.portal.session.http.SessionGuard.Access;
import tw.ecpa.portal.session.http.SessionGuard;
import tw.ecpa.portal.time.RocDate;

/**
 * 我的專區 over HTTP: the caller's own profile, 修改密碼 (also the forced change of the first login or
 * of a 180-day-old password) and 個人資料修改 (also the activation step). These routes stay open while
 * the forced steps are pending; every other portal route waits for them.
 */
public final class AccountRoutes {

  private final PasswordChange passwordChange;
  private final ProfileSetup profileSetup;
  private final Sessions sessions;
  private final SessionGuard guard;
  private final People people;
  private final PasswordPolicy policy;
  private final PortalHttp http;
  private final Clock clock;

  /** Creates the routes over the services. */
  public AccountRoutes(PasswordChange passwordChange, ProfileSetup profileSetup, Sessions sessions,
      SessionGuard guard, People people, PasswordPolicy policy, PortalHttp http, Clock clock) {
    this.passwordChange = passwordChange;
    this.profileSetup = profileSetup;
    this.sessions = sessions;
    this.guard = guard;
    this.people = people;
    this.policy = policy;
    this.http = http;
    this.clock = clock;
  }

  /** Registers the routes on an app. */
  public void register(Javalin app) {
    app.get("/api/me", this::me);
    app.post("/api/me/profile", this::profile);
    app.post("/api/password/change", this::change);
  }

  /** The 400 that names every password rule a new password breaks. */
  public static PortalError rulesBroken(List<PasswordRule> broken) {
    List<Map<String, String>> rules = broken.stream()
        .map(r -> Map.of("rule", r.name(), "message", r.message()))
        .toList();
    return new PortalError(400, "password-rules",
        String.join("", broken.stream().map(PasswordRule::message).toList()), Map.of("rules", rules));
  }

  void me(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.READ_PENDING);
    Account account = caller.account();
    Person person = people.find(account.idNumber()).orElse(null);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", person == null ? null : person.name());
    out.put("account", account.customAccount());
    out.put("idNumber", account.idNumber().masked());
    out.put("email", person == null ? null : person.email());
    out.put("phone", person == null ? null : person.phone());
    out.put("organization", person == null ? null : person.organizationCode());
    out.put("firstLogin", !account.passwordSetByUser());
    if (account.passwordChangedAt() != null) {
      out.put("passwordChangedAt", RocDate.written(
          account.passwordChangedAt().atZone(RocDate.TAIPEI).toLocalDateTime()));
      out.put("passwordDaysLeft", policy.daysLeft(account.passwordChangedAt(), clock.instant()));
    }
    out.put("passwordRules", Arrays.stream(PasswordRule.values())
        .filter(r -> r != PasswordRule.CONFIRMATION)
        .map(PasswordRule::message).toList());
    ctx.json(out);
  }

  void profile(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.CHANGE_PENDING);
    PortalHttp.Body body = http.body(ctx);
    ProfileOutcome outcome = profileSetup.save(caller.account().id(), body.text("customAccount", 100),
        body.text("email", 300), body.text("phone", 60), ctx.ip());
    if (outcome instanceof ProfileOutcome.Rejected rejected) {
      String message = String.join("", rejected.problems().values().stream().flatMap(List::stream).toList());
      throw new PortalError(400, "profile", message, Map.of("fields", rejected.problems()));
    }
    ctx.json(Map.of("activated", ((ProfileOutcome.Saved) outcome).activated()));
  }

  /** Logins that prove who the user is without the password: the password can be set without it. */
  private static final java.util.Set<String> CARD_LOGINS = java.util.Set.of("moica", "nhi", "mobile-id");

  void change(Context ctx) {
    SessionGuard.Caller caller = guard.require(ctx, Access.CHANGE_PENDING);
    PortalHttp.Body body = http.body(ctx);
    String current = body.text("currentPassword", 200);
    String next = body.text("newPassword", 200);
    String confirmation = body.text("confirmPassword", 200);
    String method = caller.session().session().loginMethod();
    boolean card = CARD_LOGINS.contains(method);
    if ((!card && (current == null || current.isEmpty())) || next == null || confirmation == null) {
      throw PortalError.badRequest(card ? "請輸入新密碼及確認新密碼。" : "請輸入目前的密碼、新密碼及確認新密碼。");
    }
    ChangeOutcome outcome = card
        ? passwordChange.changeAfterCardLogin(caller.account().id(), next, confirmation, method, ctx.ip())
        : passwordChange.change(caller.account().id(), current, next, confirmation, body.text("birthday", 20),
            ctx.ip());
    if (outcome instanceof ChangeOutcome.Changed) {
      sessions.endOthers(caller.account().id(), caller.token());
      ctx.status(204);
    } else if (outcome instanceof ChangeOutcome.WrongCurrentPassword) {
      throw new PortalError(400, "wrong-password", "目前的密碼輸入錯誤，請重新輸入。連續錯誤5次帳號將暫時鎖定15分鐘。");
    } else if (outcome instanceof ChangeOutcome.WrongBirthday) {
      throw new PortalError(400, "wrong-birthday",
          "生日輸入錯誤，請以民國年月日7碼輸入，例如：0610101。連續錯誤5次帳號將暫時鎖定15分鐘。");
    } else if (outcome instanceof ChangeOutcome.Locked locked) {
      sessions.end(caller.token());
      ctx.removeCookie(SessionGuard.COOKIE, "/");
      throw new PortalError(423, "locked", "輸入錯誤次數過多，帳號已暫時鎖定15分鐘並已登出。"
          + "請稍後再登入，或點選「忘記密碼」以Email認證碼重設密碼，重設後即解除鎖定。",
          Map.of("lockedUntil", locked.until().toString()));
    } else if (outcome instanceof ChangeOutcome.Rejected rejected) {
      throw rulesBroken(rejected.broken());
    }
  }
}
