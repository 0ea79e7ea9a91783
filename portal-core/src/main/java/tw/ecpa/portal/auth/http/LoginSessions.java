package tw.ecpa.portal.auth.http;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.AccountGate;
import tw.ecpa.portal.http.SessionGuard;
import tw.ecpa.portal.people.People;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.session.Sessions;

/**
 * What every login method does once it knows the account: end the caller's old session, start one
 * that records the method, set the cookie (HttpOnly, SameSite=Strict, Secure over HTTPS) and answer
 * with the user, the pending steps and the CSRF token.
 */
public final class LoginSessions {

  private final Sessions sessions;
  private final People people;

  /** Creates the helper over the sessions and the people (for the user's name and organization). */
  public LoginSessions(Sessions sessions, People people) {
    this.sessions = sessions;
    this.people = people;
  }

  /** Ends the session the request came with, if any (a new login always gets a new session). */
  public void endCurrent(Context ctx) {
    sessions.end(ctx.cookie(SessionGuard.COOKIE));
  }

  /** Starts a session for the account by this method and answers the login. */
  public void start(Context ctx, Account account, Set<AccountGate.Pending> pending, String method) {
    endCurrent(ctx);
    Sessions.Started started = sessions.start(account.id(), method);
    cookie(ctx, started.token());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("user", user(account));
    out.put("loginMethod", method);
    out.put("mustChangePassword", pending.contains(AccountGate.Pending.PASSWORD_CHANGE));
    out.put("pending", pending(pending));
    out.put("csrfToken", started.session().csrfToken());
    ctx.json(out);
  }

  /** The pending steps on the wire: {@code password-change}, {@code profile}. */
  public static List<String> pending(Set<AccountGate.Pending> pending) {
    return pending.stream().sorted().map(p -> p.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
  }

  /** The user as the pages show them; the ID number masked. */
  public Map<String, Object> user(Account account) {
    Person person = people.find(account.idNumber()).orElse(null);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", person == null ? null : person.name());
    out.put("account", account.customAccount());
    out.put("idNumber", account.idNumber().masked());
    out.put("organization", person == null ? null : person.organizationCode());
    out.put("roles", account.roles().stream().map(Enum::name).sorted().toList());
    return out;
  }

  /** Sets the session cookie: HttpOnly, SameSite=Strict, Secure over HTTPS. */
  public void cookie(Context ctx, String token) {
    boolean secure = "https".equalsIgnoreCase(ctx.scheme())
        || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    ctx.cookie(new Cookie(SessionGuard.COOKIE, token, "/", -1, secure, 0, true, null, null, SameSite.STRICT));
  }
}
