package tw.ecpa.portal.recovery;

import java.util.List;
import tw.ecpa.portal.password.PasswordRule;

/** What setting a new password with a reset token came to. */
public sealed interface ResetOutcome {

  /** The new password is set; the account is unlocked and every other session ended. */
  record Done() implements ResetOutcome {}

  /** The token is unknown, used or expired: verify a code again. */
  record InvalidToken() implements ResetOutcome {}

  /** The new password breaks these rules; the token stays valid for another try. */
  record Rejected(List<PasswordRule> broken) implements ResetOutcome {

    public Rejected {
      broken = List.copyOf(broken);
    }
  }
}
