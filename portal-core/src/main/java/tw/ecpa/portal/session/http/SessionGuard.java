package tw.ecpa.portal.session.http;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.AccountGate;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.http.PortalError;
import tw.ecpa.portal.password.PasswordPolicy;
import tw.ecpa.portal.session.Sessions;

/**
 * The checks in front of every logged-in portal route: a live session, its CSRF token on
 * state-changing requests, the forced password change and activation that block everything else,
 * and the roles a route needs.
 */
public final class SessionGuard {

  /** The session cookie's name. */
  public static final String COOKIE = "ECPA_SESSION";
  /** The header that carries the CSRF token on state-changing requests. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private final Sessions sessions;
  private final Accounts accounts;
  private final PasswordPolicy policy;
  private final Clock clock;

  /** Creates the guard over the sessions, the accounts and the policy (for the 180-day rule). */
  public SessionGuard(Sessions sessions, Accounts accounts, PasswordPolicy policy, Clock clock) {
    this.sessions = sessions;
    this.accounts = accounts;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * The caller of a request that passed the guard.
   *
   * @param token the session token from the cookie
   * @param session the live session
   * @param account the session's account, as it is now
   * @param pending what the account must still do before the rest of the portal opens
   */
  public record Caller(String token, Sessions.Live session, Account account, Set<AccountGate.Pending> pending) {}

  private static final PortalError ORGANIZATION_ONLY = new PortalError(403, "organization-session",
      "您以機關憑證登入，僅能使用【權限與兼辦管理】之【重設員工密碼】；其他服務請以個人的登入方式登入。");

  /**
   * The caller of an organization-level HR function (重設員工密碼): a person's account with one of
   * the roles, or an organization-certificate session, whose {@link Caller#account()} is then null.
   * State-changing: checks the CSRF token and restarts the idle clock.
   */
  public Caller requireHr(Context ctx, Role... anyOf) {
    String token = ctx.cookie(COOKIE);
    Optional<Sessions.Live> live = sessions.find(token);
    if (live.isEmpty() || !live.get().session().forOrganization()) {
      return require(ctx, Access.CHANGE, anyOf);
    }
    if (!Sessions.csrfMatches(live.get().session(), ctx.header(CSRF_HEADER))) {
      throw PortalError.csrf();
    }
    return new Caller(token, sessions.refresh(token).orElse(live.get()), null, Set.of());
  }

  /** The live organization-certificate session of a request, if that is what it has. */
  public Optional<Sessions.Live> organizationSession(Context ctx) {
    return sessions.find(ctx.cookie(COOKIE)).filter(l -> l.session().forOrganization());
  }

  /** How much a route asks of its caller. */
  public enum Access {
    /** Any live session, even one with a pending password change or activation (read only). */
    READ_PENDING,
    /** A state-changing request that is part of the pending steps (change password, profile). */
    CHANGE_PENDING,
    /** A read of the portal proper: the pending steps must be done. */
    READ,
    /** A state-changing request of the portal proper. */
    CHANGE
  }

  /**
   * Checks a request and returns its caller; throws the {@link PortalError} to answer otherwise.
   * State-changing requests restart the session's idle clock.
   */
  public Caller require(Context ctx, Access access, Role... anyOf) {
    String token = ctx.cookie(COOKIE);
    Optional<Sessions.Live> live = sessions.find(token);
    if (live.isPresent() && live.get().session().forOrganization()) {
      throw ORGANIZATION_ONLY;
    }
    Optional<Account> account = live.flatMap(l -> accounts.byId(l.session().accountId()));
    if (live.isEmpty() || account.isEmpty()) {
      throw PortalError.notLoggedIn();
    }
    boolean changes = access == Access.CHANGE || access == Access.CHANGE_PENDING;
    if (changes && !Sessions.csrfMatches(live.get().session(), ctx.header(CSRF_HEADER))) {
      throw PortalError.csrf();
    }
    Set<AccountGate.Pending> pending = AccountGate.pending(account.get(), policy, clock.instant());
    boolean portalProper = access == Access.READ || access == Access.CHANGE;
    if (portalProper && pending.contains(AccountGate.Pending.PASSWORD_CHANGE)) {
      throw new PortalError(403, "password-change-required",
          "為確保您的帳戶安全，請先修改登入密碼後才能使用本系統其他服務。");
    }
    if (portalProper && pending.contains(AccountGate.Pending.PROFILE)) {
      throw new PortalError(403, "activation-required",
          "為維護個人資料之安全性，請先設定自訂帳號後才能使用本系統其他服務。");
    }
    if (anyOf.length > 0 && account.get().roles().stream().noneMatch(Set.of(anyOf)::contains)) {
      throw new PortalError(403, "forbidden", "您沒有使用此功能的權限；如有需要，請洽機關人事主管。");
    }
    Sessions.Live current = changes ? sessions.refresh(token).orElse(live.get()) : live.get();
    return new Caller(token, current, account.get(), pending);
  }
}
