package tw.ecpa.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tw.ecpa.portal.testing.MovableClock;

/**
 * A server that has been up for a week, far past the demo CA's one-day CRL period, still verifies cards and
 * phones: the demo CA issues a current CRL whenever asked, and still lists the revoked card on it.
 */
class CardsAfterAWeekApiTest {

  static final MovableClock CLOCK = new MovableClock(MovableClock.WORKING_MORNING);
  @RegisterExtension
  static final RunningServer server = new RunningServer().clock(CLOCK);

  @Test
  void aWeekAfterTheStart_certificatesAndPhonesStillLogIn_andTheRevokedCardIsStillRefused() {
    CLOCK.advance(Duration.ofDays(8));

    PortalClient.Reply citizen = CertificateLoginApiTest.login(new PortalClient(server), "moica", "moica-h7659");
    assertEquals(200, citizen.status(), String.valueOf(citizen.body()));
    assertTrue(citizen.body().get("bindingRequired").asBoolean());
    PortalClient.Reply revoked = CertificateLoginApiTest.login(new PortalClient(server), "moica", "moica-revoked");
    assertEquals(401, revoked.status());
    assertTrue(revoked.body().get("message").asText().contains("廢止"), "checked against a current CRL: " + revoked.body());
    PortalClient.Reply organization = CertificateLoginApiTest.login(new PortalClient(server), "gca", "gca-376480000a");
    assertEquals(200, organization.status(), String.valueOf(organization.body()));

    PortalClient phone = new PortalClient(server);
    String transaction = phone.post("/api/auth/mobile-id/start", Map.of("idNumber", "F128705611")).body()
        .get("transactionId").asText();
    assertEquals(200, phone.post("/sim/mobile-id/approve", Map.of("transactionId", transaction)).status());
    CLOCK.advance(Duration.ofSeconds(4));
    PortalClient.Reply in = phone.post("/api/auth/mobile-id/poll", Map.of("transactionId", transaction));
    assertEquals(200, in.status(), String.valueOf(in.body()));
    assertEquals("hrchang", in.body().get("user").get("account").asText());
  }
}
