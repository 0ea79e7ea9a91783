package tw.ecpa.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tw.ecpa.portal.certificate.sim.CardResult;
import tw.ecpa.portal.certificate.sim.DemoCa;
import tw.ecpa.portal.certificate.sim.SoftwareCard;
import tw.ecpa.portal.testing.MovableClock;

/**
 * The server with {@code CARD_SERVICES=production}: the citizen-certificate login over the CA
 * certificates of a PEM bundle and a CRL fetched over HTTP from the CA's address (here a CA of the
 * test's own); no simulator routes, and the methods without a production client are not offered.
 */
class ProductionCardServicesApiTest {

  // The CA, its CRL server and the portal share one clock: the CRL is current where the portal checks it.
  static final MovableClock CLOCK = MovableClock.ticking(MovableClock.WORKING_MORNING);
  static final DemoCa CA = DemoCa.create(CLOCK);
  static final AtomicInteger CRL_FETCHES = new AtomicInteger();
  static final DemoCa.Issued REVOKED = CA.issuePerson("周志明", "7659");
  static HttpServer crls;
  @RegisterExtension
  static final RunningServer server =
      new RunningServer().clock(CLOCK).settings(settings -> settings.withCards(productionCards()));

  /**
   * Revokes {@link #REVOKED}, starts the CRL server and returns the production card settings that trust the demo
   * CA and fetch its CRL there; called once as the server starts.
   */
  static Settings.Cards productionCards() {
    try {
      CA.revoke(REVOKED.certificate(), REVOKED.certificate().getNotBefore().toInstant());
      crls = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      crls.createContext("/moica.crl", exchange -> {
        CRL_FETCHES.incrementAndGet();
        try {
          byte[] crl = CA.crl(CA.moicaCa()).getEncoded();
          exchange.sendResponseHeaders(200, crl.length);
          exchange.getResponseBody().write(crl);
        } catch (Exception e) {
          exchange.sendResponseHeaders(500, -1);
        }
        exchange.close();
      });
      crls.start();
      Path bundle = Files.createTempFile("moica", ".pem");
      Files.writeString(bundle, pem(CA.root()) + pem(CA.moicaCa()));
      return new Settings.Cards(false, Optional.of(bundle),
          Optional.of(URI.create("http://127.0.0.1:" + crls.getAddress().getPort() + "/moica.crl")),
          Optional.empty(), Optional.empty(), "http://localhost:61161");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stop() {
    if (crls != null) {
      crls.stop(0);
    }
  }

  static String pem(X509Certificate certificate) throws Exception {
    return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
  }

  static PortalClient.Reply login(PortalClient client, SoftwareCard card) {
    String challenge = client.post("/api/auth/moica/challenge", Map.of()).body().get("challenge").asText();
    CardResult.Signed signed = (CardResult.Signed) card.sign("123456", challenge.getBytes(StandardCharsets.US_ASCII));
    return client.post("/api/auth/moica/login",
        Map.of("signedData", Base64.getEncoder().encodeToString(signed.signedData())));
  }

  @Test
  void onlyTheConfiguredMethods_areOffered_andTheSimulatorsAreGone() {
    PortalClient client = new PortalClient(server);
    JsonNode methods = client.get("/api/auth/methods").body();
    Map<String, Boolean> enabled = new java.util.HashMap<>();
    methods.forEach(m -> enabled.put(m.get("id").asText(), m.get("enabled").asBoolean()));
    assertEquals(Map.of("password", true, "moica", true, "gca", false, "nhi", false, "mobile-id", false), enabled);
    assertEquals("http://localhost:61161", methods.get(1).get("component").asText());

    assertEquals(404, client.get("/sim/hicos/pkcs11info").status());
    PortalClient.Reply nhi = client.post("/api/auth/nhi/login", Map.of("cardNumber", "000011110001", "password", "x"));
    assertEquals(503, nhi.status());
    assertEquals("login-method-unavailable", nhi.body().get("error").asText());
  }

  @Test
  void aCardOfTheConfiguredCa_logsIn_andARevokedOne_isRefusedByTheFetchedCrl() {
    PortalClient client = new PortalClient(server);
    PortalClient.Reply binding = login(client, CA.issuePerson("王小明", "6789").card("123456"));
    assertEquals(200, binding.status(), String.valueOf(binding.body()));
    assertTrue(binding.body().get("bindingRequired").asBoolean());
    assertTrue(CRL_FETCHES.get() >= 1, "the CRL came over HTTP");

    PortalClient.Reply refused = login(new PortalClient(server), REVOKED.card("123456"));
    assertEquals(401, refused.status(), String.valueOf(refused.body()));
    assertTrue(refused.body().get("message").asText().contains("廢止"), refused.body().toString());

    PortalClient.Reply foreign = login(new PortalClient(server),
        DemoCa.create(CLOCK).issuePerson("王小明", "6789").card("123456"));
    assertEquals(401, foreign.status(), "a CA the bundle does not hold");
  }
}
