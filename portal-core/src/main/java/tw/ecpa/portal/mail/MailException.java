package tw.ecpa.portal.mail;

/**
 * A mail that could not be sent: the server was unreachable, refused the message or timed out.
 *
 * <p>The message names the recipient and the server, never the body, which may hold a reset code or
 * a password.
 */
public final class MailException extends RuntimeException {

  /** Creates the exception with a body-free message and its cause. */
  public MailException(String message, Throwable cause) {
    super(message, cause);
  }
}
