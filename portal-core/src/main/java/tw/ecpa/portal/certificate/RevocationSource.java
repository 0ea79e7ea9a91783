package tw.ecpa.portal.certificate;

import java.security.cert.X509Certificate;
import java.time.Instant;

/** Tells whether a certificate is revoked: by CRL ({@link CrlRevocation}) or OCSP ({@link OcspRevocation}). */
public interface RevocationSource {

  /**
   * The revocation status of a certificate at a moment.
   *
   * @param certificate the certificate asked about
   * @param issuer the certificate of the CA that issued it (whose key signs the CRL or OCSP answer)
   * @param at the moment of the check
   */
  RevocationStatus status(X509Certificate certificate, X509Certificate issuer, Instant at);
}
