package tw.ecpa.portal.recovery;

/** What typing a verification code came to. */
public sealed interface VerifyOutcome {

  /** The code was right: the token lets its holder set a new password for a short while. */
  record Verified(String resetToken) implements VerifyOutcome {}

  /** Wrong, used, replaced or expired code, or unknown account: one answer for all. */
  record Rejected() implements VerifyOutcome {}
}
