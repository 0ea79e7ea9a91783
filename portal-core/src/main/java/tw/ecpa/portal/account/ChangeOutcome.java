package tw.ecpa.portal.account;

import java.time.Instant;
import java.util.List;
import tw.ecpa.portal.password.PasswordRule;

/** What a password change came to. */
public sealed interface ChangeOutcome {

  /** Changed; every other session of the account has ended. */
  record Changed() implements ChangeOutcome {}

  /** The current password was wrong. */
  record WrongCurrentPassword() implements ChangeOutcome {}

  /** The first-login change needs the birthday, and it was missing or wrong. */
  record WrongBirthday() implements ChangeOutcome {}

  /** Too many wrong tries: the account is locked until then and the session has ended. */
  record Locked(Instant until) implements ChangeOutcome {}

  /** The new password breaks these rules. */
  record Rejected(List<PasswordRule> broken) implements ChangeOutcome {

    public Rejected {
      broken = List.copyOf(broken);
    }
  }
}
