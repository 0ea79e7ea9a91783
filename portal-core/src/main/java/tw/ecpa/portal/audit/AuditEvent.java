package tw.ecpa.portal.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded security event. Identity numbers are stored masked ({@code A1234*****}); passwords,
 * codes and PINs are never part of an event.
 *
 * @param at when it happened
 * @param kind what happened
 * @param actor who did it (masked identity number or custom account), or {@code null}
 * @param target whom it concerned (masked identity number), or {@code null}
 * @param clientAddress the client's network address, or {@code null}
 * @param detail a short English detail, or {@code null}
 */
public record AuditEvent(Instant at, AuditKind kind, String actor, String target, String clientAddress,
    String detail) {

  public AuditEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
  }
}
