package tw.ecpa.portal.mail.smtp;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how {@link SmtpMailer} sends: the server, the sender, optional login, STARTTLS and the
 * timeout for connecting, reading and writing.
 *
 * @param host the SMTP server's host name or address
 * @param port the SMTP server's port (25, 587, or the dev mailbox's)
 * @param from the sender with an optional personal name, such as
 *     {@code 行政院人事行政總處 <pemis@dgpa.gov.tw>}; the name is sent UTF-8-encoded
 * @param username the login name, or {@code null} to send without logging in
 * @param password the login password, or {@code null} exactly when there is no username
 * @param startTls whether to upgrade to TLS with STARTTLS before sending (required, not opportunistic)
 * @param timeout the connection, read and write timeout
 */
public record SmtpSettings(String host, int port, String from, String username, String password,
    boolean startTls, Duration timeout) {

  public SmtpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(timeout, "timeout");
    if (host.isBlank()) {
      throw new IllegalArgumentException("the SMTP host is blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("the SMTP port must be 1 to 65535, not " + port);
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the SMTP timeout must be positive and under 24 days");
    }
    if ((username == null) != (password == null)) {
      throw new IllegalArgumentException("give both a username and a password, or neither");
    }
    try {
      new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("the sender is not a mail address: " + from, e);
    }
  }

  /** Settings for a server that takes mail without login or TLS, such as the dev mailbox. */
  public static SmtpSettings plain(String host, int port, String from, Duration timeout) {
    return new SmtpSettings(host, port, from, null, null, false, timeout);
  }

  /** The settings with the password hidden, so they can be logged. */
  @Override
  public String toString() {
    return "SmtpSettings[host=" + host + ", port=" + port + ", from=" + from + ", username=" + username
        + ", password=" + (password == null ? "null" : "***") + ", startTls=" + startTls
        + ", timeout=" + timeout + "]";
  }
}
