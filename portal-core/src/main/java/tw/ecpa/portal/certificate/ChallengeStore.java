package tw.ecpa.portal.certificate;

import java.time.Instant;

/** Where issued login challenges wait, as SHA-256 hashes, shared by every server node. */
public interface ChallengeStore {

  /** Keeps a newly issued challenge's hash until it expires. */
  void save(String challengeHash, Instant expiresAt);

  /**
   * Removes a challenge that has not expired by this moment, in one atomic step: of several callers
   * taking the same challenge at once, at most one gets true.
   */
  boolean take(String challengeHash, Instant now);

  /** Removes every challenge expired by this moment; returns how many. */
  int removeExpired(Instant now);
}
