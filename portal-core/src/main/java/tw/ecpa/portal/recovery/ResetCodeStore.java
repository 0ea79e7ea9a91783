package tw.ecpa.portal.recovery;

import java.time.Instant;
import java.util.Optional;

/** Where verification codes and reset grants are kept, shared by every server node. */
public interface ResetCodeStore {

  /** Why a code was closed. */
  enum Closed { USED, REPLACED, TOO_MANY_TRIES }

  /** Keeps a new code for an account and closes every older open one (a new request voids them). */
  void issue(long accountId, String codeHash, Instant at, Instant expiresAt);

  /** The account's open, unexpired code, if any. */
  Optional<ResetCode> open(long accountId, Instant now);

  /** Closes an open code; false when it was closed already (someone else used it first). */
  boolean close(long codeId, Instant at, Closed reason);

  /** Counts a wrong code typed against this code; returns the new count. */
  int recordFailure(long codeId);

  /** Keeps a grant: whoever shows the token may set the account's new password until it expires. */
  void grant(String tokenHash, long accountId, Instant expiresAt);

  /** The account of a live grant, without using it up. */
  Optional<Long> grantee(String tokenHash, Instant now);

  /** Uses a grant up; false when it was used already. */
  boolean takeGrant(String tokenHash);

  /** Removes expired codes and grants; returns how many. */
  int removeExpired(Instant now);
}
