package tw.ecpa.portal.mail.dev;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.ecpa.portal.mail.smtp.SmtpSettings;

/**
 * The default run's mailbox: an embedded SMTP server (GreenMail) that accepts every mail for every
 * address and keeps the latest ones, decoded, so a demo user can read a reset code and finish a reset
 * by hand. The portal sends to it through the ordinary SMTP mailer.
 *
 * <p>It keeps the newest {@link #KEPT} mails; it is for demos and tests, never for production.
 */
public final class DevMailbox implements AutoCloseable {

  /** How many mails the mailbox remembers; older ones are forgotten. */
  public static final int KEPT = 500;

  private static final Logger LOG = LoggerFactory.getLogger(DevMailbox.class);

  private final GreenMail server;
  private final String host;
  private final Clock clock;
  private final Deque<ReceivedMail> mails = new ArrayDeque<>();
  private volatile int port;

  private DevMailbox(GreenMail server, String host, Clock clock) {
    this.server = server;
    this.host = host;
    this.clock = clock;
  }

  /**
   * Starts a mailbox listening on a free port of an address such as {@code 127.0.0.1}.
   *
   * @param clock when a mail that carries no Date header is taken to have been sent: when it arrived
   * @throws IllegalStateException when the server does not start
   */
  public static DevMailbox start(String bindAddress, Clock clock) {
    Objects.requireNonNull(bindAddress, "bindAddress");
    ServerSetup setup = new ServerSetup(0, bindAddress, ServerSetup.PROTOCOL_SMTP);
    setup.setServerStartupTimeout(Duration.ofSeconds(10).toMillis());
    GreenMail server = new GreenMail(setup);
    DevMailbox mailbox = new DevMailbox(server, connectHost(bindAddress), clock);
    UserManager users = server.getUserManager();
    MessageDeliveryHandler deliver = users.getMessageDeliveryHandler();
    users.setMessageDeliveryHandler((message, recipient) -> {
      mailbox.keep(message, recipient.getEmail());
      return deliver.handle(message, recipient);
    });
    try {
      server.start();
    } catch (RuntimeException e) {
      server.stop();
      throw new IllegalStateException("the dev mailbox did not start on " + bindAddress, e);
    }
    mailbox.port = server.getSmtp().getPort();
    LOG.info("dev mailbox listening on {}:{}", bindAddress, mailbox.port());
    return mailbox;
  }

  /** The port the SMTP server listens (or, once closed, listened) on. */
  public int port() {
    return port;
  }

  /**
   * Settings for sending to this mailbox from a sender such as {@code 行政院人事行政總處 <pemis@dgpa.gov.tw>}:
   * no login, no TLS, a ten-second timeout.
   */
  public SmtpSettings smtpSettings(String from) {
    return SmtpSettings.plain(host, port(), from, Duration.ofSeconds(10));
  }

  /** Up to {@code max} of the latest mails, newest first. */
  public List<ReceivedMail> recent(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must not be negative");
    }
    synchronized (mails) {
      List<ReceivedMail> out = new ArrayList<>(Math.min(max, mails.size()));
      Iterator<ReceivedMail> newestFirst = mails.iterator();
      while (out.size() < max && newestFirst.hasNext()) {
        out.add(newestFirst.next());
      }
      return out;
    }
  }

  /** Stops the SMTP server; the mails read so far stay readable. */
  @Override
  public void close() {
    server.stop();
  }

  private void keep(MovingMessage message, String recipient) {
    ReceivedMail mail = decode(message.getMessage(), recipient, clock.instant());
    synchronized (mails) {
      mails.addFirst(mail);
      while (mails.size() > KEPT) {
        mails.removeLast();
      }
    }
  }

  static ReceivedMail decode(MimeMessage message, String recipient, Instant arrived) {
    String subject;
    String text;
    Instant sentAt;
    try {
      subject = Objects.requireNonNullElse(message.getSubject(), "");
      sentAt = message.getSentDate() == null ? arrived : message.getSentDate().toInstant();
      text = plainText(message);
    } catch (MessagingException | IOException | RuntimeException e) {
      // A mail that cannot be decoded is still shown, so a broken sender is noticed.
      LOG.warn("dev mailbox could not decode a mail to {}: {}", recipient, e.toString());
      return new ReceivedMail(recipient, "(無法解碼的郵件)", "", arrived);
    }
    return new ReceivedMail(recipient, subject, text.replace("\r\n", "\n"), sentAt);
  }

  private static String plainText(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/*")) {
      Object content = part.getContent();
      return content instanceof String s ? s : "";
    }
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        if (child.isMimeType("text/plain")) {
          return plainText(child);
        }
      }
      return multipart.getCount() > 0 ? plainText(multipart.getBodyPart(0)) : "";
    }
    return "";
  }

  /** Where a client on this machine connects: the bind address, or loopback for a wildcard one. */
  private static String connectHost(String bindAddress) {
    try {
      return InetAddress.getByName(bindAddress).isAnyLocalAddress() ? "127.0.0.1" : bindAddress;
    } catch (UnknownHostException e) {
      return bindAddress;
    }
  }
}
