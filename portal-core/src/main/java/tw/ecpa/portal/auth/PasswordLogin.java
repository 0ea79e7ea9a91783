package tw.ecpa.portal.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.AccountGate;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.account.Lockout;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.audit.AuditLog;
import tw.ecpa.portal.password.PasswordHasher;
import tw.ecpa.portal.password.PasswordPolicy;
import tw.ecpa.portal.people.People;
import tw.ecpa.portal.people.PersonStatus;

/**
 * Login by custom account or identity number and password. Five wrong passwords in a row lock the
 * account for fifteen minutes. An unknown name behaves the same way: it costs the same hashing work, gets
 * the same answer, and is locked at its fifth failure with the same "locked until" ({@link UnknownLogins}),
 * so that neither the answers nor the lockout tell whether an account exists.
 */
public final class PasswordLogin implements LoginMethod<PasswordLogin.Credentials> {

  /** Wrong passwords in a row that lock the account. */
  public static final int MAX_FAILURES = Lockout.MAX_FAILURES;
  /** How long a lock lasts. */
  public static final Duration LOCK = Lockout.LOCK;

  private final Accounts accounts;
  private final People people;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final AuditLog audit;
  private final Lockout lockout;
  private final UnknownLogins unknown;
  private final Clock clock;

  /**
   * An Argon2id hash (OWASP setting) of a password nobody has: verified against when the account is
   * unknown, so that an unknown account costs the same time as a wrong password.
   */
  private static final String DECOY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$5oPmTBf6S1dpN1/Eoggixw$6varicJV92ciDfWwKCeowYcHCBc06fSabzFCegD/1Lk";

  /**
   * Creates the login over the stores (the unknown names' counts included), the hasher, the policy (for the
   * 180-day rule) and the audit log.
   */
  public PasswordLogin(Accounts accounts, People people, UnknownLogins unknown, PasswordHasher hasher,
      PasswordPolicy policy, AuditLog audit, Clock clock) {
    this.unknown = unknown;
    this.accounts = accounts;
    this.people = people;
    this.hasher = hasher;
    this.policy = policy;
    this.audit = audit;
    this.lockout = new Lockout(accounts, audit);
    this.clock = clock;
  }

  /** Tries a login; never throws for wrong input. */
  public LoginOutcome login(String login, String password, String clientAddress) {
    Instant now = clock.instant();
    Optional<Account> found = accounts.byLogin(login);
    if (found.isEmpty() || found.get().passwordHash() == null) {
      return unknownName(login, password, clientAddress, now, found.isEmpty() ? "unknown account" : "no password set");
    }
    Account account = found.get();
    String target = account.idNumber().masked();
    String who = account.custom().orElse(target);
    if (account.lockedAt(now)) {
      audit.record(new AuditEvent(now, AuditKind.LOGIN_FAILED, who, target, clientAddress, "locked"));
      return new LoginOutcome.Locked(account.lockedUntil());
    }
    if (!hasher.matches(password == null ? "" : password, account.passwordHash())) {
      return lockout.failure(account, now, clientAddress, "wrong password")
          .<LoginOutcome>map(LoginOutcome.Locked::new)
          .orElseGet(LoginOutcome.WrongCredentials::new);
    }
    boolean serving = people.find(account.idNumber())
        .map(p -> p.status() == PersonStatus.ACTIVE)
        .orElse(false);
    if (!serving) {
      audit.record(new AuditEvent(now, AuditKind.LOGIN_FAILED, who, target, clientAddress, "off duty"));
      return new LoginOutcome.OffDuty();
    }
    accounts.clearFailures(account.id());
    audit.record(new AuditEvent(now, AuditKind.LOGIN_SUCCEEDED, who, target, clientAddress, null));
    return new LoginOutcome.LoggedIn(account, AccountGate.pending(account, policy, now));
  }

  /** A name no account answers to, counted and locked as {@link Lockout} counts an account's failures. */
  private LoginOutcome unknownName(String login, String password, String clientAddress, Instant now, String detail) {
    String digest = UnknownLogins.digest(login);
    UnknownLogins.State state = unknown.find(digest).orElse(new UnknownLogins.State(0, null));
    // What was typed is not recorded: it may be a password typed into the wrong field.
    if (state.lockedUntil() != null && now.isBefore(state.lockedUntil())) {
      audit.record(new AuditEvent(now, AuditKind.LOGIN_FAILED, null, null, clientAddress, detail + ", locked"));
      return new LoginOutcome.Locked(state.lockedUntil());
    }
    hasher.matches(password == null ? "" : password, DECOY_HASH);
    int failures = (state.lockedUntil() != null ? 0 : state.failedAttempts()) + 1;
    Instant until = failures >= MAX_FAILURES ? now.plus(LOCK) : null;
    unknown.record(digest, new UnknownLogins.State(failures, until), now);
    audit.record(new AuditEvent(now, AuditKind.LOGIN_FAILED, null, null, clientAddress, detail + " " + failures));
    return until == null ? new LoginOutcome.WrongCredentials() : new LoginOutcome.Locked(until);
  }

  /** The method's id, recorded in the session. */
  public static final String METHOD = "password";

  /** What the user typed: the custom account or ID number, and the password. */
  public record Credentials(String account, String password) {

    /** Leaves the password out, so that it cannot reach a log. */
    @Override
    public String toString() {
      return "Credentials[account]";
    }
  }

  @Override
  public String id() {
    return METHOD;
  }

  @Override
  public LoginResult attempt(Credentials credentials, String clientAddress) {
    return result(login(credentials.account(), credentials.password(), clientAddress));
  }

  private static final java.time.format.DateTimeFormatter CLOCK =
      java.time.format.DateTimeFormatter.ofPattern("H時mm分");

  /** The outcome as every login method answers. */
  static LoginResult result(LoginOutcome outcome) {
    if (outcome instanceof LoginOutcome.LoggedIn in) {
      return new LoginResult.LoggedIn(in.account(), in.pending());
    }
    if (outcome instanceof LoginOutcome.Locked locked) {
      return new LoginResult.Refused(LoginResult.Refusal.LOCKED, "locked", "密碼連續輸入錯誤5次，帳號已暫時鎖定至 "
          + CLOCK.format(locked.until().atZone(tw.ecpa.portal.time.RocDate.TAIPEI))
          + "。請於15分鐘後再試，或點選「忘記密碼」以Email認證碼重設密碼，重設後即解除鎖定。",
          java.util.Map.of("lockedUntil", locked.until().toString()), true);
    }
    if (outcome instanceof LoginOutcome.OffDuty) {
      return LoginResult.Refused.failed(LoginResult.Refusal.NOT_PERMITTED, "off-duty",
          "驗證之公務人員為卸職狀態，非現職公務人員將無法登入 ECPA；如為現職公務人員，"
          + "請洽人事人員儘速將該員個人資料報送至本總處完成入檔後，方可登入 ECPA。");
    }
    return LoginResult.Refused.failed(LoginResult.Refusal.WRONG, "wrong-credentials",
        "帳號或密碼錯誤，請重新輸入。若忘記密碼，請點選「忘記密碼」。");
  }
}
