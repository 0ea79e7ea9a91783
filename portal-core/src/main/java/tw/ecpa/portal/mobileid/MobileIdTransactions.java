package tw.ecpa.portal.mobileid;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where mobile-ID login transactions are kept, shared by every server node. Each change that decides
 * something is one conditional statement, so that of several nodes racing only one wins.
 */
public interface MobileIdTransactions {

  /**
   * Stores a new pending transaction, unless its identity number has a live one: pending transactions of
   * that number expired by {@code now} are closed first. False, and nothing stored, when a live one
   * exists (of two started at once for one number, one is stored).
   */
  boolean create(MobileIdTransaction transaction, Instant now);

  /** The transaction with this hash, whatever its status. */
  Optional<MobileIdTransaction> find(String transactionHash);

  /**
   * Lets a poll through: records {@code now} as the last poll of a pending transaction whose last poll
   * was at least {@code interval} ago. False when it was sooner, or the transaction is not pending.
   */
  boolean touch(String transactionHash, Instant now, Duration interval);

  /**
   * Ends a pending transaction with a final status and forgets its identity number. True for the one
   * caller that ended it; false when it was not pending.
   */
  boolean end(String transactionHash, MobileIdTransaction.Status status);

  /** Ends as expired every pending transaction expired by this moment; returns how many. */
  int expire(Instant now);

  /** Removes every transaction that expired before this moment, whatever its status; returns how many. */
  int removeExpiredBefore(Instant before);
}
