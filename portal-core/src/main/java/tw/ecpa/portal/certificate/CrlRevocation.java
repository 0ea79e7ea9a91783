package tw.ecpa.portal.certificate;

import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/**
 * Revocation by CRL: the issuer's latest CRL must be signed by the issuer's key, not past its next update and
 * not dated more than {@link #CLOCK_SKEW} after the moment asked about; a certificate listed with a revocation date at or before the moment asked about is revoked.
 */
public final class CrlRevocation implements RevocationSource {

  private final CrlSource crls;

  /** Creates the check over a source of CRLs. */
  public CrlRevocation(CrlSource crls) {
    this.crls = crls;
  }

  @Override
  public RevocationStatus status(X509Certificate certificate, X509Certificate issuer, Instant at) {
    Optional<X509CRL> latest;
    try {
      latest = crls.latest(issuer);
    } catch (RuntimeException e) {
      return new RevocationStatus.Unknown("CRL source failed: " + e.getClass().getSimpleName());
    }
    if (latest.isEmpty()) {
      return new RevocationStatus.Unknown("no CRL");
    }
    X509CRL crl = latest.get();
    if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
      return new RevocationStatus.Unknown("CRL of another issuer");
    }
    try {
      crl.verify(issuer.getPublicKey());
    } catch (GeneralSecurityException e) {
      return new RevocationStatus.Unknown("CRL signature does not verify");
    }
    if (crl.getThisUpdate().toInstant().isAfter(at.plus(CLOCK_SKEW))) {
      return new RevocationStatus.Unknown("CRL from the future");
    }
    if (crl.getNextUpdate() != null && at.isAfter(crl.getNextUpdate().toInstant())) {
      return new RevocationStatus.Unknown("CRL past its next update");
    }
    X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
    if (entry != null && !entry.getRevocationDate().toInstant().isAfter(at)) {
      return new RevocationStatus.Revoked(entry.getRevocationDate().toInstant());
    }
    return new RevocationStatus.Good();
  }
}
