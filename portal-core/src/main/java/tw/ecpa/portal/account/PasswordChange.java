package tw.ecpa.portal.account;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.audit.AuditLog;
import tw.ecpa.portal.password.PasswordHasher;
import tw.ecpa.portal.password.PasswordPolicy;
import tw.ecpa.portal.password.PasswordRule;
import tw.ecpa.portal.people.People;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.time.RocDate;

/**
 * 修改密碼 in 我的專區, and the forced change of the first login (「這是您首次登入系統，請務必先修改您的
 * 登入密碼」, which also asks for the birthday) or of a password 180 days old. Wrong current passwords
 * and wrong birthdays count towards the lock like wrong passwords at login.
 */
public final class PasswordChange {

  private final Accounts accounts;
  private final People people;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final Lockout lockout;
  private final AuditLog audit;
  private final Clock clock;

  /** Creates the service over the stores, the hasher, the policy and the audit log. */
  public PasswordChange(Accounts accounts, People people, PasswordHasher hasher, PasswordPolicy policy,
      AuditLog audit, Clock clock) {
    this.accounts = accounts;
    this.people = people;
    this.hasher = hasher;
    this.policy = policy;
    this.lockout = new Lockout(accounts, audit);
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Changes the password of a logged-in account.
   *
   * @param birthday the birthday as ROC {@code YYYMMDD}; required on the first-login change, ignored
   *     otherwise
   */
  public ChangeOutcome change(long accountId, String currentPassword, String newPassword, String confirmation,
      String birthday, String clientAddress) {
    Instant now = clock.instant();
    Account account = accounts.byId(accountId).orElseThrow(() -> new IllegalArgumentException("no account"));
    if (account.lockedAt(now)) {
      return new ChangeOutcome.Locked(account.lockedUntil());
    }
    if (!hasher.matches(currentPassword == null ? "" : currentPassword, account.passwordHash())) {
      return lockout.failure(account, now, clientAddress, "wrong current password")
          .<ChangeOutcome>map(ChangeOutcome.Locked::new)
          .orElseGet(ChangeOutcome.WrongCurrentPassword::new);
    }
    if (AccountGate.firstLogin(account)) {
      Optional<LocalDate> typed = RocDate.parse(birthday);
      boolean right = typed.isPresent()
          && people.find(account.idNumber()).map(Person::birthday).filter(typed.get()::equals).isPresent();
      if (!right) {
        return lockout.failure(account, now, clientAddress, "wrong birthday")
            .<ChangeOutcome>map(ChangeOutcome.Locked::new)
            .orElseGet(ChangeOutcome.WrongBirthday::new);
      }
    }
    return setNew(account, newPassword, confirmation, clientAddress,
        AccountGate.firstLogin(account) ? "first login" : null);
  }

  /**
   * Sets a new password for an account whose owner logged in with a card or the mobile natural-person
   * certificate (「有憑證者…點選【我的專區】之【修改密碼】即可重設您的密碼」): the card proved who they
   * are, so neither the current password nor the birthday is asked, and a password lock is lifted.
   */
  public ChangeOutcome changeAfterCardLogin(long accountId, String newPassword, String confirmation,
      String loginMethod, String clientAddress) {
    Account account = accounts.byId(accountId).orElseThrow(() -> new IllegalArgumentException("no account"));
    return setNew(account, newPassword, confirmation, clientAddress, "after " + loginMethod + " login");
  }

  private ChangeOutcome setNew(Account account, String newPassword, String confirmation, String clientAddress,
      String detail) {
    Instant now = clock.instant();
    Optional<Instant> lastChange = account.passwordSetByUser()
        ? Optional.ofNullable(account.passwordChangedAt()) : Optional.empty();
    List<PasswordRule> broken = policy.check(newPassword, confirmation,
        accounts.recentPasswordHashes(account.id(), PasswordPolicy.HISTORY), lastChange, now);
    if (!broken.isEmpty()) {
      return new ChangeOutcome.Rejected(broken);
    }
    accounts.setPassword(account.id(), hasher.hash(newPassword), now, true, false);
    String target = account.idNumber().masked();
    audit.record(new AuditEvent(now, AuditKind.PASSWORD_CHANGED, account.custom().orElse(target), target,
        clientAddress, detail));
    if (account.customAccount() != null && AccountGate.firstLogin(account)) {
      audit.record(new AuditEvent(now, AuditKind.ACTIVATED, account.customAccount(), target, clientAddress, null));
    }
    return new ChangeOutcome.Changed();
  }
}
