package tw.ecpa.portal.certificate;

import java.time.Instant;

/** Whether a certificate was revoked, as a CRL or an OCSP responder tells it. */
public sealed interface RevocationStatus {

  /** Not revoked as of the answer. */
  record Good() implements RevocationStatus {}

  /** Revoked at this moment. */
  record Revoked(Instant at) implements RevocationStatus {}

  /** The status cannot be told: no fresh answer, or an answer that does not verify. */
  record Unknown(String why) implements RevocationStatus {}
}
