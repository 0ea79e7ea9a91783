package tw.ecpa.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tw.ecpa.portal.testing.MovableClock;

/**
 * The NHI-card and mobile-ID logins over HTTP against the default run's simulators, on a clock the
 * test moves: the NHI card's wrong-password suspension, and the mobile-ID transaction from start
 * through polling to approval, denial, expiry and replay.
 */
class CardAndPhoneLoginApiTest {

  static final MovableClock CLOCK = new MovableClock(MovableClock.WORKING_MORNING);
  @RegisterExtension
  static final RunningServer server = new RunningServer().clock(CLOCK);

  @Test
  void anNhiCard_logsItsHolderIn_andThreeWrongPasswordsSuspendItForTenMinutes() {
    PortalClient client = new PortalClient(server);
    PortalClient.Reply in = client.post("/api/auth/nhi/login",
        Map.of("cardNumber", "000011110006", "password", "Nhi-Demo2026"));
    assertEquals(200, in.status(), String.valueOf(in.body()));
    assertEquals("admin", in.body().get("user").get("account").asText());
    assertEquals("nhi", client.get("/api/auth/session").body().get("loginMethod").asText());

    PortalClient other = new PortalClient(server);
    Map<String, String> wrong = Map.of("cardNumber", "000011110004", "password", "wrong-one");
    assertEquals(2, other.post("/api/auth/nhi/login", wrong).body().get("triesLeft").asInt());
    assertEquals(1, other.post("/api/auth/nhi/login", wrong).body().get("triesLeft").asInt());
    PortalClient.Reply suspended = other.post("/api/auth/nhi/login", wrong);
    assertEquals(423, suspended.status());
    Map<String, String> right = Map.of("cardNumber", "000011110004", "password", "Nhi-Demo2026");
    assertEquals(423, other.post("/api/auth/nhi/login", right).status(), "suspended even for the right password");
    CLOCK.advance(Duration.ofMinutes(10).plusSeconds(1));
    assertEquals(200, other.post("/api/auth/nhi/login", right).status(), "usable again after ten minutes");

    PortalClient.Reply unregistered = other.post("/api/auth/nhi/login",
        Map.of("cardNumber", "000011110005", "password", "Nhi-Demo2026"));
    assertEquals("nhi-not-registered", unregistered.body().get("error").asText());
    assertEquals(400, other.post("/api/auth/nhi/login", Map.of("cardNumber", "12", "password", "x")).status());
  }

  private static String started(PortalClient client, String idNumber) {
    PortalClient.Reply start = client.post("/api/auth/mobile-id/start", Map.of("idNumber", idNumber));
    assertEquals(202, start.status(), String.valueOf(start.body()));
    assertEquals(4, start.body().get("pollEverySeconds").asInt());
    return start.body().get("transactionId").asText();
  }

  private static PortalClient.Reply poll(PortalClient client, String transaction) {
    CLOCK.advance(Duration.ofSeconds(4));
    return client.post("/api/auth/mobile-id/poll", Map.of("transactionId", transaction));
  }

  @Test
  void aMobileIdLogin_waitsForThePhone_logsInOnApproval_andCannotBeReplayed() {
    PortalClient client = new PortalClient(server);
    String transaction = started(client, "F128705611");
    assertEquals(409, client.post("/api/auth/mobile-id/start", Map.of("idNumber", "F128705611")).status(),
        "one live transaction per ID");
    PortalClient.Reply tooSoon = client.post("/api/auth/mobile-id/poll", Map.of("transactionId", transaction));
    assertEquals(429, tooSoon.status());
    assertNotNull(tooSoon.retryAfter());
    assertEquals("waiting", poll(client, transaction).body().get("status").asText());

    assertEquals(200, client.post("/sim/mobile-id/approve", Map.of("transactionId", transaction)).status());
    PortalClient.Reply in = poll(client, transaction);
    assertEquals(200, in.status(), String.valueOf(in.body()));
    assertEquals("hrchang", in.body().get("user").get("account").asText());
    assertEquals("mobile-id", client.get("/api/auth/session").body().get("loginMethod").asText());

    PortalClient thief = new PortalClient(server);
    PortalClient.Reply replay = poll(thief, transaction);
    assertEquals(400, replay.status());
    assertEquals("already-used", replay.body().get("error").asText());
  }

  @Test
  void aMobileIdLogin_deniedOnThePhone_orLeftForThreeMinutes_logsNobodyIn() {
    PortalClient client = new PortalClient(server);
    String denied = started(client, "E123456783");
    assertEquals(200, client.post("/sim/mobile-id/deny", Map.of("transactionId", denied)).status());
    assertEquals("denied", poll(client, denied).body().get("error").asText());

    String left = started(client, "E123456783");
    CLOCK.advance(Duration.ofMinutes(3));
    assertEquals("expired", poll(client, left).body().get("error").asText());

    assertEquals("no-bound-phone", client.post("/api/auth/mobile-id/start", Map.of("idNumber", "K123456788"))
        .body().get("error").asText());
    assertEquals("invalid-id-number", client.post("/api/auth/mobile-id/start", Map.of("idNumber", "A123456788"))
        .body().get("error").asText());
    assertTrue(client.post("/api/auth/mobile-id/poll", Map.of("transactionId", "nope")).status() == 400);
  }
}
