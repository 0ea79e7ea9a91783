package tw.ecpa.portal.certificate;

import java.time.Instant;
import java.util.Objects;

/**
 * A certificate bound to an account: after the binding, the certificate alone (with its PIN) logs the
 * account in.
 *
 * @param accountId the account
 * @param fingerprint the SHA-256 of the DER certificate, lower-case hex
 * @param serial the certificate's serial number, upper-case hex
 * @param issuer the issuer's distinguished name
 * @param subject the subject's distinguished name
 * @param notAfter the end of the certificate's validity
 * @param boundAt when it was bound
 */
public record CertificateBinding(long accountId, String fingerprint, String serial, String issuer, String subject,
    Instant notAfter, Instant boundAt) {

  public CertificateBinding {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(notAfter, "notAfter");
    Objects.requireNonNull(boundAt, "boundAt");
  }

  /** The binding of a verified certificate to an account, made now. */
  public static CertificateBinding of(long accountId, CertificateFacts certificate, Instant at) {
    return new CertificateBinding(accountId, certificate.fingerprint(), certificate.serial(), certificate.issuer(),
        certificate.subject(), certificate.notAfter(), at);
  }
}
