package tw.ecpa.portal.certificate;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.x500.X500Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CRLs fetched over HTTP from each CA's publication address (as MOICA and GCA publish them), kept until
 * their next update or for at most {@code maxAge}, whichever comes first. When a fetch fails the last
 * CRL is used while it is current; the revocation check refuses a stale one.
 */
public final class HttpCrlSource implements CrlSource {

  private static final Logger LOG = LoggerFactory.getLogger(HttpCrlSource.class);

  private record Cached(X509CRL crl, Instant fetchedAt) {}

  private final Map<X500Principal, URI> addresses;
  private final HttpClient http;
  private final Clock clock;
  private final Duration maxAge;
  private final Map<URI, Cached> cache = new ConcurrentHashMap<>();

  /**
   * Creates the source.
   *
   * @param addresses each issuing CA's subject and the address its CRL is published at
   * @param maxAge how long a CRL is kept before it is fetched again, even if not yet due
   */
  public HttpCrlSource(Map<X500Principal, URI> addresses, HttpClient http, Clock clock, Duration maxAge) {
    this.addresses = Map.copyOf(addresses);
    this.http = http;
    this.clock = clock;
    this.maxAge = maxAge;
  }

  @Override
  public Optional<X509CRL> latest(X509Certificate issuer) {
    URI address = addresses.get(issuer.getSubjectX500Principal());
    if (address == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Cached cached = cache.get(address);
    if (cached != null && now.isBefore(cached.fetchedAt().plus(maxAge))
        && (cached.crl().getNextUpdate() == null || now.isBefore(cached.crl().getNextUpdate().toInstant()))) {
      return Optional.of(cached.crl());
    }
    try {
      HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(10))
          .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + response.statusCode());
      }
      X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
          .generateCRL(new ByteArrayInputStream(response.body()));
      cache.put(address, new Cached(crl, now));
      return Optional.of(crl);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.ofNullable(cached).map(Cached::crl);
    } catch (Exception e) {
      LOG.warn("the CRL at {} could not be fetched ({}); the last one is used while it is current", address,
          e.toString());
      return Optional.ofNullable(cached).map(Cached::crl);
    }
  }
}
