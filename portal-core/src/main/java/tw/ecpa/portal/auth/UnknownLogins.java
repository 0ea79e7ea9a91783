package tw.ecpa.portal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The wrong-login counts of names no account has (or whose account has no password yet), kept by a digest
 * of the name so that {@link PasswordLogin} can lock an unknown name at the fifth failure exactly as it locks
 * an account: otherwise five requests would tell whether an account exists.
 */
public interface UnknownLogins {

  /**
   * A name's count.
   *
   * @param failedAttempts wrong logins in a row
   * @param lockedUntil the end of the lock, or {@code null}
   */
  record State(int failedAttempts, Instant lockedUntil) {}

  /** The count of a digest ({@link #digest}), when there is one. */
  Optional<State> find(String digest);

  /** Records a digest's count after a failure at {@code at}, and forgets counts unchanged for a day and unlocked. */
  void record(String digest, State state, Instant at);

  /**
   * The digest a typed name is kept by: SHA-256 of the name as logins compare it (trimmed, Latin letters in
   * lower case), in hex. Never the name itself: it may be a password typed into the wrong field.
   */
  static String digest(String login) {
    String name = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(("unknown-login\0" + name).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
