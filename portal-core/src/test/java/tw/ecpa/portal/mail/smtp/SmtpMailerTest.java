package tw.ecpa.portal.mail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.mail.MailException;
import tw.ecpa.portal.mail.MailMessage;
import tw.ecpa.portal.mail.MailTemplates;
import tw.ecpa.portal.testing.MovableClock;

class SmtpMailerTest {

  static final String BODY = "您好：\n\n您的認證碼：\n\nH9CN8NMC\n\n感謝您的使用，祝您愉快！\n";

  GreenMail server;

  @BeforeEach
  void startServer() {
    server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  SmtpSettings settings(int port) {
    return SmtpSettings.plain("127.0.0.1", port, MailTemplates.SENDER, Duration.ofSeconds(5));
  }

  @Test
  void send_chineseMail_arrivesIntact() throws Exception {
    MovableClock clock = new MovableClock(Instant.parse("2026-11-23T13:05:07Z"));
    new SmtpMailer(settings(server.getSmtp().getPort()), clock)
        .send(new MailMessage("wang@dgpa.gov.tw", MailTemplates.RESET_CODE_SUBJECT, BODY));

    MimeMessage[] received = server.getReceivedMessages();
    assertEquals(1, received.length);
    MimeMessage mail = received[0];
    assertEquals("wang@dgpa.gov.tw", ((InternetAddress) mail.getAllRecipients()[0]).getAddress());
    assertEquals(MailTemplates.RESET_CODE_SUBJECT, mail.getSubject());
    assertEquals(BODY, ((String) mail.getContent()).replace("\r\n", "\n"));
    assertTrue(mail.getContentType().toLowerCase().contains("charset=utf-8"), mail.getContentType());
    InternetAddress from = (InternetAddress) mail.getFrom()[0];
    assertEquals("pemis@dgpa.gov.tw", from.getAddress());
    assertEquals("行政院人事行政總處", from.getPersonal());
    assertTrue(mail.getHeader("From")[0].toUpperCase().contains("=?UTF-8?"), mail.getHeader("From")[0]);
    assertEquals(Instant.parse("2026-11-23T13:05:07Z"), mail.getSentDate().toInstant());
  }

  @Test
  void send_closedPort_mailExceptionWithoutBody() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    SmtpMailer mailer = new SmtpMailer(
        SmtpSettings.plain("127.0.0.1", closed, MailTemplates.SENDER, Duration.ofMillis(500)), new MovableClock());

    MailException e = assertThrows(MailException.class,
        () -> mailer.send(new MailMessage("wang@dgpa.gov.tw", "主旨", BODY)));
    assertTrue(e.getMessage().contains("127.0.0.1:" + closed), e.getMessage());
    assertFalse(e.getMessage().contains("H9CN8NMC"), e.getMessage());
    assertFalse(e.getMessage().contains("認證碼"), e.getMessage());
  }

  @Test
  void send_silentServer_timesOut() throws IOException {
    // The kernel accepts the connection into the backlog, but no greeting ever comes.
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      SmtpMailer mailer = new SmtpMailer(
          SmtpSettings.plain("127.0.0.1", silent.getLocalPort(), MailTemplates.SENDER, Duration.ofMillis(300)),
          new MovableClock());
      long started = System.nanoTime();

      MailException e = assertThrows(MailException.class,
          () -> mailer.send(new MailMessage("wang@dgpa.gov.tw", "主旨", BODY)));
      assertFalse(e.getMessage().contains("H9CN8NMC"), e.getMessage());
      assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, "the timeout applies");
    }
  }

  @Test
  void settings_toString_hidesThePassword() {
    SmtpSettings s = new SmtpSettings("smtp.example.tw", 587, MailTemplates.SENDER, "pemis", "s3cret!",
        true, Duration.ofSeconds(10));
    assertFalse(s.toString().contains("s3cret!"));
    assertTrue(s.toString().contains("pemis"));
  }

  @Test
  void settings_badValues_refused() {
    Duration t = Duration.ofSeconds(1);
    assertThrows(IllegalArgumentException.class, () -> SmtpSettings.plain("h", 0, MailTemplates.SENDER, t));
    assertThrows(IllegalArgumentException.class, () -> SmtpSettings.plain(" ", 25, MailTemplates.SENDER, t));
    assertThrows(IllegalArgumentException.class, () -> SmtpSettings.plain("h", 25, "not an address", t));
    assertThrows(IllegalArgumentException.class, () -> SmtpSettings.plain("h", 25, MailTemplates.SENDER, Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> new SmtpSettings("h", 25, MailTemplates.SENDER, "user", null, false, t));
  }
}
