package tw.ecpa.portal.recovery;

/**
 * What a forgot-password or mailbox re-verification request came to once its form was checked. An
 * accepted request says nothing about whether the data matched anyone.
 */
public sealed interface RequestOutcome {

  /** The zh-TW sentence the user sees. */
  String message();

  /** Taken: if the data match a person, the mail is on its way. */
  record Accepted(String message) implements RequestOutcome {}

  /** A field is missing or malformed, or the captcha was wrong; nothing was looked up. */
  record Invalid(Problem problem, String message) implements RequestOutcome {}

  /** Too many requests from this address or for this identity number. */
  record TooMany(long retryAfterSeconds, String message) implements RequestOutcome {}

  /** The background work queue is full. */
  record Busy(String message) implements RequestOutcome {}

  /** Which check a request failed. */
  enum Problem { MISSING, CAPTCHA, ID_NUMBER, EMAIL, DATE }
}
