package tw.ecpa.portal.hr;

/** What an HR officer's 重設員工密碼 came to. */
public sealed interface HrResetOutcome {

  /** The initial password is set and mailed to this (masked) address. */
  record Sent(String maskedEmail) implements HrResetOutcome {}

  /** The caller holds no HR role. */
  record NotPermitted() implements HrResetOutcome {}

  /** No person with this identity number in the civil-service database. */
  record NotFound() implements HrResetOutcome {}

  /** The person serves in another organization than the caller. */
  record OutsideOrganization() implements HrResetOutcome {}

  /** No usable e-mail address was given and none is on file. */
  record InvalidEmail() implements HrResetOutcome {}

  /** The password was set but the mail could not be sent; try again later. */
  record MailFailed() implements HrResetOutcome {}
}
