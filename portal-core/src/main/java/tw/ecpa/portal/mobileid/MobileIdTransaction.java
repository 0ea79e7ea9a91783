package tw.ecpa.portal.mobileid;

import java.time.Instant;
import java.util.Objects;
import tw.ecpa.portal.identity.IdNumber;

/**
 * A mobile-ID login transaction as the portal keeps it, shared by every server node. The transaction id
 * and the challenge are kept as SHA-256 hashes only; the identity number only while the transaction is
 * pending (the masked form stays for the audit).
 *
 * @param transactionHash the SHA-256 of the transaction id the client polls with
 * @param idNumber the identity number it was started for, or {@code null} once it ended
 * @param maskedId the masked identity number
 * @param challengeHash the SHA-256 of the challenge the phone signs
 * @param status where it stands
 * @param startedAt when it was started
 * @param expiresAt when it stops waiting for the phone
 * @param lastPollAt the last poll let through (the start counts as one)
 */
public record MobileIdTransaction(String transactionHash, IdNumber idNumber, String maskedId, String challengeHash,
    Status status, Instant startedAt, Instant expiresAt, Instant lastPollAt) {

  /** Where a transaction stands. Every status but {@link #PENDING} is final. */
  public enum Status {
    /** Waiting for the holder to act on the phone. */
    PENDING,
    /** The phone's approval was collected by a poll (whether or not it then logged anyone in). */
    APPROVED,
    /** The holder declined on the phone. */
    DENIED,
    /** Nobody acted in time. */
    EXPIRED,
    /** The service refused or lost the transaction. */
    FAILED
  }

  public MobileIdTransaction {
    Objects.requireNonNull(transactionHash, "transactionHash");
    Objects.requireNonNull(maskedId, "maskedId");
    Objects.requireNonNull(challengeHash, "challengeHash");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(lastPollAt, "lastPollAt");
  }

  /** Whether it still waits for the phone at this moment. */
  public boolean liveAt(Instant now) {
    return status == Status.PENDING && now.isBefore(expiresAt);
  }
}
