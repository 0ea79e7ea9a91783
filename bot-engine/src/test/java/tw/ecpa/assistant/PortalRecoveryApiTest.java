package tw.ecpa.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Forgot password, mailbox re-verification, verify code and reset over real HTTP, with the mails going
 * over real SMTP to the embedded mailbox and read back from {@code /dev/mail}.
 */
class PortalRecoveryApiTest {

  static final String CODE = "您的認證碼[：:]\\s*([A-Z0-9]{8})";
  // Its tests reset demo accounts' passwords and spend their reset limits: a server of their own each.
  @RegisterExtension
  static final RunningServer server = new RunningServer().freshForEachTest();

  static Map<String, Object> forgot(PortalClient client, String idNumber, String email, boolean sendAccount) {
    Map<String, Object> body = new HashMap<>(client.captcha());
    body.put("idNumber", idNumber);
    body.put("email", email);
    body.put("sendAccount", sendAccount);
    return body;
  }

  @Test
  void forgotPassword_mailCodeAndNewPassword_thenLoginWithIt_andTheCodeIsSpent() {
    PortalClient client = new PortalClient(server);
    PortalClient.Reply accepted = client.post("/api/password/forgot",
        forgot(client, "A123456789", "WangXM@demo.ecpa.test", true));
    assertEquals(202, accepted.status(), String.valueOf(accepted.body()));

    JsonNode mail = client.awaitMail("wangxm@demo.ecpa.test", 2);
    JsonNode codeMail = client.mailsTo("wangxm@demo.ecpa.test").stream()
        .filter(m -> m.get("text").asText().contains("您的認證碼")).findFirst().orElseThrow();
    assertEquals("行政院人事行政總處 人事服務網密碼重設認證碼通知！(非社交工程演練)", codeMail.get("subject").asText());
    assertTrue(client.mailsTo("wangxm@demo.ecpa.test").stream()
        .anyMatch(m -> m.get("text").asText().contains("wangxm")), "the account notice, as asked: " + mail);
    String code = DevMail.find(codeMail, CODE);
    assertTrue(codeMail.get("text").asText().contains(server.base() + "/password/verify.html?code=" + code));

    PortalClient.Reply verified = client.post("/api/password/verify-code", Map.of("accountOrId", "wangxm", "code", code));
    assertEquals(200, verified.status());
    String token = verified.body().get("resetToken").asText();
    PortalClient.Reply weak = client.post("/api/password/reset",
        Map.of("resetToken", token, "newPassword", "short1!", "confirmPassword", "short1!"));
    assertEquals(400, weak.status());
    assertEquals("password-rules", weak.error());
    assertEquals("MIN_LENGTH", weak.body().get("rules").get(0).get("rule").asText());
    assertTrue(weak.body().get("message").asText().contains("密碼長度需8碼以上"));
    PortalClient.Reply reset = client.post("/api/password/reset",
        Map.of("resetToken", token, "newPassword", "Wang-New2026#", "confirmPassword", "Wang-New2026#"));
    assertEquals(204, reset.status());

    assertEquals(401, client.login("wangxm", "Wang-Demo2026!").status());
    assertEquals(200, client.login("wangxm", "Wang-New2026#").status());
    PortalClient.Reply again = client.post("/api/password/verify-code", Map.of("accountOrId", "wangxm", "code", code));
    assertEquals(400, again.status());
    assertEquals("invalid-code", again.error());
    assertEquals(400, client.post("/api/password/reset",
        Map.of("resetToken", token, "newPassword", "Wang-New2027#", "confirmPassword", "Wang-New2027#")).status());
    client.awaitMail("wangxm@demo.ecpa.test", 3);
  }

  @Test
  void forgotPassword_answersTheSame_whetherOrNotTheIdAndEmailMatch() {
    PortalClient client = new PortalClient(server);
    PortalClient.Reply known = client.post("/api/password/forgot",
        forgot(client, "H120987659", "chouzm@demo.ecpa.test", false));
    PortalClient.Reply wrongEmail = client.post("/api/password/forgot",
        forgot(client, "H120987659", "someone@demo.ecpa.test", false));
    PortalClient.Reply unknown = client.post("/api/password/forgot",
        forgot(client, "A100000001", "nobody@demo.ecpa.test", false));

    assertEquals(202, known.status());
    assertEquals(known.status(), unknown.status());
    assertEquals(known.body(), unknown.body());
    assertEquals(known.body(), wrongEmail.body());
    client.awaitMail("chouzm@demo.ecpa.test", 1);
    assertEquals(java.util.List.of(), client.mailsTo("someone@demo.ecpa.test"));
    assertEquals(java.util.List.of(), client.mailsTo("nobody@demo.ecpa.test"));
  }

  @Test
  void aLockedAccount_isUnlockedThroughTheReset() {
    PortalClient client = new PortalClient(server);
    assertEquals(423, client.login("chenml", "Chen-Demo2026!").status());

    assertEquals(202, client.post("/api/password/forgot",
        forgot(client, "B223451232", "chenml@demo.ecpa.test", false)).status());
    String code = DevMail.find(client.awaitMail("chenml@demo.ecpa.test", 1), CODE);
    String token = client.post("/api/password/verify-code", Map.of("accountOrId", "B223451232", "code", code.toLowerCase()))
        .body().get("resetToken").asText();
    assertEquals(204, client.post("/api/password/reset",
        Map.of("resetToken", token, "newPassword", "Chen-New2026#", "confirmPassword", "Chen-New2026#")).status());

    assertEquals(200, client.login("chenml", "Chen-New2026#").status());
  }

  @Test
  void aWrongOrReusedCaptcha_isRefused_beforeAnythingElse() {
    PortalClient client = new PortalClient(server);
    Map<String, Object> body = forgot(client, "A123456789", "wangxm@demo.ecpa.test", false);
    Map<String, Object> wrong = new HashMap<>(body);
    wrong.put("captchaAnswer", "zzzzz");

    PortalClient.Reply refused = client.post("/api/password/forgot", wrong);
    assertEquals(400, refused.status());
    assertEquals("captcha", refused.error());
    assertEquals("captcha", client.post("/api/password/forgot", body).error(), "a captcha is used up by one try");
  }

  @Test
  void badInput_getsAClearZhTw400() {
    PortalClient client = new PortalClient(server);
    PortalClient.Reply badId = client.post("/api/password/forgot", forgot(client, "A123456788", "a@b.tw", false));
    assertEquals("invalid-id-number", badId.error());
    assertEquals(400, client.send("POST", "/api/password/forgot", "not json").status());
    assertEquals(400, client.send("POST", "/api/password/verify-code", "[]").status());
    PortalClient.Reply missing = client.post("/api/password/reset", Map.of("resetToken", "x"));
    assertEquals(400, missing.status());
    assertTrue(missing.body().get("message").asText().contains("新密碼"));
  }

  @Test
  void mailboxReverification_setsTheNewAddress_andSendsTheCodeThere() {
    PortalClient client = new PortalClient(server);
    Map<String, Object> body = new HashMap<>(client.captcha());
    body.putAll(Map.of("idNumber", "F128705611", "birthday", "0690315", "onDutyDate", "1050801",
        "email", "hr.new@mail.gov.tw"));
    Map<String, Object> wrongDate = new HashMap<>(client.captcha());
    wrongDate.putAll(Map.of("idNumber", "F128705611", "birthday", "0690316", "onDutyDate", "1050801",
        "email", "hr.other@mail.gov.tw"));

    PortalClient.Reply matched = client.post("/api/mailbox/reverify", body);
    PortalClient.Reply unmatched = client.post("/api/mailbox/reverify", wrongDate);
    assertEquals(202, matched.status());
    assertEquals(matched.body(), unmatched.body());
    String code = DevMail.find(client.awaitMail("hr.new@mail.gov.tw", 1), CODE);
    assertEquals(200, client.post("/api/password/verify-code", Map.of("accountOrId", "hrchang", "code", code)).status());
    assertEquals(java.util.List.of(), client.mailsTo("hr.other@mail.gov.tw"));
    Map<String, Object> badDate = new HashMap<>(client.captcha());
    badDate.putAll(Map.of("idNumber", "F128705611", "birthday", "19800315", "onDutyDate", "1050801",
        "email", "hr.new@mail.gov.tw"));
    assertEquals("invalid-date", client.post("/api/mailbox/reverify", badDate).error());
  }

  @Test
  void mailsAndResponses_neverCarryAFullIdNumber() {
    PortalClient client = new PortalClient(server);
    client.post("/api/password/forgot", forgot(client, "H120987659", "chouzm@demo.ecpa.test", true));
    client.awaitMail("chouzm@demo.ecpa.test", 1);

    assertFalse(client.get("/dev/mail").body().toString().contains("H120987659"));
  }
}
