package tw.ecpa.portal.mail;

import java.util.Objects;

/**
 * One plain-text mail to one recipient, sent as UTF-8.
 *
 * <p>Bodies carry reset codes and passwords, so {@link #toString()} leaves the text out.
 *
 * @param to the recipient's address, such as {@code someone@dgpa.gov.tw}
 * @param subject the subject line (one line)
 * @param text the plain-text body
 */
public record MailMessage(String to, String subject, String text) {

  public MailMessage {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    if (to.isBlank()) {
      throw new IllegalArgumentException("a mail needs a recipient");
    }
    // Header values: a line break here would start a header of the caller's choosing.
    if (hasLineBreak(to) || hasLineBreak(subject)) {
      throw new IllegalArgumentException("recipient and subject must be single lines");
    }
  }

  /** The recipient and subject only: the body never reaches a log through this. */
  @Override
  public String toString() {
    return "MailMessage[to=" + to + ", subject=" + subject + ", text=(" + text.length() + " chars)]";
  }

  private static boolean hasLineBreak(String value) {
    return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
  }
}
