package tw.ecpa.portal.certificate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import tw.ecpa.portal.security.Secrets;

/**
 * The server's login challenges: random values the card signs to prove it is present now. Each is
 * 32 random bytes (base64url, 43 characters), lives two minutes and is good for one use; only its
 * SHA-256 is stored.
 */
public final class Challenges {

  /** How long an issued challenge is accepted. */
  public static final Duration LIFETIME = Duration.ofMinutes(2);
  /** Random bytes in a challenge. */
  public static final int BYTES = 32;
  /** Longer texts are not challenges and are not even hashed. */
  static final int MAX_LENGTH = 64;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ChallengeStore store;
  private final Clock clock;

  /** Creates the service over a store and a clock. */
  public Challenges(ChallengeStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * A challenge just issued.
   *
   * @param value the text to sign, base64url without padding
   * @param expiresAt when it stops being accepted
   */
  public record Challenge(String value, Instant expiresAt) {

    public Challenge {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  /** Issues a new challenge, stored until it is taken or expires ({@link #LIFETIME}). */
  public Challenge issue() {
    return issue(LIFETIME);
  }

  /**
   * Issues a new challenge that lives longer or shorter than {@link #LIFETIME}: a mobile-ID transaction's
   * challenge waits as long as the transaction, for the holder to confirm on the phone.
   */
  public Challenge issue(Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("a challenge must live a while");
    }
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant expiresAt = clock.instant().plus(lifetime);
    store.save(Secrets.sha256(value), expiresAt);
    return new Challenge(value, expiresAt);
  }

  /**
   * Uses a challenge up: true only once, only before it expires, and only for a challenge this
   * service issued. Null, empty and overlong values give false.
   */
  public boolean take(String challenge) {
    if (challenge == null || challenge.isEmpty() || challenge.length() > MAX_LENGTH) {
      return false;
    }
    return store.take(Secrets.sha256(challenge), clock.instant());
  }

  /** Removes the challenges that have expired; returns how many. For a periodic clean-up. */
  public int removeExpired() {
    return store.removeExpired(clock.instant());
  }
}
