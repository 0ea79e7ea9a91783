package tw.ecpa.portal.permission;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A delegation (兼辦): a system or HR function of one organization, held by the delegator, lent to a
 * person (usually of another organization or unit) from the start date to the end date inclusive, in
 * Taiwan time. Outside the period, or once revoked, it has no effect.
 *
 * @param id the key ({@code 0} before it is stored)
 * @param organizationCode the organization on whose behalf the delegate acts
 * @param delegatorAccountId who lent the right; it must hold the right itself
 * @param delegateAccountId who receives it
 * @param systemId the system or HR function
 * @param startDate the first day it applies
 * @param endDate the last day it applies
 * @param createdAt when it was made
 * @param createdBy who made it (custom account or masked identity number)
 * @param revokedAt when it was revoked, or {@code null}
 * @param revokedBy who revoked it, or {@code null}
 */
public record Delegation(long id, String organizationCode, long delegatorAccountId, long delegateAccountId,
    String systemId, LocalDate startDate, LocalDate endDate, Instant createdAt, String createdBy,
    Instant revokedAt, String revokedBy) {

  /** The zone whose calendar days the periods count in. */
  public static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

  /** Where a delegation stands at a given moment. */
  public enum Status {
    /** The period has not begun. */
    SCHEDULED,
    /** In its period and not revoked. */
    ACTIVE,
    /** The period is over. */
    ENDED,
    /** Revoked. */
    REVOKED
  }

  public Delegation {
    Objects.requireNonNull(organizationCode, "organizationCode");
    Objects.requireNonNull(systemId, "systemId");
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(endDate, "endDate");
    Objects.requireNonNull(createdAt, "createdAt");
    if (endDate.isBefore(startDate)) {
      throw new IllegalArgumentException("a delegation ends on or after its start");
    }
  }

  /** Where the delegation stands at this moment. */
  public Status statusAt(Instant at) {
    if (revokedAt != null && !at.isBefore(revokedAt)) {
      return Status.REVOKED;
    }
    LocalDate day = LocalDate.ofInstant(at, TAIPEI);
    if (day.isBefore(startDate)) {
      return Status.SCHEDULED;
    }
    return day.isAfter(endDate) ? Status.ENDED : Status.ACTIVE;
  }

  /** Whether it is in its period and not revoked at this moment. */
  public boolean activeAt(Instant at) {
    return statusAt(at) == Status.ACTIVE;
  }

  /** A copy as stored, with its key. */
  public Delegation withId(long newId) {
    return new Delegation(newId, organizationCode, delegatorAccountId, delegateAccountId, systemId, startDate,
        endDate, createdAt, createdBy, revokedAt, revokedBy);
  }
}
