package tw.ecpa.portal.auth.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.ecpa.portal.auth.PasswordLogin;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.http.PortalHttp;
import tw.ecpa.portal.people.Organization;
import tw.ecpa.portal.people.People;
import tw.ecpa.portal.session.Session;
import tw.ecpa.portal.session.Sessions;
import tw.ecpa.portal.session.http.SessionGuard.Access;
import tw.ecpa.portal.session.http.SessionGuard;

/**
 * The login and session routes of {@code ../shared/docs/portal-api.md}: password login, the current
 * session with its idle countdown, refresh (重整), logout, and the list of login methods.
 */
public final class AuthRoutes {

  /** The session cookie's name. */
  public static final String COOKIE = SessionGuard.COOKIE;
  /** The header that carries the CSRF token on state-changing requests. */
  public static final String CSRF_HEADER = SessionGuard.CSRF_HEADER;

  private final PasswordLogin passwordLogin;
  private final Sessions sessions;
  private final SessionGuard guard;
  private final LoginSessions logins;
  private final java.util.Set<String> enabledMethods;
  private final String cardComponent;
  private final People people;
  private final PortalHttp http;

  /**
   * Creates the routes.
   *
   * @param logins starts the sessions of logins and counts their failures per address
   * @param enabledMethods the login methods this server offers ({@code password}, {@code moica}, …)
   * @param cardComponent the address of the HiCOS component the page signs card challenges through
   */
  public AuthRoutes(PasswordLogin passwordLogin, Sessions sessions, SessionGuard guard, People people,
      LoginSessions logins, PortalHttp http, java.util.Set<String> enabledMethods, String cardComponent) {
    this.enabledMethods = java.util.Set.copyOf(enabledMethods);
    this.cardComponent = cardComponent;
    this.passwordLogin = passwordLogin;
    this.sessions = sessions;
    this.guard = guard;
    this.logins = logins;
    this.people = people;
    this.http = http;
  }

  /** Registers the routes on an app. */
  public void register(Javalin app) {
    app.post("/api/auth/login", this::login);
    app.get("/api/auth/session", this::session);
    app.post("/api/auth/session/refresh", this::refresh);
    app.post("/api/auth/logout", this::logout);
    app.get("/api/auth/methods", this::methods);
  }

  void login(Context ctx) {
    PortalHttp.Body body = http.body(ctx);
    String account = body.text("account", 100);
    String password = body.text("password", 200);
    if (account == null || password == null || account.isBlank() || password.isEmpty()) {
      throw PortalError.badRequest("請輸入帳號（自訂帳號或身分證字號）及密碼。");
    }
    logins.refuseWhenBlocked(ctx, "此網路位址登入失敗次數過多，請稍後再試；如忘記密碼，請點選「忘記密碼」。");
    // A new login always gets a new session: the old one, if any, ends here.
    logins.endCurrent(ctx);
    logins.answer(ctx, passwordLogin.attempt(new PasswordLogin.Credentials(account, password), ctx.ip()),
        passwordLogin.id());
  }

  void session(Context ctx) {
    Optional<Sessions.Live> organization = guard.organizationSession(ctx);
    if (organization.isPresent()) {
      Session session = organization.get().session();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("user", null);
      out.put("organization", Map.of("code", session.organizationCode(), "name",
          people.organization(session.organizationCode()).map(Organization::name).orElse(session.organizationCode())));
      out.put("loginMethod", session.loginMethod());
      out.put("idleSecondsLeft", organization.get().idleSecondsLeft());
      out.put("serverTime", organization.get().at().toString());
      out.put("pending", List.of());
      out.put("csrfToken", session.csrfToken());
      ctx.json(out);
      return;
    }
    SessionGuard.Caller caller = guard.require(ctx, Access.READ_PENDING);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("user", logins.user(caller.account()));
    out.put("loginMethod", caller.session().session().loginMethod());
    out.put("idleSecondsLeft", caller.session().idleSecondsLeft());
    out.put("serverTime", caller.session().at().toString());
    out.put("pending", LoginSessions.pending(caller.pending()));
    out.put("csrfToken", caller.session().session().csrfToken());
    ctx.json(out);
  }

  void refresh(Context ctx) {
    SessionGuard.Caller caller = guard.organizationSession(ctx).isPresent() ? guard.requireHr(ctx)
        : guard.require(ctx, Access.CHANGE_PENDING);
    ctx.json(Map.of("idleSecondsLeft", caller.session().idleSecondsLeft()));
  }

  void logout(Context ctx) {
    Sessions.Live live = sessions.find(ctx.cookie(COOKIE)).orElse(null);
    if (live != null && !Sessions.csrfMatches(live.session(), ctx.header(CSRF_HEADER))) {
      throw PortalError.csrf();
    }
    sessions.end(ctx.cookie(COOKIE));
    ctx.removeCookie(COOKIE, "/");
    ctx.status(204);
  }

  void methods(Context ctx) {
    ctx.json(List.of(
        method("password", "帳號密碼登入", enabledMethods.contains("password")),
        withComponent(method("moica", "自然人憑證", enabledMethods.contains("moica"))),
        withComponent(method("gca", "機關憑證", enabledMethods.contains("gca"))),
        method("nhi", "健保卡", enabledMethods.contains("nhi")),
        method("mobile-id", "行動自然人憑證", enabledMethods.contains("mobile-id"))));
  }

  private Map<String, Object> withComponent(Map<String, Object> method) {
    method.put("component", cardComponent);
    return method;
  }

  private static Map<String, Object> method(String id, String name, boolean enabled) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("name", name);
    out.put("enabled", enabled);
    return out;
  }
}
