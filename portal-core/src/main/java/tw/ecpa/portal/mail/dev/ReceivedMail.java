package tw.ecpa.portal.mail.dev;

import java.time.Instant;
import java.util.Objects;

/**
 * A mail the dev mailbox received, decoded from the MIME message that arrived over SMTP.
 *
 * @param to the recipient it was delivered to
 * @param subject the decoded subject
 * @param text the decoded plain-text body, with {@code \n} line ends
 * @param sentAt the message's Date header, or the moment it arrived when it had none
 */
public record ReceivedMail(String to, String subject, String text, Instant sentAt) {

  public ReceivedMail {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(sentAt, "sentAt");
  }

  /** The recipient and subject only: the body never reaches a log through this. */
  @Override
  public String toString() {
    return "ReceivedMail[to=" + to + ", subject=" + subject + ", sentAt=" + sentAt + "]";
  }
}
