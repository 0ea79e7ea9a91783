package tw.ecpa.portal.auth;

import java.time.Instant;
import tw.ecpa.portal.account.Account;

/** What a password login attempt came to. */
public sealed interface LoginOutcome {

  /** Logged in; when {@code mustChangePassword}, every other route waits for the change. */
  record LoggedIn(Account account, boolean mustChangePassword) implements LoginOutcome {}

  /** Wrong account or password: one answer whether or not the account exists. */
  record WrongCredentials() implements LoginOutcome {}

  /** Too many wrong passwords: locked until then; waiting or resetting the password unlocks it. */
  record Locked(Instant until) implements LoginOutcome {}

  /** Right password, but the person is off duty (卸職) and may not use the portal. */
  record OffDuty() implements LoginOutcome {}
}
