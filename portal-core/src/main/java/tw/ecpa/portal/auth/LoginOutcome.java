package tw.ecpa.portal.auth;

import java.time.Instant;
import java.util.Set;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.AccountGate;

/** What a password login attempt came to. */
public sealed interface LoginOutcome {

  /**
   * Logged in; when {@code pending} is not empty (a forced password change, activation), every other
   * route waits for those steps.
   */
  record LoggedIn(Account account, Set<AccountGate.Pending> pending) implements LoginOutcome {

    public LoggedIn {
      pending = Set.copyOf(pending);
    }

    /** Whether the password must be changed before anything else. */
    public boolean mustChangePassword() {
      return pending.contains(AccountGate.Pending.PASSWORD_CHANGE);
    }
  }

  /** Wrong account or password: one answer whether or not the account exists. */
  record WrongCredentials() implements LoginOutcome {}

  /** Too many wrong passwords: locked until then; waiting or resetting the password unlocks it. */
  record Locked(Instant until) implements LoginOutcome {}

  /** Right password, but the person is off duty (卸職) and may not use the portal. */
  record OffDuty() implements LoginOutcome {}
}
