package tw.ecpa.portal.mail.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.mail.MailMessage;
import tw.ecpa.portal.mail.MailTemplates;
import tw.ecpa.portal.mail.smtp.SmtpMailer;
import tw.ecpa.portal.testing.MovableClock;

class DevMailboxTest {

  final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T13:05:00Z"));
  final DevMailbox mailbox = DevMailbox.start("127.0.0.1", clock);
  final SmtpMailer mailer = new SmtpMailer(mailbox.smtpSettings(MailTemplates.SENDER), clock);
  final MailTemplates templates = new MailTemplates("http://127.0.0.1:7070");

  @AfterEach
  void close() {
    mailbox.close();
  }

  @Test
  void start_listensOnAFreePort() {
    assertTrue(mailbox.port() > 0);
    assertEquals(List.of(), mailbox.recent(10));
  }

  @Test
  void recent_realSmtpMail_decoded() {
    MailMessage sent = templates.resetCode("wang@dgpa.gov.tw", "H9CN8NMC", "/reset/verify?otpcode=abc");
    mailer.send(sent);

    List<ReceivedMail> mails = mailbox.recent(10);
    assertEquals(1, mails.size());
    ReceivedMail mail = mails.get(0);
    assertEquals("wang@dgpa.gov.tw", mail.to());
    assertEquals(sent.subject(), mail.subject());
    assertEquals(sent.text(), mail.text());
    assertEquals(clock.instant(), mail.sentAt());
  }

  @Test
  void recent_newestFirst_upToMax() {
    for (String to : List.of("first@d.tw", "second@d.tw", "third@d.tw")) {
      mailer.send(new MailMessage(to, "通知", "內容 " + to));
      clock.advance(java.time.Duration.ofMinutes(1));
    }

    assertEquals(List.of("third@d.tw", "second@d.tw", "first@d.tw"),
        mailbox.recent(10).stream().map(ReceivedMail::to).toList());
    assertEquals(List.of("third@d.tw", "second@d.tw"), mailbox.recent(2).stream().map(ReceivedMail::to).toList());
    assertEquals(List.of(), mailbox.recent(0));
    assertThrows(IllegalArgumentException.class, () -> mailbox.recent(-1));
  }

  @Test
  void smtpSettings_wildcardBind_connectsOverLoopback() {
    try (DevMailbox any = DevMailbox.start("0.0.0.0", clock)) {
      assertEquals("127.0.0.1", any.smtpSettings(MailTemplates.SENDER).host());
      new SmtpMailer(any.smtpSettings(MailTemplates.SENDER), clock).send(new MailMessage("a@d.tw", "主旨", "內容"));
      assertEquals("內容", any.recent(1).get(0).text());
    }
  }
}
