package tw.ecpa.portal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

  final MailTemplates templates = new MailTemplates("http://127.0.0.1:7070/");

  @Test
  void resetCode_seedSubjectCodeAndLink() {
    MailMessage mail = templates.resetCode("user@dgpa.gov.tw", "H9CN8NMC",
        "http://127.0.0.1:7070/home/checktoken?otpcode=2de749f38897b43ce98f67534f24d4a7");
    assertEquals("user@dgpa.gov.tw", mail.to());
    assertEquals("行政院人事行政總處 人事服務網密碼重設認證碼通知！(非社交工程演練)", mail.subject());
    assertTrue(mail.text().startsWith("您好：\n\n這封信是由人事服務網(eCPA)所寄送的密碼重設或帳號解鎖之信件。"));
    assertTrue(mail.text().contains("會員密碼重設認證碼說明"));
    assertTrue(mail.text().contains(
        "請使用下方連結進行密碼重設：\n\nhttp://127.0.0.1:7070/home/checktoken?otpcode=2de749f38897b43ce98f67534f24d4a7\n"));
    assertTrue(mail.text().contains("您的認證碼：\n\nH9CN8NMC\n"));
    assertTrue(mail.text().contains("(24小時後將失效)"));
    assertTrue(mail.text().contains("02-23979108 (開放時間：上午 9:00~12:00 下午 14:00~17:00)"));
    assertTrue(mail.text().contains("感謝您的使用，祝您愉快！"));
  }

  @Test
  void resetCode_seedTypo_corrected() {
    String text = templates.resetCode("user@dgpa.gov.tw", "H9CN8NMC", "/reset?t=1").text();
    assertTrue(text.contains("以保護您的密碼安全性"));
    assertFalse(text.contains("已保護"));
  }

  @Test
  void resetCode_pathLink_resolvedOnThePortal() {
    String text = templates.resetCode("user@dgpa.gov.tw", "H9CN8NMC", "/reset/verify?otpcode=abc").text();
    assertTrue(text.contains("\nhttp://127.0.0.1:7070/reset/verify?otpcode=abc\n"));
  }

  @Test
  void accountNotice_carriesTheAccountUnderTheSeedSubject() {
    MailMessage mail = templates.accountNotice("user@dgpa.gov.tw", "wang0612");
    assertEquals(MailTemplates.RESET_CODE_SUBJECT, mail.subject());
    assertTrue(mail.text().contains("所寄送的帳號通知之信件"));
    assertTrue(mail.text().contains("帳號通知說明"));
    assertTrue(mail.text().contains("您的帳號如下：\n\nwang0612\n"));
    assertTrue(mail.text().contains("http://127.0.0.1:7070"));
  }

  @Test
  void accountNotice_identityNumber_refused() {
    assertThrows(IllegalArgumentException.class, () -> templates.accountNotice("user@dgpa.gov.tw", "A123456789"));
  }

  @Test
  void hrReset_namesOfficerAndPasswordAndIdNumberLogin() {
    MailMessage mail = templates.hrReset("user@dgpa.gov.tw", "行政院人事行政總處", "人科長", "K5L6H5W8");
    assertEquals("行政院人事行政總處 人事服務網密碼重設通知！(非社交工程演練)", mail.subject());
    assertTrue(mail.text().contains(
        "這封信是由 人事服務網 所寄送的密碼重設之信件。您收到這封信件，是因為 行政院人事行政總處 機關的 人科長 在 人事服務網 要求密碼重設。"));
    assertTrue(mail.text().contains("系統接受 行政院人事行政總處 機關的 人科長 申請而重新寄送一組自動產生的新密碼"));
    assertTrue(mail.text().contains("您的新密碼如下：\n\nK5L6H5W8\n"));
    assertTrue(mail.text().contains("(請在新密碼登入後立即變更您的密碼以增加安全性)"));
    assertTrue(mail.text().contains("請進入 ECPA(http://127.0.0.1:7070)後，於帳號登入區域，帳號請輸入身分證字號"));
  }

  @Test
  void hrReset_identityNumberInAName_masked() {
    String text = templates.hrReset("user@dgpa.gov.tw", "人事處", "A123456789", "K5L6H5W8").text();
    assertFalse(text.contains("A123456789"));
    assertTrue(text.contains("A1234*****"));
  }

  @Test
  void passwordChanged_writesTaipeiTimeInRocYears() {
    MailMessage mail = templates.passwordChanged("user@dgpa.gov.tw", Instant.parse("2026-11-23T13:05:00Z"));
    assertEquals(MailTemplates.PASSWORD_CHANGED_SUBJECT, mail.subject());
    assertTrue(mail.text().contains("已於 115年11月23日 21時05分 完成重設或變更"), mail.text());
    assertTrue(mail.text().contains("02-23979108"));
    assertTrue(mail.text().contains("「忘記密碼」"));
  }

  @Test
  void written_earlyMorning_hourUnpaddedMinutesPadded() {
    assertEquals("115年1月2日 8時07分", MailTemplates.written(Instant.parse("2026-01-02T00:07:59Z")));
  }

  @Test
  void everyMail_marksItselfAsNoPhishingDrill() {
    Instant at = Instant.parse("2026-11-23T13:05:00Z");
    for (MailMessage mail : new MailMessage[] {
        templates.resetCode("u@d.tw", "C", "/x"), templates.accountNotice("u@d.tw", "acct1"),
        templates.hrReset("u@d.tw", "機關", "人員", "P"), templates.passwordChanged("u@d.tw", at)}) {
      assertTrue(mail.subject().startsWith("行政院人事行政總處 人事服務網"), mail.subject());
      assertTrue(mail.subject().endsWith("(非社交工程演練)"), mail.subject());
    }
  }

  @Test
  void create_baseUrlWithoutScheme_refused() {
    assertThrows(IllegalArgumentException.class, () -> new MailTemplates("127.0.0.1:7070"));
  }

  @Test
  void resetCode_blankCode_refused() {
    assertThrows(IllegalArgumentException.class, () -> templates.resetCode("u@d.tw", " ", "/x"));
  }
}
