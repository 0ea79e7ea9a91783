package tw.ecpa.portal.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.ecpa.portal.certificate.sim.DemoCa;
import tw.ecpa.portal.testing.MovableClock;

/**
 * The production adapters of the certificate logins: trusted CAs read from the PEM bundle the CAs
 * publish, and CRLs fetched over real HTTP from a CA's publication address and cached.
 */
class ProductionAdaptersTest {

  final DemoCa ca = CertificateFixture.ca();
  final AtomicInteger fetches = new AtomicInteger();
  final AtomicReference<byte[]> published = new AtomicReference<>();
  HttpServer server;
  URI address;

  @BeforeEach
  void publish() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/crl/moica.crl", exchange -> {
      fetches.incrementAndGet();
      byte[] body = published.get();
      exchange.sendResponseHeaders(body == null ? 503 : 200, body == null ? -1 : body.length);
      if (body != null) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
    address = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/crl/moica.crl");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static String pem(X509Certificate certificate) throws Exception {
    return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
  }

  @Test
  void aPemBundle_givesTheSelfSignedRootsAndTheIssuingCas(@TempDir Path dir) throws Exception {
    Path bundle = dir.resolve("moica.pem");
    Files.writeString(bundle, pem(ca.moicaCa()) + pem(ca.root()));

    TrustedIssuers trusted = TrustedIssuers.fromBundle(bundle);

    assertEquals(java.util.List.of(ca.root()), trusted.roots());
    assertEquals(java.util.List.of(ca.moicaCa()), trusted.issuingCas());
    Files.writeString(bundle, pem(ca.root()));
    assertThrows(IllegalArgumentException.class, () -> TrustedIssuers.fromBundle(bundle), "no issuing CA");
    assertThrows(IllegalArgumentException.class, () -> TrustedIssuers.fromBundle(dir.resolve("missing.pem")));
  }

  @Test
  void theCrl_isFetchedOverHttp_keptUntilDue_andTheLastOneServesWhileTheCaIsDown() throws Exception {
    MovableClock clock = new MovableClock();
    published.set(ca.crl(ca.moicaCa()).getEncoded());
    HttpCrlSource source = new HttpCrlSource(Map.of(ca.moicaCa().getSubjectX500Principal(), address),
        HttpClient.newHttpClient(), clock, Duration.ofHours(1));

    assertTrue(source.latest(ca.moicaCa()).isPresent());
    assertTrue(source.latest(ca.moicaCa()).isPresent());
    assertEquals(1, fetches.get(), "kept, not fetched again");
    assertTrue(source.latest(ca.gcaCa()).isEmpty(), "no address for that CA");

    clock.advance(Duration.ofHours(2));
    assertTrue(source.latest(ca.moicaCa()).isPresent());
    assertEquals(2, fetches.get(), "fetched again after an hour");

    published.set(null);
    clock.advance(Duration.ofHours(2));
    assertTrue(source.latest(ca.moicaCa()).isPresent(), "the CA is down: the last CRL is handed on");
    assertEquals(3, fetches.get());
    HttpCrlSource fresh = new HttpCrlSource(Map.of(ca.moicaCa().getSubjectX500Principal(), address),
        HttpClient.newHttpClient(), clock, Duration.ofHours(1));
    assertTrue(fresh.latest(ca.moicaCa()).isEmpty(), "nothing to hand on: no CRL, and the check refuses");
  }

  @Test
  void aRevokedCertificate_isRefused_throughTheFetchedCrl() {
    var card = ca.issuePerson("王小明", "6789");
    ca.revoke(card.certificate(), card.certificate().getNotBefore().toInstant());
    published.set(crlBytes());
    MovableClock clock = new MovableClock();
    CrlRevocation revocation = new CrlRevocation(new HttpCrlSource(
        Map.of(ca.moicaCa().getSubjectX500Principal(), address), HttpClient.newHttpClient(), clock, Duration.ofMinutes(5)));

    assertInstanceOf(RevocationStatus.Revoked.class, revocation.status(card.certificate(), ca.moicaCa(), clock.instant()));
    assertInstanceOf(RevocationStatus.Good.class,
        revocation.status(ca.issuePerson("周志明", "7659").certificate(), ca.moicaCa(), clock.instant()));
  }

  private byte[] crlBytes() {
    try {
      return ca.crl(ca.moicaCa()).getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
