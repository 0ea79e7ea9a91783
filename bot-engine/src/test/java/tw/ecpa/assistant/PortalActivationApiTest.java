package tw.ecpa.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seeds' activation path over real HTTP: an HR officer resets a never-used account, the employee
 * logs in with the mailed initial password, the portal stays closed until the password is changed
 * (with the birthday) and the custom account, e-mail and phone are set. Also the HR and administrator
 * permissions.
 */
class PortalActivationApiTest {

  @RegisterExtension
  static final RunningServer server = new RunningServer();

  static PortalClient loggedIn(String account, String password) {
    PortalClient client = new PortalClient(server);
    PortalClient.Reply login = client.login(account, password);
    assertEquals(200, login.status(), String.valueOf(login.body()));
    return client;
  }

  @Test
  void hrReset_thenFirstLogin_isHeldAtTheForcedSteps_untilActivationIsDone() {
    PortalClient hr = loggedIn("hrchang", "Hr-Demo2026!");
    PortalClient.Reply reset = hr.post("/api/hr/password-resets",
        Map.of("idNumber", "A220912344", "email", "lin.xh@mail.gov.tw"));
    assertEquals(202, reset.status(), String.valueOf(reset.body()));
    assertEquals("li***@mail.gov.tw", reset.body().get("email").asText());
    JsonNode mail = hr.awaitMail("lin.xh@mail.gov.tw", 1);
    assertTrue(mail.get("text").asText().contains("行政院人事行政總處 機關的 張人事"), mail.toString());
    String initial = DevMail.find(mail, "您的新密碼如下[：:]\\s*([A-Z0-9]{8})");

    PortalClient lin = new PortalClient(server);
    PortalClient.Reply login = lin.login("A220912344", initial);
    assertEquals(200, login.status());
    assertTrue(login.body().get("mustChangePassword").asBoolean());
    assertEquals("[\"password-change\",\"profile\"]", login.body().get("pending").toString());
    PortalClient.Reply blocked = lin.get("/api/admin/audit");
    assertEquals(403, blocked.status());
    assertEquals("password-change-required", blocked.error());
    assertEquals(403, lin.post("/api/hr/password-resets", Map.of("idNumber", "A123456789", "email", "a@b.tw")).status());
    assertEquals(200, lin.get("/api/me").status(), "the profile page stays open");

    PortalClient.Reply noBirthday = lin.post("/api/password/change",
        Map.of("currentPassword", initial, "newPassword", "Lin-New2026#", "confirmPassword", "Lin-New2026#"));
    assertEquals("wrong-birthday", noBirthday.error());
    assertEquals(204, lin.post("/api/password/change", Map.of("currentPassword", initial,
        "newPassword", "Lin-New2026#", "confirmPassword", "Lin-New2026#", "birthday", "0800520")).status());
    PortalClient.Reply stillBlocked = lin.get("/api/admin/audit");
    assertEquals("activation-required", stillBlocked.error());

    PortalClient.Reply badProfile = lin.post("/api/me/profile",
        Map.of("customAccount", "林小華", "email", "lin.xh@mail.gov.tw", "phone", "0912345678"));
    assertEquals(400, badProfile.status());
    assertTrue(badProfile.body().get("fields").has("customAccount"));
    PortalClient.Reply profile = lin.post("/api/me/profile",
        Map.of("customAccount", "linxh2026", "email", "lin.xh@mail.gov.tw", "phone", "02-23979108#321"));
    assertEquals(200, profile.status(), String.valueOf(profile.body()));
    assertTrue(profile.body().get("activated").asBoolean());
    assertEquals("forbidden", lin.get("/api/admin/audit").error(), "open now, but only to administrators");

    PortalClient again = loggedIn("LINXH2026", "Lin-New2026#");
    assertEquals("[]", again.get("/api/auth/session").body().get("pending").toString());
  }

  @Test
  void hrOfficer_ofAnotherOrganization_gets403_andAnEmployeeCannotResetAtAll() {
    PortalClient hr = loggedIn("hrchang", "Hr-Demo2026!");
    PortalClient.Reply other = hr.post("/api/hr/password-resets",
        Map.of("idNumber", "H120987659", "email", "chouzm@demo.ecpa.test"));
    assertEquals(403, other.status());
    assertEquals("other-organization", other.error());
    assertEquals(200, loggedIn("chouzm", "Chou-Demo2026!").get("/api/me").status(), "nothing changed");

    PortalClient employee = loggedIn("wangxm", "Wang-Demo2026!");
    assertEquals("forbidden", employee.post("/api/hr/password-resets",
        Map.of("idNumber", "A220912344", "email", "x@mail.gov.tw")).error());
    assertEquals(404, hr.post("/api/hr/password-resets", Map.of("idNumber", "A100000001", "email", "x@mail.gov.tw"))
        .status());
  }

  @Test
  void stateChangingRequests_withoutTheCsrfToken_areRefused() {
    PortalClient hr = loggedIn("hrchang", "Hr-Demo2026!");
    hr.dropCsrf();

    assertEquals("csrf", hr.post("/api/hr/password-resets", Map.of("idNumber", "A220912344", "email", "x@mail.gov.tw"))
        .error());
    assertEquals("csrf", hr.post("/api/password/change", Map.of("currentPassword", "Hr-Demo2026!",
        "newPassword", "Hr-New2026#x", "confirmPassword", "Hr-New2026#x")).error());
    assertEquals(401, new PortalClient(server).post("/api/password/change", Map.of()).status());
  }

  @Test
  void anAdministrator_listsTheAuditLog_withMaskedIdsOnly() {
    loggedIn("wangxm", "Wang-Demo2026!");
    new PortalClient(server).login("wangxm", "wrong-password");
    PortalClient admin = loggedIn("admin", "Admin-Demo2026!");

    PortalClient.Reply events = admin.get("/api/admin/audit?limit=50");
    assertEquals(200, events.status());
    String all = events.body().toString();
    assertTrue(all.contains("LOGIN_SUCCEEDED") && all.contains("LOGIN_FAILED"), all);
    assertTrue(all.contains("A1234*****"));
    assertFalse(all.contains("A123456789") || all.contains("wrong-password"), all);
    assertEquals("bad-request", admin.get("/api/admin/audit?limit=0").error());
  }
}
