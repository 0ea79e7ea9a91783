package tw.ecpa.portal.certificate;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/** Tells whether a certificate is revoked: by CRL ({@link CrlRevocation}) or OCSP ({@link OcspRevocation}). */
public interface RevocationSource {

  /**
   * How far after the moment of a check a CRL or OCSP answer may be dated and still count: it is fetched after
   * the check began, dated in whole seconds, and the CA's clock may run a little ahead of ours.
   */
  Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /**
   * The revocation status of a certificate at a moment.
   *
   * @param certificate the certificate asked about
   * @param issuer the certificate of the CA that issued it (whose key signs the CRL or OCSP answer)
   * @param at the moment of the check
   */
  RevocationStatus status(X509Certificate certificate, X509Certificate issuer, Instant at);
}
