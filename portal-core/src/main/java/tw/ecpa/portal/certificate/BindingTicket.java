package tw.ecpa.portal.certificate;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified but unbound certificate waiting, for a few minutes, for its holder to type the custom
 * account or identity number to bind it to.
 *
 * @param ticketHash the SHA-256 of the ticket handed to the browser
 * @param certificate the verified certificate, DER
 * @param expiresAt when the ticket stops being accepted
 * @param failedAttempts wrong accounts typed against it so far
 */
public record BindingTicket(String ticketHash, byte[] certificate, Instant expiresAt, int failedAttempts) {

  public BindingTicket {
    Objects.requireNonNull(ticketHash, "ticketHash");
    certificate = certificate.clone();
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public byte[] certificate() {
    return certificate.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BindingTicket t && t.ticketHash.equals(ticketHash)
        && java.util.Arrays.equals(t.certificate, certificate) && t.expiresAt.equals(expiresAt)
        && t.failedAttempts == failedAttempts;
  }

  @Override
  public int hashCode() {
    return ticketHash.hashCode();
  }

  @Override
  public String toString() {
    return "BindingTicket[expiresAt=" + expiresAt + ", failedAttempts=" + failedAttempts + "]";
  }
}
