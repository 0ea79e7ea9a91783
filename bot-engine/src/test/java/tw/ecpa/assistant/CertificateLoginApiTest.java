package tw.ecpa.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The citizen- and organization-certificate logins over HTTP, the way the login page drives them: a
 * challenge from the portal, the demo card's signature through the simulated HiCOS component, the
 * login, and for a card used the first time, the account it binds to.
 */
class CertificateLoginApiTest {

  // Its tests bind demo cards and change a demo account's password: a server of their own each.
  @RegisterExtension
  static final RunningServer server = new RunningServer().freshForEachTest();

  /** Signs a fresh challenge of this kind with a demo card; returns the component's answer. */
  static JsonNode sign(PortalClient client, String kind, String card, String pin) {
    String challenge = client.post("/api/auth/" + kind + "/challenge", Map.of()).body().get("challenge").asText();
    return client.post("/sim/hicos/sign", Map.of("cardId", card, "pin", pin, "tbs", challenge)).body();
  }

  static PortalClient.Reply login(PortalClient client, String kind, String card) {
    JsonNode signed = sign(client, kind, card, "123456");
    assertEquals("0x00000000", signed.get("retCode").asText(), signed.toString());
    return client.post("/api/auth/" + kind + "/login", Map.of("signedData", signed.get("signedData").asText()));
  }

  @Test
  void theMethods_offerTheCertificateLogins() {
    JsonNode methods = new PortalClient(server).get("/api/auth/methods").body();
    assertEquals(5, methods.size());
    methods.forEach(method -> assertTrue(method.get("enabled").asBoolean(), method.toString()));
    assertEquals("自然人憑證", methods.get(1).get("name").asText());
    assertEquals("/sim/hicos", methods.get(1).get("component").asText());
    assertEquals("gca", methods.get(2).get("id").asText());
  }

  @Test
  void aCardsFirstLogin_bindsItToTheAccountTyped_andLaterLoginsNeedOnlyThePin() {
    PortalClient first = new PortalClient(server);
    PortalClient.Reply binding = login(first, "moica", "moica-h7659");
    assertEquals(200, binding.status(), String.valueOf(binding.body()));
    assertTrue(binding.body().get("bindingRequired").asBoolean());
    assertEquals("周志明", binding.body().get("holderName").asText());
    String ticket = binding.body().get("ticket").asText();

    PortalClient.Reply other = first.post("/api/auth/moica/bind", Map.of("ticket", ticket, "account", "wangxm"));
    assertEquals(400, other.status());
    assertEquals("not-same-person", other.body().get("error").asText());
    assertTrue(other.body().get("message").asText().contains("並不是同一個使用者"));
    assertEquals(2, other.body().get("triesLeft").asInt());

    PortalClient.Reply bound = first.post("/api/auth/moica/bind", Map.of("ticket", ticket, "account", "chouzm"));
    assertEquals(200, bound.status(), String.valueOf(bound.body()));
    assertEquals("moica", bound.body().get("loginMethod").asText());
    JsonNode session = first.get("/api/auth/session").body();
    assertEquals("moica", session.get("loginMethod").asText());
    assertEquals("周志明", session.get("user").get("name").asText());
    assertEquals(400, first.post("/api/auth/moica/bind", Map.of("ticket", ticket, "account", "chouzm")).status(),
        "a ticket is single use");

    PortalClient later = new PortalClient(server);
    PortalClient.Reply again = login(later, "moica", "moica-h7659");
    assertEquals(200, again.status());
    assertFalse(again.body().has("bindingRequired"));
    assertEquals("chouzm", again.body().get("user").get("account").asText());
  }

  @Test
  void aRenewedCard_isBoundByItsLoggedInHolder_andThenLogsInWithoutAsking() {
    PortalClient holder = new PortalClient(server);
    assertEquals(200, holder.login("wangxm", "Wang-Demo2026!").status());
    JsonNode other = sign(holder, "moica", "moica-h7659", "123456");
    PortalClient.Reply refused = holder.post("/api/me/certificates", Map.of("signedData", other.get("signedData").asText()));
    assertEquals(400, refused.status(), "周志明's card is not 王小明's");
    assertEquals("not-same-person", refused.body().get("error").asText());

    JsonNode renewed = sign(holder, "moica", "moica-renewed", "123456");
    PortalClient.Reply bound = holder.post("/api/me/certificates", Map.of("signedData", renewed.get("signedData").asText()));
    assertEquals(200, bound.status(), String.valueOf(bound.body()));
    assertEquals("王小明", bound.body().get("holderName").asText());
    assertEquals(401, new PortalClient(server).post("/api/me/certificates",
        Map.of("signedData", renewed.get("signedData").asText())).status(), "only a logged-in holder binds");

    PortalClient.Reply again = login(new PortalClient(server), "moica", "moica-renewed");
    assertEquals("wangxm", again.body().get("user").get("account").asText(), String.valueOf(again.body()));
  }

  @Test
  void aCardLogin_letsTheUserSetANewPassword_withoutTheOldOne() {
    PortalClient client = new PortalClient(server);
    PortalClient.Reply first = login(client, "moica", "moica-k6788");
    if (first.body().has("bindingRequired")) {
      assertEquals(200, client.post("/api/auth/moica/bind",
          Map.of("ticket", first.body().get("ticket").asText(), "account", "K123456788")).status());
    }
    assertEquals("moica", client.get("/api/auth/session").body().get("loginMethod").asText());

    PortalClient.Reply changed = client.post("/api/password/change",
        Map.of("newPassword", "Card-Reset2026!", "confirmPassword", "Card-Reset2026!"));
    assertEquals(204, changed.status(), String.valueOf(changed.body()));
    assertEquals(200, new PortalClient(server).login("kbeditor", "Card-Reset2026!").status());

    PortalClient byPassword = new PortalClient(server);
    byPassword.login("kbeditor", "Card-Reset2026!");
    assertEquals(400, byPassword.post("/api/password/change",
        Map.of("newPassword", "Other-Reset2026!", "confirmPassword", "Other-Reset2026!")).status(),
        "a password session still needs the old password");
  }

  @Test
  void brokenCertificates_andReplays_areRefusedWithTheSeedsMessages() {
    PortalClient client = new PortalClient(server);
    Map<String, String> expected = Map.of("moica-expired", "過期", "moica-revoked", "廢止",
        "moica-untrusted", "信任", "moica-not-yet-valid", "生效");
    expected.forEach((card, words) -> {
      PortalClient.Reply refused = login(client, "moica", card);
      assertEquals(401, refused.status(), card);
      assertEquals("certificate-rejected", refused.body().get("error").asText());
      assertTrue(refused.body().get("message").asText().contains(words), card + ": " + refused.body());
    });

    JsonNode signed = sign(client, "moica", "moica-k6788", "123456");
    Map<String, String> body = Map.of("signedData", signed.get("signedData").asText());
    assertEquals(200, client.post("/api/auth/moica/login", body).status());
    PortalClient.Reply replay = client.post("/api/auth/moica/login", body);
    assertEquals(401, replay.status(), "the challenge was used up");
    assertEquals(400, client.post("/api/auth/moica/login", Map.of("signedData", "not base64!")).status());
    assertEquals(400, client.post("/api/auth/moica/login", Map.of()).status());
  }

  @Test
  void threeWrongPins_lockTheCard_withTheComponentsCodes() {
    PortalClient client = new PortalClient(server);
    JsonNode first = sign(client, "moica", "moica-b1232", "000000");
    assertEquals("0x76100006", first.get("retCode").asText());
    assertEquals(2, first.get("triesLeft").asInt());
    assertEquals(1, sign(client, "moica", "moica-b1232", "000000").get("triesLeft").asInt());
    JsonNode locked = sign(client, "moica", "moica-b1232", "000000");
    assertEquals("0xA4", locked.get("pinDetail").asText());
    assertTrue(locked.get("message").asText().contains("解卡"));
    assertEquals("0xA4", sign(client, "moica", "moica-b1232", "123456").get("pinDetail").asText(),
        "locked even for the right PIN");
  }

  @Test
  void anOrganizationCertificate_opensOnlyItsOrganizationsPasswordReset() {
    PortalClient hr = new PortalClient(server);
    PortalClient.Reply in = login(hr, "gca", "gca-376480000a");
    assertEquals(200, in.status(), String.valueOf(in.body()));
    assertEquals("行政院人事行政總處", in.body().get("organization").get("name").asText());
    assertEquals("gca", hr.get("/api/auth/session").body().get("loginMethod").asText());
    assertEquals("organization-session", hr.get("/api/me").body().get("error").asText());

    PortalClient.Reply own = hr.post("/api/hr/password-resets",
        Map.of("idNumber", "A220912344", "email", "linxh@demo.ecpa.test"));
    assertEquals(202, own.status(), String.valueOf(own.body()));
    assertTrue(hr.awaitMail("linxh@demo.ecpa.test", 1).get("text").asText().contains("行政院人事行政總處 機關的 機關憑證"));
    PortalClient.Reply other = hr.post("/api/hr/password-resets",
        Map.of("idNumber", "H120987659", "email", "chouzm@demo.ecpa.test"));
    assertEquals(403, other.status());
    assertEquals("other-organization", other.body().get("error").asText());

    PortalClient unknown = new PortalClient(server);
    PortalClient.Reply refused = login(unknown, "gca", "gca-unknown");
    assertEquals(400, refused.status());
    assertEquals("unknown-organization", refused.body().get("error").asText());
    assertEquals(401, login(unknown, "moica", "gca-376480000a").status(), "an organization card is no citizen card");
  }
}
