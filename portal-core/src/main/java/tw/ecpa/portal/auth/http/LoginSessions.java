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
import tw.ecpa.portal.auth.LoginResult;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.people.Organization;
import tw.ecpa.portal.people.People;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.ratelimit.RateLimiter;
import tw.ecpa.portal.session.Sessions;
import tw.ecpa.portal.session.http.SessionGuard;

/**
 * What every login method does with its {@link LoginResult}: end the caller's old session, start one
 * that records the method, set the cookie (HttpOnly, SameSite=Strict, Secure over HTTPS) and answer
 * with the user, the pending steps and the CSRF token; or ask for the next step; or refuse.
 */
public final class LoginSessions {

  private final Sessions sessions;
  private final People people;
  private final RateLimiter failuresPerAddress;

  /**
   * Creates the helper over the sessions and the people (for the user's name and organization).
   *
   * @param failuresPerAddress the failed logins per client address, of every method together; over its
   *     limit, logins from that address are refused for a while (guessing across many accounts)
   */
  public LoginSessions(Sessions sessions, People people, RateLimiter failuresPerAddress) {
    this.sessions = sessions;
    this.people = people;
    this.failuresPerAddress = failuresPerAddress;
  }

  /** Refuses (429 with {@code Retry-After}) a login from an address with too many failed logins. */
  public void refuseWhenBlocked(Context ctx, String message) {
    if (failuresPerAddress.exhausted(ctx.ip())) {
      throw PortalError.tooMany(message, failuresPerAddress.retryAfterSeconds(ctx.ip()));
    }
  }

  /**
   * Answers a login attempt of any method: starts the session of a person or an organization, asks
   * for the next step, or refuses with the method's message (a failure counted against the address).
   */
  public void answer(Context ctx, LoginResult result, String method) {
    if (result instanceof LoginResult.LoggedIn in) {
      start(ctx, in.account(), in.pending(), method);
    } else if (result instanceof LoginResult.OrganizationLoggedIn in) {
      startOrganization(ctx, in.organization(), method);
    } else if (result instanceof LoginResult.NextStep next) {
      Map<String, Object> out = new LinkedHashMap<>();
      if ("binding".equals(next.step())) {
        out.put("bindingRequired", true);
      } else {
        out.put("status", next.step());
        ctx.status(202);
      }
      out.putAll(next.details());
      out.put("message", next.message());
      ctx.json(out);
    } else {
      LoginResult.Refused refused = (LoginResult.Refused) result;
      if (refused.failure()) {
        failuresPerAddress.record(ctx.ip());
      }
      if (refused.refusal() == LoginResult.Refusal.TOO_SOON) {
        throw PortalError.tooMany(refused.message(),
            ((Number) refused.details().getOrDefault("retryAfterSeconds", 1)).longValue());
      }
      throw new PortalError(STATUS.get(refused.refusal()), refused.code(), refused.message(), refused.details());
    }
  }

  private static final Map<LoginResult.Refusal, Integer> STATUS = Map.of(LoginResult.Refusal.INVALID, 400,
      LoginResult.Refusal.WRONG, 401, LoginResult.Refusal.NOT_PERMITTED, 403, LoginResult.Refusal.LOCKED, 423,
      LoginResult.Refusal.TOO_SOON, 429, LoginResult.Refusal.CONFLICT, 409, LoginResult.Refusal.UNAVAILABLE, 503);

  /** Starts an organization-certificate session and answers the login. */
  public void startOrganization(Context ctx, Organization organization, String method) {
    endCurrent(ctx);
    Sessions.Started started = sessions.startForOrganization(organization.code(), method);
    cookie(ctx, started.token());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("user", null);
    out.put("organization", Map.of("code", organization.code(), "name", organization.name()));
    out.put("loginMethod", method);
    out.put("pending", List.of());
    out.put("csrfToken", started.session().csrfToken());
    ctx.json(out);
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
