package tw.ecpa.portal.mail.smtp;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.ecpa.portal.mail.MailException;
import tw.ecpa.portal.mail.MailMessage;
import tw.ecpa.portal.mail.Mailer;

/**
 * Sends mail over SMTP with Jakarta Mail (Eclipse Angus): plain text, subject and body in UTF-8, one
 * connection per message, bounded by the settings' timeout. Bodies are never logged.
 */
public final class SmtpMailer implements Mailer {

  private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);
  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private final SmtpSettings settings;
  private final Session session;
  private final InternetAddress from;
  private final Clock clock;

  /** Creates a mailer that stamps each mail's Date header from a clock. */
  public SmtpMailer(SmtpSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.from = sender(settings.from());
    this.session = Session.getInstance(properties(settings, from));
  }

  @Override
  public void send(MailMessage message) {
    try {
      MimeMessage mime = new MimeMessage(session);
      mime.setFrom(from);
      mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
      mime.setSubject(message.subject(), UTF_8);
      mime.setText(message.text(), UTF_8);
      mime.setSentDate(Date.from(clock.instant()));
      if (settings.username() != null) {
        Transport.send(mime, settings.username(), settings.password());
      } else {
        Transport.send(mime);
      }
    } catch (MessagingException e) {
      // The cause's own message is the server's or the socket's, never the body.
      throw new MailException("could not send mail to " + message.to() + " through " + settings.host() + ":"
          + settings.port() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
    LOG.debug("sent mail to {} with subject {}", message.to(), message.subject());
  }

  private static InternetAddress sender(String from) {
    try {
      InternetAddress parsed = new InternetAddress(from, true);
      // Re-made so the personal name is encoded as UTF-8 whatever the platform's charset.
      return parsed.getPersonal() == null
          ? parsed
          : new InternetAddress(parsed.getAddress(), parsed.getPersonal(), UTF_8);
    } catch (AddressException | UnsupportedEncodingException e) {
      throw new IllegalArgumentException("the sender is not a mail address: " + from, e);
    }
  }

  private static Properties properties(SmtpSettings settings, InternetAddress from) {
    String timeout = Long.toString(settings.timeout().toMillis());
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", "smtp");
    p.setProperty("mail.smtp.host", settings.host());
    p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
    p.setProperty("mail.smtp.from", from.getAddress());
    p.setProperty("mail.smtp.connectiontimeout", timeout);
    p.setProperty("mail.smtp.timeout", timeout);
    p.setProperty("mail.smtp.writetimeout", timeout);
    p.setProperty("mail.smtp.auth", Boolean.toString(settings.username() != null));
    p.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
    p.setProperty("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
    p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    return p;
  }
}
