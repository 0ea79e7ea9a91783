package tw.ecpa.portal.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.audit.AuditLog;

/**
 * The lock rule of the seeds: five wrong secrets in a row (a password at login, the current password
 * or the birthday when changing it) lock the account for fifteen minutes. Waiting, or resetting the
 * password, unlocks it.
 */
public final class Lockout {

  /** Wrong secrets in a row that lock the account. */
  public static final int MAX_FAILURES = 5;
  /** How long a lock lasts. */
  public static final Duration LOCK = Duration.ofMinutes(15);

  private final Accounts accounts;
  private final AuditLog audit;

  /** Creates the rule over the account store and the audit log. */
  public Lockout(Accounts accounts, AuditLog audit) {
    this.accounts = accounts;
    this.audit = audit;
  }

  /**
   * Counts one wrong secret and records it.
   *
   * @param detail what was wrong, in English, for the audit log (never the secret itself)
   * @return the end of the lock when this failure locked the account
   */
  public Optional<Instant> failure(Account account, Instant now, String clientAddress, String detail) {
    String target = account.idNumber().masked();
    String who = account.custom().orElse(target);
    // A lock that has run out starts the count afresh.
    int failures = (account.lockedUntil() != null ? 0 : account.failedAttempts()) + 1;
    if (failures >= MAX_FAILURES) {
      Instant until = now.plus(LOCK);
      accounts.recordFailures(account.id(), failures, until);
      audit.record(new AuditEvent(now, AuditKind.ACCOUNT_LOCKED, who, target, clientAddress,
          failures + " wrong in a row, last: " + detail));
      return Optional.of(until);
    }
    accounts.recordFailures(account.id(), failures, null);
    audit.record(new AuditEvent(now, AuditKind.LOGIN_FAILED, who, target, clientAddress, detail + " " + failures));
    return Optional.empty();
  }
}
