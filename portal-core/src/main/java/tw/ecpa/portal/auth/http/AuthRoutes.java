package tw.ecpa.portal.auth.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.auth.LoginOutcome;
import tw.ecpa.portal.auth.PasswordLogin;
import tw.ecpa.portal.people.People;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.session.Sessions;

/**
 * The login and session routes of {@code ../shared/docs/portal-api.md}: password login, the current
 * session with its idle countdown, refresh (重整), logout, and the list of login methods.
 */
public final class AuthRoutes {

  /** The session cookie's name. */
  public static final String COOKIE = "ECPA_SESSION";
  /** The header that carries the CSRF token on state-changing requests. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("H時mm分");

  private final PasswordLogin passwordLogin;
  private final Sessions sessions;
  private final Accounts accounts;
  private final People people;
  private final ObjectMapper json;

  /** Creates the routes over the login, the sessions and the stores. */
  public AuthRoutes(PasswordLogin passwordLogin, Sessions sessions, Accounts accounts, People people,
      ObjectMapper json) {
    this.passwordLogin = passwordLogin;
    this.sessions = sessions;
    this.accounts = accounts;
    this.people = people;
    this.json = json;
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
    Optional<JsonNode> body = object(ctx);
    String account = body.map(b -> b.get("account")).filter(JsonNode::isTextual).map(JsonNode::textValue).orElse(null);
    String password = body.map(b -> b.get("password")).filter(JsonNode::isTextual).map(JsonNode::textValue).orElse(null);
    if (account == null || password == null || account.isBlank() || password.isEmpty()
        || account.length() > 100 || password.length() > 200) {
      error(ctx, 400, "bad-request", "請輸入帳號（自訂帳號或身分證字號）及密碼。");
      return;
    }
    // A new login always gets a new session: the old one, if any, ends here.
    sessions.end(ctx.cookie(COOKIE));
    LoginOutcome outcome = passwordLogin.login(account, password, ctx.ip());
    if (outcome instanceof LoginOutcome.LoggedIn in) {
      Sessions.Started started = sessions.start(in.account().id(), "password");
      ctx.cookie(cookie(ctx, started.token()));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("user", user(in.account()));
      out.put("mustChangePassword", in.mustChangePassword());
      out.put("csrfToken", started.session().csrfToken());
      ctx.json(out);
    } else if (outcome instanceof LoginOutcome.Locked locked) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("error", "locked");
      out.put("message", "密碼連續輸入錯誤5次，帳號已暫時鎖定至 "
          + CLOCK.format(locked.until().atZone(TAIPEI))
          + "。請於15分鐘後再試，或點選「忘記密碼」以Email認證碼重設密碼，重設後即解除鎖定。");
      out.put("lockedUntil", locked.until().toString());
      ctx.status(423).json(out);
    } else if (outcome instanceof LoginOutcome.OffDuty) {
      error(ctx, 403, "off-duty", "驗證之公務人員為卸職狀態，非現職公務人員將無法登入 ECPA；如為現職公務人員，"
          + "請洽人事人員儘速將該員個人資料報送至本總處完成入檔後，方可登入 ECPA。");
    } else {
      error(ctx, 401, "wrong-credentials", "帳號或密碼錯誤，請重新輸入。若忘記密碼，請點選「忘記密碼」。");
    }
  }

  void session(Context ctx) {
    Optional<Sessions.Live> live = sessions.find(ctx.cookie(COOKIE));
    Optional<Account> account = live.flatMap(l -> accounts.byId(l.session().accountId()));
    if (live.isEmpty() || account.isEmpty()) {
      notLoggedIn(ctx);
      return;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("user", user(account.get()));
    out.put("loginMethod", live.get().session().loginMethod());
    out.put("idleSecondsLeft", live.get().idleSecondsLeft());
    out.put("csrfToken", live.get().session().csrfToken());
    ctx.json(out);
  }

  void refresh(Context ctx) {
    Optional<Sessions.Live> live = sessions.find(ctx.cookie(COOKIE));
    if (live.isEmpty()) {
      notLoggedIn(ctx);
      return;
    }
    if (!Sessions.csrfMatches(live.get().session(), ctx.header(CSRF_HEADER))) {
      csrfRefused(ctx);
      return;
    }
    long left = sessions.refresh(ctx.cookie(COOKIE)).map(Sessions.Live::idleSecondsLeft).orElse(0L);
    ctx.json(Map.of("idleSecondsLeft", left));
  }

  void logout(Context ctx) {
    Optional<Sessions.Live> live = sessions.find(ctx.cookie(COOKIE));
    if (live.isPresent() && !Sessions.csrfMatches(live.get().session(), ctx.header(CSRF_HEADER))) {
      csrfRefused(ctx);
      return;
    }
    sessions.end(ctx.cookie(COOKIE));
    ctx.removeCookie(COOKIE, "/");
    ctx.status(204);
  }

  void methods(Context ctx) {
    ctx.json(List.of(
        method("password", "帳號密碼登入", true),
        method("moica", "自然人憑證", false),
        method("gca", "機關憑證", false),
        method("nhi", "健保卡", false),
        method("mobile-id", "行動自然人憑證", false)));
  }

  private static Map<String, Object> method(String id, String name, boolean enabled) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("name", name);
    out.put("enabled", enabled);
    return out;
  }

  private Map<String, Object> user(Account account) {
    Optional<Person> person = people.find(account.idNumber());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", person.map(Person::name).orElse(null));
    out.put("account", account.customAccount());
    out.put("idNumber", account.idNumber().masked());
    out.put("organization", person.map(Person::organizationCode).orElse(null));
    out.put("roles", account.roles().stream().map(Enum::name).sorted().toList());
    return out;
  }

  private static Cookie cookie(Context ctx, String token) {
    boolean secure = "https".equalsIgnoreCase(ctx.scheme())
        || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    return new Cookie(COOKIE, token, "/", -1, secure, 0, true, null, null, SameSite.STRICT);
  }

  private Optional<JsonNode> object(Context ctx) {
    try {
      JsonNode node = json.readTree(ctx.bodyAsBytes());
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void notLoggedIn(Context ctx) {
    error(ctx, 401, "not-logged-in", "您尚未登入或已閒置逾時自動登出，請重新登入。");
  }

  private static void csrfRefused(Context ctx) {
    error(ctx, 403, "csrf", "此操作未通過安全檢查，請重新整理頁面後再試一次。");
  }

  private static void error(Context ctx, int status, String code, String message) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("error", code);
    out.put("message", message);
    ctx.status(status).json(out);
  }
}
