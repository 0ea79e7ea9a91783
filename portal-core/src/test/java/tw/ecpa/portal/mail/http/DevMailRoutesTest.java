package tw.ecpa.portal.mail.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.mail.MailTemplates;
import tw.ecpa.portal.mail.dev.DevMailbox;
import tw.ecpa.portal.mail.smtp.SmtpMailer;
import tw.ecpa.portal.testing.MovableClock;

class DevMailRoutesTest {

  final HttpClient http = HttpClient.newHttpClient();
  final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T13:05:00Z"));
  DevMailbox mailbox;
  Javalin app;

  @BeforeEach
  void start() {
    mailbox = DevMailbox.start("127.0.0.1", clock);
    app = Javalin.create();
    new DevMailRoutes(mailbox).register(app);
    app.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    app.stop();
    mailbox.close();
  }

  HttpResponse<String> get() throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/dev/mail")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void get_sentMails_newestFirstAsJson() throws Exception {
    SmtpMailer mailer = new SmtpMailer(mailbox.smtpSettings(MailTemplates.SENDER), clock);
    MailTemplates templates = new MailTemplates("http://127.0.0.1:7070");
    mailer.send(templates.resetCode("wang@dgpa.gov.tw", "H9CN8NMC", "/reset/verify?otpcode=abc"));
    clock.advance(java.time.Duration.ofSeconds(30));
    mailer.send(templates.accountNotice("wang@dgpa.gov.tw", "wang0612"));

    HttpResponse<String> response = get();

    assertEquals(200, response.statusCode());
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode mails = new ObjectMapper().readTree(response.body());
    assertEquals(2, mails.size());
    JsonNode newest = mails.get(0);
    assertEquals("wang@dgpa.gov.tw", newest.get("to").asText());
    assertEquals(MailTemplates.RESET_CODE_SUBJECT, newest.get("subject").asText());
    assertTrue(newest.get("text").asText().contains("您的帳號如下：\n\nwang0612"));
    assertEquals("2026-11-23T13:05:30Z", newest.get("sentAt").asText());
    assertTrue(mails.get(1).get("text").asText().contains("您的認證碼：\n\nH9CN8NMC"));
    assertEquals("2026-11-23T13:05:00Z", mails.get(1).get("sentAt").asText());
  }

  @Test
  void get_manyMails_atMost200() throws Exception {
    // One SMTP connection for all of them keeps the test quick.
    Session session = Session.getInstance(new Properties());
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect("127.0.0.1", mailbox.port(), null, null);
      for (int i = 0; i < DevMailRoutes.MAX + 5; i++) {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("pemis@dgpa.gov.tw"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("u" + i + "@d.tw"));
        message.setSubject("第" + i + "封", "UTF-8");
        message.setText("內容", "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        message.saveChanges();
        transport.sendMessage(message, message.getAllRecipients());
      }
    }

    JsonNode mails = new ObjectMapper().readTree(get().body());

    assertEquals(DevMailRoutes.MAX, mails.size());
    assertEquals("u" + (DevMailRoutes.MAX + 4) + "@d.tw", mails.get(0).get("to").asText());
  }

  @Test
  void get_noMail_emptyArray() throws Exception {
    assertEquals("[]", get().body());
  }
}
